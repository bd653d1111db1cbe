// issue 16: the digest's e-mail (src/report/mime.cpp) and its plain text (src/report/text.cpp):
// quoted-printable round trips on hostile bodies, RFC 2047 encoded-words and header folding,
// header injection attempts, and the text markup's output for each block. The last case writes
// a sample message that the `mail-parse` test reads with Python's email package.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "report/html.hpp"
#include "report/mime.hpp"
#include "report/text.hpp"

using namespace boussole;

namespace {

constexpr md::NumberStyle english{.thousands = ",", .decimal = ".", .percent = "%"};

std::vector<std::string> crlf_lines(std::string_view s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < s.size()) {
        std::size_t end = s.find("\r\n", start);
        if (end == std::string_view::npos) end = s.size();
        out.emplace_back(s.substr(start, end - start));
        start = end + 2;
    }
    return out;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// An independent quoted-printable decoder (RFC 2045 §6.7), strict: fails the test on anything
// the encoder must not write. The hard line breaks come back as CRLF.
std::string qp_decode(std::string_view qp) {
    std::string out;
    const std::vector<std::string> lines = crlf_lines(qp);
    for (std::size_t l = 0; l < lines.size(); ++l) {
        const std::string& line = lines[l];
        CHECK_MESSAGE(line.size() <= 76, line);
        CHECK_MESSAGE(line.find_first_of("\r\n") == std::string::npos, line);
        if (!line.empty()) CHECK_MESSAGE((line.back() != ' ' && line.back() != '\t'), line);
        bool soft = false;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const auto c = static_cast<unsigned char>(line[i]);
            if (c == '=') {
                if (i + 1 == line.size()) {
                    soft = true;
                    break;
                }
                REQUIRE_MESSAGE(i + 2 < line.size(), line);
                const int hi = hex_value(line[i + 1]), lo = hex_value(line[i + 2]);
                REQUIRE_MESSAGE((hi >= 0 && lo >= 0), line);
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
            } else {
                CHECK_MESSAGE(((c >= 0x21 && c <= 0x7e) || c == ' ' || c == '\t'), line);
                out += static_cast<char>(c);
            }
        }
        if (!soft && l + 1 < lines.size()) out += "\r\n";
    }
    // A final hard break shows as an empty last line, which crlf_lines() does not list.
    if (qp.ends_with("\r\n") && !qp.ends_with("=\r\n")) out += "\r\n";
    return out;
}

// CR, LF and CRLF all as CRLF: what a text's line breaks are in its canonical form.
std::string canonical(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r' || s[i] == '\n') {
            out += "\r\n";
            if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::string base64_decode(std::string_view s) {
    static constexpr std::string_view digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    unsigned v = 0;
    int bits = 0;
    for (char c : s) {
        if (c == '=') break;
        const auto d = digits.find(c);
        REQUIRE(d != std::string_view::npos);
        v = (v << 6) | static_cast<unsigned>(d);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((v >> bits) & 0xFF);
        }
    }
    return out;
}

bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

// A header field unfolded, its encoded-words decoded (each checked: at most 75 characters,
// whole UTF-8 characters), the whitespace between two adjacent encoded-words dropped
// (RFC 2047 §6.2). Every physical line is checked: at most 76 characters.
std::string decode_header(std::string_view field) {
    for (const std::string& line : crlf_lines(field)) CHECK_MESSAGE(line.size() <= 76, line);
    std::string unfolded;
    for (const std::string& line : crlf_lines(field)) unfolded += line;
    const std::size_t colon = unfolded.find(": ");
    REQUIRE(colon != std::string::npos);
    std::string value = unfolded.substr(colon + 2), out;
    bool after_word = false;
    std::string pending_space;
    for (std::size_t i = 0; i < value.size();) {
        if (value.compare(i, 10, "=?UTF-8?B?") == 0) {
            const std::size_t end = value.find("?=", i + 10);
            REQUIRE(end != std::string::npos);
            CHECK(end + 2 - i <= 75);
            const std::string bytes = base64_decode(std::string_view(value).substr(i + 10, end - i - 10));
            CHECK_MESSAGE(valid_utf8(bytes), value);
            if (!after_word) out += pending_space;
            pending_space.clear();
            out += bytes;
            after_word = true;
            i = end + 2;
        } else if (value[i] == ' ') {
            pending_space += ' ';
            ++i;
        } else {
            out += pending_space;
            pending_space.clear();
            out += value[i++];
            after_word = false;
        }
    }
    return out + pending_space;
}

// The header field `name` of a message (with its folded lines), or "" when it has none.
std::string field(std::string_view message, std::string_view name) {
    const std::string head(message.substr(0, message.find("\r\n\r\n") + 2));
    const std::string start = std::string(name) + ":";
    std::size_t at = head.starts_with(start) ? 0 : head.find("\r\n" + start);
    if (at == std::string::npos) return "";
    if (at != 0) at += 2;
    std::size_t end = at;
    do end = head.find("\r\n", end) + 2;
    while (end < head.size() && head[end] == ' ');
    return head.substr(at, end - at);
}

std::vector<std::string> hostile_bodies() {
    std::string every_byte;
    for (int c = 0; c < 256; ++c) every_byte += static_cast<char>(c);
    return {
        "",
        "\n",
        "\r\n\r\n",
        "one line",
        std::string(300, 'a'),
        std::string(200, '='),
        "x" + std::string(200, ' ') + "y",
        "trailing spaces   \nand tabs\t\t\r\nlast ",
        "\ttab first\tand inside\t",
        std::string(75, 'a') + "😀" + std::string(10, 'b'),  // a 4-byte emoji at the 76th column
        std::string(74, 'a') + "😀😀😀",
        std::string(73, 'a') + "é=é",
        "CRLF\r\nLF\nCR\rCRLF again\r\n\nmixed\n\r",
        ".\n..\nFrom me\nFrom\n From x\n",
        std::string(75, 'a') + ".b\n" + std::string(75, 'c') + "From here",
        "--=_boussole_digest_alternative\n--=_boussole_digest_alternative--\n",
        "Hélène, Łódź, 東京, עברית \u202e reversed",
        every_byte,
    };
}

Date day(const char* iso) { return *Date::parse(iso); }

}  // namespace

TEST_SUITE("mail") {
    TEST_CASE("quoted-printable: hostile bodies come back as they were, in lines of at most 76") {
        for (const std::string& body : hostile_bodies()) {
            CAPTURE(body);
            const std::string qp = mime::quoted_printable(body);
            CHECK(qp_decode(qp) == canonical(body));
            // Only printable ASCII, space and tab, and CRLF line breaks.
            for (std::size_t i = 0; i < qp.size(); ++i) {
                const auto c = static_cast<unsigned char>(qp[i]);
                if (c == '\r') CHECK(qp.compare(i, 2, "\r\n") == 0);
                if (c == '\n') CHECK((i > 0 && qp[i - 1] == '\r'));
                CHECK((c == '\r' || c == '\n' || c == '\t' || (c >= 0x20 && c < 0x7f)));
            }
            // The boundary cannot occur in it, nor a line sendmail or mbox would act on.
            CHECK(qp.find("=_") == std::string::npos);
            for (const std::string& line : crlf_lines(qp)) {
                CHECK(line != ".");
                CHECK(!line.starts_with("From "));
                CHECK(!line.starts_with("."));
            }
        }
    }

    TEST_CASE("quoted-printable: soft breaks never split a character") {
        // The emoji would end at the 79th column: the line breaks before it, whole.
        const std::string qp = mime::quoted_printable(std::string(75, 'a') + "😀b");
        CHECK(qp == std::string(75, 'a') + "=\r\n=F0=9F=98=80b");
        // A line of exactly 76 characters needs no soft break; 77 does.
        CHECK(mime::quoted_printable(std::string(76, 'a')) == std::string(76, 'a'));
        CHECK(mime::quoted_printable(std::string(77, 'a')) == std::string(75, 'a') + "=\r\naa");
        // Every physical line decodes to whole UTF-8 characters.
        const std::string wide = std::string(7, 'x') + "éàü東京😀😀😀😀😀😀😀😀😀😀😀😀😀😀";
        for (const std::string& line : crlf_lines(mime::quoted_printable(wide))) {
            std::string bytes = qp_decode(line);
            CHECK_MESSAGE(valid_utf8(bytes), line);
        }
        // Trailing whitespace is encoded, a space before a soft break is not trailing.
        CHECK(mime::quoted_printable("a \nb\t") == "a=20\r\nb=09");
        CHECK(mime::quoted_printable("1+1=2") == "1+1=3D2");
        CHECK(mime::quoted_printable(".\nFrom x\nFrog") == "=2E\r\n=46rom x\r\nFrog");
    }

    TEST_CASE("encoded-words: at most 75 characters, whole characters, decoded exactly") {
        const std::vector<std::string> subjects = {
            "Digest de la semaine : équipe RevOps, 30 novembre",
            std::string(120, '\xC3'),  // not UTF-8: shown as escapes, never raw
            [] {
                std::string s;
                for (int i = 0; i < 80; ++i) s += "é";
                return s;
            }(),
            [] {
                std::string s;
                for (int i = 0; i < 40; ++i) s += "😀東";
                return s;
            }(),
            "plain but has =?UTF-8?B?ZXZpbA==?= inside",
            "word" + std::string(100, 'w') + " end",
        };
        for (const std::string& s : subjects) {
            CAPTURE(s);
            const std::string h = mime::unstructured_header("Subject", s);
            CHECK(h.starts_with("Subject: "));
            CHECK(h.ends_with("\r\n"));
            const std::string decoded = decode_header(h);
            std::string expected = s;
            if (!valid_utf8(s)) {  // each byte that is not UTF-8 shown as an escape
                expected.clear();
                for (std::size_t i = 0; i < s.size(); ++i) expected += "\\xc3";
            }
            CHECK(decoded == expected);
            CHECK(h.find("=?") != std::string::npos);  // none of these is written as it is
        }
        // Plain ASCII stays readable.
        CHECK(mime::unstructured_header("Subject", "Weekly digest") == "Subject: Weekly digest\r\n");
        CHECK(mime::unstructured_header("Subject", "") == "Subject:\r\n");
    }

    TEST_CASE("folding: long subjects and recipient lists fold at whitespace, within 76") {
        std::string words;
        for (int i = 0; i < 40; ++i) words += (i ? " " : "") + std::string("word") + std::to_string(i);
        const std::string h = mime::unstructured_header("Subject", words);
        CHECK(crlf_lines(h).size() > 3);
        CHECK(decode_header(h) == words);
        CHECK(h.find("=?") == std::string::npos);

        mime::Headers headers{.from = mime::Address{"Boussole", "boussole@example.com"},
                              .to = {},
                              .subject = "x",
                              .date = day("2026-11-30")};
        for (int i = 0; i < 12; ++i)
            headers.to.push_back({i % 2 ? "Hélène Dupont" : "", fmt::format("person{}@example.com", i)});
        const std::string m = mime::message(headers, "text", "<p>html</p>");
        const std::string to = field(m, "To");
        CHECK(crlf_lines(to).size() > 4);
        std::string expected;
        for (int i = 0; i < 12; ++i)
            expected += fmt::format("{}{}", i ? ", " : "",
                                    i % 2 ? fmt::format("Hélène Dupont <person{}@example.com>", i)
                                          : fmt::format("person{}@example.com", i));
        CHECK(decode_header(to) == expected);
    }

    TEST_CASE("display names: atoms as they are, specials quoted, the rest encoded") {
        auto to = [](std::string name) {
            mime::Headers h{.from = std::nullopt,
                            .to = {{std::move(name), "a@example.com"}},
                            .subject = "s",
                            .date = day("2026-11-30")};
            return field(mime::message(h, "", ""), "To");
        };
        CHECK(to("Ann Smith") == "To: Ann Smith <a@example.com>\r\n");
        CHECK(to("") == "To: a@example.com\r\n");
        CHECK(to("J. Smith") == "To: \"J. Smith\" <a@example.com>\r\n");
        CHECK(to("Ann \"The\" Boss\\") == "To: \"Ann \\\"The\\\" Boss\\\\\" <a@example.com>\r\n");
        CHECK(to("Smith, Ann") == "To: \"Smith, Ann\" <a@example.com>\r\n");
        // Only the words that need it encoded: a reader keeps the space between an encoded-word and
        // an atom (RFC 2047 §6.2).
        CHECK(to("Hélène Dupont") == "To: =?UTF-8?B?SMOpbMOobmU=?= Dupont <a@example.com>\r\n");
        CHECK(decode_header(to("Hélène Dupont")) == "Hélène Dupont <a@example.com>");
        // A run of words that need encoding stays in one encoded-word, spaces inside, while it fits.
        CHECK(to("Zoë O'Brien-Łukasiewicz") ==
              "To: =?UTF-8?B?Wm/DqyBPJ0JyaWVuLcWBdWthc2lld2ljeg==?= <a@example.com>\r\n");
        // Longer, several encoded-words, adjacent (their space dropped by readers), folded.
        const std::string long_name = "Ŝtéfàñø Ŵïłłîåmŝøñ-Ŧħœrñbûrÿ Ðè Ŀå Ŕøçĥèƒøûçåûłđ";
        CHECK(decode_header(to(long_name)) == long_name + " <a@example.com>");
        CHECK(crlf_lines(to(long_name)).size() > 1);
        CHECK(decode_header(to("=?UTF-8?B?ZXZpbA==?=")) == "=?UTF-8?B?ZXZpbA==?= <a@example.com>");
    }

    TEST_CASE("no header injection through names, subjects or addresses") {
        const std::string evil = "x\r\nBcc: evil@x";
        mime::Headers h{.from = mime::Address{evil, "from@example.com"},
                        .to = {{evil, "to@example.com"},
                               {"Bob", "evil@x>\r\nBcc: y@example.com"},
                               {"Eve", "eve@example.com\nBcc: z@example.com"},
                               {"Ctl\x1b[31m\u202e\x7f", "c@example.com"},
                               {"Long", std::string(250, 'l') + "@example.com"}},
                        .subject = evil + "\rCc: cc@x\n\nbody",
                        .date = day("2026-11-30")};
        const std::string m = mime::message(h, "plain", "<p>html</p>");
        const std::string head = m.substr(0, m.find("\r\n\r\n") + 2);
        // Every header line starts with one of the fields written, or continues one.
        for (const std::string& line : crlf_lines(head)) {
            CAPTURE(line);
            const bool known = line.starts_with("Date: ") || line.starts_with("From: ") || line.starts_with("To: ") ||
                               line.starts_with("Subject: ") || line.starts_with("MIME-Version: ") ||
                               line.starts_with("Content-Type: ") || line.starts_with(" ");
            CHECK(known);
            CHECK(line.size() <= 998);
        }
        CHECK(head.find('\n') == head.find("\r\n") + 1);
        CHECK(std::count(head.begin(), head.end(), '\n') == std::count(head.begin(), head.end(), '\r'));
        CHECK(decode_header(field(m, "Subject")) == "x Bcc: evil@x Cc: cc@x body");
        CHECK(decode_header(field(m, "From")) == "\"x Bcc: evil@x\" <from@example.com>");
        // The addresses that are not plain are left out; the control characters are shown (their
        // backslashes escaped in the quoted name).
        CHECK(decode_header(field(m, "To")) ==
              "\"x Bcc: evil@x\" <to@example.com>, \"Ctl\\\\x1b[31m\\\\u202e\\\\x7f\" <c@example.com>");
        // No address left: no To header; a From that is not plain: no From header.
        h.to = {{"Bob", "not an address"}};
        h.from = mime::Address{"Eve", "eve@"};
        const std::string none = mime::message(h, "", "");
        CHECK(field(none, "To").empty());
        CHECK(field(none, "From").empty());
    }

    TEST_CASE("the date in RFC 5322's form at midnight UTC") {
        CHECK(mime::date_time(day("2026-11-30")) == "Mon, 30 Nov 2026 00:00:00 +0000");
        CHECK(mime::date_time(day("1970-01-01")) == "Thu, 01 Jan 1970 00:00:00 +0000");
        CHECK(mime::date_time(day("1969-12-31")) == "Wed, 31 Dec 1969 00:00:00 +0000");
        CHECK(mime::date_time(day("2000-02-29")) == "Tue, 29 Feb 2000 00:00:00 +0000");
        CHECK(mime::date_time(day("2027-01-03")) == "Sun, 03 Jan 2027 00:00:00 +0000");
    }

    TEST_CASE("the message: headers, two alternatives in order, CRLF only, deterministic") {
        const mime::Headers h{.from = mime::Address{"Boussole", "boussole@example.com"},
                              .to = {{"Hélène Dupont", "helene@example.com"}},
                              .subject = "Digest — équipe RevOps",
                              .date = day("2026-11-30")};
        const std::string m = mime::message(h, "Hello\n", "<p>Hello</p>\n");
        CHECK(m == mime::message(h, "Hello\n", "<p>Hello</p>\n"));
        const std::string b(mime::boundary);
        CHECK(m ==
              "Date: Mon, 30 Nov 2026 00:00:00 +0000\r\n"
              "From: Boussole <boussole@example.com>\r\n"
              "To: =?UTF-8?B?SMOpbMOobmU=?= Dupont <helene@example.com>\r\n"
              "Subject: Digest =?UTF-8?B?4oCUIMOpcXVpcGU=?= RevOps\r\n"
              "MIME-Version: 1.0\r\n"
              "Content-Type: multipart/alternative;\r\n boundary=\"" +
                  b +
                  "\"\r\n\r\n"
                  "--" +
                  b +
                  "\r\nContent-Type: text/plain; charset=utf-8\r\n"
                  "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
                  "Hello\r\n\r\n"
                  "--" +
                  b +
                  "\r\nContent-Type: text/html; charset=utf-8\r\n"
                  "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
                  "<p>Hello</p>\r\n\r\n"
                  "--" +
                  b + "--\r\n");
    }

    TEST_CASE("text markup: each block") {
        TextMarkup t(english);
        CHECK(t.text("  a\r\n b\tc  ") == "a b c");
        CHECK(t.text("*not* _markup_ <b> | # `x`") == "*not* _markup_ <b> | # `x`");
        CHECK(t.text("evil\x1b[2J\u202e\xff") == "evil\\x1b[2J\\u202e\\xff");
        CHECK(t.strong("bold") == "bold");
        CHECK(t.strike("gone") == "gone");
        CHECK(t.link("the board", "https://example.com/a b<c>") == "the board <https://example.com/a%20b%3Cc%3E>");
        CHECK(t.link("https://example.com/x", "https://example.com/x") == "https://example.com/x");
        CHECK(t.link("", "https://example.com/x") == "https://example.com/x");
        CHECK(t.link("run", "javascript:alert(1)") == "javascript:alert(1)");
        CHECK(t.link("bidi", "https://example.com/\u202e") == "bidi <https://example.com/%E2%80%AE>");
        CHECK(t.email("ann@example.com") == "ann@example.com");
        CHECK(t.email("ann@\nexample.com") == "ann@ example.com");
        CHECK(t.bar(0.4) == "▓▓▓▓░░░░░░ 40%");
        CHECK(t.pattern("**{0}** epics in `review`") == "{0} epics in review");
        CHECK(t.say("**{}** done", t.strong("3")) == "3 done");
        CHECK(t.mention("Hélène", "U012AB3CD") == "Hélène");

        t.heading(1, "Digest — équipe");
        t.facts({{"Team:", "RevOps"}, {"Period:", ""}});
        t.heading(2, "Épics");
        t.paragraph("One paragraph, however long it is, stays on one line.");
        t.paragraph("");
        t.list({"first", "second"});
        t.tasks({{.done = true, .markup = "shipped"}, {.done = false, .markup = "open"}});
        t.heading(3, "Details");
        t.note("a caveat");
        t.definition("how it is counted");
        md::Table table({"Epic", "Progress", "Owner"}, "lrl");
        table.row({"Été", "5%", "Ann"});
        table.row({"A longer epic", "100%", ""});
        t.table(table);
        t.figure({"<svg/>"}, "caption");
        t.footer("Made by boussole.");
        const std::string doc = t.finish("Digest");
        CHECK(doc ==
              "Digest — équipe\n"
              "===============\n"
              "\n"
              "Team: RevOps\n"
              "Period:\n"
              "\n"
              "Épics\n"
              "-----\n"
              "\n"
              "One paragraph, however long it is, stays on one line.\n"
              "\n"
              "- first\n"
              "- second\n"
              "\n"
              "[x] shipped\n"
              "[ ] open\n"
              "\n"
              "Details\n"
              "\n"
              "> a caveat\n"
              "\n"
              "how it is counted\n"
              "\n"
              "Epic           Progress  Owner\n"
              "-------------  --------  -----\n"
              "Été                  5%  Ann\n"
              "A longer epic      100%  –\n"
              "\n"
              "Made by boussole.\n");
        CHECK(t.finish("again").empty());  // the markup is empty after
        CHECK(!t.draws());
    }

    TEST_CASE("a sample message for Python's email package (the mail-parse test)") {
        // Written where the build's ctest reads it (BOUSSOLE_MAIL_SAMPLE, set by tests/CMakeLists.txt).
        const char* path = std::getenv("BOUSSOLE_MAIL_SAMPLE");
        const std::filesystem::path out = path ? path : BOUSSOLE_MAIL_SAMPLE_DEFAULT;
        TextMarkup text(english);
        HtmlMarkup html(english, Language::fr, "boussole test");
        for (Markup* mk : std::initializer_list<Markup*>{&text, &html}) {
            mk->heading(1, mk->text("Digest de la semaine — équipe RevOps"));
            mk->facts({{"Équipe :", mk->text("RevOps <Ventes>")}, {"Semaine :", "30 novembre 2026"}});
            mk->paragraph(mk->text(std::string(120, 'x') + " =?UTF-8?B?x?= .\nFrom the start"));
            mk->list({mk->link("le tableau", "https://example.com/board?a=1&b=2"), mk->email("helene@example.com")});
        }
        const mime::Headers h{
            .from = mime::Address{"Boussole (RevOps)", "boussole@example.com"},
            .to = {{"Hélène Dupont", "helene@example.com"},
                   {"Zoë O'Brien-Łukasiewicz", "zoe@example.com"},
                   {"", "ops@example.com"},
                   {"x\r\nBcc: evil@x", "ann@example.com"},
                   {"Mallory", "mallory@example.com>\r\nBcc: evil@example.com"}},
            .subject = "Digest de la semaine du 30 novembre 2026 — équipe RevOps : 3 épics en retard ⚠",
            .date = day("2026-11-30")};
        const std::string m = mime::message(h, text.finish("Digest"), html.finish("Digest"));
        std::filesystem::create_directories(out.parent_path());
        std::ofstream(out, std::ios::binary) << m;
        std::ifstream in(out, std::ios::binary);
        const std::string back((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        CHECK(back == m);
    }
}
