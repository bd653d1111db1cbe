#pragma once
/// Markdown reports built from the model: the weekly status report.

#include <map>
#include <optional>
#include <string>

#include "boussole/date.hpp"
#include "boussole/model.hpp"
#include "boussole/plan.hpp"

namespace boussole {

/// Who reads the status report.
enum class Audience {
    team,        ///< everything, down to tasks and owners
    leadership,  ///< header, North Star, scorecard, one line per stream, what is at risk
};

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
};

/// Why no report can be made from this roadmap (no roadmap block, no usable period), or empty.
std::optional<std::string> report_blocker(const Roadmap& roadmap);

/// The status report in Markdown: a pure function of the roadmap and the options.
/// Only call when report_blocker() is empty.
std::string render_status_report(const Roadmap& roadmap, const ReportOptions& options);

}  // namespace boussole
