#pragma once
// issue 16: the Slack markup of the documents (markup.hpp): a Block Kit message as JSON, ready to
// POST to an incoming webhook: {"text": <the notification's fallback>, "blocks": [...]}.
//
// A level-1 heading is a `header` block (plain text); levels 2 and 3, paragraphs, lists, tasks,
// facts, notes and tables are `section` blocks of mrkdwn text (a list a line "• item" each, a note
// a "> " quote, a table its rows as lines); definitions, the footer and the "…and N more" line
// are `context` blocks; figures draw nothing. Every text object is mrkdwn with `verbatim: true`,
// so that Slack parses only the markup written here (a mention, a link) and never turns what a
// user wrote ("@channel", "#general", a bare URL) into a mention or a link.
//
// Slack's limits (SlackLimits) are kept by folding, never by cutting: a section too long is split
// between lines, a line too long for any block is left out, and when the blocks would exceed the
// limit the last block says how many items (lines: list items, paragraphs, rows, facts) were left
// out, with the caller's words ("…and {} more"). No word or link is ever cut.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "report/markup.hpp"

namespace boussole {

// Slack's published limits for a message of blocks (each with its source):
struct SlackLimits {
    // "You can include up to 50 blocks in each message"
    // (https://api.slack.com/reference/block-kit/blocks).
    std::size_t blocks = 50;
    // A section's text: "Minimum length for the text in this field is 1 and maximum length is
    // 3000 characters" (https://docs.slack.dev/reference/block-kit/blocks/section-block).
    std::size_t section_text = 3000;
    // A header's text: "Maximum length for the text in this field is 150 characters"
    // (https://docs.slack.dev/reference/block-kit/blocks/header-block).
    std::size_t header_text = 150;
    // A context block's elements: "Maximum number of items is 10"
    // (https://docs.slack.dev/reference/block-kit/blocks/context-block); each element is a text
    // object: "maximum length is 3000 characters"
    // (https://docs.slack.dev/reference/block-kit/composition-objects/text-object).
    std::size_t context_elements = 10;
    std::size_t context_text = 3000;
    // The message's top-level `text`: "The `text` field accepts up to 40,000 characters"
    // (https://api.slack.com/changelog/2018-04-truncating-really-long-messages).
    std::size_t message_text = 40000;
    // All the texts of the blocks together. Not in Slack's reference, but Slack refuses a message
    // whose blocks hold too much text (`msg_blocks_too_long`), seen from about 11,300 characters
    // of section, header and divider text (https://github.com/slackapi/bolt-js/issues/2867; a
    // Slack engineer there: "12,000 text characters with a buffer for block containers",
    // https://github.com/slackapi/bolt-js/issues/2509): kept well below.
    std::size_t total_text = 10000;
};

// The length Slack's limits count, measured so as never to undercount: UTF-16 code units (a
// character beyond the Basic Multilingual Plane counts 2); bytes that are not UTF-8 count 1 each.
std::size_t slack_length(std::string_view s);

class SlackMarkup final : public Markup {
public:
    // `more`: the language's words for the items left out, "{}" their number ("…and {} more").
    SlackMarkup(const md::NumberStyle& numbers, std::string more, SlackLimits limits = {});
    [[nodiscard]] std::string text(std::string_view user) const override;
    [[nodiscard]] std::string strong(std::string_view markup) const override;
    [[nodiscard]] std::string strike(std::string_view markup) const override;
    [[nodiscard]] std::string link(std::string_view label, std::string_view url) const override;
    [[nodiscard]] std::string email(std::string_view address) const override;
    [[nodiscard]] std::string bar(double share) const override;
    [[nodiscard]] std::string mention(std::string_view name, std::string_view slack_id) const override;
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
    // The message as compact JSON and one newline; the Markup is empty after.
    [[nodiscard]] std::string finish(std::string_view title) override;

private:
    enum class Kind { header, section, context };
    // One line of the message, in order: a unit that is shown whole or left out whole.
    struct Line {
        Kind kind;
        std::string text;
        bool item;       // counted in "…and N more" when left out (not a heading)
        bool new_block;  // starts a block of its own (a new group of the document)
        bool tight;      // follows the line before it with no blank line (under its heading)
    };
    void add(Kind kind, std::string_view markup, bool item, bool new_block, bool tight);
    void group(Kind kind, const std::vector<std::string>& lines);

    std::string more_;
    SlackLimits limits_;
    std::vector<Line> lines_;
    bool after_heading_ = false;  // the next group sits right under a heading
};

}  // namespace boussole
