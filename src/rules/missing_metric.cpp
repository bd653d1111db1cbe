#include "rules/rule.hpp"

namespace boussole::rules {

namespace {

void check_key_result(Reporter& out, const KeyResult& kr, const std::string& name) {
    std::vector<std::string_view> lacking;
    if (kr.metric.missing()) lacking.push_back("a metric");
    if (kr.baseline.missing()) lacking.push_back("a numeric baseline");
    if (kr.target.missing()) lacking.push_back("a numeric target");
    if (lacking.empty()) return;
    const std::string last(lacking.back());
    lacking.pop_back();
    const std::string what = lacking.empty() ? last : fmt::format("{} and {}", fmt::join(lacking, ", "), last);
    out.report(kr.pos, fmt::format("{} lacks {}: it cannot be measured", name, what));
}

void check(const LintContext& ctx, Reporter& out) {
    const Roadmap& r = ctx.roadmap;
    if (const RoadmapInfo* info = r.info(); info && info->north_star)
        check_key_result(out, *info->north_star, "the north star");
    for (const Objective& o : r.objectives) {
        if (o.key_results.empty()) out.report(o.pos, fmt::format("{} has no key results", name_of("objective", o.id)));
        for (const KeyResult& kr : o.key_results) check_key_result(out, kr, name_of("key result", kr.id));
    }
    for_each_epic(r, [&](const Stream& s, const Epic& e) {
        if (s.is_run() || e.effective_status() == EpicStatus::dropped || !e.key_results.empty()) return;
        out.report(e.pos, fmt::format("{} moves no key result (list them under key_results)", name_of("epic", e.id)));
    });
}

}  // namespace

const Rule missing_metric{
    .id = RuleId::missing_metric,
    .default_severity = Severity::warning,
    .summary =
        "a build epic moves no key result; a key result lacks a metric, a numeric baseline or a numeric "
        "target; an objective has no key result",
    .why =
        "An epic that moves no key result has no success measure, and a key result without a metric, "
        "a baseline and a target cannot be scored at the end of the quarter (SMART).",
    .bad = "key_results:\n  - {id: billing-time, title: Faster billing set-up}",
    .good =
        "key_results:\n  - {id: billing-time, title: Median billing set-up time, metric: billing-setup-minutes,\n"
        "     unit: minutes, baseline: 45, target: 10}",
    .check = &check,
};

}  // namespace boussole::rules
