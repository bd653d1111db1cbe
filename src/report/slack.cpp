// issue 16: the Slack markup of the documents, a Block Kit message (slack.hpp).
#include "report/slack.hpp"

#include <cctype>
#include <tuple>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "boussole/visible.hpp"

namespace boussole {

namespace {

bool is_http(std::string_view s) { return s.starts_with("https://") || s.starts_with("http://"); }
bool alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// `&`, `<` and `>` are Slack's control characters: written as entities, the user's text can open
// no mention (<@U1>, <!channel>) and no link (https://api.slack.com/reference/surfaces/formatting#escaping).
void escape_into(std::string& out, char c) {
    switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        default:
            out += c;
    }
}

// The user's words as mrkdwn: escaped, and mrkdwn's formatting characters, which mrkdwn has no
// escape for, written as characters that look alike and format nothing: `*` as ∗ (U+2217), `~`
// as ∼ (U+223C), a backtick as ˋ (U+02CB), and an `_` at a word's edge (where it could open or
// close italics; snake_case keeps its own) as ＿ (U+FF3F). Every `*`, `~` and backtick of a
// message is then this markup's own.
std::string words(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 8);
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '*') {
            out += "\u2217";
        } else if (c == '~') {
            out += "\u223c";
        } else if (c == '`') {
            out += "\u02cb";
        } else if (c == '_' && (i == 0 || i + 1 == s.size() || !alnum(s[i - 1]) || !alnum(s[i + 1]))) {
            out += "\uff3f";
        } else {
            escape_into(out, c);
        }
    }
    return out;
}

// An http(s) URL as the target of <target|label>: the bytes that would end it or split it
// (`|`, `<`, `>`, spaces and controls) percent-encoded, `&` written as Slack writes it (&amp;).
std::string target(std::string_view url) {
    std::string out;
    for (char ch : url) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c == 0x7f || ch == '|' || ch == '<' || ch == '>')
            out += fmt::format("%{:02X}", c);
        else if (ch == '&')
            out += "&amp;";
        else
            out += ch;
    }
    return out;
}

// The user's text folded on one line: line breaks and tabs as spaces, no run of spaces, none at
// the ends, then every character that acts instead of showing written visibly (visible()).
std::string one_line(std::string_view raw) {
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

// A Slack member id as Slack writes them (U012AB3CD, W012A3CDE): anything else is not mentioned.
bool member_id(std::string_view id) {
    if (id.size() < 3 || id.size() > 21 || (id[0] != 'U' && id[0] != 'W')) return false;
    for (char c : id)
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
    return true;
}

// This markup's mrkdwn as a header's plain text: a link as its label (<url|label>), a bare link
// or a mention as written inside the brackets, this markup's `*`, `~` and backticks dropped (the
// user's are lookalikes by now), and the three entities read back.
std::string plain(std::string_view markup) {
    std::string out;
    for (std::size_t i = 0; i < markup.size(); ++i) {
        const char c = markup[i];
        if (c == '<') {
            const std::size_t end = markup.find('>', i);
            if (end == std::string_view::npos) break;
            std::string_view inside = markup.substr(i + 1, end - i - 1);
            if (const auto bar = inside.find('|'); bar != std::string_view::npos) inside = inside.substr(bar + 1);
            out += plain(inside);
            i = end;
        } else if (c == '*' || c == '~' || c == '`') {
            continue;
        } else if (markup.substr(i).starts_with("&amp;")) {
            out += '&';
            i += 4;
        } else if (markup.substr(i).starts_with("&lt;")) {
            out += '<';
            i += 3;
        } else if (markup.substr(i).starts_with("&gt;")) {
            out += '>';
            i += 3;
        } else {
            out += c;
        }
    }
    return out;
}

// The lines of a markup text, empty ones left out.
std::vector<std::string> lines_of(std::string_view markup) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= markup.size()) {
        std::size_t end = markup.find('\n', start);
        if (end == std::string_view::npos) end = markup.size();
        std::string line(markup.substr(start, end - start));
        while (!line.empty() && line.back() == ' ') line.pop_back();
        if (!line.empty()) out.push_back(std::move(line));
        start = end + 1;
    }
    return out;
}

// `text` shortened to whole words (split at spaces) that fit `limit` with an ellipsis after them.
std::string whole_words(const std::string& text, std::size_t limit) {
    if (slack_length(text) <= limit) return text;
    const std::string ellipsis = "…";
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const std::string next = (out.empty() ? "" : out + " ") + text.substr(start, end - start);
        if (slack_length(next) + 1 + slack_length(ellipsis) > limit) break;
        out = next;
        start = end + 1;
    }
    return out.empty() ? ellipsis : out + " " + ellipsis;
}

// A heading or a label in bold. mrkdwn nests no bold ("**x**" shows its asterisks): markup that
// already holds this markup's `*` (the user's are lookalikes) keeps its own emphasis.
std::string bold(std::string_view markup) {
    if (markup.empty() || markup.find('*') != std::string_view::npos) return std::string(markup);
    return fmt::format("*{}*", markup);
}

nlohmann::json mrkdwn(const std::string& text) { return {{"type", "mrkdwn"}, {"text", text}, {"verbatim", true}}; }

}  // namespace

std::size_t slack_length(std::string_view s) {
    std::size_t n = 0;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c & 0xC0) != 0x80) n += c >= 0xF0 ? 2 : 1;  // a code point; beyond the BMP, two UTF-16 units
    }
    return n;
}

SlackMarkup::SlackMarkup(const md::NumberStyle& numbers, std::string more, SlackLimits limits)
    : Markup(numbers), more_(std::move(more)), limits_(limits) {}

std::string SlackMarkup::text(std::string_view raw) const {
    // As the other markups do, a bare http(s) URL is a link (here <url>), whole: Slack then does
    // not read the formatting characters inside it, and verbatim text links nothing by itself.
    const std::string shown = one_line(raw);
    const std::string_view s = shown;
    std::string out;
    std::size_t plain_from = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool url_start = is_http(s.substr(i)) && (i == 0 || !alnum(s[i - 1]));
        if (!url_start) continue;
        std::size_t end = s.find_first_of(" \"'<>\\`|", i);
        if (end == std::string_view::npos) end = s.size();
        while (end > i && std::string_view(".,;:!?)*_~").find(s[end - 1]) != std::string_view::npos) --end;
        if (end == i + (s[i + 4] == 's' ? 8 : 7)) continue;  // a scheme alone is no link
        out += words(s.substr(plain_from, i - plain_from));
        out += fmt::format("<{}>", target(s.substr(i, end - i)));
        plain_from = end;
        i = end - 1;
    }
    out += words(s.substr(plain_from));
    return out;
}

std::string SlackMarkup::strong(std::string_view markup) const { return bold(markup); }

std::string SlackMarkup::strike(std::string_view markup) const {
    return markup.empty() ? std::string() : fmt::format("~{}~", markup);
}

std::string SlackMarkup::link(std::string_view label, std::string_view url) const {
    if (!is_http(url)) return text(url);
    // The label is words only (no link inside a link); without one, the URL shows.
    const std::string shown = words(one_line(label));
    if (shown.empty()) return fmt::format("<{}>", target(url));
    return fmt::format("<{}|{}>", target(url), shown);
}

std::string SlackMarkup::email(std::string_view address) const {
    if (!md::plain_email(address)) return text(address);
    return fmt::format("<mailto:{0}|{0}>", address);
}

std::string SlackMarkup::bar(double share) const { return md::bar(share, numbers()); }

std::string SlackMarkup::mention(std::string_view name, std::string_view slack_id) const {
    if (member_id(slack_id)) return fmt::format("<@{}>", slack_id);
    return text(name);
}

std::string SlackMarkup::pattern(std::string_view catalogue) const {
    // A catalogue's own markup: **bold** is mrkdwn's *bold*, `code` is the same; the {n} fields
    // are left for fmt.
    std::string out;
    for (std::size_t i = 0; i < catalogue.size(); ++i) {
        if (catalogue.substr(i, 2) == "**") {
            out += '*';
            ++i;
        } else {
            escape_into(out, catalogue[i]);
        }
    }
    return out;
}

void SlackMarkup::add(Kind kind, std::string_view markup, bool item, bool new_block, bool tight) {
    if (markup.empty()) return;
    lines_.push_back(Line{kind, std::string(markup), item, new_block, tight});
}

void SlackMarkup::group(Kind kind, const std::vector<std::string>& lines) {
    bool first = true;
    for (const std::string& line : lines) {
        if (line.empty()) continue;
        add(kind, line, true, first && kind == Kind::context, !first || after_heading_);
        first = false;
    }
    if (!first) after_heading_ = false;
}

void SlackMarkup::heading(int level, std::string_view markup) {
    if (markup.empty()) return;
    if (level <= 1) {
        const std::string title = plain(markup);
        if (slack_length(title) <= limits_.header_text) {
            add(Kind::header, title, false, true, false);
        } else {  // too long for a header: a bold section says it whole
            add(Kind::section, bold(markup), false, true, false);
        }
    } else {
        add(Kind::section, bold(markup), false, level == 2, false);
    }
    after_heading_ = true;
}

void SlackMarkup::paragraph(std::string_view markup) { group(Kind::section, lines_of(markup)); }

void SlackMarkup::facts(const std::vector<std::pair<std::string, std::string>>& label_value) {
    std::vector<std::string> lines;
    for (const auto& [label, value] : label_value) lines.push_back(fmt::format("{} {}", bold(label), value));
    group(Kind::section, lines);
}

void SlackMarkup::list(const std::vector<std::string>& items) {
    std::vector<std::string> lines;
    for (const std::string& i : items)
        if (!i.empty()) lines.push_back("• " + i);
    group(Kind::section, lines);
}

void SlackMarkup::tasks(const std::vector<Task>& items) {
    std::vector<std::string> lines;
    for (const Task& t : items)
        if (!t.markup.empty()) lines.push_back(fmt::format("{} {}", t.done ? "☑" : "☐", t.markup));
    group(Kind::section, lines);
}

void SlackMarkup::note(std::string_view markup) {
    std::vector<std::string> lines = lines_of(markup);
    for (std::string& l : lines) l = "> " + l;
    group(Kind::section, lines);
}

void SlackMarkup::definition(std::string_view markup) { group(Kind::context, lines_of(markup)); }

void SlackMarkup::table(const md::Table& t) {
    // A table reads as lines: its header in bold, then a row a line, cells between " · ".
    std::string head;
    for (const std::string& h : t.header()) head += (head.empty() ? "" : " · ") + bold(h);
    if (!head.empty()) add(Kind::section, head, false, false, after_heading_);
    after_heading_ = !head.empty() || after_heading_;
    std::vector<std::string> rows;
    for (const auto& row : t.rows()) {
        std::string line;
        for (const std::string& cell : row) line += (line.empty() ? "" : " · ") + cell;
        rows.push_back(std::move(line));
    }
    group(Kind::section, rows);
}

void SlackMarkup::footer(std::string_view markup) { group(Kind::context, lines_of(markup)); }

// Slack draws no chart: the digest says its figures in words.
void SlackMarkup::figure(const std::vector<std::string>&, std::string_view) {}

std::string SlackMarkup::finish(std::string_view title) {
    struct Block {
        Kind kind;
        std::vector<const Line*> lines;
        std::size_t length = 0;
    };
    auto room = [&](Kind k) {
        return k == Kind::header    ? limits_.header_text
               : k == Kind::context ? limits_.context_text
                                    : limits_.section_text;
    };
    // Lines into blocks, in order: a line joins the block before it when it is of its kind, does
    // not start a group of its own and fits; a line too long for any block is left out.
    std::vector<Block> blocks;
    std::size_t left_out = 0;
    for (const Line& line : lines_) {
        const std::size_t length = slack_length(line.text);
        if (length > room(line.kind)) {
            left_out += line.item ? 1 : 0;
            continue;
        }
        const std::size_t joined = line.tight ? 1 : 2;
        if (!blocks.empty() && !line.new_block && line.kind != Kind::header && blocks.back().kind == line.kind &&
            blocks.back().length + joined + length <= room(line.kind)) {
            blocks.back().lines.push_back(&line);
            blocks.back().length += joined + length;
        } else {
            blocks.push_back(Block{line.kind, {&line}, length});
        }
    }
    // Too many blocks or too much text: the first blocks that fit are kept (the last of them cut
    // between lines when the text runs out), and the last block says how many items were left out.
    auto items = [](const Block& b) {
        std::size_t n = 0;
        for (const Line* l : b.lines) n += l->item ? 1 : 0;
        return n;
    };
    std::size_t given = 0;
    for (const Block& b : blocks) given += items(b);
    // The blocks that fit `max_blocks` and `max_text`, and the items they leave out.
    auto fold = [&](std::size_t max_blocks, std::size_t max_text) {
        std::vector<Block> kept;
        std::size_t text = 0, shown = 0;
        for (const Block& b : blocks) {
            if (kept.size() == max_blocks) break;
            if (text + b.length <= max_text) {
                kept.push_back(b);
                text += b.length;
                shown += items(b);
                continue;
            }
            Block part{b.kind, {}, 0};
            for (const Line* l : b.lines) {
                const std::size_t more = (part.lines.empty() ? 0 : l->tight ? 1 : 2) + slack_length(l->text);
                if (text + part.length + more > max_text) break;
                part.lines.push_back(l);
                part.length += more;
            }
            if (!part.lines.empty()) {
                shown += items(part);
                kept.push_back(std::move(part));
            }
            break;
        }
        return std::pair{std::move(kept), given - shown};
    };
    auto [kept, dropped] = fold(limits_.blocks, limits_.total_text);
    if (dropped + left_out > 0) {
        // Room for the last line, its number at most every item there is.
        const std::size_t last = slack_length(say(more_, md::number(static_cast<double>(given + left_out), numbers())));
        std::tie(kept, dropped) = fold(limits_.blocks - 1, limits_.total_text > last ? limits_.total_text - last : 0);
        left_out += dropped;
        // No heading is left last, over nothing: its lines are what was left out.
        while (!kept.empty()) {
            auto& lines = kept.back().lines;
            while (!lines.empty() && !lines.back()->item) lines.pop_back();
            if (!lines.empty()) break;
            kept.pop_back();
        }
    }
    blocks = std::move(kept);

    nlohmann::json out = nlohmann::json::array();
    for (const Block& b : blocks) {
        std::string text;
        for (const Line* l : b.lines) {
            if (!text.empty()) text += l->tight ? "\n" : "\n\n";
            text += l->text;
        }
        if (b.kind == Kind::header)
            out.push_back({{"type", "header"}, {"text", {{"type", "plain_text"}, {"text", text}}}});
        else if (b.kind == Kind::context)
            out.push_back({{"type", "context"}, {"elements", nlohmann::json::array({mrkdwn(text)})}});
        else
            out.push_back({{"type", "section"}, {"text", mrkdwn(text)}});
    }
    if (left_out > 0)
        out.push_back({{"type", "context"},
                       {"elements", nlohmann::json::array(
                                        {mrkdwn(say(more_, md::number(static_cast<double>(left_out), numbers())))})}});
    std::string fallback = whole_words(text(title), limits_.message_text);
    const nlohmann::json message = {{"text", std::move(fallback)}, {"blocks", std::move(out)}};
    lines_.clear();
    after_heading_ = false;
    return json_document(message, -1);
}

}  // namespace boussole
