#pragma once
/// The roadmap model: plain structs with a source position on everything a diagnostic may
/// point at. Rules and reports read this, never YAML.

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "boussole/date.hpp"
#include "boussole/diagnostic.hpp"
#include "boussole/source.hpp"

namespace boussole {

/// One value read from the roadmap, with where it was written.
template <class T>
struct Field {
    std::optional<T> value;  ///< set when the key was given a valid, non-empty value
    SourcePos pos;           ///< the value's position (the key's when the value is empty)
    bool present = false;    ///< the key was written
    bool invalid = false;    ///< the key was written with a value that was rejected

    /// True when a valid value is held.
    explicit operator bool() const { return value.has_value(); }
    /// The held value; only call when `bool(*this)`.
    const T& operator*() const { return *value; }
    /// Member access to the held value.
    const T* operator->() const { return &*value; }
    /// The value, or `fallback` when none is held.
    T value_or(T fallback) const { return value ? *value : std::move(fallback); }
    /// True when the field was not written, or written empty (a rejected value does not count).
    [[nodiscard]] bool missing() const { return !value && !invalid; }
};

/// A member of the team.
struct Person {
    SourcePos pos;
    Field<std::string> id, name, role, email;
    std::vector<Field<std::string>> responsibilities;
};

/// An entry of the metric catalogue.
struct Metric {
    SourcePos pos;
    Field<std::string> id, name, unit, definition, dashboard, owner;
};

/// (current - baseline) / (target - baseline) clamped to 0..1 (also for metrics that must go
/// down); empty when a value is missing or target equals baseline.
std::optional<double> key_result_progress(std::optional<double> baseline, std::optional<double> target,
                                          std::optional<double> current);

/// A measurable key result (also the shape of the North Star, which has no id).
struct KeyResult {
    SourcePos pos;
    Field<std::string> id, title, metric, unit, owner;
    Field<double> baseline, target, current, confidence;

    /// (current - baseline) / (target - baseline) clamped to 0..1; works for metrics that must
    /// go down. Empty when baseline, target or current is missing, or target equals baseline.
    [[nodiscard]] std::optional<double> progress() const;
    /// The OKR score, 0.0-1.0: the progress.
    [[nodiscard]] std::optional<double> score() const { return progress(); }
};

/// A qualitative objective with its key results.
struct Objective {
    SourcePos pos;
    Field<std::string> id, title, owner;
    std::vector<KeyResult> key_results;
};

/// What a stream holds: planned build work, or the operational run and ad-hoc requests.
enum class StreamKind { build, run };
/// Where an epic stands.
enum class EpicStatus { planned, in_progress, blocked, done, dropped };
/// Where a task stands.
enum class TaskStatus { todo, doing, done, dropped };

/// The spelling of an epic status in the format (`in-progress`, ...).
std::string_view to_string(EpicStatus s);
/// The spelling of a task status in the format.
std::string_view to_string(TaskStatus s);
/// The spelling of a stream kind in the format.
std::string_view to_string(StreamKind k);

/// A unit of work inside an epic.
struct Task {
    SourcePos pos;
    Field<std::string> id, title, owner;
    Field<TaskStatus> status;
    Field<Date> due;

    /// The status, `todo` when none is written.
    [[nodiscard]] TaskStatus effective_status() const { return status.value_or(TaskStatus::todo); }
};

/// A piece of work with one accountable owner, inside a stream.
struct Epic {
    SourcePos pos;
    Field<std::string> id, title, owner, priority, estimate, dropped_reason;
    std::vector<Field<std::string>> contributors, deliverables, depends_on, key_results;
    Field<EpicStatus> status;
    Field<Date> start, due;
    std::vector<Task> tasks;

    /// The status, `planned` when none is written.
    [[nodiscard]] EpicStatus effective_status() const { return status.value_or(EpicStatus::planned); }
    /// Share of its non-dropped tasks that are done; without such tasks, 1 when done else 0.
    [[nodiscard]] double progress() const;
    /// Neither done nor dropped.
    [[nodiscard]] bool open() const {
        const EpicStatus s = effective_status();
        return s != EpicStatus::done && s != EpicStatus::dropped;
    }
    /// Open and due before `as_of`.
    [[nodiscard]] bool overdue(Date as_of) const { return open() && due && *due < as_of; }
};

/// One of the roadmap's few MECE themes.
struct Stream {
    SourcePos pos;
    Field<std::string> id, title, owner, description;
    Field<StreamKind> kind;
    std::vector<Epic> epics;

    /// True for a `run` stream (the operational run and ad-hoc requests).
    [[nodiscard]] bool is_run() const { return kind.value_or(StreamKind::build) == StreamKind::run; }
    /// Mean progress of its non-dropped epics; empty when it has none.
    [[nodiscard]] std::optional<double> progress() const;
};

/// A rule severity set under `roadmap.lint.rules`.
struct RuleSetting {
    Field<std::string> rule;  ///< the rule id as written (pos = the key)
    Severity severity = Severity::error;
};

/// `roadmap.report`: settings of the status report.
struct ReportSettings {
    Field<double> max_open_epics;    ///< flag an owner above this many open epics (default 4)
    Field<double> stale_after_days;  ///< flag a key result not checked in for longer (default 14)
};

/// `roadmap.lint`: rule settings kept with the roadmap.
struct LintSettings {
    std::vector<RuleSetting> rules;
    /// The rules' options, by path under roadmap.lint ("themes.min"): the whole numbers written there.
    std::map<std::string, Field<double>, std::less<>> options;
};

/// The `roadmap` block.
struct RoadmapInfo {
    SourcePos pos;
    Field<std::string> name, team, mission;
    Field<Period> period;
    std::optional<KeyResult> north_star;
    LintSettings lint;
    ReportSettings report;
};

/// How a key result's score compares with the share of the period elapsed.
enum class Pace { no_data, on_track, behind_pace, at_risk };
/// The words for a pace in reports: "on track", "behind pace", "at risk", "no data".
std::string_view to_string(Pace p);
/// On track when the score is at most 0.10 behind the elapsed share, behind pace up to 0.25
/// behind, at risk beyond; no data without a score.
Pace pace_of(std::optional<double> score, double elapsed_share);

/// A whole roadmap tree, merged from all its files in reading order.
struct Roadmap {
    std::string root;  ///< the PATH as given (where tree-wide findings point when no file was read)
    std::vector<SourceFile> files;
    std::vector<RoadmapInfo> roadmap_blocks;  ///< every `roadmap` block found; the first one counts
    std::vector<Person> people;
    std::vector<Metric> metrics;
    std::vector<Objective> objectives;
    std::vector<Stream> streams;
    std::vector<Finding> load_findings;  ///< problems found while reading (syntax, types, keys)
    std::size_t unparsable_files = 0;    ///< files (or documents) that could not be parsed at all

    /// The `roadmap` block in force, or null when there is none.
    [[nodiscard]] const RoadmapInfo* info() const { return roadmap_blocks.empty() ? nullptr : &roadmap_blocks.front(); }
    /// Mean progress over every non-dropped epic; empty when there is none.
    [[nodiscard]] std::optional<double> progress() const;
    /// The owner of a key result: its own, else its objective's.
    [[nodiscard]] static const Field<std::string>& owner_of(const Objective& o, const KeyResult& kr) {
        return kr.owner ? kr.owner : o.owner;
    }
};

}  // namespace boussole
