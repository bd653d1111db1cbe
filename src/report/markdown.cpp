#include "report/markdown.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

namespace boussole::md {

std::string text(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 8);
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool url_start = (s.substr(i, 8) == "https://" || s.substr(i, 7) == "http://") &&
                               (i == 0 || s[i - 1] == ' ' || s[i - 1] == '(');
        if (url_start) {
            std::size_t end = s.find_first_of(" \t\r\n<>|", i);
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

long long rounded(double value, int decimals) {
    double scaled = value;
    for (int i = 0; i < decimals; ++i) scaled *= 10;
    // A figure computed in another order differs in its last bits (1/8 summed as 0.12499999999999999):
    // snapped to a millionth of the last digit first, equal values round alike.
    if (std::abs(scaled) < 1e9) scaled = std::round(scaled * 1e6) / 1e6;
    const long long r = std::llround(scaled);  // half away from zero
    return r == 0 ? 0 : r;
}

std::string fixed(double value, int decimals) {
    // Beyond what a whole number of hundredths holds exactly, nothing is left to round.
    if (!(std::abs(value) < 1e13)) return fmt::format("{:.{}f}", value, decimals);
    const long long r = rounded(value, decimals);
    if (decimals <= 0) return fmt::format("{}", r);
    long long unit = 1;
    for (int i = 0; i < decimals; ++i) unit *= 10;
    const long long magnitude = r < 0 ? -r : r;
    return fmt::format("{}{}.{:0{}}", r < 0 ? "-" : "", magnitude / unit, magnitude % unit, decimals);
}

std::string percent(double share) { return fmt::format("{}%", rounded(share, 2)); }

std::string bar(double share) {
    // The cells follow the percentage printed next to them: 35% fills 4 cells, 34% 3.
    const long long pct = std::clamp(rounded(share, 2), 0LL, 100LL);
    const auto filled = static_cast<int>((pct + 5) / 10);
    std::string out;
    for (int i = 0; i < 10; ++i) out += i < filled ? "▓" : "░";
    return out + " " + fmt::format("{}%", pct);
}

std::string number(double value) {
    std::string digits = fixed(std::abs(value), 2);
    while (digits.back() == '0') digits.pop_back();
    if (digits.back() == '.') digits.pop_back();
    const auto dot = digits.find('.');
    std::string whole = digits.substr(0, dot), fraction = dot == std::string::npos ? "" : digits.substr(dot);
    if (whole.size() > 4) {  // 2025 stays 2025; 96000 becomes 96,000
        std::string grouped;
        for (std::size_t i = 0; i < whole.size(); ++i) {
            if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
            grouped += whole[i];
        }
        whole = std::move(grouped);
    }
    const bool negative = value < 0 && (whole != "0" || !fraction.empty());
    return (negative ? "-" : "") + whole + fraction;
}

std::string named(std::string_view title, std::string_view id, std::string_view untitled) {
    if (title.empty() && id.empty()) return text(untitled);
    if (title.empty()) return text(id);
    if (id.empty()) return text(title);
    return fmt::format("{} ({})", text(title), text(id));
}

std::string quantity(double value, std::string_view unit) {
    if (unit.empty() || unit == "%") return fmt::format("{}{}", number(value), unit);
    return fmt::format("{} {}", number(value), text(unit));
}

void Document::section(std::string_view heading) { out_ += fmt::format("## {}\n\n", heading); }

void Document::subsection(std::string_view heading) { out_ += fmt::format("### {}\n\n", heading); }

void Document::paragraph(std::string_view block) {
    out_ += block;
    out_ += block.ends_with('\n') ? "\n" : "\n\n";
}

std::string score(std::optional<double> value) { return value ? fixed(*value, 2) : "–"; }

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

std::string mermaid_text(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == ':' || c == ';' || c == '#' || c == '%' || c == '<' || c == '>' || c == '\n' || c == '\r' ||
            c == '\t') {
            c = ' ';
        }
        if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
        out += c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (out.empty()) return "(untitled)";
    // A line that starts with a gantt keyword is read as that statement ("section x" opens a
    // section, "click x" fails), and one that starts with a date fails: mark them as text.
    static constexpr std::string_view keywords[] = {
        "accdescr", "acctitle",          "axisformat", "call",         "click", "dateformat",  "excludes", "href",
        "includes", "inclusiveenddates", "section",    "tickinterval", "title", "todaymarker", "topaxis",  "weekday",
        "weekend"};
    std::string first;
    for (char c : out) {
        if (c == ' ') break;
        first += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    const bool keyword = std::find(std::begin(keywords), std::end(keywords), first) != std::end(keywords);
    const bool date = out.size() >= 10 && std::isdigit(static_cast<unsigned char>(out[0])) && out[4] == '-';
    return keyword || date ? "▸ " + out : out;
}

}  // namespace boussole::md
