#include <nlohmann/json.hpp>

#include "boussole/output.hpp"
#include "boussole/visible.hpp"

namespace boussole {

std::string render_json(const LintResult& r) {
    nlohmann::ordered_json diagnostics = nlohmann::ordered_json::array();
    for (const Diagnostic& d : r.diagnostics) {
        diagnostics.push_back({{"file", d.file},
                               {"line", d.line},
                               {"column", d.column},
                               {"severity", to_string(d.severity)},
                               {"rule", d.rule},
                               {"message", d.message}});
    }
    const nlohmann::ordered_json doc = {
        {"version", 1},
        {"files", r.files},
        {"diagnostics", std::move(diagnostics)},
        {"summary", {{"errors", r.errors}, {"warnings", r.warnings}, {"infos", r.infos}}}};
    return json_document(doc);
}

}  // namespace boussole
