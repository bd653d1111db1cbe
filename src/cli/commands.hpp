#pragma once
// The subcommands: one file each, with an options struct, a setup_* and a run_*, registered
// once in main.cpp's command table. What several commands share is in common.cpp.

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "boussole/error.hpp"
#include "boussole/history.hpp"
#include "boussole/io.hpp"
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
Command digest_command(CLI::App& app);  // issue 16
Command lsp_command(CLI::App& app);     // issue 18

// An output format of a command: its name on the command line and what writes it.
template <class Render>
struct Format {
    std::string_view name;
    Render render;
};

// A check that an option's value is one of `choices`, saying otherwise in plain words with the
// choices (CLI11 prefixes the option's name): "'xml' is not one of lint's formats: give ...".
CLI::Validator one_of(std::vector<std::string> choices, std::string what);

// Adds `--lang` to `sub`: the language of the document it writes for people (en or fr).
CLI::Option* add_lang_option(CLI::App* sub, std::string& value);
// The language of a document: `--lang` when given, else `roadmap.language` of `roadmap`, else
// English; never the machine's locale or environment.
Language document_language(const std::string& flag, const Roadmap& roadmap);

// Adds `--format` to `sub`, accepting exactly the names of `formats`.
template <class Render, std::size_t N>
CLI::Option* add_format_option(CLI::App* sub, std::string& value, const Format<Render> (&formats)[N],
                               const std::string& help) {
    std::vector<std::string> names;
    for (const auto& f : formats) names.emplace_back(f.name);
    return sub->add_option("--format", value, help)
        ->check(one_of(std::move(names), fmt::format("an output format of {}", sub->get_name())));
}

// A message on standard error (an error, a warning, a note): a failure to write it is ignored,
// never an exception (fmt::print would throw, on `2>/dev/full`).
template <class... T>
void print_to_stderr(fmt::format_string<T...> format, T&&... args) {
    write_standard_error(fmt::format(format, std::forward<T>(args)...));
}

// Runs `f`; a usage error it throws (whose message names the value) is said again after the
// option it came from: "--at: unknown revision 'nope': ...".
template <class F>
auto for_option(std::string_view option, F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const UsageError& e) {
        throw UsageError(fmt::format("{}: {}", option, e.what()));
    }
}

// The writer of the format named `name` (checked by add_format_option).
template <class Render, std::size_t N>
const Render& format_named(const Format<Render> (&formats)[N], std::string_view name) {
    for (const auto& f : formats)
        if (f.name == name) return f.render;
    return formats[0].render;
}

// The roadmap PATH of every command that takes one: `given`, or when it is empty the one
// default CLI.md gives, `roadmap/` when it exists, else the current directory. `roadmap/` is
// looked for here and in the folders above, up to the top of the git work tree, so that every
// command finds the same roadmap from any subfolder of its repository (the roadmap's own
// included); it is named relative to the current directory ("roadmap", "../roadmap", "..").
// Throws PathError when there is neither a roadmap/ nor any YAML file here.
std::string roadmap_path(const std::string& given);
// The same default PATH found from `folder` instead of the current directory (`boussole lsp`:
// the editor's workspace folder), as an absolute path. Throws PathError as roadmap_path does.
std::string roadmap_path_from(const std::string& folder);

// The top of the git work tree that holds the current directory (a folder with `.git`), else
// the current directory: CI annotations name files relative to it.
std::string work_tree_root();

// A subcommand's exit statuses, for the footer of its --help: "Exit status:" and one line per
// code, from CLI.md's contract for that command.
struct ExitStatus {
    int code;
    std::string_view meaning;
};
std::string exit_status_help(std::initializer_list<ExitStatus> statuses);

// Reading options from the environment: BOUSSOLE_THREADS (files parsed at once).
LoadOptions load_options();
// issue 17: BOUSSOLE_THREADS for every parallel part of the command (default_threads()): set once,
// before the command runs; a usage error when it is not a number from 1 to 256.
void apply_thread_setting();

// The files of the roadmap at `path` in the working tree, to never write over (none if absent).
std::vector<std::string> roadmap_files_at(const std::string& path);

// Shows on standard error, as notes, the entries of the roadmap's tree skipped while reading it
// (Roadmap::notes): they change no exit status.
void print_tree_notes(const Roadmap& roadmap);

// Warns on standard error when the roadmap has lint errors (the document may be incomplete).
void warn_lint_errors(const Roadmap& roadmap, const std::string& path, std::string_view what);

// Adds `--check FILE` to `sub`: compare what the command would write with FILE instead of writing.
CLI::Option* add_check_option(CLI::App* sub, std::string& file);

// `--check FILE`: compares `text`, what `sub` would write now, with the committed FILE and writes
// nothing. Returns 0 when they are the same bytes; 1 when FILE differs or is missing, after one
// line on standard error saying which and the command that regenerates it: the command line as
// given, with `--check FILE` written `-o FILE`. Throws UsageError when `output` (-o) is given too,
// and PathError when FILE exists but cannot be read (a folder, no permission).
int check_output(const std::string& text, const std::string& file, const std::string& output, const CLI::App& sub);
// Throws the usage error of `--check` given with `-o FILE` (`output` set): said before any work.
void refuse_check_with_output(const std::string& output);

// Writes `text` to standard output, or whole to `output` when set (write_output): never over one
// of `roadmap_files`, nor as a YAML file inside one of the roadmap folders `roadmap_paths`.
void emit(const std::string& text, const std::string& output, const std::vector<std::string>& roadmap_files,
          const std::vector<std::string>& roadmap_paths = {});

// The day of `--as-of` (YYYY-MM-DD), today (UTC) when empty; a usage error naming the option
// otherwise.
Date parse_as_of(const std::string& text);

// `--since` as given, before any work: an empty value names no point, and it cannot go with
// --no-history (usage errors). `date` names the day its default counts back from.
void check_since(const std::string& since, const CLI::Option* option, bool no_history, std::string_view date);

// What a report or the digest reads from git: the check-ins, changes, trends, update dates,
// burn-up and the roadmap's last commit, when the roadmap is in a git repository that tracks it.
// Without --since, a history that cannot be read only costs those (a warning); a --since that
// cannot be used is a usage error.
std::optional<ReportHistory> report_history(const Snapshot& working, const std::string& path, Date as_of,
                                            const std::string& since, const WorkScope& scope);

}  // namespace boussole::cli
