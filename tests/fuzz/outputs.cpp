// Fuzz target: one roadmap file linted, then every machine-read lint output: JSON, SARIF and
// GitLab's code-quality report. Properties: no crash, leak, undefined behaviour or exception
// (bytes that are not UTF-8 included); every document is made.
#include <cstdint>
#include <string_view>

#include "boussole/lint.hpp"
#include "boussole/loader.hpp"
#include "boussole/output.hpp"
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace boussole;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const LintResult result = lint_roadmap(load_roadmap_from_string(text, "roadmap.yaml"));
    fuzz::require(!render_json(result).empty(), "the JSON output is made");
    fuzz::require(!render_sarif(result).empty(), "the SARIF log is made");
    fuzz::require(!render_gitlab(result).empty(), "the GitLab report is made");
    return 0;
}
