#include "boussole/visible.hpp"

#include <fmt/format.h>

namespace boussole {

namespace {

// The length of the UTF-8 sequence at s[i] and its code point, or 0 when the bytes there are
// not UTF-8 (overlong forms, surrogates and truncated sequences included).
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char c = b(0);
    std::size_t n = 0;
    if (c < 0x80) {
        cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((b(k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(k) & 0x3F);
    }
    if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return n;
}

// Characters that act instead of showing: C1 controls, line and paragraph separators, and the
// bidirectional marks, embeddings, overrides and isolates that reorder what follows.
bool acts(char32_t cp) {
    return (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
           (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

std::string visible(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        char32_t cp = 0;
        const std::size_t n = decode(s, i, cp);
        if (n == 0) {
            out += fmt::format("\\x{:02x}", c);
            ++i;
            continue;
        }
        if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (cp == '\t') {
            out += "\\t";
        } else if (cp < 0x20 || cp == 0x7F) {
            out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
        } else if (acts(cp)) {
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
        } else {
            out.append(s.substr(i, n));
        }
        i += n;
    }
    return out;
}

std::string json_text(std::string_view dumped) {
    std::string out;
    out.reserve(dumped.size());
    for (std::size_t i = 0; i < dumped.size();) {
        // ASCII is copied as it is, a run at a time (a SARIF log is mostly ASCII).
        std::size_t ascii = i;
        while (ascii < dumped.size() && static_cast<unsigned char>(dumped[ascii]) < 0x80) ++ascii;
        if (ascii > i) {
            out.append(dumped.substr(i, ascii - i));
            i = ascii;
            continue;
        }
        char32_t cp = 0;
        const std::size_t n = decode(dumped, i, cp);
        if (n > 1 && acts(cp)) {
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
        } else {
            out.append(dumped.substr(i, n == 0 ? 1 : n));
        }
        i += n == 0 ? 1 : n;
    }
    return out;
}

}  // namespace boussole
