#pragma once
// Lines of a document's text, as LSP and the loader count them (text.cpp); the conversions of
// positions are in boussole/lsp.hpp.

#include <cstdint>
#include <string_view>
#include <vector>

namespace boussole::lsp {

// Line `n` (1-based) of `text`, without its line break (nor, on the first, a byte order mark). Lines end at \r\n, \n or
// a lone \r, as both LSP and the loader count them.
std::string_view line_of(std::string_view text, std::uint32_t n);

// How many lines `text` has, as line_of counts them.
std::uint32_t line_count(std::string_view text);

// Where each line of a text starts, found once: line(n) equals line_of(text, n) without reading
// the text again (a file's diagnostics are placed after every change: one pass, not one per
// diagnostic). The text must outlive it.
class LineIndex {
public:
    explicit LineIndex(std::string_view text);
    [[nodiscard]] std::string_view line(std::uint32_t n) const;
    [[nodiscard]] std::uint32_t count() const { return static_cast<std::uint32_t>(starts_.size()); }

private:
    std::string_view text_;
    std::vector<std::size_t> starts_;  // of lines 1, 2, …
};

}  // namespace boussole::lsp
