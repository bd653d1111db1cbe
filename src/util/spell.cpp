#include "boussole/spell.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <vector>

#include <fmt/format.h>

namespace boussole {

namespace {

// The next code point of `s` at `i` (advanced past it); an invalid byte stands for itself.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    const std::size_t n = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) {
        ++i;
        return b0;
    }
    char32_t cp = n == 1 ? b0 : n == 2 ? (b0 & 0x1F) : n == 3 ? (b0 & 0x0F) : (b0 & 0x07);
    for (std::size_t k = 1; k < n; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b >> 6) != 0x2) {
            ++i;
            return b0;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    i += n;
    return cp;
}

// The ASCII letters an accented Latin letter is written with when accents are dropped, or null.
const char* latin_base(char32_t c) {
    // U+00C0..U+00FF, lower and upper case alike.
    static constexpr const char* latin1[64] = {
        "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",
        "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",
        "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",
        "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};
    if (c >= 0xC0 && c <= 0xFF) return latin1[c - 0xC0];
    switch (c) {
        case 0x152:
        case 0x153:
            return "oe";
        case 0x178:
            return "y";
        case 0x160:
        case 0x161:
            return "s";
        case 0x17D:
        case 0x17E:
            return "z";
        case 0x141:
        case 0x142:
            return "l";
        default:
            return nullptr;
    }
}

// The folded code points of `s`: ASCII lower-cased, accented Latin letters as their base letters.
std::u32string folded_code_points(std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        const char32_t c = next_code_point(s, i);
        if (c < 0x80) {
            out.push_back(static_cast<char32_t>(std::tolower(static_cast<int>(c))));
        } else if (const char* base = latin_base(c)) {
            for (const char* p = base; *p; ++p) out.push_back(static_cast<char32_t>(*p));
        } else {
            out.push_back(c);
        }
    }
    return out;
}

}  // namespace

std::string fold_to_ascii(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t start = i;
        const char32_t c = next_code_point(s, i);
        if (c < 0x80) {
            out.push_back(static_cast<char>(std::tolower(static_cast<int>(c))));
        } else if (const char* base = latin_base(c)) {
            out += base;
        } else {
            out.append(s.substr(start, i - start));
        }
    }
    return out;
}

std::string id_from_text(std::string_view text) {
    std::string out;
    for (const char c : fold_to_ascii(text)) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x80 && std::isalnum(u)) {
            out.push_back(static_cast<char>(std::tolower(u)));
        } else if (!out.empty() && out.back() != '-') {
            out.push_back('-');
        }
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

namespace {

// The optimal string alignment distance of two folded texts; once every cell of a row exceeds
// `bound`, the distance does too and `bound + 1` is returned.
std::size_t folded_distance(const std::u32string& a, const std::u32string& b,
                            std::size_t bound = std::numeric_limits<std::size_t>::max() - 1) {
    const std::size_t n = a.size(), m = b.size();
    // Every edit changes the length by one at most, and a distance of 0 is equality.
    if ((n > m ? n - m : m - n) > bound) return bound + 1;
    if (bound == 0) return a == b ? 0 : 1;
    // Three rows, kept between calls (a search computes thousands of distances): no allocation.
    thread_local std::vector<std::size_t> prev2, prev, cur;
    prev2.assign(m + 1, 0);
    prev.resize(m + 1);
    cur.assign(m + 1, 0);
    for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        std::size_t row_min = cur[0];
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            row_min = std::min(row_min, cur[j]);
        }
        // A transposition reaches back two rows: stop only when both are past the bound.
        if (row_min > bound && i > 1 &&
            *std::min_element(prev.begin(), prev.begin() + static_cast<std::ptrdiff_t>(m + 1)) > bound)
            return bound + 1;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return std::min(prev[m], bound + 1);
}

}  // namespace

std::size_t edit_distance(std::string_view a_in, std::string_view b_in) {
    // Optimal string alignment distance over characters, blind to case and accents: `Owner` is
    // a typo of `owner`, `Hélène` of `helene`.
    return folded_distance(folded_code_points(a_in), folded_code_points(b_in));
}

std::size_t typo_limit(std::string_view word) {
    // As ninja's SpellcheckString: a typo is a few edits away, relative to the word's length
    // in characters.
    const std::size_t length = folded_code_points(word).size();
    return std::max<std::size_t>(1, std::min<std::size_t>(3, (length + 1) / 3));
}

namespace {

// The words of `s`, folded, split at spaces and at the separators ids use (`-`, `_`, `.`).
std::vector<std::u32string> folded_words(std::string_view s) {
    std::vector<std::u32string> words(1);
    for (const char32_t c : folded_code_points(s)) {
        if (c == U' ' || c == U'\t' || c == U'-' || c == U'_' || c == U'.' || c == U',') {
            if (!words.back().empty()) words.emplace_back();
        } else {
            words.back().push_back(c);
        }
    }
    if (words.back().empty()) words.pop_back();
    return words;
}

std::string to_utf8(const std::u32string& s) {
    std::string out;
    for (const char32_t c : s) {
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (c < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (c >> 12)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (c >> 18)));
            out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

std::string joined_words(const std::vector<std::u32string>& words) {
    std::string out;
    for (const std::u32string& w : words) {
        if (!out.empty()) out += ' ';
        out += to_utf8(w);
    }
    return out;
}

}  // namespace

std::optional<std::size_t> name_distance(std::string_view written, std::string_view name) {
    const std::vector<std::u32string> typed = folded_words(written), words = folded_words(name);
    if (typed.empty() || words.empty()) return std::nullopt;
    const std::size_t limit = typo_limit(written);
    // The whole name, however its words are separated.
    std::size_t best = edit_distance(joined_words(typed), joined_words(words));
    // One of its words (a first name, a family name), when one word is written.
    if (typed.size() == 1)
        for (const std::u32string& w : words)
            if (w.size() >= 2) best = std::min(best, edit_distance(to_utf8(typed.front()), to_utf8(w)));
    // The beginnings of its words, in order: at least three letters in all; counted as one
    // edit, so that a typo of an id or a whole word is not beaten by a mere beginning.
    std::size_t next = 0, letters = 0;
    bool all = true;
    for (const std::u32string& t : typed) {
        while (next < words.size() && !words[next].starts_with(t)) ++next;
        if (next == words.size()) {
            all = false;
            break;
        }
        letters += t.size();
        ++next;
    }
    if (all && letters >= 3) best = std::min<std::size_t>(best, 1);  // as far as one typo: a whole word wins
    if (best > limit) return std::nullopt;
    return best;
}

std::optional<std::string> closest_match(std::string_view word, std::span<const std::string> candidates) {
    const std::size_t limit = typo_limit(word);
    std::optional<std::string> best;
    std::size_t best_distance = limit + 1;
    for (const std::string& c : candidates) {
        if (c == word) continue;
        const std::size_t d = edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    return best;
}

std::string did_you_mean(std::string_view word, std::span<const std::string> candidates) {
    if (auto m = closest_match(word, candidates)) return fmt::format(" (did you mean '{}'?)", *m);
    return {};
}

Speller::Speller(std::span<const std::string> candidates, std::size_t max_words)
    : words_(candidates.begin(), candidates.end()), max_words_(max_words) {
    folded_.reserve(words_.size());
    for (std::size_t i = 0; i < words_.size(); ++i) {
        folded_.push_back(folded_code_points(words_[i]));
        by_length_[folded_.back().size()].push_back(i);
    }
}

std::optional<std::string> Speller::closest(std::string_view word) {
    if (const auto it = answers_.find(word); it != answers_.end()) return it->second;
    if (answers_.size() >= max_words_) return std::nullopt;
    // closest_match()'s answer: the first candidate, in order, at the least distance within the limit.
    const std::u32string w = folded_code_points(word);
    const std::size_t limit = typo_limit(word);
    std::size_t best_distance = limit + 1, best = words_.size();
    const std::size_t low = w.size() > limit ? w.size() - limit : 0;
    for (auto it = by_length_.lower_bound(low); it != by_length_.end() && it->first <= w.size() + limit; ++it)
        for (const std::size_t i : it->second) {
            if (words_[i] == word) continue;
            // A tie goes to the earlier candidate: a later one must be strictly closer.
            if (i > best && best_distance == 0) continue;
            const std::size_t bound = i < best ? best_distance : best_distance - 1;
            const std::size_t d = folded_distance(w, folded_[i], bound);
            if (d > limit) continue;
            if (d < best_distance || (d == best_distance && i < best)) {
                best_distance = d;
                best = i;
            }
        }
    std::optional<std::string> answer;
    if (best < words_.size()) answer = words_[best];
    answers_.emplace(std::string(word), answer);
    return answer;
}

std::string Speller::did_you_mean(std::string_view word) {
    if (auto m = closest(word)) return fmt::format(" (did you mean '{}'?)", *m);
    return {};
}

}  // namespace boussole
