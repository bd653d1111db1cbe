#include <algorithm>
#include <array>
#include <tuple>

#include <fmt/format.h>

#include "boussole/lint.hpp"
#include "boussole/spell.hpp"

namespace boussole {

namespace {

class Collector final : public Reporter {
public:
    Collector(std::vector<Finding>& out, RuleId rule) : out_(out), rule_(rule) {}
    void report(SourcePos pos, std::string message) override { out_.push_back({rule_, pos, std::move(message)}); }
    void report_fixable(SourcePos pos, std::string message, std::vector<std::string> suggestions) override {
        out_.push_back({rule_, pos, std::move(message), Severity::error, std::move(suggestions)});
    }

private:
    std::vector<Finding>& out_;
    RuleId rule_;
};

using Severities = std::array<Severity, rule_count>;

// Severity of each rule: its default, then roadmap.lint.rules, then the command line.
Severities severities(const Roadmap& r, const LintOptions& options, std::vector<Finding>& findings) {
    Severities sev{};
    for (const Rule* rule : all_rules()) sev[static_cast<std::size_t>(rule->id)] = rule->default_severity;
    if (const RoadmapInfo* info = r.info()) {
        const std::vector<std::string> ids = rule_ids();
        for (const RuleSetting& s : info->lint.rules) {
            const std::optional<RuleId> id = parse_rule_id(*s.rule);
            if (!id) {
                findings.push_back(
                    {RuleId::invalid_value, s.rule.pos,
                     fmt::format("unknown rule '{}' in roadmap.lint.rules{}", *s.rule, did_you_mean(*s.rule, ids))});
                continue;
            }
            sev[static_cast<std::size_t>(*id)] = s.severity;
        }
    }
    for (const auto& [id, s] : options.rule_overrides) sev[static_cast<std::size_t>(id)] = s;
    return sev;
}

// The value of every option the rules declare: its default, else what roadmap.lint sets. Two
// options that bound each other (min <= max) and disagree are reported, and both defaults used.
std::map<std::string_view, int> option_values(const Roadmap& r, std::vector<Finding>& findings) {
    std::map<std::string_view, int> values;
    for (const Rule* rule : all_rules())
        for (const RuleOption& o : rule->options) values[o.path] = o.default_value;
    const RoadmapInfo* info = r.info();
    if (!info) return values;
    const auto written = [&](std::string_view path) -> const Field<double>* {
        const auto it = info->lint.options.find(path);
        return it != info->lint.options.end() && it->second ? &it->second : nullptr;
    };
    std::map<std::string_view, int> set = values;
    for (auto& [path, value] : set)
        if (const Field<double>* f = written(path)) value = static_cast<int>(**f);
    for (const Rule* rule : all_rules()) {
        for (const RuleOption& o : rule->options) {
            if (o.at_most.empty()) continue;
            const int lo = set.at(o.path), hi = set.at(o.at_most);
            if (lo <= hi) continue;
            const Field<double>* at = written(o.path);
            findings.push_back({RuleId::invalid_value, (at ? at : written(o.at_most))->pos,
                                fmt::format("{} ({}) is greater than {} ({})", o.path, lo, o.at_most, hi)});
            set[o.path] = values.at(o.path);
            set[o.at_most] = values.at(o.at_most);
        }
    }
    return set;
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
    const auto options_set = option_values(roadmap, findings);
    const Severities sev = severities(roadmap, options, findings);
    const LintContext ctx{roadmap, index, options_set, sev};

    LintResult result;
    result.files = roadmap.files.size();
    result.notes = roadmap.notes;  // entries of the tree skipped while reading it
    std::vector<std::string_view> skipped;
    for (const Rule* rule : all_rules()) {
        if (!rule->check || sev[static_cast<std::size_t>(rule->id)] == Severity::off) continue;
        if (rule->needs_whole_tree && roadmap.unparsable_files > 0) {
            skipped.push_back(to_string(rule->id));
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
        const Severity s = std::min(sev[static_cast<std::size_t>(f.rule)], f.at_most);
        if (s == Severity::off) continue;
        Diagnostic d;
        d.file = f.pos.file < roadmap.files.size() ? roadmap.files[f.pos.file].display_path : roadmap.root;
        d.line = std::max<std::uint32_t>(f.pos.line, 1);
        d.column = std::max<std::uint32_t>(f.pos.column, 1);
        d.end_line = d.line;
        d.end_column = d.column + std::max<std::uint32_t>(f.pos.length, 1);  // exclusive, as SARIF's
        d.severity = s;
        d.rule = std::string(to_string(f.rule));
        d.message = std::move(f.message);
        d.suggestions = std::move(f.suggestions);
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
