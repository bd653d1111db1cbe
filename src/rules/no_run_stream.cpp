#include <algorithm>

#include "rules/rule.hpp"

namespace boussole::rules {

namespace {

void check(const LintContext& ctx, Reporter& out) {
    const auto& streams = ctx.roadmap.streams;
    if (std::any_of(streams.begin(), streams.end(), [](const Stream& s) { return s.is_run(); })) return;
    out.report(roadmap_pos(ctx.roadmap),
               "no stream of kind 'run': the operational run and ad-hoc requests are left outside the plan");
}

}  // namespace

const Rule no_run_stream{
    .id = RuleId::no_run_stream,
    .default_severity = Severity::warning,
    .summary = "no stream of kind run",
    .why =
        "An ops team spends a large share of its time on the run and on ad-hoc requests; a plan "
        "without a place for them is not collectively exhaustive, and looks late from week one.",
    .bad =
        "streams:\n  - {id: billing, title: Billing}\n  - {id: crm, title: CRM hygiene}\n  - {id: routing, title: Lead "
        "routing}",
    .good =
        "streams:\n  - {id: billing, title: Billing}\n  - {id: crm, title: CRM hygiene}\n"
        "  - {id: run, title: Run and ad-hoc requests, kind: run}",
    .check = &check,
    .needs_whole_tree = true,
};

}  // namespace boussole::rules
