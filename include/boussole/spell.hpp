#pragma once
/// "Did you mean" suggestions.

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

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

/// issue 17: closest_match() over one list of candidates asked many times (every unknown id of
/// a roadmap against its ids): the same answers, with the candidates folded once and grouped by
/// length (a typo within the limit changes the length by at most the limit), each distance
/// abandoned as soon as it exceeds the best so far, and each word's answer kept. Past
/// `max_words` distinct words, no more are searched and the answer is empty: so many unknown
/// ids are a missing file, not typos, and the search stays linear in the candidates.
class Speller {
public:
    explicit Speller(std::span<const std::string> candidates, std::size_t max_words = 256);
    [[nodiscard]] std::optional<std::string> closest(std::string_view word);
    /// " (did you mean 'x'?)" as did_you_mean() writes it, or "".
    [[nodiscard]] std::string did_you_mean(std::string_view word);

private:
    std::vector<std::string> words_;
    std::vector<std::u32string> folded_;
    std::map<std::size_t, std::vector<std::size_t>> by_length_;  // folded length -> indexes, in order
    std::map<std::string, std::optional<std::string>, std::less<>> answers_;
    std::size_t max_words_;
};

}  // namespace boussole
