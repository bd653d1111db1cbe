#include "rules/rule.hpp"

namespace boussole::rules {

namespace {

void check(const LintContext& ctx, Reporter& out) {
    for (const Stream& s : ctx.roadmap.streams)
        if (s.epics.empty()) out.report(s.pos, fmt::format("{} has no epics", name_of("stream", s.id)));
}

}  // namespace

const Rule empty_stream{
    .id = RuleId::empty_stream,
    .default_severity = Severity::warning,
    .summary = "a stream has no epics",
    .why =
        "A theme with no work planned is either not a priority this quarter (remove it) or a plan "
        "still to write.",
    .bad = "- id: enablement\n  title: Seller enablement\n  owner: lea",
    .good =
        "- id: enablement\n  title: Seller enablement\n  owner: lea\n  epics:\n"
        "    - {id: onboarding-kit, title: New-hire onboarding kit, owner: lea, due: 2022-09-30, key_results: "
        "[ramp-time]}",
    .check = &check,
};

}  // namespace boussole::rules
