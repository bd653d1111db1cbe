#include <filesystem>

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

std::vector<std::string> roadmap_files_at(const std::string& path) {
    std::vector<std::string> files;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return files;
    try {
        for (const auto& f : list_roadmap_files(path)) files.push_back(f.first);
    } catch (const PathError&) {
        // Nothing readable there: nothing to protect.
    }
    return files;
}

namespace {

PlanState state_of(const CommitInfo& c, Snapshot snapshot) {
    return {std::move(snapshot), c.short_id, c.date, c.summary};
}

void warn_unparsable(const PlanState& s) {
    if (s.snapshot.unparsable_files)
        fmt::print(stderr, "boussole: warning: at {}, {} file{} could not be parsed: {} missing from the recap\n",
                   s.label, s.snapshot.unparsable_files, s.snapshot.unparsable_files == 1 ? "" : "s",
                   s.snapshot.unparsable_files == 1 ? "its content is" : "their contents are");
}

}  // namespace

int run_recap(const RecapCommand& cmd) {
    const std::string path = cmd.path.empty() ? default_roadmap_path() : cmd.path;
    const History history = History::open(path);

    // The end: a revision, or the working tree (on top of HEAD).
    std::optional<PlanState> end;
    CommitInfo tip;
    if (!cmd.at.empty()) {
        tip = history.resolve(cmd.at);
        if (!history.has_path(tip))
            throw HistoryError(fmt::format("'{}' does not exist at {} ({})", path, cmd.at, tip.short_id));
    } else {
        const Roadmap roadmap = load_roadmap(path);
        warn_lint_errors(roadmap, path, "recap");
        Snapshot s = snapshot_of(roadmap);
        s.index();
        end = PlanState{std::move(s), "working tree", std::nullopt, ""};
        const auto head = history.head();
        if (!head) throw HistoryError("the repository has no commits yet: commit the roadmap, then run the recap");
        tip = *head;
    }

    RecapInput input;
    input.today = Date::today();
    input.generator = std::string("boussole ") + BOUSSOLE_VERSION;

    std::vector<CommitInfo> commits;
    if (!cmd.baseline.empty()) {
        const CommitInfo base = history.resolve(cmd.baseline);
        if (!history.has_path(base))
            throw HistoryError(fmt::format("'{}' does not exist at {} ({})", path, cmd.baseline, base.short_id));
        commits.push_back(base);
        // The changes after the baseline along the mainline; a baseline off the mainline is
        // placed by its date. One that is not an ancestor of the end at all is compared with
        // the end alone.
        Mainline m =
            history.mainline(tip, [&](const CommitInfo& c, bool) { return c.id == base.id || c.time < base.time; });
        if (m.reached_stop) m.commits.erase(m.commits.begin());
        if (history.descends_from(tip, base)) {
            commits.insert(commits.end(), m.commits.begin(), m.commits.end());
        } else {
            input.notes.push_back(
                fmt::format("the baseline {} is not an ancestor of the end: only the two states are compared, "
                            "and the changes in between are not dated.",
                            base.short_id));
        }
        if (m.cut_at && !m.reached_stop)
            input.notes.push_back(fmt::format(
                "the history is cut at {} of {} (a shallow clone): changes between the baseline and that commit are "
                "missing. Run 'git fetch --unshallow' for the whole history.",
                m.cut_at->short_id, m.cut_at->date.iso()));
    } else {
        // The period is the end state's; the baseline is found from it.
        std::optional<Period> period;
        if (end) {
            period = end->snapshot.period;
        } else {
            const Snapshot s = history.snapshots({tip}).front();
            period = s.period;
        }
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
        if (m.cut_at && !m.reached_stop) {
            input.notes.push_back(fmt::format(
                "the history is cut at {} of {} (a shallow clone), after the period's start ({}): the plan is read "
                "there, so earlier changes are missing. Run 'git fetch --unshallow' for the whole history.",
                m.cut_at->short_id, m.cut_at->date.iso(), period->start.iso()));
        } else if (!m.reached_stop) {
            input.notes.push_back(fmt::format(
                "no commit at or before the period's start ({}) changed the roadmap: the plan is read at the first "
                "commit after it, {} of {}.",
                period->start.iso(), commits.front().short_id, commits.front().date.iso()));
        }
    }

    std::vector<Snapshot> snapshots = history.snapshots(commits);
    for (std::size_t i = 0; i < commits.size(); ++i)
        input.states.push_back(state_of(commits[i], std::move(snapshots[i])));
    if (end) {
        input.states.push_back(std::move(*end));
    } else if (commits.back().id != tip.id) {
        // --at names a commit that did not change PATH, or one off the baseline's line: the
        // end is read there, at its date.
        input.states.push_back(state_of(tip, std::move(history.snapshots({tip}).front())));
    }
    for (const PlanState& s : input.states) warn_unparsable(s);
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
