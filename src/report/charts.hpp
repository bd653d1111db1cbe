#pragma once
// issue 15: the dashboard's charts, drawn as inline SVG from the report's content.
//
// Each function returns one `<svg>` element (the SVG namespace, well-formed XML on its own) or
// an empty string when there is nothing to draw. A chart computes no figure: scores, paces,
// shares and counts come from the content; the chart only turns them into geometry (a share of
// the track's length, a date's place on the axis) and words (ChartMessages). Every chart is
// accessible (role="img", aria-labelledby its <title> and a <desc> stating its figures in
// words), carries status by shape, pattern and text as well as colour, and takes its colours
// from the classes chart_css() defines (no inline style, no script, no external reference), so
// that the page holds the CSS once and switches to dark mode. `id` prefixes every id inside the
// SVG (title, desc, patterns, markers): the caller makes it unique in the page; characters other
// than ASCII letters, digits, '-' and '_' are replaced.

#include <string>
#include <string_view>
#include <vector>

#include "boussole/date.hpp"
#include "boussole/plan.hpp"
#include "boussole/report_content.hpp"
#include "report/messages.hpp"

namespace boussole::chart {

/// The North Star: progress from its baseline to its target (its score), the current value,
/// and the pace marker at the share of the period elapsed; its check-ins' line when it has a
/// trend. Empty when `ns` has no title, no values and no id to show.
std::string north_star(const NorthStarFacts& ns, double elapsed, const ChartMessages& words, std::string_view id);

/// A key result as a bullet chart: baseline at the left, target at the right (also when the
/// target is below the baseline: progress toward the target is drawn), the current bar as long
/// as the score, the pace marker, and the committed check-ins' line when it has a trend.
std::string key_result(const KeyResultRow& kr, double elapsed, const ChartMessages& words, std::string_view id);

/// The burn-up: planned epics done (a step line) and the scope (a step line, with "+2"/"−1"
/// where epics came in or left), against the even-pace line from 0 at the period's start to
/// the scope at the report date at the period's end; the report date marked. Empty without a
/// point.
/// `end_label` names the vertical line at BurnUp::as_of: the report date unless given (the
/// recap's end).
std::string burn_up(const BurnUp& b, const ChartMessages& words, std::string_view id, std::string_view end_label = {});

/// The epics by stream on a timeline from `start` to `end` (widened to every bar and the
/// report date): one row per bar under its stream's title, the report date as a vertical
/// line, overdue and blocked bars outlined and labelled, each dependency an arrow from the
/// prerequisite's end to the dependent's start. Empty without a bar.
std::string timeline(const TimelineFacts& t, Date as_of, Date start, Date end, const ChartMessages& words,
                     std::string_view id);

/// One row per stream: its epics stacked by status with each count written, its progress and
/// its overdue count. Empty without a stream.
std::string stream_health(const std::vector<StreamFacts>& streams, const ChartMessages& words, std::string_view id);

/// Open epics per person against the limit (a vertical line), over the limit marked in text.
/// Empty without a person.
std::string owner_load(const LoadFacts& load, const ChartMessages& words, std::string_view id);

/// The CSS of every class the charts use, light and dark (`prefers-color-scheme`) and print.
std::string chart_css();

}  // namespace boussole::chart
