#include <utility>

#include "rules/rule.hpp"

namespace boussole::rules {

namespace {

const RuleOption options[] = {
    {.path = "themes.min", .default_value = 3, .description = "Fewest streams", .at_most = "themes.max"},
    {.path = "themes.max", .default_value = 10, .description = "Most streams"},
};
const RuleOption& themes_min = options[0];
const RuleOption& themes_max = options[1];

// How many stream ids a message lists before "and N more".
constexpr std::size_t streams_listed = 12;

// "billing, crm, run": the streams by id (by title when they have none), in reading order.
std::string stream_list(const Roadmap& r) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < r.streams.size() && i < streams_listed; ++i) {
        const Stream& s = r.streams[i];
        names.push_back(s.id ? *s.id : s.title ? fmt::format("\"{}\"", *s.title) : std::string("a stream without id"));
    }
    std::string out = fmt::format("{}", fmt::join(names, ", "));
    if (r.streams.size() > streams_listed) out += fmt::format(" and {} more", r.streams.size() - streams_listed);
    return out;
}

std::string streams(std::size_t n) { return n == 1 ? "1 stream" : fmt::format("{} streams", n); }
std::string more_streams(std::size_t n) { return n == 1 ? "1 more stream" : fmt::format("{} more streams", n); }

void check(const LintContext& ctx, Reporter& out) {
    const Roadmap& r = ctx.roadmap;
    const std::size_t n = r.streams.size();
    const int lo = ctx.option(themes_min), hi = ctx.option(themes_max);
    const bool too_few = std::cmp_less(n, lo);
    if (!too_few && !std::cmp_greater(n, hi)) return;
    // The count belongs to the roadmap, not to a stream: reported at the bound when
    // roadmap.lint.themes sets the one in force, else at the roadmap block.
    const RuleOption& bound = too_few ? themes_min : themes_max;
    SourcePos at = roadmap_pos(r);
    if (const RoadmapInfo* info = r.info())
        if (const auto it = info->lint.options.find(bound.path);
            it != info->lint.options.end() && it->second && static_cast<int>(*it->second) == (too_few ? lo : hi))
            at = it->second.pos;
    const std::string head = fmt::format("the roadmap has {}{}; a quarter is planned as {} to {} themes", streams(n),
                                         n == 0 ? std::string() : " (" + stream_list(r) + ")", lo, hi);
    if (too_few)
        out.report(at, fmt::format("{}: declare {}, or lower roadmap.lint.{}", head,
                                   more_streams(static_cast<std::size_t>(lo) - n), bound.path));
    else
        out.report(at, fmt::format("{}: merge or drop {}, or raise roadmap.lint.{}", head,
                                   streams(n - static_cast<std::size_t>(hi)), bound.path));
}

}  // namespace

const Rule theme_count{
    .id = RuleId::theme_count,
    .default_severity = Severity::error,
    .summary = "fewer or more streams than the configured bounds (3..10)",
    .why =
        "A quarter planned as one or two themes hides its real choices; more than ten cannot be "
        "followed by anyone. Set other bounds under roadmap.lint.themes. The count belongs to the "
        "whole roadmap, not to one stream: it is reported at the bound when roadmap.lint.themes "
        "sets it, else at the roadmap block, and the message lists the streams to merge, split or drop.",
    .bad = "streams:\n  - {id: everything, title: Everything we do, kind: run}",
    .good =
        "streams:\n  - {id: billing, title: Billing}\n  - {id: crm, title: CRM hygiene}\n"
        "  - {id: run, title: Run and ad-hoc requests, kind: run}",
    .check = &check,
    .needs_whole_tree = true,
    .options = options,
};

}  // namespace boussole::rules
