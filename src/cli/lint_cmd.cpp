#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>
#include <unistd.h>

#include "boussole/io.hpp"
#include "boussole/lint.hpp"
#include "boussole/loader.hpp"
#include "boussole/output.hpp"
#include "boussole/spell.hpp"
#include "cli/commands.hpp"

namespace boussole::cli {

namespace fs = std::filesystem;

std::string default_roadmap_path() {
    std::error_code ec;
    return fs::is_directory("roadmap", ec) ? "roadmap" : ".";
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

void warn_unparsable(const Snapshot& snapshot, const std::string& where) {
    const std::size_t n = snapshot.unparsable_files;
    if (n)
        fmt::print(stderr, "boussole: warning: {}, {} file{} could not be parsed: what {} holds is left out\n", where,
                   n, n == 1 ? "" : "s", n == 1 ? "it" : "they");
}

CLI::App* setup_lint(CLI::App& app, LintCommand& cmd) {
    CLI::App* sub = app.add_subcommand("lint", "Check a roadmap and print its problems (never changes the files).");
    sub->add_option("path", cmd.paths, "roadmap files or directories (default: roadmap/ if it exists, else .)");
    sub->add_option(
           "--format", cmd.format,
           "output format: text, json, github, sarif or gitlab (default text, or github when GITHUB_ACTIONS=true)")
        ->check(CLI::IsMember({"text", "json", "github", "sarif", "gitlab"}));
    sub->add_option("-o,--output", cmd.output, "write the output to FILE (whole, or not at all)");
    sub->add_flag("--strict", cmd.strict, "warnings fail too (exit 1)");
    sub->add_option("--max-warnings", cmd.max_warnings, "exit 1 when there are more than N warnings");
    sub->add_option("--rule", cmd.rules,
                    fmt::format("override a rule's severity: ID={} (repeatable)", fmt::join(severity_spellings, "|")))
        ->allow_extra_args(false);
    sub->add_option("--color", cmd.color, "colour in text output: auto (terminal, NO_COLOR unset), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    return sub;
}

namespace {

LintOptions parse_rule_overrides(const std::vector<std::string>& specs) {
    LintOptions options;
    const std::vector<std::string> ids = rule_ids();
    for (const std::string& spec : specs) {
        const auto eq = spec.find('=');
        if (eq == std::string::npos)
            throw UsageError(fmt::format("--rule '{}': expected ID=SEVERITY, e.g. --rule {}={}", spec,
                                         to_string(RuleId::missing_due), to_string(Severity::error)));
        const std::string id = spec.substr(0, eq);
        const std::string level = spec.substr(eq + 1);
        const std::optional<RuleId> rule = parse_rule_id(id);
        if (!rule) throw UsageError(fmt::format("--rule: unknown rule '{}'{}", id, did_you_mean(id, ids)));
        const auto sev = parse_severity(level);
        if (!sev)
            throw UsageError(fmt::format("--rule {}: severity must be {}, got '{}'", id, severity_choices(), level));
        options.rule_overrides[*rule] = *sev;
    }
    return options;
}

bool use_color(const std::string& mode, const std::string& output) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    return (output.empty() || output == "-") && std::getenv("NO_COLOR") == nullptr && ::isatty(STDOUT_FILENO) == 1;
}

}  // namespace

// BOUSSOLE_THREADS: how many files are parsed at once (default: one per core).
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

int run_lint(const LintCommand& cmd) {
    const LintOptions options = parse_rule_overrides(cmd.rules);
    const LoadOptions load = load_options();
    std::vector<std::string> paths = cmd.paths;
    if (paths.empty()) paths.push_back(default_roadmap_path());
    std::string format = cmd.format;
    if (format.empty()) {
        // As yamllint does: inside GitHub Actions, annotate the pull request by default.
        const char* actions = std::getenv("GITHUB_ACTIONS");
        format = actions && std::string_view(actions) == "true" ? "github" : "text";
    }

    std::vector<LintResult> results;
    std::vector<std::string> files_read;
    for (const std::string& path : paths) {
        const Roadmap roadmap = load_roadmap(path, load);
        for (const SourceFile& f : roadmap.files) files_read.push_back(f.display_path);
        results.push_back(lint_roadmap(roadmap, options));
    }
    const LintResult result = merge_results(std::move(results));

    std::string text;
    if (format == "json") {
        text = render_json(result);
    } else if (format == "github") {
        text = render_github(result);
    } else if (format == "sarif") {
        text = render_sarif(result);
    } else if (format == "gitlab") {
        text = render_gitlab(result);
    } else {
        text = render_text(result, use_color(cmd.color, cmd.output));
    }
    emit(text, cmd.output, files_read);
    for (const std::string& note : result.notes) fmt::print(stderr, "boussole: note: {}\n", note);

    if (result.errors > 0) return 1;
    if (cmd.strict && result.warnings > 0) return 1;
    if (cmd.max_warnings && result.warnings > *cmd.max_warnings) return 1;
    return 0;
}

}  // namespace boussole::cli
