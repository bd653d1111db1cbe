#pragma once
/// "Did you mean" suggestions.

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace boussole {

/// `s` lower-cased, with accented Latin letters written as their base letters (`Qualité` →
/// `qualite`, `Œuvre` → `oeuvre`); other characters are kept.
std::string fold_to_ascii(std::string_view s);

/// An id made of a text's letters and digits, lower case, words joined by `-` (`Théo Lefèvre`
/// → `theo-lefevre`); empty when the text has none.
std::string id_from_text(std::string_view text);

/// Edit distance (insertions, deletions, substitutions, adjacent swaps) between two strings, in
/// characters, blind to case and to accents.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// How many edits a typo of `word` may hold: more for longer words (as ninja's SpellcheckString).
std::size_t typo_limit(std::string_view word);

/// How far `written` is from a way of writing `name` (a person's name, a title): the whole name,
/// one of its words, or its words' beginnings in order (`h-laurent` for "Hélène Laurent", one
/// edit away),
/// blind to case, accents and to whether words are separated by spaces, `-`, `_` or `.`;
/// empty when too far to be a likely way of writing it (typo_limit).
std::optional<std::size_t> name_distance(std::string_view written, std::string_view name);

/// The candidate closest to `word`, when close enough to be a likely typo.
std::optional<std::string> closest_match(std::string_view word, std::span<const std::string> candidates);

/// " (did you mean 'x'?)" when a close candidate exists, else "".
std::string did_you_mean(std::string_view word, std::span<const std::string> candidates);

}  // namespace boussole
