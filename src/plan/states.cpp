// Which states of the history an analysis reads, and the check-ins: pure functions of commits
// and snapshots, so that they are tested without git.
#include <algorithm>
#include <iterator>
#include <unordered_set>

#include <fmt/format.h>

#include "boussole/plan.hpp"

namespace boussole {

PlanState state_at(const CommitInfo& c, Snapshot snapshot) {
    return {std::move(snapshot), c.short_id, c.date, c.summary};
}

MainlineStop stop_at_plan_of(const Period& period) {
    return [start = period.start](const CommitInfo& c, bool changed) { return changed && c.date <= start; };
}

MainlineStop stop_at_baseline(const CommitInfo& baseline) {
    return [baseline](const CommitInfo& c, bool) { return c.id == baseline.id || c.time < baseline.time; };
}

namespace {

// A note when the walk ended at a shallow clone's cut before reaching what it looked for.
void note_cut(const Mainline& walk, RecapNote::Kind kind, const Period* period, std::vector<RecapNote>& notes) {
    if (walk.cut_at && !walk.reached_stop)
        notes.push_back({.kind = kind,
                         .commit = walk.cut_at->short_id,
                         .date = walk.cut_at->date,
                         .start = period ? period->start : Date{},
                         .path = {}});
}

}  // namespace

RecapCommits recap_commits_for_period(const Mainline& walk, const Period& period) {
    RecapCommits out;
    out.commits = walk.commits;
    if (out.commits.empty()) return out;
    note_cut(walk, RecapNote::Kind::cut_after_start, &period, out.notes);
    if (!walk.reached_stop && !walk.cut_at)
        out.notes.push_back({.kind = RecapNote::Kind::plan_after_start,
                             .commit = out.commits.front().short_id,
                             .date = out.commits.front().date,
                             .start = period.start,
                             .path = {}});
    return out;
}

RecapCommits recap_commits_from(const CommitInfo& baseline, const Mainline& walk) {
    RecapCommits out;
    out.commits.push_back(baseline);
    // The walk lists the baseline itself first when it reached it.
    auto first = walk.commits.begin();
    if (walk.reached_stop && first != walk.commits.end()) ++first;
    out.commits.insert(out.commits.end(), first, walk.commits.end());
    note_cut(walk, RecapNote::Kind::cut_after_baseline, nullptr, out.notes);
    return out;
}

MainlineStop stop_at_check_ins(const Period& period, Date as_of) {
    return [floor = std::min(period.start, as_of)](const CommitInfo& c, bool changed) {
        return changed && c.date <= floor;
    };
}

std::vector<CommitInfo> commits_by(const std::vector<CommitInfo>& commits, Date as_of) {
    auto end = commits.end();
    while (end != commits.begin() && as_of < std::prev(end)->date) --end;
    return {commits.begin(), end};
}

std::vector<CommitInfo> last_of_each_day(const std::vector<CommitInfo>& commits) {
    std::vector<CommitInfo> out;
    for (std::size_t i = 0; i < commits.size(); ++i)
        if (i + 1 == commits.size() || commits[i].date != commits[i + 1].date) out.push_back(commits[i]);
    return out;
}

namespace {

const std::optional<double>* current_of(const Snapshot& s, const std::string& id) {
    if (id.empty()) return s.north_star() ? &s.north_star()->current.value : nullptr;
    const KeyResult* k = s.index().key_result(id).key_result;
    return k ? &k->current.value : nullptr;
}

}  // namespace

std::map<std::string, CheckIn> find_check_ins(const Snapshot& now, const std::vector<PlanState>& history,
                                              bool exact_start) {
    std::map<std::string, CheckIn> out;
    std::vector<std::string> ids;
    if (now.north_star() && now.north_star()->current) ids.emplace_back();
    for (const std::string& id : now.index().key_result_ids)
        if (now.index().key_result(id).key_result->current) ids.push_back(id);
    for (const std::string& id : ids) {
        const std::optional<double>& value = *current_of(now, id);
        const std::optional<double>* at_head = history.empty() ? nullptr : current_of(history.back().snapshot, id);
        if (!at_head || *at_head != value) {
            out[id] = CheckIn{};  // changed in the working tree
            continue;
        }
        std::size_t i = history.size() - 1;
        for (; i > 0; --i) {
            const std::optional<double>* before = current_of(history[i - 1].snapshot, id);
            if (!before || *before != value) break;
        }
        out[id] = CheckIn{history[i].date, i == 0 && !exact_start};
    }
    return out;
}

// issue 14, item 1

SinceRequest since_week_before(Date as_of) {
    SinceRequest r;
    r.kind = SinceRequest::Kind::week_before;
    r.date = as_of + -7;
    return r;
}

bool SinceSearch::see(const CommitInfo& c) {
    if (found) return true;
    oldest = c;
    if (request.kind == SinceRequest::Kind::revision) {
        // A commit off the first-parent line is passed where the line gets older than it.
        if (request.commit && (c.id == request.commit->id || c.time < request.commit->time)) found = request.commit;
    } else if (c.date <= request.date) {
        found = c;
    }
    return found.has_value();
}

MainlineStop stop_at_report_history(const Period& period, Date as_of, SinceSearch& since) {
    return [plan = stop_at_check_ins(period, as_of), &since, plan_passed = false](const CommitInfo& c,
                                                                                  bool changed) mutable {
        const bool point = since.see(c);
        plan_passed = plan_passed || plan(c, changed);
        return point && plan_passed;
    };
}

std::map<std::string, ValueHistory> find_value_histories(const Snapshot& now, const std::vector<PlanState>& history,
                                                         bool exact_start, Date period_start,
                                                         const Snapshot* at_since) {
    std::map<std::string, ValueHistory> out;
    std::vector<std::string> ids;
    if (now.north_star() && now.north_star()->current) ids.emplace_back();
    for (const std::string& id : now.index().key_result_ids)
        if (now.index().key_result(id).key_result->current) ids.push_back(id);
    // Its value in each state read, then in the working tree.
    auto value_in = [](const Snapshot& s, const std::string& id) -> std::optional<double> {
        const std::optional<double>* v = current_of(s, id);
        return v ? *v : std::nullopt;
    };
    std::size_t start = 0;  // the state at the period's start
    for (std::size_t i = 0; i < history.size(); ++i)
        if (history[i].date && *history[i].date <= period_start) start = i;
    for (const std::string& id : ids) {
        std::vector<std::optional<double>> values;
        values.reserve(history.size() + 1);
        for (const PlanState& s : history) values.push_back(value_in(s.snapshot, id));
        values.push_back(value_in(now, id));
        ValueHistory& h = out[id];
        // The latest change: the last position whose value differs from the one before it.
        std::size_t last = values.size() - 1;
        while (last > 0 && values[last - 1] == values[last]) --last;
        if (last > 0) {
            h.previous = values[last - 1];
            h.first_value = !h.previous;
        } else {
            h.first_value = exact_start || history.empty();  // entered at the root commit, or not committed
        }
        if (at_since) h.at_since = value_in(*at_since, id);
        for (std::size_t i = history.empty() ? values.size() - 1 : start; i < values.size(); ++i)
            if (values[i] && (h.series.empty() || values[i] != values[i - 1])) h.series.push_back(*values[i]);
    }
    return out;
}

namespace {

// Since when `holds(state)` has held, for an epic that holds in the working tree `now`: the
// oldest state of the last run of states, ending at the last one read, in which it holds; empty
// (not committed) when it does not hold in the last state read; `or_before` when the run starts
// at the first state read and that state is not the root commit (`exact_start`).
template <class Holds>
CheckIn holding_since(const std::vector<PlanState>& history, bool exact_start, Holds holds) {
    if (history.empty() || !holds(history.back().snapshot)) return CheckIn{};  // in the working tree only
    std::size_t i = history.size() - 1;
    while (i > 0 && holds(history[i - 1].snapshot)) --i;
    return CheckIn{history[i].date, i == 0 && !exact_start};
}

const Epic* epic_in(const Snapshot& s, const std::string& id) { return s.index().epic(id).epic; }

}  // namespace

// issue 14, item 2
std::map<std::string, CheckIn> find_update_changes(const Snapshot& now, const std::vector<PlanState>& history,
                                                   bool exact_start) {
    std::map<std::string, CheckIn> out;
    for (const std::string& id : now.index().epic_ids) {
        const std::optional<std::string>& text = epic_in(now, id)->update.value;
        if (!text) continue;
        out[id] = holding_since(history, exact_start, [&](const Snapshot& s) {
            const Epic* e = epic_in(s, id);
            return e && e->update.value == text;
        });
    }
    return out;
}

// issue 14, item 4
std::map<std::string, CheckIn> find_done_dates(const Snapshot& now, const std::vector<PlanState>& history,
                                               bool exact_start) {
    auto done = [](const Snapshot& s, const std::string& id) {
        const Epic* e = epic_in(s, id);
        return e && e->effective_status() == EpicStatus::done;
    };
    std::map<std::string, CheckIn> out;
    for (const std::string& id : now.index().epic_ids)
        if (done(now, id))
            out[id] = holding_since(history, exact_start, [&](const Snapshot& s) { return done(s, id); });
    return out;
}

// issue 15: the burn-up of planned work.

bool WorkScope::in_charge(const Epic& e) const {
    auto is_owner = [&](const Field<std::string>& f) { return f && *f == owner; };
    return is_owner(e.owner) || std::any_of(e.contributors.begin(), e.contributors.end(), is_owner);
}

bool WorkScope::works_on(const Epic& e) const {
    return in_charge(e) ||
           std::any_of(e.tasks.begin(), e.tasks.end(), [&](const Task& t) { return t.owner && *t.owner == owner; });
}

bool WorkScope::covers(const RoadmapIndex& index, const Stream& s, const Epic& e) const {
    if (!stream.empty() && index.stream(stream) != &s) return false;
    return owner.empty() || works_on(e);
}

// Named, not anonymous: BurnUpReader::Impl holds a Planned (see recap.cpp).
namespace burn_up_detail {

// The planned work of one state within a scope: its epics' ids, and how many of them are done.
struct Planned {
    std::unordered_set<std::string> ids;
    int done = 0;
};

Planned planned_in(const Snapshot& s, const WorkScope& scope) {
    Planned p;
    const RoadmapIndex& index = s.index();
    for (const std::string& id : index.epic_ids) {
        const EpicRef e = index.epic(id);
        // The model's one definition of planned work, as Roadmap::planned_progress counts it.
        if (!is_planned_work(*e.stream, *e.epic) || !scope.covers(index, *e.stream, *e.epic)) continue;
        p.ids.insert(id);
        p.done += e.epic->effective_status() == EpicStatus::done ? 1 : 0;
    }
    return p;
}

// How many of `a`'s ids are not in `b`.
int missing_from(const Planned& a, const Planned& b) {
    int n = 0;
    for (const std::string& id : a.ids) n += b.ids.count(id) ? 0 : 1;
    return n;
}

}  // namespace burn_up_detail

using namespace burn_up_detail;

struct BurnUpReader::Impl {
    Period period;
    Date as_of;
    WorkScope scope;
    BurnUp out;
    bool started = false;                              // the first point's state is known (the plan)
    std::optional<Snapshot> plan;                      // the last state on or before the start, while they come
    std::optional<std::pair<Date, Snapshot>> pending;  // the day being read: its last state so far
    Planned before;
    std::size_t flushed = 0;

    // The point of a day whose last state is known.
    void flush(const Date day, const Snapshot& s, bool last) {
        Planned p = planned_in(s, scope);
        const int scope_size = static_cast<int>(p.ids.size());
        if (flushed == 0) {
            out.planned = scope_size;
            out.points.push_back({day, scope_size, p.done, 0, 0});
        } else {
            const int added = missing_from(p, before), dropped = missing_from(before, p);
            if (last || added > 0 || dropped > 0 || p.done != before.done)
                out.points.push_back({day, scope_size, p.done, added, dropped});
        }
        before = std::move(p);
        ++flushed;
    }

    // A day's state, in the order of the days read (a day read again replaces its state).
    void day(Date d, const Snapshot& s) {
        if (pending && pending->first == d) {
            pending->second = s;  // several commits on one day: its last state
            return;
        }
        if (pending) flush(pending->first, pending->second, false);
        pending.emplace(d, s);
    }

    // The plan: the last state on or before the start, else (or_before) `first`.
    void start(const Snapshot* first) {
        started = true;
        if (plan) {
            day(period.start, *plan);
            plan.reset();
            return;
        }
        out.or_before = true;
        day(period.start, *first);
    }
};

BurnUpReader::BurnUpReader(const Period& period, Date as_of, WorkScope scope) : impl_(std::make_unique<Impl>()) {
    impl_->period = period;
    impl_->as_of = as_of;
    impl_->scope = std::move(scope);
    impl_->out.start = period.start;
    impl_->out.end = period.end;
    impl_->out.as_of = as_of;
}
BurnUpReader::~BurnUpReader() = default;
BurnUpReader::BurnUpReader(BurnUpReader&&) noexcept = default;
BurnUpReader& BurnUpReader::operator=(BurnUpReader&&) noexcept = default;

void BurnUpReader::add(const PlanState& state) {
    Impl& m = *impl_;
    const Date date = state.date.value_or(m.as_of);
    if (!m.started) {
        // The states on or before the start, oldest first: the last one is the plan.
        if (date <= m.period.start) {
            m.plan = state.snapshot;
            return;
        }
        const bool had_plan = m.plan.has_value();
        m.start(&state.snapshot);
        if (!had_plan) return;  // this state stood for the plan
    }
    m.day(std::min(date, m.as_of), state.snapshot);
}

std::optional<BurnUp> BurnUpReader::finish(const Snapshot& now) {
    Impl& m = *impl_;
    if (m.as_of < m.period.start) return std::nullopt;
    if (!m.started) m.start(&now);
    // The working tree ends it, dated the report date: the day's last state.
    m.day(m.as_of, now);
    m.flush(m.pending->first, m.pending->second, true);
    m.pending.reset();
    return std::move(m.out);
}

std::optional<BurnUp> find_burn_up(const Snapshot& now, const std::vector<PlanState>& history, const Period& period,
                                   Date as_of, const WorkScope& scope) {
    if (as_of < period.start) return std::nullopt;
    BurnUpReader reader(period, as_of, scope);
    for (const PlanState& s : history) reader.add(s);
    return reader.finish(now);
}

}  // namespace boussole
