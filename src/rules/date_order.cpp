#include "rules/rule.hpp"

namespace boussole::rules {

namespace {

void check(const LintContext& ctx, Reporter& out) {
    const Roadmap& r = ctx.roadmap;
    for (const RoadmapInfo& info : r.roadmap_blocks)
        if (info.period && info.period->end < info.period->start)
            out.report(info.period.pos, fmt::format("the period ends ({}) before it starts ({})",
                                                    info.period->end.iso(), info.period->start.iso()));
    for_each_epic(r, [&](const Stream&, const Epic& e) {
        if (e.start && e.due && *e.due < *e.start)
            out.report(e.start.pos, fmt::format("{} starts on {}, after its due date {}", name_of("epic", e.id),
                                                e.start->iso(), e.due->iso()));
    });
}

}  // namespace

const Rule date_order{
    .id = RuleId::date_order,
    .default_severity = Severity::error,
    .summary = "start after due, or a period that ends before it starts",
    .why =
        "An epic due before it starts is usually a swapped or mistyped date; the Gantt chart and "
        "the slip computation would both be wrong.",
    .bad = "- id: billing-automation\n  title: Automate billing set-up\n  start: 2022-08-26\n  due: 2022-07-04",
    .good = "- id: billing-automation\n  title: Automate billing set-up\n  start: 2022-07-04\n  due: 2022-08-26",
    .check = &check,
};

}  // namespace boussole::rules
