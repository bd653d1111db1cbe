#include "boussole/spell.hpp"
#include "rules/rule.hpp"

namespace boussole::rules {

namespace {

template <class Map>
void expect(Reporter& out, const Field<std::string>& ref, const Map& declared, const std::vector<std::string>& ids,
            std::string_view role, std::string_view kind) {
    if (!ref || declared.contains(*ref)) return;
    out.report(ref.pos, fmt::format("{} '{}' is not a declared {}{}", role, *ref, kind, did_you_mean(*ref, ids)));
}

void check(const LintContext& ctx, Reporter& out) {
    const Roadmap& r = ctx.roadmap;
    const RoadmapIndex& ix = ctx.index;
    // People: only once the team declares its people; until then owners are free-form handles.
    if (!r.people.empty()) {
        auto person = [&](const Field<std::string>& ref, std::string_view role) {
            expect(out, ref, ix.people, ix.person_ids, role, "person");
        };
        for (const Metric& m : r.metrics) person(m.owner, "owner");
        for_each_key_result(
            r, [&](const Objective*, const KeyResult& kr) { person(kr.owner, "owner"); }, true);
        for (const Objective& o : r.objectives) person(o.owner, "owner");
        for (const Stream& s : r.streams) person(s.owner, "owner");
        for_each_epic(r, [&](const Stream&, const Epic& e) {
            person(e.owner, "owner");
            for (const auto& c : e.contributors) person(c, "contributor");
            for (const Task& t : e.tasks) person(t.owner, "owner");
        });
    }
    if (!r.metrics.empty()) {
        for_each_key_result(
            r,
            [&](const Objective*, const KeyResult& kr) {
                expect(out, kr.metric, ix.metrics, ix.metric_ids, "metric", "metric");
            },
            true);
    }
    for_each_epic(r, [&](const Stream&, const Epic& e) {
        for (const auto& d : e.depends_on) expect(out, d, ix.epics, ix.epic_ids, "dependency", "epic");
        for (const auto& k : e.key_results)
            expect(out, k, ix.key_results, ix.key_result_ids, "key result", "key result");
    });
}

}  // namespace

const Rule unknown_reference{
    .id = RuleId::unknown_reference,
    .default_severity = Severity::error,
    .summary = "an owner, contributor, dependency, key result or metric names nothing declared",
    .why =
        "A reference to nothing is usually a typo or a renamed id: the epic would count for no key "
        "result, or for an owner who does not exist. Owners are checked once 'people' is declared, "
        "metrics once 'metrics' is.",
    .bad = "people:\n  - {id: sam, name: Sam}\nstreams:\n  - id: billing\n    title: Billing\n    owner: samm",
    .good = "people:\n  - {id: sam, name: Sam}\nstreams:\n  - id: billing\n    title: Billing\n    owner: sam",
    .check = &check,
    .needs_whole_tree = true,
};

}  // namespace boussole::rules
