#pragma once
// What the fuzz targets share: cutting one input into several texts, and failing loudly.
//
// An input holds several texts (files, or versions of a file) separated by NUL bytes. A NUL is
// never valid in a roadmap file (the loader refuses it), so the target fuzzing one file still
// meets NUL bytes, and the others get whole texts without them.

#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace fuzz {

/// The texts of `data`, cut at NUL bytes; at most `most` (the last one keeps the rest).
inline std::vector<std::string_view> split(const unsigned char* data, std::size_t size, std::size_t most) {
    std::string_view all(reinterpret_cast<const char*>(data), size);
    std::vector<std::string_view> parts;
    while (parts.size() + 1 < most) {
        const std::size_t nul = all.find('\0');
        if (nul == std::string_view::npos) break;
        parts.push_back(all.substr(0, nul));
        all.remove_prefix(nul + 1);
    }
    parts.push_back(all);
    return parts;
}

/// A property that must hold; a finding otherwise (libFuzzer keeps the input).
inline void require(bool holds, const char* what) {
    if (holds) return;
    std::fprintf(stderr, "fuzz: property broken: %s\n", what);
    std::abort();
}

}  // namespace fuzz
