// The status report's content: every figure computed once, from the roadmap and the options.
// Renderers (status_document.cpp for Markdown and HTML, status_json.cpp) only format what is here.
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "boussole/report_content.hpp"
#include "boussole/spell.hpp"
#include "report/facts.hpp"
#include "report/markdown.hpp"

namespace boussole {

namespace {

constexpr double default_max_open_epics = 4;
constexpr double default_stale_after_days = 14;

using facts::open_task;

class Builder {
public:
    Builder(const Roadmap& r, const ReportOptions& o)
        : r_(r), o_(o), index_(r), info_(*r.info()), period_(*info_.period), elapsed_(period_.elapsed_share(o.as_of)) {}

    StatusReportContent build() const {
        StatusReportContent c;
        c.audience = o_.audience;
        c.header = header();
        c.unreadable = r_.unreadable_files();
        // The sellers' view says what changes for them and whom to ask: no scorecard, streams,
        // risks, trends or metrics (no figures), so its content has none of them either, and
        // its JSON says what its Markdown says.
        const bool figures = o_.audience != Audience::sellers;
        if (info_.north_star && figures) c.north_star = north_star(*info_.north_star);
        c.history = o_.check_ins.has_value();
        c.check_ins = figures && (c.history || any_checked_on());
        c.stale_after_days = stale_after_days();
        if (figures) {
            for (const Objective& o : r_.objectives) c.objectives.push_back(objective(o));
            for (const Stream& s : r_.streams) c.streams.push_back(stream(s));
            c.at_risk = at_risk();
        }
        if (o_.audience == Audience::team) {
            c.load = load();
            c.timeline = timeline();
        }
        c.footer = {o_.generator, r_.files.size()};
        c.trends = figures && o_.trends.has_value();
        if (c.trends) c.since = facts::since(*o_.trends);
        if (figures) c.metrics = metrics();  // issue 14, item 3
        if (o_.audience == Audience::team) c.who_to_ask = who_to_ask();
        if (o_.audience == Audience::sellers) c.sellers = sellers();
        if (!o_.owner.empty() || !o_.stream.empty()) c.scope = scope();
        if (o_.audience != Audience::sellers) c.backlog = backlog();
        // issue 15: computed over the narrowed work already (WorkScope), never for sellers; none
        // when no planned work was in it at any point (a run stream's report), as the header then
        // has no planned work done either.
        // issue 16: the roadmap itself gone stale, for the team and leadership.
        if (figures) c.stale_document = stale_document(r_, o_.as_of, o_.last_change);
        if (figures && o_.burn_up &&
            std::any_of(o_.burn_up->points.begin(), o_.burn_up->points.end(),
                        [](const BurnUpPoint& p) { return p.scope > 0; }))
            c.burn_up = o_.burn_up;
        return c;
    }

private:
    // A person's name when declared, else the handle as written; empty without one.
    std::string person(const Field<std::string>& id) const {
        return id ? std::string(index_.person_name(*id)) : std::string();
    }

    int stale_after_days() const { return facts::stale_after_days(info_); }

    bool any_checked_on() const {
        if (info_.north_star && info_.north_star->checked_on) return true;
        for (const Objective& o : r_.objectives)
            for (const KeyResult& k : o.key_results)
                if (k.checked_on) return true;
        return false;
    }

    std::optional<CheckInFact> check_in(const KeyResult& k, const std::optional<std::string>& id) const {
        return facts::check_in(k, id, o_.check_ins, o_.as_of, stale_after_days());
    }

    Measure measure(const KeyResult& k) const {
        Measure m{std::string(index_.unit_of(k)),
                  k.baseline.value,
                  k.current.value,
                  k.target.value,
                  k.confidence.value,
                  k.score(),
                  Pace::no_data};
        m.pace = pace_of(m.score, elapsed_);
        m.no_distance = k.baseline && k.target && *k.baseline == *k.target;
        return m;
    }

    ReportHeader header() const {
        ReportHeader h;
        h.name = info_.name.value_or("");
        h.team = info_.team.value_or("");
        h.mission = info_.mission.value_or("");
        // A {start, end} period is labelled "START..END": it is its dates.
        if (period_.label.find("..") == std::string::npos) h.period_label = period_.label;
        h.start = period_.start;
        h.end = period_.end;
        h.as_of = o_.as_of;
        h.day = period_.elapsed_days(o_.as_of);
        h.days = period_.length_days();
        h.elapsed = elapsed_;
        h.work_done = r_.planned_progress();
        h.epics = r_.planned_epics();
        return h;
    }

    NorthStarFacts north_star(const KeyResult& ns) const {
        NorthStarFacts f{ns.title.value_or(""), person(ns.owner), measure(ns), check_in(ns, std::string())};
        f.trend = trend(f.measure, std::string());
        f.id = ns.id.value_or("");
        return f;
    }

    static ValueChange change(const Measure& m, const std::optional<double>& earlier, bool is_new) {
        ValueChange c;
        c.is_new = is_new;
        // Values near the largest double differ by more than one holds: no figure then.
        if (earlier && m.current && std::isfinite(*m.current - *earlier)) {
            c.delta = *m.current - *earlier;
            c.direction = facts::direction(m.baseline, m.target, *c.delta);
        }
        return c;
    }

    // `id` names it in the history read ("" for the North Star); none for a key result without one.
    std::optional<ValueTrend> trend(const Measure& m, const std::optional<std::string>& id) const {
        if (!o_.trends || !id) return std::nullopt;
        const auto it = o_.trends->values.find(*id);
        if (it == o_.trends->values.end()) return std::nullopt;
        const ValueHistory& h = it->second;
        ValueTrend t;
        t.since_check_in = change(m, h.previous, h.first_value);
        if (o_.trends->since_commit) t.since_point = change(m, h.at_since, !h.at_since);
        const std::size_t skip = h.series.size() > trend_points ? h.series.size() - trend_points : 0;
        t.capped = skip > 0;
        t.values.assign(h.series.begin() + static_cast<std::ptrdiff_t>(skip), h.series.end());
        if (!t.values.empty()) {
            const auto [lo, hi] = std::minmax_element(t.values.begin(), t.values.end());
            t.flat = *lo == *hi;
            // Halved first, so that the span of values near the largest double does not overflow.
            for (const double v : t.values)
                t.levels.push_back(t.flat
                                       ? 3
                                       : static_cast<int>(std::clamp(
                                             md::rounded((v / 2 - *lo / 2) / (*hi / 2 - *lo / 2) * 7, 0), 0LL, 7LL)));
        }
        return t;
    }

    ObjectiveScorecard objective(const Objective& o) const {
        ObjectiveScorecard card{o.id.value_or(""), o.title.value_or(""), person(o.owner), {}, 0, std::nullopt};
        double sum = 0;
        for (const KeyResult& k : o.key_results) {
            KeyResultRow row{k.id.value_or(""), k.title.value_or(""), person(Roadmap::owner_of(o, k)), measure(k),
                             check_in(k, k.id.value)};
            row.trend = trend(row.measure, k.id.value);
            if (row.measure.score) {
                sum += *row.measure.score;
                ++card.measured;
            }
            card.key_results.push_back(std::move(row));
        }
        if (card.measured) card.mean_score = sum / static_cast<double>(card.measured);
        return card;
    }

    EpicRow epic(const Stream& s, const Epic& e) const {
        EpicRow row;
        row.id = e.id.value_or("");
        row.title = e.title.value_or("");
        row.owner = person(e.owner);
        row.status = e.effective_status();
        row.due = e.due.value;
        row.overdue = e.overdue(o_.as_of);
        if (row.status != EpicStatus::dropped) row.progress = e.progress();
        row.open_tasks = static_cast<std::size_t>(std::count_if(e.tasks.begin(), e.tasks.end(), open_task));
        for (const auto& k : e.key_results)
            if (k) row.key_results.push_back(*k);
        if (o_.audience == Audience::team) {
            for (const Task& t : e.tasks)
                row.tasks.push_back({t.title.value_or(""), person(t.owner), t.effective_status(), t.due.value,
                                     open_task(t) && t.due && *t.due < o_.as_of, t.id.value_or("")});
            for (const std::string& c : e.helpers()) row.contributors.push_back(std::string(index_.person_name(c)));
            for (const auto& d : e.deliverables)
                if (d) row.deliverables.push_back(*d);
            row.estimate = e.estimate.value_or("");
            for (const auto& d : e.depends_on)
                if (d) row.depends_on.push_back(*d);
        }
        row.update = update(s, e);
        row.priority = e.priority.value_or("");
        if (row.status == EpicStatus::dropped) row.dropped_reason = e.dropped_reason.value_or("");
        return row;
    }

    std::optional<EpicUpdate> update(const Stream& s, const Epic& e) const {
        return facts::update(s, e, o_.updates, o_.as_of, stale_after_days());
    }

    // P0 first, then P1 to P3, then epics without a priority; the file's order otherwise.
    static int priority_rank(const EpicRow& e) {
        static constexpr std::string_view order[] = {"P0", "P1", "P2", "P3"};
        for (int i = 0; i < 4; ++i)
            if (e.priority == order[i]) return i;
        return 4;
    }

    StreamFacts stream(const Stream& s) const {
        StreamFacts f;
        f.id = s.id.value_or("");
        f.title = s.title.value_or("");
        f.owner = person(s.owner);
        f.description = s.description.value_or("");
        f.kind = s.is_run() ? StreamKind::run : StreamKind::build;
        if (!s.is_run()) f.progress = s.progress();
        std::map<EpicStatus, int> n;
        for (const Epic& e : s.epics)
            if (!e.proposed()) ++n[e.effective_status()];  // a proposal is in the backlog, not in the stream's work
        for (EpicStatus st :
             {EpicStatus::done, EpicStatus::in_progress, EpicStatus::blocked, EpicStatus::planned, EpicStatus::dropped})
            if (n[st]) f.epic_counts.push_back({st, n[st]});
        for (const Epic& e : s.epics) {
            // An epic past its due date is overdue, not next.
            if (e.overdue(o_.as_of)) {
                ++f.overdue;
            } else if (e.open() && e.due && (!f.next_due || *e.due < *f.next_due)) {
                f.next_due = *e.due;
            }
            if (!e.proposed()) f.epics.push_back(epic(s, e));
        }
        // issue 14, item 3: by priority inside the stream.
        std::stable_sort(f.epics.begin(), f.epics.end(),
                         [](const EpicRow& a, const EpicRow& b) { return priority_rank(a) < priority_rank(b); });
        return f;
    }

    // The at-risk list: one item per epic, key result or North Star, holding every reason it is
    // at risk for; items in the order of their first reason (overdue epics, earliest due first;
    // blocked epics; the North Star and key results off pace; stale check-ins; epics without an owner).
    class AtRisk {
    public:
        void add(const void* entity, const std::function<AtRiskItem()>& make, RiskReason why) {
            auto [it, added] = where_.emplace(entity, items_.size());
            if (added) items_.push_back(make());
            items_[it->second].reasons.push_back(std::move(why));
        }
        std::vector<AtRiskItem> take() { return std::move(items_); }

    private:
        std::map<const void*, std::size_t> where_;
        std::vector<AtRiskItem> items_;
    };

    std::function<AtRiskItem()> epic_item(const Stream& s, const Epic& e) const {
        return [this, &s, &e] {
            return AtRiskItem{AtRiskItem::Kind::epic, e.id.value_or(""),      e.title.value_or(""), person(e.owner), {},
                              update(s, e),           e.priority.value_or("")};
        };
    }
    std::function<AtRiskItem()> key_result_item(const Objective& o, const KeyResult& k) const {
        return [this, &o, &k] {
            return AtRiskItem{AtRiskItem::Kind::key_result,
                              k.id.value_or(""),
                              k.title.value_or(""),
                              person(Roadmap::owner_of(o, k)),
                              {}};
        };
    }

    static std::optional<risk::Stale> stale(const std::optional<CheckInFact>& c) {
        if (!c || !c->stale_days) return std::nullopt;
        return risk::Stale{*c->date, c->or_before, *c->stale_days, c->cadence, c->stale_after};
    }

    std::vector<AtRiskItem> at_risk() const {
        AtRisk out;
        std::vector<std::pair<const Stream*, const Epic*>> overdue;
        for (const Stream& s : r_.streams)
            for (const Epic& e : s.epics)
                if (e.overdue(o_.as_of)) overdue.emplace_back(&s, &e);
        std::stable_sort(overdue.begin(), overdue.end(),
                         [](const auto& a, const auto& b) { return *a.second->due < *b.second->due; });
        for (const auto& [s, e] : overdue)
            out.add(e, epic_item(*s, *e), risk::Overdue{*e->due, o_.as_of - *e->due, e->progress()});
        for (const Stream& s : r_.streams)
            for (const Epic& e : s.epics)
                if (e.effective_status() == EpicStatus::blocked) out.add(&e, epic_item(s, e), risk::Blocked{});
        const KeyResult* ns = info_.north_star ? &*info_.north_star : nullptr;
        const auto north_star_item = [this, ns] {
            return AtRiskItem{AtRiskItem::Kind::north_star, "", ns->title.value_or(""), person(ns->owner), {}};
        };
        // The North Star off pace is the first thing leadership must see at risk, as its section says.
        if (ns)
            if (const auto score = ns->score(); score) {
                const Pace pace = pace_of(score, elapsed_);
                if (pace == Pace::behind_pace || pace == Pace::at_risk)
                    out.add(ns, north_star_item, risk::OffPace{pace, *score});
            }
        for (const Objective& o : r_.objectives)
            for (const KeyResult& k : o.key_results) {
                const auto score = k.score();
                const Pace pace = pace_of(score, elapsed_);
                if (score && (pace == Pace::behind_pace || pace == Pace::at_risk))
                    out.add(&k, key_result_item(o, k), risk::OffPace{pace, *score});
            }
        if (ns)
            if (const auto why = stale(check_in(*ns, std::string()))) out.add(ns, north_star_item, *why);
        for (const Objective& o : r_.objectives)
            for (const KeyResult& k : o.key_results)
                if (const auto why = stale(check_in(k, k.id.value))) out.add(&k, key_result_item(o, k), *why);
        // issue 14, item 2: stale updates, after stale check-ins.
        for (const Stream& s : r_.streams)
            for (const Epic& e : s.epics)
                if (const auto u = update(s, e); u && u->stale_days)
                    out.add(
                        &e, epic_item(s, e),
                        risk::StaleUpdate{*u->changed->date, u->changed->or_before, *u->stale_days, u->stale_after});
        for (const Stream& s : r_.streams)
            for (const Epic& e : s.epics)
                if (!e.owner && e.open()) out.add(&e, epic_item(s, e), risk::NoOwner{});
        return out.take();
    }

    // issue 14, item 3: the metric catalogue in reading order, each with the key results that
    // measure it, then the metric texts that name no entry of it, in the order they are met.
    std::vector<MetricFacts> metrics() const {
        std::vector<MetricFacts> out;
        std::map<std::string, std::size_t> where;
        for (const Metric& m : r_.metrics) {
            if (!m.id || where.contains(*m.id)) continue;
            where[*m.id] = out.size();
            out.push_back({*m.id,
                           true,
                           m.name.value_or(""),
                           m.unit.value_or(""),
                           m.definition.value_or(""),
                           m.dashboard.value_or(""),
                           person(m.owner),
                           {}});
        }
        auto measured = [&](const KeyResult& k, std::string id) {
            if (!k.metric) return;
            auto [it, added] = where.emplace(*k.metric, out.size());
            if (added) out.push_back({*k.metric, false, {}, {}, {}, {}, {}, {}});
            out[it->second].measures.push_back(std::move(id));
        };
        if (info_.north_star) measured(*info_.north_star, std::string());
        for (const Objective& o : r_.objectives)
            for (const KeyResult& k : o.key_results) measured(k, k.id.value_or(k.title.value_or("")));
        // A report narrowed to one person's or one stream's work lists the metrics of what it shows.
        if (!o_.owner.empty() || !o_.stream.empty())
            std::erase_if(out, [](const MetricFacts& m) { return m.measures.empty(); });
        return out;
    }

    // issue 14, item 3: the declared people, with their role and responsibilities.
    std::vector<Contact> who_to_ask() const {
        std::vector<Contact> out;
        for (const Person& p : r_.people) {
            if (!p.id) continue;
            Contact c{*p.id, p.name.value_or(""), p.role.value_or(""), p.email.value_or(""), {}};
            for (const auto& resp : p.responsibilities)
                if (resp) c.responsibilities.push_back(*resp);
            out.push_back(std::move(c));
        }
        return out;
    }

    LoadFacts load() const {
        struct Load {
            int epics = 0, tasks = 0;
        };
        std::map<std::string, Load> load;  // by display name, for a stable order
        // A narrowed report lists the owners of the work it covers, not everyone declared.
        if (o_.owner.empty() && o_.stream.empty())
            for (const Person& p : r_.people)
                if (p.id) load[person(p.id)];
        for (const Stream& s : r_.streams)
            for (const Epic& e : s.epics) {
                if (!e.open()) continue;
                if (e.owner) ++load[person(e.owner)].epics;
                for (const Task& t : e.tasks) {
                    if (!open_task(t)) continue;
                    // A task without an owner is its epic owner's.
                    const Field<std::string>& who = t.owner ? t.owner : e.owner;
                    if (who) ++load[person(who)].tasks;
                }
            }
        LoadFacts facts;
        facts.max_open_epics = info_.report.max_open_epics.value_or(default_max_open_epics);
        for (const auto& [name, l] : load)
            facts.owners.push_back({name, l.epics, l.tasks, l.epics > facts.max_open_epics});
        std::stable_sort(facts.owners.begin(), facts.owners.end(),
                         [](const OwnerLoad& a, const OwnerLoad& b) { return a.open_epics > b.open_epics; });
        return facts;
    }

    TimelineFacts timeline() const {
        TimelineFacts t;
        std::vector<const Epic*> epics;  // each bar's epic, in the bars' order
        for (const Stream& s : r_.streams) {
            TimelineSection section{s.id.value_or(""), s.title.value_or(""), {}};
            for (const Epic& e : s.epics) {
                if (e.effective_status() == EpicStatus::dropped || e.proposed()) continue;
                if (!e.due) {
                    if (!s.is_run()) t.undated.push_back({e.id.value_or(""), e.title.value_or("")});
                    continue;
                }
                // An epic without a start runs from the start of the period.
                const Date start = std::min(e.start.value_or(period_.start), *e.due);
                section.bars.push_back({e.id.value_or(""), e.title.value_or(""), e.effective_status(),
                                        e.overdue(o_.as_of), start, *e.due});
                epics.push_back(&e);
            }
            if (!section.bars.empty()) t.sections.push_back(std::move(section));
        }
        // issue 15: the dependencies an arrow can join: on another bar of the timeline, once each.
        std::set<std::string> on_timeline;
        for (const TimelineSection& section : t.sections)
            for (const TimelineBar& bar : section.bars)
                if (!bar.id.empty()) on_timeline.insert(bar.id);
        auto epic = epics.begin();
        for (TimelineSection& section : t.sections)
            for (TimelineBar& bar : section.bars) {
                for (const Field<std::string>& d : (*epic++)->depends_on)
                    if (d && *d != bar.id && on_timeline.count(*d) &&
                        std::find(bar.depends_on.begin(), bar.depends_on.end(), *d) == bar.depends_on.end())
                        bar.depends_on.push_back(*d);
            }
        return t;
    }

    // issue 14, item 4: the sellers' view.

    // Whom to ask about an epic: its owner, else its stream's.
    AskFacts ask(const Field<std::string>& owner, const Stream& s) const {
        const Field<std::string>& who = owner ? owner : s.owner;
        AskFacts a;
        if (!who) return a;
        a.name = person(who);
        if (const Person* p = index_.person(*who); p && p->email) a.email = *p->email;
        a.stream_owner = !owner;
        return a;
    }

    static std::string stream_name(const Stream& s) { return s.title.value_or(s.id.value_or("")); }

    SellersFacts sellers() const {
        SellersFacts f;
        f.shipped_from = o_.as_of + -13;
        f.coming_until = o_.as_of + 28;
        f.history = o_.done_dates.has_value();
        for (const Stream& s : r_.streams) {
            if (s.is_run()) continue;
            for (const Epic& e : s.epics) {
                SellerItem item{e.id.value_or(""), e.title.value_or(""), stream_name(s),
                                o_.as_of,          DoneDating::due,      false,
                                ask(e.owner, s)};
                const EpicStatus st = e.effective_status();
                if (st == EpicStatus::done) {
                    if (!dated_done(e, item)) continue;
                    if (item.date < f.shipped_from || o_.as_of < item.date) continue;
                    f.shipped.push_back(std::move(item));
                } else if (e.open() && e.due && !(*e.due < o_.as_of) && !(f.coming_until < *e.due)) {
                    item.date = *e.due;
                    f.coming.push_back(std::move(item));
                }
            }
        }
        std::stable_sort(f.shipped.begin(), f.shipped.end(),
                         [](const SellerItem& a, const SellerItem& b) { return b.date < a.date; });
        std::stable_sort(f.coming.begin(), f.coming.end(),
                         [](const SellerItem& a, const SellerItem& b) { return a.date < b.date; });
        for (const Stream& s : r_.streams) {
            if (!s.is_run()) continue;
            SupportStream sup{s.id.value_or(""), s.title.value_or(""), s.description.value_or(""), ask(s.owner, s), {}};
            for (const Epic& e : s.epics)
                if (e.effective_status() != EpicStatus::dropped)
                    sup.activities.push_back({e.id.value_or(""), e.title.value_or(""), ask(e.owner, s)});
            f.support.push_back(std::move(sup));
        }
        return f;
    }

    // When a done epic was done: from git history when it was read and follows the epic (by its
    // id), else its due date (the report date when that is later: it is done already). False
    // when it cannot be dated (no history and no due date), or was recorded done only in a commit
    // after the report date.
    bool dated_done(const Epic& e, SellerItem& item) const {
        if (o_.done_dates && e.id)
            if (const auto it = o_.done_dates->find(*e.id); it != o_.done_dates->end()) {
                if (!it->second.date) {
                    // Recorded done in a commit after the report date: not shipped by then.
                    if (o_.commits_after_as_of) return false;
                    item.dating = DoneDating::not_committed;
                    item.date = o_.as_of;
                } else {
                    item.dating = DoneDating::history;
                    item.date = *it->second.date;
                    item.or_before = it->second.or_before;
                }
                return true;
            }
        if (!e.due) return false;
        item.dating = DoneDating::due;
        item.date = std::min(*e.due, o_.as_of);
        return true;
    }

    // issue 14, item 5: the proposed epics, by priority (P0 first, unprioritised last).
    std::vector<BacklogItem> backlog() const {
        std::vector<BacklogItem> out;
        for (const Stream& s : r_.streams)
            for (const Epic& e : s.epics) {
                if (!e.proposed()) continue;
                BacklogItem b{e.id.value_or(""),
                              e.title.value_or(""),
                              person(e.owner),
                              stream_name(s),
                              e.priority.value,
                              e.estimate.value_or(""),
                              {}};
                for (const auto& k : e.key_results)
                    if (k) b.key_results.push_back(*k);
                out.push_back(std::move(b));
            }
        // "P0" < "P3" as texts; an unprioritised proposal sorts after every priority.
        std::stable_sort(out.begin(), out.end(), [](const BacklogItem& a, const BacklogItem& b) {
            if (!a.priority || !b.priority) return a.priority.has_value() && !b.priority;
            return *a.priority < *b.priority;
        });
        return out;
    }

    ScopeFacts scope() const {
        ScopeFacts f;
        f.owner_id = o_.owner;
        f.stream_id = o_.stream;
        if (!o_.owner.empty()) f.owner = std::string(index_.person_name(o_.owner));
        if (!o_.stream.empty())
            if (const Stream* s = index_.stream(o_.stream)) f.stream = stream_name(*s);
        return f;
    }

    const Roadmap& r_;
    const ReportOptions& o_;
    const RoadmapIndex index_;
    const RoadmapInfo& info_;
    const Period& period_;
    double elapsed_;
};

}  // namespace

std::optional<std::string> report_blocker(const Roadmap& r) {
    const RoadmapInfo* info = r.info();
    if (!info) {
        // The block may be in a file that does not parse: name that cause, not its consequence.
        const std::vector<std::string> unreadable = r.unreadable_files();
        if (!unreadable.empty())
            return fmt::format(
                "no 'roadmap' block could be read: {} not parse (the block may be there):\n  {}",
                unreadable.size() == 1 ? "a roadmap file does" : fmt::format("{} roadmap files do", unreadable.size()),
                fmt::join(unreadable, "\n  "));
        return "the roadmap has no 'roadmap' block";
    }
    if (!info->period) return "the roadmap has no valid period";
    if (info->period->end < info->period->start) return "the roadmap's period ends before it starts";
    return std::nullopt;
}

std::string_view to_string(Audience a) {
    switch (a) {
        case Audience::team:
            return "team";
        case Audience::leadership:
            return "leadership";
        case Audience::sellers:
            return "sellers";
    }
    return "team";
}

namespace {

bool is(const Field<std::string>& f, const std::string& id) { return f && *f == id; }

// The roadmap narrowed to the work of `options.stream` and `options.owner` (both when both are
// given): the stream's epics; the person's epics (owned or contributed to: all their tasks) and
// their tasks in other epics (only those); the key results the remaining epics serve (a stream)
// or the person owns (a person). People, metrics, the roadmap block and the North Star stay.
Roadmap narrowed(const Roadmap& r, const ReportOptions& o) {
    Roadmap n = r;
    if (!o.stream.empty()) {
        // The first stream of that id, as the index finds it.
        bool kept = false;
        std::erase_if(n.streams, [&](const Stream& s) {
            if (kept || !is(s.id, o.stream)) return true;
            kept = true;
            return false;
        });
    }
    if (!o.owner.empty()) {
        // The one definition of a person's work, which the burn-up counts across states too.
        const WorkScope scope{o.owner, o.stream};
        for (Stream& s : n.streams) {
            std::erase_if(s.epics, [&](Epic& e) {
                if (!scope.works_on(e)) return true;
                if (!scope.in_charge(e)) std::erase_if(e.tasks, [&](const Task& t) { return !is(t.owner, o.owner); });
                return false;
            });
        }
        std::erase_if(n.streams, [&](const Stream& s) { return s.epics.empty() && !is(s.owner, o.owner); });
    }
    std::set<std::string> served;
    for (const Stream& s : n.streams)
        for (const Epic& e : s.epics)
            for (const auto& k : e.key_results)
                if (k) served.insert(*k);
    for (Objective& obj : n.objectives)
        std::erase_if(obj.key_results, [&](const KeyResult& k) {
            if (!o.stream.empty() && !(k.id && served.count(*k.id))) return true;
            return !o.owner.empty() && !is(Roadmap::owner_of(obj, k), o.owner);
        });
    std::erase_if(n.objectives, [](const Objective& obj) { return obj.key_results.empty(); });
    return n;
}

}  // namespace

std::optional<std::string> scope_error(const Roadmap& roadmap, const ReportOptions& options) {
    const RoadmapIndex index(roadmap);
    auto check = [](const std::string& option, const std::string& id, const std::vector<std::string>& ids,
                    const char* what) -> std::optional<std::string> {
        if (id.empty() || std::find(ids.begin(), ids.end(), id) != ids.end()) return std::nullopt;
        if (ids.empty()) return fmt::format("{} '{}': the roadmap declares no {}", option, id, what);
        return fmt::format("{} '{}': no {} has this id{}; give one of: {}", option, id, what, did_you_mean(id, ids),
                           fmt::join(ids, ", "));
    };
    if (auto e = check("--owner", options.owner, index.person_ids, "person")) return e;
    return check("--stream", options.stream, index.stream_ids, "stream");
}

StatusReportContent build_status_report(const Roadmap& roadmap, const ReportOptions& options) {
    if (options.owner.empty() && options.stream.empty()) return Builder(roadmap, options).build();
    const Roadmap n = narrowed(roadmap, options);
    return Builder(n, options).build();
}

namespace facts {

int stale_after_days(const RoadmapInfo& info) {
    return static_cast<int>(info.report.stale_after_days.value_or(default_stale_after_days));
}

bool open_task(const Task& t) {
    const TaskStatus st = t.effective_status();
    return st == TaskStatus::todo || st == TaskStatus::doing;
}

std::optional<CheckInFact> check_in(const KeyResult& k, const std::optional<std::string>& id,
                                    const std::optional<std::map<std::string, CheckIn>>& check_ins, Date as_of,
                                    int stale_after_days) {
    std::optional<CheckIn> committed;
    if (check_ins && id)
        if (const auto it = check_ins->find(*id); it != check_ins->end()) committed = it->second;
    const std::optional<Date> measured = k.checked_on && !(as_of < *k.checked_on) ? k.checked_on.value : std::nullopt;
    if (!committed && !measured) return std::nullopt;
    CheckInFact fact;
    fact.cadence = k.cadence.value;
    fact.stale_after = k.cadence ? cadence_days(*k.cadence) : stale_after_days;
    if (committed && !committed->date) return fact;  // changed since the last commit read: the latest
    if (committed && (!measured || *measured < *committed->date)) {
        fact.date = committed->date;
        fact.or_before = committed->or_before;
    } else {
        fact.date = measured;  // written by the owner: exact
    }
    const int age = as_of - *fact.date;
    if (age > fact.stale_after) fact.stale_days = age;
    return fact;
}

std::optional<EpicUpdate> update(const Stream& s, const Epic& e,
                                 const std::optional<std::map<std::string, CheckIn>>& updates, Date as_of,
                                 int stale_after_days) {
    if (!e.update) return std::nullopt;
    EpicUpdate u;
    u.text = *e.update;
    u.stale_after = stale_after_days;
    if (updates && e.id)
        if (const auto it = updates->find(*e.id); it != updates->end()) u.changed = it->second;
    if (u.changed && u.changed->date && !s.is_run() && e.effective_status() == EpicStatus::in_progress)
        if (const int age = as_of - *u.changed->date; age > u.stale_after) u.stale_days = age;
    return u;
}

SinceFacts since(const Trends& t) {
    SinceFacts f;
    f.kind = t.since.kind;
    f.asked = t.since.date;
    f.revision = t.since.revision;
    if (t.since_commit) {
        f.commit = t.since_commit->short_id;
        f.commit_date = t.since_commit->date;
    } else if (t.first) {
        f.history_starts = t.first->date;
    }
    return f;
}

Direction direction(const std::optional<double>& baseline, const std::optional<double>& target, double delta) {
    if (delta == 0) return Direction::unchanged;
    if (!baseline || !target || *baseline == *target) return Direction::unknown;
    return (delta > 0) == (*target > *baseline) ? Direction::better : Direction::worse;
}

}  // namespace facts

std::optional<StaleDocument> stale_document(const Roadmap& roadmap, Date as_of,
                                            const std::optional<CommitInfo>& last_change) {
    const RoadmapInfo* info = roadmap.info();
    if (!info || !last_change) return std::nullopt;
    StaleDocument s;
    s.last = last_change->date;
    s.commit = last_change->short_id;
    s.days = as_of - s.last;
    s.stale_after = facts::stale_after_days(*info);
    if (s.days <= s.stale_after) return std::nullopt;
    if (info->champion) {
        s.champion_id = *info->champion;
        s.champion = std::string(RoadmapIndex(roadmap).person_name(*info->champion));
    }
    return s;
}

}  // namespace boussole
