#include "rules/rule.hpp"

namespace boussole::rules {

namespace {

void check(const LintContext& ctx, Reporter& out) {
    const Roadmap& r = ctx.roadmap;
    for (const Stream& s : r.streams) {
        if (s.owner.missing()) out.report(s.pos, fmt::format("{} has no owner", name_of("stream", s.id)));
        for (const Epic& e : s.epics)
            if (e.owner.missing() && e.effective_status() != EpicStatus::dropped)
                out.report(e.pos, fmt::format("{} has no owner", name_of("epic", e.id)));
    }
    for (const Objective& o : r.objectives)
        if (o.owner.missing()) out.report(o.pos, fmt::format("{} has no owner", name_of("objective", o.id)));
}

}  // namespace

const Rule missing_owner{
    .id = RuleId::missing_owner,
    .default_severity = Severity::warning,
    .summary = "a stream, epic or objective has no owner",
    .why =
        "Work without one accountable owner is work nobody follows up; sellers also use the roadmap "
        "to find who owns a process. Dropped epics are not checked.",
    .bad = "- id: billing-automation\n  title: Automate billing set-up\n  due: 2022-08-26",
    .good = "- id: billing-automation\n  title: Automate billing set-up\n  owner: sam\n  due: 2022-08-26",
    .check = &check,
};

}  // namespace boussole::rules
