// What the CI formats share: repository-relative paths and stable fingerprints.
#include <filesystem>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "boussole/output.hpp"

namespace boussole {

namespace fs = std::filesystem;

namespace {

// FNV-1a, 64 bits, from a given basis: two bases make a 128-bit fingerprint. Not for security,
// only to tell findings apart.
std::uint64_t fnv1a(std::string_view s, std::uint64_t hash) {
    for (unsigned char c : s) {
        hash ^= c;
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

}  // namespace

std::string repository_path(const std::string& path, const std::string& root) {
    std::error_code ec;
    const fs::path abs = fs::absolute(path, ec).lexically_normal();
    if (!ec && !root.empty()) {
        const fs::path rel = abs.lexically_relative(fs::path(root));
        if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
    }
    return fs::path(path).lexically_normal().generic_string();
}

std::vector<std::string> fingerprints(const LintResult& result, const std::string& root) {
    std::vector<std::string> out;
    std::map<std::tuple<std::string, std::string, std::string>, int> seen;
    for (const Diagnostic& d : result.diagnostics) {
        const std::string file = repository_path(d.file, root);
        const int rank = seen[{d.rule, file, d.message}]++;
        const std::string key = fmt::format("{}\n{}\n{}\n{}", d.rule, file, d.message, rank);
        out.push_back(
            fmt::format("{:016x}{:016x}", fnv1a(key, 0xcbf29ce484222325ULL), fnv1a(key, 0x84222325cbf29ce4ULL)));
    }
    return out;
}

}  // namespace boussole
