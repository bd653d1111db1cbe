#include "rules/rule.hpp"

namespace boussole::rules {

namespace {

const RuleOption options[] = {
    {.path = "themes.min", .default_value = 3, .description = "Fewest streams", .at_most = "themes.max"},
    {.path = "themes.max", .default_value = 10, .description = "Most streams"},
};
const RuleOption& themes_min = options[0];
const RuleOption& themes_max = options[1];

void check(const LintContext& ctx, Reporter& out) {
    const Roadmap& r = ctx.roadmap;
    const auto n = static_cast<int>(r.streams.size());
    const int lo = ctx.option(themes_min), hi = ctx.option(themes_max);
    const std::string bounds = fmt::format("{} to {}", lo, hi);
    if (n < lo) {
        out.report(roadmap_pos(r), fmt::format("the roadmap has {} stream{}; a quarter is planned as {} themes "
                                               "(bounds set in roadmap.lint.themes)",
                                               n, n == 1 ? "" : "s", bounds));
    } else if (n > hi) {
        out.report(r.streams[static_cast<std::size_t>(hi)].pos,
                   fmt::format("the roadmap has {} streams; a quarter is planned as {} themes (bounds set in "
                               "roadmap.lint.themes); this is stream {}",
                               n, bounds, hi + 1));
    }
}

}  // namespace

const Rule theme_count{
    .id = RuleId::theme_count,
    .default_severity = Severity::error,
    .summary = "fewer or more streams than the configured bounds (3..10)",
    .why =
        "A quarter planned as one or two themes hides its real choices; more than ten cannot be "
        "followed by anyone. Set other bounds under roadmap.lint.themes.",
    .bad = "streams:\n  - {id: everything, title: Everything we do, kind: run}",
    .good =
        "streams:\n  - {id: billing, title: Billing}\n  - {id: crm, title: CRM hygiene}\n"
        "  - {id: run, title: Run and ad-hoc requests, kind: run}",
    .check = &check,
    .needs_whole_tree = true,
    .options = options,
};

}  // namespace boussole::rules
