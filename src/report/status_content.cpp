// The status report's content: every figure computed once, from the roadmap and the options.
// Renderers (status_markdown.cpp) only format what is here.
#include <algorithm>
#include <map>

#include "boussole/report_content.hpp"

namespace boussole {

namespace {

constexpr double default_max_open_epics = 4;
constexpr double default_stale_after_days = 14;

bool open_task(const Task& t) {
    const TaskStatus st = t.effective_status();
    return st == TaskStatus::todo || st == TaskStatus::doing;
}

class Builder {
public:
    Builder(const Roadmap& r, const ReportOptions& o)
        : r_(r), o_(o), index_(r), info_(*r.info()), period_(*info_.period), elapsed_(period_.elapsed_share(o.as_of)) {}

    StatusReportContent build() const {
        StatusReportContent c;
        c.audience = o_.audience;
        c.header = header();
        c.unreadable = r_.unreadable_files();
        if (info_.north_star) c.north_star = north_star(*info_.north_star);
        c.check_ins = o_.check_ins.has_value();
        for (const Objective& o : r_.objectives) c.objectives.push_back(objective(o));
        for (const Stream& s : r_.streams) c.streams.push_back(stream(s));
        c.at_risk = at_risk();
        if (o_.audience == Audience::team) {
            c.load = load();
            c.timeline = timeline();
        }
        c.footer = {o_.generator, r_.files.size()};
        return c;
    }

private:
    // A person's name when declared, else the handle as written; empty without one.
    std::string person(const Field<std::string>& id) const {
        return id ? std::string(index_.person_name(*id)) : std::string();
    }

    // The last check-in of a key result ("" for the North Star), when history was read and has one.
    std::optional<CheckInFact> check_in(const std::string& id) const {
        if (!o_.check_ins) return std::nullopt;
        const auto it = o_.check_ins->find(id);
        if (it == o_.check_ins->end()) return std::nullopt;
        CheckInFact fact{it->second.date, it->second.or_before, std::nullopt};
        if (fact.date) {
            const int age = o_.as_of - *fact.date;
            if (age > info_.report.stale_after_days.value_or(default_stale_after_days)) fact.stale_days = age;
        }
        return fact;
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
        return {ns.title.value_or(""), person(ns.owner), measure(ns), check_in("")};
    }

    ObjectiveScorecard objective(const Objective& o) const {
        ObjectiveScorecard card{o.id.value_or(""), o.title.value_or(""), person(o.owner), {}, 0, std::nullopt};
        double sum = 0;
        for (const KeyResult& k : o.key_results) {
            KeyResultRow row{k.id.value_or(""), k.title.value_or(""), person(Roadmap::owner_of(o, k)), measure(k),
                             k.id ? check_in(*k.id) : std::nullopt};
            if (row.measure.score) {
                sum += *row.measure.score;
                ++card.measured;
            }
            card.key_results.push_back(std::move(row));
        }
        if (card.measured) card.mean_score = sum / static_cast<double>(card.measured);
        return card;
    }

    EpicRow epic(const Epic& e) const {
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
                row.tasks.push_back({t.title.value_or(""), person(t.owner), t.effective_status(), t.due.value});
            for (const std::string& c : e.helpers()) row.contributors.push_back(std::string(index_.person_name(c)));
            for (const auto& d : e.deliverables)
                if (d) row.deliverables.push_back(*d);
        }
        return row;
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
        for (const Epic& e : s.epics) ++n[e.effective_status()];
        for (EpicStatus st :
             {EpicStatus::done, EpicStatus::in_progress, EpicStatus::blocked, EpicStatus::planned, EpicStatus::dropped})
            if (n[st]) f.epic_counts.push_back({st, n[st]});
        for (const Epic& e : s.epics) {
            if (e.open() && e.due && (!f.next_due || *e.due < *f.next_due)) f.next_due = *e.due;
            f.epics.push_back(epic(e));
        }
        return f;
    }

    using Reason = decltype(AtRiskItem::reason);
    AtRiskItem epic_at_risk(const Epic& e, Reason why) const {
        return {AtRiskItem::Kind::epic, e.id.value_or(""), e.title.value_or(""), person(e.owner), why};
    }
    AtRiskItem key_result_at_risk(const Objective& o, const KeyResult& k, Reason why) const {
        return {AtRiskItem::Kind::key_result, k.id.value_or(""), k.title.value_or(""), person(Roadmap::owner_of(o, k)),
                why};
    }

    // Overdue epics (earliest due first), blocked ones, key results off pace, stale check-ins,
    // epics without an owner.
    std::vector<AtRiskItem> at_risk() const {
        std::vector<AtRiskItem> out;
        std::vector<const Epic*> overdue;
        for (const Stream& s : r_.streams)
            for (const Epic& e : s.epics)
                if (e.overdue(o_.as_of)) overdue.push_back(&e);
        std::stable_sort(overdue.begin(), overdue.end(),
                         [](const Epic* a, const Epic* b) { return *a->due < *b->due; });
        for (const Epic* e : overdue)
            out.push_back(epic_at_risk(*e, risk::Overdue{*e->due, o_.as_of - *e->due, e->progress(),
                                                         e->effective_status() == EpicStatus::blocked}));
        for (const Stream& s : r_.streams)
            for (const Epic& e : s.epics)
                if (e.effective_status() == EpicStatus::blocked && !e.overdue(o_.as_of))
                    out.push_back(epic_at_risk(e, risk::Blocked{}));
        for (const Objective& o : r_.objectives)
            for (const KeyResult& k : o.key_results) {
                const auto score = k.score();
                const Pace pace = pace_of(score, elapsed_);
                if (score && (pace == Pace::behind_pace || pace == Pace::at_risk))
                    out.push_back(key_result_at_risk(o, k, risk::OffPace{pace, *score}));
            }
        auto stale = [](const std::optional<CheckInFact>& c) -> std::optional<risk::Stale> {
            if (!c || !c->stale_days) return std::nullopt;
            return risk::Stale{*c->date, c->or_before, *c->stale_days};
        };
        if (info_.north_star)
            if (const auto why = stale(check_in("")))
                out.push_back({AtRiskItem::Kind::north_star, "", info_.north_star->title.value_or(""),
                               person(info_.north_star->owner), *why});
        for (const Objective& o : r_.objectives)
            for (const KeyResult& k : o.key_results)
                if (k.id)
                    if (const auto why = stale(check_in(*k.id))) out.push_back(key_result_at_risk(o, k, *why));
        for (const Stream& s : r_.streams)
            for (const Epic& e : s.epics)
                if (!e.owner && e.open()) out.push_back(epic_at_risk(e, risk::NoOwner{}));
        return out;
    }

    LoadFacts load() const {
        struct Load {
            int epics = 0, tasks = 0;
        };
        std::map<std::string, Load> load;  // by display name, for a stable order
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
        for (const Stream& s : r_.streams) {
            TimelineSection section{s.id.value_or(""), s.title.value_or(""), {}};
            for (const Epic& e : s.epics) {
                if (e.effective_status() == EpicStatus::dropped) continue;
                if (!e.due) {
                    if (!s.is_run()) t.undated.push_back({e.id.value_or(""), e.title.value_or("")});
                    continue;
                }
                // An epic without a start runs from the start of the period.
                const Date start = std::min(e.start.value_or(period_.start), *e.due);
                section.bars.push_back({e.id.value_or(""), e.title.value_or(""), e.effective_status(),
                                        e.overdue(o_.as_of), start, *e.due});
            }
            if (!section.bars.empty()) t.sections.push_back(std::move(section));
        }
        return t;
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
    if (!info) return "the roadmap has no 'roadmap' block";
    if (!info->period) return "the roadmap has no valid period";
    if (info->period->end < info->period->start) return "the roadmap's period ends before it starts";
    return std::nullopt;
}

StatusReportContent build_status_report(const Roadmap& roadmap, const ReportOptions& options) {
    return Builder(roadmap, options).build();
}

}  // namespace boussole
