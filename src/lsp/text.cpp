// Texts as LSP sees them: file:// URIs, positions in UTF-16 code units or UTF-8 bytes.
#include <cctype>
#include <filesystem>

#include <fmt/format.h>

#include "boussole/io.hpp"
#include "boussole/lsp.hpp"
#include "lsp/text.hpp"

namespace boussole::lsp {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The length in bytes of the UTF-8 sequence starting at `s[i]`, and the units it counts in
// `encoding`. A byte that starts no valid sequence counts as one code point of one byte (U+FFFD,
// one UTF-16 unit), as the loader's re-encoding reads it.
struct CodePoint {
    std::size_t bytes;
    std::uint32_t units;
};

CodePoint code_point_at(std::string_view s, std::size_t i, Encoding encoding) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = 1;
    if (b >= 0xF0 && b <= 0xF4) {
        n = 4;
    } else if (b >= 0xE0) {
        n = 3;
    } else if (b >= 0xC2 && b < 0xE0) {
        n = 2;
    }
    if (b >= 0xF5 || (b >= 0x80 && b < 0xC2)) n = 1;
    if (n > 1) {
        if (i + n > s.size()) return {1, 1};
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return {1, 1};
    }
    if (encoding == Encoding::utf8) return {n, static_cast<std::uint32_t>(n)};
    return {n, n == 4 ? 2u : 1u};  // outside the Basic Multilingual Plane: a surrogate pair
}

}  // namespace

std::string path_of_uri(std::string_view uri) {
    constexpr std::string_view scheme = "file://";
    if (uri.size() < scheme.size()) return {};
    for (std::size_t i = 0; i < scheme.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(uri[i])) != scheme[i]) return {};
    std::string_view rest = uri.substr(scheme.size());
    // file://host/path: only the local host (empty or "localhost") names a file here.
    const std::size_t slash = rest.find('/');
    if (slash == std::string_view::npos) return {};
    const std::string_view host = rest.substr(0, slash);
    if (!host.empty() && host != "localhost") return {};
    rest = rest.substr(slash);
    if (const std::size_t end = rest.find_first_of("?#"); end != std::string_view::npos) rest = rest.substr(0, end);
    std::string path;
    for (std::size_t i = 0; i < rest.size(); ++i) {
        if (rest[i] == '%' && i + 2 < rest.size() && hex_value(rest[i + 1]) >= 0 && hex_value(rest[i + 2]) >= 0) {
            path += static_cast<char>(hex_value(rest[i + 1]) * 16 + hex_value(rest[i + 2]));
            i += 2;
        } else {
            path += rest[i];
        }
    }
    if (path.find('\0') != std::string::npos) return {};
    return std::filesystem::path(path).lexically_normal().generic_string();
}

std::string uri_of_path(std::string_view path) { return "file://" + uri_path(path); }

std::uint32_t character_of_column(std::string_view line, std::uint32_t column, Encoding encoding) {
    std::uint32_t units = 0, seen = 1;
    std::size_t i = 0;
    for (; seen < column && i < line.size(); ++seen) {
        const CodePoint cp = code_point_at(line, i, encoding);
        units += cp.units;
        i += cp.bytes;
    }
    return units + (column > seen ? column - seen : 0);
}

std::uint32_t length_of(std::string_view line, Encoding encoding) {
    std::uint32_t units = 0;
    for (std::size_t i = 0; i < line.size();) {
        const CodePoint cp = code_point_at(line, i, encoding);
        units += cp.units;
        i += cp.bytes;
    }
    return units;
}

std::uint32_t column_of_character(std::string_view line, std::uint32_t character, Encoding encoding) {
    std::uint32_t units = 0, column = 1;
    std::size_t i = 0;
    while (i < line.size()) {
        const CodePoint cp = code_point_at(line, i, encoding);
        if (units + cp.units > character) return column;
        units += cp.units;
        i += cp.bytes;
        ++column;
    }
    return column + (character > units ? character - units : 0);
}

std::size_t offset_of_position(std::string_view text, std::uint32_t line, std::uint32_t character, Encoding encoding) {
    std::size_t start = 0;
    for (std::uint32_t l = 0; l < line; ++l) {
        const std::size_t brk = text.find_first_of("\r\n", start);
        if (brk == std::string_view::npos) return text.size();
        start = brk + (text[brk] == '\r' && brk + 1 < text.size() && text[brk + 1] == '\n' ? 2 : 1);
    }
    std::size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    std::size_t i = start;
    std::uint32_t units = 0;
    while (i < end) {
        const CodePoint cp = code_point_at(text.substr(0, end), i, encoding);
        // A position inside a code point (between the halves of a surrogate pair) stays before it.
        if (units + cp.units > character) break;
        units += cp.units;
        i += cp.bytes;
    }
    return i;
}

namespace {

// The end of the line that starts at `start` (its break, or the end of the text).
std::size_t line_end(std::string_view text, std::size_t start) {
    std::size_t i = start;
    while (i < text.size() && text[i] != '\n' && text[i] != '\r') ++i;
    return i;
}

// The start of the line after the one ending at `end` (a break: \r\n, \n or a lone \r).
std::size_t next_start(std::string_view text, std::size_t end) {
    return end + (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n' ? 2 : 1);
}

// A byte order mark is no character of the first line: the loader does not count it, and
// editors do not show it.
std::size_t first_start(std::string_view text) { return text.starts_with("\xEF\xBB\xBF") ? 3 : 0; }

}  // namespace

std::string_view line_of(std::string_view text, std::uint32_t n) {
    std::size_t start = first_start(text);
    for (std::uint32_t l = 1; l < n; ++l) {
        const std::size_t brk = line_end(text, start);
        if (brk == text.size()) return {};
        start = next_start(text, brk);
    }
    return text.substr(start, line_end(text, start) - start);
}

std::uint32_t line_count(std::string_view text) {
    std::uint32_t n = 1;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) ++n;
    return n;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
    std::size_t start = first_start(text);
    starts_.push_back(start);
    for (std::size_t brk = line_end(text, start); brk < text.size(); brk = line_end(text, start)) {
        start = next_start(text, brk);
        starts_.push_back(start);
    }
}

std::string_view LineIndex::line(std::uint32_t n) const {
    if (n > starts_.size()) return {};
    const std::size_t start = starts_[n == 0 ? 0 : n - 1];  // line 0 reads as line 1, as line_of does
    return text_.substr(start, line_end(text_, start) - start);
}

}  // namespace boussole::lsp
