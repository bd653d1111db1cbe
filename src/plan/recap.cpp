// The end-of-period recap's content: the plan at the baseline against the roadmap at the end,
// with the dated changes in between (every change is found by compare(), the engine of
// `diff`). Renderers (src/report/recap_markdown.cpp) only format what is built here.
#include <algorithm>
#include <map>

#include "boussole/recap_content.hpp"

namespace boussole {

namespace {

// A dated due-date move of an epic.
struct Move {
    std::size_t state;
    std::optional<Date> from, to;
};

// What happened to one epic between the baseline and the end.
struct Track {
    std::string id;
    bool in_base = false;
    std::size_t first = 0;                 // the state it first appeared in
    std::optional<std::size_t> removed;    // the state it last disappeared in, when gone at the end
    std::optional<std::size_t> status_at;  // the state its status last changed in
    EpicRef start;                         // as planned (at the baseline or when added)
    EpicRef last;                          // as last seen
    std::vector<Move> moves;
};

// A dated change of a key result's target.
struct Goalpost {
    std::size_t state;
    Change change;
};

std::pair<std::optional<double>, std::size_t> mean_score(const std::vector<const KeyResult*>& krs) {
    double sum = 0;
    std::size_t n = 0;
    for (const KeyResult* k : krs)
        if (const auto s = k->score()) {
            sum += *s;
            ++n;
        }
    return {n ? std::optional<double>(sum / static_cast<double>(n)) : std::nullopt, n};
}

// The target at the start, when it differs from the one at the end.
std::optional<double> moved_target(const KeyResult* was, const KeyResult& now) {
    if (was && was->target && now.target && *was->target != *now.target) return was->target.value;
    return std::nullopt;
}

class Builder {
public:
    explicit Builder(const RecapInput& in)
        : in_(in),
          base_(in.states.front().snapshot),
          end_(in.states.back().snapshot),
          base_ix_(base_.index()),
          end_ix_(end_.index()),
          period_(end_.period() ? *end_.period() : *base_.period()) {
        end_date_ = in.states.back().date.value_or(in.today);
        // "Past due" is judged at the end state, and never after the period's last day.
        reference_ = std::min(end_date_, period_.end + 1);
        follow();
        sort();
    }

    RecapContent build() const {
        RecapContent c;
        c.header = header();
        c.headline = headline();
        c.north_star = north_star();
        key_results(c);
        for (const Track* t : counted_) {
            if (delivered(*t)) c.delivered.push_back(delivered_epic(*t));
            if (slipped(*t)) c.slipped.push_back(slipped_epic(*t));
            if (dropped(*t)) c.dropped.push_back(dropped_epic(*t));
            if (!t->in_base) c.added.push_back({epic(*t), when(t->first)});
            if (carried(*t)) c.carried_over.push_back(epic(*t));
        }
        for (const Goalpost& g : goalposts_)
            c.goalposts.push_back({g.change.subject, g.change.title, g.change.north_star, g.change.before,
                                   g.change.after, when(g.state)});
        c.generator = in_.generator;
        c.states = in_.states.size();
        return c;
    }

private:
    const RecapInput& in_;
    const Snapshot& base_;
    const Snapshot& end_;
    const RoadmapIndex& base_ix_;
    const RoadmapIndex& end_ix_;
    Period period_;
    Date end_date_, reference_;
    std::vector<Track> tracks_;  // in order of first appearance
    std::map<std::string, std::size_t, std::less<>> track_index_;
    std::vector<Goalpost> goalposts_;
    std::vector<const Track*> counted_;  // planned work of this period: build work, not added after it
    std::size_t after_period_ = 0, run_items_ = 0;

    Date date_of(std::size_t state) const { return in_.states[state].date.value_or(in_.today); }
    bool in_period(std::size_t state) const { return date_of(state) <= period_.end; }
    RecapWhen when(std::size_t state) const {
        const PlanState& s = in_.states[state];
        return {s.label, s.date, s.summary};
    }

    Track& track(const EpicRef& e, std::size_t state) {
        auto [it, fresh] = track_index_.emplace(*e.epic->id, tracks_.size());
        if (fresh) {
            Track t;
            t.id = *e.epic->id;
            t.first = state;
            t.in_base = state == 0;
            t.start = e;
            t.last = e;
            tracks_.push_back(std::move(t));
        }
        return tracks_[it->second];
    }

    // Walks the states once, following every epic by id and every target by key result.
    void follow() {
        for (const std::string& id : base_ix_.epic_ids) track(base_ix_.epic(id), 0);
        for (std::size_t i = 1; i < in_.states.size(); ++i) {
            const Snapshot& before_state = in_.states[i - 1].snapshot;
            const Snapshot& now_state = in_.states[i].snapshot;
            const RoadmapIndex& before = before_state.index();
            const RoadmapIndex& now = now_state.index();
            for (Change& c : compare(before_state, now_state)) {
                switch (c.kind) {
                    case ChangeKind::epic_added: {
                        Track& t = track(now.epic(c.subject), i);
                        t.removed.reset();
                        break;
                    }
                    case ChangeKind::epic_removed:
                        track(before.epic(c.subject), i).removed = i;
                        break;
                    case ChangeKind::status_changed:
                        track(now.epic(c.subject), i).status_at = i;
                        break;
                    case ChangeKind::due_changed:
                        if (in_period(i))
                            track(now.epic(c.subject), i)
                                .moves.push_back(
                                    {i, before.epic(c.subject).epic->due.value, now.epic(c.subject).epic->due.value});
                        break;
                    case ChangeKind::target_changed:
                        if (in_period(i)) goalposts_.push_back({i, std::move(c)});
                        break;
                    default:
                        break;
                }
            }
            for (const std::string& id : now.epic_ids) {
                const EpicRef e = now.epic(id);
                track(e, i).last = e;
            }
        }
    }

    // Sorts the tracks into planned work of this period, the run, and what came after it.
    void sort() {
        for (const Track& t : tracks_) {
            if (t.in_base && status(t.start) == EpicStatus::dropped) continue;  // dropped before the period
            if (!t.in_base && !in_period(t.first)) {
                ++after_period_;
                continue;
            }
            if (t.last.stream->is_run()) {
                ++run_items_;
                continue;
            }
            counted_.push_back(&t);
        }
    }

    static EpicStatus status(const EpicRef& e) { return e.epic->effective_status(); }
    static std::optional<Date> due(const EpicRef& e) { return e.epic->due.value; }

    bool delivered(const Track& t) const { return !t.removed && status(t.last) == EpicStatus::done; }
    bool dropped(const Track& t) const { return t.removed || status(t.last) == EpicStatus::dropped; }
    bool carried(const Track& t) const { return !t.removed && t.last.epic->open(); }
    // The due date as planned: at the baseline, or when the epic was added.
    static std::optional<Date> planned_due(const Track& t) { return due(t.start); }
    int slip_days(const Track& t) const {
        const auto p = planned_due(t);
        const auto d = due(t.last);
        return p && d ? *d - *p : 0;
    }
    bool past_due(const Track& t) const { return carried(t) && due(t.last) && *due(t.last) < reference_; }
    bool slipped(const Track& t) const { return slip_days(t) > 0 || past_due(t); }

    std::string stream_name(const std::string& id) const {
        const Stream* s = end_ix_.stream(id);
        if (!s) s = base_ix_.stream(id);
        return s && s->title ? *s->title : id;
    }

    // A person's name as the end state declares it, else the handle as written.
    std::string person(const Field<std::string>& id) const { return std::string(end_ix_.person_name(id.value_or(""))); }

    RecapEpic epic(const Track& t) const {
        const Epic& e = *t.last.epic;
        RecapEpic r;
        r.id = t.id;
        r.title = e.title.value_or("");
        r.stream = stream_name(t.last.stream->id.value_or(""));
        r.owner = person(e.owner);
        for (const std::string& c : e.helpers()) r.contributors.push_back(std::string(end_ix_.person_name(c)));
        for (const Field<std::string>& d : e.deliverables)
            if (d) r.deliverables.push_back(*d);
        r.status = e.effective_status();
        r.removed = t.removed.has_value();
        r.due = e.due.value;
        r.progress = e.progress();
        return r;
    }

    DeliveredEpic delivered_epic(const Track& t) const {
        DeliveredEpic d{epic(t), std::nullopt, std::nullopt};
        if (t.status_at) {
            d.done = when(*t.status_at);
            if (const auto last_due = due(t.last)) d.days_late = std::max(0, date_of(*t.status_at) - *last_due);
        }
        return d;
    }

    SlippedEpic slipped_epic(const Track& t) const {
        SlippedEpic s{epic(t), planned_due(t), std::max(0, slip_days(t)), std::nullopt, {}};
        if (past_due(t)) s.past_due_days = reference_ - *due(t.last);
        for (const Move& m : t.moves)
            if (m.from && m.to) s.moves.push_back({when(m.state), *m.to - *m.from});
        return s;
    }

    DroppedEpic dropped_epic(const Track& t) const {
        const std::optional<std::size_t> at = t.removed ? t.removed : t.status_at;
        return {epic(t), at ? std::optional<RecapWhen>(when(*at)) : std::nullopt, t.last.epic->dropped_reason.value};
    }

    RecapHeader header() const {
        auto name_of = [](const Snapshot& s) {
            return s.roadmap().info() ? s.roadmap().info()->name.value_or("") : "";
        };
        RecapHeader h;
        h.name = name_of(end_).empty() ? name_of(base_) : name_of(end_);
        h.period_label = period_.label;
        h.start = period_.start;
        h.end = period_.end;
        h.baseline = when(0);
        h.end_state = when(in_.states.size() - 1);
        h.read_on = in_.today;
        for (std::size_t i = 1; i < in_.states.size(); ++i) h.commits += in_.states[i].date ? 1 : 0;
        h.notes = in_.notes;
        return h;
    }

    RecapHeadline headline() const {
        RecapHeadline h;
        std::size_t done = 0, gone = 0, carried_n = 0, slipped_n = 0;
        for (const Track* t : counted_) {
            (t->in_base ? h.planned : h.added) += 1;
            done += delivered(*t) ? 1 : 0;
            gone += dropped(*t) ? 1 : 0;
            carried_n += carried(*t) ? 1 : 0;
            slipped_n += slipped(*t) ? 1 : 0;
        }
        const std::size_t total = h.planned + h.added;
        auto count = [&](std::size_t n) {
            return RecapCount{
                n, total ? std::optional<double>(static_cast<double>(n) / static_cast<double>(total)) : std::nullopt};
        };
        h.delivered = count(done);
        h.dropped = count(gone);
        h.carried_over = count(carried_n);
        h.slipped = count(slipped_n);
        std::vector<const KeyResult*> krs;
        for (const std::string& id : end_ix_.key_result_ids) krs.push_back(end_ix_.key_result(id).key_result);
        h.mean_score = mean_score(krs).first;
        if (const KeyResult* ns = end_.north_star()) {
            h.north_star = true;
            h.north_star_score = ns->score();
        }
        h.run_items = run_items_;
        h.after_period = after_period_;
        h.anonymous = end_ix_.anonymous || base_ix_.anonymous;
        h.unparsable_files = end_.roadmap().unparsable_files;
        return h;
    }

    // A measure at the end against the same one at the baseline (null when it was not there).
    RecapMeasure measure(const KeyResult* was, const KeyResult& now) const {
        return {now.title.value_or(""),
                std::string(end_ix_.unit_of(now)),
                was ? was->current.value : std::nullopt,
                now.current.value,
                now.target.value,
                moved_target(was, now),
                now.score()};
    }

    std::optional<RecapNorthStar> north_star() const {
        const KeyResult* ns = end_.north_star();
        if (!ns) return std::nullopt;
        return measure(base_.north_star(), *ns);
    }

    void key_results(RecapContent& c) const {
        // Grouped by objective, in the order they are written.
        std::map<std::string, std::size_t> by_objective;
        std::vector<std::vector<const KeyResult*>> measured;
        for (const std::string& id : end_ix_.key_result_ids) {
            const KeyResultRef k = end_ix_.key_result(id);
            auto [it, fresh] = by_objective.try_emplace(k.objective->id.value_or(""), c.objectives.size());
            if (fresh) {
                c.objectives.push_back({k.objective->id.value_or(""), k.objective->title.value_or(""), {}, 0, {}});
                measured.emplace_back();
            }
            const KeyResult& kr = *k.key_result;
            const KeyResult* was = base_ix_.key_result(id).key_result;
            c.objectives[it->second].key_results.push_back({measure(was, kr), id, kr.baseline.value, was == nullptr});
            measured[it->second].push_back(&kr);
        }
        for (std::size_t i = 0; i < c.objectives.size(); ++i) {
            const auto [mean, n] = mean_score(measured[i]);
            c.objectives[i].mean_score = mean;
            c.objectives[i].measured = n;
        }
        for (const std::string& id : base_ix_.key_result_ids)
            if (!end_ix_.key_result(id).key_result)
                c.removed_key_results.push_back({id, base_ix_.key_result(id).key_result->title.value_or("")});
    }
};

}  // namespace

std::optional<std::string> recap_blocker(const RecapInput& input) {
    if (input.states.empty()) return "there is no roadmap state to read";
    if (!input.states.back().snapshot.period() && !input.states.front().snapshot.period())
        return "the roadmap has no valid period (roadmap.period), so the recap has no start and end";
    return std::nullopt;
}

RecapContent build_recap(const RecapInput& input) { return Builder(input).build(); }

}  // namespace boussole
