// The reports in English.
#include "report/messages.hpp"

namespace boussole {

namespace {

const LanguageStyle english = {
    .language = Language::en,
    .is_one = [](double n) { return n == 1; },
    .numbers = {.thousands = ",", .decimal = ".", .percent = "%"},
    .prose_date = "",  // ISO 8601 in sentences too
    .first_day = "",
    .months = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"},
    .quarter = "{0}-Q{1}",
    .half = "{0}-H{1}",
};

}  // namespace

const StatusReportMessages status_report_en = {
    .style = &english,
    .list_separator = ", ",
    .part_separator = "; ",
    .sentence_separator = " ",
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
    .work_done = "{0} (mean over {1} {2}, from their tasks; the run and dropped epics are not planned work)",
    .epics = {"epic", "epics"},
    .planned_epics = {"planned epic", "planned epics"},
    .unreadable =
        "**Incomplete:** a roadmap file could not be read ({0}); what it holds is missing from this "
        "report. Run `boussole lint` and fix it.",

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

    .not_committed = "not committed by the report date",
    .or_before = "{0} or before",
    .with_cadence = "{0} ({1})",
    .cadence = {.weekly = "weekly", .biweekly = "every two weeks", .monthly = "monthly", .quarterly = "quarterly"},
    .stale = " ⚠ stale ({0} days)",
    .stale_or_more = " ⚠ stale (≥ {0} days)",

    .key_results_heading = "Key results",
    .no_objectives = "No objectives are declared.",
    .scorecard_columns = {"Key result", "Owner", "Baseline", "Current", "Target", "Unit", "Score", "Confidence",
                          "Status"},
    .last_check_in_column = "Last check-in",
    .scorecard_note =
        "Score: (current − baseline) / (target − baseline), from 0 to 1, also for a metric that must go down. "
        "Status: the score against the {0} of the period elapsed: on track up to 0.10 behind it, behind pace up to "
        "0.25 behind, at risk beyond.",
    .check_in_note =
        " Last check-in: the later of the key result's checked_on and the last commit by the report date that "
        "changed its current value; stale after its cadence, else after {0} days (roadmap.report.stale_after_days).",
    .check_in_note_files =
        " Last check-in: the key result's checked_on (git history is not read); stale after its cadence, else after "
        "{0} days (roadmap.report.stale_after_days).",
    .objective_owner = "Owner: {0}. ",
    .objective_no_owner = "No owner. ",
    .mean_score = "Mean score: {0} ({1} of {2} key results measured).",
    .nothing_scored = "No key result can be scored yet.",
    .pace = {.no_data = "no data", .on_track = "on track", .behind_pace = "behind pace", .at_risk = "at risk"},
    .no_distance = "no score: target = baseline",

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
                     .dropped = "dropped",
                     .proposed = "proposed"},
    .status_labels = {.planned = "○ planned",
                      .in_progress = "◐ in progress",
                      .blocked = "⊘ blocked",
                      .done = "✔ done",
                      .dropped = "✖ dropped",
                      .proposed = "◇ proposed"},
    .stream_summary = "Owner: {0}. Progress: {1}. Epics: {2}.",
    .epic_columns = {"Status", "Epic", "Priority", "Owner", "Due", "Estimate", "Progress", "Key results"},
    .overdue_due = "{0} ⚠ overdue",
    .tasks_of = "Tasks of {0}:",
    .deliverables_of = "Deliverables of {0}:",
    .owner_with_contributors = "{0}, with {1}",
    .an_epic = "an epic",
    .task_doing = "doing",
    .task_due = "due {0}",
    .task_overdue = "due {0}, overdue",
    .progress_note =
        "Progress: the share of an epic's tasks done (without tasks: 100% when done, else 0%); a stream's is the mean "
        "over its epics that are not dropped.",
    .next_due_note = "Next due: the earliest due date, on or after the report date, of a stream's open epics.",
    .overdue_count = "⚠ {0} overdue",
    .task_dropped = "{0} (dropped)",

    .run_heading = "Operational run",
    .no_run_streams = "No stream of kind run: the operational run is not planned.",
    .run_summary = "Owner: {0}. {1} {2}.",
    .activities = {"activity", "activities"},
    .activity_columns = {"Status", "Activity", "Priority", "Owner", "Open tasks"},

    .at_risk_heading = "At risk",
    .nothing_at_risk = "Nothing is at risk.",
    .at_risk_columns = {"What", "Owner", "Why"},
    .risk_epic = "Epic {0}",
    .risk_key_result = "Key result {0}",
    .risk_north_star = "North Star {0}",
    .overdue = "overdue: due {0}, {1} {2} ago, {3} done",
    .days = {"day", "days"},
    .blocked = "blocked",
    .off_pace = "{0}: score {1} with {2} of the period elapsed",
    .stale_value = "stale: last check-in {1}, {0} days ago, more than {2}",
    .stale_value_or_more = "stale: last check-in on or before {1}, at least {0} days ago, more than {2}",
    .allowed_cadence = "its {0} cadence ({1} days)",
    .allowed_default = "the {0} days of roadmap.report.stale_after_days",
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
    .gantt_axis_format = "%d %b",
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

    .since_label = "Changes since:",
    .since_week_before = "commit {0} of {1}, the last one on or before {2} (a week before the report date)",
    .since_date = "commit {0} of {1}, the last one on or before {2} (--since)",
    .since_revision = "commit {0} of {1} (--since {2})",
    .since_none =
        "no commit is dated on or before {0}, a week before the report date: the history read starts on {1}, so "
        "changes are counted since the last check-in only",
    .no_history =
        "none: this report reads no git history (the roadmap is not committed in git, or --no-history), so it shows "
        "no change or trend",
    .change_column = "Change",
    .since_column = "Since {0}",
    .trend_column = "Trend",
    .change_better = "{0} (better)",
    .change_worse = "{0} (worse)",
    .change_unchanged = "unchanged",
    .change_first = "first value",
    .change_unknown = "–",
    .trend_capped = "…",
    .trend_note =
        " Change: the current value minus its value before its last change in git (by the report date). Since {0}: "
        "the current value minus its value at the commit named at the top. Better means toward the target: for a key "
        "result that must go down (target below baseline), a decrease is better; first value: it had none before; "
        "–: the history read holds no earlier value. Trend: its values in git from the period's start to the report "
        "date, one per change (the last {1} at most, after … when earlier ones are left out), each block placed "
        "between the lowest (▁) and the highest (█) shown; only ▄ means it did not change.",
    .trend_note_no_point =
        " Change: the current value minus its value before its last change in git (by the report date). Better "
        "means toward the target: for a key result that must go down (target below baseline), a decrease is better; "
        "first value: it had none before; –: the history read holds no earlier value. Trend: its values in git from "
        "the period's start to the report date, one per change (the last {0} at most, after … when earlier ones are "
        "left out), each block placed between the lowest (▁) and the highest (█) shown; only ▄ means it did not "
        "change.",
    .north_star_change = "Since its last check-in: {0}",
    .north_star_since = "; since {0}: {1}",
    .north_star_trend = "; trend over the period: {0}",
    .update_of = "Update of {0} ({1}): {2}",
    .update_undated = "Update of {0}: {1}",
    .update_stale = " ⚠ {0} days old",
    .update_stale_or_more = " ⚠ at least {0} days old",
    .update_note =
        "Update: the owner's written update, dated by the last commit that changed it by the report date; an "
        "in-progress epic's is stale after {0} days (roadmap.report.stale_after_days).",
    .update_note_files =
        "Update: the owner's written update; git history is not read, so it has no date and is never judged stale.",
    .update_column = "Owner's update",
    .update_cell = "{0} ({1})",
    .stale_update = "update stale: last changed {1}, {0} days ago, more than {2}",
    .stale_update_or_more = "update stale: last changed on or before {1}, at least {0} days ago, more than {2}",
    .priority_note = "Epics are listed by priority, P0 first, those without one last.",
    .depends_on_of = "{0} waits for {1}.",
    .dropped_because = "{0} was dropped: {1}",
    .dropped_no_reason = "{0} was dropped, without a reason (dropped_reason).",
    .dropped_intro = "Dropped from the plan:",
    .dropped_item = "{0}: {1}",
    .no_reason = "no reason given",
    .north_star_owner = "Owner: {0}.",
    .metrics_heading = "Metrics",
    .metric_columns = {"Metric", "Definition", "Owner", "Dashboard", "Measures"},
    .dashboard_link = "dashboard",
    .north_star_measure = "North Star",
    .who_heading = "Who to ask",
    .who_columns = {"Person", "Role", "Responsibilities", "E-mail"},
    .who_note = "From the people of the roadmap: their role and the processes they own.",
    .risk_epic_priority = "{0}, {1}",
    // issue 14, item 4
    .sellers_title = "{0}: what changes for sellers",
    .shipped_heading = "Shipped in the last two weeks",
    .shipped_intro = "Finished from {0} to {1}; ask the person named about any of it.",
    .nothing_shipped = "Nothing was finished from {0} to {1}.",
    .shipped_columns = {"Done on", "What", "Ask"},
    .dated_by_history = "Done on: the day the roadmap first recorded it as done (its git history).",
    .dated_by_due =
        "Done on: its due date, or the report date when that is later (no git history was read, so the day it was "
        "finished is not known).",
    .done_not_committed = "just now (not committed yet)",
    .coming_heading = "Coming in the next four weeks",
    .coming_intro = "Due from {0} to {1}; a due date is the team's plan, not a promise to a customer.",
    .nothing_coming = "Nothing is due from {0} to {1}.",
    .coming_columns = {"Due", "What", "Ask"},
    .help_heading = "Getting help",
    .no_help = "The roadmap lists no support activities (no stream of kind run).",
    .help_intro = "Ask {0}, or the person named for your request:",
    .help_columns = {"For", "Ask"},
    .ask_stream_owner = "{0} (stream owner)",
    .no_one_to_ask = "nobody named yet",
    .scope_label = "Scope:",
    .scope_owner =
        "the work of {0} only (the epics they own or help with, their tasks in other epics, the key results they "
        "own); every figure below counts this work.",
    .scope_stream = "the stream {0} only (its epics, the key results they serve); every figure below counts this work.",
    .scope_both =
        "the work of {0} in the stream {1} only (the epics they own or help with, their tasks in other epics, the "
        "key results they own and that these epics serve); every figure below counts this work.",
    .no_help_in_scope = "No support activity is in this scope: run the report without --owner or --stream for them.",
    // issue 14, item 5
    .backlog_heading = "Backlog",
    .backlog_intro =
        "Proposed epics, by priority: not planned work, so they count in no figure of this report until they are "
        "planned.",
    .backlog_columns = {"Priority", "Proposal", "Stream", "Owner", "Key results"},
    .no_priority = "not prioritised",
    // issue 15, burnup
    .burn_up =
        {
            .label = "Planned work over the period:",
            .done = "{0} of {1} {2} done",
            .done_epics = {"epic done", "epics done"},
            .since_plan = "; the plan had {0}, {1} {3} and {2} {4} since",
            .since_oldest = "; the oldest state read (the history starts after the period's start) had {0}, {1} {3} "
                            "and {2} {4} since",
            .added = {"added", "added"},
            .taken_out = {"taken out", "taken out"},
            .definition = " (from git history; planned work: the epics of build streams neither proposed nor dropped; "
                          "taken out: dropped, removed, moved to the run or put back in the backlog)",
        },
    // issue 16, digest
    .stale_document =
        {
            .stale = "No commit has changed this roadmap since {0} (commit {1}): {2} days, more than the {3} of "
                     "roadmap.report.stale_after_days, so what it says may be out of date.",
            .champion = " Its champion, {0}, keeps it current.",
            .no_champion = " Name its keeper in roadmap.champion.",
        },
};

const RecapMessages recap_en = {
    .style = &english,
    .list_separator = ", ",
    .sentence_separator = " ",
    .untitled = "(untitled)",
    .none = "none",

    .day_count = "{0} {1}",
    .days = {"day", "days"},

    .when = "{0} ({1})",
    .not_committed = "not committed yet",
    .by_the_baseline = "by the baseline",

    .title = "{0}: recap of {1}",
    .untitled_roadmap = "Roadmap",
    .period_label = "Period:",
    .baseline_label = "Plan (baseline):",
    .end_label = "End:",
    .changes_label = "Changes in between:",
    .note_label = "Note:",
    .period_dates = "{0} to {1}",
    .working_tree = "the working tree (uncommitted changes included)",
    .commit = "commit {0} of {1}",
    .commit_with_summary = "commit {0} of {1} ({2})",
    .read_on = ", read on {0}",
    .commits_changed = "{0} {1} changed the roadmap",
    .commits = {"commit", "commits"},
    .unreadable = "`{0}` could not be read at {1}, line {2}, column {3}: {4}",
    .unreadable_run =
        "`{0}` could not be read from {1} to {5}, {6} commits in a row; at the first, line {2}, column {3}: {4}",
    .unreadable_used =
        ". Its last readable version, {0}, is used there: its streams and epics are not counted as removed, and "
        "a change made to it meanwhile is dated by the commit where it reads again.",
    .unreadable_none = ". It had no readable version before, so what it holds is missing there.",
    .note_cut_after_start =
        "the history is cut at {0} of {1} (a shallow clone): after the period's start ({2}), so the plan is read "
        "there and earlier changes are missing. Run 'git fetch --unshallow' for the whole history.",
    .note_cut_after_baseline =
        "the history is cut at {0} of {1} (a shallow clone): changes between the baseline and that commit are "
        "missing. Run 'git fetch --unshallow' for the whole history.",
    .note_plan_after_start =
        "no commit at or before the period's start ({2}) changed the roadmap: the plan is read at the first commit "
        "after it, {0} of {1}.",
    .note_missing_at_baseline = "'{3}' does not exist at the baseline ({0}): every epic counts as added.",

    .headline_heading = "Headline numbers",
    .headline_columns = {"Measure", "Value"},
    .planned = "Epics planned at the baseline",
    .added = "Epics added during the period",
    .delivered = "Delivered",
    .on_time_label = "Delivered on time (by the planned due date)",
    .dropped = "Dropped",
    .moved_out = "Moved to the run (out of the plan)",
    .carried_over = "Carried over",
    .slipped = "Slipped (due moved later, done after the planned due date, or past due)",
    .mean_score = "Mean key-result score",
    .north_star_score = "North Star score",
    .share = "{0} of {1} {2} ({3})",
    .epics = {"epic", "epics"},
    .on_time_share = "{0} of {1} {3} ({2})",
    .delivered_epics = {"delivered", "delivered"},
    .mean_score_of = "{0} ({1} of {2} {3} scored)",
    .totals = "Shares of epics are of the {0} {1} of the period: {2} planned at the baseline and {3} added during it.",
    .outcomes = "Each ends the period delivered, dropped or carried over: {0} + {1} + {2} = {3}.",
    .outcomes_run =
        "Each ends the period delivered, dropped, moved to the run or carried over: {0} + {1} + {2} + {3} = {4}.",
    .slipped_among =
        "Slipped epics are counted among them too. The planned due date is the one at the baseline, or when the epic "
        "came into the plan.",
    .not_judged = {"{0} delivered epic is not judged on time: it has no planned due date, or was done by the baseline.",
                   "{0} delivered epics are not judged on time: they have no planned due date, or were done by the "
                   "baseline."},
    .run_items = {"The operational run's {0} activity is not counted as planned work.",
                  "The operational run's {0} activities are not counted as planned work."},
    .after_period = {"{0} epic added after the period ended is left out.",
                     "{0} epics added after the period ended are left out."},
    .dropped_before = {"{0} epic already dropped at the baseline is not part of the plan.",
                       "{0} epics already dropped at the baseline are not part of the plan."},
    .anonymous = "Epics and key results without an id cannot be followed through history and are left out.",

    .north_star_heading = "North Star",
    .north_star_missing = "No North Star is declared at the end (roadmap.north_star).",
    .north_star_untitled = "North Star",
    .north_star_line = "{0}: {1} at the start → {2} at the end, target {3}",
    .no_value = "no value",
    .north_star_target_was = " (it was {0} at the start)",
    .north_star_score_line = ". Score {0}: {1} of the way from the baseline to the target.",
    .north_star_not_scored = ". It cannot be scored: it needs a baseline, a target and a current value.",

    .key_results_heading = "Key results",
    .no_key_results = "No key results with an id are declared at the end.",
    .objective_without_id = "Objective without an id",
    .key_result_columns = {"Key result", "Baseline", "At the start", "At the end", "Target", "Score"},
    .new_key_result = "new",
    .target_was = "{0} (was {1})",
    .objective_mean = "Mean score: {0} ({1} of {2} {3} scored).",
    .key_results = {"key result", "key results"},
    .nothing_scored = "No key result of this objective can be scored.",
    .removed_key_results = "Key results removed during the period: {0}.",

    .owner_with_contributors = "{0}, with {1}",
    .status_words = {.planned = "planned",
                     .in_progress = "in-progress",
                     .blocked = "blocked",
                     .done = "done",
                     .dropped = "dropped",
                     .proposed = "proposed"},
    .removed = "removed",

    .delivered_heading = "Delivered",
    .nothing_delivered = "Nothing was delivered.",
    .delivered_columns = {"Epic", "Stream", "Owner", "Planned due", "Done", "Timing (against the planned due)"},
    .deliverables_column = "Deliverables",
    .due_at_end = " (due {0} at the end)",
    .on_time = "on time",
    .late = "{0} late",

    .slipped_heading = "Slipped",
    .nothing_slipped =
        "Nothing slipped: no due date moved later, nothing was done after its planned due date, and nothing open is "
        "past due.",
    .slipped_columns = {"Epic", "Owner", "Planned due", "Due at the end", "Slip", "Moved on", "Status at the end"},
    .done_late = "done {0} after the planned due date",
    .past_due = "past due by {0} at the end",
    .move = "{0}: {1}",
    .part_separator = "; ",

    .dropped_heading = "Dropped",
    .nothing_dropped = "Nothing was dropped.",
    .dropped_columns = {"Epic", "Stream", "Owner", "How", "When", "Reason"},
    .removed_from_files = "removed from the files",
    .status_dropped = "status dropped",
    .no_reason = "no reason given",
    .back_to_backlog = "put back in the backlog",

    .added_heading = "Added during the period",
    .nothing_added = "Nothing was added to the plan during the period.",
    .added_columns = {"Epic", "Stream", "Owner", "Added", "Status at the end"},
    .moved_from_run = "{0}, moved in from the run",

    .moved_out_heading = "Moved out of the plan",
    .moved_out_intro =
        "Planned work moved to a run stream (kind: run): it left the plan, and is still counted in the epics of the "
        "period above.",
    .moved_out_columns = {"Epic", "Planned in", "Run stream", "Owner", "Moved", "Status at the end"},

    .carried_over_heading = "Carried over",
    .nothing_carried_over = "Nothing is carried over: every epic of the period is done, dropped or moved to the run.",
    .carried_over_columns = {"Epic", "Stream", "Owner", "Status", "Due", "Progress (tasks done)"},

    .goalposts_heading = "Goalposts moved",
    .no_goalposts = "No key-result target changed after the baseline.",
    .goalposts_columns = {"Key result", "Target before", "Target after", "When"},
    .north_star_named = "North Star: {0}",

    .footer = "Generated by {0} from {1} {2} of the roadmap in its git history.",
    .states = {"state", "states"},
    // issue 14, item 5
    .proposals_planned = {"{0} of the epics added was a proposal from the backlog, planned during the period.",
                          "{0} of the epics added were proposals from the backlog, planned during the period."},
    .still_proposed = {"{0} proposal still in the backlog is not counted as planned work.",
                       "{0} proposals still in the backlog are not counted as planned work."},
    .from_backlog = "{0}, planned from the backlog",
    .proposals_heading = "Proposals that entered the plan",
    .proposals_intro =
        "Proposed epics (at the baseline or added as proposals) that were planned during the period; "
        "they count as added in the headline numbers.",
    .proposals_columns = {"Epic", "Stream", "Owner", "Proposed", "Planned", "Status at the end"},
    .proposed_at_baseline = "at the baseline",
    // issue 15, burnup
    .burn_up =
        {
            .label = "Planned work day by day:",
            .done = "{0} of {1} {2} done",
            .done_epics = {"epic done", "epics done"},
            .since_plan = "; the plan had {0}, {1} {3} and {2} {4} since",
            .since_oldest = "; the oldest state read (the history starts after the period's start) had {0}, {1} {3} "
                            "and {2} {4} since",
            .added = {"added", "added"},
            .taken_out = {"taken out", "taken out"},
            .definition = " (from git history; planned work: the epics of build streams neither proposed nor dropped; "
                          "taken out: dropped, removed, moved to the run or put back in the backlog)",
        },
    .burn_up_headline =
        " Unlike the counts above, it is the plan as it stands at the end: what left it during the period is not in "
        "it.",
};

const DiffMessages diff_en = {
    .style = &english,
    .list_separator = ", ",
    .none = "none",
    .day_count = "{0} {1}",
    .days = {"day", "days"},
    .side = "{0} ({1})",
    .working_tree = "working tree",
    .count_line = "{0} {1}",
    .changes = {"change", "changes"},
    .targets_moved = ", {0} {1} moved",
    .targets = {"target", "targets"},
    .no_change = "no change to the plan",

    .subject = "{0} {1}",
    .subject_named = "{0} {1} \"{2}\"",
    .north_star_subject = "North Star \"{0}\"",
    .north_star_subject_id = "North Star {0} \"{1}\"",
    .stream = "stream",
    .epic = "epic",
    .key_result = "key result",
    .period = "period",

    .added = "added",
    .removed = "removed",
    .added_in_stream = "added in stream {0}",
    .removed_from_stream = "removed (was in stream {0})",
    .moved = "moved from stream {0} to stream {1}",
    .status_changed = "status {0} → {1}",
    .status_words = {.planned = "planned",
                     .in_progress = "in-progress",
                     .blocked = "blocked",
                     .done = "done",
                     .dropped = "dropped",
                     .proposed = "proposed"},
    .owner_changed = "owner {0} → {1}",
    .due_changed = "due {0} → {1}{2}",
    .due_shift = " ({0})",
    .field_changed = "{0} {1} → {2}",
    .field_names = {{{.key = "contributors", .word = "contributors"}, {.key = "deliverables", .word = "deliverables"}}},
    .added_to_objective = "added to objective {0}",
    .removed_from_objective = "removed (was in objective {0})",
    .target_changed = "target {0} → {1}: the goalposts moved",
    .current_changed = "current {0} → {1}",
    .period_changed = "{0} → {1}",

    .text_header = "{0}: {1} → {2}: ",

    .heading = "Roadmap changes",
    .comparing = "Comparing {0} with {1} for {2}: ",
    .sentence_end = ".",
    .goalposts_label = "Goalposts moved:",
    .goalposts_moved = "the target of {0} changed.",
    .columns = {"±", "What", "Change"},
    .posted_by = "Posted by boussole diff.",
};

// issue 15, charts
const ChartMessages chart_en = {
    .style = &english,
    .short_months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
    .short_date = "{1} {0}",
    .list_separator = ", ",
    .untitled = "(untitled)",
    .no_value = "none",
    .no_data = "No data to draw yet.",

    .north_star = "North Star",
    .north_star_title = "North Star: {0}",
    .key_result_title = "{0} · {1}",
    .baseline_label = "baseline {0}",
    .target_label = "target {0}",
    .elapsed_label = "▲ {0} of the period",
    .score_label = "score {0} · {1}",
    .pace = {.no_data = "no data", .on_track = "✔ on track", .behind_pace = "◔ behind pace", .at_risk = "⚠ at risk"},
    .trend_label = "check-ins",
    .not_measured = "Not measured yet: it needs a baseline, a target and a current value.",
    .no_distance = "No score: the target equals the baseline.",
    .measure_desc = "{0}: baseline {1}, current value {2}, target {3}.",
    .score_desc = "Score {0}, {1}.",
    .elapsed_desc = "{0} of the period elapsed (the pace marker).",
    .lower_is_better = "The target is below the baseline: lower is better, and the bar grows as the value falls.",
    .trend_desc = "Committed check-ins, oldest first: {0}.",
    .trend_capped_desc = "Only the last {0} are shown.",

    .burn_up_title = "Planned epics done over the period",
    .epics_axis = "epics",
    .done_line = "done",
    .scope_line = "scope",
    .even_pace_line = "even pace",
    .report_date = "report date",
    .done_end = "{0} {1}",
    .done_epics = {"done", "done"},
    .scope_end = "scope {0}",
    .burn_up_desc = "Planned epics done on {2}: {0} of {1}; planned at the start of the period ({4}): {3}.",
    .changes_desc = "Added to the scope during the period: {0}; dropped: {1}.",
    .even_pace_desc =
        "The even-pace line rises in a straight line from 0 at the period's start ({0}) to the scope at "
        "the report date ({1}) at the period's end ({2}).",
    .or_before_desc = "The history read starts after the period's start: the line starts at the oldest state read.",

    .timeline_title = "Epics by stream",
    .timeline_desc = "Epics on the timeline: {0}, from {1} to {2}; the vertical line marks the report date, {3}.",
    .overdue_tag = "⚠ overdue",
    .blocked_tag = "⊘ blocked",
    .done_tag = "✔",
    .status_labels = {.planned = "○ planned",
                      .in_progress = "◐ in progress",
                      .blocked = "⊘ blocked",
                      .done = "✔ done",
                      .dropped = "✖ dropped",
                      .proposed = "◇ proposed"},
    .dependency = "depends on",
    .bar_desc = "{0}: {1}, {2} to {3}",
    .overdue_desc = ", overdue",
    .depends_desc = "{0} depends on {1}",
    .stream_rows = "{0}:",

    .streams_title = "Stream health",
    .progress_label = "{0} done",
    .overdue_count = "⚠ {0} {1}",
    .overdue = {"overdue", "overdue"},
    .status_count = "{0} {1}",
    .status_counted = {.planned = "planned",
                       .in_progress = "in progress",
                       .blocked = "blocked",
                       .done = "done",
                       .dropped = "dropped",
                       .proposed = "proposed"},
    .stream_desc = "{0}: {1}{2}; {3}.",
    .stream_progress_desc = "; progress {0}",
    .load_title = "Open epics per person",
    .limit_label = "limit {0}",
    .over_limit_tag = "⚠ over limit",
    .load_desc = "Open epics allowed per person: {0}.",
    .owner_desc = "{0}: {1} {2}, {3} {4}",
    .open_epics = {"open epic", "open epics"},
    .open_tasks = {"open task", "open tasks"},
    .over_limit_desc = ", over the limit",
    .recap_end = "end of the recap",
};

// issue 16
const DigestMessages digest_en = {
    .style = &english,
    .list_separator = ", ",
    .untitled = "(untitled)",
    .untitled_roadmap = "Roadmap",
    .day_count = "{0} {1}",
    .days = {"day", "days"},

    .title = "{0}: the week of {1}",
    .week_label = "Week:",
    .week = "{0} to {1}{2}",
    .period_day = ", day {0} of {1} of {2}",
    .since_label = "Changes since:",
    .since_week_before = "commit {0} of {1}, the last one on or before {2} (a week before)",
    .since_date = "commit {0} of {1}, the last one on or before {2} (--since)",
    .since_revision = "commit {0} of {1} (--since {2})",
    .since_none = "no commit is dated on or before {0}: the history starts on {1}",
    .no_history =
        "none: no git history was read (the roadmap is not committed in git, or --no-history), so the digest shows "
        "no change, and check-ins only from checked_on",
    .unreadable = "Could not be read, so left out: {0}.",
    .stale_document =
        {
            .stale = "No commit has changed this roadmap since {0} (commit {1}): {2} days, more than the {3} of "
                     "roadmap.report.stale_after_days, so what it says may be out of date.",
            .champion = " Its champion, {0}, keeps it current.",
            .no_champion = " Name its keeper in roadmap.champion.",
        },

    .nobody_heading = "Nobody's",
    .nothing_at_all =
        "Nothing is due, overdue, blocked or waiting for a check-in this week, and nothing changed since {0}.",
    .nothing_to_do = "Nothing is due, overdue, blocked or waiting for a check-in this week.",
    .item = "**{0}** {1}: {2}",
    .overdue_label = "Overdue:",
    .blocked_label = "Blocked:",
    .due_label = "Due this week:",
    .check_in_due_label = "Check-in due:",
    .check_in_late_label = "Check-in late:",
    .check_in_none_label = "Check in:",
    .update_label = "Update stale:",
    .task = "task “{0}” of {1}",
    .north_star = "the North Star, {0}",
    .due_late = "due {0}, {1} late",
    .due_on = "due {0}, in {1}",
    .due_today = "due today, {0}",
    .no_due = "no due date",
    .also_blocked = ", and blocked",
    .via_stream = " (no owner: sent to its stream's owner)",
    .check_in_due = "last check-in {0}, {1}: measure it again by {2}",
    .check_in_late = "last check-in {0}, {1} ago, {2}",
    .or_before = "{0} or before",
    .no_value = "no current value yet: enter the first measure",
    .every_cadence = "{0} ({1} days)",
    .every_default = "every {0} days",
    .cadence = {.weekly = "weekly", .biweekly = "every two weeks", .monthly = "monthly", .quarterly = "quarterly"},
    .update_stale = "its written update last changed {0}, {1} ago, more than {2} days: say where it stands",

    .changes_heading = "What changed since {0}",
    .no_changes = "Nothing changed.",
    .no_point = "No change is shown: {0}.",
    .done_label = "Done:",
    .added_label = "Added:",
    .dropped_label = "Dropped:",
    .slipped_label = "Slipped:",
    .moved_label = "Moved:",
    .owned_by = " — {0}",
    .to_backlog = ", to the backlog",
    .from_backlog = ", from the backlog",
    .removed = ", taken out of the roadmap",
    .no_reason = ", no reason written",
    .reason = ": {0}",
    .slipped = "due {0} → {1} ({2})",
    .moved = "{0} → {1} ({2})",
    .change_better = "{0}, better",
    .change_worse = "{0}, worse",
    .no_value_short = "none",

    .definitions =
        "Due this week: open epics and tasks due from {0} to {1}. Overdue: open and due before {0}. An epic without "
        "an owner goes to its stream's owner, a task without one to its epic's. A check-in is due when the key "
        "result's cadence (else {2} days) runs out this week, late when it ran out before; the last check-in is the "
        "later of the commit that last changed its current value and its checked_on. An update is stale on an "
        "in-progress epic whose written update has not changed for more than {2} days.",
    .changes_definition =
        "Changes: between the commit named at the top and the roadmap as it is now, as boussole diff finds them. "
        "Slipped: a due date moved later. Moved: a current value that changed; better means toward the target.",
    .footer = "Generated by {0} from {1} {2}, as of {3}.",
    .files = {"file", "files"},

    .subject = "{0}: the week of {1}",
};

// issue 16, Slack
const SlackMessages slack_en = {
    .style = &english,
    .more = "…and {0} more",
};

}  // namespace boussole
