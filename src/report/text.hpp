#pragma once
// issue 16: the plain-text markup of the documents (markup.hpp), for the text/plain part of a
// mail (`digest --format email`) and for a terminal (`--format text`): UTF-8 text with no markup
// character. A level-1 heading is underlined with '=', a level-2 one with '-' (as many as the
// heading has code points), a level-3 one is its line alone; one paragraph per line (mail
// readers wrap), a blank line between blocks; lists "- item", tasks "[x] item" / "[ ] item",
// facts "Label: value" (the catalogue's label carries its colon), a note "> text", a link
// "label <url>" (the URL alone when it is the label), tables in columns aligned by code points;
// no chart. The user's text has its line breaks folded and its control and bidirectional
// characters shown as escapes (visible()), as in the other markups. Every line ends with "\n"
// and has no trailing space; the document ends with exactly one newline.

#include <string>
#include <string_view>

#include "report/markup.hpp"

namespace boussole {

class TextMarkup final : public Markup {
public:
    using Markup::Markup;
    [[nodiscard]] std::string text(std::string_view user) const override;
    [[nodiscard]] std::string strong(std::string_view markup) const override;
    [[nodiscard]] std::string strike(std::string_view markup) const override;
    [[nodiscard]] std::string link(std::string_view label, std::string_view url) const override;
    [[nodiscard]] std::string email(std::string_view address) const override;
    [[nodiscard]] std::string bar(double share) const override;
    [[nodiscard]] std::string pattern(std::string_view catalogue) const override;
    void heading(int level, std::string_view markup) override;
    void paragraph(std::string_view markup) override;
    void facts(const std::vector<std::pair<std::string, std::string>>& label_value) override;
    void list(const std::vector<std::string>& items) override;
    void tasks(const std::vector<Task>& items) override;
    void note(std::string_view markup) override;
    void definition(std::string_view markup) override;
    void table(const md::Table& t) override;
    void footer(std::string_view markup) override;
    [[nodiscard]] bool draws() const override { return false; }
    void figure(const std::vector<std::string>& svgs, std::string_view caption_markup) override;
    [[nodiscard]] std::string finish(std::string_view title) override;

private:
    // Appends `lines` (several lines when it holds '\n') and the blank line after a block.
    void block(std::string_view lines);
};

// The number of code points of UTF-8 text (a byte that is not UTF-8 counts as one): the width
// a heading's underline and a table's columns are measured in.
std::size_t code_points(std::string_view s);

}  // namespace boussole
