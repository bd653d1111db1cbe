// Fuzz target: one roadmap file through the loader, every lint rule and the outputs people and
// CI logs read (text, GitHub annotations). Kept fast (the JSON formats, whose SARIF log carries
// the whole rule catalogue, are fuzz_outputs'), so that it runs thousands of inputs a second.
// Properties: no crash, leak, undefined behaviour or exception; the counts add up.
#include <cstdint>
#include <string_view>

#include "boussole/lint.hpp"
#include "boussole/loader.hpp"
#include "boussole/output.hpp"
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace boussole;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const Roadmap roadmap = load_roadmap_from_string(text, "roadmap.yaml");
    const LintResult result = lint_roadmap(roadmap);
    fuzz::require(result.errors + result.warnings + result.infos == result.diagnostics.size(),
                  "the counts of a lint add up to its diagnostics");
    fuzz::require(!render_text(result, false).empty(), "the text output says something");
    (void)render_github(result);
    return 0;
}
