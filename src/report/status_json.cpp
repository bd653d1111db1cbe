// The status report as JSON: the content of status_content.cpp as data, for other tools. One
// documented shape (doc/schema/report.schema.json, whose descriptions define every member);
// numbers as numbers, shares as fractions 0..1, dates as ISO 8601, enums as fixed lower-case
// spellings, names as written, absent values as null. JSON is for programs: it has no language.
// Nothing is computed here.
#include <nlohmann/json.hpp>

#include "boussole/report_content.hpp"
#include "boussole/visible.hpp"
#include "report/json_values.hpp"

namespace boussole {

// Named, so that a unity build (BOUSSOLE_UNITY) of the layer keeps these helpers apart from
// the other renderers'.
namespace status_json {
namespace {

using json = nlohmann::ordered_json;
using json_value::burn_up;

// issue 16: the roadmap gone stale; null when it is not.
json stale_document(const std::optional<StaleDocument>& s) {
    if (!s) return nullptr;
    return {{"last", json_value::date(s->last)}, {"commit", s->commit},     {"days", s->days},
            {"stale_after", s->stale_after},     {"champion", s->champion}, {"champion_id", s->champion_id}};
}
using json_value::date;
using json_value::number;
using json_value::text;
using json_value::texts;
using json_value::whole;

constexpr std::string_view format_version = "boussole.report/1";

template <class... F>
struct overloaded : F... {
    using F::operator()...;
};
template <class... F>
overloaded(F...) -> overloaded<F...>;

std::string_view item_kind(AtRiskItem::Kind k) {
    switch (k) {
        case AtRiskItem::Kind::epic:
            return "epic";
        case AtRiskItem::Kind::key_result:
            return "key-result";
        case AtRiskItem::Kind::north_star:
            return "north-star";
    }
    return "epic";
}

std::string_view direction_name(Direction d) {
    switch (d) {
        case Direction::unknown:
            return "unknown";
        case Direction::better:
            return "better";
        case Direction::worse:
            return "worse";
        case Direction::unchanged:
            return "unchanged";
    }
    return "unknown";
}

std::string_view since_kind(SinceRequest::Kind k) {
    switch (k) {
        case SinceRequest::Kind::week_before:
            return "week-before";
        case SinceRequest::Kind::date:
            return "date";
        case SinceRequest::Kind::revision:
            return "revision";
    }
    return "week-before";
}

std::string_view dating_name(DoneDating d) {
    switch (d) {
        case DoneDating::history:
            return "history";
        case DoneDating::not_committed:
            return "not-committed";
        case DoneDating::due:
            return "due";
    }
    return "due";
}

json cadence(const std::optional<Cadence>& c) { return c ? json(to_string(*c)) : json(nullptr); }

json header(const ReportHeader& h) {
    return {{"name", text(h.name)},
            {"team", text(h.team)},
            {"mission", text(h.mission)},
            {"period_label", text(h.period_label)},
            {"start", date(h.start)},
            {"end", date(h.end)},
            {"as_of", date(h.as_of)},
            {"day", h.day},
            {"days", h.days},
            {"elapsed_share", number(h.elapsed)},
            {"work_done_share", number(h.work_done)},
            {"planned_epics", h.epics}};
}

json check_in(const std::optional<CheckInFact>& c) {
    if (!c) return nullptr;
    return {{"date", date(c->date)},
            {"or_before", c->or_before},
            {"cadence", cadence(c->cadence)},
            {"stale_after_days", c->stale_after},
            {"stale_days", whole(c->stale_days)}};
}

json change(const ValueChange& c) {
    return {{"delta", number(c.delta)}, {"is_new", c.is_new}, {"direction", direction_name(c.direction)}};
}

json trend(const std::optional<ValueTrend>& t) {
    if (!t) return nullptr;
    json values = json::array();
    for (double v : t->values) values.push_back(number(v));
    json levels = json::array();
    for (int l : t->levels) levels.push_back(l);
    return {{"since_check_in", change(t->since_check_in)},
            {"since_point", t->since_point ? change(*t->since_point) : json(nullptr)},
            {"values", values},
            {"levels", levels},
            {"capped", t->capped},
            {"flat", t->flat}};
}

json since(const std::optional<SinceFacts>& s) {
    if (!s) return nullptr;
    const bool point = !s->commit.empty();
    return {{"kind", since_kind(s->kind)},
            {"asked", date(s->asked)},
            {"revision", s->kind == SinceRequest::Kind::revision ? text(s->revision) : json(nullptr)},
            {"commit", text(s->commit)},
            {"commit_date", point ? date(s->commit_date) : json(nullptr)},
            {"history_starts", date(s->history_starts)}};
}

json update(const std::optional<EpicUpdate>& u) {
    if (!u) return nullptr;
    return {{"text", u->text},
            {"changed",
             u->changed ? json{{"date", date(u->changed->date)}, {"or_before", u->changed->or_before}} : json(nullptr)},
            {"stale_after_days", u->stale_after},
            {"stale_days", whole(u->stale_days)}};
}

json measure(const Measure& m) {
    return {{"unit", text(m.unit)},       {"baseline", number(m.baseline)},     {"current", number(m.current)},
            {"target", number(m.target)}, {"confidence", number(m.confidence)}, {"score", number(m.score)},
            {"pace", to_string(m.pace)},  {"no_distance", m.no_distance}};
}

json north_star(const std::optional<NorthStarFacts>& ns) {
    if (!ns) return nullptr;
    return {{"title", text(ns->title)},           {"owner", text(ns->owner)},  {"measure", measure(ns->measure)},
            {"check_in", check_in(ns->check_in)}, {"trend", trend(ns->trend)}, {"id", text(ns->id)}};
}

json objective(const ObjectiveScorecard& o) {
    json krs = json::array();
    for (const KeyResultRow& k : o.key_results)
        krs.push_back({{"id", text(k.id)},
                       {"title", text(k.title)},
                       {"owner", text(k.owner)},
                       {"measure", measure(k.measure)},
                       {"check_in", check_in(k.check_in)},
                       {"trend", trend(k.trend)}});
    return {{"id", text(o.id)},   {"title", text(o.title)}, {"owner", text(o.owner)},
            {"key_results", krs}, {"measured", o.measured}, {"mean_score", number(o.mean_score)}};
}

json task(const TaskLine& t) {
    return {{"title", text(t.title)}, {"owner", text(t.owner)}, {"status", to_string(t.status)},
            {"due", date(t.due)},     {"overdue", t.overdue},   {"id", text(t.id)}};
}

json epic(const EpicRow& e) {
    json tasks = json::array();
    for (const TaskLine& t : e.tasks) tasks.push_back(task(t));
    return {{"id", text(e.id)},
            {"title", text(e.title)},
            {"owner", text(e.owner)},
            {"status", to_string(e.status)},
            {"due", date(e.due)},
            {"overdue", e.overdue},
            {"progress_share", number(e.progress)},
            {"open_tasks", e.open_tasks},
            {"key_results", texts(e.key_results)},
            {"tasks", tasks},
            {"contributors", texts(e.contributors)},
            {"deliverables", texts(e.deliverables)},
            {"update", update(e.update)},
            {"priority", text(e.priority)},
            {"estimate", text(e.estimate)},
            {"dropped_reason", text(e.dropped_reason)},
            {"depends_on", texts(e.depends_on)}};
}

json stream(const StreamFacts& s) {
    json counts = json::array();
    for (const StatusCount& n : s.epic_counts) counts.push_back({{"status", to_string(n.status)}, {"count", n.count}});
    json epics = json::array();
    for (const EpicRow& e : s.epics) epics.push_back(epic(e));
    return {{"id", text(s.id)},          {"title", text(s.title)},
            {"owner", text(s.owner)},    {"description", text(s.description)},
            {"kind", to_string(s.kind)}, {"progress_share", number(s.progress)},
            {"epic_counts", counts},     {"next_due", date(s.next_due)},
            {"overdue", s.overdue},      {"epics", epics}};
}

json reason(const RiskReason& r) {
    return std::visit(
        overloaded{
            [](const risk::Overdue& o) -> json {
                return {{"kind", "overdue"},
                        {"due", date(o.due)},
                        {"days_late", o.days_late},
                        {"progress_share", number(o.progress)}};
            },
            [](const risk::Blocked&) -> json {
                return {{"kind", "blocked"}};
            },
            [](const risk::OffPace& o) -> json {
                return {{"kind", "off-pace"}, {"pace", to_string(o.pace)}, {"score", number(o.score)}};
            },
            [](const risk::Stale& s) -> json {
                return {{"kind", "stale"}, {"last", date(s.last)},          {"or_before", s.or_before},
                        {"days", s.days},  {"cadence", cadence(s.cadence)}, {"stale_after_days", s.stale_after}};
            },
            [](const risk::NoOwner&) -> json {
                return {{"kind", "no-owner"}};
            },
            [](const risk::StaleUpdate& s) -> json {
                return {{"kind", "stale-update"},
                        {"last", date(s.last)},
                        {"or_before", s.or_before},
                        {"days", s.days},
                        {"stale_after_days", s.stale_after}};
            },
        },
        r);
}

json at_risk(const std::vector<AtRiskItem>& items) {
    json out = json::array();
    for (const AtRiskItem& i : items) {
        json reasons = json::array();
        for (const RiskReason& r : i.reasons) reasons.push_back(reason(r));
        out.push_back({{"kind", item_kind(i.kind)},
                       {"id", text(i.id)},
                       {"title", text(i.title)},
                       {"owner", text(i.owner)},
                       {"reasons", reasons},
                       {"update", update(i.update)},
                       {"priority", text(i.priority)}});
    }
    return out;
}

json load(const std::optional<LoadFacts>& l) {
    if (!l) return nullptr;
    json owners = json::array();
    for (const OwnerLoad& o : l->owners)
        owners.push_back({{"name", o.name},
                          {"open_epics", o.open_epics},
                          {"open_tasks", o.open_tasks},
                          {"over_limit", o.over_limit}});
    return {{"owners", owners}, {"max_open_epics", number(l->max_open_epics)}};
}

json timeline(const std::optional<TimelineFacts>& t) {
    if (!t) return nullptr;
    json sections = json::array();
    for (const TimelineSection& s : t->sections) {
        json bars = json::array();
        for (const TimelineBar& b : s.bars)
            bars.push_back({{"id", text(b.id)},
                            {"title", text(b.title)},
                            {"status", to_string(b.status)},
                            {"overdue", b.overdue},
                            {"start", date(b.start)},
                            {"end", date(b.end)},
                            {"depends_on", texts(b.depends_on)}});
        sections.push_back({{"id", text(s.id)}, {"title", text(s.title)}, {"bars", bars}});
    }
    json undated = json::array();
    for (const UndatedEpic& e : t->undated) undated.push_back({{"id", text(e.id)}, {"title", text(e.title)}});
    return {{"sections", sections}, {"undated", undated}};
}

json metric(const MetricFacts& m) {
    json measures = json::array();
    for (const std::string& id : m.measures) measures.push_back(text(id));
    return {{"id", m.id},
            {"declared", m.declared},
            {"name", text(m.name)},
            {"unit", text(m.unit)},
            {"definition", text(m.definition)},
            {"dashboard", text(m.dashboard)},
            {"owner", text(m.owner)},
            {"measures", measures}};
}

json contact(const Contact& c) {
    return {{"id", text(c.id)},
            {"name", text(c.name)},
            {"role", text(c.role)},
            {"email", text(c.email)},
            {"responsibilities", texts(c.responsibilities)}};
}

json ask(const AskFacts& a) {
    return {{"name", text(a.name)}, {"email", text(a.email)}, {"stream_owner", a.stream_owner}};
}

json seller_item(const SellerItem& i) {
    return {{"id", text(i.id)},     {"title", text(i.title)},          {"stream", text(i.stream)},
            {"date", date(i.date)}, {"dating", dating_name(i.dating)}, {"or_before", i.or_before},
            {"ask", ask(i.ask)}};
}

json sellers(const std::optional<SellersFacts>& s) {
    if (!s) return nullptr;
    json shipped = json::array();
    for (const SellerItem& i : s->shipped) shipped.push_back(seller_item(i));
    json coming = json::array();
    for (const SellerItem& i : s->coming) coming.push_back(seller_item(i));
    json support = json::array();
    for (const SupportStream& r : s->support) {
        json activities = json::array();
        for (const SupportEntry& e : r.activities)
            activities.push_back({{"id", text(e.id)}, {"title", text(e.title)}, {"ask", ask(e.ask)}});
        support.push_back({{"id", text(r.id)},
                           {"title", text(r.title)},
                           {"description", text(r.description)},
                           {"owner", ask(r.owner)},
                           {"activities", activities}});
    }
    return {{"shipped_from", date(s->shipped_from)},
            {"coming_until", date(s->coming_until)},
            {"history", s->history},
            {"shipped", shipped},
            {"coming", coming},
            {"support", support}};
}

json scope(const std::optional<ScopeFacts>& s) {
    if (!s) return nullptr;
    return {{"owner", text(s->owner)},
            {"owner_id", text(s->owner_id)},
            {"stream", text(s->stream)},
            {"stream_id", text(s->stream_id)}};
}

json backlog_item(const BacklogItem& b) {
    return {{"id", text(b.id)},
            {"title", text(b.title)},
            {"owner", text(b.owner)},
            {"stream", text(b.stream)},
            {"priority", b.priority ? text(*b.priority) : json(nullptr)},
            {"estimate", text(b.estimate)},
            {"key_results", texts(b.key_results)}};
}

// The whole document.
json document(const StatusReportContent& c) {
    json objectives = json::array();
    for (const ObjectiveScorecard& o : c.objectives) objectives.push_back(objective(o));
    json streams = json::array();
    for (const StreamFacts& s : c.streams) streams.push_back(stream(s));
    json metrics = json::array();
    for (const MetricFacts& m : c.metrics) metrics.push_back(metric(m));
    json who_to_ask = json::array();
    for (const Contact& p : c.who_to_ask) who_to_ask.push_back(contact(p));
    json backlog = json::array();
    for (const BacklogItem& b : c.backlog) backlog.push_back(backlog_item(b));
    const json doc{{"format", format_version},
                   {"audience", to_string(c.audience)},
                   {"header", header(c.header)},
                   {"unreadable", texts(c.unreadable)},
                   {"north_star", north_star(c.north_star)},
                   {"check_ins", c.check_ins},
                   {"history", c.history},
                   {"stale_after_days", c.stale_after_days},
                   {"objectives", objectives},
                   {"streams", streams},
                   {"at_risk", at_risk(c.at_risk)},
                   {"load", load(c.load)},
                   {"timeline", timeline(c.timeline)},
                   {"footer", {{"generator", c.footer.generator}, {"files", c.footer.files}}},
                   {"trends", c.trends},
                   {"since", since(c.since)},
                   {"metrics", metrics},
                   {"who_to_ask", who_to_ask},
                   {"sellers", sellers(c.sellers)},
                   {"scope", scope(c.scope)},
                   {"backlog", backlog},
                   {"burn_up", burn_up(c.burn_up)},
                   {"stale_document", stale_document(c.stale_document)}};
    return doc;
}

}  // namespace
}  // namespace status_json

std::string render_status_json(const StatusReportContent& c, Language /*language*/) {
    return json_document(status_json::document(c));
}

}  // namespace boussole
