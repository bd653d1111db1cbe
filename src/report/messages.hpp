#pragma once
// The words of the reports (status report, recap, diff), one catalogue per language
// (messages_en.cpp, messages_fr.cpp), chosen by a Language value carried in each document's
// options, never by the machine's locale. Renderers take their words, number and date formats
// and plural rule from here and nowhere else. Templates are fmt format strings whose numbered
// arguments ({0}, {1}) are documented next to them, so a language may reorder them; the
// arguments arrive already formatted (numbers, dates, markup) by the renderer.

#include <array>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "boussole/date.hpp"
#include "boussole/model.hpp"
#include "boussole/plan.hpp"
#include "report/markdown.hpp"

namespace boussole {

// A catalogue template filled with its arguments.
template <class... Args>
std::string say(std::string_view pattern, const Args&... args) {
    return fmt::format(fmt::runtime(pattern), args...);
}

// How a language writes what is not a word: plurals, numbers, dates; written in code, so the
// output is the same bytes on every machine (no locale is read).
struct LanguageStyle {
    Language language;
    // Whether a count takes the `one` form of a Plural (English: exactly 1; French: below 2).
    bool (*is_one)(double n);
    md::NumberStyle numbers;
    // A date in a sentence: {0} day, {1} month name, {2} year; empty: ISO 8601 as in tables.
    std::string_view prose_date;
    std::string_view first_day;  // the first day of a month in prose dates ("1er"), or empty for "1"
    std::array<std::string_view, 12> months;
    // A named period (YYYY-Qn, YYYY-Hn): {0} year, {1} number ("{0}-Q{1}"; French "T{1} {0}").
    std::string_view quarter, half;
};

// A date in a sentence ("23 novembre 2026"); tables keep ISO 8601, which sorts.
std::string prose_date(const LanguageStyle& style, Date d);

// A period's label in the language: "2026-Q4" is "T4 2026" in French; any other label as written.
std::string period_name(const LanguageStyle& style, std::string_view label);

// The two forms of a counted noun.
struct Plural {
    std::string_view one, other;
};

// The word for a key of the format (`contributors`), where a document names it.
struct FieldWord {
    std::string_view key, word;
};

// A word per epic status.
struct EpicStatusWords {
    std::string_view planned, in_progress, blocked, done, dropped;
    std::string_view proposed;  // issue 14, item 5
    [[nodiscard]] std::string_view operator[](EpicStatus s) const;
};

// A word per pace.
struct PaceWords {
    std::string_view no_data, on_track, behind_pace, at_risk;
    [[nodiscard]] std::string_view operator[](Pace p) const;
};

// A word per key-result cadence.
struct CadenceWords {
    std::string_view weekly, biweekly, monthly, quarterly;
    [[nodiscard]] std::string_view operator[](Cadence c) const;
};

// issue 15, burnup: the burn-up's line, in the report's header and the recap's headline.
struct BurnUpWords {
    std::string_view label;
    std::string_view done;  // {0} done, {1} scope, {2} epics (agrees with {1}), {3} done_epics (agrees with {0})
    Plural done_epics;
    // Since the first point: {0} its scope, {1} added, {2} taken out, {3} added (agrees with {1}),
    // {4} taken_out (agrees with {2}); starts with its separator from `done`.
    std::string_view since_plan;
    std::string_view since_oldest;  // the same, when the history read starts after the period's start
    Plural added, taken_out;
    std::string_view definition;  // appended: where the figures come from, and what taken out counts
};

// issue 16: the roadmap itself gone stale, in the digest's first line and the report's header.
struct StaleDocumentWords {
    std::string_view stale;        // {0} the last commit's date, {1} its id, {2} days since, {3} the threshold
    std::string_view champion;     // appended: {0} the champion (roadmap.champion)
    std::string_view no_champion;  // appended when none is declared
};

struct StatusReportMessages {
    // The language's plural rule, number and date formats.
    const LanguageStyle* style;
    template <class N>
    [[nodiscard]] std::string_view count(const Plural& p, N n) const {
        return style->is_one(static_cast<double>(n)) ? p.one : p.other;
    }

    std::string_view list_separator;      // between the items of an inline list
    std::string_view part_separator;      // between the parts of a cell (reasons at risk, next due)
    std::string_view sentence_separator;  // between the sentences of a paragraph
    std::string_view untitled;            // a thing with neither title nor id
    std::string_view nobody;              // where an owner is expected and there is none
    std::string_view unknown;             // a missing value in a sentence

    // Header. {0} the roadmap's name.
    std::string_view title, untitled_roadmap;
    std::string_view team_label, mission_label, period_label, report_date_label, work_done_label;
    std::string_view period_dates;  // {0} start, {1} end
    std::string_view named_period;  // {0} label, {1} period_dates
    std::string_view report_date;   // {0} date, {1} day, {2} days in the period, {3} share elapsed
    std::string_view work_done;     // {0} bar, {1} count, {2} planned_epics
    Plural epics;
    Plural planned_epics;         // the adjective agrees with the count in French: 1 chantier prévu
    std::string_view unreadable;  // {0} the file, where and why it could not be read

    // North Star.
    std::string_view north_star_heading, north_star_missing, north_star_untitled;
    std::string_view north_star_values;         // {0} title, {1} values
    std::string_view values;                    // {0} baseline, {1} current, {2} target
    std::string_view no_current_value;          // in place of values' {1}
    std::string_view north_star_not_measured;   // a paragraph
    std::string_view north_star_progress;       // {0} bar, {1} pace, {2} share elapsed
    std::string_view north_star_confidence;     // appended: {0} confidence
    std::string_view north_star_last_check_in;  // appended: {0} check_in cell
    std::string_view sentence_end;

    // Last check-in cells.
    std::string_view not_committed;  // the current value changed after the last commit read
    std::string_view or_before;      // {0} date
    std::string_view with_cadence;   // {0} date cell, {1} cadence word
    CadenceWords cadence;
    std::string_view stale;          // appended: {0} days
    std::string_view stale_or_more;  // appended: {0} days, when the history read stops there

    // Key results.
    std::string_view key_results_heading, no_objectives;
    std::array<std::string_view, 9> scorecard_columns;
    std::string_view last_check_in_column;
    std::string_view scorecard_note;       // what Score and Status mean: {0} share elapsed
    std::string_view check_in_note;        // appended when there is a Last check-in column: {0} stale_after_days
    std::string_view check_in_note_files;  // the same without git history: {0} stale_after_days
    std::string_view objective_owner;      // {0} owner
    std::string_view objective_no_owner;
    std::string_view mean_score;  // {0} score, {1} measured, {2} key results
    std::string_view nothing_scored;
    PaceWords pace;
    std::string_view no_distance;  // why a key result whose target equals its baseline has no score

    // Streams.
    std::string_view streams_heading, no_streams, no_build_streams, no_epics_in_stream;
    std::array<std::string_view, 6> stream_summary_columns;  // leadership: one line per stream
    std::string_view build_kind, run_kind;
    std::string_view status_count;  // {0} count, {1} status word
    std::string_view no_epics;
    EpicStatusWords status_words;     // in counts
    EpicStatusWords status_labels;    // in the Status column
    std::string_view stream_summary;  // {0} owner, {1} progress, {2} epic counts
    std::array<std::string_view, 8> epic_columns;
    std::string_view overdue_due;              // {0} due date
    std::string_view tasks_of;                 // {0} epic
    std::string_view deliverables_of;          // {0} epic
    std::string_view owner_with_contributors;  // {0} owner, {1} list of contributors
    std::string_view an_epic;
    std::string_view task_doing, task_due;  // task_due: {0} date
    std::string_view task_overdue;          // in place of task_due for an open task past it: {0} date
    std::string_view progress_note;         // what a stream's and an epic's progress are
    std::string_view next_due_note;         // what Next due is (leadership)
    std::string_view overdue_count;         // in the Next due cell: {0} count
    std::string_view task_dropped;          // {0} title

    // Operational run.
    std::string_view run_heading, no_run_streams;
    std::string_view run_summary;  // {0} owner, {1} count, {2} activities
    Plural activities;
    std::array<std::string_view, 5> activity_columns;

    // At risk.
    std::string_view at_risk_heading, nothing_at_risk;
    std::array<std::string_view, 3> at_risk_columns;
    std::string_view risk_epic, risk_key_result;  // {0} name
    std::string_view risk_north_star;             // {0} its title
    std::string_view overdue;                     // {0} due date, {1} count, {2} days, {3} share done
    Plural days;
    std::string_view blocked;
    std::string_view off_pace;             // {0} pace, {1} score, {2} share elapsed
    std::string_view stale_value;          // {0} days, {1} date, {2} allowed
    std::string_view stale_value_or_more;  // {0} days, {1} date, {2} allowed, when the history read stops there
    std::string_view allowed_cadence;      // {0} cadence word, {1} days
    std::string_view allowed_default;      // {0} days (roadmap.report.stale_after_days)
    std::string_view no_owner;

    // Load per owner.
    std::string_view load_heading, no_owners;
    std::array<std::string_view, 4> load_columns;
    std::string_view over_limit;  // {0} limit, {1} open epics
    Plural open_epics;
    std::string_view load_note;  // {0} limit

    // Timeline.
    std::string_view timeline_heading, no_timeline;
    std::string_view gantt_title;        // {0} report date
    std::string_view gantt_axis_format;  // Mermaid's axisFormat: its month names are English, so "%d/%m" in French
    std::string_view gantt_untitled_epic, gantt_untitled_stream;
    std::string_view gantt_today_section;
    std::string_view gantt_today;  // {0} report date
    std::string_view timeline_legend;
    std::string_view undated;  // {0} list

    // Footer. {0} generator, {1} count, {2} files, {3} report date.
    std::string_view footer;
    Plural files;

    // issue 14, item 1: changes since the last check-in and since a point, and trends.
    std::string_view since_label;        // the header item naming the since point
    std::string_view since_week_before;  // {0} commit, {1} its date, {2} the day asked (report date − 7)
    std::string_view since_date;         // {0} commit, {1} its date, {2} the day asked (--since DATE)
    std::string_view since_revision;     // {0} commit, {1} its date, {2} the revision as written
    std::string_view since_none;         // {0} the day asked, {1} the date the history read starts
    std::string_view no_history;         // the header item's value when git history was not read
    std::string_view change_column;      // since the last check-in
    std::string_view since_column;       // {0} the point's date (ISO 8601)
    std::string_view trend_column;
    std::string_view change_better, change_worse;  // {0} the signed change with its unit
    std::string_view change_unchanged;             // a change of zero
    std::string_view change_first;                 // no earlier value
    std::string_view change_unknown;               // the earlier value is beyond the history read
    std::string_view trend_capped;                 // before a trend whose earlier values are left out
    std::string_view trend_note;           // appended to the scorecard note: {0} the point's date, {1} trend_points
    std::string_view trend_note_no_point;  // the same without a since point: {0} trend_points
    std::string_view north_star_change;    // {0} the change since its last check-in
    std::string_view north_star_since;     // appended: {0} the point's date in prose, {1} the change
    std::string_view north_star_trend;     // appended: {0} the trend
    // issue 14, item 2: the owner's written update.
    std::string_view update_of;             // team, under the epics: {0} epic, {1} when, {2} text
    std::string_view update_undated;        // the same without git history: {0} epic, {1} text
    std::string_view update_stale;          // appended to the when: {0} days
    std::string_view update_stale_or_more;  // the same when the history read stops there: {0} days
    std::string_view update_note;           // team, streams: what an update's date is: {0} stale_after_days
    std::string_view update_note_files;     // the same without git history
    std::string_view update_column;         // leadership, at risk: the epic's written update
    std::string_view update_cell;           // {0} text, {1} when
    std::string_view stale_update;          // at-risk reason: {0} days, {1} date, {2} allowed_default
    std::string_view stale_update_or_more;  // the same when the history read stops there
    // issue 14, item 3: what they already wrote.
    std::string_view priority_note;      // team, streams: the order of the epics
    std::string_view depends_on_of;      // {0} epic, {1} list of epic ids
    std::string_view dropped_because;    // team: {0} epic, {1} reason
    std::string_view dropped_no_reason;  // team: {0} epic
    std::string_view dropped_intro;      // leadership, after the streams: the dropped epics
    std::string_view dropped_item;       // {0} epic, {1} reason
    std::string_view no_reason;          // in place of dropped_item's {1}
    std::string_view north_star_owner;   // {0} owner
    std::string_view metrics_heading;
    std::array<std::string_view, 5> metric_columns;
    std::string_view dashboard_link;      // the text of a dashboard link
    std::string_view north_star_measure;  // the North Star in the Measures column
    std::string_view who_heading;
    std::array<std::string_view, 4> who_columns;
    std::string_view who_note;
    std::string_view risk_epic_priority;  // an epic at risk with its priority: {0} risk_epic, {1} P0..P3
    // issue 14, item 4: the sellers' view, and a report narrowed to a person or a stream.
    std::string_view sellers_title;  // {0} the roadmap's name
    std::string_view shipped_heading;
    std::string_view shipped_intro;    // {0} first day, {1} report date
    std::string_view nothing_shipped;  // {0} first day, {1} report date
    std::array<std::string_view, 3> shipped_columns;
    std::string_view dated_by_history;    // how the Done on column is dated, with git history
    std::string_view dated_by_due;        // without it
    std::string_view done_not_committed;  // Done on cell: done in the working tree, not committed yet
    std::string_view coming_heading;
    std::string_view coming_intro;    // {0} report date, {1} last day
    std::string_view nothing_coming;  // {0} report date, {1} last day
    std::array<std::string_view, 3> coming_columns;
    std::string_view help_heading, no_help;
    std::string_view help_intro;  // {0} the run stream's owner (an ask cell)
    std::array<std::string_view, 2> help_columns;
    std::string_view ask_stream_owner;  // {0} the stream owner's ask cell, for an item without an owner
    std::string_view no_one_to_ask;
    std::string_view scope_label;
    std::string_view scope_owner;       // {0} person
    std::string_view scope_stream;      // {0} stream
    std::string_view scope_both;        // {0} person, {1} stream
    std::string_view no_help_in_scope;  // a narrowed sellers' view without a run stream's activity

    // issue 14, item 5: the backlog.
    std::string_view backlog_heading;
    std::string_view backlog_intro;  // what the backlog is
    std::array<std::string_view, 5> backlog_columns;
    std::string_view no_priority;  // the Priority cell of an unprioritised proposal
    // issue 15, burnup
    BurnUpWords burn_up;
    // issue 16, digest
    StaleDocumentWords stale_document;
};

// The end-of-period recap.
struct RecapMessages {
    const LanguageStyle* style;
    template <class N>
    [[nodiscard]] std::string_view count(const Plural& p, N n) const {
        return style->is_one(static_cast<double>(n)) ? p.one : p.other;
    }

    std::string_view list_separator;      // between the items of an inline list
    std::string_view sentence_separator;  // between the sentences of a paragraph
    std::string_view untitled;            // a thing with neither title nor id
    std::string_view none;                // an empty value in a table

    // Days. {0} the number (with its sign when it says a shift), {1} days.
    std::string_view day_count;
    Plural days;

    // When something happened. {0} date, {1} commit.
    std::string_view when;
    std::string_view not_committed, by_the_baseline;

    // Header. title: {0} the roadmap's name, {1} the period's label.
    std::string_view title, untitled_roadmap;
    std::string_view period_label, baseline_label, end_label, changes_label, note_label;
    std::string_view period_dates;                 // {0} start, {1} end
    std::string_view working_tree;                 // the working tree as a state
    std::string_view commit, commit_with_summary;  // {0} commit, {1} date, {2} summary
    std::string_view read_on;                      // appended to the end in the working tree: {0} date
    std::string_view commits_changed;              // {0} count, {1} commits
    Plural commits;
    // A file read at its last readable version: {0} file, {1} state, {2} line, {3} column, {4} cause (a
    // lint message, in English: a catalogue of another language may leave it out);
    // over several states in a row, {1} is the first one, {5} the last one and {6} how many.
    std::string_view unreadable, unreadable_run;
    std::string_view unreadable_used;  // appended: {0} the state of its last readable version
    std::string_view unreadable_none;  // appended when it had none
    // Caveats about the states read (RecapNote). {0} commit, {1} its date, {2} the period's start, {3} PATH.
    std::string_view note_cut_after_start, note_cut_after_baseline, note_plan_after_start, note_missing_at_baseline;

    // Headline numbers.
    std::string_view headline_heading;
    std::array<std::string_view, 2> headline_columns;
    std::string_view planned, added, delivered, on_time_label, dropped, moved_out, carried_over, slipped, mean_score,
        north_star_score;
    std::string_view share;          // {0} count, {1} of, {2} epics, {3} percentage
    Plural epics;                    // the noun after {1} of `share`
    std::string_view on_time_share;  // {0} on time, {1} delivered and judged, {2} percentage, {3} delivered
    Plural delivered_epics;          // {3} of on_time_share, agreeing with {1}
    std::string_view mean_score_of;  // {0} score, {1} scored, {2} count, {3} key results
    std::string_view totals;         // {0} total, {1} epics, {2} planned, {3} added
    std::string_view outcomes;       // {0} delivered, {1} dropped, {2} carried over, {3} total
    std::string_view outcomes_run;   // {0} delivered, {1} dropped, {2} moved out, {3} carried over, {4} total
    std::string_view slipped_among;  // a sentence
    Plural not_judged;               // {0} count
    Plural run_items;                // {0} count
    Plural after_period;             // {0} count
    Plural dropped_before;           // {0} count
    std::string_view anonymous;      // a sentence

    // North Star.
    std::string_view north_star_heading, north_star_missing, north_star_untitled;
    std::string_view north_star_line;        // {0} title, {1} at the start, {2} at the end, {3} target
    std::string_view no_value;               // in place of a value
    std::string_view north_star_target_was;  // appended: {0} the target at the start
    std::string_view north_star_score_line;  // appended: {0} score, {1} percentage
    std::string_view north_star_not_scored;  // appended

    // Key results.
    std::string_view key_results_heading, no_key_results, objective_without_id;
    std::array<std::string_view, 6> key_result_columns;
    std::string_view new_key_result;  // in the At the start column
    std::string_view target_was;      // {0} target, {1} target at the start
    std::string_view objective_mean;  // {0} score, {1} scored, {2} count, {3} key results
    Plural key_results;
    std::string_view nothing_scored;
    std::string_view removed_key_results;  // {0} list

    // Epics.
    std::string_view owner_with_contributors;  // {0} owner, {1} list of contributors
    EpicStatusWords status_words;              // "Status at the end"
    std::string_view removed;                  // in place of a status

    std::string_view delivered_heading, nothing_delivered;
    std::array<std::string_view, 6> delivered_columns;
    std::string_view deliverables_column;  // added when a delivered epic lists deliverables
    std::string_view due_at_end;           // appended to the planned due when it moved: {0} the due date at the end
    std::string_view on_time, late;        // late: {0} days

    std::string_view slipped_heading, nothing_slipped;
    std::array<std::string_view, 7> slipped_columns;
    std::string_view done_late;       // {0} days
    std::string_view past_due;        // {0} days
    std::string_view move;            // {0} when, {1} days
    std::string_view part_separator;  // between the parts of a cell (slips, moves, deliverables)

    std::string_view dropped_heading, nothing_dropped;
    std::array<std::string_view, 6> dropped_columns;
    std::string_view removed_from_files, status_dropped, no_reason;
    std::string_view back_to_backlog;  // planned work whose status went back to proposed

    std::string_view added_heading, nothing_added;
    std::array<std::string_view, 5> added_columns;
    std::string_view moved_from_run;  // {0} when

    std::string_view moved_out_heading, moved_out_intro;
    std::array<std::string_view, 6> moved_out_columns;

    std::string_view carried_over_heading, nothing_carried_over;
    std::array<std::string_view, 6> carried_over_columns;

    std::string_view goalposts_heading, no_goalposts;
    std::array<std::string_view, 4> goalposts_columns;
    std::string_view north_star_named;  // {0} title

    // Footer. {0} generator, {1} count, {2} states.
    std::string_view footer;
    Plural states;

    // issue 14, item 5: proposals.
    Plural proposals_planned;       // a headline note: {0} count
    Plural still_proposed;          // a headline note: {0} count
    std::string_view from_backlog;  // in the Added column: {0} when
    std::string_view proposals_heading, proposals_intro;
    std::array<std::string_view, 6> proposals_columns;
    std::string_view proposed_at_baseline;  // in the Proposed column
    // issue 15, burnup
    BurnUpWords burn_up;
    std::string_view burn_up_headline;  // appended to the line: how it differs from the headline's counts
};

// The semantic change list of `diff`, as text and as Markdown.
struct DiffMessages {
    const LanguageStyle* style;
    template <class N>
    [[nodiscard]] std::string_view count(const Plural& p, N n) const {
        return style->is_one(static_cast<double>(n)) ? p.one : p.other;
    }

    std::string_view list_separator;
    std::string_view none;       // an empty value
    std::string_view day_count;  // {0} the signed number, {1} days
    Plural days;
    std::string_view side;          // a revision with its commit: {0} revision, {1} commit
    std::string_view working_tree;  // the side without a commit
    std::string_view count_line;    // {0} count, {1} changes
    Plural changes;
    std::string_view targets_moved;  // appended: {0} count, {1} targets
    Plural targets;
    std::string_view no_change;

    // What a change is about. {0} kind of thing, {1} id, {2} title.
    std::string_view subject, subject_named;
    std::string_view north_star_subject;     // {0} title
    std::string_view north_star_subject_id;  // {0} its declared id, {1} title
    std::string_view stream, epic, key_result, period;

    // The change in words, after its subject.
    std::string_view added, removed;
    std::string_view added_in_stream;      // {0} stream
    std::string_view removed_from_stream;  // {0} stream
    std::string_view moved;                // {0} stream before, {1} after
    std::string_view status_changed;       // {0} before, {1} after (status_words)
    EpicStatusWords status_words;
    std::string_view owner_changed;           // {0} before, {1} after
    std::string_view due_changed;             // {0} before, {1} after, {2} shift (may be empty)
    std::string_view due_shift;               // {0} days
    std::string_view field_changed;           // {0} field name, {1} before, {2} after
    std::array<FieldWord, 2> field_names;     // the words for the epic keys diff reports generically
    std::string_view added_to_objective;      // {0} objective
    std::string_view removed_from_objective;  // {0} objective
    std::string_view target_changed;          // {0} before, {1} after
    std::string_view current_changed;         // {0} before, {1} after
    std::string_view period_changed;          // {0} before, {1} after

    // Text. {0} path, {1} from, {2} to.
    std::string_view text_header;

    // Markdown.
    std::string_view heading;
    std::string_view comparing;  // {0} from, {1} to, {2} path
    std::string_view sentence_end;
    std::string_view goalposts_label;
    std::string_view goalposts_moved;  // {0} list of subjects
    std::array<std::string_view, 3> columns;
    std::string_view posted_by;
};

// issue 16: the Monday digest.
struct DigestMessages {
    const LanguageStyle* style;
    template <class N>
    [[nodiscard]] std::string_view count(const Plural& p, N n) const {
        return style->is_one(static_cast<double>(n)) ? p.one : p.other;
    }

    std::string_view list_separator;
    std::string_view untitled;          // a thing with neither title nor id
    std::string_view untitled_roadmap;  // a roadmap with neither team nor name
    std::string_view day_count;         // {0} the number, {1} days
    Plural days;

    // Header. title: {0} the team (else the roadmap's name), {1} the week's first day.
    std::string_view title;
    std::string_view week_label, week;  // week: {0} first day, {1} last day, {2} the period's day
    std::string_view period_day;        // {0} day, {1} days in the period, {2} the period's name
    std::string_view since_label;
    std::string_view since_week_before, since_date, since_revision;  // {0} commit, {1} its date, {2} asked / revision
    std::string_view since_none;                                     // {0} the day asked, {1} the history's first day
    std::string_view no_history;
    std::string_view unreadable;  // {0} the file, where and why
    StaleDocumentWords stale_document;

    // One section per person.
    std::string_view nobody_heading;  // the work nobody owns
    std::string_view nothing_at_all;  // a week with nothing to say: {0} the since point's date, or the week
    std::string_view nothing_to_do;   // nobody has anything to do, but things changed
    std::string_view item;            // {0} label, {1} subject, {2} details
    std::string_view overdue_label, blocked_label, due_label, check_in_due_label, check_in_late_label,
        check_in_none_label, update_label;
    std::string_view task;           // {0} the task, {1} its epic
    std::string_view north_star;     // {0} its title (or id)
    std::string_view due_late;       // {0} due date, {1} days late
    std::string_view due_on;         // {0} due date, {1} days until it
    std::string_view due_today;      // {0} due date
    std::string_view no_due;         // a blocked epic without a due date
    std::string_view also_blocked;   // appended to an overdue epic that is blocked too
    std::string_view via_stream;     // appended: the epic has no owner, its stream's owner is asked
    std::string_view check_in_due;   // {0} last check-in, {1} how often, {2} the last fresh day
    std::string_view check_in_late;  // {0} last check-in, {1} days since, {2} how often
    std::string_view or_before;      // a last check-in the history read may not reach: {0} date
    std::string_view no_value;       // a key result without a current value
    std::string_view every_cadence;  // {0} cadence, {1} days
    std::string_view every_default;  // {0} days
    CadenceWords cadence;
    std::string_view update_stale;  // {0} last change, {1} days since, {2} threshold

    // The team's changes.
    std::string_view changes_heading;  // {0} the since point's date
    std::string_view no_changes;
    std::string_view no_point;  // without a since point: why there are no changes
    std::string_view done_label, added_label, dropped_label, slipped_label, moved_label;
    std::string_view owned_by;  // {0} owner
    std::string_view to_backlog, from_backlog, removed, no_reason;
    std::string_view reason;                       // {0} the reason as written
    std::string_view slipped;                      // {0} before, {1} after, {2} the shift
    std::string_view moved;                        // {0} before, {1} after, {2} the change
    std::string_view change_better, change_worse;  // {0} the signed change
    std::string_view no_value_short;               // a value not set, in "before → after"

    // The end.
    std::string_view definitions;  // {0} first day, {1} last day, {2} stale_after_days
    std::string_view changes_definition;
    std::string_view footer;  // {0} generator, {1} count, {2} files, {3} date
    Plural files;

    // E-mail and Slack.
    std::string_view subject;  // {0} the team (else the roadmap's name), {1} the week's first day
};

// A number of days in words ("1 day", "14 days"); with `sign`, a shift ("+14 days", "-3 days").
template <class Messages>
std::string say_days(const Messages& m, int n, bool sign = false) {
    return say(m.day_count, sign && n > 0 ? fmt::format("+{}", n) : std::to_string(n), m.count(m.days, n < 0 ? -n : n));
}

// issue 15, burnup: "9 of 14 epics done; the plan had 12, 4 added and 2 taken out since (...)", from
// the burn-up's last point and its additions and drops since the first.
template <class Messages>
std::string say_burn_up(const Messages& m, const BurnUp& b) {
    const BurnUpWords& w = m.burn_up;
    const BurnUpPoint& last = b.points.back();
    int added = 0, out = 0;
    for (const BurnUpPoint& p : b.points) {
        added += p.added;
        out += p.dropped;
    }
    return say(w.done, last.done, last.scope, m.count(m.epics, last.scope), m.count(w.done_epics, last.done)) +
           say(b.or_before ? w.since_oldest : w.since_plan, b.planned, added, out, m.count(w.added, added),
               m.count(w.taken_out, out)) +
           std::string(w.definition);
}

// The English words.
extern const StatusReportMessages status_report_en;
extern const RecapMessages recap_en;
extern const DiffMessages diff_en;

extern const DigestMessages digest_en;  // issue 16

// The French words.
extern const StatusReportMessages status_report_fr;
extern const RecapMessages recap_fr;
extern const DiffMessages diff_fr;

// The catalogues of a language.
const StatusReportMessages& status_report_messages(Language l);
const RecapMessages& recap_messages(Language l);
const DiffMessages& diff_messages(Language l);
extern const DigestMessages digest_fr;  // issue 16
const DigestMessages& digest_messages(Language l);

// issue 15, charts
// The words of the dashboard's SVG charts (src/report/charts.cpp): titles, labels, legends and
// the <desc> sentences that state each chart's figures in words.
struct ChartMessages {
    const LanguageStyle* style;
    template <class N>
    [[nodiscard]] std::string_view count(const Plural& p, N n) const {
        return style->is_one(static_cast<double>(n)) ? p.one : p.other;
    }

    std::array<std::string_view, 12> short_months;  // on axes
    std::string_view short_date;                    // an axis date: {0} day, {1} short month
    std::string_view list_separator;
    std::string_view untitled;
    std::string_view no_value;  // a value not written
    std::string_view no_data;   // a chart with nothing to draw

    // The North Star and the key results (bullet charts).
    std::string_view north_star;         // the North Star's name when it has no title
    std::string_view north_star_title;   // {0} its title
    std::string_view key_result_title;   // {0} id, {1} title
    std::string_view baseline_label;     // {0} value
    std::string_view target_label;       // {0} value
    std::string_view elapsed_label;      // by the pace marker: {0} share of the period elapsed
    std::string_view score_label;        // {0} score, {1} pace
    PaceWords pace;                      // each with its symbol: status is never colour alone
    std::string_view trend_label;        // above the check-ins' line
    std::string_view not_measured;       // no score: a value is missing
    std::string_view no_distance;        // no score: target equals baseline
    std::string_view measure_desc;       // {0} name, {1} baseline, {2} current, {3} target
    std::string_view score_desc;         // {0} score, {1} pace
    std::string_view elapsed_desc;       // {0} share of the period elapsed
    std::string_view lower_is_better;    // a target below its baseline
    std::string_view trend_desc;         // {0} the committed values, oldest first
    std::string_view trend_capped_desc;  // {0} how many values are shown

    // The burn-up.
    std::string_view burn_up_title;
    std::string_view epics_axis;
    std::string_view done_line, scope_line, even_pace_line, report_date;
    std::string_view done_end;  // at the done line's end: {0} count, {1} done_epics
    Plural done_epics;
    std::string_view scope_end;       // at the scope line's end: {0} count
    std::string_view burn_up_desc;    // {0} done, {1} scope, {2} report date, {3} planned at the start, {4} start
    std::string_view changes_desc;    // {0} epics added, {1} dropped over the period
    std::string_view even_pace_desc;  // {0} period start, {1} scope at the report date, {2} period end
    std::string_view or_before_desc;  // the history starts after the period's start

    // The timeline.
    std::string_view timeline_title;
    std::string_view timeline_desc;  // {0} bars, {1} first day, {2} last day, {3} report date
    std::string_view overdue_tag, blocked_tag, done_tag;
    EpicStatusWords status_labels;  // in legends, each with its symbol
    std::string_view dependency;    // in the legend
    std::string_view bar_desc;      // {0} epic, {1} status, {2} start, {3} due
    std::string_view overdue_desc;  // appended to bar_desc
    std::string_view depends_desc;  // {0} epic, {1} the epics it waits for
    std::string_view stream_rows;   // {0} stream: its bars follow

    // Stream health and load.
    std::string_view streams_title;
    std::string_view progress_label;  // {0} share
    std::string_view overdue_count;   // {0} count, {1} overdue (plural)
    Plural overdue;
    std::string_view status_count;          // {0} count, {1} status word (plural)
    EpicStatusWords status_counted;         // the plural words
    std::string_view stream_desc;           // {0} stream, {1} counts, {2} progress (or nothing), {3} overdue
    std::string_view stream_progress_desc;  // {0} share
    std::string_view load_title;
    std::string_view limit_label;  // {0} the limit
    std::string_view over_limit_tag;
    std::string_view load_desc;   // {0} the limit
    std::string_view owner_desc;  // {0} person, {1} count, {2} open epics, {3} count, {4} open tasks
    Plural open_epics, open_tasks;
    std::string_view over_limit_desc;

    // The recap's burn-up ends at the recap's end, not at a report date.
    std::string_view recap_end;
};

extern const ChartMessages chart_en;
extern const ChartMessages chart_fr;
const ChartMessages& chart_messages(Language l);

// issue 16: the words of the Slack message (src/report/slack.cpp) that the digest's writer does not
// say itself.
struct SlackMessages {
    const LanguageStyle* style;
    // The last line of a message too long for Slack: {0} the number of items (lines: list items,
    // paragraphs, rows) left out.
    std::string_view more;
};

extern const SlackMessages slack_en;
extern const SlackMessages slack_fr;
const SlackMessages& slack_messages(Language l);

}  // namespace boussole
