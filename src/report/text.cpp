// The plain-text markup of the documents (text.hpp).
#include "report/text.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "boussole/visible.hpp"

namespace boussole {

std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string TextMarkup::text(std::string_view raw) const {
    // As in Markdown and HTML: line breaks and tabs fold into one space, no run of spaces and
    // none at the ends, and every character a terminal or a mail reader would act on instead of
    // showing (controls, bidirectional overrides, bytes that are not UTF-8) written as an escape.
    std::string folded;
    for (char c : raw) {
        if (c == '\r') continue;
        const char d = c == '\n' || c == '\t' ? ' ' : c;
        if (d == ' ' && (folded.empty() || folded.back() == ' ')) continue;
        folded += d;
    }
    while (!folded.empty() && folded.back() == ' ') folded.pop_back();
    return visible(folded);
}

std::string TextMarkup::strong(std::string_view markup) const { return std::string(markup); }
std::string TextMarkup::strike(std::string_view markup) const { return std::string(markup); }

std::string TextMarkup::link(std::string_view label, std::string_view url) const {
    if (!url.starts_with("https://") && !url.starts_with("http://")) return text(url);
    // The URL whole, on the same line: the bytes that would end it in a reader (spaces, angle
    // brackets, controls) or hide or reorder it (non-ASCII: bidirectional marks) percent-encoded.
    std::string dest;
    for (char ch : url) {
        const auto c = static_cast<unsigned char>(ch);
        const bool keep = c > 0x20 && c < 0x7f && ch != '<' && ch != '>' && ch != '"';
        if (keep)
            dest += ch;
        else
            dest += fmt::format("%{:02X}", c);
    }
    const std::string shown = text(label);
    if (shown.empty() || shown == dest || label == url) return dest;
    return fmt::format("{} <{}>", shown, dest);
}

std::string TextMarkup::email(std::string_view address) const { return text(address); }
std::string TextMarkup::bar(double share) const { return md::bar(share, numbers()); }

std::string TextMarkup::pattern(std::string_view catalogue) const {
    // A catalogue's own markup (**bold**, `code`) dropped; the {n} fields are left for fmt.
    std::string out;
    for (std::size_t i = 0; i < catalogue.size(); ++i) {
        if (catalogue.substr(i, 2) == "**") {
            ++i;
        } else if (catalogue[i] != '`') {
            out += catalogue[i];
        }
    }
    return out;
}

void TextMarkup::block(std::string_view lines) {
    out_ += lines;
    if (!lines.ends_with('\n')) out_ += '\n';
    out_ += '\n';
}

void TextMarkup::heading(int level, std::string_view markup) {
    if (level > 2) return block(markup);
    block(fmt::format("{}\n{}", markup, std::string(code_points(markup), level == 1 ? '=' : '-')));
}

void TextMarkup::paragraph(std::string_view markup) { block(markup); }

void TextMarkup::facts(const std::vector<std::pair<std::string, std::string>>& label_value) {
    std::string lines;
    for (const auto& [label, value] : label_value) lines += fmt::format("{} {}\n", label, value);
    block(lines);
}

void TextMarkup::list(const std::vector<std::string>& items) {
    std::string lines;
    for (const std::string& i : items) lines += fmt::format("- {}\n", i);
    block(lines);
}

void TextMarkup::tasks(const std::vector<Task>& items) {
    std::string lines;
    for (const Task& t : items) lines += fmt::format("[{}] {}\n", t.done ? "x" : " ", t.markup);
    block(lines);
}

void TextMarkup::note(std::string_view markup) { block(fmt::format("> {}", markup)); }
void TextMarkup::definition(std::string_view markup) { block(markup); }

void TextMarkup::table(const md::Table& t) {
    // Columns two spaces apart, each as wide as its widest cell in code points, numbers
    // (right-aligned columns) flush right; a rule of '-' under each header.
    std::vector<std::size_t> width(t.header().size(), 0);
    auto measure = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size() && i < width.size(); ++i)
            width[i] = std::max(width[i], code_points(cells[i]));
    };
    measure(t.header());
    for (const auto& row : t.rows()) measure(row);
    auto line = [&](const std::vector<std::string>& cells) {
        std::string out;
        for (std::size_t i = 0; i < width.size(); ++i) {
            const std::string cell = i < cells.size() ? cells[i] : std::string();
            const std::string pad(width[i] - code_points(cell), ' ');
            if (i > 0) out += "  ";
            out += t.right_aligned(i) ? pad + cell : cell + pad;
        }
        while (out.ends_with(' ')) out.pop_back();
        return out + "\n";
    };
    std::string lines = line(t.header());
    std::vector<std::string> rules;
    for (std::size_t w : width) rules.emplace_back(w, '-');
    lines += line(rules);
    for (const auto& row : t.rows()) lines += line(row);
    block(lines);
}

void TextMarkup::footer(std::string_view markup) { block(markup); }

// Plain text draws no chart: the documents say their figures in words and tables.
void TextMarkup::figure(const std::vector<std::string>&, std::string_view) {}

std::string TextMarkup::finish(std::string_view) {
    // Every line without trailing spaces (a fact with an empty value), one blank line at most
    // between blocks (an empty paragraph adds none), none first, and exactly one newline last.
    const std::string all = std::exchange(out_, {});
    std::string out;
    std::size_t start = 0;
    while (start < all.size()) {
        std::size_t end = all.find('\n', start);
        if (end == std::string::npos) end = all.size();
        std::string_view line = std::string_view(all).substr(start, end - start);
        while (line.ends_with(' ')) line.remove_suffix(1);
        start = end + 1;
        if (line.empty() && (out.empty() || out.ends_with("\n\n"))) continue;
        out += line;
        out += '\n';
    }
    if (out.ends_with("\n\n")) out.pop_back();
    return out;
}

}  // namespace boussole
