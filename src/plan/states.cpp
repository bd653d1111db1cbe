// Which states of the history an analysis reads, and the check-ins: pure functions of commits
// and snapshots, so that they are tested without git.
#include <algorithm>
#include <iterator>

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

namespace {

bool done_in(const Snapshot& s, const std::string& id) {
    const Epic* e = s.index().epic(id).epic;
    return e && e->effective_status() == EpicStatus::done;
}

}  // namespace

std::map<std::string, CheckIn> find_done_dates(const Snapshot& now, const std::vector<PlanState>& history,
                                               bool exact_start) {
    std::map<std::string, CheckIn> out;
    for (const std::string& id : now.index().epic_ids) {
        if (!done_in(now, id)) continue;
        if (history.empty() || !done_in(history.back().snapshot, id)) {
            out[id] = CheckIn{};  // done in the working tree only
            continue;
        }
        std::size_t i = history.size() - 1;
        while (i > 0 && done_in(history[i - 1].snapshot, id)) --i;
        out[id] = CheckIn{history[i].date, i == 0 && !exact_start};
    }
    return out;
}

}  // namespace boussole
