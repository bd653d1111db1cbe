// The end-of-period recap as JSON: the content of build_recap() (src/plan/recap.cpp) as data,
// for other tools. One documented shape (doc/schema/recap.schema.json, whose descriptions define
// every member); numbers as numbers, shares as fractions 0..1, dates as ISO 8601, enums as fixed
// lower-case spellings, names as written, absent values as null. JSON is for programs: it has no
// language. Nothing is computed here.
#include <nlohmann/json.hpp>

#include "boussole/recap.hpp"
#include "boussole/visible.hpp"
#include "report/json_values.hpp"

namespace boussole {

// Named, so that a unity build (BOUSSOLE_UNITY) of the layer keeps these helpers apart from
// the other renderers'.
namespace recap_json {
namespace {

using json = nlohmann::ordered_json;
using json_value::burn_up;
using json_value::date;
using json_value::number;
using json_value::text;
using json_value::texts;
using json_value::whole;

constexpr std::string_view format_version = "boussole.recap/1";

// A state of the roadmap: a commit (its short id, date and first line), or the working tree
// (all null), as the Markdown tells them apart.
json state(const RecapState& s) {
    return {{"commit", s.date ? text(s.label) : json(nullptr)}, {"date", date(s.date)}, {"summary", text(s.summary)}};
}
json state(const std::optional<RecapState>& s) { return s ? state(*s) : json(nullptr); }

std::string_view note_kind(RecapNote::Kind k) {
    switch (k) {
        case RecapNote::Kind::cut_after_start:
            return "cut-after-start";
        case RecapNote::Kind::cut_after_baseline:
            return "cut-after-baseline";
        case RecapNote::Kind::plan_after_start:
            return "plan-after-start";
        case RecapNote::Kind::missing_at_baseline:
            return "missing-at-baseline";
    }
    return "cut-after-start";
}

// A caveat: the members its kind carries, null for the others.
json note(const RecapNote& n) {
    const bool dated = n.kind != RecapNote::Kind::missing_at_baseline;
    const bool started = n.kind == RecapNote::Kind::cut_after_start || n.kind == RecapNote::Kind::plan_after_start;
    return {{"kind", note_kind(n.kind)},
            {"commit", text(n.commit)},
            {"date", dated ? date(n.date) : json(nullptr)},
            {"start", started ? date(n.start) : json(nullptr)},
            {"path", n.kind == RecapNote::Kind::missing_at_baseline ? text(n.path) : json(nullptr)}};
}

json unreadable(const UnreadableFile& u) {
    return {{"file", u.file},          {"line", u.line},        {"column", u.column}, {"cause", u.cause},
            {"first", state(u.first)}, {"last", state(u.last)}, {"states", u.states}, {"used", state(u.used)}};
}

json header(const RecapHeader& h) {
    json notes = json::array();
    for (const RecapNote& n : h.notes) notes.push_back(note(n));
    json files = json::array();
    for (const UnreadableFile& u : h.unreadable) files.push_back(unreadable(u));
    return {{"name", text(h.name)},
            {"period_label", text(h.period_label)},
            {"start", date(h.start)},
            {"end", date(h.end)},
            {"baseline", state(h.baseline)},
            {"end_state", state(h.end_state)},
            // The day the working tree was read: only an end in the working tree has one.
            {"read_on", h.end_state.date ? json(nullptr) : date(h.read_on)},
            {"commits", h.commits},
            {"notes", notes},
            {"unreadable", files}};
}

json count(const RecapCount& n) { return {{"count", n.count}, {"of", n.of}, {"share", number(n.share)}}; }

json headline(const RecapHeadline& h) {
    return {{"planned", h.planned},
            {"added", h.added},
            {"total", h.total},
            {"delivered", count(h.delivered)},
            {"dropped", count(h.dropped)},
            {"moved_out", count(h.moved_out)},
            {"carried_over", count(h.carried_over)},
            {"slipped", count(h.slipped)},
            {"on_time", count(h.on_time)},
            {"delivered_not_judged", h.delivered_not_judged},
            {"mean_score", number(h.mean_score)},
            {"scored", h.scored},
            {"key_results", h.key_results},
            {"north_star", h.north_star},
            {"north_star_score", number(h.north_star_score)},
            {"run_items", h.run_items},
            {"after_period", h.after_period},
            {"dropped_before", h.dropped_before},
            {"anonymous", h.anonymous},
            {"proposals_planned", h.proposals_planned},
            {"still_proposed", h.still_proposed}};
}

// A measure's members, after those already in `j`.
json measure(const RecapMeasure& m, json j = json::object()) {
    j["title"] = text(m.title);
    j["unit"] = text(m.unit);
    j["start"] = number(m.start);
    j["end"] = number(m.end);
    j["target"] = number(m.target);
    j["target_at_start"] = number(m.target_at_start);
    j["score"] = number(m.score);
    return j;
}

json objective(const RecapObjective& o) {
    json krs = json::array();
    for (const RecapKeyResult& k : o.key_results) {
        json j = measure(k, {{"id", text(k.id)}});
        j["baseline"] = number(k.baseline);
        j["added"] = k.added;
        krs.push_back(std::move(j));
    }
    return {{"id", text(o.id)},
            {"title", text(o.title)},
            {"key_results", krs},
            {"measured", o.measured},
            {"mean_score", number(o.mean_score)}};
}

json epic(const RecapEpic& e) {
    return {{"id", text(e.id)},
            {"title", text(e.title)},
            {"stream", text(e.stream)},
            {"owner", text(e.owner)},
            {"contributors", texts(e.contributors)},
            {"deliverables", texts(e.deliverables)},
            {"status", to_string(e.status)},
            {"removed", e.removed},
            {"due", date(e.due)},
            {"progress_share", number(e.progress)}};
}

template <class T, class F>
json list(const std::vector<T>& items, F&& f) {
    json out = json::array();
    for (const T& i : items) out.push_back(f(i));
    return out;
}

// The whole document.
json document(const RecapContent& c) {
    const json doc{
        {"format", format_version},
        {"header", header(c.header)},
        {"headline", headline(c.headline)},
        {"north_star", c.north_star ? measure(*c.north_star) : json(nullptr)},
        {"objectives", list(c.objectives, objective)},
        {"removed_key_results", list(c.removed_key_results,
                                     [](const RemovedKeyResult& k) -> json {
                                         return {{"id", text(k.id)}, {"title", text(k.title)}};
                                     })},
        {"delivered", list(c.delivered,
                           [](const DeliveredEpic& d) -> json {
                               return {{"epic", epic(d.epic)},
                                       {"planned_due", date(d.planned_due)},
                                       {"done", state(d.done)},
                                       {"days_late", whole(d.days_late)}};
                           })},
        {"slipped", list(c.slipped,
                         [](const SlippedEpic& s) -> json {
                             return {{"epic", epic(s.epic)},
                                     {"planned_due", date(s.planned_due)},
                                     {"slip_days", s.slip_days},
                                     {"late_days", whole(s.late_days)},
                                     {"past_due_days", whole(s.past_due_days)},
                                     {"moves", list(s.moves, [](const DueMove& m) -> json {
                                          return {{"when", state(m.when)}, {"days", m.days}};
                                      })}};
                         })},
        {"dropped", list(c.dropped,
                         [](const DroppedEpic& d) -> json {
                             return {{"epic", epic(d.epic)},
                                     {"when", state(d.when)},
                                     {"reason", d.reason ? json(*d.reason) : json(nullptr)}};
                         })},
        {"added", list(c.added,
                       [](const AddedEpic& a) -> json {
                           return {{"epic", epic(a.epic)},
                                   {"added", state(a.added)},
                                   {"from_run", a.from_run},
                                   {"from_backlog", a.from_backlog}};
                       })},
        {"moved_out",
         list(c.moved_out,
              [](const MovedOutEpic& m) -> json {
                  return {{"epic", epic(m.epic)}, {"from_stream", text(m.from_stream)}, {"when", state(m.when)}};
              })},
        {"carried_over", list(c.carried_over, epic)},
        {"goalposts", list(c.goalposts,
                           [](const GoalpostMove& g) -> json {
                               return {{"subject", g.north_star ? json(nullptr) : text(g.subject)},
                                       {"title", text(g.title)},
                                       {"north_star", g.north_star},
                                       {"before", number(g.before_value)},
                                       {"after", number(g.after_value)},
                                       {"when", state(g.when)}};
                           })},
        {"generator", c.generator},
        {"states", c.states},
        {"proposals_planned",
         list(c.proposals_planned,
              [](const PlannedProposal& p) -> json {
                  return {{"epic", epic(p.epic)}, {"proposed", state(p.proposed)}, {"planned", state(p.planned)}};
              })},
        {"burn_up", burn_up(c.burn_up)}};
    return doc;
}

}  // namespace
}  // namespace recap_json

std::string render_recap_json(const RecapContent& c, Language /*language*/) {
    return json_document(recap_json::document(c));
}

}  // namespace boussole
