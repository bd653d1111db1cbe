#pragma once
/// The roadmap format as data: every key of every entity, its type and its documentation.
/// The loader takes its known keys from here and `boussole schema` is generated from it,
/// so the two cannot disagree.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "boussole/date.hpp"

namespace boussole::format {

/// The mappings of the format.
enum class Entity {
    file,
    roadmap,
    north_star,
    lint,
    themes,
    report,
    period,
    person,
    metric,
    objective,
    key_result,
    stream,
    epic,
    task
};

/// What a key holds.
enum class Type {
    text,          ///< any scalar, read as text
    id,            ///< [a-z0-9][a-z0-9_-]*
    number,        ///< a plain number
    confidence,    ///< a number from 0 to 1
    whole_number,  ///< a non-negative integer
    date,          ///< YYYY-MM-DD
    period,        ///< YYYY-Qn, YYYY-Hn or {start, end}
    duration,      ///< 5d, 3w
    url,           ///< http(s)://...
    email,         ///< name@domain
    slack_id,      ///< a Slack member ID: U or W, then capitals and digits
    choice,        ///< one of `choices`
    texts,         ///< a list of text
    ids,           ///< a list of ids (references)
    severities,    ///< a mapping of rule id to severity
    mapping,       ///< a mapping of kind `child`
    mappings,      ///< a list of mappings of kind `child`
};

/// One key of an entity.
struct Key {
    std::string_view name;
    Type type;
    bool required;  ///< missing-field when absent
    std::string_view description;
    std::span<const std::string_view> choices = {};  ///< for Type::choice
    Entity child = Entity::file;                     ///< for Type::mapping and Type::mappings
    bool diffed = false;  ///< an epic key whose change `diff` reports generically (epic-field-changed)
};

/// The keys of an entity, in documentation order.
std::span<const Key> keys(Entity e);
/// Their names, for "did you mean" suggestions.
const std::vector<std::string>& key_names(Entity e);
/// One line about the entity, for the schema's descriptions.
std::string_view describe(Entity e);
/// The entity's name in the schema's definitions ("key_result", ...).
std::string_view name(Entity e);
/// Every entity, the file first.
std::span<const Entity> entities();

/// Epic statuses, task statuses, stream kinds, priorities, key-result cadences, severities, in the
/// format's spelling.
extern const std::span<const std::string_view> epic_statuses, task_statuses, stream_kinds, priorities, cadences,
    severity_names;

/// The identifier pattern, as a regular expression.
inline constexpr std::string_view id_pattern = "^[a-z0-9][a-z0-9_-]*$";

/// The key `name` of entity `e`; throws std::out_of_range when it has none.
const Key& key(Entity e, std::string_view name);

// ---- value types (types.cpp): one reader and one schema fragment per scalar type ----------

/// True for the types whose value is one scalar (not texts, ids, severities, mapping, mappings).
bool is_scalar(Type t);

/// A scalar as written: its text, and whether it was written plain (not quoted).
struct Scalar {
    std::string_view text;
    bool plain = true;
};

/// What a scalar reads as: text (ids, choices, URLs...), a number, a date or a period.
using Value = std::variant<std::string, double, Date, Period>;

/// A scalar read as the value of a key: the value, or why it is rejected, or neither (an
/// empty text counts as not written), or both: a value misspelt in one obvious way (`kind: Run`)
/// is reported and read as what it obviously means, so that no other rule judges it.
struct Read {
    std::optional<Value> value;
    std::string error;  ///< the message of an invalid-value, naming the key
    /// With an error: what may be written instead to fix it (the choice meant), most likely first.
    std::vector<std::string> suggestions = {};
};

/// Reads `s` as a value of `k`'s type, which must be a scalar type.
Read read_scalar(const Key& k, Scalar s);
/// Why a value that is not a scalar (`described`: "a list", "a mapping") is rejected for `k`.
std::string reject_non_scalar(const Key& k, std::string_view described);
/// The JSON Schema of a value of `k`'s type, as JSON text (without its description); for a
/// scalar type, a list of text or a list of ids, not for the types that hold entities or rules.
std::string schema_of(const Key& k);

}  // namespace boussole::format
