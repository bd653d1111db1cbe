#include "rules/rule.hpp"

namespace boussole::rules {

namespace {

void check(const LintContext& ctx, Reporter& out) {
    const Roadmap& r = ctx.roadmap;
    if (r.roadmap_blocks.empty()) {
        out.report(SourcePos{0, 1, 1, 0},
                   "no 'roadmap' block in the tree: one file must declare the roadmap (name, period)");
        return;
    }
    const SourcePos first = r.roadmap_blocks.front().pos;
    for (std::size_t i = 1; i < r.roadmap_blocks.size(); ++i) {
        const SourcePos here = r.roadmap_blocks[i].pos;
        out.report(
            here, fmt::format("a second 'roadmap' block (first at {}); only the first is used", where(r, first, here)));
    }
}

}  // namespace

const Rule single_roadmap{
    .id = RuleId::single_roadmap,
    .default_severity = Severity::error,
    .summary = "the tree has no roadmap block, or more than one",
    .why =
        "The roadmap block names the period every date is judged against; two of them (often a file "
        "copied from another team) would make that ambiguous.",
    .bad = "# streams/crm.yaml\nroadmap:\n  name: Copy of the Sales Ops roadmap\n  period: 2022-Q2",
    .good =
        "# roadmap.yaml, the only file with a roadmap block\nroadmap:\n  name: Sales Ops roadmap\n  period: 2022-Q3",
    .check = &check,
    .needs_whole_tree = true,
};

}  // namespace boussole::rules
