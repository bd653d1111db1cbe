#pragma once
/// The roadmap model: plain structs with a source position on everything a diagnostic may
/// point at. Rules and reports read this, never YAML.

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
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

    friend bool operator==(const Field&, const Field&) = default;
};

/// A member of the team.
struct Person {
    SourcePos pos;
    Field<std::string> id, name, role, email;
    std::vector<Field<std::string>> responsibilities;
    Field<std::string> slack;  ///< issue 16: a Slack member ID, for the digest's mentions

    friend bool operator==(const Person&, const Person&) = default;
};

/// An entry of the metric catalogue.
struct Metric {
    SourcePos pos;
    Field<std::string> id, name, unit, definition, dashboard, owner;

    friend bool operator==(const Metric&, const Metric&) = default;
};

/// (current - baseline) / (target - baseline) clamped to 0..1 (also for metrics that must go
/// down); empty when a value is missing or target equals baseline.
std::optional<double> key_result_progress(std::optional<double> baseline, std::optional<double> target,
                                          std::optional<double> current);

/// The language of the documents written for people (status report, recap, diff): `--lang`,
/// else `roadmap.language`, else English; never the machine's locale. Lint messages, `rules`,
/// help and man pages are English whatever it is.
enum class Language { en, fr };
/// The spelling of a language in the format and on the command line (`en`, `fr`).
std::string_view to_string(Language l);
/// The language spelled `s` (`en`, `fr`), or empty.
std::optional<Language> language_named(std::string_view s);

/// How often a key result is measured (`cadence`), in the order of the format's choices.
enum class Cadence { weekly, biweekly, monthly, quarterly };
/// The spelling of a cadence in the format (`weekly`, ...).
std::string_view to_string(Cadence c);
/// The days a cadence allows between two check-ins: 7, 14, 31 or 92 (the longest month and
/// quarter, so that a value measured on the same day of each month is never stale).
int cadence_days(Cadence c);

/// A measurable key result (also the shape of the North Star, which has no id).
struct KeyResult {
    SourcePos pos;
    Field<std::string> id, title, metric, unit, owner;
    Field<double> baseline, target, current, confidence;
    Field<Date> checked_on;  ///< the day `current` was last measured, even unchanged
    Field<Cadence> cadence;  ///< how often it is measured; the stale threshold when set

    /// (current - baseline) / (target - baseline) clamped to 0..1; works for metrics that must
    /// go down. Empty when baseline, target or current is missing, or target equals baseline.
    [[nodiscard]] std::optional<double> progress() const;
    /// The OKR score, 0.0-1.0: the progress.
    [[nodiscard]] std::optional<double> score() const { return progress(); }

    friend bool operator==(const KeyResult&, const KeyResult&) = default;
};

/// A qualitative objective with its key results.
struct Objective {
    SourcePos pos;
    Field<std::string> id, title, owner;
    std::vector<KeyResult> key_results;

    friend bool operator==(const Objective&, const Objective&) = default;
};

/// What a stream holds: planned build work, or the operational run and ad-hoc requests.
enum class StreamKind { build, run };
/// Where an epic stands.
enum class EpicStatus {
    planned,
    in_progress,
    blocked,
    done,
    dropped,
    // issue 14, item 5
    proposed,  ///< in the backlog: not planned work (no due date required, in no planned-work figure)
};
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

    friend bool operator==(const Task&, const Task&) = default;
};

/// A piece of work with one accountable owner, inside a stream.
struct Epic {
    SourcePos pos;
    Field<std::string> id, title, owner, priority, estimate, dropped_reason;
    std::vector<Field<std::string>> contributors, deliverables, depends_on, key_results;
    Field<EpicStatus> status;
    Field<Date> start, due;
    std::vector<Task> tasks;
    // issue 14, item 2: the owner's written update (done, next, blocked on what), free text.
    Field<std::string> update;

    /// The status, `planned` when none is written.
    [[nodiscard]] EpicStatus effective_status() const { return status.value_or(EpicStatus::planned); }
    /// Share of its non-dropped tasks that are done; without such tasks, 1 when done else 0.
    [[nodiscard]] double progress() const;
    /// The contributors' ids as written, without the owner and without repeats: who helps.
    [[nodiscard]] std::vector<std::string> helpers() const;
    /// Planned work not finished: planned, in progress or blocked (neither done, dropped nor proposed).
    [[nodiscard]] bool open() const {
        const EpicStatus s = effective_status();
        return s != EpicStatus::done && s != EpicStatus::dropped && s != EpicStatus::proposed;
    }
    /// In the backlog: proposed, not planned work.
    [[nodiscard]] bool proposed() const { return effective_status() == EpicStatus::proposed; }
    /// Open and due before `as_of`.
    [[nodiscard]] bool overdue(Date as_of) const { return open() && due && *due < as_of; }

    friend bool operator==(const Epic&, const Epic&) = default;
};

/// An epic's value of the format key `key` (format.hpp) as texts: a list's items as written, a
/// scalar as one text (a date in ISO form, a status as the format spells it), none when not
/// written; empty (nullopt) for a key that is not read as text (tasks) or not an epic key.
std::optional<std::vector<std::string>> epic_field(const Epic& e, std::string_view key);

/// One of the roadmap's few MECE themes.
struct Stream {
    SourcePos pos;
    Field<std::string> id, title, owner, description;
    Field<StreamKind> kind;
    std::vector<Epic> epics;

    /// True for a `run` stream (the operational run and ad-hoc requests).
    [[nodiscard]] bool is_run() const { return kind.value_or(StreamKind::build) == StreamKind::run; }
    /// Mean progress of its epics neither dropped nor proposed; empty when it has none.
    [[nodiscard]] std::optional<double> progress() const;

    friend bool operator==(const Stream&, const Stream&) = default;
};

/// A rule severity set under `roadmap.lint.rules`.
struct RuleSetting {
    Field<std::string> rule;  ///< the rule id as written (pos = the key)
    Severity severity = Severity::error;

    friend bool operator==(const RuleSetting&, const RuleSetting&) = default;
};

/// `roadmap.report`: settings of the status report.
struct ReportSettings {
    Field<double> max_open_epics;    ///< flag an owner above this many open epics (default 4)
    Field<double> stale_after_days;  ///< flag a key result not checked in for longer (default 14)

    friend bool operator==(const ReportSettings&, const ReportSettings&) = default;
};

/// `roadmap.lint`: rule settings kept with the roadmap.
struct LintSettings {
    std::vector<RuleSetting> rules;
    /// The rules' options, by path under roadmap.lint ("themes.min"): the whole numbers written there.
    std::map<std::string, Field<double>, std::less<>> options;

    friend bool operator==(const LintSettings&, const LintSettings&) = default;
};

/// The `roadmap` block.
struct RoadmapInfo {
    SourcePos pos;
    Field<std::string> name, team, mission;
    Field<Period> period;
    Field<Language> language;  ///< of the documents for people; English when absent
    std::optional<KeyResult> north_star;
    LintSettings lint;
    ReportSettings report;
    Field<std::string> champion;  ///< issue 16: the person who keeps the roadmap current (a person id)

    friend bool operator==(const RoadmapInfo&, const RoadmapInfo&) = default;
};

/// How a key result's score compares with the share of the period elapsed.
enum class Pace { no_data, on_track, behind_pace, at_risk };
/// A pace's fixed spelling, for programs and style classes (the report JSON, the charts' CSS):
/// "on-track", "behind-pace", "at-risk", "no-data"; the words a reader sees are the catalogue's.
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
    /// What the user should know about the tree that is no finding: each entry of a folder
    /// skipped while listing it (a symbolic link out of the tree, dangling or looping, a named
    /// pipe, socket or device with a YAML name, a folder reached twice), one sentence each.
    std::vector<std::string> notes;

    /// The files that could not be parsed, each with the first syntax error found in it
    /// (`path:line:column: message`), in reading order.
    [[nodiscard]] std::vector<std::string> unreadable_files() const;
    /// The `roadmap` block in force, or null when there is none.
    [[nodiscard]] const RoadmapInfo* info() const { return roadmap_blocks.empty() ? nullptr : &roadmap_blocks.front(); }
    /// The language of its documents for people: the block in force's `language`, else English.
    [[nodiscard]] Language language() const {
        return info() != nullptr && info()->language ? *info()->language : Language::en;
    }
    /// Mean progress over the planned work (is_planned_work: epics of build streams, not
    /// dropped); empty when there is none. The run stream's activities are never done.
    [[nodiscard]] std::optional<double> planned_progress() const;
    /// How many epics are planned work (is_planned_work).
    [[nodiscard]] std::size_t planned_epics() const;
    /// The owner of a key result: its own, else its objective's.
    [[nodiscard]] static const Field<std::string>& owner_of(const Objective& o, const KeyResult& kr) {
        return kr.owner ? kr.owner : o.owner;
    }
};

/// True for planned work: an epic of a build stream that is neither dropped nor proposed. Every
/// figure of "planned work" (report, recap) counts these.
[[nodiscard]] inline bool is_planned_work(const Stream& s, const Epic& e) {
    return !s.is_run() && e.effective_status() != EpicStatus::dropped && !e.proposed();
}

/// An epic with the stream that holds it.
struct EpicRef {
    const Stream* stream = nullptr;
    const Epic* epic = nullptr;
    std::size_t ordinal = 0;  ///< its place in RoadmapIndex::epic_ids
};

/// A key result with the objective that holds it.
struct KeyResultRef {
    const Objective* objective = nullptr;
    const KeyResult* key_result = nullptr;
};

/// A declared entity a text may stand for, and how.
struct NameMatch {
    std::string_view id;    ///< its id
    std::string_view name;  ///< its name, empty when it has none
    bool by_name = false;   ///< the text is a way of writing its name, not a typo of its id
};

/// The one index of a roadmap by id: what rules, reports and comparisons look up. Of two
/// entities of one kind with the same id, the first in reading order is indexed. Points into
/// the roadmap it was built from, which must outlive it and not move its entities.
struct RoadmapIndex {
    RoadmapIndex() = default;
    /// Indexes `roadmap`.
    explicit RoadmapIndex(const Roadmap& roadmap);

    /// Hashes an id held or viewed alike, so that a lookup by view copies nothing.
    struct IdHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view id) const noexcept { return std::hash<std::string_view>{}(id); }
    };
    template <class V>
    using ById = std::unordered_map<std::string, V, IdHash, std::equal_to<>>;

    ById<const Person*> people;
    ById<const Metric*> metrics;
    ById<const Stream*> streams;
    ById<EpicRef> epics;
    ById<KeyResultRef> key_results;
    /// The indexed ids of each kind, in reading order.
    std::vector<std::string> person_ids, metric_ids, stream_ids, epic_ids, key_result_ids;
    /// The indexed epics, in the order of epic_ids (what epic(epic_ids[k]) gives, without a lookup).
    std::vector<EpicRef> epic_refs;
    /// Streams, epics and key results without an id: they cannot be followed between states.
    std::size_t anonymous = 0;

    /// The person with this id, or null.
    [[nodiscard]] const Person* person(std::string_view id) const;
    /// The stream with this id, or null.
    [[nodiscard]] const Stream* stream(std::string_view id) const;
    /// The epic with this id (and its stream), or nulls.
    [[nodiscard]] EpicRef epic(std::string_view id) const;
    /// The key result with this id (and its objective), or nulls.
    [[nodiscard]] KeyResultRef key_result(std::string_view id) const;
    /// The declared people `written` most likely stands for when it is no person's id: a typo
    /// of their id, or their name written instead (whole, one word of it, or its words'
    /// beginnings), blind to case and accents. The closest ones, in reading order; empty when
    /// nobody is close enough to be meant.
    [[nodiscard]] std::vector<NameMatch> people_written_as(std::string_view written) const;
    /// The same for metrics: a typo of a metric's id, or its name written instead.
    [[nodiscard]] std::vector<NameMatch> metrics_written_as(std::string_view written) const;
    /// A person's name when declared with one, else `id` itself.
    [[nodiscard]] std::string_view person_name(std::string_view id) const;
    /// The unit a key result (or the North Star) is shown in: its own, else its metric's, else
    /// none.
    [[nodiscard]] std::string_view unit_of(const KeyResult& kr) const;
};

/// A roadmap as read at one point of its history (a commit, the working tree) with its index,
/// or the absence of PATH there. Cheap to copy: copies share the roadmap.
class Snapshot {
public:
    /// PATH does not exist in this state.
    Snapshot();
    /// The state holding `roadmap`.
    explicit Snapshot(Roadmap roadmap);

    /// False when PATH does not exist in this state (an empty roadmap is then read).
    [[nodiscard]] bool present() const { return present_; }
    /// The roadmap read.
    [[nodiscard]] const Roadmap& roadmap() const { return *roadmap_; }
    /// Its index.
    [[nodiscard]] const RoadmapIndex& index() const { return *index_; }
    /// The period, when the roadmap block has a valid one.
    [[nodiscard]] std::optional<Period> period() const;
    /// The North Star, when declared.
    [[nodiscard]] const KeyResult* north_star() const;

private:
    std::shared_ptr<const Roadmap> roadmap_;
    std::shared_ptr<const RoadmapIndex> index_;
    bool present_ = false;
};

/// Calls `fn(SourcePos&)` on every position `roadmap` holds (entities, values, findings); used
/// to place entities read from one file into a roadmap of several, or read from a part of a file.
void for_each_position(Roadmap& roadmap, const std::function<void(SourcePos&)>& fn);
/// Moves every position `roadmap` holds that points somewhere by `lines` and `columns`, and
/// makes it name file index `file`: entities read from a part of a file, or from one file of
/// several, placed where they stand.
void place_positions(Roadmap& roadmap, std::int64_t lines, std::int64_t columns, std::uint32_t file);
/// Moves the entities of `from` (its roadmap blocks, people, metrics, objectives and streams)
/// to the end of those of `to`, in order: a file read after the files before it, or a part of
/// a state put back with the others.
void append_entities(Roadmap& to, Roadmap& from);

}  // namespace boussole
