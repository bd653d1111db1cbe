#pragma once
// The subcommands: one file each, with an options struct, a setup_* and a run_*, registered
// once in main.cpp's command table. What several commands share is in common.cpp.

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "boussole/error.hpp"
#include "boussole/loader.hpp"
#include "boussole/model.hpp"

namespace boussole::cli {

// A subcommand as main.cpp dispatches it: its parsed options and how to run them.
struct Command {
    CLI::App* app;
    std::function<int()> run;
};

// Each subcommand: adds itself to `app` and returns how to run it.
Command lint_command(CLI::App& app);
Command rules_command(CLI::App& app);
Command init_command(CLI::App& app);
Command schema_command(CLI::App& app);
Command report_command(CLI::App& app);
Command recap_command(CLI::App& app);
Command diff_command(CLI::App& app);

// An output format of a command: its name on the command line and what writes it.
template <class Render>
struct Format {
    std::string_view name;
    Render render;
};

// Adds `--format` to `sub`, accepting exactly the names of `formats`.
template <class Render, std::size_t N>
CLI::Option* add_format_option(CLI::App* sub, std::string& value, const Format<Render> (&formats)[N],
                               const std::string& help) {
    std::vector<std::string> names;
    for (const auto& f : formats) names.emplace_back(f.name);
    return sub->add_option("--format", value, help)->check(CLI::IsMember(names));
}

// The writer of the format named `name` (checked by add_format_option).
template <class Render, std::size_t N>
const Render& format_named(const Format<Render> (&formats)[N], std::string_view name) {
    for (const auto& f : formats)
        if (f.name == name) return f.render;
    return formats[0].render;
}

// The PATH used when none is given: `roadmap/` when it exists, else the current directory.
std::string default_roadmap_path();

// `path`, or the default roadmap path when it is empty.
std::string roadmap_path(const std::string& path);

// The top of the git work tree that holds the current directory (a folder with `.git`), else
// the current directory: CI annotations name files relative to it.
std::string work_tree_root();

// Reading options from the environment: BOUSSOLE_THREADS (files parsed at once).
LoadOptions load_options();

// The files of the roadmap at `path` in the working tree, to never write over (none if absent).
std::vector<std::string> roadmap_files_at(const std::string& path);

// Warns on standard error when the roadmap has lint errors (the document may be incomplete).
void warn_lint_errors(const Roadmap& roadmap, const std::string& path, std::string_view what);

// Writes `text` to standard output, or whole to `output` when set (never over a roadmap file).
void emit(const std::string& text, const std::string& output, const std::vector<std::string>& roadmap_files);

}  // namespace boussole::cli
