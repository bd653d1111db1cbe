#include "rules/rule.hpp"

namespace boussole::rules {

namespace {

// A problem of the whole epic: reported at its first line (CLI.md), where a reason is added.
void check(const LintContext& ctx, Reporter& out) {
    for_each_epic(ctx.roadmap, [&](const Stream&, const Epic& e) {
        if (e.effective_status() == EpicStatus::dropped && e.dropped_reason.missing())
            out.report(e.pos, fmt::format("{} is dropped without a dropped_reason", name_of("epic", e.id)));
    });
}

}  // namespace

const Rule dropped_without_reason{
    .id = RuleId::dropped_without_reason,
    .default_severity = Severity::warning,
    .summary = "a dropped epic has no dropped_reason",
    .why =
        "The end-of-quarter recap must say why work left the plan; the reason is easiest to write "
        "the day it is dropped.",
    .bad = "- id: partner-portal\n  title: Partner portal\n  status: dropped",
    .good =
        "- id: partner-portal\n  title: Partner portal\n  status: dropped\n"
        "  dropped_reason: Partner programme postponed to next year by leadership",
    .check = &check,
};

}  // namespace boussole::rules
