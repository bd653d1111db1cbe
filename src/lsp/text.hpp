#pragma once
// Lines of a document's text, as LSP and the loader count them (text.cpp); the conversions of
// positions are in boussole/lsp.hpp.

#include <cstdint>
#include <string_view>

namespace boussole::lsp {

// Line `n` (1-based) of `text`, without its line break (nor, on the first, a byte order mark). Lines end at \r\n, \n or
// a lone \r, as both LSP and the loader count them.
std::string_view line_of(std::string_view text, std::uint32_t n);

// How many lines `text` has, as line_of counts them.
std::uint32_t line_count(std::string_view text);

}  // namespace boussole::lsp
