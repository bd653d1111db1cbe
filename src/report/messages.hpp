#pragma once
// The words of the status report, one catalogue per language (messages_en.cpp). Renderers take
// their words from here and nowhere else. Templates are fmt format strings whose numbered
// arguments ({0}, {1}) are documented next to them, so a language may reorder them; the
// arguments arrive already formatted (numbers, dates, markup) by the renderer.

#include <array>
#include <string_view>

#include "boussole/model.hpp"

namespace boussole {

// The two forms of a counted noun.
struct Plural {
    std::string_view one, other;
};

// A word per epic status.
struct EpicStatusWords {
    std::string_view planned, in_progress, blocked, done, dropped;
    [[nodiscard]] std::string_view operator[](EpicStatus s) const;
};

// A word per pace.
struct PaceWords {
    std::string_view no_data, on_track, behind_pace, at_risk;
    [[nodiscard]] std::string_view operator[](Pace p) const;
};

struct StatusReportMessages {
    // Whether a count takes the `one` form of a Plural (English: exactly 1; French: below 2).
    bool (*is_one)(double n);
    template <class N>
    [[nodiscard]] std::string_view count(const Plural& p, N n) const {
        return is_one(static_cast<double>(n)) ? p.one : p.other;
    }

    std::string_view list_separator;  // between the items of an inline list
    std::string_view untitled;        // a thing with neither title nor id
    std::string_view nobody;          // where an owner is expected and there is none
    std::string_view unknown;         // a missing value in a sentence

    // Header. {0} the roadmap's name.
    std::string_view title, untitled_roadmap;
    std::string_view team_label, mission_label, period_label, report_date_label, work_done_label;
    std::string_view period_dates;  // {0} start, {1} end
    std::string_view named_period;  // {0} label, {1} period_dates
    std::string_view report_date;   // {0} date, {1} day, {2} days in the period, {3} share elapsed
    std::string_view work_done;     // {0} bar, {1} count, {2} epics
    Plural epics;

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
    std::string_view not_committed;
    std::string_view or_before;      // {0} date
    std::string_view stale;          // appended: {0} days
    std::string_view stale_or_more;  // appended: {0} days, when the history read stops there

    // Key results.
    std::string_view key_results_heading, no_objectives;
    std::array<std::string_view, 9> scorecard_columns;
    std::string_view last_check_in_column;
    std::string_view objective_owner;  // {0} owner
    std::string_view objective_no_owner;
    std::string_view mean_score;  // {0} score, {1} measured, {2} key results
    std::string_view nothing_scored;
    PaceWords pace;

    // Streams.
    std::string_view streams_heading, no_streams, no_build_streams, no_epics_in_stream;
    std::array<std::string_view, 6> stream_summary_columns;  // leadership: one line per stream
    std::string_view build_kind, run_kind;
    std::string_view status_count;  // {0} count, {1} status word
    std::string_view no_epics;
    EpicStatusWords status_words;     // in counts
    EpicStatusWords status_labels;    // in the Status column
    std::string_view stream_summary;  // {0} owner, {1} progress, {2} epic counts
    std::array<std::string_view, 6> epic_columns;
    std::string_view overdue_due;  // {0} due date
    std::string_view tasks_of;     // {0} epic
    std::string_view an_epic;
    std::string_view task_doing, task_due;  // task_due: {0} date
    std::string_view task_dropped;          // {0} title

    // Operational run.
    std::string_view run_heading, no_run_streams;
    std::string_view run_summary;  // {0} owner, {1} count, {2} activities
    Plural activities;
    std::array<std::string_view, 4> activity_columns;

    // At risk.
    std::string_view at_risk_heading, nothing_at_risk;
    std::array<std::string_view, 3> at_risk_columns;
    std::string_view risk_epic, risk_key_result;  // {0} name
    std::string_view risk_north_star;
    std::string_view overdue;              // {0} due date, {1} count, {2} days, {3} share done
    std::string_view overdue_and_blocked;  // appended
    Plural days;
    std::string_view blocked;
    std::string_view off_pace;             // {0} pace, {1} score, {2} share elapsed
    std::string_view stale_value;          // {0} days, {1} date
    std::string_view stale_value_or_more;  // {0} days, {1} date, when the history read stops there
    std::string_view no_owner;

    // Load per owner.
    std::string_view load_heading, no_owners;
    std::array<std::string_view, 4> load_columns;
    std::string_view over_limit;  // {0} limit, {1} open epics
    Plural open_epics;
    std::string_view load_note;  // {0} limit

    // Timeline.
    std::string_view timeline_heading, no_timeline;
    std::string_view gantt_title;  // {0} report date
    std::string_view gantt_untitled_epic, gantt_untitled_stream;
    std::string_view gantt_today_section;
    std::string_view gantt_today;  // {0} report date
    std::string_view timeline_legend;
    std::string_view undated;  // {0} list

    // Footer. {0} generator, {1} count, {2} files, {3} report date.
    std::string_view footer;
    Plural files;
};

// The English words.
extern const StatusReportMessages status_report_en;

}  // namespace boussole
