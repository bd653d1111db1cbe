// boussole: keep a quarterly roadmap as YAML in git, lint it, report on it.
#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "boussole/spell.hpp"
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

    // The command table: every subcommand, in the order `--help` lists them.
    const Command commands[] = {lint_command(app),   rules_command(app), init_command(app), schema_command(app),
                                report_command(app), recap_command(app), diff_command(app)};

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
        // A first word that names no command: say so, with the closest one.
        const std::string first = argv[1];
        std::vector<std::string> names;
        for (const Command& c : commands) names.push_back(c.app->get_name());
        if (!first.starts_with('-') && std::find(names.begin(), names.end(), first) == names.end()) {
            fmt::print(stderr, "boussole: error: unknown command '{}'{}\nRun 'boussole --help' for the commands.\n",
                       first, boussole::did_you_mean(first, names));
            return 2;
        }
        fmt::print(stderr, "boussole: error: {}\nRun 'boussole --help' for more information.\n", e.what());
        return 2;
    }

    // Every failure that is not a finding in the roadmap ends here, with its exit status.
    try {
        for (const Command& c : commands)
            if (c.app->parsed()) return c.run();
    } catch (const boussole::Error& e) {
        fmt::print(stderr, "boussole: error: {}\n", e.what());
        return e.exit_status;
    }
    return 2;  // unreachable: CLI11 requires one subcommand
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
