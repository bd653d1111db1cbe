#include <algorithm>
#include <cctype>
#include <set>

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

bool overlap(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.empty() || b.empty() || digits(a) != digits(b)) return false;
    std::vector<std::string> sa = a, sb = b;
    std::sort(sa.begin(), sa.end());
    std::sort(sb.begin(), sb.end());
    if (sa == sb) return true;
    // A few edits apart only means a typo in a title long enough for the edits to be few.
    const std::string ja = fmt::format("{}", fmt::join(a, " ")), jb = fmt::format("{}", fmt::join(b, " "));
    const std::size_t limit = std::max<std::size_t>(1, std::min(ja.size(), jb.size()) / 8);
    if (std::min(ja.size(), jb.size()) < min_similar_length) return false;
    const std::size_t length_gap = ja.size() > jb.size() ? ja.size() - jb.size() : jb.size() - ja.size();
    return length_gap <= limit && edit_distance(ja, jb) <= limit;
}

void check(const LintContext& ctx, Reporter& out) {
    const auto& streams = ctx.roadmap.streams;
    std::vector<std::vector<std::string>> titles;
    for (const Stream& s : streams) titles.push_back(s.title ? words(*s.title) : std::vector<std::string>{});
    for (std::size_t i = 1; i < streams.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (!overlap(titles[i], titles[j])) continue;
            out.report(streams[i].title.pos,
                       fmt::format("stream title '{}' overlaps '{}' (first at {}): streams should not overlap",
                                   *streams[i].title, *streams[j].title,
                                   where(ctx.roadmap, streams[j].title.pos, streams[i].title.pos)));
            break;
        }
    }
}

}  // namespace

const Rule theme_overlap{
    .id = RuleId::theme_overlap,
    .default_severity = Severity::warning,
    .summary = "two streams have the same or nearly the same title",
    .why =
        "Streams are meant to be mutually exclusive: two themes with one name split the same work "
        "between two owners, and nobody knows where a new request goes.",
    .bad = "- {id: crm, title: CRM hygiene}\n- {id: crm-data, title: CRM Hygiene}",
    .good = "- {id: crm, title: CRM hygiene}\n- {id: routing, title: Lead routing}",
    .check = &check,
};

}  // namespace boussole::rules
