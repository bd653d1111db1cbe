#include <unordered_set>

#include "rules/rule.hpp"

namespace boussole::rules {

namespace {

void check(const LintContext& ctx, Reporter& out) {
    std::unordered_set<std::string> moved;
    for_each_epic(ctx.roadmap, [&](const Stream&, const Epic& e) {
        if (e.effective_status() == EpicStatus::dropped || e.proposed()) return;  // not planned work
        for (const auto& k : e.key_results)
            if (k) moved.insert(*k);
    });
    for (const Objective& o : ctx.roadmap.objectives)
        for (const KeyResult& kr : o.key_results)
            if (kr.id && !moved.contains(*kr.id))
                out.report(kr.pos, fmt::format("no epic moves key result '{}'", *kr.id));
}

}  // namespace

const Rule orphan_key_result{
    .id = RuleId::orphan_key_result,
    .default_severity = Severity::warning,
    .summary = "no epic moves this key result",
    .why =
        "A key result that no planned work moves is a wish, not a plan: either an epic is missing or "
        "the key result does not belong to this quarter. Dropped epics do not count.",
    .bad = "key_results:\n  - {id: ramp-time, title: Ramp time of new sellers, ...}\n# and no epic lists ramp-time",
    .good = "epics:\n  - {id: onboarding-kit, title: Onboarding kit, key_results: [ramp-time], ...}",
    .check = &check,
    .needs_whole_tree = true,
};

}  // namespace boussole::rules
