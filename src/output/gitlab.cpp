// GitLab Code Quality report (the subset of the Code Climate format GitLab reads).
#include <nlohmann/json.hpp>

#include "boussole/output.hpp"
#include "boussole/visible.hpp"

namespace boussole {

namespace {

// GitLab's scale is info, minor, major, critical, blocker: an error fails the pipeline, so
// it is major; blocker and critical are left for findings worse than a lint error.
std::string_view gitlab_severity(Severity s) {
    switch (s) {
        case Severity::error:
            return "major";
        case Severity::warning:
            return "minor";
        default:
            return "info";
    }
}

}  // namespace

std::string render_gitlab(const LintResult& r, const std::string& root) {
    const std::vector<std::string> prints = fingerprints(r, root);
    nlohmann::ordered_json report = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < r.diagnostics.size(); ++i) {
        const Diagnostic& d = r.diagnostics[i];
        report.push_back({{"description", d.message},
                          {"check_name", d.rule},
                          {"fingerprint", prints[i]},
                          {"severity", gitlab_severity(d.severity)},
                          {"location", {{"path", repository_path(d.file, root)}, {"lines", {{"begin", d.line}}}}}});
    }
    return json_document(report);
}

}  // namespace boussole
