// What several subcommands share: finding the roadmap, reading options, warnings, output.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>

#include <sys/stat.h>

#include <fmt/format.h>

#include "boussole/history.hpp"
#include "boussole/io.hpp"
#include "boussole/lint.hpp"
#include "boussole/loader.hpp"
#include "boussole/parallel.hpp"
#include "boussole/spell.hpp"
#include "boussole/visible.hpp"
#include "cli/commands.hpp"

namespace boussole::cli {

namespace fs = std::filesystem;

namespace {

// The top of the git work tree holding `dir` (the nearest folder with a `.git`), if any.
std::optional<fs::path> git_work_tree_top(const fs::path& dir) {
    std::error_code ec;
    for (fs::path p = dir; !p.empty(); p = p.parent_path()) {
        if (fs::exists(p / ".git", ec)) return p;
        if (p == p.parent_path()) break;
    }
    return std::nullopt;
}

}  // namespace

std::string roadmap_path(const std::string& given) {
    if (!given.empty()) return given;
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    if (ec)
        throw PathError(
            "the current folder cannot be read (was it deleted?); change to another folder, or give the "
            "roadmap's PATH");
    const fs::path found = roadmap_path_from(cwd.string());
    return found == cwd ? "." : found.lexically_relative(cwd).generic_string();
}

std::string roadmap_path_from(const std::string& folder) {
    std::error_code ec;
    const fs::path from = fs::absolute(folder, ec).lexically_normal();
    // The nearest roadmap/ from here up to the top of the git work tree (from any subfolder of
    // the repository, the roadmap's own included); outside git, only here.
    const std::optional<fs::path> top = git_work_tree_top(from);
    for (fs::path dir = from;; dir = dir.parent_path()) {
        if (fs::is_directory(dir / "roadmap", ec)) return (dir / "roadmap").string();
        if (!top || dir == *top || dir == dir.parent_path()) break;
    }
    std::vector<std::pair<std::string, std::string>> here;
    try {
        here = list_roadmap_files(from.string());
    } catch (const PathError&) {
        // Unreadable: said below as "no roadmap".
    }
    if (here.empty())
        throw PathError(fmt::format(
            "no roadmap found: no roadmap/ folder in '{}'{}, and no YAML file in it; give the roadmap's PATH, or "
            "run 'boussole init' to start one",
            from.string(),
            top && *top != from
                ? fmt::format(" or in the folders above it up to the top of its git repository, '{}'", top->string())
                : ""));
    return from.string();
}

std::string work_tree_root() {
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    if (ec) return {};
    return git_work_tree_top(cwd).value_or(cwd).string();
}

CLI::Option* add_lang_option(CLI::App* sub, std::string& value) {
    return sub
        ->add_option("--lang", value,
                     "the language of the document: en or fr (default: the roadmap's roadmap.language, else en)")
        ->type_name("LANG")
        ->check(one_of({"en", "fr"}, "a language"));
}

Language document_language(const std::string& flag, const Roadmap& roadmap) {
    if (const auto l = language_named(flag)) return *l;
    return roadmap.language();
}

CLI::Validator one_of(std::vector<std::string> choices, std::string what) {
    const std::string listed = fmt::format("{{{}}}", fmt::join(choices, ","));
    return CLI::Validator(
        [choices = std::move(choices), what = std::move(what)](std::string& value) -> std::string {
            if (std::find(choices.begin(), choices.end(), value) != choices.end()) return {};
            std::string list;
            for (std::size_t i = 0; i < choices.size(); ++i)
                list += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + choices[i];
            return fmt::format("'{}' is not {}: give {}{}", value, what, list, did_you_mean(value, choices));
        },
        listed);
}

std::string exit_status_help(std::initializer_list<ExitStatus> statuses) {
    std::string out = "Exit status:";
    for (const ExitStatus& s : statuses) out += fmt::format("\n  {}  {}", s.code, s.meaning);
    return out;
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

void apply_thread_setting() {
    // issue 17: every parallel part of every command (the files of the tree, the versions read
    // from git) uses the same number of threads.
    default_threads() = load_options().threads;
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

void print_tree_notes(const Roadmap& roadmap) {
    for (const std::string& note : roadmap.notes) print_to_stderr("boussole: note: {}\n", visible(note));
}

void warn_lint_errors(const Roadmap& roadmap, const std::string& path, std::string_view what) {
    const LintResult lint = lint_roadmap(roadmap);
    if (lint.errors > 0)
        print_to_stderr(
            "boussole: warning: the roadmap has {} error{}: the {} may be incomplete; run 'boussole lint {}'\n",
            lint.errors, lint.errors == 1 ? "" : "s", what, visible(path));
}

namespace {

// Throws when `output` is, or would be read as, a file of the roadmap: one of `roadmap_files`
// (compared by device and inode, so that another spelling or a link to it is caught), or a
// YAML name inside one of the roadmap folders `roadmap_paths`, which the next lint would read.
void refuse_roadmap_target(const std::string& output, const std::vector<std::string>& roadmap_files,
                           const std::vector<std::string>& roadmap_paths) {
    struct stat out {};
    if (::stat(output.c_str(), &out) == 0) {
        for (const std::string& f : roadmap_files) {
            struct stat in {};
            if (::stat(f.c_str(), &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino)
                throw WriteError(
                    fmt::format("-o: refusing to write '{}': it is the roadmap's own file '{}'; give "
                                "another FILE, outside the roadmap",
                                output, f));
        }
    }
    fs::path real;
    try {
        real = link_target(output);
    } catch (const WriteError&) {
        return;  // a loop of links: write_output says so
    }
    if (!is_yaml_file_name(real.filename().string())) return;
    std::error_code ec;
    const fs::path folder = fs::weakly_canonical(fs::absolute(real, ec).parent_path(), ec);
    if (ec) return;
    for (const std::string& r : roadmap_paths) {
        std::error_code ec2;
        if (!fs::is_directory(r, ec2)) continue;
        const fs::path root = fs::canonical(r, ec2);
        if (ec2) continue;
        const auto [end, _] = std::mismatch(root.begin(), root.end(), folder.begin(), folder.end());
        if (end == root.end())
            throw WriteError(fmt::format(
                "-o: refusing to write '{}': a YAML file inside the roadmap folder '{}' would be read as part of the "
                "roadmap by the next lint; write it outside that folder, or give it another extension",
                output, r));
    }
}

}  // namespace

void emit(const std::string& text, const std::string& output, const std::vector<std::string>& roadmap_files,
          const std::vector<std::string>& roadmap_paths) {
    if (output.empty() || output == "-") {
        write_standard_output(text);
        return;
    }
    refuse_roadmap_target(output, roadmap_files, roadmap_paths);
    for_option("-o", [&] { write_output(output, text); });
}

}  // namespace boussole::cli

namespace boussole::cli {

CLI::Option* add_check_option(CLI::App* sub, std::string& file) {
    return sub
        ->add_option("--check", file,
                     fmt::format("write nothing: compare what {} would write now (same options) with the committed "
                                 "FILE; exit 0 when identical, 1 when it differs or is missing",
                                 sub->get_name()))
        ->type_name("FILE");
}

namespace {

// One argument as a POSIX shell reads it: as is when it holds only characters the shell takes
// literally, else in single quotes ('it'\''s').
std::string shell_word(const std::string& arg) {
    const bool plain = !arg.empty() && std::all_of(arg.begin(), arg.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               std::string_view("_-./:=@%+,").find(c) != std::string_view::npos;
    });
    if (plain) return arg;
    std::string out = "'";
    for (const char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// The command line of `sub` as it was given (options in the order typed, each once with its
// values), with `--check FILE` written `-o FILE`: the command that writes FILE.
std::string regenerate_command(const CLI::App& sub, const std::string& file) {
    std::vector<std::string> words{"boussole", sub.get_name()};
    std::vector<const CLI::Option*> seen;
    for (const CLI::Option* o : sub.parse_order()) {
        if (std::find(seen.begin(), seen.end(), o) != seen.end()) continue;
        seen.push_back(o);
        if (o->check_lname("check")) continue;
        const std::vector<std::string>& values = o->results();
        if (o->get_positional() && o->get_lnames().empty() && o->get_snames().empty()) {
            words.insert(words.end(), values.begin(), values.end());
            continue;
        }
        const std::string name =
            o->get_lnames().empty() ? "-" + o->get_snames().front() : "--" + o->get_lnames().front();
        if (o->get_expected_max() == 0) {  // a flag
            words.push_back(name);
            continue;
        }
        for (const std::string& v : values) {
            words.push_back(name);
            words.push_back(v);
        }
    }
    words.emplace_back("-o");
    words.push_back(file);
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : " ") + shell_word(w);
    return out;
}

}  // namespace

void refuse_check_with_output(const std::string& output) {
    if (!output.empty())
        throw UsageError(
            fmt::format("--check and -o cannot be used together: --check compares with FILE and writes nothing; "
                        "drop -o {}",
                        output));
}

int check_output(const std::string& text, const std::string& file, const std::string& output, const CLI::App& sub) {
    refuse_check_with_output(output);
    if (file == "-") throw UsageError("--check needs the committed file's path: standard input cannot be checked");
    const std::string command = visible(regenerate_command(sub, file));
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) {
        if (errno != ENOENT && errno != ENOTDIR)
            throw PathError(fmt::format("--check: cannot read '{}': {}", file, std::strerror(errno)));
        print_to_stderr("boussole: '{}' is missing: write it with: {}\n", visible(file), command);
        return 1;
    }
    if (S_ISDIR(st.st_mode))
        throw PathError(
            fmt::format("--check: '{}' is a folder; give the {} file to compare with", file, sub.get_name()));
    std::string committed;
    const auto size = static_cast<std::uintmax_t>(st.st_size);
    // A file over the read limit differs from any document boussole writes: it is not read.
    if (size <= max_read_bytes) {
        try {
            committed = read_file(file);
        } catch (const std::runtime_error& e) {
            throw PathError(fmt::format("--check: {}", e.what()));
        }
        if (committed == text) return 0;
    }
    // Where it starts to differ, to find it at once: the first line that is not the same.
    std::size_t line = 1;
    for (std::size_t i = 0; i < committed.size() && i < text.size() && committed[i] == text[i]; ++i)
        if (text[i] == '\n') ++line;
    print_to_stderr("boussole: '{}' is out of date (it differs from line {}): regenerate it with: {}\n", visible(file),
                    line, command);
    return 1;
}

Date parse_as_of(const std::string& text) {
    if (text.empty()) return Date::today();
    const auto d = Date::parse(text);
    if (!d)
        throw UsageError(
            fmt::format("--as-of: '{}' is not a date; give a day as YYYY-MM-DD, e.g. --as-of 2026-11-23", text));
    return *d;
}

std::optional<ReportHistory> report_history(const Snapshot& working, const std::string& path, Date as_of,
                                            const std::string& since, const WorkScope& scope) {
    std::optional<History> history;
    try {
        history.emplace(History::open(path));
    } catch (const NotARepository&) {
        if (!since.empty())
            throw UsageError(fmt::format(
                "--since {}: '{}' is not in a git repository, so there is no history to count changes from; leave "
                "out --since, or commit the roadmap in git",
                since, path));
        return std::nullopt;  // not in git: no check-in column
    } catch (const HistoryError& e) {
        if (!since.empty()) throw;
        print_to_stderr("boussole: warning: no check-in dates: {}\n", visible(e.what()));
        return std::nullopt;
    }
    try {
        return read_report_history(*history, working, *working.period(), as_of, since, scope);
    } catch (const HistoryError& e) {
        if (!since.empty()) throw;
        print_to_stderr("boussole: warning: cannot read check-in dates from git history: {}\n", visible(e.what()));
        return std::nullopt;
    }
}

void check_since(const std::string& since, const CLI::Option* option, bool no_history, std::string_view date) {
    if (since.empty() && option && option->count() > 0)
        throw UsageError(
            fmt::format("--since: an empty value names no point; give a revision (a commit, branch or tag) or a day as "
                        "YYYY-MM-DD, or leave out --since for a week before {}",
                        date));
    if (no_history && !since.empty())
        throw UsageError(
            fmt::format("--since {} and --no-history cannot go together: --since counts changes in git history, which "
                        "--no-history does not read; leave out one of them",
                        since));
}

}  // namespace boussole::cli
