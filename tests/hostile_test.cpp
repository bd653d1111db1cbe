// The hostile roadmap (tests/data/hostile-roadmap): every document boussole writes from it is
// checked with what reads it. Terminals: no raw control character, bidirectional override or
// line separator in text read by people. GitHub: every line of the github output parses, with a
// strict parser of the workflow-command grammar, as exactly one annotation with the right file
// and line. JSON, SARIF, GitLab: they parse. Markdown: no forged heading, link, HTML or table
// cell. (The Mermaid block is parsed by Mermaid itself in tests/markdown_test.sh.)
#include <doctest/doctest.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "boussole/plan.hpp"
#include "boussole/recap.hpp"
#include "boussole/visible.hpp"
#include "html_check.hpp"
#include "report/markdown.hpp"
#include "support.hpp"

namespace {

const std::string roadmap = "tests/data/hostile-roadmap";

// The first raw character of `s` a terminal would act on instead of showing, as "U+XXXX at N",
// or "" when there is none. `\n` is allowed between lines, and `\t` where `tabs` says so.
std::string first_raw_control(const std::string& s, bool tabs = false) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        unsigned cp = c;
        std::size_t n = 1;
        if (c >= 0xC0 && c < 0xE0 && i + 1 < s.size()) {
            cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
            n = 2;
        } else if (c >= 0xE0 && c < 0xF0 && i + 2 < s.size()) {
            cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                 (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
            n = 3;
        } else if (c >= 0x80 && c < 0xC0) {
            return "a stray byte at " + std::to_string(i);
        }
        const bool bad = (cp < 0x20 && cp != '\n' && !(tabs && cp == '\t')) || cp == 0x7F ||
                         (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
                         (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
        if (bad)
            return "U+" + std::to_string(cp) + " at " + std::to_string(i) + ": ..." + s.substr(i > 40 ? i - 40 : 0, 80);
        i += n - 1;
    }
    return "";
}

std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t nl; (nl = s.find('\n', start)) != std::string::npos; start = nl + 1)
        out.push_back(s.substr(start, nl - start));
    if (start < s.size()) out.push_back(s.substr(start));
    return out;
}

struct Annotation {
    std::string command, file;
    int line = 0;
    std::string message;
};

// Undoes GitHub's escapes, refusing any '%' not followed by one of `allowed`.
std::optional<std::string> unescape(const std::string& s, const std::set<std::string>& allowed) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i];
            continue;
        }
        const std::string code = s.substr(i + 1, 2);
        if (!allowed.count(code)) return std::nullopt;
        out += code == "25" ? '%' : code == "0D" ? '\r' : code == "0A" ? '\n' : code == "3A" ? ':' : ',';
        i += 2;
    }
    return out;
}

// A strict reading of one line as a GitHub workflow command
// (https://docs.github.com/actions/reference/workflow-commands-for-github-actions):
// "::" command " " key=value{,key=value} "::" message, where values escape '%', CR, LF, ':' and
// ',' and the message escapes '%', CR and LF. Anything else is not an annotation.
std::optional<Annotation> parse_annotation(const std::string& line) {
    if (!line.starts_with("::")) return std::nullopt;
    const std::size_t space = line.find(' ', 2), end = line.find("::", 2);
    if (space == std::string::npos || end == std::string::npos || space > end) return std::nullopt;
    Annotation a;
    a.command = line.substr(2, space - 2);
    if (a.command != "error" && a.command != "warning" && a.command != "notice") return std::nullopt;
    const std::string props = line.substr(space + 1, end - space - 1);
    std::set<std::string> keys;
    std::size_t start = 0;
    while (start <= props.size()) {
        std::size_t comma = props.find(',', start);
        if (comma == std::string::npos) comma = props.size();
        const std::string kv = props.substr(start, comma - start);
        const std::size_t eq = kv.find('=');
        if (eq == std::string::npos || eq == 0) return std::nullopt;
        const std::string key = kv.substr(0, eq);
        const auto value = unescape(kv.substr(eq + 1), {"25", "0D", "0A", "3A", "2C"});
        if (!value || !keys.insert(key).second) return std::nullopt;
        if (key == "file") a.file = *value;
        if (key == "line") a.line = std::stoi(*value);
        start = comma + 1;
    }
    const std::string raw = line.substr(end + 2);
    if (raw.find('\r') != std::string::npos) return std::nullopt;
    const auto message = unescape(raw, {"25", "0D", "0A"});
    if (!message || !keys.count("file") || !keys.count("line")) return std::nullopt;
    a.message = *message;
    return a;
}

}  // namespace

TEST_SUITE("output") {
    TEST_CASE("visible: controls, separators and bidirectional marks shown, accents kept") {
        CHECK(boussole::visible("a\nb\rc\td") == "a\\nb\\rc\\td");
        CHECK(boussole::visible("\x1b[2J") == "\\x1b[2J");
        CHECK(boussole::visible("\x1b]8;;http://x\x1b\\") == "\\x1b]8;;http://x\\x1b\\");
        CHECK(boussole::visible("\x7f\x01") == "\\x7f\\x01");
        CHECK(boussole::visible("\xc2\x9b"
                                "31m \xc2\x85") == "\\u009b31m \\u0085");
        CHECK(boussole::visible("\xe2\x80\xa8 \xe2\x80\xa9 \xe2\x80\xae \xe2\x81\xa6 \xe2\x81\xa9 \xe2\x80\x8f") ==
              "\\u2028 \\u2029 \\u202e \\u2066 \\u2069 \\u200f");
        CHECK(boussole::visible("\xff\xc3") == "\\xff\\xc3");           // not UTF-8
        CHECK(boussole::visible("\xed\xa0\x80") == "\\xed\\xa0\\x80");  // a surrogate
        CHECK(boussole::visible("Élan café 日本 — €") == "Élan café 日本 — €");
        CHECK(first_raw_control(boussole::visible(std::string("\0\x1b\x9b\xc2\x9b", 6))).empty());
        // JSON: the same data once parsed, no raw separator or override in the text.
        const std::string dumped = nlohmann::json("a\xe2\x80\xae b\xe2\x80\xa8 c\xc2\x85 é\x1b").dump();
        CHECK(boussole::json_text(dumped) == "\"a\\u202e b\\u2028 c\\u0085 é\\u001b\"");
        CHECK(nlohmann::json::parse(boussole::json_text(dumped)) == nlohmann::json::parse(dumped));
    }

    TEST_CASE("hostile roadmap: lint text, json, github, sarif and gitlab, each read by its consumer") {
        const auto json_run = test::boussole({"lint", roadmap, "--format", "json"});
        REQUIRE_MESSAGE(json_run.status == 1, json_run.err);
        const auto doc = nlohmann::json::parse(json_run.out);  // throws if not JSON
        const auto& diagnostics = doc.at("diagnostics");
        REQUIRE(diagnostics.size() >= 3);
        CHECK(first_raw_control(json_run.out).empty());
        CHECK(first_raw_control(json_run.err).empty());

        // Text: one diagnostic, one line; nothing a terminal would act on.
        const auto text = test::boussole({"lint", roadmap, "--format", "text"});
        CHECK_MESSAGE(first_raw_control(text.out).empty(), first_raw_control(text.out));
        CHECK(lines_of(text.out).size() == diagnostics.size() + 1);
        for (const std::string& line : lines_of(text.out)) CHECK_FALSE(line.starts_with("::"));
        CHECK(text.out.find("\\x1b[31m") != std::string::npos);
        CHECK(text.out.find("x\\n::error file=a,line=1::FORGED") != std::string::npos);
        const auto color = test::boussole({"lint", roadmap, "--format", "text", "--color", "always"});
        for (const std::string& line : lines_of(color.out)) {
            // Only boussole's own SGR sequences: ESC [ digits/; m.
            for (std::size_t at = line.find('\x1b'); at != std::string::npos; at = line.find('\x1b', at + 1)) {
                std::size_t k = at + 1;
                REQUIRE(k < line.size());
                CHECK(line[k] == '[');
                while (++k < line.size() && (std::isdigit(static_cast<unsigned char>(line[k])) || line[k] == ';')) {
                }
                CHECK(k < line.size());
                CHECK(line[k] == 'm');
            }
        }

        // GitHub: every line but the summary is exactly one annotation, on the diagnostic's file and line.
        const auto github = test::boussole({"lint", roadmap, "--format", "github"});
        const auto lines = lines_of(github.out);
        REQUIRE(lines.size() == diagnostics.size() + 1);
        for (std::size_t i = 0; i < diagnostics.size(); ++i) {
            INFO(lines[i]);
            const auto a = parse_annotation(lines[i]);
            REQUIRE(a.has_value());
            CHECK(a->file == "tests/data/hostile-roadmap/roadmap.yaml");
            CHECK(a->line == diagnostics[i].at("line").get<int>());
            CHECK(first_raw_control(a->message).empty());
        }
        CHECK_FALSE(parse_annotation(lines.back()).has_value());
        CHECK(first_raw_control(github.out).empty());

        for (const std::string format : {"sarif", "gitlab"}) {
            const auto run = test::boussole({"lint", roadmap, "--format", format});
            CHECK(run.status == 1);
            CHECK(nlohmann::json::accept(run.out));
            CHECK(first_raw_control(run.out).empty());
        }
    }

    TEST_CASE("hostile roadmap: the report, for both audiences, forges no line, heading, link or HTML") {
        for (const std::string audience : {"team", "leadership"}) {
            const auto run =
                test::boussole({"report", roadmap, "--as-of", "2026-11-23", "--audience", audience, "-o", "-"});
            INFO(audience, run.err);
            REQUIRE(run.status == 0);
            CHECK_MESSAGE(first_raw_control(run.out).empty(), first_raw_control(run.out));
            CHECK(first_raw_control(run.err).empty());
            for (const std::string& line : lines_of(run.out)) {
                INFO(line);
                // Markup from the roadmap is escaped: each '<' and '](' preceded by a backslash.
                for (const std::string markup : {"<script", "<img", "</script", "](javascript:"})
                    for (std::size_t at = line.find(markup); at != std::string::npos; at = line.find(markup, at + 1))
                        CHECK((at > 0 && line[at - 1] == '\\'));
                CHECK_FALSE(line.starts_with("# Not a heading"));
                CHECK_FALSE(line.starts_with("::"));
                // No forged Mermaid statement: the newline in the title stays inside its task.
                const std::size_t indent = line.find_first_not_of(' ');
                if (indent != std::string::npos) {
                    CHECK_FALSE(line.substr(indent).starts_with("section forged"));
                    CHECK_FALSE(line.substr(indent).starts_with("title forged"));
                }
            }
            // Accents survive.
            if (audience == "team") CHECK(run.out.find("Élan — Zürich naïve façade ñ 日本") != std::string::npos);
        }
    }

    // issue 14, json
    TEST_CASE("hostile roadmap: the HTML page of every audience makes no element, attribute or link of its own") {
        // issue 15: user text never becomes markup in the dashboard (tests/html_check.hpp).
        for (const std::string audience : {"team", "leadership", "sellers"})
            for (const std::string lang : {"en", "fr"}) {
                const auto run = test::boussole({"report", roadmap, "--as-of", "2026-11-23", "--audience", audience,
                                                 "--format", "html", "--lang", lang, "-o", "-"});
                INFO(audience, " ", lang, " ", run.err);
                REQUIRE(run.status == 0);
                CHECK_MESSAGE(test::html_breach(run.out).empty(), test::html_breach(run.out));
                CHECK_MESSAGE(first_raw_control(run.out).empty(), first_raw_control(run.out));
                CHECK(run.out.find("&lt;script") != std::string::npos);  // the roadmap's markup, shown as text
                if (audience == "team") CHECK(run.out.find("Élan — Zürich naïve façade ñ 日本") != std::string::npos);
            }
        // The checker itself: what it must refuse.
        CHECK_FALSE(test::html_breach("<p>x</p><script>alert(1)</script>").empty());
        CHECK_FALSE(test::html_breach("<a href=\"javascript:alert(1)\">x</a>").empty());
        CHECK_FALSE(test::html_breach("<p onclick=\"x\">x</p>").empty());
        CHECK_FALSE(test::html_breach("<svg><image href=\"https://e.com/x.png\"/></svg>").empty());
        CHECK(test::html_breach("<p><a href=\"https://e.com\">x</a> &lt;script&gt;</p>").empty());
    }

    TEST_CASE("hostile roadmap: the report's JSON parses, keeps every name as written, and holds no raw control") {
        for (const std::string audience : {"team", "leadership"}) {
            const auto run = test::boussole(
                {"report", roadmap, "--as-of", "2026-11-23", "--audience", audience, "--format", "json", "-o", "-"});
            INFO(audience, run.err);
            REQUIRE(run.status == 0);
            CHECK_MESSAGE(first_raw_control(run.out).empty(), first_raw_control(run.out));
            const auto doc = nlohmann::json::parse(run.out);  // throws if not JSON
            CHECK(doc.at("format") == "boussole.report/1");
            // Names are data: markup and line breaks kept as written (JSON escapes them).
            CHECK(run.out.find("Élan — Zürich naïve façade ñ 日本") != std::string::npos);
            bool title = false;  // the title with line breaks, as written (not as visible() shows it)
            for (const auto& stream : doc.at("streams"))
                for (const auto& epic : stream.at("epics"))
                    title = title || epic.at("title") == "a: b; c # d\nsection forged\ntitle forged";
            CHECK(title);
            bool description = false;  // markup is data in JSON: not escaped for Markdown
            for (const auto& stream : doc.at("streams"))
                if (stream.at("description").is_string())  // null for a stream without one
                    description = description || stream.at("description")
                                                     .get<std::string>()
                                                     .starts_with("# Not a heading <img src=x onerror=alert(1)>");
            CHECK(description);
        }
    }

    TEST_CASE("stderr: a path or a command holding escapes is quoted visibly, on one line") {
        for (const std::vector<std::string>& args :
             {std::vector<std::string>{"lint", "no\x1b[2Jsuch\n::error file=a,line=1::X\xe2\x80\xae"},
              std::vector<std::string>{"re\x1b]8;;http://x\x1b\\port"},
              std::vector<std::string>{"report", "no\rsuch", "--as-of", "x\x1b[1m"}}) {
            const auto run = test::boussole(args);
            INFO(run.err);
            CHECK(run.status == 2);
            CHECK(first_raw_control(run.err).empty());
            for (const std::string& line : lines_of(run.err)) CHECK_FALSE(line.starts_with("::"));
            const bool shown = run.err.find("\\x1b") != std::string::npos || run.err.find("\\r") != std::string::npos;
            CHECK(shown);
        }
    }

    TEST_CASE("markdown text: pipes, backticks, headings, HTML and links stay text") {
        using boussole::md::text;
        CHECK(text("a | b") == "a \\| b");
        CHECK(text("`x`") == "\\`x\\`");
        CHECK(text("# h") == "\\# h");
        CHECK(text("<script>alert(1)</script>") == "\\<script\\>alert(1)\\</script\\>");
        CHECK(text("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))");
        CHECK(text("a\x1b[2Jb") == "a\\\\x1b\\[2Jb");
        CHECK(text("x\xe2\x80\xaey") == "x\\\\u202ey");
        // A URL glued to punctuation is still a link, ended by an escape made visible.
        CHECK(text("\x1b]8;;http://evil.example\x1b\\x") == "\\\\x1b\\]8;;<http://evil.example>\\\\x1b\\\\x");
        CHECK(first_raw_control(text(std::string("\0\x07\x9b\xc2\x85", 5))).empty());
    }

    TEST_CASE("diff: one change, one line; no control character reaches the terminal or the comment") {
        using boussole::ChangeKind;
        boussole::DiffContent d;
        d.path = "road\nmap\x1b[2J.yaml";
        d.from = {"main\r::error file=a,line=1::X", "0123456789abcdef"};
        d.to = {"working tree", ""};
        const std::string evil = "x\n::error file=a,line=1::FORGED \x1b]8;;http://x\x1b\\ \xe2\x80\xae \xc2\x9b";
        auto change = [](ChangeKind kind, std::string subject, std::string title, std::string before, std::string after,
                         std::string field = "") {
            boussole::Change c{kind,
                               std::move(subject),
                               std::move(title),
                               std::move(before),
                               std::move(after),
                               std::move(field),
                               std::nullopt};
            return c;
        };
        d.changes.push_back(change(ChangeKind::owner_changed, "epic\x1b[1m", evil, evil, evil));
        d.changes.push_back(change(ChangeKind::field_changed, "e2", "t", "a\rb", "c\nd", evil));
        d.changes.push_back(change(ChangeKind::epic_added, evil, evil, "", evil));
        d.changes.push_back(change(ChangeKind::target_changed, "kr", evil, "1", "2"));
        d.goalposts = {3};
        d.targets_moved = 1;
        const std::string text = boussole::render_diff_text(d);
        CHECK_MESSAGE(first_raw_control(text).empty(), first_raw_control(text));
        CHECK(lines_of(text).size() == d.changes.size() + 1);  // the header and count, then one per change
        for (const std::string& line : lines_of(text)) CHECK_FALSE(line.starts_with("::"));
        const std::string markdown = boussole::render_diff_markdown(d);
        CHECK_MESSAGE(first_raw_control(markdown).empty(), first_raw_control(markdown));
        for (const std::string& line : lines_of(markdown)) CHECK_FALSE(line.starts_with("::"));
        CHECK(nlohmann::json::accept(boussole::render_diff_json(d)));
    }
}
