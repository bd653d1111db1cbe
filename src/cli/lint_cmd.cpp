#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include <fmt/format.h>
#include <unistd.h>

#include "boussole/lint.hpp"
#include "boussole/loader.hpp"
#include "boussole/output.hpp"
#include "boussole/spell.hpp"
#include "boussole/visible.hpp"
#include "cli/commands.hpp"

namespace boussole::cli {

namespace {

struct LintCommand {
    std::vector<std::string> paths;
    std::string format;
    std::string output;
    bool strict = false;
    std::string max_warnings;  // a whole number, read by max_warnings_of
    std::vector<std::string> rules;
    std::string color = "auto";
};

// What the lint outputs need besides the result.
struct Where {
    bool color = false;
    std::string repository_root;  // CI formats name files relative to it
};

using Render = std::string (*)(const LintResult&, const Where&);
const Format<Render> formats[] = {
    {"text", [](const LintResult& r, const Where& w) { return render_text(r, w.color); }},
    {"json", [](const LintResult& r, const Where&) { return render_json(r); }},
    {"github", [](const LintResult& r, const Where& w) { return render_github(r, w.repository_root); }},
    {"sarif", [](const LintResult& r, const Where& w) { return render_sarif(r, w.repository_root); }},
    {"gitlab", [](const LintResult& r, const Where& w) { return render_gitlab(r, w.repository_root); }},
};

CLI::App* setup_lint(CLI::App& app, LintCommand& cmd) {
    CLI::App* sub = app.add_subcommand("lint", "Check a roadmap and print its problems (never changes the files).");
    sub->add_option(
           "path", cmd.paths,
           "roadmap files or directories (default: the nearest roadmap/ up to the top of the git repository, else .)")
        ->type_name("PATH");
    add_format_option(sub, cmd.format, formats,
                      "output format: text, json, github, sarif or gitlab (default text, or github when "
                      "GITHUB_ACTIONS=true)");
    sub->add_option("-o,--output", cmd.output, "write the output to FILE (whole, or not at all)")->type_name("FILE");
    sub->add_flag("--strict", cmd.strict, "warnings fail too (exit 1)");
    sub->add_option("--max-warnings", cmd.max_warnings, "exit 1 when there are more than N warnings")->type_name("N");
    sub->add_option("--rule", cmd.rules,
                    fmt::format("override a rule's severity: ID={} (repeatable)", fmt::join(severity_spellings, "|")))
        ->allow_extra_args(false);
    sub->add_option("--color", cmd.color, "colour in text output: auto (terminal, NO_COLOR unset), always, never")
        ->check(one_of({"auto", "always", "never"}, "a colour mode"));
    sub->footer(exit_status_help(
        {{0, "no error (warnings allowed, unless --strict or more than --max-warnings)"},
         {1, "the roadmap has errors, or warnings under --strict or over --max-warnings"},
         {2,
          "a usage error (an unknown option, a bad value), a PATH missing or unreadable, or -o FILE not writable"}}));
    return sub;
}

// --max-warnings N: a whole number, said in words when it is not one.
std::optional<std::size_t> max_warnings_of(const std::string& text) {
    if (text.empty()) return std::nullopt;
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size())
        throw UsageError(fmt::format(
            "--max-warnings: '{}' is not a whole number; give how many warnings pass, 0 or more, e.g. --max-warnings 0",
            text));
    return n;
}

LintOptions parse_rule_overrides(const std::vector<std::string>& specs) {
    LintOptions options;
    const std::vector<std::string> ids = rule_ids();
    for (const std::string& spec : specs) {
        const auto eq = spec.find('=');
        if (eq == std::string::npos)
            throw UsageError(fmt::format("--rule {}: give a rule and a severity, ID=SEVERITY, e.g. --rule {}={}", spec,
                                         to_string(RuleId::missing_due), to_string(Severity::error)));
        const std::string id = spec.substr(0, eq);
        const std::string level = spec.substr(eq + 1);
        const std::optional<RuleId> rule = parse_rule_id(id);
        if (!rule)
            throw UsageError(fmt::format("--rule {}: unknown rule '{}'{}; 'boussole rules' lists them", spec, id,
                                         did_you_mean(id, ids)));
        const auto sev = parse_severity(level);
        if (!sev)
            throw UsageError(
                fmt::format("--rule {}: '{}' is not a severity; give {}", spec, level, severity_choices()));
        options.rule_overrides[*rule] = *sev;
    }
    return options;
}

bool use_color(const std::string& mode, const std::string& output) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    return (output.empty() || output == "-") && std::getenv("NO_COLOR") == nullptr && ::isatty(STDOUT_FILENO) == 1;
}

int run_lint(const LintCommand& cmd) {
    const LintOptions options = parse_rule_overrides(cmd.rules);
    const std::optional<std::size_t> max_warnings = max_warnings_of(cmd.max_warnings);
    const LoadOptions load = load_options();
    std::vector<std::string> paths = cmd.paths;
    if (paths.empty()) paths.push_back(roadmap_path(""));
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

    const Where where{use_color(cmd.color, cmd.output), format == "text" || format == "json" ? "" : work_tree_root()};
    emit(format_named(formats, format)(result, where), cmd.output, files_read, paths);
    for (const std::string& note : result.notes) print_to_stderr("boussole: note: {}\n", visible(note));

    if (result.errors > 0) return 1;
    if (cmd.strict && result.warnings > 0) return 1;
    if (max_warnings && result.warnings > *max_warnings) return 1;
    return 0;
}

}  // namespace

Command lint_command(CLI::App& app) {
    auto cmd = std::make_shared<LintCommand>();
    return {setup_lint(app, *cmd), [cmd] { return run_lint(*cmd); }};
}

}  // namespace boussole::cli
