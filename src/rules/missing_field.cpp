#include "boussole/fields.hpp"
#include "boussole/format.hpp"
#include "rules/rule.hpp"

namespace boussole::rules {

namespace {

using format::Entity;

// Reports each key that the format table marks required and `x` (an entity named `name`) lacks.
template <class T>
void require(Reporter& out, Entity entity, const T& x, SourcePos at, std::string_view name) {
    for (const format::Key& k : format::keys(entity)) {
        if (!k.required) continue;
        for_each_field(x, [&](std::string_view key, const auto& field) {
            if constexpr (requires { field.missing(); })
                if (key == k.name && field.missing()) out.report(at, fmt::format("{} has no '{}'", name, key));
        });
    }
}

void check(const LintContext& ctx, Reporter& out) {
    const Roadmap& r = ctx.roadmap;
    for (const RoadmapInfo& info : r.roadmap_blocks) {
        require(out, Entity::roadmap, info, info.pos, "the roadmap");
        if (info.north_star) require(out, Entity::north_star, *info.north_star, info.north_star->pos, "the north star");
    }
    for (const Person& p : r.people) require(out, Entity::person, p, p.pos, name_of("person", p.id));
    for (const Metric& m : r.metrics) require(out, Entity::metric, m, m.pos, name_of("metric", m.id));
    for (const Objective& o : r.objectives) {
        require(out, Entity::objective, o, o.pos, name_of("objective", o.id));
        for (const KeyResult& kr : o.key_results)
            require(out, Entity::key_result, kr, kr.pos, name_of("key result", kr.id));
    }
    for (const Stream& s : r.streams) {
        require(out, Entity::stream, s, s.pos, name_of("stream", s.id));
        for (const Epic& e : s.epics) {
            require(out, Entity::epic, e, e.pos, name_of("epic", e.id));
            for (const Task& t : e.tasks)
                require(out, Entity::task, t, t.pos, fmt::format("a task of {}", name_of("epic", e.id)));
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
