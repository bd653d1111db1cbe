#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "boussole/lint.hpp"
#include "boussole/spell.hpp"

namespace boussole {

namespace {

class Collector final : public Reporter {
public:
    Collector(std::vector<Finding>& out, std::string_view rule) : out_(out), rule_(rule) {}
    void report(SourcePos pos, std::string message) override { out_.push_back({rule_, pos, std::move(message)}); }

private:
    std::vector<Finding>& out_;
    std::string_view rule_;
};

// Severity of each rule: its default, then roadmap.lint.rules, then the command line.
std::map<std::string_view, Severity> severities(const Roadmap& r, const LintOptions& options,
                                                std::vector<Finding>& findings) {
    std::map<std::string_view, Severity> sev;
    for (const Rule* rule : all_rules()) sev[rule->id] = rule->default_severity;
    if (const RoadmapInfo* info = r.info()) {
        const std::vector<std::string> ids = rule_ids();
        for (const RuleSetting& s : info->lint.rules) {
            const Rule* rule = find_rule(*s.rule);
            if (!rule) {
                findings.push_back(
                    {"invalid-value", s.rule.pos,
                     fmt::format("unknown rule '{}' in roadmap.lint.rules{}", *s.rule, did_you_mean(*s.rule, ids))});
                continue;
            }
            sev[rule->id] = s.severity;
        }
    }
    for (const auto& [id, s] : options.rule_overrides)
        if (const Rule* rule = find_rule(id)) sev[rule->id] = s;
    return sev;
}

// Sorts by path, line and column, drops repeats (a value read twice through an alias), counts.
void finalize(LintResult& out) {
    auto key = [](const Diagnostic& d) { return std::tie(d.file, d.line, d.column, d.rule, d.message); };
    std::sort(out.diagnostics.begin(), out.diagnostics.end(),
              [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
    out.diagnostics.erase(std::unique(out.diagnostics.begin(), out.diagnostics.end(),
                                      [&](const Diagnostic& a, const Diagnostic& b) { return key(a) == key(b); }),
                          out.diagnostics.end());
    out.errors = out.warnings = out.infos = 0;
    for (const Diagnostic& d : out.diagnostics) {
        if (d.severity == Severity::error) ++out.errors;
        if (d.severity == Severity::warning) ++out.warnings;
        if (d.severity == Severity::info) ++out.infos;
    }
}

}  // namespace

LintResult lint_roadmap(const Roadmap& roadmap, const LintOptions& options) {
    std::vector<Finding> findings = roadmap.load_findings;
    const RoadmapIndex index(roadmap);
    LintContext ctx{roadmap, index};
    if (const RoadmapInfo* info = roadmap.info()) {
        const LintSettings& l = info->lint;
        const int lo = l.themes_min ? static_cast<int>(*l.themes_min) : ctx.themes_min;
        const int hi = l.themes_max ? static_cast<int>(*l.themes_max) : ctx.themes_max;
        if (lo > hi) {
            findings.push_back({"invalid-value", l.themes_min ? l.themes_min.pos : l.themes_max.pos,
                                fmt::format("themes.min ({}) is greater than themes.max ({})", lo, hi)});
        } else {
            ctx.themes_min = lo;
            ctx.themes_max = hi;
        }
    }
    const auto sev = severities(roadmap, options, findings);

    LintResult result;
    result.files = roadmap.files.size();
    std::vector<std::string_view> skipped;
    for (const Rule* rule : all_rules()) {
        if (!rule->check || sev.at(rule->id) == Severity::off) continue;
        if (rule->needs_whole_tree && roadmap.unparsable_files > 0) {
            skipped.push_back(rule->id);
            continue;
        }
        Collector out(findings, rule->id);
        rule->check(ctx, out);
    }
    if (!skipped.empty())
        result.notes.push_back(fmt::format(
            "{}: {} could not be parsed; fix {} first: the rules that need the whole roadmap "
            "were skipped ({})",
            roadmap.root, roadmap.unparsable_files == 1 ? "1 file" : fmt::format("{} files", roadmap.unparsable_files),
            roadmap.unparsable_files == 1 ? "it" : "them", fmt::join(skipped, ", ")));

    for (Finding& f : findings) {
        const auto it = sev.find(f.rule);
        const Severity s = it == sev.end() ? Severity::error : it->second;
        if (s == Severity::off) continue;
        Diagnostic d;
        d.file = f.pos.file < roadmap.files.size() ? roadmap.files[f.pos.file].display_path : roadmap.root;
        d.line = std::max<std::uint32_t>(f.pos.line, 1);
        d.column = std::max<std::uint32_t>(f.pos.column, 1);
        d.end_line = d.line;
        d.end_column = d.column + std::max<std::uint32_t>(f.pos.length, 1);  // exclusive, as SARIF's
        d.severity = s;
        d.rule = std::string(f.rule);
        d.message = std::move(f.message);
        result.diagnostics.push_back(std::move(d));
    }
    finalize(result);
    return result;
}

LintResult merge_results(std::vector<LintResult> results) {
    LintResult out;
    for (LintResult& r : results) {
        out.files += r.files;
        std::move(r.diagnostics.begin(), r.diagnostics.end(), std::back_inserter(out.diagnostics));
        std::move(r.notes.begin(), r.notes.end(), std::back_inserter(out.notes));
    }
    finalize(out);
    return out;
}

}  // namespace boussole
