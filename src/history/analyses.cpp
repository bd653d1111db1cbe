// What the analyses of plan.hpp read from git: the states they need, chosen by plan's rules.
#include <cstddef>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "boussole/history.hpp"

namespace boussole {

// issue 14, item 1

namespace {

// The point `since` asks for: a date (YYYY-MM-DD) or a revision, checked against the report date
// and HEAD's history.
SinceRequest since_request(const History& history, const CommitInfo& head, const std::string& since, Date as_of) {
    SinceRequest r;
    if (const std::optional<Date> d = Date::parse(since)) {
        if (as_of < *d)
            throw HistoryError(fmt::format(
                "--since {}: that day is after the report date, {}: there is nothing to compare with yet; give a "
                "date on or before {}, or a later --as-of",
                since, as_of.iso(), as_of.iso()));
        r.kind = SinceRequest::Kind::date;
        r.date = *d;
        return r;
    }
    CommitInfo c;
    try {
        c = history.resolve(since);
    } catch (const HistoryError& e) {
        throw HistoryError(fmt::format("--since: {}; or give a day as YYYY-MM-DD", e.what()));
    }
    if (as_of < c.date)
        throw HistoryError(
            fmt::format("--since '{}' is commit {} of {}, after the report date, {}: a change since then would count "
                        "backwards; give a revision or a date on or before {}, or a later --as-of",
                        since, c.short_id, c.date.iso(), as_of.iso(), as_of.iso()));
    if (!history.descends_from(head, c))
        throw HistoryError(fmt::format(
            "--since '{}' ({} of {}) is not in the history of HEAD ({} of {}): it is on another branch; give a "
            "commit HEAD descends from ('git merge-base' finds the one they share), or a date",
            since, c.short_id, c.date.iso(), head.short_id, head.date.iso()));
    r.kind = SinceRequest::Kind::revision;
    r.revision = since;
    r.commit = c;
    r.date = c.date;
    return r;
}

// Where the point `since` goes among the last commits of each day of `upto` (oldest first):
// after every day that ends before it along the mainline. A point that is not in `upto` goes
// after the days that end on an earlier date.
std::size_t since_place(const std::vector<CommitInfo>& upto, const CommitInfo& point) {
    std::size_t days = 0;
    for (std::size_t i = 0; i < upto.size(); ++i) {
        if (upto[i].id == point.id) return days;
        if (i + 1 == upto.size() || upto[i].date != upto[i + 1].date) ++days;
    }
    days = 0;
    for (std::size_t i = 0; i < upto.size() && upto[i].date < point.date; ++i)
        if (i + 1 == upto.size() || upto[i].date != upto[i + 1].date) ++days;
    return days;
}

}  // namespace

std::optional<ReportHistory> read_report_history(const History& history, const Snapshot& working, const Period& period,
                                                 Date as_of, const std::string& since, const WorkScope& scope) {
    const auto head = history.head();
    if (!head || !history.has_path(*head)) {
        if (since.empty()) return std::nullopt;  // not committed: nothing to tell
        throw HistoryError(fmt::format(
            "--since {}: '{}' has no committed history to compare with; commit the roadmap first, or leave out "
            "--since",
            since, working.roadmap().root));
    }
    ReportHistory out;
    out.trends.since = since.empty() ? since_week_before(as_of) : since_request(history, *head, since, as_of);
    SinceSearch search{out.trends.since, std::nullopt, std::nullopt};
    const Mainline m = history.mainline(*head, stop_at_report_history(period, as_of, search));
    if (!search.found && !since.empty()) {
        if (m.cut_at)
            throw HistoryError(fmt::format(
                "--since {}: the history is cut at commit {} of {} (a shallow clone), before that point; run 'git "
                "fetch --unshallow' for the whole history, or give a later point",
                since, m.cut_at->short_id, m.cut_at->date.iso()));
        const CommitInfo& first = *search.oldest;
        throw HistoryError(fmt::format(
            "--since {}: no commit is dated on or before that day: the repository's history starts with commit {} "
            "of {}; give a day on or after {}, or a revision",
            since, first.short_id, first.date.iso(), first.date.iso()));
    }
    out.trends.since_commit = search.found;
    if (!search.found) out.trends.first = search.oldest;
    // Only the history up to the report date counts: a later commit is not a fact of that day.
    const std::vector<CommitInfo> upto = commits_by(m.commits, as_of);
    out.commits_after = upto.size() < m.commits.size();
    if (!upto.empty()) out.last_change = upto.back();  // issue 16
    // The roadmap as it stood at the end of each day (dates are days): what a report reads costs
    // the period's days, not its commits (issue 17).
    std::vector<CommitInfo> read = last_of_each_day(upto);
    // The point's own state is read with the others (each file version is parsed once), in its
    // place along the mainline, so that the states are read in order.
    std::optional<std::size_t> since_at;
    if (search.found) {
        since_at = since_place(upto, *search.found);
        read.insert(read.begin() + static_cast<std::ptrdiff_t>(*since_at), *search.found);
    }
    std::vector<PlanState> states = history.states(read);
    // A file that does not parse for a while is read at its last readable version, as the recap
    // reads it: else its epics would count as dropped and added again in the burn-up, and its
    // updates would be dated to when it parsed again.
    UnreadableCarrier carrier;
    for (PlanState& s : states) s = carrier.carry(std::move(s));
    std::optional<PlanState> at_since;
    if (since_at) {
        at_since = std::move(states[*since_at]);
        states.erase(states.begin() + static_cast<std::ptrdiff_t>(*since_at));
    }
    // The chain ran out at the root: its first commit is where everything started, exactly.
    out.check_ins = find_check_ins(working, states, m.reached_root);
    out.updates = find_update_changes(working, states, m.reached_root);
    out.done_dates = find_done_dates(working, states, m.reached_root);
    out.trends.values =
        find_value_histories(working, states, m.reached_root, period.start, at_since ? &at_since->snapshot : nullptr);
    out.burn_up = find_burn_up(working, states, period, as_of, scope);       // issue 15
    if (at_since) out.since_changes = compare(at_since->snapshot, working);  // issue 16
    return out;
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
    out.commits = std::move(chosen.commits);
    // The end, unless it is the last commit read already.
    if (!end.date || out.commits.back().id != tip.id) {
        out.end_unchanged = end.date.has_value();  // not on the mainline of PATH's changes: it changed nothing
        out.end = std::move(end);
    }
    return out;
}

}  // namespace boussole
