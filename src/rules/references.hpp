#pragma once
// The references of a roadmap (owners, contributors, metrics, dependencies, key results), and
// the duplicate ids that explain some of them: read by unknown-reference and duplicate-id, so
// that one mistake (an entity declared with another's id) gives one diagnostic, at its cause.

#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "rules/rule.hpp"

namespace boussole::rules {

/// What a reference names.
enum class RefKind { person, metric, epic, key_result };

/// "person", "metric", "epic", "key result".
std::string_view kind_name(RefKind k);

/// issue 17: the distinct unknown ids of one kind searched for a likely meaning (a typo, a
/// duplicate's name); past it, so many are a missing file, not typos, and a search of each
/// would make the rules quadratic in the roadmap.
inline constexpr std::size_t max_searched_unknown_ids = 256;
/// The same for people and metrics, whose names are searched too (a dearer search): past 64
/// distinct unknown people (or metrics), the people file is missing.
inline constexpr std::size_t max_searched_unknown_names = 64;

/// One reference as written.
struct Reference {
    RefKind kind;
    const Field<std::string>* id;  ///< holds a value
    std::string_view role;         ///< "owner", "contributor", "metric", "dependency", "key result"
};

/// Calls `fn` with every reference that must name a declared entity, in reading order by kind:
/// owners and contributors once people are declared, metrics once metrics are, dependencies and
/// key results always. Nothing is collected (issue 17: a list of them was a sixth of lint's peak
/// memory).
void for_each_reference(const Roadmap& r, const std::function<void(const Reference&)>& fn);

/// An entity declared under an id another of its kind already has, and the references to
/// nothing declared that most likely mean it: their id is a way of writing its name or title
/// (`theo` for a second `helene` named Théo Lefèvre), closer to it than to anything declared.
struct MisnamedDuplicate {
    RefKind kind = RefKind::person;
    const Field<std::string>* id = nullptr;  ///< the duplicate's id
    /// The ids it most likely had to have, most named first, each with where it is named
    /// (reading order).
    std::vector<std::pair<std::string, std::vector<SourcePos>>> meant;
};

/// The duplicates of person, metric, epic and key result ids that explain unknown references,
/// in reading order.
std::vector<MisnamedDuplicate> misnamed_duplicates(const Roadmap& r, const RoadmapIndex& ix);

}  // namespace boussole::rules
