// The markup both documents share (named, quantity) and the Markdown markup (markup.hpp).
#include "report/markup.hpp"

#include <utility>

namespace boussole {

std::string Markup::named(std::string_view title, std::string_view id, std::string_view untitled) const {
    if (title.empty() && id.empty()) return text(untitled);
    if (title.empty()) return text(id);
    if (id.empty()) return text(title);
    return fmt::format("{} ({})", text(title), text(id));
}

std::string Markup::quantity(double value, std::string_view unit) const {
    if (unit.empty()) return md::number(value, numbers());
    if (unit == "%") return md::number(value, numbers()) + std::string(numbers().percent);
    return fmt::format("{} {}", md::number(value, numbers()), text(unit));
}

std::string MarkdownMarkup::text(std::string_view user) const { return md::text(user); }
std::string MarkdownMarkup::strong(std::string_view markup) const { return fmt::format("**{}**", markup); }
std::string MarkdownMarkup::strike(std::string_view markup) const { return fmt::format("~~{}~~", markup); }
std::string MarkdownMarkup::link(std::string_view label, std::string_view url) const { return md::link(label, url); }
std::string MarkdownMarkup::email(std::string_view address) const { return md::email(address); }
std::string MarkdownMarkup::bar(double share) const { return md::bar(share, numbers()); }
std::string MarkdownMarkup::pattern(std::string_view catalogue) const { return std::string(catalogue); }

void MarkdownMarkup::heading(int level, std::string_view markup) {
    out_ += fmt::format("{} {}\n\n", std::string(static_cast<std::size_t>(level), '#'), markup);
}

void MarkdownMarkup::paragraph(std::string_view markup) {
    out_ += markup;
    out_ += markup.ends_with('\n') ? "\n" : "\n\n";
}

void MarkdownMarkup::facts(const std::vector<std::pair<std::string, std::string>>& label_value) {
    for (const auto& [label, value] : label_value) out_ += fmt::format("- **{}** {}\n", label, value);
    out_ += "\n";
}

void MarkdownMarkup::list(const std::vector<std::string>& items) {
    for (const std::string& i : items) out_ += fmt::format("- {}\n", i);
    out_ += "\n";
}

void MarkdownMarkup::tasks(const std::vector<Task>& items) {
    for (const Task& t : items) out_ += fmt::format("- [{}] {}\n", t.done ? "x" : " ", t.markup);
    out_ += "\n";
}

void MarkdownMarkup::note(std::string_view markup) { paragraph(fmt::format("> {}", markup)); }
void MarkdownMarkup::definition(std::string_view markup) { paragraph(markup); }
void MarkdownMarkup::table(const md::Table& t) { paragraph(t.render()); }
void MarkdownMarkup::footer(std::string_view markup) { out_ += fmt::format("*{}*\n", markup); }
// Markdown draws no chart: its documents say the figures in tables and Mermaid blocks.
void MarkdownMarkup::figure(const std::vector<std::string>&, std::string_view) {}
std::string MarkdownMarkup::finish(std::string_view) { return std::exchange(out_, {}); }

}  // namespace boussole
