// boussole: keep a quarterly roadmap as YAML in git, lint it, report on it.
#include <cstdio>

#include <fmt/format.h>

#include "boussole/history.hpp"
#include "boussole/io.hpp"
#include "boussole/loader.hpp"
#include "cli/commands.hpp"

namespace {

int run(int argc, char** argv) {
    using namespace boussole::cli;
    CLI::App app{"boussole: a quarterly roadmap kept as YAML in git, linted on every pull request.", "boussole"};
    app.set_version_flag("--version", std::string("boussole ") + BOUSSOLE_VERSION);
    app.require_subcommand(1);
    app.footer(
        "Exit status: 0 success, 1 the roadmap has errors, 2 usage error (arguments, path, git revision).\nSee "
        "boussole(1) and boussole-format(5).");

    LintCommand lint;
    RulesCommand rules;
    InitCommand init;
    SchemaCommand schema;
    ReportCommand report;
    CLI::App* lint_app = setup_lint(app, lint);
    CLI::App* rules_app = setup_rules(app, rules);
    CLI::App* init_app = setup_init(app, init);
    CLI::App* schema_app = setup_schema(app, schema);
    RecapCommand recap;
    DiffCommand diff;
    CLI::App* report_app = setup_report(app, report);
    CLI::App* recap_app = setup_recap(app, recap);
    CLI::App* diff_app = setup_diff(app, diff);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e) == 0 ? 0 : 2;
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e) == 0 ? 0 : 2;
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e) == 0 ? 0 : 2;
    } catch (const CLI::ParseError& e) {
        if (argc <= 1) {
            std::fputs(app.help().c_str(), stderr);
            return 2;
        }
        fmt::print(stderr, "boussole: error: {}\nRun 'boussole --help' for more information.\n", e.what());
        return 2;
    }

    // Every failure that is not a finding in the roadmap ends here, with exit 2.
    try {
        if (lint_app->parsed()) return run_lint(lint);
        if (rules_app->parsed()) return run_rules(rules);
        if (init_app->parsed()) return run_init(init);
        if (schema_app->parsed()) return run_schema(schema);
        if (report_app->parsed()) return run_report(report);
        if (recap_app->parsed()) return run_recap(recap);
        if (diff_app->parsed()) return run_diff(diff);
    } catch (const RoadmapError&) {
        return 1;
    } catch (const UsageError& e) {
        fmt::print(stderr, "boussole: error: {}\n", e.what());
        return 2;
    } catch (const boussole::PathError& e) {
        fmt::print(stderr, "boussole: error: {}\n", e.what());
        return 2;
    } catch (const boussole::HistoryError& e) {
        fmt::print(stderr, "boussole: error: {}\n", e.what());
        return 2;
    } catch (const boussole::WriteError& e) {
        fmt::print(stderr, "boussole: error: {}\n", e.what());
        return 2;
    }
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        fmt::print(stderr, "boussole: internal error: {}\n", e.what());
        return 2;
    }
}
