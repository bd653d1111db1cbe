// The status report in English.
#include "report/messages.hpp"

namespace boussole {

std::string_view EpicStatusWords::operator[](EpicStatus s) const {
    switch (s) {
        case EpicStatus::planned:
            return planned;
        case EpicStatus::in_progress:
            return in_progress;
        case EpicStatus::blocked:
            return blocked;
        case EpicStatus::done:
            return done;
        case EpicStatus::dropped:
            return dropped;
    }
    return planned;
}

std::string_view PaceWords::operator[](Pace p) const {
    switch (p) {
        case Pace::no_data:
            return no_data;
        case Pace::on_track:
            return on_track;
        case Pace::behind_pace:
            return behind_pace;
        case Pace::at_risk:
            return at_risk;
    }
    return no_data;
}

const StatusReportMessages status_report_en = {
    .is_one = [](double n) { return n == 1; },
    .list_separator = ", ",
    .untitled = "(untitled)",
    .nobody = "none",
    .unknown = "?",

    .title = "{0}: status report",
    .untitled_roadmap = "Roadmap",
    .team_label = "Team:",
    .mission_label = "Mission:",
    .period_label = "Period:",
    .report_date_label = "Report date:",
    .work_done_label = "Planned work done:",
    .period_dates = "{0} to {1}",
    .named_period = "{0} ({1})",
    .report_date = "{0}, day {1} of {2} ({3} of the period elapsed)",
    .work_done = "{0} (mean over {1} {2}, from their tasks)",
    .epics = {"epic", "epics"},

    .north_star_heading = "North Star",
    .north_star_missing = "No North Star is declared (roadmap.north_star).",
    .north_star_untitled = "North Star",
    .north_star_values = "{0}: {1}",
    .values = "{0} → {1}, target {2}",
    .no_current_value = "no current value yet",
    .north_star_not_measured =
        "Its progress cannot be measured yet: it needs a baseline, a target and a current value.",
    .north_star_progress = "{0} of the way to the target: {1}, with {2} of the period elapsed",
    .north_star_confidence = "; confidence {0}",
    .north_star_last_check_in = "; last check-in {0}",
    .sentence_end = ".",

    .not_committed = "not committed yet",
    .or_before = "{0} or before",
    .stale = " ⚠ stale ({0} days)",
    .stale_or_more = " ⚠ stale (≥ {0} days)",

    .key_results_heading = "Key results",
    .no_objectives = "No objectives are declared.",
    .scorecard_columns = {"Key result", "Owner", "Baseline", "Current", "Target", "Unit", "Score", "Confidence",
                          "Status"},
    .last_check_in_column = "Last check-in",
    .objective_owner = "Owner: {0}. ",
    .objective_no_owner = "No owner. ",
    .mean_score = "Mean score: {0} ({1} of {2} key results measured).",
    .nothing_scored = "No key result can be scored yet.",
    .pace = {.no_data = "no data", .on_track = "on track", .behind_pace = "behind pace", .at_risk = "at risk"},

    .streams_heading = "Streams",
    .no_streams = "No streams are declared.",
    .no_build_streams = "No build streams are declared.",
    .no_epics_in_stream = "No epics are planned in this stream.",
    .stream_summary_columns = {"Stream", "Kind", "Owner", "Progress", "Epics", "Next due"},
    .build_kind = "build",
    .run_kind = "run",
    .status_count = "{0} {1}",
    .no_epics = "no epics",
    .status_words = {.planned = "planned",
                     .in_progress = "in progress",
                     .blocked = "blocked",
                     .done = "done",
                     .dropped = "dropped"},
    .status_labels = {.planned = "○ planned",
                      .in_progress = "◐ in progress",
                      .blocked = "⊘ blocked",
                      .done = "✔ done",
                      .dropped = "✖ dropped"},
    .stream_summary = "Owner: {0}. Progress: {1}. Epics: {2}.",
    .epic_columns = {"Status", "Epic", "Owner", "Due", "Progress", "Key results"},
    .overdue_due = "{0} ⚠ overdue",
    .tasks_of = "Tasks of {0}:",
    .an_epic = "an epic",
    .task_doing = "doing",
    .task_due = "due {0}",
    .task_dropped = "{0} (dropped)",

    .run_heading = "Operational run",
    .no_run_streams = "No stream of kind run: the operational run is not planned.",
    .run_summary = "Owner: {0}. {1} {2}.",
    .activities = {"activity", "activities"},
    .activity_columns = {"Status", "Activity", "Owner", "Open tasks"},

    .at_risk_heading = "At risk",
    .nothing_at_risk = "Nothing is at risk.",
    .at_risk_columns = {"What", "Owner", "Why"},
    .risk_epic = "Epic {0}",
    .risk_key_result = "Key result {0}",
    .risk_north_star = "North Star",
    .overdue = "overdue: due {0}, {1} {2} ago, {3} done",
    .overdue_and_blocked = ", blocked",
    .days = {"day", "days"},
    .blocked = "blocked",
    .off_pace = "{0}: score {1} with {2} of the period elapsed",
    .stale_value = "stale: current value unchanged for {0} days (last check-in {1})",
    .stale_value_or_more = "stale: current value unchanged for at least {0} days (last check-in on or before {1})",
    .no_owner = "no owner",

    .load_heading = "Load per owner",
    .no_owners = "No owners yet.",
    .load_columns = {"Person", "Open epics", "Open tasks", "Note"},
    .over_limit = "⚠ more than {0} {1}",
    .open_epics = {"open epic", "open epics"},
    .load_note =
        "Open epics are neither done nor dropped, run activities included; a task without an owner counts for its "
        "epic's owner. The limit is roadmap.report.max_open_epics ({0}).",

    .timeline_heading = "Timeline",
    .no_timeline = "No epic has a due date yet, so there is no timeline.",
    .gantt_title = "Epics by stream, as of {0}",
    .gantt_untitled_epic = "epic",
    .gantt_untitled_stream = "stream",
    .gantt_today_section = "Report date",
    .gantt_today = "As of {0}",
    .timeline_legend =
        "Done epics are grey, active ones highlighted, blocked or overdue ones outlined in red; the diamond marks the "
        "report date.",
    .undated = "Not on the timeline, without a due date: {0}.",

    .footer = "Generated by {0} from {1} {2}, as of {3}.",
    .files = {"file", "files"},
};

}  // namespace boussole
