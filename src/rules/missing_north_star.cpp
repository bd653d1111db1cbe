#include "rules/rule.hpp"

namespace boussole::rules {

namespace {

void check(const LintContext& ctx, Reporter& out) {
    const RoadmapInfo* info = ctx.roadmap.info();
    if (info && !info->north_star)
        out.report(info->pos, "the roadmap declares no north star (roadmap.north_star): the one metric the team moves");
}

}  // namespace

const Rule missing_north_star{
    .id = RuleId::missing_north_star,
    .default_severity = Severity::warning,
    .summary = "the roadmap declares no north star",
    .why =
        "One North Star metric tells leadership and the team what the whole quarter is for; every "
        "stream should be explainable as moving it.",
    .bad = "roadmap:\n  name: Sales Ops roadmap\n  period: 2022-Q3",
    .good =
        "roadmap:\n  name: Sales Ops roadmap\n  period: 2022-Q3\n  north_star:\n"
        "    {title: ARR signed per rep, metric: arr-per-rep, unit: EUR, baseline: 96000, target: 120000}",
    .check = &check,
};

}  // namespace boussole::rules
