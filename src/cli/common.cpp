// What several subcommands share: finding the roadmap, reading options, warnings, output.
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

#include "boussole/io.hpp"
#include "boussole/lint.hpp"
#include "cli/commands.hpp"

namespace boussole::cli {

namespace fs = std::filesystem;

std::string default_roadmap_path() {
    std::error_code ec;
    return fs::is_directory("roadmap", ec) ? "roadmap" : ".";
}

std::string roadmap_path(const std::string& path) { return path.empty() ? default_roadmap_path() : path; }

std::string work_tree_root() {
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    if (ec) return {};
    for (fs::path p = cwd; !p.empty(); p = p.parent_path()) {
        if (fs::exists(p / ".git", ec)) return p.string();
        if (p == p.parent_path()) break;
    }
    return cwd.string();
}

LoadOptions load_options() {
    LoadOptions o;
    if (const char* env = std::getenv("BOUSSOLE_THREADS")) {
        const int n = std::atoi(env);
        if (n < 1 || n > 256)
            throw UsageError(fmt::format("BOUSSOLE_THREADS must be a number from 1 to 256, got '{}'", env));
        o.threads = static_cast<unsigned>(n);
    }
    return o;
}

std::vector<std::string> roadmap_files_at(const std::string& path) {
    std::vector<std::string> files;
    std::error_code ec;
    if (!fs::exists(path, ec)) return files;
    try {
        for (const auto& f : list_roadmap_files(path)) files.push_back(f.first);
    } catch (const PathError&) {
        // Nothing readable there: nothing to protect.
    }
    return files;
}

void warn_lint_errors(const Roadmap& roadmap, const std::string& path, std::string_view what) {
    const LintResult lint = lint_roadmap(roadmap);
    if (lint.errors > 0)
        fmt::print(stderr,
                   "boussole: warning: the roadmap has {} error{}: the {} may be incomplete; run 'boussole lint {}'\n",
                   lint.errors, lint.errors == 1 ? "" : "s", what, path);
}

void emit(const std::string& text, const std::string& output, const std::vector<std::string>& roadmap_files) {
    if (output.empty() || output == "-") {
        std::fwrite(text.data(), 1, text.size(), stdout);
        std::fflush(stdout);
        return;
    }
    std::error_code ec;
    const fs::path target = fs::weakly_canonical(output, ec);
    for (const std::string& f : roadmap_files) {
        std::error_code ec2;
        if (!ec && fs::weakly_canonical(f, ec2) == target)
            throw WriteError(fmt::format("refusing to write '{}': it is one of the roadmap's own files", output));
    }
    write_file_atomically(output, text);
}

}  // namespace boussole::cli
