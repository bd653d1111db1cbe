// SARIF 2.1.0, as GitHub code scanning reads it.
#include <cctype>
#include <filesystem>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "boussole/io.hpp"
#include "boussole/output.hpp"
#include "boussole/visible.hpp"

namespace boussole {

namespace {

using json = nlohmann::ordered_json;

std::string_view level(Severity s) {
    switch (s) {
        case Severity::error:
            return "error";
        case Severity::warning:
            return "warning";
        case Severity::info:
            return "note";
        case Severity::off:
            return "none";
    }
    return "error";
}

// "unknown-key" -> "UnknownKey": SARIF's rule name is an identifier, the id stays as is.
std::string rule_name(std::string_view id) {
    std::string out;
    bool upper = true;
    for (char c : id) {
        if (c == '-') {
            upper = true;
            continue;
        }
        out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        upper = false;
    }
    return out;
}

// Where a file is: a URI relative to the source root (%SRCROOT%, the git work tree) when it lies
// inside it; else an absolute file:// URI of its own, since a relative reference may not start
// with a slash or climb out of its base (SARIF1004).
json artifact_location(const std::string& file, const std::string& root) {
    const std::string relative = repository_path(file, root);
    const std::filesystem::path p(relative);
    if (!p.is_absolute() && (p.empty() || *p.begin() != ".."))
        return {{"uri", uri_path(relative)}, {"uriBaseId", "%SRCROOT%"}};
    std::error_code ec;
    const std::filesystem::path absolute = std::filesystem::absolute(file, ec).lexically_normal();
    return {{"uri", "file://" + uri_path(absolute.generic_string())}};
}

json rule_descriptor(const Rule& r) {
    const std::string text = fmt::format("{}\n\nBad:\n{}\n\nGood:\n{}\n", r.why, r.bad, r.good);
    const std::string markdown =
        fmt::format("{}\n\nBad:\n\n```yaml\n{}\n```\n\nGood:\n\n```yaml\n{}\n```\n", r.why, r.bad, r.good);
    return {{"id", to_string(r.id)},
            {"name", rule_name(to_string(r.id))},
            {"shortDescription", {{"text", r.summary}}},
            {"fullDescription", {{"text", r.why}}},
            {"help", {{"text", text}, {"markdown", markdown}}},
            {"helpUri", rule_documentation_url(r.id)},
            {"defaultConfiguration", {{"level", level(r.default_severity)}}},
            {"properties", {{"tags", {"roadmap"}}}}};
}

}  // namespace

std::string render_sarif(const LintResult& r, const std::string& root) {
    json rules = json::array();
    const auto catalogue = all_rules();
    for (const Rule* rule : catalogue) rules.push_back(rule_descriptor(*rule));

    const std::vector<std::string> prints = fingerprints(r, root);
    json results = json::array();
    for (std::size_t i = 0; i < r.diagnostics.size(); ++i) {
        const Diagnostic& d = r.diagnostics[i];
        std::size_t index = 0;
        while (index < catalogue.size() && to_string(catalogue[index]->id) != d.rule) ++index;
        json region = {{"startLine", d.line},
                       {"startColumn", d.column},
                       {"endLine", d.end_line},
                       {"endColumn", std::max(d.end_column, d.column + 1)}};
        results.push_back(
            {{"ruleId", d.rule},
             {"ruleIndex", index},
             {"level", level(d.severity)},
             {"message", {{"text", d.message}}},
             {"locations",
              {{{"physicalLocation",
                 {{"artifactLocation", artifact_location(d.file, root)}, {"region", std::move(region)}}}}}},
             {"partialFingerprints", {{"boussole/v1", prints[i]}}}});
    }

    const json log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                      {"version", "2.1.0"},
                      {"runs",
                       {{{"tool",
                          {{"driver",
                            {{"name", "boussole"},
                             {"version", BOUSSOLE_VERSION},
                             {"semanticVersion", BOUSSOLE_VERSION},
                             {"informationUri", BOUSSOLE_HOMEPAGE},
                             {"rules", std::move(rules)}}}}},
                         {"columnKind", "unicodeCodePoints"},
                         {"results", std::move(results)}}}}};
    return json_document(log);
}

}  // namespace boussole
