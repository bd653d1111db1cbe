#include <map>
#include <unordered_map>

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

class Seen {
public:
    Seen(const Roadmap& r, Reporter& out, std::string_view kind,
         const std::map<const Field<std::string>*, const MisnamedDuplicate*>& misnamed)
        : r_(r), out_(out), kind_(kind), misnamed_(misnamed) {}

    // An entity's id, and its name or title (null when it has none).
    void add(const Field<std::string>& id, const Field<std::string>* name = nullptr) {
        if (!id) return;
        const auto [it, inserted] = first_.emplace(*id, First{id.pos, name});
        if (inserted) return;
        const First& first = it->second;
        const bool named = name && *name;
        std::string message =
            fmt::format("duplicate {} id '{}' (first at {}{})", kind_, *id, where(r_, first.pos, id.pos),
                        first.name && *first.name ? ", " + **first.name : std::string());
        const std::string this_one = named ? fmt::format("this one, {},", **name) : std::string("this one");
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
        } else {
            message += fmt::format(": give {} an id of its own, or remove it", this_one);
        }
        out_.report(id.pos, std::move(message));
    }

private:
    struct First {
        SourcePos pos;
        const Field<std::string>* name;
    };
    const Roadmap& r_;
    Reporter& out_;
    std::string_view kind_;
    const std::map<const Field<std::string>*, const MisnamedDuplicate*>& misnamed_;
    std::unordered_map<std::string, First> first_;
};

void check(const LintContext& ctx, Reporter& out) {
    const Roadmap& r = ctx.roadmap;
    const std::vector<MisnamedDuplicate> found = misnamed_duplicates(r, ctx.index);
    std::map<const Field<std::string>*, const MisnamedDuplicate*> misnamed;
    for (const MisnamedDuplicate& m : found) misnamed.emplace(m.id, &m);
    Seen people(r, out, "person", misnamed), metrics(r, out, "metric", misnamed),
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
        "unknown-reference then does not report one by one.",
    .bad = "- id: crm-cleanup\n  title: Deduplicate accounts\n- id: crm-cleanup\n  title: Archive dead leads",
    .good =
        "- id: crm-dedup-accounts\n  title: Deduplicate accounts\n- id: crm-archive-leads\n  title: Archive dead leads",
    .check = &check,
};

}  // namespace boussole::rules
