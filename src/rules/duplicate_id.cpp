#include <map>
#include <unordered_map>

#include "boussole/spell.hpp"
#include "rules/references.hpp"
#include "rules/rule.hpp"

namespace boussole::rules {

namespace {

// How many places are listed in a message before "and N more".
constexpr std::size_t places_listed = 3;

// "line 30, streams/crm.yaml:12, streams/crm.yaml:20 and 14 more", from `here`'s file.
std::string places(const Roadmap& r, const std::vector<SourcePos>& at, SourcePos here) {
    std::vector<std::string> listed;
    for (std::size_t i = 0; i < at.size() && i < places_listed; ++i) listed.push_back(where(r, at[i], here));
    std::string out = fmt::format("{}", fmt::join(listed, ", "));
    if (at.size() > places_listed) out += fmt::format(" and {} more", at.size() - places_listed);
    return out;
}

std::string times(std::size_t n) { return n == 1 ? "1 place" : fmt::format("{} places", n); }

// The ids of one kind of entity: reports every later entity declared under a taken id.
class Seen {
public:
    Seen(const Roadmap& r, Reporter& out, std::string_view kind,
         const std::map<const Field<std::string>*, const MisnamedDuplicate*>& misnamed,
         bool named_by_first_word = false)
        : r_(r), out_(out), kind_(kind), misnamed_(misnamed), named_by_first_word_(named_by_first_word) {}

    // An entity's id, and its name or title (null when it has none).
    void add(const Field<std::string>& id, const Field<std::string>* name = nullptr) {
        if (!id) return;
        const Entity e{&id, name && *name ? &**name : nullptr};
        if (!first_.emplace(*id, e).second) later_.push_back(e);
    }

    // Reports the entities declared under a taken id, once every id of the kind is known (to
    // suggest a free one).
    void report() {
        for (const Entity& e : later_) {
            const Field<std::string>& id = *e.id;
            const Entity& first = first_.at(*id);
            std::string message =
                fmt::format("duplicate {} id '{}' (first at {}{})", kind_, *id, where(r_, first.id->pos, id.pos),
                            first.name ? ", " + *first.name : std::string());
            const std::string this_one = e.name ? fmt::format("this one, {},", *e.name) : std::string("this one");
            if (const auto m = misnamed_.find(&id); m != misnamed_.end()) {
                // The references it explains are not reported again by unknown-reference.
                const auto& meant = m->second->meant;
                const auto& [intended, at] = meant.front();
                message += fmt::format(": {} is likely '{}', which is named in {} but declared nowhere ({})", this_one,
                                       intended, times(at.size()), places(r_, at, id.pos));
                for (std::size_t i = 1; i < meant.size(); ++i)
                    message += fmt::format("; '{}', which is named in {} ({}), likely means it too", meant[i].first,
                                           times(meant[i].second.size()), places(r_, meant[i].second, id.pos));
                message += fmt::format("; write its id as '{}'", intended);
            } else if (e.name && first.name && fold_to_ascii(*e.name) == fold_to_ascii(*first.name)) {
                message += ": it repeats the first; remove it, or give it an id of its own";
            } else if (const std::string free = free_id(e.name); !free.empty()) {
                message += fmt::format(": give {} an id of its own (such as '{}'), or remove it", this_one, free);
            } else {
                message += fmt::format(": give {} an id of its own, or remove it", this_one);
            }
            out_.report(id.pos, std::move(message));
        }
    }

private:
    // An id derived from a name or title that no entity of the kind has: a person's first name,
    // else the whole name or title; empty when none is free.
    std::string free_id(const std::string* name) const {
        if (!name) return {};
        std::vector<std::string> tries;
        if (named_by_first_word_) tries.push_back(id_from_text(name->substr(0, name->find(' '))));
        tries.push_back(id_from_text(*name));
        for (const std::string& t : tries)
            if (!t.empty() && !first_.contains(t)) return t;
        return {};
    }

    struct Entity {
        const Field<std::string>* id;
        const std::string* name;  // null when it has none
    };

    const Roadmap& r_;
    Reporter& out_;
    std::string_view kind_;
    const std::map<const Field<std::string>*, const MisnamedDuplicate*>& misnamed_;
    bool named_by_first_word_;
    std::unordered_map<std::string, Entity> first_;
    std::vector<Entity> later_;
};

void check(const LintContext& ctx, Reporter& out) {
    const Roadmap& r = ctx.roadmap;
    const std::vector<MisnamedDuplicate> found = misnamed_duplicates(r, ctx.index);
    std::map<const Field<std::string>*, const MisnamedDuplicate*> misnamed;
    for (const MisnamedDuplicate& m : found) misnamed.emplace(m.id, &m);
    Seen people(r, out, "person", misnamed, true), metrics(r, out, "metric", misnamed),
        objectives(r, out, "objective", misnamed), key_results(r, out, "key result", misnamed),
        streams(r, out, "stream", misnamed), epics(r, out, "epic", misnamed), tasks(r, out, "task", misnamed);
    for (const Person& p : r.people) people.add(p.id, &p.name);
    for (const Metric& m : r.metrics) metrics.add(m.id, &m.name);
    for (const Objective& o : r.objectives) {
        objectives.add(o.id, &o.title);
        for (const KeyResult& kr : o.key_results) key_results.add(kr.id, &kr.title);
    }
    for (const Stream& s : r.streams) {
        streams.add(s.id, &s.title);
        for (const Epic& e : s.epics) {
            epics.add(e.id, &e.title);
            for (const Task& t : e.tasks) tasks.add(t.id, &t.title);
        }
    }
    for (Seen* kind : {&people, &metrics, &objectives, &key_results, &streams, &epics, &tasks}) kind->report();
}

}  // namespace

const Rule duplicate_id{
    .id = RuleId::duplicate_id,
    .default_severity = Severity::error,
    .summary = "two entities of one kind share an id",
    .why =
        "References (owners, depends_on, key_results) and the git history follow ids: two epics with "
        "one id make the recap and the dependency graph wrong. When references to an id declared "
        "nowhere are a way of writing the duplicate's name or title (a second 'helene' named Théo "
        "Lefèvre, while 'theo' owns epics), the duplicate is most likely that id mistyped: the "
        "message says so once, with the count and the first places of those references, which "
        "unknown-reference then does not report one by one. Otherwise it suggests a free id made "
        "from the name or title, or says the entry repeats the first when both have one name. Past 256 "
        "distinct unknown ids of one kind, no more are searched for such a meaning.",
    .bad = "- id: crm-cleanup\n  title: Deduplicate accounts\n- id: crm-cleanup\n  title: Archive dead leads",
    .good =
        "- id: crm-dedup-accounts\n  title: Deduplicate accounts\n- id: crm-archive-leads\n  title: Archive dead leads",
    .check = &check,
};

}  // namespace boussole::rules
