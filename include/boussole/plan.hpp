#pragma once
/// The plan as facts that can be compared between two states of a roadmap (two commits, a
/// commit and the working tree): what `diff`, `recap` and the stale check-ins read.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "boussole/date.hpp"
#include "boussole/model.hpp"

namespace boussole {

/// What is compared of an epic.
struct EpicFacts {
    std::string id, title, stream, owner, dropped_reason, file;
    StreamKind stream_kind = StreamKind::build;
    EpicStatus status = EpicStatus::planned;
    std::optional<Date> due;
    double progress = 0;

    /// Neither done nor dropped.
    [[nodiscard]] bool open() const { return status != EpicStatus::done && status != EpicStatus::dropped; }
};

/// What is compared of a key result (or of the North Star, which has no id).
struct KrFacts {
    std::string id, title, objective, objective_title, unit;
    std::optional<double> baseline, target, current;

    /// The score 0..1 as KeyResult::progress computes it.
    [[nodiscard]] std::optional<double> score() const;
};

/// What is compared of a stream.
struct StreamFacts {
    std::string id, title;
    StreamKind kind = StreamKind::build;
};

/// The facts of a roadmap state. Entities without an id cannot be followed and are counted
/// apart; of two with one id, the first in reading order counts.
struct Snapshot {
    bool present = true;  ///< false when PATH does not exist in this state
    std::optional<Period> period;
    std::string name;
    std::optional<KrFacts> north_star;
    std::vector<StreamFacts> streams;
    std::vector<EpicFacts> epics;
    std::vector<KrFacts> key_results;
    std::vector<std::pair<std::string, std::string>> people;  ///< (id, name) of those with both
    std::size_t unparsable_files = 0;  ///< files that could not be parsed: their facts are missing
    std::size_t anonymous = 0;         ///< streams, epics and key results without an id

    /// Adds the facts of the next file in reading order.
    void append(const Snapshot& next);
    /// Builds the id indexes; call once all files are appended.
    void index();

    [[nodiscard]] const EpicFacts* epic(std::string_view id) const;
    [[nodiscard]] const KrFacts* key_result(std::string_view id) const;
    [[nodiscard]] const StreamFacts* stream(std::string_view id) const;
    /// A person's name when declared, else the id itself.
    [[nodiscard]] const std::string& person(const std::string& id) const;

private:
    std::unordered_map<std::string, std::size_t> epic_index_, kr_index_, stream_index_, person_index_;
};

/// The facts of a loaded roadmap, indexed.
Snapshot snapshot_of(const Roadmap& roadmap);

/// The kinds of semantic change between two states.
enum class ChangeKind {
    stream_added,
    stream_removed,
    epic_added,
    epic_removed,
    epic_moved,      ///< to another stream
    status_changed,  ///< of an epic
    owner_changed,   ///< of an epic
    due_changed,     ///< of an epic; `days` says by how much
    kr_added,
    kr_removed,
    target_changed,   ///< of a key result or the North Star: the goalposts moved
    current_changed,  ///< of a key result or the North Star: a check-in
    period_changed,
};
/// The kebab-case name of a change kind, as in JSON (`epic-added`, `target-changed`, ...).
std::string_view to_string(ChangeKind k);

/// One semantic change. `subject` is the id of the stream, epic or key result ("north-star"
/// for the North Star); `before` and `after` are the values as text.
struct Change {
    ChangeKind kind;
    std::string subject, title;
    std::string before, after;
    std::optional<int> days;  ///< due_changed: the shift in days (positive: later)
    bool north_star = false;  ///< the change is to the North Star
};

/// The changes from `a` to `b` in a stable order: streams, epics (in `b`'s order, then removed
/// ones in `a`'s), key results, North Star. Both snapshots must be indexed.
std::vector<Change> compare(const Snapshot& a, const Snapshot& b);

/// A number as the format writes it: 104000, 3.5, -2.
std::string format_value(double v);

}  // namespace boussole
