#include "rules/rule.hpp"

namespace boussole::rules {

namespace {

void check(const LintContext& ctx, Reporter& out) {
    const Roadmap& r = ctx.roadmap;
    const auto n = static_cast<int>(r.streams.size());
    const std::string bounds = fmt::format("{} to {}", ctx.themes_min, ctx.themes_max);
    if (n < ctx.themes_min) {
        out.report(roadmap_pos(r), fmt::format("the roadmap has {} stream{}; a quarter is planned as {} themes "
                                               "(bounds set in roadmap.lint.themes)",
                                               n, n == 1 ? "" : "s", bounds));
    } else if (n > ctx.themes_max) {
        out.report(r.streams[static_cast<std::size_t>(ctx.themes_max)].pos,
                   fmt::format("the roadmap has {} streams; a quarter is planned as {} themes (bounds set in "
                               "roadmap.lint.themes); this is stream {}",
                               n, bounds, ctx.themes_max + 1));
    }
}

}  // namespace

const Rule theme_count{
    .id = "theme-count",
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
};

}  // namespace boussole::rules
