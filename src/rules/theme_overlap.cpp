#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <queue>
#include <set>
#include <unordered_map>

#include "boussole/spell.hpp"
#include "rules/rule.hpp"

namespace boussole::rules {

namespace {

// Lower-case words without small words and plural s: "CRM & Lead Routing" -> {crm, lead, routing}.
std::vector<std::string> words(std::string_view title) {
    static const std::set<std::string, std::less<>> small{"a",  "an",   "and", "the", "of", "for", "to",  "in",
                                                          "on", "with", "et",  "de",  "la", "le",  "les", "des"};
    std::vector<std::string> out;
    std::string w;
    auto flush = [&] {
        if (w.size() > 3 && w.back() == 's') w.pop_back();
        if (!w.empty() && !small.contains(w)) out.push_back(w);
        w.clear();
    };
    for (char c : title) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || u >= 0x80) {
            w.push_back(static_cast<char>(std::tolower(u)));
        } else {
            flush();
        }
    }
    flush();
    return out;
}

// The numbers a title holds: "Wave 1" and "Wave 2" are two themes, not a typo.
std::string digits(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words)
        for (char c : w)
            if (c >= '0' && c <= '9') out.push_back(c);
    return out;
}

// Titles shorter than this are near-duplicates only when they have the same words: `CRM` and
// `CPQ`, or `X` and `Y`, are different themes.
constexpr std::size_t min_similar_length = 8;

// A title as the comparison needs it, computed once per distinct title.
struct Title {
    std::vector<std::string> words;   // in order
    std::vector<std::string> sorted;  // the same words sorted: equal sets of words are one theme
    std::string joined;               // the words joined by one space
    std::string digits;
    std::size_t first = 0;  // the first stream holding it
    std::size_t last = 0;   // the last one
};

bool overlap(const Title& a, const Title& b) {
    if (a.words.empty() || b.words.empty() || a.digits != b.digits) return false;
    if (a.sorted == b.sorted) return true;
    // A few edits apart only means a typo in a title long enough for the edits to be few.
    const std::string &ja = a.joined, &jb = b.joined;
    const std::size_t limit = std::max<std::size_t>(1, std::min(ja.size(), jb.size()) / 8);
    if (std::min(ja.size(), jb.size()) < min_similar_length) return false;
    const std::size_t length_gap = ja.size() > jb.size() ? ja.size() - jb.size() : jb.size() - ja.size();
    return length_gap <= limit && edit_distance(ja, jb) <= limit;
}

// The three-character pieces of a title's folded text (as edit_distance compares it: case
// and accents folded), each with its occurrence number so that repeats count.
std::vector<std::u32string> pieces(std::string_view joined) {
    const std::string folded = fold_to_ascii(joined);
    std::u32string cps;
    for (std::size_t i = 0; i < folded.size();) {
        const auto c = static_cast<unsigned char>(folded[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
        for (std::size_t k = 1; k < len && i + k < folded.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(folded[i + k]) & 0x3F);
        cps.push_back(cp);
        i += len;
    }
    std::vector<std::u32string> out;
    std::map<std::u32string, char32_t> seen;
    for (std::size_t i = 0; i + 3 <= cps.size(); ++i) {
        std::u32string piece = cps.substr(i, 3);
        piece.push_back(seen[piece]++);  // the occurrence number
        out.push_back(std::move(piece));
    }
    return out;
}

// False when `a` and `b` (pieces sorted) cannot overlap: a quick test of what overlap()
// needs, before its edit distance. Titles of the same words always pass.
bool could_overlap(const Title& a, const std::vector<std::uint32_t>& pa, const Title& b,
                   const std::vector<std::uint32_t>& pb) {
    if (a.sorted == b.sorted) return true;
    const std::size_t shorter = std::min(a.joined.size(), b.joined.size());
    if (shorter < min_similar_length) return false;
    const std::size_t limit = shorter / 8;
    const std::size_t gap =
        a.joined.size() > b.joined.size() ? a.joined.size() - b.joined.size() : b.joined.size() - a.joined.size();
    if (gap > limit) return false;
    const std::size_t longer = std::max(pa.size(), pb.size()) + 2;  // folded code points
    if (longer < 3 + 4 * limit) return true;
    std::size_t common = 0;
    for (std::size_t i = 0, j = 0; i < pa.size() && j < pb.size();) {
        if (pa[i] < pb[j]) {
            ++i;
        } else if (pb[j] < pa[i]) {
            ++j;
        } else {
            ++common, ++i, ++j;
        }
    }
    return common >= longer - 2 - 4 * limit;
}

// How many distinct titles may share a piece for it to be looked up (see first_overlaps): a
// roadmap of fewer streams is compared exactly as pair by pair; one of tens of thousands of
// streams stays near-linear. boussole(1) and the rule's help say so.
constexpr std::size_t max_sharing = 1000;

// For every distinct title, the first stream of another title it overlaps (or none).
//
// Comparing every pair of streams is quadratic: 100,000 stream files did not finish. Titles
// that overlap have the same sorted words, or are at most `limit` edits (of one character or
// a swap of two) apart, with limit <= length/8 in bytes. An edit changes at most four of the
// three-character pieces of the folded text, so two such titles share at least
// F - 2 - 4 * limit of them (F: the code points of either). Any F - 2 - t + 1 pieces of a
// title (t: that bound) therefore hold one of the other's: looking up only the title's rarest
// pieces finds every title it can overlap, and nothing is missed. A title too short or too
// unusual for the bound (non-Latin scripts) is compared with every title of the same digits.
std::vector<std::optional<std::size_t>> first_overlaps(const std::vector<Title>& titles) {
    const std::size_t n = titles.size();
    std::map<std::vector<std::string>, std::vector<std::size_t>> by_words;
    std::map<std::string, std::vector<std::size_t>> by_digits;
    // Pieces and digit strings numbered, so that a piece of a title is one integer.
    std::unordered_map<std::u32string, std::uint32_t> piece_ids;
    std::unordered_map<std::string, std::uint32_t> digit_ids;
    auto key = [&](const Title& t, std::uint32_t piece) {
        return (std::uint64_t{digit_ids.emplace(t.digits, digit_ids.size()).first->second} << 32) | piece;
    };
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> by_piece;
    std::vector<std::vector<std::uint32_t>> title_pieces(n);
    for (std::size_t d = 0; d < n; ++d) {
        const Title& t = titles[d];
        if (t.words.empty()) continue;
        by_words[t.sorted].push_back(d);
        if (t.joined.size() < min_similar_length) continue;
        by_digits[t.digits].push_back(d);
        for (std::u32string& p : pieces(t.joined)) {
            const std::uint32_t id = piece_ids.emplace(std::move(p), piece_ids.size()).first->second;
            title_pieces[d].push_back(id);
            by_piece[key(t, id)].push_back(d);
        }
    }
    for (std::vector<std::uint32_t>& p : title_pieces) std::sort(p.begin(), p.end());
    std::vector<std::optional<std::size_t>> out(n);
    using List = const std::vector<std::size_t>*;
    std::vector<List> lists;
    for (std::size_t d = 0; d < n; ++d) {
        const Title& t = titles[d];
        if (t.words.empty()) continue;
        lists.assign(1, &by_words[t.sorted]);
        if (t.joined.size() >= min_similar_length) {
            const std::vector<std::uint32_t>& mine = title_pieces[d];
            const std::size_t limit = t.joined.size() / 8;
            const std::size_t folded = mine.size() + 2;  // code points of the folded text
            if (folded >= 3 + 4 * limit) {
                const std::size_t shared = folded - 2 - 4 * limit;  // at least 1
                const std::size_t look = mine.size() - shared + 1;
                const std::size_t start = lists.size();
                for (const std::uint32_t p : mine) lists.push_back(&by_piece[key(t, p)]);
                std::sort(lists.begin() + static_cast<std::ptrdiff_t>(start), lists.end(),
                          [](List x, List y) { return x->size() < y->size(); });
                lists.resize(start + look);
            } else {
                lists.push_back(&by_digits[t.digits]);
            }
            // A piece (or, for a title the pieces cannot narrow, a set of digits) that more than
            // `max_sharing` titles share points at no typo in particular: it is not looked up.
            const auto common = [](List l) { return l->size() > max_sharing; };
            lists.erase(std::remove_if(lists.begin() + 1, lists.end(), common), lists.end());
        }
        // The candidates in the order of their first stream (the order of the titles), merged
        // from the lists (each in that order), up to the last stream of this title: the first
        // one that overlaps is the one to name.
        using Head = std::pair<std::size_t, std::size_t>;  // title, list
        std::priority_queue<Head, std::vector<Head>, std::greater<>> heads;
        std::vector<std::size_t> at(lists.size(), 0);
        for (std::size_t k = 0; k < lists.size(); ++k)
            if (!lists[k]->empty()) heads.emplace((*lists[k])[0], k);
        std::optional<std::size_t> previous;
        while (!heads.empty()) {
            const auto [c, k] = heads.top();
            heads.pop();
            if (titles[c].first >= t.last) break;
            if (++at[k] < lists[k]->size()) heads.emplace((*lists[k])[at[k]], k);
            if (c == previous) continue;
            previous = c;
            if (c == d || !could_overlap(t, title_pieces[d], titles[c], title_pieces[c]) || !overlap(t, titles[c]))
                continue;
            out[d] = titles[c].first;
            break;
        }
    }
    return out;
}

void check(const LintContext& ctx, Reporter& out) {
    const auto& streams = ctx.roadmap.streams;
    // Streams with the same words in the same order share one Title.
    std::vector<Title> titles;
    std::map<std::vector<std::string>, std::size_t> index;
    std::vector<std::size_t> title_of(streams.size());
    for (std::size_t i = 0; i < streams.size(); ++i) {
        std::vector<std::string> w = streams[i].title ? words(*streams[i].title) : std::vector<std::string>{};
        const auto [it, inserted] = index.emplace(w, titles.size());
        if (inserted) {
            Title& t = titles.emplace_back();
            t.words = std::move(w);
            t.sorted = t.words;
            std::sort(t.sorted.begin(), t.sorted.end());
            t.joined = fmt::format("{}", fmt::join(t.words, " "));
            t.digits = digits(t.words);
            t.first = i;
        }
        title_of[i] = it->second;
        titles[it->second].last = i;
    }
    const std::vector<std::optional<std::size_t>> other = first_overlaps(titles);
    for (std::size_t i = 1; i < streams.size(); ++i) {
        const Title& t = titles[title_of[i]];
        // The first earlier stream it overlaps: one of the same title, or of another one.
        std::optional<std::size_t> j = other[title_of[i]];
        if (!t.words.empty() && t.first < i && (!j || t.first < *j)) j = t.first;
        if (!j || *j >= i) continue;
        out.report(
            streams[i].title.pos,
            fmt::format("stream title '{}' overlaps '{}' (first at {}): streams should not overlap", *streams[i].title,
                        *streams[*j].title, where(ctx.roadmap, streams[*j].title.pos, streams[i].title.pos)));
    }
}

}  // namespace

const Rule theme_overlap{
    .id = RuleId::theme_overlap,
    .default_severity = Severity::warning,
    .summary = "two streams have the same or nearly the same title",
    .why =
        "Streams are meant to be mutually exclusive: two themes with one name split the same work "
        "between two owners, and nobody knows where a new request goes. (Past 1,000 streams, a "
        "typo is looked for only through pieces of title text that at most 1,000 titles share.)",
    .bad = "- {id: crm, title: CRM hygiene}\n- {id: crm-data, title: CRM Hygiene}",
    .good = "- {id: crm, title: CRM hygiene}\n- {id: routing, title: Lead routing}",
    .check = &check,
};

}  // namespace boussole::rules
