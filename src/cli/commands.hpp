#pragma once
// The subcommands: one file each, with an options struct, a setup_* and a run_*.

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "boussole/model.hpp"
#include "boussole/plan.hpp"

namespace boussole::cli {

// A usage error found after parsing (a bad --rule, an unknown id): exit 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The roadmap has errors that stop the command (the message is already printed): exit 1.
struct RoadmapError {};

struct LintCommand {
    std::vector<std::string> paths;
    std::string format;
    std::string output;
    bool strict = false;
    std::optional<std::size_t> max_warnings;
    std::vector<std::string> rules;
    std::string color = "auto";
};
CLI::App* setup_lint(CLI::App& app, LintCommand& cmd);
int run_lint(const LintCommand& cmd);

struct RulesCommand {
    std::string id;
};
CLI::App* setup_rules(CLI::App& app, RulesCommand& cmd);
int run_rules(const RulesCommand& cmd);

struct InitCommand {
    std::string dir;
};
CLI::App* setup_init(CLI::App& app, InitCommand& cmd);
int run_init(const InitCommand& cmd);

struct SchemaCommand {
    std::string output;
};
CLI::App* setup_schema(CLI::App& app, SchemaCommand& cmd);
int run_schema(const SchemaCommand& cmd);

struct ReportCommand {
    std::string path;
    bool no_history = false;
    std::string as_of;
    std::string audience = "team";
    std::string output;
};
CLI::App* setup_report(CLI::App& app, ReportCommand& cmd);
int run_report(const ReportCommand& cmd);

struct RecapCommand {
    std::string path;
    std::string baseline;
    std::string at;
    std::string output;
};
CLI::App* setup_recap(CLI::App& app, RecapCommand& cmd);
int run_recap(const RecapCommand& cmd);

struct DiffCommand {
    std::string rev_a, rev_b, path;
    std::string format = "text";
    std::string output;
};
CLI::App* setup_diff(CLI::App& app, DiffCommand& cmd);
int run_diff(const DiffCommand& cmd);

// The PATH used when none is given: `roadmap/` when it exists, else the current directory.
std::string default_roadmap_path();

// The files of the roadmap at `path` in the working tree, to never write over (none if absent).
std::vector<std::string> roadmap_files_at(const std::string& path);

// Warns on standard error when some files of a state (named by `where`: "at abc1234", "in the
// working tree") could not be parsed, so that their content is missing from a comparison.
void warn_unparsable(const Snapshot& snapshot, const std::string& where);

// Warns on standard error when the roadmap has lint errors (the report may be incomplete).
void warn_lint_errors(const Roadmap& roadmap, const std::string& path, std::string_view what);

// Writes `text` to standard output, or whole to `output` when set (never over a roadmap file).
void emit(const std::string& text, const std::string& output, const std::vector<std::string>& roadmap_files);

}  // namespace boussole::cli
