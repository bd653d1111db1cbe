// issue 16: the Slack markup (src/report/slack.cpp): a Block Kit message for an incoming webhook.
// Escaping of hostile text, mentions, the shape of each block, and Slack's limits kept by folding
// (never by cutting a word or a link), on small limits and on a huge document with Slack's own;
// every message made here is also read by tests/tools/slack_check.py.
#include <doctest/doctest.h>

#include <regex>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/messages.hpp"
#include "report/slack.hpp"
#include "support.hpp"

using namespace boussole;
using nlohmann::json;

namespace {

const md::NumberStyle& en_numbers() { return slack_en.style->numbers; }

SlackMarkup markup(SlackLimits limits = {}) { return SlackMarkup(en_numbers(), std::string(slack_en.more), limits); }

// Every text of a message: each block's (a section's, a header's, each context element's).
std::vector<std::string> texts(const json& message) {
    std::vector<std::string> out;
    for (const json& b : message["blocks"]) {
        if (b.contains("text")) out.push_back(b["text"]["text"].get<std::string>());
        if (b.contains("elements"))
            for (const json& e : b["elements"]) out.push_back(e["text"].get<std::string>());
    }
    return out;
}

// The lines of every text of a message, in order.
std::vector<std::string> lines(const json& message) {
    std::vector<std::string> out;
    for (const std::string& t : texts(message)) {
        std::size_t start = 0;
        while (start <= t.size()) {
            std::size_t end = t.find('\n', start);
            if (end == std::string::npos) end = t.size();
            if (end > start) out.push_back(t.substr(start, end - start));
            start = end + 1;
        }
    }
    return out;
}

// The checker of tests/tools, on `payload`: its exit status and what it said.
test::Run check_payload(const std::string& payload, const std::string& name) {
    const std::string file = test::temp_dir("slack-" + name) + "/payload.json";
    test::write(file, payload);
    return test::run({"/usr/bin/python3", test::source_dir() + "/tests/tools/slack_check.py", file});
}

// "…and N more": N, or -1 when the message has no such line.
long more_count(const json& message) {
    const json& blocks = message["blocks"];
    if (blocks.empty() || blocks.back()["type"] != "context") return -1;
    const std::string t = blocks.back()["elements"][0]["text"].get<std::string>();
    if (!t.starts_with("…and ") || !t.ends_with(" more")) return -1;
    return std::stol(t.substr(std::string("…and ").size()));
}

}  // namespace

TEST_SUITE("slack") {
    TEST_CASE("user text can make no mention, channel ping, link or formatting") {
        const SlackMarkup m = markup();
        const std::string hostile =
            "<!channel> <@U012AB3CD> <!here|here> <https://evil.test|click> & *bold* _it_ ~no~ `x`";
        const std::string t = m.text(hostile);
        CHECK(t ==
              "&lt;!channel&gt; &lt;@U012AB3CD&gt; &lt;!here|here&gt; &lt;<https://evil.test>|click&gt; &amp; "
              "\u2217bold\u2217 \uff3fit\uff3f \u223cno\u223c \u02cbx\u02cb");
        // No '<' but those of the links this markup wrote, no formatting character of the user's.
        CHECK(m.text("a < b > c & d") == "a &lt; b &gt; c &amp; d");
        // Words Slack would parse in text that is not verbatim stay words: every mrkdwn text object
        // of the message is verbatim (checked below), so "@channel" pings nobody.
        CHECK(m.text("@channel @here #general :smile:") == "@channel @here #general :smile:");
        CHECK(m.text("snake_case_name stays") == "snake_case_name stays");
        // Line breaks fold, controls and bidirectional overrides are shown, not obeyed.
        CHECK(m.text("one\ntwo\r\n\tthree") == "one two three");
        CHECK(m.text("a\x1b[31mred \xe2\x80\xae evil") == "a\\x1b[31mred \\u202e evil");
        CHECK(m.text("bad \xff byte") == "bad \\xff byte");
        // A bare URL is a link, whole, its `|` and `>` unable to end it.
        CHECK(m.text("see https://x.test/a_b*c?q=1&r=2.") == "see <https://x.test/a_b*c?q=1&amp;r=2>.");
        CHECK(m.text("https:// alone") == "https:// alone");
    }

    TEST_CASE("links, e-mail addresses and mentions") {
        const SlackMarkup m = markup();
        CHECK(m.link("Plan & <notes>", "https://wiki.test/p?a=1&b=2") ==
              "<https://wiki.test/p?a=1&amp;b=2|Plan &amp; &lt;notes&gt;>");
        CHECK(m.link("x", "https://a.test/x|<!channel>") == "<https://a.test/x%7C%3C!channel%3E|x>");
        CHECK(m.link("", "https://a.test/ b") == "<https://a.test/%20b>");
        CHECK(m.link("label", "javascript:alert(1)") == "javascript:alert(1)");
        CHECK(m.link("label", "<!channel>") == "&lt;!channel&gt;");
        // A label holding a URL is words, not a link inside a link.
        CHECK(m.link("see https://b.test", "https://a.test") == "<https://a.test|see https://b.test>");
        CHECK(m.email("ana@example.com") == "<mailto:ana@example.com|ana@example.com>");
        CHECK(m.email("<!channel>@x.test") == "&lt;!channel&gt;@x.test");
        CHECK(m.mention("Ana Diaz", "U012AB3CD") == "<@U012AB3CD>");
        CHECK(m.mention("Ana Diaz", "W0ABC") == "<@W0ABC>");
        CHECK(m.mention("Ana *Diaz*", "") == "Ana \u2217Diaz\u2217");
        // Not a member id: the name, escaped; never a mention built from the id.
        for (const char* id : {"U1> <!channel", "u012ab3cd", "C012AB3CD", "U", "!channel", "U012AB3CD|x"})
            CHECK(m.mention("Ana", id) == "Ana");
        CHECK(m.strong(m.text("x")) == "*x*");
        CHECK(m.strong(m.strong(m.text("x"))) == "*x*");
        CHECK(m.strike(m.text("x")) == "~x~");
        CHECK(m.pattern("**{0}** is `key` & <b>") == "*{0}* is `key` &amp; &lt;b&gt;");
        CHECK(m.say("**{0}** overdue", m.text("a*b")) == "*a\u2217b* overdue");
        CHECK(m.quantity(104000, "EUR") == "104,000 EUR");
        CHECK(m.bar(0.4) == "▓▓▓▓░░░░░░ 40%");
    }

    TEST_CASE("each block type, and the message as posted") {
        SlackMarkup m = markup();
        m.heading(1, m.text("Monday digest & more"));
        m.facts({{"Week", "2026-11-30"}});
        m.heading(2, m.mention("Ana", "U012AB3CD"));
        m.heading(3, m.text("Due this week"));
        m.list({m.text("Epic A"), m.text("Epic B")});
        m.tasks({{true, m.text("done one")}, {false, m.text("open one")}});
        m.paragraph(m.text("A paragraph."));
        m.note(m.text("A caveat."));
        m.definition(m.text("Overdue: past its due date."));
        md::Table t({"Epic", "Due"}, "lr");
        t.row({m.text("A"), "2026-12-01"});
        m.table(t);
        m.figure({"<svg/>"}, "caption");
        m.footer(m.text("boussole 0.1.0"));
        const std::string payload = m.finish("Monday digest <!channel>");
        REQUIRE(payload.ends_with("}\n"));
        CHECK(payload.find('\n') == payload.size() - 1);  // compact: one line
        const json msg = json::parse(payload);
        CHECK(msg["text"] == "Monday digest &lt;!channel&gt;");
        const json& b = msg["blocks"];
        REQUIRE(b.size() == 6);
        CHECK(b[0] == json{{"type", "header"}, {"text", {{"type", "plain_text"}, {"text", "Monday digest & more"}}}});
        CHECK(b[1]["type"] == "section");
        CHECK(b[1]["text"] == json{{"type", "mrkdwn"}, {"text", "*Week* 2026-11-30"}, {"verbatim", true}});
        // A level-2 heading opens a section; a level-3 one and its list share it.
        CHECK(b[2]["text"]["text"] ==
              "*<@U012AB3CD>*\n\n*Due this week*\n• Epic A\n• Epic B\n\n☑ done one\n☐ open one\n\nA paragraph.\n\n"
              "> A caveat.");
        const json definition = {{"type", "mrkdwn"}, {"text", "Overdue: past its due date."}, {"verbatim", true}};
        CHECK(b[3] == json{{"type", "context"}, {"elements", json::array({definition})}});
        CHECK(b[4]["text"]["text"] == "*Epic* · *Due*\nA · 2026-12-01");
        CHECK(b[5]["type"] == "context");
        CHECK(b[5]["elements"][0]["text"] == "boussole 0.1.0");
        CHECK(m.finish("again") == "{\"blocks\":[],\"text\":\"again\"}\n");  // empty after finish
        const test::Run checked = check_payload(payload, "blocks");
        INFO(checked.out, checked.err);
        CHECK(checked.status == 0);
    }

    TEST_CASE("a heading already in bold is not bolded twice") {
        // mrkdwn nests no bold: "**Due**" would show its asterisks. (Every `*` is this markup's own.)
        SlackMarkup m = markup();
        m.heading(3, m.strong(m.text("Due")));
        m.heading(3, m.say("**{0}** and **{1}**", m.text("a"), m.text("b")));
        m.facts({{m.strong("Week"), "1"}});
        const json msg = json::parse(m.finish("t"));
        CHECK(msg["blocks"][0]["text"]["text"] == "*Due*\n\n*a* and *b*\n*Week* 1");
    }

    TEST_CASE("a title too long for a header is a bold section, whole") {
        SlackMarkup m = markup(SlackLimits{.header_text = 10});
        m.heading(1, m.text("A title of many words"));
        m.heading(1, m.text("Short *x*"));
        const json msg = json::parse(m.finish("t"));
        CHECK(msg["blocks"][0]["type"] == "section");
        CHECK(msg["blocks"][0]["text"]["text"] == "*A title of many words*");
        CHECK(msg["blocks"][1]["type"] == "header");
        CHECK(msg["blocks"][1]["text"]["text"] == "Short \u2217x\u2217");
    }

    TEST_CASE("small limits: sections split between lines, the last block counts what was left out") {
        const SlackLimits limits{.blocks = 4, .section_text = 40, .header_text = 20, .context_text = 40};
        SlackMarkup m = markup(limits);
        std::vector<std::string> items;
        for (int i = 0; i < 30; ++i) items.push_back(m.text(fmt::format("item {:02}", i)));  // "• item 07": 9 chars
        m.heading(2, m.text("Owner"));
        m.list(items);
        const json msg = json::parse(m.finish("digest"));
        const json& b = msg["blocks"];
        REQUIRE(b.size() == 4);
        std::size_t shown = 0;
        for (std::size_t i = 0; i + 1 < b.size(); ++i) {
            CHECK(b[i]["type"] == "section");
            const std::string t = b[i]["text"]["text"];
            CHECK(slack_length(t) <= 40);
            for (const std::string& line : lines(json{{"blocks", json::array({b[i]})}}))
                if (line.starts_with("• ")) ++shown;
        }
        // 3 sections: "*Owner*" and 3 items, then 4 items twice: 11 shown, 19 left out.
        CHECK(shown == 11);
        CHECK(b[3]["elements"][0]["text"] == "…and 19 more");
        CHECK(more_count(msg) == 19);
        // The lines shown are the first ones, in order.
        CHECK(b[0]["text"]["text"] == "*Owner*\n• item 00\n• item 01\n• item 02");
    }

    TEST_CASE("the message's texts together stay within their total, the last line counted in it") {
        SlackMarkup m = markup(SlackLimits{.section_text = 40, .total_text = 50});
        std::vector<std::string> items;
        for (int i = 0; i < 30; ++i) items.push_back(m.text(fmt::format("item {:02}", i)));
        m.list(items);
        const json msg = json::parse(m.finish("t"));
        std::size_t total = 0;
        for (const std::string& t : texts(msg)) total += slack_length(t);
        CHECK(total <= 50);
        // "…and 27 more" (12) leaves 38 for the lines: 3 of them (29), cut between lines.
        REQUIRE(msg["blocks"].size() == 2);
        CHECK(msg["blocks"][0]["text"]["text"] == "• item 00\n• item 01\n• item 02");
        CHECK(more_count(msg) == 27);
    }

    TEST_CASE("a line too long for any block is left out and counted, never cut") {
        SlackMarkup m = markup(SlackLimits{.section_text = 30});
        const std::string word(60, 'w');
        m.list({m.text("short"), m.text(word), m.text("after")});
        const json msg = json::parse(m.finish("t"));
        CHECK(msg["blocks"][0]["text"]["text"] == "• short\n• after");
        CHECK(more_count(msg) == 1);
        CHECK(json(msg).dump().find("www") == std::string::npos);
    }

    TEST_CASE("no heading is left last over nothing") {
        SlackMarkup m = markup(SlackLimits{.blocks = 3});
        for (int i = 0; i < 5; ++i) {
            m.heading(2, m.text(fmt::format("Owner {}", i)));
            m.paragraph(m.text(fmt::format("line {}", i)));
        }
        const json msg = json::parse(m.finish("t"));
        REQUIRE(msg["blocks"].size() == 3);
        CHECK(msg["blocks"][1]["text"]["text"] == "*Owner 1*\nline 1");
        CHECK(more_count(msg) == 3);
        // Only headings beyond the limit: no "more" line, nothing left out.
        SlackMarkup h = markup(SlackLimits{.blocks = 2});
        h.heading(2, h.text("A"));
        h.paragraph(h.text("a"));
        h.heading(2, h.text("B"));
        h.paragraph(h.text("b"));
        h.heading(2, h.text("C"));
        const json only = json::parse(h.finish("t"));
        CHECK(only["blocks"].size() == 2);
        CHECK(more_count(only) == -1);
    }

    TEST_CASE("the French words for what was left out, and its number as French writes it") {
        SlackMarkup m(slack_fr.style->numbers, std::string(slack_fr.more),
                      SlackLimits{.blocks = 2, .section_text = 20});
        std::vector<std::string> items(12000, m.text("élément"));
        m.list(items);
        const json msg = json::parse(m.finish("t"));
        CHECK(msg["blocks"].back()["elements"][0]["text"] == "…et 11\u202f998 de plus");
    }

    TEST_CASE("a huge document keeps every limit of Slack's, and cuts no word and no link") {
        SlackMarkup m = markup();
        const SlackLimits limits;
        std::vector<std::string> input;  // every item line as the markup was given it
        std::vector<std::string> urls;
        const std::string giant_word(5000, 'g');
        std::string long_url = "https://example.test/";
        for (int i = 0; i < 400; ++i) long_url += fmt::format("segment{}/", i);  // ~4,500 characters
        urls.push_back(long_url);
        m.heading(1, m.text(std::string(200, 'T')));  // too long for a header
        m.heading(1, m.text("Monday digest"));
        for (int owner = 0; owner < 60; ++owner) {
            m.heading(2, m.mention(fmt::format("Owner {}", owner), fmt::format("U{:08}", owner)));
            m.heading(3, m.text("Due this week"));
            std::vector<std::string> items;
            for (int i = 0; i < 60; ++i) {
                const std::string url = fmt::format("https://tracker.test/{}/{}", owner, i);
                urls.push_back(url);
                items.push_back(m.say("{0} — {1}", m.link(fmt::format("Epic {}-{}", owner, i), url),
                                      m.text(fmt::format("owner {} item {} & <more>", owner, i))));
            }
            if (owner == 3) items.push_back(m.text(giant_word));
            if (owner == 4) items.push_back(m.link("the long one", long_url));
            for (const std::string& i : items) input.push_back("• " + i);
            m.list(items);
            const std::string para = m.text(fmt::format("Paragraph of owner {} *{}*", owner, owner));
            input.push_back(para);
            m.paragraph(para);
        }
        const std::string footer = m.text("boussole 0.1.0");
        input.push_back(footer);
        m.footer(footer);
        const std::string payload = m.finish(std::string(50000, 'x') + " title");
        const json msg = json::parse(payload);

        // Every limit.
        CHECK(msg["blocks"].size() <= limits.blocks);
        std::size_t total = 0;
        for (const std::string& t : texts(msg)) total += slack_length(t);
        CHECK(total <= limits.total_text);
        CHECK(slack_length(msg["text"].get<std::string>()) <= limits.message_text);
        for (const json& b : msg["blocks"]) {
            if (b["type"] == "header") CHECK(slack_length(b["text"]["text"].get<std::string>()) <= limits.header_text);
            if (b["type"] == "section") {
                CHECK(slack_length(b["text"]["text"].get<std::string>()) <= limits.section_text);
                CHECK(b["text"]["verbatim"] == true);
            }
            if (b["type"] == "context") {
                CHECK(b["elements"].size() <= limits.context_elements);
                for (const json& e : b["elements"]) {
                    CHECK(slack_length(e["text"].get<std::string>()) <= limits.context_text);
                    CHECK(e["verbatim"] == true);
                }
            }
        }
        // The count is exact: the items given are those shown and those counted left out.
        std::multiset<std::string> given(input.begin(), input.end());
        std::size_t shown = 0;
        for (const std::string& line : lines(msg)) {
            if (given.contains(line)) {
                ++shown;
                continue;
            }
            // Any other line is a heading, the title or the "more" line, never a piece of an item.
            const bool heading = line.starts_with("*") && line.ends_with("*");
            const bool known = heading || line == "Monday digest" || line.starts_with("…and ");
            INFO(line.substr(0, 200));
            CHECK(known);
            for (const std::string& in : input) CHECK_FALSE((!line.empty() && in.starts_with(line) && in != line));
        }
        const long more = more_count(msg);
        REQUIRE(more > 0);
        CHECK(input.size() == shown + static_cast<std::size_t>(more));
        // The giant word is shown whole or not at all; so is every URL: each link's target is one
        // of the URLs given, and the long one, left out, shows not even in part.
        CHECK(payload.find(std::string(100, 'g')) == std::string::npos);
        CHECK(payload.find(long_url.substr(0, 100)) == std::string::npos);
        const std::set<std::string> known_urls(urls.begin(), urls.end());
        const std::regex target("<(https?://[^|>]*)[|>]");
        std::size_t links = 0;
        for (const std::string& t : texts(msg))
            for (auto it = std::sregex_iterator(t.begin(), t.end(), target); it != std::sregex_iterator(); ++it) {
                ++links;
                INFO((*it)[1].str().substr(0, 80));
                CHECK(known_urls.contains((*it)[1].str()));
            }
        CHECK(links > 100);
        // The long title is cut between words, with an ellipsis.
        CHECK(msg["text"] == "…");
        const test::Run checked = check_payload(payload, "huge");
        INFO(checked.out, checked.err);
        CHECK(checked.status == 0);
    }
}
