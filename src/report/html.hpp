#pragma once
// The HTML markup of the documents (markup.hpp): one self-contained page — inline CSS and
// inline SVG, no script, and a Content-Security-Policy that forbids every request, so it opens
// from disk or an e-mail attachment exactly as it was written. It reads on a phone and on a 4K
// screen, in dark mode, and prints on A4 landscape with a page break before each section.

#include <string>
#include <string_view>

#include "boussole/model.hpp"
#include "report/markup.hpp"

namespace boussole {

namespace html {
// Text escaped for HTML content and attribute values (& < > " ').
std::string escape(std::string_view s);
}  // namespace html

class HtmlMarkup final : public Markup {
public:
    HtmlMarkup(const md::NumberStyle& numbers, Language language, std::string generator);
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
    [[nodiscard]] bool draws() const override { return true; }
    void figure(const std::vector<std::string>& svgs, std::string_view caption_markup) override;
    [[nodiscard]] std::string finish(std::string_view title) override;

private:
    void close_section();
    Language language_;
    std::string generator_;
    bool in_header_ = false, in_section_ = false;
};

}  // namespace boussole
