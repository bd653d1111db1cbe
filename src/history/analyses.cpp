// What the analyses of plan.hpp read from git: the states they need, chosen by plan's rules.
#include <fmt/format.h>

#include "boussole/history.hpp"

namespace boussole {

std::optional<std::map<std::string, CheckIn>> read_check_ins(const History& history, const Snapshot& working,
                                                             const Period& period, Date as_of) {
    const auto head = history.head();
    if (!head || !history.has_path(*head)) return std::nullopt;  // not committed: nothing to tell
    const Mainline m = history.mainline(*head, stop_at_check_ins(period, as_of));
    // Only the history up to the report date counts: a later commit is not a fact of that day.
    const std::vector<CommitInfo> read = commits_by(m.commits, as_of);
    // The chain ran out at the root: its first commit is where everything started, exactly.
    return find_check_ins(working, history.states(read), m.reached_root);
}

std::optional<std::map<std::string, CheckIn>> read_done_dates(const History& history, const Snapshot& working,
                                                              const Period& period, Date as_of) {
    const auto head = history.head();
    if (!head || !history.has_path(*head)) return std::nullopt;
    const Mainline m = history.mainline(*head, stop_at_check_ins(period, as_of));
    return find_done_dates(working, history.states(commits_by(m.commits, as_of)), m.reached_root);
}

RecapStates read_recap_states(const History& history, PlanState end, const CommitInfo& tip,
                              const std::string& baseline) {
    RecapCommits chosen;
    if (!baseline.empty()) {
        const CommitInfo base = history.resolve_at_path(baseline);
        const std::string end_name =
            end.date ? fmt::format("{} of {}", tip.short_id, tip.date.iso()) : std::string("the working tree");
        if (!history.descends_from(tip, base)) {
            // Read the other way, every change would count backwards: refuse.
            if (history.descends_from(base, tip))
                throw HistoryError(fmt::format(
                    "the baseline '{}' ({} of {}) comes after the end, {}: the range is reversed; swap them, "
                    "e.g. 'boussole recap --baseline {} --at {}'",
                    baseline, base.short_id, base.date.iso(), end_name, tip.short_id, base.short_id));
            throw HistoryError(fmt::format(
                "the baseline '{}' ({} of {}) is not in the history of the end, {}: it is on another branch; give "
                "a commit the end descends from (git merge-base finds the one they share)",
                baseline, base.short_id, base.date.iso(), end_name));
        }
        chosen = recap_commits_from(base, history.mainline(tip, stop_at_baseline(base)));
    } else {
        const std::optional<Period> period = end.snapshot.period();
        if (!period)
            throw RoadmapError(fmt::format(
                "cannot make a recap: the roadmap has no valid period (roadmap.period), so there is no period start "
                "to find the plan at; run 'boussole lint {}'",
                end.snapshot.roadmap().root));
        chosen = recap_commits_for_period(history.mainline(tip, stop_at_plan_of(*period)), *period);
        if (chosen.commits.empty())
            throw HistoryError(fmt::format("'{}' has no committed history: commit the roadmap, then run the recap",
                                           end.snapshot.roadmap().root));
    }
    RecapStates out;
    out.notes = std::move(chosen.notes);
    out.states = history.states(chosen.commits);
    // The end, unless it is the last commit read already.
    if (!end.date || chosen.commits.back().id != tip.id) {
        out.end_unchanged = end.date.has_value();  // not on the mainline of PATH's changes: it changed nothing
        out.states.push_back(std::move(end));
    }
    return out;
}

}  // namespace boussole
