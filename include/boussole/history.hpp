#pragma once
/// The roadmap's git history, read with libgit2 (the only code that knows libgit2).

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "boussole/date.hpp"
#include "boussole/model.hpp"
#include "boussole/plan.hpp"
#include "boussole/report.hpp"

namespace boussole {

/// The history cannot be read as asked: not a git repository, an unknown revision, PATH absent
/// at a revision. A usage error, exit 2.
struct HistoryError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// PATH is not inside a git repository at all (the report then simply has no check-in dates).
struct NotARepository : HistoryError {
    using HistoryError::HistoryError;
};

/// A commit as the reports name it.
struct CommitInfo {
    std::string id;         ///< full hexadecimal id
    std::string short_id;   ///< its first 7 digits
    std::int64_t time = 0;  ///< committer time, seconds since the epoch
    Date date;              ///< the committer's calendar date (in the committer's time zone)
    std::string summary;    ///< first line of the message

    friend bool operator==(const CommitInfo& a, const CommitInfo& b) { return a.id == b.id; }
};

/// The commits that changed PATH along the first-parent chain of a commit, oldest first.
struct Mainline {
    std::vector<CommitInfo> commits;   ///< oldest first
    std::optional<CommitInfo> cut_at;  ///< set when the history stops at a shallow clone's boundary
    bool reached_stop = false;         ///< the stop condition was met (else the chain ran out)
    bool reached_root = false;         ///< the oldest commit listed has no parent: nothing is older
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
    [[nodiscard]] Mainline mainline(const CommitInfo& tip,
                                    const std::function<bool(const CommitInfo&, bool changed)>& stop) const;

    /// The facts of PATH at each commit (an absent PATH gives a snapshot with present = false),
    /// indexed. Each distinct file is parsed once, on `threads` threads (0 = one per core).
    [[nodiscard]] std::vector<Snapshot> snapshots(const std::vector<CommitInfo>& commits, unsigned threads = 0) const;

private:
    struct Impl;
    explicit History(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

/// For each key result of `working` (and the North Star, under ""), when its `current` value
/// last changed: in the working tree (uncommitted), or at a commit of HEAD's mainline. The
/// history is read back to the last commit at or before `period`'s start; older changes are
/// reported as that commit's date with `or_before`.
std::map<std::string, CheckIn> find_check_ins(const History& history, const Snapshot& working, const Period& period);

}  // namespace boussole
