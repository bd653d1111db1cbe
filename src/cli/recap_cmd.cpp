#include <fmt/format.h>

#include "boussole/history.hpp"
#include "boussole/loader.hpp"
#include "boussole/recap.hpp"
#include "cli/commands.hpp"

namespace boussole::cli {

CLI::App* setup_recap(CLI::App& app, RecapCommand& cmd) {
    CLI::App* sub =
        app.add_subcommand("recap", "Print the end-of-period recap in Markdown, from the roadmap's git history.");
    sub->add_option("path", cmd.path, "roadmap file or directory (default: roadmap/ if it exists, else .)");
    sub->add_option("--baseline", cmd.baseline,
                    "the plan to compare with (default: the last commit at or before the period's start that "
                    "changed PATH, else the first one after it)");
    sub->add_option("--at", cmd.at, "the end state: a revision (default: the working tree)");
    sub->add_option("-o,--output", cmd.output, "write the recap to FILE (whole, or not at all)");
    return sub;
}

namespace {

PlanState state_of(const CommitInfo& c, Snapshot snapshot) {
    return {std::move(snapshot), c.short_id, c.date, c.summary};
}

}  // namespace

int run_recap(const RecapCommand& cmd) {
    const std::string path = cmd.path.empty() ? default_roadmap_path() : cmd.path;
    const History history = History::open(path);

    // The end: a revision, or the working tree on top of HEAD.
    PlanState end;
    CommitInfo tip;
    if (!cmd.at.empty()) {
        tip = history.resolve_at_path(cmd.at);
        end = state_of(tip, std::move(history.snapshots({tip}).front()));
    } else {
        const Roadmap roadmap = load_roadmap(path);
        warn_lint_errors(roadmap, path, "recap");
        end = PlanState{snapshot_of(roadmap), "working tree", std::nullopt, ""};
        const auto head = history.head();
        if (!head) throw HistoryError("the repository has no commits yet: commit the roadmap, then run the recap");
        tip = *head;
    }

    RecapInput input;
    input.today = Date::today();
    input.generator = std::string("boussole ") + BOUSSOLE_VERSION;
    auto cut_note = [&](const Mainline& m, std::string_view what) {
        if (m.cut_at && !m.reached_stop)
            input.notes.push_back(fmt::format(
                "the history is cut at {} of {} (a shallow clone): {}. Run 'git fetch --unshallow' for the whole "
                "history.",
                m.cut_at->short_id, m.cut_at->date.iso(), what));
    };

    std::vector<CommitInfo> commits;
    if (!cmd.baseline.empty()) {
        const CommitInfo base = history.resolve_at_path(cmd.baseline);
        commits.push_back(base);
        if (history.descends_from(tip, base)) {
            // The changes after the baseline along the mainline; a baseline off the mainline
            // (a branch merged since) is placed by its date.
            Mainline m =
                history.mainline(tip, [&](const CommitInfo& c, bool) { return c.id == base.id || c.time < base.time; });
            if (m.reached_stop) m.commits.erase(m.commits.begin());
            commits.insert(commits.end(), m.commits.begin(), m.commits.end());
            cut_note(m, "changes between the baseline and that commit are missing");
        } else {
            input.notes.push_back(
                fmt::format("the baseline {} is not an ancestor of the end: only the two states are compared, "
                            "and the changes in between are not dated.",
                            base.short_id));
        }
    } else {
        // The baseline is found from the end's period.
        const std::optional<Period> period = end.snapshot.period;
        if (!period) {
            fmt::print(stderr,
                       "boussole: error: cannot make a recap: the roadmap has no valid period (roadmap.period), so "
                       "there is no period start to find the plan at; run 'boussole lint {}'\n",
                       path);
            throw RoadmapError();
        }
        const Mainline m = history.mainline(
            tip, [&](const CommitInfo& c, bool changed) { return changed && c.date <= period->start; });
        commits = m.commits;
        if (commits.empty())
            throw HistoryError(
                fmt::format("'{}' has no committed history: commit the roadmap, then run the recap", path));
        cut_note(m, fmt::format("after the period's start ({}), so the plan is read there and earlier changes are "
                                "missing",
                                period->start.iso()));
        if (!m.reached_stop && !m.cut_at)
            input.notes.push_back(fmt::format(
                "no commit at or before the period's start ({}) changed the roadmap: the plan is read at the first "
                "commit after it, {} of {}.",
                period->start.iso(), commits.front().short_id, commits.front().date.iso()));
    }

    std::vector<Snapshot> snapshots = history.snapshots(commits);
    for (std::size_t i = 0; i < commits.size(); ++i)
        input.states.push_back(state_of(commits[i], std::move(snapshots[i])));
    // The end, unless it is the last commit read already.
    if (!end.date || commits.back().id != tip.id) input.states.push_back(std::move(end));
    for (const PlanState& s : input.states) warn_unparsable(s.snapshot, "at " + s.label);
    if (!input.states.front().snapshot.present)
        input.notes.push_back(fmt::format("'{}' does not exist at the baseline ({}): every epic counts as added.", path,
                                          input.states.front().label));

    if (const auto why = recap_blocker(input)) {
        fmt::print(stderr, "boussole: error: cannot make a recap: {}; run 'boussole lint {}'\n", *why, path);
        throw RoadmapError();
    }
    emit(render_recap(input), cmd.output, roadmap_files_at(path));
    return 0;
}

}  // namespace boussole::cli
