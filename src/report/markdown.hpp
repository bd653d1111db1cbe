#pragma once
// Small Markdown building blocks shared by the reports.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace boussole::md {

// User text as inline Markdown: special characters escaped, line breaks folded, other control
// and bidirectional characters shown as escapes (visible()), bare URLs made autolinks, so that
// it renders as written and passes markdownlint.
std::string text(std::string_view s);

// Whether `address` is an e-mail address that mail clients and viewers agree on: a local part
// of letters, digits and . _ + -, and a domain of labels of letters, digits and -.
bool plain_email(std::string_view address);

// An e-mail address as Markdown: an autolink (<name@example.com>) when CommonMark reads it as
// one, else the address as text (escaped, not a link).
std::string email(std::string_view address);

// How a language writes numbers, without any locale: the same bytes on every machine.
struct NumberStyle {
    std::string_view thousands;  // between groups of three digits, for whole parts over 9999: "," or U+202F
    std::string_view decimal;    // "." or ","
    std::string_view percent;    // after a percentage: "%" or U+00A0 "%"
};

// Every figure of the reports is rounded here, one way: `value` times 10^decimals, snapped to
// a millionth (so that a share summed in another order rounds as its exact value does), then
// rounded half away from zero; never -0.
long long rounded(double value, int decimals);

// `value` with `decimals` digits after the point, rounded by rounded(): "0.13" for 0.125.
std::string fixed(double value, int decimals, const NumberStyle& style);

// A progress bar of ten cells and the percentage: "▓▓▓▓░░░░░░ 40%"; the cells follow the
// percentage shown, with a share clamped to 0..1.
std::string bar(double share, const NumberStyle& style);

// A share as a whole percentage: "59%", 12.5% as "13%"; French "59 %".
std::string percent(double share, const NumberStyle& style);

// A number as people write it: 104,000 · 3.5 · -2 · 0.25; French 104 000 · 3,5 · -2 · 0,25.
std::string number(double value, const NumberStyle& style);

// A score with two decimals: "0.43", or "–" without one.
std::string score(std::optional<double> value, const NumberStyle& style);

// issue 14, item 3: a Markdown link to an http(s) URL, `[label](url)`: the label escaped as
// text(), the URL with every byte that could end the destination, break a table cell or hide
// (spaces, controls, parentheses, angle brackets, backslash, backtick, '|', non-ASCII)
// percent-encoded; anything but an http:// or https:// URL is written as text(), not linked.
std::string link(std::string_view label, std::string_view url);

// A GitHub-flavoured table: header, alignment ('l' or 'r' per column), rows of cells
// (cells are already Markdown; '|' in them must be escaped by text()).
class Table {
public:
    Table(std::vector<std::string> header, std::string align);
    void row(std::vector<std::string> cells);
    [[nodiscard]] bool empty() const { return rows_.empty(); }
    [[nodiscard]] std::string render() const;
    [[nodiscard]] const std::vector<std::string>& header() const { return header_; }
    [[nodiscard]] bool right_aligned(std::size_t column) const {
        return column < align_.size() && align_[column] == 'r';
    }
    [[nodiscard]] const std::vector<std::vector<std::string>>& rows() const { return rows_; }

private:
    std::vector<std::string> header_;
    std::string align_;
    std::vector<std::vector<std::string>> rows_;
};

// Table headers from a message catalogue's array of words.
template <std::size_t N>
std::vector<std::string> columns(const std::array<std::string_view, N>& names) {
    return {names.begin(), names.end()};
}

// Text safe as a Mermaid gantt task, section or title, whatever `s` holds: only letters, digits,
// harmless punctuation and visible characters beyond ASCII are kept, every other character and
// space becomes one space, and a leading gantt keyword or date is marked "▸ " as text;
// `untitled` (in the document's language) when nothing is left.
std::string mermaid_text(std::string_view s, std::string_view untitled);

}  // namespace boussole::md
