#include "rules/references.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "boussole/spell.hpp"

namespace boussole::rules {

std::string_view kind_name(RefKind k) {
    switch (k) {
        case RefKind::person:
            return "person";
        case RefKind::metric:
            return "metric";
        case RefKind::epic:
            return "epic";
        case RefKind::key_result:
            return "key result";
    }
    return "entity";
}

void for_each_reference(const Roadmap& r, const std::function<void(const Reference&)>& fn) {
    auto add = [&](RefKind kind, const Field<std::string>& id, std::string_view role) {
        if (id) fn({kind, &id, role});
    };
    // People: only once the team declares its people; until then owners are free-form handles.
    if (!r.people.empty()) {
        auto person = [&](const Field<std::string>& id, std::string_view role) { add(RefKind::person, id, role); };
        if (const RoadmapInfo* info = r.info()) person(info->champion, "champion");
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
    if (!r.metrics.empty())
        for_each_key_result(
            r, [&](const Objective*, const KeyResult& kr) { add(RefKind::metric, kr.metric, "metric"); }, true);
    for_each_epic(r, [&](const Stream&, const Epic& e) {
        for (const auto& d : e.depends_on) add(RefKind::epic, d, "dependency");
        for (const auto& k : e.key_results) add(RefKind::key_result, k, "key result");
    });
}

namespace {

// An entity that can be referred to: its id and its name or title.
struct Named {
    const Field<std::string>* id;
    const Field<std::string>* name;
};

// Every entity of a kind, in reading order.
std::vector<Named> entities(const Roadmap& r, RefKind kind) {
    std::vector<Named> out;
    switch (kind) {
        case RefKind::person:
            for (const Person& p : r.people) out.push_back({&p.id, &p.name});
            break;
        case RefKind::metric:
            for (const Metric& m : r.metrics) out.push_back({&m.id, &m.name});
            break;
        case RefKind::epic:
            for_each_epic(r, [&](const Stream&, const Epic& e) { out.push_back({&e.id, &e.title}); });
            break;
        case RefKind::key_result:
            for_each_key_result(
                r,
                [&](const Objective*, const KeyResult& kr) {
                    out.push_back({&kr.id, &kr.title});
                },
                false);
            break;
    }
    return out;
}

constexpr std::size_t far = std::numeric_limits<std::size_t>::max();

// How far `written` is from an entity: a typo of its id, or a way of writing its name.
std::size_t distance(std::string_view written, const Named& e, bool by_id) {
    std::size_t d = far;
    if (by_id && *e.id) d = edit_distance(written, **e.id);
    if (*e.name)
        if (const auto n = name_distance(written, **e.name)) d = std::min(d, *n);
    return d;
}

bool before(SourcePos a, SourcePos b) {
    return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
}

}  // namespace

std::vector<MisnamedDuplicate> misnamed_duplicates(const Roadmap& r, const RoadmapIndex& ix) {
    // Unknown references by kind and id, with where they are.
    std::map<RefKind, std::map<std::string, std::vector<SourcePos>>> unknown;
    for_each_reference(r, [&](const Reference& ref) {
        const std::string& id = **ref.id;
        const bool declared = ref.kind == RefKind::person   ? ix.people.contains(id)
                              : ref.kind == RefKind::metric ? ix.metrics.contains(id)
                              : ref.kind == RefKind::epic   ? ix.epics.contains(id)
                                                            : ix.key_results.contains(id);
        if (!declared) unknown[ref.kind][id].push_back(ref.id->pos);
    });
    std::vector<MisnamedDuplicate> out;
    for (const auto& [kind, ids] : unknown) {
        // The entities declared under a taken id, and those indexed.
        std::vector<Named> duplicates, declared;
        std::set<std::string> seen;
        for (const Named& e : entities(r, kind)) {
            if (!*e.id) continue;
            (seen.insert(**e.id).second ? declared : duplicates).push_back(e);
        }
        if (duplicates.empty()) continue;
        std::vector<MisnamedDuplicate> found(duplicates.size());
        // issue 17: an unknown id near a duplicate is compared with every entity of its kind; past
        // max_searched_unknown_ids distinct unknown ids (so many are a missing file, not typos) no
        // more are, so that the cost stays linear in the roadmap (the rules' documentation says so).
        std::size_t searched = 0;
        for (const auto& [id, where] : ids) {
            if (++searched > max_searched_unknown_ids) break;
            // The duplicates first (few): an id near none of them needs no search of the rest.
            std::vector<std::size_t> to_duplicate(duplicates.size());
            bool near = false;
            for (std::size_t i = 0; i < duplicates.size(); ++i) {
                to_duplicate[i] = distance(id, duplicates[i], false);
                near = near || to_duplicate[i] < far;
            }
            if (!near) continue;
            std::size_t to_declared = far;
            for (const Named& e : declared) to_declared = std::min(to_declared, distance(id, e, true));
            std::optional<std::size_t> best;
            std::size_t best_distance = far;
            for (std::size_t i = 0; i < duplicates.size(); ++i)
                if (const std::size_t d = to_duplicate[i]; d < best_distance && d < to_declared) {
                    best = i;
                    best_distance = d;
                }
            if (!best) continue;
            std::vector<SourcePos> places = where;
            std::sort(places.begin(), places.end(), before);
            found[*best].meant.emplace_back(id, std::move(places));
        }
        for (std::size_t i = 0; i < duplicates.size(); ++i) {
            MisnamedDuplicate& m = found[i];
            if (m.meant.empty()) continue;
            m.kind = kind;
            m.id = duplicates[i].id;
            // Most named first; of two named as often, the one named first.
            std::sort(m.meant.begin(), m.meant.end(), [](const auto& a, const auto& b) {
                if (a.second.size() != b.second.size()) return a.second.size() > b.second.size();
                return before(a.second.front(), b.second.front());
            });
            out.push_back(std::move(m));
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return before(a.id->pos, b.id->pos); });
    return out;
}

}  // namespace boussole::rules
