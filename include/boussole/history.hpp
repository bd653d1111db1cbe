#pragma once
/// The roadmap's git history, read with libgit2 (the only code that knows libgit2).

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "boussole/date.hpp"
#include "boussole/error.hpp"
#include "boussole/model.hpp"
#include "boussole/plan.hpp"

namespace boussole {

/// The history cannot be read as asked: not a git repository, an unknown revision, PATH absent
/// at a revision. A usage error, exit 2.
struct HistoryError : UsageError {
    using UsageError::UsageError;
};

/// PATH is not inside a git repository at all (the report then simply has no check-in dates).
struct NotARepository : HistoryError {
    using HistoryError::HistoryError;
};

/// A git repository holding a roadmap PATH.
class History {
public:
    /// Opens the repository that contains `path` (searching parent folders, like git). Throws
    /// HistoryError when there is none. `path` need not exist in the working tree.
    static History open(const std::string& path);
    History(History&&) noexcept;
    History& operator=(History&&) noexcept;
    ~History();

    /// PATH relative to the working tree's top ('/'-separated; empty for the top itself).
    [[nodiscard]] const std::string& prefix() const;
    /// True for a shallow clone (history cut at some depth).
    [[nodiscard]] bool shallow() const;

    /// Resolves a revision (`HEAD~3`, a tag, a branch, a hash) to the commit it names. Throws
    /// HistoryError for an unknown revision or one that names no commit.
    [[nodiscard]] CommitInfo resolve(const std::string& revision) const;
    /// Resolves a revision as resolve() does, and checks that PATH exists there (HistoryError
    /// naming both when it does not).
    [[nodiscard]] CommitInfo resolve_at_path(const std::string& revision) const;
    /// HEAD's commit, or none in a repository without commits.
    [[nodiscard]] std::optional<CommitInfo> head() const;

    /// True when `ancestor` is `commit` or one of its ancestors.
    [[nodiscard]] bool descends_from(const CommitInfo& commit, const CommitInfo& ancestor) const;
    /// True when PATH exists at `commit`.
    [[nodiscard]] bool has_path(const CommitInfo& commit) const;
    /// Follows the first parents from `tip` back and lists the commits whose PATH differs from
    /// their parent's (appearing or disappearing counts). Stops after the first commit for
    /// which `stop(commit, changed)` returns true (that commit is listed even when it did not
    /// change PATH), at the root, or where a shallow clone's history is cut.
    [[nodiscard]] Mainline mainline(const CommitInfo& tip, const MainlineStop& stop) const;

    /// The roadmap under PATH at each commit (absent where PATH does not exist). Each distinct
    /// file version is read once, item by item from the version before it where it can be,
    /// on `threads` threads (0 = one per core).
    [[nodiscard]] std::vector<Snapshot> snapshots(const std::vector<CommitInfo>& commits, unsigned threads = 0) const;
    /// Calls `fn` with the state of PATH at each commit, in the order given, reading them as
    /// snapshots() does but holding only a window of commits at a time: memory does not grow
    /// with the number of commits (a consumer that keeps every state does, of course).
    void each_state(const std::vector<CommitInfo>& commits, const std::function<void(PlanState)>& fn,
                    unsigned threads = 0) const;
    /// The state of PATH at each commit: snapshots() with each commit's label and date.
    [[nodiscard]] std::vector<PlanState> states(const std::vector<CommitInfo>& commits) const;

private:
    struct Impl;
    explicit History(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// issue 14, item 1

/// What a status report reads from git, in one walk: the check-ins, and each value's history
/// (before its last change, at the since point, over the period).
struct ReportHistory {
    std::map<std::string, CheckIn> check_ins;  ///< find_check_ins() over the states read
    Trends trends;
    std::map<std::string, CheckIn> updates;     ///< when each epic's update last changed (find_update_changes)
    std::map<std::string, CheckIn> done_dates;  ///< when each done epic became done (find_done_dates)
    bool commits_after = false;  ///< the mainline has commits after the report date: a report of the past
    // issue 15, burnup
    /// The planned work done over the period (find_burn_up over the same states), within the
    /// report's scope; empty when the report date is before the period's start.
    std::optional<BurnUp> burn_up = std::nullopt;
    // issue 16, digest
    /// What changed from the since point's state to the working tree (compare(), the engine of
    /// `diff`); empty when there is no since point.
    std::optional<std::vector<Change>> since_changes = std::nullopt;
    /// The newest commit on or before the report date that changed PATH; empty when none did.
    std::optional<CommitInfo> last_change = std::nullopt;
};

/// Reads the check-ins and the values' histories of `working` for a report dated `as_of`, along
/// HEAD's mainline back past both the plan of `period` and the since point: `since` is a
/// revision or a date (YYYY-MM-DD), empty for the default (the last commit on or before a week
/// before `as_of`). None when HEAD does not hold PATH and no `since` is given. Throws
/// HistoryError, naming `--since`, when `since` is an unknown revision, one after the report
/// date or off HEAD's history, a date after the report date or before the first commit, or when
/// PATH has no committed history. The burn-up counts the planned work within `scope` (the work a
/// report narrowed with --owner or --stream shows).
std::optional<ReportHistory> read_report_history(const History& history, const Snapshot& working, const Period& period,
                                                 Date as_of, const std::string& since, const WorkScope& scope = {});

/// The states a recap reads and the caveats to print with them.
struct RecapStates {
    std::vector<CommitInfo> commits;  ///< the baseline first, then every change oldest first
    /// The end, when it is not the last commit of `commits` (the working tree, or a commit that
    /// changed nothing): read after them.
    std::optional<PlanState> end;
    std::vector<RecapNote> notes;
    bool end_unchanged = false;  ///< the end is a commit that did not change PATH (read apart, at its own date)
};

/// The commits a recap that ends at `end` reads, on commit `tip` (HEAD for the working tree):
/// from `baseline` (a revision), or when it is empty from the plan of the end's period. Throws
/// RoadmapError when the end has no period to find the plan by, HistoryError when PATH has no
/// committed history or the baseline is not in the end's history (a reversed range, another
/// branch). Nothing is parsed: History::each_state() reads the commits' states one by one.
RecapStates read_recap_states(const History& history, PlanState end, const CommitInfo& tip,
                              const std::string& baseline);

}  // namespace boussole
