#include "report/markdown.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "boussole/visible.hpp"

namespace boussole::md {

bool plain_email(std::string_view address) {
    // CommonMark's e-mail autolink, kept to the characters a mail client and a viewer agree on:
    // a local part of letters, digits and . _ + -, and a domain of labels of letters, digits and -.
    auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    const std::size_t at = address.find('@');
    bool link = at != std::string_view::npos && at > 0 && at + 1 < address.size();
    for (std::size_t i = 0; link && i < at; ++i)
        link = alnum(address[i]) || std::string_view("._+-").find(address[i]) != std::string_view::npos;
    const std::string_view domain = link ? address.substr(at + 1) : std::string_view();
    for (std::size_t i = 0; link && i < domain.size(); ++i) {
        const char c = domain[i];
        const bool edge = i == 0 || i + 1 == domain.size() || domain[i - 1] == '.' || domain[i + 1] == '.';
        link = alnum(c) || (c == '-' && !edge) || (c == '.' && !edge);
    }
    return link;
}

std::string email(std::string_view address) {
    return plain_email(address) ? fmt::format("<{}>", address) : text(address);
}

std::string text(std::string_view raw) {
    // Line breaks and tabs fold into spaces; every other character a terminal or a viewer would
    // act on (ESC, C1 controls, bidirectional overrides, U+2028) is written visibly (\x1b, \u202e),
    // its backslash then escaped below like any other.
    std::string folded_breaks;
    for (char c : raw) {
        if (c == '\r') continue;
        folded_breaks += c == '\n' || c == '\t' ? ' ' : c;
    }
    const std::string shown = visible(folded_breaks);
    const std::string_view s = shown;
    std::string out;
    out.reserve(s.size() + 8);
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool url_start = (s.substr(i, 8) == "https://" || s.substr(i, 7) == "http://") &&
                               (i == 0 || std::isalnum(static_cast<unsigned char>(s[i - 1])) == 0);
        if (url_start) {
            std::size_t end = s.find_first_of(" \t\r\n<>|\\`", i);
            if (end == std::string_view::npos) end = s.size();
            while (end > i && std::string_view(".,;:!?)").find(s[end - 1]) != std::string_view::npos) --end;
            out += '<';
            out.append(s.substr(i, end - i));
            out += '>';
            i = end - 1;
            continue;
        }
        switch (c) {
            case '\r':
                break;
            case '\n':
            case '\t':
                out += ' ';
                break;
            case '\\':
            case '`':
            case '*':
            case '_':
            case '[':
            case ']':
            case '<':
            case '>':
            case '|':
            case '#':
            case '~':
                out += '\\';
                out += c;
                break;
            default:
                out += c;
        }
    }
    // No run of spaces, and none at the ends (markdownlint MD009, MD010).
    std::string folded;
    for (char c : out) {
        if (c == ' ' && (folded.empty() || folded.back() == ' ')) continue;
        folded += c;
    }
    while (!folded.empty() && folded.back() == ' ') folded.pop_back();
    return folded;
}

std::string link(std::string_view label, std::string_view url) {
    if (!url.starts_with("https://") && !url.starts_with("http://")) return text(url);
    std::string dest;
    for (char ch : url) {
        const auto c = static_cast<unsigned char>(ch);
        const bool keep = c > 0x20 && c < 0x7f && std::string_view("()<>\\`|\"[]").find(ch) == std::string_view::npos;
        if (keep) {
            dest += ch;
        } else {
            dest += fmt::format("%{:02X}", c);
        }
    }
    return fmt::format("[{}]({})", text(label), dest);
}

long long rounded(double value, int decimals) {
    double scaled = value;
    for (int i = 0; i < decimals; ++i) scaled *= 10;
    // A figure computed in another order differs in its last bits (1/8 summed as 0.12499999999999999):
    // snapped to a millionth of the last digit first, equal values round alike.
    if (std::abs(scaled) < 1e9) scaled = std::round(scaled * 1e6) / 1e6;
    const long long r = std::llround(scaled);  // half away from zero
    return r == 0 ? 0 : r;
}

std::string fixed(double value, int decimals, const NumberStyle& style) {
    // Beyond what a whole number of hundredths holds exactly, nothing is left to round.
    if (!(std::abs(value) < 1e13)) {
        std::string out = fmt::format("{:.{}f}", value, decimals);
        if (const auto dot = out.find('.'); dot != std::string::npos) out.replace(dot, 1, style.decimal);
        return out;
    }
    const long long r = rounded(value, decimals);
    if (decimals <= 0) return fmt::format("{}", r);
    long long unit = 1;
    for (int i = 0; i < decimals; ++i) unit *= 10;
    const long long magnitude = r < 0 ? -r : r;
    return fmt::format("{}{}{}{:0{}}", r < 0 ? "-" : "", magnitude / unit, style.decimal, magnitude % unit, decimals);
}

std::string percent(double share, const NumberStyle& style) {
    return fmt::format("{}{}", rounded(share, 2), style.percent);
}

std::string bar(double share, const NumberStyle& style) {
    // The cells follow the percentage printed next to them: 35% fills 4 cells, 34% 3.
    const long long pct = std::clamp(rounded(share, 2), 0LL, 100LL);
    const auto filled = static_cast<int>((pct + 5) / 10);
    std::string out;
    for (int i = 0; i < 10; ++i) out += i < filled ? "▓" : "░";
    return out + " " + fmt::format("{}{}", pct, style.percent);
}

std::string number(double value, const NumberStyle& style) {
    static constexpr NumberStyle point{.thousands = ",", .decimal = ".", .percent = "%"};
    std::string digits = fixed(std::abs(value), 2, point);
    while (digits.back() == '0') digits.pop_back();
    if (digits.back() == '.') digits.pop_back();
    const auto dot = digits.find('.');
    std::string whole = digits.substr(0, dot),
                fraction = dot == std::string::npos ? "" : std::string(style.decimal) + digits.substr(dot + 1);
    if (whole.size() > 4) {  // 2025 stays 2025; 96000 becomes 96,000
        std::string grouped;
        for (std::size_t i = 0; i < whole.size(); ++i) {
            if (i > 0 && (whole.size() - i) % 3 == 0) grouped += style.thousands;
            grouped += whole[i];
        }
        whole = std::move(grouped);
    }
    const bool negative = value < 0 && (whole != "0" || !fraction.empty());
    return (negative ? "-" : "") + whole + fraction;
}

std::string score(std::optional<double> value, const NumberStyle& style) {
    return value ? fixed(*value, 2, style) : "–";
}

Table::Table(std::vector<std::string> header, std::string align)
    : header_(std::move(header)), align_(std::move(align)) {}

void Table::row(std::vector<std::string> cells) {
    cells.resize(header_.size());
    for (std::string& c : cells)
        if (c.empty()) c = "–";
    rows_.push_back(std::move(cells));
}

std::string Table::render() const {
    auto line = [](const std::vector<std::string>& cells) {
        std::string out = "|";
        for (const std::string& c : cells) out += " " + c + " |";
        return out + "\n";
    };
    std::string out = line(header_);
    out += "|";
    for (std::size_t i = 0; i < header_.size(); ++i)
        out += i < align_.size() && align_[i] == 'r' ? " ---: |" : " --- |";
    out += "\n";
    for (const auto& r : rows_) out += line(r);
    return out;
}

namespace {

// The code point of the UTF-8 sequence at s[i] and its length, or length 0 when the bytes are
// not UTF-8.
std::size_t utf8_at(std::string_view s, std::size_t i, char32_t& cp) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80                 ? 1
                          : c >= 0xC2 && c <= 0xDF ? 2
                          : c >= 0xE0 && c <= 0xEF ? 3
                          : c >= 0xF0 && c <= 0xF4 ? 4
                                                   : 0;
    if (n == 0 || i + n > s.size()) return 0;
    cp = n == 1 ? c : c & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return n;
}

// The spaces of JavaScript's \s, which Mermaid's lexer uses ("click\u00a0x" is a click).
bool js_space(char32_t cp) {
    return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

// Characters that show nothing or act: C1 controls, soft hyphen, zero-width and bidirectional
// marks, word joiners, the byte-order mark, private-use and non-characters.
bool invisible(char32_t cp) {
    return (cp >= 0x80 && cp <= 0x9F) || cp == 0xAD || cp == 0x061C || (cp >= 0x200B && cp <= 0x200F) ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) || (cp >= 0xE000 && cp <= 0xF8FF) ||
           (cp >= 0xFFF0 && cp <= 0xFFFF) || cp >= 0xF0000;
}

}  // namespace

std::string mermaid_text(std::string_view s, std::string_view untitled) {
    // An allow-list: ASCII letters, digits and punctuation that no Mermaid gantt statement gives a
    // meaning to, and any visible character beyond ASCII (accents, other scripts, symbols). The
    // rest (':' ends a task's name, ';' and '#' end a statement's value, '%' starts a comment,
    // '{' opens accDescr, '<' '>' '"' are HTML, controls and line breaks end the line) and every
    // kind of space become one space.
    static constexpr std::string_view punctuation = "-_.,'()/&+!?@*=[]$";
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        const std::size_t n = utf8_at(s, i, cp);
        if (n == 0) {  // not UTF-8: a space
            ++i;
            cp = ' ';
        } else {
            i += n;
        }
        std::string_view kept;
        if (cp < 0x80) {
            const auto c = static_cast<char>(cp);
            const bool allowed =
                std::isalnum(static_cast<unsigned char>(c)) != 0 || punctuation.find(c) != std::string_view::npos;
            if (allowed) kept = s.substr(i - n, 1);
        } else if (!js_space(cp) && !invisible(cp)) {
            kept = s.substr(i - n, n);
        }
        if (kept.empty()) {
            if (!out.empty() && out.back() != ' ') out += ' ';
            continue;
        }
        out += kept;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (out.empty()) return mermaid_text(untitled, "-");
    // A line that starts with a gantt keyword is read as that statement ("section x" opens a
    // section, "click x" fails, "accDescr{" opens a description), whatever follows the keyword,
    // and one that starts with a date fails: mark them as text.
    static constexpr std::string_view keywords[] = {
        "accdescr", "acctitle", "axisformat",        "call",    "click",        "dateformat", "excludes",    "gantt",
        "href",     "includes", "inclusiveenddates", "section", "tickinterval", "title",      "todaymarker", "topaxis",
        "weekday",  "weekend"};
    std::string lower;
    for (std::size_t k = 0; k < out.size() && k < 20; ++k)
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(out[k])));
    const bool keyword = std::any_of(std::begin(keywords), std::end(keywords),
                                     [&](std::string_view k) { return std::string_view(lower).starts_with(k); });
    const bool date = out.size() >= 10 && std::isdigit(static_cast<unsigned char>(out[0])) != 0 && out[4] == '-';
    return keyword || date ? "▸ " + out : out;
}

}  // namespace boussole::md
