#include <unordered_map>

#include "rules/rule.hpp"

namespace boussole::rules {

namespace {

class Seen {
public:
    Seen(const Roadmap& r, Reporter& out, std::string_view kind) : r_(r), out_(out), kind_(kind) {}
    void add(const Field<std::string>& id) {
        if (!id) return;
        const auto [it, inserted] = first_.emplace(*id, id.pos);
        if (!inserted)
            out_.report(id.pos,
                        fmt::format("duplicate {} id '{}' (first at {})", kind_, *id, where(r_, it->second, id.pos)));
    }

private:
    const Roadmap& r_;
    Reporter& out_;
    std::string_view kind_;
    std::unordered_map<std::string, SourcePos> first_;
};

void check(const LintContext& ctx, Reporter& out) {
    const Roadmap& r = ctx.roadmap;
    Seen people(r, out, "person"), metrics(r, out, "metric"), objectives(r, out, "objective"),
        key_results(r, out, "key result"), streams(r, out, "stream"), epics(r, out, "epic"), tasks(r, out, "task");
    for (const Person& p : r.people) people.add(p.id);
    for (const Metric& m : r.metrics) metrics.add(m.id);
    for (const Objective& o : r.objectives) {
        objectives.add(o.id);
        for (const KeyResult& kr : o.key_results) key_results.add(kr.id);
    }
    for (const Stream& s : r.streams) {
        streams.add(s.id);
        for (const Epic& e : s.epics) {
            epics.add(e.id);
            for (const Task& t : e.tasks) tasks.add(t.id);
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
        "one id make the recap and the dependency graph wrong.",
    .bad = "- id: crm-cleanup\n  title: Deduplicate accounts\n- id: crm-cleanup\n  title: Archive dead leads",
    .good =
        "- id: crm-dedup-accounts\n  title: Deduplicate accounts\n- id: crm-archive-leads\n  title: Archive dead leads",
    .check = &check,
};

}  // namespace boussole::rules
