#pragma once
/// Pure analyses over roadmap states (model Snapshots): the semantic changes between two
/// states, the engine of `diff`, `recap` and the check-ins.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "boussole/date.hpp"
#include "boussole/model.hpp"

namespace boussole {

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

/// Where a walk back along the mainline stops: called with each commit and whether it changed
/// PATH; the first commit for which it returns true is the last one read.
using MainlineStop = std::function<bool(const CommitInfo&, bool changed)>;

/// One state of the roadmap: a commit that changed it, or the working tree.
struct PlanState {
    Snapshot snapshot;
    std::string label;         ///< a short commit id, or "working tree"
    std::optional<Date> date;  ///< the commit's date; empty for uncommitted changes
    std::string summary;       ///< the commit's first line
};

/// The state read at a commit.
PlanState state_at(const CommitInfo& commit, Snapshot snapshot);

/// A state of the roadmap as the recap and the notes about unreadable files name it.
struct RecapState {
    std::string label;         ///< a short commit id, or "working tree"
    std::optional<Date> date;  ///< the commit's date; empty for uncommitted changes
    std::string summary;       ///< the commit's first line; empty when none
};

/// A roadmap file that could not be parsed (merge-conflict markers committed, say) in one or
/// more states between the baseline and the end, in a row. Its last readable version stands in
/// for it there, so that its streams and epics are not read as removed and added again.
struct UnreadableFile {
    std::string file;        ///< its path as shown to the user
    std::uint32_t line = 0;  ///< where the first syntax error is (at `first`)
    std::uint32_t column = 0;
    std::string cause;               ///< the syntax error
    RecapState first, last;          ///< the states it could not be read in, oldest and newest (the same for one)
    std::size_t states = 0;          ///< how many states in a row
    std::optional<RecapState> used;  ///< the state of its last readable version; empty when it had none
};

/// Reads each file that does not parse at its last readable version (the last earlier state
/// where the same path parsed), so that what it holds is not read as removed there and added
/// again when the file parses once more: the recap, the report's burn-up, dates of updates, done
/// dates and check-ins all read their states through one. Fed the states one by one, oldest
/// first; holds one state per path (the last where that path parsed). A file never readable
/// before stands for nothing.
class UnreadableCarrier {
public:
    UnreadableCarrier();
    UnreadableCarrier(UnreadableCarrier&&) noexcept;
    UnreadableCarrier& operator=(UnreadableCarrier&&) noexcept;
    ~UnreadableCarrier();
    /// The next state, with its unreadable files read at their last readable version.
    PlanState carry(PlanState state);
    /// Each run of states in a row where a file could not be read, oldest first.
    [[nodiscard]] const std::vector<UnreadableFile>& unreadable() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Walking back from the end, the plan of `period` is the last commit at or before its start
/// that changed PATH (the recap's default baseline; check-ins are read back to it).
MainlineStop stop_at_plan_of(const Period& period);
/// Walking back from the end to a given baseline: stop at it, or at the first commit older
/// than it (a baseline on a branch merged since is placed by its date).
MainlineStop stop_at_baseline(const CommitInfo& baseline);

/// The commits a recap reads (its baseline first, then every later change of PATH, oldest
/// first) and the caveats to print with it.
/// A caveat about the states a recap reads, as data: the renderer words it in the document's
/// language.
struct RecapNote {
    enum class Kind {
        cut_after_start,     ///< a shallow clone cut after the period's start: at `commit` of `date`
        cut_after_baseline,  ///< a shallow clone cut between the baseline and the end: at `commit` of `date`
        plan_after_start,    ///< no commit at or before `start` changed PATH: the plan is `commit` of `date`
        missing_at_baseline  ///< PATH (`path`) does not exist at the baseline, `commit`
    };
    Kind kind = Kind::cut_after_start;
    std::string commit;  ///< a short commit id, or the baseline's label
    Date date;           ///< that commit's date
    Date start;          ///< the period's start
    std::string path;    ///< PATH as given

    friend bool operator==(const RecapNote&, const RecapNote&) = default;
};

struct RecapCommits {
    std::vector<CommitInfo> commits;
    std::vector<RecapNote> notes;
};
/// From the walk back from the end with stop_at_plan_of(period); no commits when PATH has no
/// committed history.
RecapCommits recap_commits_for_period(const Mainline& walk, const Period& period);
/// For an explicit baseline, which the end descends from: `walk` is the walk back from the end
/// with stop_at_baseline().
RecapCommits recap_commits_from(const CommitInfo& baseline, const Mainline& walk);

/// When a key result's `current` value last changed, found in git history.
struct CheckIn {
    std::optional<Date> date;  ///< the commit's date; empty when the change is not committed yet
    bool or_before = false;    ///< the history read stops there: it may have changed earlier
};

/// Walking back from HEAD for the check-ins of a report dated `as_of`: stop at the last commit
/// that changed PATH at or before both the period's start and the report date.
MainlineStop stop_at_check_ins(const Period& period, Date as_of);
/// The history as it stood on `as_of`: `commits` (oldest first, along one first-parent line)
/// up to the last one dated at or before `as_of` (as `git rev-list --first-parent --before`
/// finds the state of that day); the commits after it are left out.
std::vector<CommitInfo> commits_by(const std::vector<CommitInfo>& commits, Date as_of);
/// The last commit of each day of `commits` (oldest first; a run of commits with one date
/// keeps its last): a report reads the roadmap as it stood at the end of each day, so that its
/// cost follows the days of the period, not the commits (issue 17). Linear.
std::vector<CommitInfo> last_of_each_day(const std::vector<CommitInfo>& commits);

/// For each key result of `now` that has a current value (and the North Star, under ""), when
/// that value last changed. `history` holds the mainline states read back from HEAD (oldest
/// first, HEAD last; empty when nothing is committed); `exact_start` says its first state is
/// the root commit, so that a value unchanged since then was entered there exactly.
std::map<std::string, CheckIn> find_check_ins(const Snapshot& now, const std::vector<PlanState>& history,
                                              bool exact_start);

// issue 14, item 1: change since the last check-in, since a chosen point, and the trend.

/// The point a report's changes are counted from (`report --since REV|DATE`), as asked.
struct SinceRequest {
    enum class Kind {
        week_before,  ///< the default: the last commit on or before the report date − 7 days
        date,         ///< the last commit on or before `date`
        revision      ///< `commit`, resolved from `revision`
    };
    Kind kind = Kind::week_before;
    Date date;                         ///< week_before, date: the day asked
    std::string revision;              ///< revision: as the user wrote it
    std::optional<CommitInfo> commit;  ///< revision: the commit it names
};

/// A request for the default point of a report dated `as_of`: a week before it.
SinceRequest since_week_before(Date as_of);

/// Finds the since point while walking back along the mainline: the first commit (walking back)
/// dated on or before the day asked, or the commit asked (or the first commit older than it, for
/// one off the first-parent line). `found` is the point; `oldest` the last commit the walk saw.
struct SinceSearch {
    SinceRequest request;
    std::optional<CommitInfo> found;
    std::optional<CommitInfo> oldest;
    /// Looks at the next commit of the walk (newest first); true once the point is found.
    bool see(const CommitInfo& c);
};

/// Walking back from HEAD for a report dated `as_of` that shows check-ins and trends: stop once
/// both the plan of `period` (as stop_at_check_ins) and the since point are behind. `since` is
/// updated as the walk goes and must outlive it.
MainlineStop stop_at_report_history(const Period& period, Date as_of, SinceSearch& since);

/// A key result's (or the North Star's) values in the history read, as the report shows them.
struct ValueHistory {
    /// The value before its latest change (the change a last check-in dates, the working tree's
    /// included); empty when it had none (`first_value`) or the history read does not reach it.
    std::optional<double> previous;
    bool first_value = false;  ///< its latest change gave it its first value: there is nothing before
    /// Its value at the since point; empty when it had none there (or there is no point).
    std::optional<double> at_since;
    /// Its values from the period's start to the report date: its value in the state at the
    /// period's start (or its first value, when it came later), then one per state that changed
    /// it, ending with the working tree's when that differs from the last commit read.
    std::vector<double> series;
};

/// For each key result of `now` that has a current value (and the North Star, under ""), its
/// values in `history` (as find_check_ins reads it: mainline states oldest first, none after the
/// report date; `exact_start` when its first state is the root commit). The series starts at
/// the last state dated on or before `period_start` (the first state when none is). `at_since`
/// is the roadmap at the since point, when there is one.
std::map<std::string, ValueHistory> find_value_histories(const Snapshot& now, const std::vector<PlanState>& history,
                                                         bool exact_start, Date period_start, const Snapshot* at_since);

/// What a report shows of its values' history: the since point and each value's history.
struct Trends {
    SinceRequest since;                          ///< the point as asked (the default: a week before)
    std::optional<CommitInfo> since_commit;      ///< the point; empty when the history starts after the day asked
    std::optional<CommitInfo> first;             ///< then, the oldest commit the walk reached
    std::map<std::string, ValueHistory> values;  ///< by key-result id, "" for the North Star
};
/// issue 14, item 2: for each epic of `now` that has an `update`, when that text last changed,
/// read from the same states as find_check_ins() (never a second walk): the oldest state since
/// which it is unchanged; empty when it changed after the last commit read; `or_before` when it
/// is unchanged since the first state read and that state is not the root (`exact_start`).
std::map<std::string, CheckIn> find_update_changes(const Snapshot& now, const std::vector<PlanState>& history,
                                                   bool exact_start);
// issue 14, item 4
/// For each epic of `now` that is done (by id), when it became done: the date of the first
/// state of the last run of states, ending at HEAD, in which it is done; empty (not committed)
/// when it is not done at HEAD. `history` and `exact_start` as for find_check_ins().
std::map<std::string, CheckIn> find_done_dates(const Snapshot& now, const std::vector<PlanState>& history,
                                               bool exact_start);

// issue 15: the burn-up of planned work.

/// The planned build work as it stood at the end of one day of the period. The scope is the
/// epics of build streams that are neither proposed nor dropped (the planned work of
/// Roadmap::planned_progress); `added` and `dropped` count the epics that came into and left it
/// that day (a new epic, one moved in from a run stream or out of the backlog; one dropped,
/// removed, moved to a run stream or back to the backlog).
struct BurnUpPoint {
    Date date;
    int scope = 0;    ///< planned epics at the end of the day
    int done = 0;     ///< of them, done
    int added = 0;    ///< came into the scope that day
    int dropped = 0;  ///< left the scope that day
};

/// Planned work done over the period, from the git history: one point at the period's start
/// (the plan) and one per day a state changed the scope or what is done, up to the report date
/// (the working tree's, dated the report date, last).
struct BurnUp {
    Date start, end;         ///< the period, both ends inclusive
    Date as_of;              ///< the report date: the last point is dated on or before it
    int planned = 0;         ///< the scope at the period's start (the first point's)
    bool or_before = false;  ///< the history read starts after the period's start: the first point is its oldest state
    std::vector<BurnUpPoint> points;  ///< oldest first, one per day at most
};

/// The work a report narrowed with `--owner` or `--stream` covers, as a predicate on epics, so
/// that what is counted across states (the burn-up) is the work the narrowed report shows
/// (`narrowed()` in the report layer keeps and cuts epics by it).
struct WorkScope {
    std::string owner;   ///< a person's id; empty: anybody's work
    std::string stream;  ///< a stream's id; empty: every stream

    /// The person owns or contributes to `e`: all of it is their work.
    [[nodiscard]] bool in_charge(const Epic& e) const;
    /// `e` is some of the person's work: they are in charge of it, or own one of its tasks.
    [[nodiscard]] bool works_on(const Epic& e) const;
    /// The epic `e` of stream `s`, in the roadmap `index` indexes, is in the narrowed work: in the
    /// stream (the first one of that id, as the index finds it) and worked on by the person.
    [[nodiscard]] bool covers(const RoadmapIndex& index, const Stream& s, const Epic& e) const;
};

/// The burn-up of the planned work (is_planned_work, within `scope`) over `period`, up to the
/// report date `as_of`, read from the same states as find_done_dates() (never a second walk):
/// `history` holds the committed states oldest first, none after `as_of`; `now` is the working
/// tree, the last point's state, dated `as_of`.
/// - The first point is dated the period's start: the plan, the last state on or before it; when
///   no state is (the history read starts after the start, or nothing is committed), the oldest
///   state read stands for it and `or_before` is set.
/// - Then one point per day after the start on which the day's last state changed the scope (by
///   epic id) or the done count; the last point is always the working tree's, dated `as_of`.
/// - `added` and `dropped` compare each point's scope with the one before it by epic id, so that
///   scope = previous scope + added − dropped. Epics without an id cannot be followed and are not
///   counted; of two epics with one id, the first (the index's) counts.
/// Points are dated up to `as_of`, which may be after the period's end. Empty when `as_of` is
/// before the period's start (nothing is planned work of the period yet). Linear in states × epics.
std::optional<BurnUp> find_burn_up(const Snapshot& now, const std::vector<PlanState>& history, const Period& period,
                                   Date as_of, const WorkScope& scope = {});

/// find_burn_up() fed one state at a time (oldest first, as `history` is), holding only the
/// day being read: a recap or report that streams its states keeps no state for the burn-up
/// (issue 17). find_burn_up() is this, fed from a vector.
class BurnUpReader {
public:
    BurnUpReader(const Period& period, Date as_of, WorkScope scope = {});
    BurnUpReader(BurnUpReader&&) noexcept;
    BurnUpReader& operator=(BurnUpReader&&) noexcept;
    ~BurnUpReader();
    /// The next committed state.
    void add(const PlanState& state);
    /// The burn-up, `now` (the working tree, dated `as_of`) last; empty when `as_of` is before
    /// the period's start. Call once.
    std::optional<BurnUp> finish(const Snapshot& now);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// The kinds of semantic change between two states.
enum class ChangeKind {
    stream_added,
    stream_removed,
    epic_added,
    epic_removed,
    epic_moved,      ///< to another stream
    status_changed,  ///< of an epic
    owner_changed,   ///< of an epic
    due_changed,     ///< of an epic; `days` says by how much
    field_changed,   ///< of an epic: a key marked `diffed` in the format table; `field` names it
    kr_added,
    kr_removed,
    target_changed,   ///< of a key result or the North Star: the goalposts moved
    current_changed,  ///< of a key result or the North Star: a check-in
    period_changed,
};
/// The kebab-case name of a change kind, as in JSON (`epic-added`, `target-changed`, ...).
std::string_view to_string(ChangeKind k);

/// The subject of a change to a North Star that declares no id.
inline constexpr std::string_view undeclared_north_star = "north-star";

/// One semantic change. `subject` is the id of the stream, epic or key result (the North
/// Star's declared id, "north-star" when it declares none); `before` and `after` are the values as text (a list's items
/// joined with ", ").
struct Change {
    ChangeKind kind;
    std::string subject, title;
    std::string before, after;
    std::string field;        ///< field_changed: the key's name in the format ("contributors")
    std::optional<int> days;  ///< due_changed: the shift in days (positive: later)
    bool north_star = false;  ///< the change is to the North Star
    /// target_changed, current_changed: the values as numbers (empty when not set), of which
    /// `before` and `after` are the text.
    std::optional<double> before_value = std::nullopt, after_value = std::nullopt;
};

/// The changes from `a` to `b` in a stable order: streams, epics (in `b`'s order, then removed
/// ones in `a`'s), key results, North Star. Of two entities with one id, the first counts.
std::vector<Change> compare(const Snapshot& a, const Snapshot& b);

/// One side of a diff, as named in its output.
struct DiffSide {
    std::string revision;  ///< as the user wrote it, or "working tree"
    std::string commit;    ///< the full commit id; empty for the working tree

    /// The revision is (a prefix of) the commit id: the user wrote a hash.
    [[nodiscard]] bool is_hash() const { return revision.size() >= 4 && commit.starts_with(revision); }
};

/// What `diff` says: the changes between two states, with their counts.
struct DiffContent {
    std::string path;  ///< PATH as given
    DiffSide from, to;
    std::vector<Change> changes;               ///< compare()'s order
    std::size_t targets_moved = 0;             ///< target_changed changes: the goalposts moved
    std::vector<std::size_t> goalposts;        ///< those changes, as indexes into `changes`
    std::map<ChangeKind, std::size_t> counts;  ///< changes per kind
};

/// The diff of `a` (named `from`) and `b` (named `to`).
DiffContent build_diff(const Snapshot& a, const Snapshot& b, DiffSide from, DiffSide to, std::string path);

/// A number as the format writes it: 104000, 3.5, -2.
std::string format_value(double v);

}  // namespace boussole
