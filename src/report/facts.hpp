#pragma once
// The facts several documents judge alike, defined once (status_content.cpp): a key result's
// last check-in and whether it is stale, an epic's written update and whether it is stale, an
// open task, which way a change moved a value. The status report and the digest both use them,
// so that "stale" means the same in both.

#include <map>
#include <optional>
#include <string>

#include "boussole/report_content.hpp"

namespace boussole::facts {

/// roadmap.report.stale_after_days, or its default (14).
int stale_after_days(const RoadmapInfo& info);

/// A task to do or doing.
bool open_task(const Task& t);

/// The last check-in of a key result or the North Star on `as_of`: the later of the last commit
/// by then that changed its current value (`committed`, when history was read) and its
/// checked_on (when not after `as_of`). Empty without either. `id` names it in `committed` (""
/// for the North Star); none for a key result without one.
std::optional<CheckInFact> check_in(const KeyResult& k, const std::optional<std::string>& id,
                                    const std::optional<std::map<std::string, CheckIn>>& committed, Date as_of,
                                    int stale_after_days);

/// An epic's written update and when it last changed (`updates`, from the history read). An
/// in-progress build epic whose update is older than `stale_after_days` is stale; without
/// history, or with an update changed since the last commit, nothing is judged.
std::optional<EpicUpdate> update(const Stream& s, const Epic& e,
                                 const std::optional<std::map<std::string, CheckIn>>& updates, Date as_of,
                                 int stale_after_days);

/// The point changes are counted from, as the header names it.
SinceFacts since(const Trends& t);

/// Which way `delta` moved a value with this baseline and target: toward the target is better.
Direction direction(const std::optional<double>& baseline, const std::optional<double>& target, double delta);

}  // namespace boussole::facts
