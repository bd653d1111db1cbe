#pragma once
// How a document is marked up. The documents' writers (the status report, the recap) say what
// to write, in which order, with which words from the catalogue; a Markup says how: Markdown
// (markdown.cpp) or HTML (html.cpp). One writer per document, so both formats show the same
// content with the same words, and a new format is one Markup.
//
// Inline methods return markup to put inside a block; block methods append to the document.
// "markup" arguments are already marked up (by this Markup); "user" arguments are the user's
// text as written, which the Markup escapes.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "boussole/report_content.hpp"
#include "report/markdown.hpp"
#include "report/messages.hpp"

namespace boussole {

class Markup {
public:
    explicit Markup(const md::NumberStyle& numbers) : numbers_(numbers) {}
    virtual ~Markup() = default;
    Markup(const Markup&) = delete;
    Markup& operator=(const Markup&) = delete;

    // --- inline
    // The user's text as inline markup, escaped, line breaks folded, invisible characters shown.
    [[nodiscard]] virtual std::string text(std::string_view user) const = 0;
    [[nodiscard]] virtual std::string strong(std::string_view markup) const = 0;
    [[nodiscard]] virtual std::string strike(std::string_view markup) const = 0;
    // A link to an http(s) URL; anything else is written as text, not linked.
    [[nodiscard]] virtual std::string link(std::string_view label, std::string_view url) const = 0;
    // An e-mail address, linked when it is one.
    [[nodiscard]] virtual std::string email(std::string_view address) const = 0;
    // A progress bar with its percentage ("▓▓▓▓░░░░░░ 40%"), the share clamped to 0..1.
    [[nodiscard]] virtual std::string bar(double share) const = 0;
    // issue 16: a person named in the document: their name (the user's text) as text(); Slack
    // mentions them instead (`<@U012AB3CD>`) when `slack_id` (their declared member id) is set.
    [[nodiscard]] virtual std::string mention(std::string_view name, std::string_view slack_id) const {
        (void)slack_id;
        return text(name);
    }
    // A message catalogue's template with its own markup (**bold**, `code`) translated; the
    // arguments are filled in after, already marked up.
    [[nodiscard]] virtual std::string pattern(std::string_view catalogue) const = 0;

    // --- blocks
    // The document's title (level 1), a section (2), a subsection (3).
    virtual void heading(int level, std::string_view markup) = 0;
    virtual void paragraph(std::string_view markup) = 0;
    // "label value" lines, the document's facts under its title.
    virtual void facts(const std::vector<std::pair<std::string, std::string>>& label_value) = 0;
    virtual void list(const std::vector<std::string>& items) = 0;
    struct Task {
        bool done = false;
        std::string markup;
    };
    virtual void tasks(const std::vector<Task>& items) = 0;
    // A note set apart from the text (a caveat).
    virtual void note(std::string_view markup) = 0;
    // How the figures next to it are defined (under a table or chart): a paragraph in Markdown,
    // set in smaller type in HTML.
    virtual void definition(std::string_view markup) = 0;
    virtual void table(const md::Table& t) = 0;
    // The last line: who made the document, from what.
    virtual void footer(std::string_view markup) = 0;
    // Charts: true when this Markup draws SVG charts (HTML); figure() then places them, side by
    // side where there is room (the empty ones left out).
    [[nodiscard]] virtual bool draws() const = 0;
    virtual void figure(const std::vector<std::string>& svgs, std::string_view caption_markup) = 0;
    // The whole document; the Markup is empty after.
    [[nodiscard]] virtual std::string finish(std::string_view title) = 0;

    // --- built on the above
    [[nodiscard]] const md::NumberStyle& numbers() const { return numbers_; }
    // "Title (id)"; the id alone without a title, the title alone without an id, `untitled`
    // without either.
    [[nodiscard]] std::string named(std::string_view title, std::string_view id, std::string_view untitled) const;
    // A value with its unit as people write it ("45 minutes", "74 %", "104,000 EUR").
    [[nodiscard]] std::string quantity(double value, std::string_view unit) const;
    // A change with its sign and the unit as written: "+6 %", "−3 heures".
    [[nodiscard]] std::string signed_quantity(double delta, std::string_view unit) const {
        return (delta < 0 ? "−" : "+") + quantity(delta < 0 ? -delta : delta, unit);
    }
    // A catalogue template filled with arguments already marked up.
    template <class... Args>
    [[nodiscard]] std::string say(std::string_view pattern_text, const Args&... args) const {
        return fmt::format(fmt::runtime(pattern(pattern_text)), args...);
    }

protected:
    std::string out_;

private:
    const md::NumberStyle& numbers_;
};

// The "Changes since" value of a report's or the digest's header: the since point, how it was
// chosen, or why there is none (`since` empty: no history was read). `Messages` holds the
// since_* words and no_history (StatusReportMessages, DigestMessages).
template <class Messages>
std::string say_since_point(const Markup& mk, const Messages& m, const std::optional<SinceFacts>& since) {
    if (!since) return std::string(m.no_history);
    const SinceFacts& s = *since;
    const auto prose = [&](Date d) { return prose_date(*m.style, d); };
    if (s.commit.empty())
        return mk.say(m.since_none, prose(s.asked), s.history_starts ? prose(*s.history_starts) : std::string("?"));
    switch (s.kind) {
        case SinceRequest::Kind::week_before:
            return mk.say(m.since_week_before, s.commit, prose(s.commit_date), prose(s.asked));
        case SinceRequest::Kind::date:
            return mk.say(m.since_date, s.commit, prose(s.commit_date), prose(s.asked));
        case SinceRequest::Kind::revision:
            return mk.say(m.since_revision, s.commit, prose(s.commit_date), mk.text(s.revision));
    }
    return {};
}

// issue 16: "No commit has changed this roadmap since …; its champion, …, keeps it current.", in
// the report's header and the digest's (defined in digest_document.cpp).
std::string say_stale_document(const Markup& mk, const LanguageStyle& style, const StaleDocumentWords& words,
                               const StaleDocument& s);

// Markdown (GitHub-flavoured, markdownlint-clean), as markdown.hpp writes it.
class MarkdownMarkup final : public Markup {
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
};

}  // namespace boussole
