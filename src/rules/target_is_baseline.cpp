#include "rules/rule.hpp"

namespace boussole::rules {

namespace {

void check(const LintContext& ctx, Reporter& out) {
    for_each_key_result(
        ctx.roadmap,
        [&](const Objective* o, const KeyResult& kr) {
            if (!kr.baseline || !kr.target || *kr.baseline != *kr.target) return;
            const std::string what = o ? name_of("key result", kr.id) : std::string("the north star");
            out.report(kr.target.pos,
                       fmt::format("{} has its target equal to its baseline ({}): there is no distance to travel, so "
                                   "it can never be scored; set the value that means success",
                                   what, fmt::format("{}", *kr.target)));
        },
        true);
}

}  // namespace

const Rule target_is_baseline{
    .id = RuleId::target_is_baseline,
    .default_severity = Severity::warning,
    .summary = "a key result's target equals its baseline",
    .why =
        "A key result is measured by the distance from its baseline to its target (SMART: measurable). "
        "With none, its score is undefined whatever the current value, and the report can only say "
        "it cannot be scored.",
    .bad = "- id: nps\n  title: Internal NPS of sellers\n  baseline: 40\n  target: 40\n  current: 42",
    .good = "- id: nps\n  title: Internal NPS of sellers\n  baseline: 40\n  target: 50\n  current: 42",
    .check = &check,
};

}  // namespace boussole::rules
