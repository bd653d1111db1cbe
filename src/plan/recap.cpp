// The end-of-period recap's content: the plan at the baseline against the roadmap at the end,
// with the dated changes in between (every change is found by compare(), the engine of
// `diff`). Renderers (src/report/recap_document.cpp, recap_json.cpp) only format what is built here.
#include <algorithm>
#include <map>
#include <memory>
#include <stdexcept>
#include <tuple>

#include <fmt/format.h>

#include "boussole/recap_content.hpp"

namespace boussole {

// A named namespace, not an anonymous one: RecapBuilder::Impl holds a Builder, and a type of
// internal linkage inside it is an error in a unity build (-Wsubobject-linkage).
namespace recap_detail {

// A dated due-date move of an epic.
struct Move {
    std::size_t state;
    std::optional<Date> from, to;
};

// An epic as seen in one state. It points into that state while the recap holds it; once the
// state is let go (the states are read one by one), it keeps a copy of the epic.
struct Seen {
    const Epic* epic = nullptr;
    std::shared_ptr<const Epic> kept;
    bool run = false;    // in a run stream
    std::string stream;  // its stream's id
    std::size_t state = 0;

    Seen() = default;
    Seen(const EpicRef& e, std::size_t at) { see(e, at); }
    // Now seen as `e` in state `at`, reusing the stream id's storage (this runs for every epic
    // of every state).
    void see(const EpicRef& e, std::size_t at) {
        epic = e.epic;
        kept.reset();
        run = e.stream->is_run();
        if (e.stream->id)
            stream.assign(*e.stream->id);
        else
            stream.clear();
        state = at;
    }
    const Epic& operator*() const { return *epic; }
    const Epic* operator->() const { return epic; }
    void keep() {
        if (kept) return;
        kept = std::make_shared<const Epic>(*epic);
        epic = kept.get();
    }
};

// What happened to one epic between the baseline and the end.
struct Track {
    std::string id;
    std::size_t first = 0;                   // the state it first appeared in
    std::optional<std::size_t> first_build;  // the first state it was in a build stream: planned work from there
    std::optional<std::size_t> removed;      // the state it last disappeared in, when gone at the end
    std::optional<std::size_t> status_at;    // the state its status last changed in
    std::optional<std::size_t> kind_at;      // the state it last moved between a build and a run stream
    std::string from_stream;                 // the stream it was in before that move
    Seen planned;                            // as planned: when it was first in a build stream
    Seen last;                               // as last seen
    std::vector<Move> moves;                 // of its due date, once planned
    // issue 14, item 5
    std::optional<std::size_t> first_proposed;  // the first state it was proposed in (in a build stream)
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
    // `end` is the state that will come last: its period and date are the burn-up's.
    Builder(RecapInput in, const PlanState& end)
        : in_(std::move(in)), end_period_(end.snapshot.period()), end_date_(end.date.value_or(in_.today)) {}

    // The next state, oldest first: the baseline, every change, then the end.
    void add(PlanState state) {
        const std::size_t i = meta_.size();
        state = carrier_.carry(std::move(state));
        meta_.push_back({state.label, state.date, state.summary});
        if (i > 0 && state.date) ++commits_;
        if (i == 0) {
            base_ = state.snapshot;
            for (const std::string& id : base_.index().epic_ids) track(base_.index().epic(id), 0);
            const std::optional<Period> p = end_period_ ? end_period_ : base_.period();
            if (p) burn_up_.emplace(*p, end_date_);
        } else {
            follow(prev_, state.snapshot, i);
        }
        // issue 15: the burn-up reads the same states, unreadable files at their last readable
        // version. A committed end is a state of the history too (so that an end that is the plan
        // itself is not read as a history starting after the start); the working tree is only the
        // last point's.
        if (state.date && burn_up_) burn_up_->add(state);
        prev_ = std::move(state.snapshot);
    }

    RecapContent build() {
        if (meta_.empty()) throw std::logic_error("a recap needs at least one state");
        end_ = prev_;
        base_ix_ = &base_.index();
        end_ix_ = &end_.index();
        period_ = end_.period() ? *end_.period() : *base_.period();
        // "Past due" is judged at the end state, and never after the period's last day.
        reference_ = std::min(end_date_, period_.end + 1);
        sort();
        RecapContent c;
        c.header = header();
        c.headline = headline();
        c.north_star = north_star();
        key_results(c);
        for (const Track* t : counted_) {
            if (delivered(*t)) c.delivered.push_back(delivered_epic(*t));
            if (slipped(*t)) c.slipped.push_back(slipped_epic(*t));
            if (dropped(*t)) c.dropped.push_back(dropped_epic(*t));
            if (*t->first_build > 0)
                c.added.push_back({epic(*t), when(*t->first_build), t->first < *t->first_build && !t->first_proposed,
                                   t->first_proposed.has_value()});
            if (t->first_proposed)
                c.proposals_planned.push_back(
                    {epic(*t),
                     *t->first_proposed > 0 ? std::optional<RecapWhen>(when(*t->first_proposed)) : std::nullopt,
                     when(*t->first_build)});
            if (moved_out(*t))
                c.moved_out.push_back({epic(*t), stream_name(t->from_stream), when(t->kind_at.value_or(0))});
            if (carried(*t)) c.carried_over.push_back(epic(*t));
        }
        for (const Goalpost& g : goalposts_)
            c.goalposts.push_back({g.change.subject, g.change.title, g.change.north_star, g.change.before,
                                   g.change.after, when(g.state), g.change.before_value, g.change.after_value});
        c.generator = in_.generator;
        c.states = meta_.size();
        c.burn_up = burn_up_->finish(end_);
        return c;
    }

private:
    RecapInput in_;
    UnreadableCarrier carrier_;
    std::vector<RecapState> meta_;  // each state's commit, as the recap names it
    std::size_t commits_ = 0;       // the states after the baseline that are commits
    Snapshot base_, prev_, end_;
    std::optional<Period> end_period_;
    Date end_date_;
    std::optional<BurnUpReader> burn_up_;
    const RoadmapIndex* base_ix_ = nullptr;
    const RoadmapIndex* end_ix_ = nullptr;
    Period period_;
    Date reference_;
    std::vector<Track> tracks_;  // in order of first appearance
    RoadmapIndex::ById<std::size_t> track_index_;
    std::vector<Goalpost> goalposts_;
    std::vector<const Track*> counted_;  // planned work of this period: build work, not added after it
    std::size_t after_period_ = 0, run_items_ = 0, dropped_before_ = 0;
    std::size_t still_proposed_ = 0;  // issue 14, item 5

    Date date_of(std::size_t state) const { return meta_[state].date.value_or(in_.today); }
    bool in_period(std::size_t state) const { return date_of(state) <= period_.end; }
    RecapWhen when(std::size_t state) const {
        const RecapState& s = meta_[state];
        return {s.label, s.date, s.summary};
    }

    Track& track(const EpicRef& e, std::size_t state) {
        // Found before it is added: this runs for every epic of every state.
        if (const auto it = track_index_.find(std::string_view(*e.epic->id)); it != track_index_.end())
            return tracks_[it->second];
        track_index_.emplace(*e.epic->id, tracks_.size());
        Track t;
        t.id = *e.epic->id;
        t.first = state;
        if (!e.stream->is_run() && !e.epic->proposed()) {
            t.first_build = state;
            t.planned = Seen(e, state);
        }
        if (!e.stream->is_run() && e.epic->proposed()) t.first_proposed = state;
        t.last = Seen(e, state);
        tracks_.push_back(std::move(t));
        return tracks_.back();
    }

    // Follows every epic by id and every target by key result from one state to the next.
    void follow(const Snapshot& before_state, const Snapshot& now_state, std::size_t i) {
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
                case ChangeKind::due_changed: {
                    // Every move once planned, after the period too: they add up to the slip.
                    Track& t = track(now.epic(c.subject), i);
                    if (t.first_build && *t.first_build < i)
                        t.moves.push_back(
                            {i, before.epic(c.subject).epic->due.value, now.epic(c.subject).epic->due.value});
                    break;
                }
                case ChangeKind::target_changed:
                    // After the period too: the key results' "was" compares the baseline with the end.
                    goalposts_.push_back({i, std::move(c)});
                    break;
                default:
                    break;
            }
        }
        for (const EpicRef& e : now.epic_refs) {
            Track& t = track(e, i);
            // Moved between a build and a run stream (or its stream's kind changed).
            if (t.last.run != e.stream->is_run()) {
                t.kind_at = i;
                t.from_stream = t.last.stream;
            }
            // A proposal is not planned work: it is planned from the first state it is not proposed.
            if (!t.first_build && !e.stream->is_run() && !e.epic->proposed()) {
                t.first_build = i;
                t.planned = Seen(e, i);
            }
            if (!t.first_proposed && !t.first_build && !e.stream->is_run() && e.epic->proposed()) t.first_proposed = i;
            t.last.see(e, i);
        }
        // The state before is let go (but the baseline and the days the burn-up reads): what still
        // points into it keeps a copy.
        for (Track& t : tracks_) {
            if (t.last.state + 1 == i && t.last.state != 0) t.last.keep();
            if (t.first_build && *t.first_build + 1 == i && *t.first_build != 0) t.planned.keep();
        }
    }

    // Sorts the tracks into planned work of this period (planned at the baseline, or come into
    // a build stream during the period), the run, what was dropped before the period and what
    // came after it. Planned work stays counted wherever it goes: moved to the run, it is
    // shown as moved out of the plan.
    void sort() {
        for (const Track& t : tracks_) {
            if (!t.first_build) {
                ++(t.first_proposed ? still_proposed_ : run_items_);
                continue;
            }
            if (*t.first_build == 0 && status(t.planned) == EpicStatus::dropped) {
                ++dropped_before_;
                continue;
            }
            if (*t.first_build > 0 && !in_period(*t.first_build)) {
                ++after_period_;
                continue;
            }
            counted_.push_back(&t);
        }
    }

    static EpicStatus status(const Seen& e) { return e->effective_status(); }
    static std::optional<Date> due(const Seen& e) { return e->due.value; }

    // Each epic of the planned work ends in exactly one of these four.
    static bool moved_out(const Track& t) { return t.last.run; }
    static bool delivered(const Track& t) { return !moved_out(t) && !t.removed && status(t.last) == EpicStatus::done; }
    // Planned work put back in the backlog (proposed again) has left the plan: dropped.
    static bool dropped(const Track& t) {
        return !moved_out(t) && (t.removed || status(t.last) == EpicStatus::dropped || t.last->proposed());
    }
    static bool carried(const Track& t) { return !moved_out(t) && !t.removed && t.last->open(); }
    // The due date as planned: at the baseline, or when the epic came into the plan.
    static std::optional<Date> planned_due(const Track& t) { return due(t.planned); }
    // The state its status at the end was set in: the last change, else its first appearance;
    // empty when it already had that status at the baseline.
    static std::optional<std::size_t> status_since(const Track& t) {
        if (t.status_at) return t.status_at;
        return t.first > 0 ? std::optional<std::size_t>(t.first) : std::nullopt;
    }
    // Days from the planned due date to the commit that made it done: 0 when on time; empty
    // without a planned due date, or when it was done by the baseline.
    std::optional<int> days_late(const Track& t) const {
        const auto p = planned_due(t);
        const auto at = status_since(t);
        if (!delivered(t) || !p || !at) return std::nullopt;
        return std::max(0, date_of(*at) - *p);
    }
    static int slip_days(const Track& t) {
        const auto p = planned_due(t);
        const auto d = due(t.last);
        return p && d ? *d - *p : 0;
    }
    bool past_due(const Track& t) const { return carried(t) && due(t.last) && *due(t.last) < reference_; }
    bool slipped(const Track& t) const { return slip_days(t) > 0 || days_late(t).value_or(0) > 0 || past_due(t); }

    std::string stream_name(const std::string& id) const {
        const Stream* s = end_ix_->stream(id);
        if (!s) s = base_ix_->stream(id);
        return s && s->title ? *s->title : id;
    }

    // A person's name as the end state declares it, else the handle as written.
    std::string person(const Field<std::string>& id) const {
        return std::string(end_ix_->person_name(id.value_or("")));
    }

    RecapEpic epic(const Track& t) const {
        const Epic& e = *t.last;
        RecapEpic r;
        r.id = t.id;
        r.title = e.title.value_or("");
        r.stream = stream_name(t.last.stream);
        r.owner = person(e.owner);
        for (const std::string& c : e.helpers()) r.contributors.push_back(std::string(end_ix_->person_name(c)));
        for (const Field<std::string>& d : e.deliverables)
            if (d) r.deliverables.push_back(*d);
        r.status = e.effective_status();
        r.removed = t.removed.has_value();
        r.due = e.due.value;
        r.progress = e.progress();
        return r;
    }

    DeliveredEpic delivered_epic(const Track& t) const {
        DeliveredEpic d{epic(t), planned_due(t), std::nullopt, days_late(t)};
        if (const auto at = status_since(t)) d.done = when(*at);
        return d;
    }

    SlippedEpic slipped_epic(const Track& t) const {
        SlippedEpic s{epic(t), planned_due(t), std::max(0, slip_days(t)), std::nullopt, std::nullopt, {}};
        if (const auto late = days_late(t); late && *late > 0) s.late_days = late;
        if (past_due(t)) s.past_due_days = reference_ - *due(t.last);
        for (const Move& m : t.moves)
            if (m.from && m.to) s.moves.push_back({when(m.state), *m.to - *m.from});
        return s;
    }

    DroppedEpic dropped_epic(const Track& t) const {
        const std::optional<std::size_t> at = t.removed ? t.removed : status_since(t);
        return {epic(t), at ? std::optional<RecapWhen>(when(*at)) : std::nullopt, t.last->dropped_reason.value};
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
        h.end_state = when(meta_.size() - 1);
        h.read_on = in_.today;
        h.commits = commits_;
        if (in_.end_unchanged && meta_.size() > 1) --h.commits;
        h.notes = in_.notes;
        h.unreadable = carrier_.unreadable();
        return h;
    }

    RecapHeadline headline() const {
        RecapHeadline h;
        std::size_t done = 0, gone = 0, out = 0, carried_n = 0, slipped_n = 0, judged = 0, on_time = 0;
        for (const Track* t : counted_) {
            (*t->first_build == 0 ? h.planned : h.added) += 1;
            done += delivered(*t) ? 1 : 0;
            gone += dropped(*t) ? 1 : 0;
            out += moved_out(*t) ? 1 : 0;
            carried_n += carried(*t) ? 1 : 0;
            slipped_n += slipped(*t) ? 1 : 0;
            if (const auto late = days_late(*t)) {
                ++judged;
                on_time += *late == 0 ? 1 : 0;
            }
        }
        h.total = h.planned + h.added;
        auto count = [](std::size_t n, std::size_t of) {
            return RecapCount{
                n, of, of ? std::optional<double>(static_cast<double>(n) / static_cast<double>(of)) : std::nullopt};
        };
        h.delivered = count(done, h.total);
        h.dropped = count(gone, h.total);
        h.moved_out = count(out, h.total);
        h.carried_over = count(carried_n, h.total);
        h.slipped = count(slipped_n, h.total);
        h.on_time = count(on_time, judged);
        h.delivered_not_judged = done - judged;
        std::vector<const KeyResult*> krs;
        for (const std::string& id : end_ix_->key_result_ids) krs.push_back(end_ix_->key_result(id).key_result);
        std::tie(h.mean_score, h.scored) = mean_score(krs);
        h.key_results = krs.size();
        if (const KeyResult* ns = end_.north_star()) {
            h.north_star = true;
            h.north_star_score = ns->score();
        }
        h.run_items = run_items_;
        h.after_period = after_period_;
        h.dropped_before = dropped_before_;
        h.still_proposed = still_proposed_;
        for (const Track* t : counted_) h.proposals_planned += t->first_proposed ? 1 : 0;
        h.anonymous = end_ix_->anonymous || base_ix_->anonymous;
        return h;
    }

    // A measure at the end against the same one at the baseline (null when it was not there).
    RecapMeasure measure(const KeyResult* was, const KeyResult& now) const {
        return {now.title.value_or(""),
                std::string(end_ix_->unit_of(now)),
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
        for (const std::string& id : end_ix_->key_result_ids) {
            const KeyResultRef k = end_ix_->key_result(id);
            auto [it, fresh] = by_objective.try_emplace(k.objective->id.value_or(""), c.objectives.size());
            if (fresh) {
                c.objectives.push_back({k.objective->id.value_or(""), k.objective->title.value_or(""), {}, 0, {}});
                measured.emplace_back();
            }
            const KeyResult& kr = *k.key_result;
            const KeyResult* was = base_ix_->key_result(id).key_result;
            c.objectives[it->second].key_results.push_back({measure(was, kr), id, kr.baseline.value, was == nullptr});
            measured[it->second].push_back(&kr);
        }
        for (std::size_t i = 0; i < c.objectives.size(); ++i) {
            const auto [mean, n] = mean_score(measured[i]);
            c.objectives[i].mean_score = mean;
            c.objectives[i].measured = n;
        }
        for (const std::string& id : base_ix_->key_result_ids)
            if (!end_ix_->key_result(id).key_result)
                c.removed_key_results.push_back({id, base_ix_->key_result(id).key_result->title.value_or("")});
    }
};

}  // namespace recap_detail

std::optional<std::string> recap_blocker(const RecapInput& input) {
    if (input.states.empty()) return "there is no roadmap state to read";
    return recap_blocker(input.states.front(), input.states.back());
}

std::optional<std::string> recap_blocker(const PlanState& baseline, const PlanState& end) {
    // Read at the baseline or at the end, a file that does not parse would make its streams and
    // epics look planned-then-removed or never planned: no figure could be trusted.
    auto unreadable = [](const PlanState& s, std::string_view which,
                         std::string_view fix) -> std::optional<std::string> {
        const std::vector<std::string> files = s.snapshot.roadmap().unreadable_files();
        if (files.empty()) return std::nullopt;
        const std::string state =
            s.date ? fmt::format("commit {} of {}", s.label, s.date->iso()) : std::string("the working tree");
        return fmt::format(
            "at {} ({}), {}:\n  {}\nRead as it is, what {} would look removed, so no figure could be trusted. {}",
            which, state,
            files.size() == 1 ? "a roadmap file does not parse"
                              : fmt::format("{} roadmap files do not parse", files.size()),
            fmt::join(files, "\n  "), files.size() == 1 ? "it holds" : "they hold",
            fmt::format(fmt::runtime(fix), s.label));
    };
    if (auto why = unreadable(baseline, "the baseline",
                              "Give --baseline a commit where it parses, such as the one before: --baseline {}~1."))
        return why;
    if (auto why = unreadable(end, "the end",
                              end.date ? "Give --at a commit where it parses, such as the one before: --at {}~1."
                                       : "Fix it (boussole lint shows where), or give --at a commit where it parses."))
        return why;
    if (!end.snapshot.period() && !baseline.snapshot.period())
        return fmt::format(
            "the roadmap has no valid period (roadmap.period), so the recap has no start and end; run 'boussole lint "
            "{}'",
            end.snapshot.roadmap().root);
    return std::nullopt;
}

struct RecapBuilder::Impl {
    Impl(RecapInput in, const PlanState& end) : builder(std::move(in), end) {}
    recap_detail::Builder builder;
};

RecapBuilder::RecapBuilder(RecapInput input, const PlanState& end) {
    input.states.clear();
    impl_ = std::make_unique<Impl>(std::move(input), end);
}
RecapBuilder::~RecapBuilder() = default;
void RecapBuilder::add(PlanState state) { impl_->builder.add(std::move(state)); }
RecapContent RecapBuilder::build() { return impl_->builder.build(); }

RecapContent build_recap(const RecapInput& input) {
    RecapInput meta = input;
    meta.states.clear();
    RecapBuilder b(std::move(meta), input.states.back());
    for (const PlanState& s : input.states) b.add(s);
    return b.build();
}

}  // namespace boussole
