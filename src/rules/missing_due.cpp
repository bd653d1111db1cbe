#include "rules/rule.hpp"

namespace boussole::rules {

namespace {

void check(const LintContext& ctx, Reporter& out) {
    for_each_epic(ctx.roadmap, [&](const Stream& s, const Epic& e) {
        if (s.is_run() || e.effective_status() == EpicStatus::dropped || e.proposed() || !e.due.missing()) return;
        out.report(e.pos, fmt::format("{} has no due date", name_of("epic", e.id)));
    });
}

}  // namespace

const Rule missing_due{
    .id = RuleId::missing_due,
    .default_severity = Severity::warning,
    .summary = "a build epic has no due",
    .why =
        "Without a due date an epic can neither be late nor slip: the status report cannot put it "
        "at risk and the recap cannot say what moved. Run epics and dropped epics are not checked.",
    .bad = "- id: billing-automation\n  title: Automate billing set-up\n  owner: sam",
    .good = "- id: billing-automation\n  title: Automate billing set-up\n  owner: sam\n  due: 2022-08-26",
    .check = &check,
};

}  // namespace boussole::rules
