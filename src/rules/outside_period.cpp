#include "rules/rule.hpp"

namespace boussole::rules {

namespace {

void check(const LintContext& ctx, Reporter& out) {
    const RoadmapInfo* info = ctx.roadmap.info();
    if (!info || !info->period || info->period->end < info->period->start) return;
    const Period& p = *info->period;
    for_each_epic(ctx.roadmap, [&](const Stream&, const Epic& e) {
        if (e.proposed()) return;  // a proposal is not planned in this period: it may be dated in a later one
        for (auto [key, field] : {std::pair{"start", &e.start}, std::pair{"due", &e.due}}) {
            if (*field && !p.contains(**field))
                out.report(field->pos,
                           fmt::format("{} {} {} is outside the period {} ({} to {})", name_of("epic", e.id), key,
                                       (*field)->iso(), p.label, p.start.iso(), p.end.iso()));
        }
    });
}

}  // namespace

const Rule outside_period{
    .id = RuleId::outside_period,
    .default_severity = Severity::warning,
    .summary = "an epic's start or due lies outside the period",
    .why =
        "An epic due after the quarter is not part of this quarter's plan as written: either it is "
        "carried over (say so) or its date is a typo.",
    .bad =
        "roadmap: {name: Sales Ops, period: 2022-Q3}\n...\n  - {id: billing-automation, title: Billing, due: "
        "2022-10-14}",
    .good =
        "roadmap: {name: Sales Ops, period: 2022-Q3}\n...\n  - {id: billing-automation, title: Billing, due: "
        "2022-09-30}",
    .check = &check,
};

}  // namespace boussole::rules
