#pragma once
/// What the status report says, as typed data: built once from the roadmap and the options,
/// then formatted by a renderer (Markdown, or JSON for other tools). Values stay typed (numbers, dates, enums,
/// shares as fractions); names are the user's text as written, unescaped. Every figure is
/// computed by build_status_report(); a renderer only chooses words and markup.

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "boussole/date.hpp"
#include "boussole/model.hpp"
#include "boussole/report.hpp"

namespace boussole {

/// The facts at the top of the report.
struct ReportHeader {
    std::string name;                 ///< roadmap.name; empty when not declared
    std::string team, mission;        ///< empty when not declared
    std::string period_label;         ///< "2026-Q4" for a named period; empty for a {start, end} one
    Date start, end;                  ///< the period, both ends inclusive
    Date as_of;                       ///< the report date
    int day = 0;                      ///< day N of the period, counting the report date (0 before it starts)
    int days = 0;                     ///< the period's length in days
    double elapsed = 0;               ///< share of the period elapsed, 0..1
    std::optional<double> work_done;  ///< mean progress of the planned work (Roadmap::planned_progress), 0..1
    std::size_t epics = 0;            ///< how many planned epics that mean is over
};

/// When a key result was last checked in, as the report tells it: the later of the last commit
/// by the report date that changed its current value and its `checked_on` (when not after the
/// report date).
struct CheckInFact {
    std::optional<Date> date;        ///< empty when the current value is not committed by the report date
    bool or_before = false;          ///< the history read stops at `date`: the change may be older
    std::optional<Cadence> cadence;  ///< as written; empty when none
    int stale_after = 14;            ///< the days allowed between check-ins: the cadence's, else the roadmap's
    std::optional<int> stale_days;   ///< days since `date` when more than `stale_after`
};

// issue 14, item 1: changes and trends.

/// Which way a change moved a value: toward its target (better) or away from it (worse), for a
/// key result that must go down (target below baseline) a decrease being better; unknown
/// without a baseline and a target that differ.
enum class Direction { unknown, better, worse, unchanged };

/// A value's change from an earlier value of it.
struct ValueChange {
    std::optional<double> delta;  ///< the current value minus the earlier one; empty when that one is not known
    bool is_new = false;          ///< it had no earlier value (the key result or its value came later)
    Direction direction = Direction::unknown;
};

/// The most points a trend shows: its last changes.
inline constexpr std::size_t trend_points = 12;

/// A value's history in git, as the report shows it.
struct ValueTrend {
    ValueChange since_check_in;              ///< since its value before its last change
    std::optional<ValueChange> since_point;  ///< since the report's since point; empty when there is none
    std::vector<double> values;              ///< its values over the period, the last trend_points of them
    std::vector<int> levels;                 ///< each value's block, 0 (lowest) to 7 (highest); all 3 when flat
    bool capped = false;                     ///< earlier values were left out
    bool flat = false;                       ///< every value shown is the same
};

/// The point the changes are counted from, for the header.
struct SinceFacts {
    SinceRequest::Kind kind = SinceRequest::Kind::week_before;
    Date asked;                          ///< the day asked (week_before, date), or the revision's commit date
    std::string revision;                ///< as written (revision)
    std::string commit;                  ///< the point's short id; empty when there is no point
    Date commit_date;                    ///< the point's date
    std::optional<Date> history_starts;  ///< without a point: the date of the oldest commit read
};

/// A key result's (or the North Star's) values and how far along it is.
struct Measure {
    std::string unit;  ///< as written; empty when none
    std::optional<double> baseline, current, target, confidence;
    std::optional<double> score;  ///< 0..1; empty when it cannot be measured
    Pace pace = Pace::no_data;    ///< the score against the share of the period elapsed
    bool no_distance = false;     ///< target equals baseline: it can never be scored
};

/// The North Star, when declared.
struct NorthStarFacts {
    std::string title, owner;  ///< owner: a display name; both empty when not written
    Measure measure;
    std::optional<CheckInFact> check_in;  ///< empty when history was not read or has no entry
    // issue 14, item 1
    std::optional<ValueTrend> trend = std::nullopt;  ///< empty when history was not read or has no entry
    // issue 14, item 3
    std::string id = {};  ///< as declared; empty when none
};

/// One row of an objective's scorecard.
struct KeyResultRow {
    std::string id, title;  ///< empty when not written
    std::string owner;      ///< display name of its owner (its own, else its objective's); empty for none
    Measure measure;
    std::optional<CheckInFact> check_in;  ///< empty when history was not read, or has no entry for it
    // issue 14, item 1
    std::optional<ValueTrend> trend = std::nullopt;  ///< empty when history was not read, or has no entry for it
};

/// An objective with its key results.
struct ObjectiveScorecard {
    std::string id, title, owner;  ///< owner: a display name; empty when none
    std::vector<KeyResultRow> key_results;
    std::size_t measured = 0;          ///< key results with a score
    std::optional<double> mean_score;  ///< mean over the measured ones; empty when none is
};

/// How many epics of a stream have one status.
struct StatusCount {
    EpicStatus status = EpicStatus::planned;
    int count = 0;
};

/// A task line, for the team audience.
struct TaskLine {
    std::string title, owner;  ///< owner: a display name; empty when none
    TaskStatus status = TaskStatus::todo;
    std::optional<Date> due;
    bool overdue = false;  ///< to do or doing, and due before the report date
    // issue 14, item 3
    std::string id = {};  ///< as written; empty when none
};

// issue 14, item 2
/// An epic's written update (`update`) and when it last changed.
struct EpicUpdate {
    std::string text;                ///< as written
    std::optional<CheckIn> changed;  ///< from git history; empty when it was not read (no date to tell)
    int stale_after = 14;            ///< roadmap.report.stale_after_days
    std::optional<int> stale_days;  ///< days since `changed`, when more than `stale_after` on an in-progress build epic
};

/// An epic (a build stream's) or an activity (a run stream's).
struct EpicRow {
    std::string id, title, owner;  ///< owner: a display name; empty when none
    EpicStatus status = EpicStatus::planned;
    std::optional<Date> due;
    bool overdue = false;                   ///< open and due before the report date
    std::optional<double> progress;         ///< share of its tasks done, 0..1; empty when dropped
    std::size_t open_tasks = 0;             ///< tasks to do or doing
    std::vector<std::string> key_results;   ///< the key-result ids it serves, as written
    std::vector<TaskLine> tasks;            ///< its tasks, for the team audience only
    std::vector<std::string> contributors;  ///< display names, for the team audience only
    std::vector<std::string> deliverables;  ///< as written, for the team audience only
    // issue 14, item 2
    std::optional<EpicUpdate> update;  ///< empty when none is written
    // issue 14, item 3
    std::string priority;                 ///< P0..P3 as written; empty when none
    std::string estimate;                 ///< as written (5d, 3w), for the team audience only
    std::string dropped_reason;           ///< as written, for a dropped epic; empty otherwise
    std::vector<std::string> depends_on;  ///< epic ids as written, for the team audience only
};

/// A stream with its epics, in the roadmap's order.
struct StreamFacts {
    std::string id, title, owner, description;  ///< owner: a display name; empty when not written
    StreamKind kind = StreamKind::build;
    std::optional<double> progress;  ///< mean of its non-dropped epics; empty without one, and for a run stream
    std::vector<StatusCount>
        epic_counts;               ///< non-zero counts, in the order done, in progress, blocked, planned, dropped
    std::optional<Date> next_due;  ///< the earliest due date of its open epics on or after the report date
    std::size_t overdue = 0;       ///< its open epics due before the report date
    std::vector<EpicRow> epics;
};

/// Why something is at risk.
namespace risk {
/// An open epic past its due date.
struct Overdue {
    Date due;
    int days_late = 0;
    double progress = 0;  ///< share of its tasks done
};
/// A blocked epic.
struct Blocked {};
/// A key result behind pace or at risk.
struct OffPace {
    Pace pace = Pace::at_risk;
    double score = 0;
};
/// A key result (or the North Star) not checked in for longer than it allows.
struct Stale {
    Date last;  ///< the last check-in
    bool or_before = false;
    int days = 0;                    ///< since `last`
    std::optional<Cadence> cadence;  ///< the key result's, when written
    int stale_after = 14;            ///< the days allowed: the cadence's, else roadmap.report.stale_after_days
};
/// An open epic without an owner.
struct NoOwner {};
// issue 14, item 2
/// An in-progress build epic whose written update last changed longer ago than
/// roadmap.report.stale_after_days.
struct StaleUpdate {
    Date last;  ///< the last commit that changed it
    bool or_before = false;
    int days = 0;          ///< since `last`
    int stale_after = 14;  ///< roadmap.report.stale_after_days
};
}  // namespace risk

/// One reason for being at risk.
using RiskReason =
    std::variant<risk::Overdue, risk::Blocked, risk::OffPace, risk::Stale, risk::NoOwner, risk::StaleUpdate>;

/// One line of the "at risk" list: one epic, key result or the North Star, with every reason
/// it is at risk for, in the list's order of reasons.
struct AtRiskItem {
    enum class Kind { epic, key_result, north_star };
    Kind kind = Kind::epic;
    std::string id, title, owner;  ///< owner: a display name; empty when none
    std::vector<RiskReason> reasons;
    // issue 14, item 2
    std::optional<EpicUpdate> update = std::nullopt;  ///< an epic's written update; empty when none
    // issue 14, item 3
    std::string priority = {};  ///< an epic's P0..P3; empty when none
};

/// Open work per person, for the team audience.
struct OwnerLoad {
    std::string name;  ///< display name
    int open_epics = 0, open_tasks = 0;
    bool over_limit = false;  ///< more open epics than roadmap.report.max_open_epics
};

/// The load table: declared people and every owner of open work, most open epics first.
struct LoadFacts {
    std::vector<OwnerLoad> owners;
    double max_open_epics = 0;  ///< the limit in force
};

/// One epic on the gantt chart.
struct TimelineBar {
    std::string id, title;
    EpicStatus status = EpicStatus::planned;
    bool overdue = false;
    Date start, end;
    // issue 15
    std::vector<std::string> depends_on = {};  ///< epic ids as written that are on the timeline too
};

/// A stream's bars; only streams with at least one bar have a section.
struct TimelineSection {
    std::string id, title;
    std::vector<TimelineBar> bars;
};

/// An epic of a build stream left off the timeline for want of a due date.
struct UndatedEpic {
    std::string id, title;
};

/// The gantt chart of the non-dropped epics with a due date, for the team audience.
struct TimelineFacts {
    std::vector<TimelineSection> sections;  ///< empty when no epic has a due date
    std::vector<UndatedEpic> undated;
};

// issue 14, item 3
/// A metric the scorecard refers to: an entry of the catalogue, or a `metric` text that names none.
struct MetricFacts {
    std::string id;                      ///< the catalogue id, or the text written in `metric`
    bool declared = false;               ///< an entry of the catalogue (else only `id` and `measures` are set)
    std::string name, unit, definition;  ///< as written; empty when none
    std::string dashboard;               ///< an http(s) URL as written; empty when none
    std::string owner;                   ///< a display name; empty when none
    std::vector<std::string> measures;   ///< the key results that measure it (ids; "" for the North Star), in order
};

/// A person to ask, for the team audience: their role and what they own.
struct Contact {
    std::string id, name, role, email;  ///< as written; empty when none
    std::vector<std::string> responsibilities;
};

/// The last line's facts.
struct ReportFooter {
    std::string generator;
    std::size_t files = 0;
};

// issue 14, item 4: the sellers' view and the narrowed report.

/// Whom a seller asks about something: its owner, else its stream's owner.
struct AskFacts {
    std::string name;           ///< display name; empty when neither has an owner
    std::string email;          ///< the person's declared e-mail; empty when none
    bool stream_owner = false;  ///< the item has no owner: its stream's owner is named
};

/// How a finished epic is dated in the sellers' view.
enum class DoneDating {
    history,        ///< the commit after which it has been done ever since
    not_committed,  ///< done in the working tree, not committed yet: dated by the report date
    due,            ///< no git history read: its due date stands for the day it was done
};

/// An epic of a build stream, in the sellers' view: shipped or coming.
struct SellerItem {
    std::string id, title, stream;  ///< stream: its title, else its id
    Date date;                      ///< shipped: when it was done (see `dating`); coming: its due date
    DoneDating dating = DoneDating::due;
    bool or_before = false;  ///< history: the history read stops at `date`: it may be older
    AskFacts ask;
};

/// A run stream's activity, in the sellers' view: where to get help.
struct SupportEntry {
    std::string id, title;
    AskFacts ask;
};

/// A run stream's support entry points.
struct SupportStream {
    std::string id, title, description;
    AskFacts owner;
    std::vector<SupportEntry> activities;  ///< not dropped, in the roadmap's order
};

/// What changes for sellers: shipped lately, shipping soon, how to get help.
struct SellersFacts {
    Date shipped_from;                   ///< the first day of "the last two weeks" (the report date minus 13 days)
    Date coming_until;                   ///< the last day of "the next four weeks" (the report date plus 28 days)
    bool history = false;                ///< done dates come from git history
    std::vector<SellerItem> shipped;     ///< done epics dated shipped_from..report date, latest first
    std::vector<SellerItem> coming;      ///< open epics due report date..coming_until, earliest first
    std::vector<SupportStream> support;  ///< the run streams, in the roadmap's order
};

/// The work a narrowed report covers (--owner, --stream).
struct ScopeFacts {
    std::string owner;      ///< the person's display name; empty when not narrowed to a person
    std::string owner_id;   ///< as given
    std::string stream;     ///< the stream's title (else id); empty when not narrowed to a stream
    std::string stream_id;  ///< as given
};

// issue 14, item 5: the backlog.

/// A proposed epic, in the backlog.
struct BacklogItem {
    std::string id, title, owner;          ///< owner: a display name; empty when none
    std::string stream;                    ///< its stream's title, else its id
    std::optional<std::string> priority;   ///< P0..P3 as written; empty when unprioritised
    std::string estimate;                  ///< as written; empty when none
    std::vector<std::string> key_results;  ///< the key-result ids it would serve, as written
};

// issue 16, digest
/// The roadmap has not been committed for longer than roadmap.report.stale_after_days.
struct StaleDocument {
    Date last;           ///< the date of the last commit that changed it
    std::string commit;  ///< its short id
    int days = 0;        ///< since `last`
    int stale_after = 14;
    std::string champion;     ///< roadmap.champion's display name; empty when none is declared
    std::string champion_id;  ///< as written
};

/// Whether the roadmap's last commit (`last_change`) is older than roadmap.report.stale_after_days
/// on `as_of`, and who keeps it (roadmap.champion): the digest's first line and the report's header.
std::optional<StaleDocument> stale_document(const Roadmap& roadmap, Date as_of,
                                            const std::optional<CommitInfo>& last_change);

/// Everything the status report says, for one audience.
struct StatusReportContent {
    Audience audience = Audience::team;
    ReportHeader header;
    std::vector<std::string> unreadable;       ///< files that could not be read (path:line:col: why)
    std::optional<NorthStarFacts> north_star;  ///< empty when none is declared, and for sellers (no figures)
    bool check_ins = false;     ///< history was read, or a checked_on written: a Last check-in column (not for sellers)
    bool history = false;       ///< git history was read for the check-ins
    int stale_after_days = 14;  ///< roadmap.report.stale_after_days, or its default
    std::vector<ObjectiveScorecard> objectives;  ///< empty for sellers (no figures)
    std::vector<StreamFacts> streams;            ///< build and run streams, in the roadmap's order; none for sellers
    std::vector<AtRiskItem> at_risk;  ///< by first reason: overdue, blocked, off pace, stale, unowned; none for sellers
    std::optional<LoadFacts> load;    ///< team audience only
    std::optional<TimelineFacts> timeline;  ///< team audience only
    ReportFooter footer;
    // issue 14, item 1
    bool trends = false;  ///< git history was read for changes and trends: their columns (never for sellers)
    std::optional<SinceFacts> since;  ///< the since point (or why there is none), when trends
    // issue 14, item 3
    /// The catalogue in reading order, then metric texts that name no entry; none for sellers.
    std::vector<MetricFacts> metrics = {};
    std::vector<Contact> who_to_ask = {};  ///< the declared people, in reading order; team audience only
    // issue 14, item 4
    std::optional<SellersFacts> sellers;  ///< sellers audience only
    std::optional<ScopeFacts> scope;      ///< the report is narrowed to one person's or one stream's work
    // issue 14, item 5
    /// The proposed epics (team and leadership), P0 first, unprioritised last, else in the
    /// roadmap's order. They are in no other part of the report: not in a stream's epics, counts
    /// or progress, nor in the planned work done.
    std::vector<BacklogItem> backlog;
    // issue 15
    /// Planned work done over the period, from git history (team and leadership); empty without
    /// history, for sellers, and when no planned work was in the report's scope at any point.
    std::optional<BurnUp> burn_up = std::nullopt;
    // issue 16, digest
    /// The roadmap has not been committed for longer than the stale threshold (team and
    /// leadership); empty without history.
    std::optional<StaleDocument> stale_document = std::nullopt;
};

/// Computes every figure of the status report once. Only call when report_blocker() is empty.
StatusReportContent build_status_report(const Roadmap& roadmap, const ReportOptions& options);

/// The status report's content in Markdown, in `language`.
std::string render_markdown(const StatusReportContent& content, Language language = Language::en);

/// issue 15: the status report's content as one self-contained HTML page (inline CSS and SVG
/// charts, no script, nothing fetched), in `language`.
std::string render_status_html(const StatusReportContent& content, Language language = Language::en);

/// The status report's content as JSON, in the shape doc/schema/report.schema.json defines
/// (`"format": "boussole.report/1"`). JSON is for programs and has no language: `language` is
/// ignored, so that every format renders alike.
std::string render_status_json(const StatusReportContent& content, Language language = Language::en);

}  // namespace boussole
