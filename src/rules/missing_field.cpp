#include "rules/rule.hpp"

namespace boussole::rules {

namespace {

void require(Reporter& out, SourcePos entity, std::string_view entity_name, std::string_view key, bool missing) {
    if (missing) out.report(entity, fmt::format("{} has no '{}'", entity_name, key));
}

void check(const LintContext& ctx, Reporter& out) {
    const Roadmap& r = ctx.roadmap;
    for (const RoadmapInfo& info : r.roadmap_blocks) {
        require(out, info.pos, "the roadmap", "name", info.name.missing());
        require(out, info.pos, "the roadmap", "period", info.period.missing());
        if (info.north_star)
            require(out, info.north_star->pos, "the north star", "title", info.north_star->title.missing());
    }
    for (const Person& p : r.people) require(out, p.pos, "a person", "id", p.id.missing());
    for (const Metric& m : r.metrics) require(out, m.pos, "a metric", "id", m.id.missing());
    for (const Objective& o : r.objectives) {
        require(out, o.pos, "an objective", "id", o.id.missing());
        require(out, o.pos, name_of("objective", o.id), "title", o.title.missing());
        for (const KeyResult& kr : o.key_results) {
            require(out, kr.pos, "a key result", "id", kr.id.missing());
            require(out, kr.pos, name_of("key result", kr.id), "title", kr.title.missing());
        }
    }
    for (const Stream& s : r.streams) {
        require(out, s.pos, "a stream", "id", s.id.missing());
        require(out, s.pos, name_of("stream", s.id), "title", s.title.missing());
        for (const Epic& e : s.epics) {
            require(out, e.pos, "an epic", "id", e.id.missing());
            require(out, e.pos, name_of("epic", e.id), "title", e.title.missing());
            for (const Task& t : e.tasks)
                require(out, t.pos, fmt::format("a task of {}", name_of("epic", e.id)), "title", t.title.missing());
        }
    }
}

}  // namespace

const Rule missing_field{
    .id = RuleId::missing_field,
    .default_severity = Severity::error,
    .summary = "a required field (id, title, name, period) is absent",
    .why =
        "Without an id nothing can refer to the entity, and without a title no report can show it; "
        "without a period no date can be judged.",
    .bad = "- title: Automate billing set-up     # no id\n  owner: sam",
    .good = "- id: billing-automation\n  title: Automate billing set-up\n  owner: sam",
    .check = &check,
};

}  // namespace boussole::rules
