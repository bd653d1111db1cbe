// Differential fuzz target: the incremental reader against a whole parse. The input holds
// versions of one file cut at NUL bytes; each version read from the previous one item by item
// must equal the same version read whole (tests/versions_test.cpp checks the same on scripted
// edits; this searches the edits nobody scripted).
#include <cstdint>
#include <string_view>

#include "boussole/loader.hpp"
#include "fuzz.hpp"
#include "same_roadmap.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace boussole;
    const auto texts = fuzz::split(data, size, 4);
    FileVersion version = read_file_version("s.yaml", texts[0]);
    for (std::size_t i = 1; i < texts.size(); ++i) {
        FileVersion next = read_next_file_version(version, texts[i - 1], texts[i]);
        const FileVersion whole = read_file_version("s.yaml", texts[i]);
        fuzz::require(test::same_roadmap(next.roadmap, whole.roadmap),
                      "a version read item by item equals the same version read whole");
        version = std::move(next);
    }
    return 0;
}
