// Fuzz target: a small roadmap tree (up to six files, cut at NUL bytes) read as a directory is
// read, then linted: cross-file references, duplicate ids across files, several roadmap blocks.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "boussole/lint.hpp"
#include "boussole/loader.hpp"
#include "boussole/output.hpp"
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace boussole;
    static const std::array<const char*, 6> names = {"roadmap.yaml",       "people.yaml",      "okrs.yaml",
                                                     "streams/build.yaml", "streams/run.yaml", "streams/z.yml"};
    std::vector<FileText> files;
    for (std::string_view part : fuzz::split(data, size, names.size()))
        files.push_back({names[files.size()], std::string(part)});
    const Roadmap roadmap = load_roadmap_from_texts("roadmap", files, LoadOptions{1});
    const LintResult result = lint_roadmap(roadmap);
    fuzz::require(result.files == files.size(), "every file of the tree is counted");
    fuzz::require(!render_text(result, false).empty(), "the text output says something");
    return 0;
}
