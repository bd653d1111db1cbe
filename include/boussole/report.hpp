#pragma once
/// Markdown reports built from the model: the weekly status report.

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "boussole/date.hpp"
#include "boussole/model.hpp"
#include "boussole/plan.hpp"

namespace boussole {

/// Who reads the status report.
enum class Audience {
    team,        ///< everything, down to tasks and owners
    leadership,  ///< header, North Star, scorecard, one line per stream, what is at risk
    // issue 14, item 4
    sellers,  ///< what shipped in the last two weeks, what ships in the next four, whom to ask; no figures
};

/// The spelling of an audience on the command line (`team`, `leadership`, `sellers`).
std::string_view to_string(Audience a);

/// What a status report depends on besides the roadmap.
struct ReportOptions {
    Date as_of;  ///< the report date
    Audience audience = Audience::team;
    std::string generator = "boussole";  ///< named in the last line
    /// Check-in dates by key-result id ("" for the North Star); none outside git (no column).
    std::optional<std::map<std::string, CheckIn>> check_ins;
    Language language = Language::en;  ///< of the words, numbers and dates; never the machine's locale
    // issue 14, item 1
    /// The values' histories (changes, since point, trends); none outside git (no columns).
    std::optional<Trends> trends = std::nullopt;
    // issue 14, item 2
    /// When each epic's update last changed, by epic id, read in the same history pass as the
    /// check-ins; none outside git (the update is shown without a date and never flagged stale).
    std::optional<std::map<std::string, CheckIn>> updates = std::nullopt;
    // issue 14, item 4
    /// When each epic done in the working tree became done, by epic id, from git history (the
    /// commit after which it has been done ever since); none outside git: the sellers' view then
    /// dates a finished epic by its due date.
    std::optional<std::map<std::string, CheckIn>> done_dates{};
    /// The git history has commits after the report date (a report of the past): an epic whose
    /// being done is not committed by then was done after it, not "just now".
    bool commits_after_as_of = false;
    /// Narrow the report to one person's work (epics they own or contribute to, tasks they own,
    /// key results they own): a declared person's id, or empty.
    std::string owner{};
    /// Narrow the report to one stream's work (its epics, the key results they serve): a
    /// declared stream's id, or empty.
    std::string stream{};
    // issue 15, burnup
    /// The planned work done over the period, from git history (find_burn_up, over the work the
    /// report covers when narrowed); none outside git. Shown to the team and leadership.
    std::optional<BurnUp> burn_up = std::nullopt;
    // issue 16, digest
    /// The newest commit on or before the report date that changed the roadmap; none outside git.
    std::optional<CommitInfo> last_change = std::nullopt;
};

/// Why `options` cannot narrow a report of `roadmap` (an --owner or --stream id that is not
/// declared), naming the id and the closest declared one; empty when it can.
std::optional<std::string> scope_error(const Roadmap& roadmap, const ReportOptions& options);

/// Why no report can be made from this roadmap (no roadmap block, no usable period), or empty.
std::optional<std::string> report_blocker(const Roadmap& roadmap);

/// A figure as the status report writes it in `language` (`96,000`, `3.5`; French `96 000`,
/// `3,5`): for other views of the same figures (the language server's hover).
std::string report_number(double value, Language language);
/// A score as the status report writes it in `language` (`0.43`), or `–` when there is none.
std::string report_score(std::optional<double> score, Language language);

/// The status report in Markdown: a pure function of the roadmap and the options.
/// Only call when report_blocker() is empty.
std::string render_status_report(const Roadmap& roadmap, const ReportOptions& options);

}  // namespace boussole
