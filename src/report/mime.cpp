// The digest as one MIME message (mime.hpp).
#include "report/mime.hpp"

#include <array>
#include <cstddef>

#include <fmt/format.h>

#include "boussole/visible.hpp"
#include "report/markdown.hpp"

namespace boussole::mime {

namespace {

constexpr std::string_view crlf = "\r\n";
// RFC 2047 §2: a header line holding an encoded-word has at most 76 characters, which also
// keeps every line under RFC 5322's recommended 78.
constexpr std::size_t line_limit = 76;
// The longest word written as it is: " " + word still fits a continuation line.
constexpr std::size_t longest_word = line_limit - 10;
// UTF-8 bytes per encoded-word: 39 bytes are 52 base64 characters, a word of 12 + 52 = 64
// characters (RFC 2047 §2: at most 75), so "Subject: " and one word fit in 76.
constexpr std::size_t word_bytes = 39;

// The length of the UTF-8 sequence that starts with `lead` (1 for ASCII and for a byte that
// starts none).
std::size_t sequence_length(unsigned char lead) {
    return lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 && lead <= 0xDF ? 2 : 1;
}

// The length of the character at s[i]: its UTF-8 sequence when it is one whole, else one byte.
std::size_t character_at(std::string_view s, std::size_t i) {
    const std::size_t n = sequence_length(static_cast<unsigned char>(s[i]));
    if (n == 1 || i + n > s.size()) return 1;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 1;
    return n;
}

std::string base64(std::string_view bytes) {
    static constexpr std::string_view digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        if (i + 2 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 2]);
        out += digits[(v >> 18) & 63];
        out += digits[(v >> 12) & 63];
        out += i + 1 < bytes.size() ? digits[(v >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? digits[v & 63] : '=';
    }
    return out;
}

// The user's text as one line: line breaks and tabs folded into one space, no run of spaces and
// none at the ends, every other control or bidirectional character (and any byte that is not
// UTF-8) shown as an escape. Nothing of it can end a header line.
std::string one_line(std::string_view user) {
    std::string folded;
    for (char c : user) {
        const char d = c == '\r' || c == '\n' || c == '\t' ? ' ' : c;
        if (d == ' ' && (folded.empty() || folded.back() == ' ')) continue;
        folded += d;
    }
    while (!folded.empty() && folded.back() == ' ') folded.pop_back();
    return visible(folded);
}

// `text` (valid UTF-8) as RFC 2047 "B" encoded-words of whole characters.
std::vector<std::string> encoded_words(std::string_view text) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = start;
        while (end < text.size()) {
            const std::size_t n = character_at(text, end);
            if (end + n - start > word_bytes) break;
            end += n;
        }
        words.push_back(fmt::format("=?UTF-8?B?{}?=", base64(text.substr(start, end - start))));
        start = end;
    }
    return words;
}

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        words.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

// Whether `text` can be written as it is: printable ASCII, no "=?" (which a reader would take
// for the start of an encoded-word) and no word too long to fold.
bool plain(std::string_view text) {
    for (char c : text)
        if (c < 0x20 || c > 0x7e) return false;
    if (text.find("=?") != std::string_view::npos) return false;
    for (const std::string& w : split_words(text))
        if (w.size() > longest_word) return false;
    return true;
}

// RFC 5322 §3.2.3 atext.
bool atext(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

// `text` as the words of a header field: the words `kept` says can be written as they are, as
// they are, and each run of the others as encoded-words (their spaces inside). Encoded-words
// are adjacent only within a run too long for one word: RFC 2047 §6.2 has readers drop the
// space between two of them, which some (Python's email before 3.13.4, in addresses) do not.
template <class Kept>
std::vector<std::string> mixed(std::string_view text, Kept kept) {
    std::vector<std::string> out;
    std::string run;
    auto flush = [&] {
        for (std::string& w : encoded_words(run)) out.push_back(std::move(w));
        run.clear();
    };
    for (std::string& w : split_words(text)) {
        if (kept(w)) {
            flush();
            out.push_back(std::move(w));
        } else {
            if (!run.empty()) run += ' ';
            run += w;
        }
    }
    flush();
    return out;
}

// A word of printable ASCII that folds and that no reader takes for an encoded-word.
bool plain_word(std::string_view w) {
    for (char c : w)
        if (c <= 0x20 || c > 0x7e) return false;
    return !w.empty() && w.size() <= longest_word && w.find("=?") == std::string_view::npos;
}

bool atom(std::string_view w) {
    for (char c : w)
        if (!atext(c)) return false;
    return plain_word(w);
}

// A display name (RFC 5322 phrase) as the words of a header field: atoms as they are, a name of
// printable ASCII with specials as one quoted string, anything else as encoded-words.
std::vector<std::string> phrase(std::string_view user) {
    const std::string name = one_line(user);
    if (name.empty()) return {};
    if (plain(name)) {
        bool atoms = true;
        for (char c : name) atoms = atoms && (c == ' ' || atext(c));
        if (atoms) return split_words(name);
        std::string quoted = "\"";
        for (char c : name) {
            if (c == '"' || c == '\\') quoted += '\\';
            quoted += c;
        }
        quoted += '"';
        if (quoted.size() <= longest_word) return {quoted};
    }
    return mixed(name, atom);
}

bool usable(const Address& a) { return a.address.size() <= 254 && md::plain_email(a.address); }

// An address as the words of a header field: the display name's, then <address>.
std::vector<std::string> address_words(const Address& a) {
    std::vector<std::string> words = phrase(a.name);
    words.push_back(words.empty() ? a.address : fmt::format("<{}>", a.address));
    return words;
}

// "Name: word word ..." folded before a word that would pass the line's limit.
std::string header(std::string_view name, const std::vector<std::string>& words) {
    std::string out, line = fmt::format("{}:", name);
    bool first = true;
    for (const std::string& w : words) {
        if (!first && line.size() + 1 + w.size() > line_limit) {
            out += line;
            out += crlf;
            line.clear();
        }
        line += ' ';
        line += w;
        first = false;
    }
    out += line;
    out += crlf;
    return out;
}

std::string hex(unsigned char c) { return fmt::format("={:02X}", c); }

}  // namespace

std::string date_time(Date date) {
    static constexpr std::array<std::string_view, 7> days = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::array<std::string_view, 12> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int year = 0;
    unsigned month = 0, day = 0;
    date.to_civil(year, month, day);
    const int weekday = ((date.days % 7) + 7 + 4) % 7;  // 1970-01-01 was a Thursday
    return fmt::format("{}, {:02} {} {:04} 00:00:00 +0000", days[static_cast<std::size_t>(weekday)], day,
                       months[month - 1], year);
}

std::string unstructured_header(std::string_view name, std::string_view user_text) {
    const std::string text = one_line(user_text);
    if (text.empty()) return fmt::format("{}:{}", name, crlf);
    return header(name, mixed(text, plain_word));
}

std::string quoted_printable(std::string_view body) {
    std::string out;
    std::size_t start = 0;
    while (start <= body.size()) {
        // One line of the text: CRLF, CR and LF all end one (RFC 2045 §6.7 rule 4).
        std::size_t end = body.find_first_of("\r\n", start);
        const bool hard_break = end != std::string_view::npos;
        if (!hard_break) end = body.size();
        const std::string_view line = body.substr(start, end - start);
        std::string encoded;  // the encoded line being filled
        for (std::size_t i = 0; i < line.size();) {
            const std::size_t n = character_at(line, i);
            const bool last = i + n == line.size();
            auto unit = [&] {
                const auto c = static_cast<unsigned char>(line[i]);
                std::string u;
                if (n > 1 || c >= 0x7f || (c < 0x20 && c != '\t')) {
                    for (std::size_t k = 0; k < n; ++k) u += hex(static_cast<unsigned char>(line[i + k]));
                } else if (c == '=' || ((c == ' ' || c == '\t') && last)) {
                    u = hex(c);  // rule 3: no space or tab ends an encoded line
                } else if (encoded.empty() && (c == '.' || line.substr(i, 5) == "From ")) {
                    u = hex(c);  // a lone "." ends sendmail's input; mbox quotes "From "
                } else {
                    u = std::string(1, static_cast<char>(c));
                }
                return u;
            };
            std::string u = unit();
            // Rule 5: at most 76 characters a line, a soft break "=" counted, never inside a
            // character (an =XX triplet or a UTF-8 sequence).
            if (encoded.size() + u.size() > (last ? line_limit : line_limit - 1)) {
                out += encoded;
                out += "=";
                out += crlf;
                encoded.clear();
                u = unit();
            }
            encoded += u;
            i += n;
        }
        out += encoded;
        if (!hard_break) break;
        out += crlf;
        start = end + (body.substr(end, 2) == "\r\n" ? 2 : 1);
    }
    return out;
}

std::string message(const Headers& h, std::string_view text_plain, std::string_view text_html) {
    std::string out = fmt::format("Date: {}{}", date_time(h.date), crlf);
    if (h.from && usable(*h.from)) out += header("From", address_words(*h.from));
    std::vector<std::string> to;
    for (const Address& a : h.to) {
        if (!usable(a)) continue;
        if (!to.empty()) to.back() += ',';
        for (std::string& w : address_words(a)) to.push_back(std::move(w));
    }
    if (!to.empty()) out += header("To", to);
    out += unstructured_header("Subject", h.subject);
    out += fmt::format("MIME-Version: 1.0{0}Content-Type: multipart/alternative;{0} boundary=\"{1}\"{0}{0}", crlf,
                       boundary);
    auto part = [&](std::string_view subtype, std::string_view body) {
        out += fmt::format(
            "--{1}{0}Content-Type: text/{2}; charset=utf-8{0}Content-Transfer-Encoding: quoted-printable{0}{0}", crlf,
            boundary, subtype);
        out += quoted_printable(body);
        out += crlf;  // belongs to the boundary that follows (RFC 2046 §5.1.1)
    };
    part("plain", text_plain);
    part("html", text_html);
    out += fmt::format("--{}--{}", boundary, crlf);
    return out;
}

}  // namespace boussole::mime
