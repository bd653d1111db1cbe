// boussole: keep a quarterly roadmap as YAML in git, lint it, report on it.
#include <algorithm>
#include <cstdio>
#include <sstream>

#include <fmt/format.h>

#include "boussole/io.hpp"
#include "boussole/spell.hpp"
#include "boussole/visible.hpp"
#include "cli/commands.hpp"

namespace {

// A message for stderr: control characters shown visibly (visible()), its own line breaks kept
// (a list of files, a hint), every line after the first indented so that no value from a path
// or a roadmap starts a line of its own (a forged "::error" workflow command).
std::string for_stderr(std::string_view message) {
    std::string out;
    std::size_t start = 0;
    for (bool first = true;; first = false) {
        const std::size_t nl = message.find('\n', start);
        const std::string line =
            boussole::visible(message.substr(start, nl == std::string_view::npos ? nl : nl - start));
        if (!first) out += line.starts_with("  ") ? "\n" : "\n  ";
        out += line;
        if (nl == std::string_view::npos) return out;
        start = nl + 1;
    }
}

// An option's names as a user types them: "-o/--output", "--format".
std::string names_of(const CLI::Option& o) {
    std::string out;
    for (const std::string& n : o.get_snames()) out += (out.empty() ? "-" : "/-") + n;
    for (const std::string& n : o.get_lnames()) out += (out.empty() ? "--" : "/--") + n;
    return out.empty() ? o.get_name() : out;
}

// CLI11's parse errors in plain words: the option or argument, what is wrong with it, the fix.
// `sub` is the subcommand being parsed, if any.
std::string plain_parse_error(const CLI::ParseError& e, const CLI::App& app, const CLI::App* sub) {
    const std::string what = e.what();
    const CLI::App& where = sub ? *sub : app;
    const auto option_named = [&](const std::string& name) -> const CLI::Option* {
        for (const CLI::Option* o : where.get_options())
            if (o->get_name() == name || o->check_name(name)) return o;
        return nullptr;
    };
    // Our own checks (one_of) already speak plainly, after the option's name.
    if (dynamic_cast<const CLI::ValidationError*>(&e)) {
        const auto colon = what.find(": ");
        const CLI::Option* o = colon == std::string::npos ? nullptr : option_named(what.substr(0, colon));
        return o ? names_of(*o) + what.substr(colon) : what;
    }
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
        if (const CLI::Option* o = option_named(what.substr(0, what.find(':'))))
            return fmt::format("{} needs a value: {}", names_of(*o), o->get_description());
    }
    if (!sub && dynamic_cast<const CLI::RequiredError*>(&e)) {
        // No command: "A subcommand is required", for `boussole` alone or `boussole --bogus`.
        std::vector<std::string> names;
        for (const CLI::App* c : app.get_subcommands({})) names.push_back(c->get_name());
        const std::vector<std::string> extras = app.remaining(true);
        if (!extras.empty() && extras.front().starts_with('-'))
            return fmt::format("boussole has no option '{}': give a command first ({}), then its options",
                               extras.front(), fmt::join(names, ", "));
        return fmt::format("boussole needs a command: {}", fmt::join(names, ", "));
    }
    if (dynamic_cast<const CLI::RequiredError*>(&e)) {
        if (const CLI::Option* o = option_named(what.substr(0, what.find(" is required"))))
            return fmt::format("{} needs {}: {}", where.get_name(), o->get_name(), o->get_description());
    }
    if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
        const std::vector<std::string> extras = app.remaining(true);
        if (!extras.empty()) {
            const std::string& first = extras.front();
            if (first.starts_with('-') && first.size() > 1) {
                std::vector<std::string> names;
                for (const CLI::Option* o : where.get_options()) {
                    for (const std::string& n : o->get_lnames()) names.push_back("--" + n);
                    for (const std::string& n : o->get_snames()) names.push_back("-" + n);
                }
                const std::string bare = first.substr(0, first.find('='));
                return fmt::format("{} has no option '{}'{}", where.get_name(), bare,
                                   boussole::did_you_mean(bare, names));
            }
            return fmt::format("unexpected argument '{}': {} takes no more arguments", first, where.get_name());
        }
    }
    if (dynamic_cast<const CLI::ConversionError*>(&e)) {
        // "Could not convert: --strict = maybe", or "--strict: ...": a flag given a value it cannot read.
        constexpr std::string_view could_not = "Could not convert: ";
        const std::string name = what.starts_with(could_not)
                                     ? what.substr(could_not.size(), what.find(" = ") - could_not.size())
                                     : what.substr(0, what.find(':'));
        if (const CLI::Option* o = option_named(name); o && o->get_expected_min() == 0)
            return fmt::format("{} takes no value: write it alone to turn it on", names_of(*o));
    }
    return what;
}

int run(int argc, char** argv) {
    using namespace boussole::cli;
    CLI::App app{"boussole: a quarterly roadmap kept as YAML in git, linted on every pull request.", "boussole"};
    app.set_version_flag("--version", std::string("boussole ") + BOUSSOLE_VERSION);
    app.require_subcommand(1);
    app.footer(
        "Exit status: 0 success, 1 the roadmap has errors, 2 usage error (arguments, path, git revision).\nSee "
        "boussole(1) and boussole-format(5).");

    // The command table: every subcommand, in the order `--help` lists them.
    const Command commands[] = {lint_command(app),   rules_command(app),  init_command(app),
                                schema_command(app), report_command(app), recap_command(app),
                                diff_command(app),   digest_command(app), lsp_command(app)};

    // --help and --version: written like any output, a failure to write them is an error.
    const auto answer = [&app](const CLI::Error& e) {
        std::ostringstream out, err;
        const int code = app.exit(e, out, err);
        std::fputs(err.str().c_str(), stderr);
        try {
            boussole::write_standard_output(out.str());
        } catch (const boussole::Error& failure) {
            boussole::cli::print_to_stderr("boussole: error: {}\n", failure.what());
            return 2;
        }
        return code == 0 ? 0 : 2;
    };
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return answer(e);
    } catch (const CLI::CallForAllHelp& e) {
        return answer(e);
    } catch (const CLI::CallForVersion& e) {
        return answer(e);
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
            boussole::cli::print_to_stderr(
                "boussole: error: unknown command '{}'{}\nRun 'boussole --help' for the commands.\n",
                boussole::visible(first), boussole::did_you_mean(first, names));
            return 2;
        }
        const CLI::App* sub = nullptr;
        for (const Command& c : commands)
            if (c.app->parsed()) sub = c.app;
        boussole::cli::print_to_stderr("boussole: error: {}\nRun 'boussole {}--help' for {}.\n",
                                       boussole::visible(plain_parse_error(e, app, sub)),
                                       sub ? sub->get_name() + " " : "", sub ? "its options" : "the commands");
        return 2;
    }

    // Every failure that is not a finding in the roadmap ends here, with its exit status.
    try {
        boussole::cli::apply_thread_setting();
        for (const Command& c : commands)
            if (c.app->parsed()) return c.run();
    } catch (const boussole::Error& e) {
        // Messages quote paths, arguments and values: control characters shown, on one line.
        boussole::cli::print_to_stderr("boussole: error: {}\n", for_stderr(e.what()));
        return e.exit_status;
    }
    return 2;  // unreachable: CLI11 requires one subcommand
}

}  // namespace

int main(int argc, char** argv) {
    int status = 2;
    try {
        status = run(argc, argv);
    } catch (const std::exception& e) {
        boussole::cli::print_to_stderr("boussole: internal error: {}\n", for_stderr(e.what()));
    }
    // What is still buffered (--help, --version) reaches standard output here: a failure to
    // write or close it is an error too, said once (not again when a command already said it).
    if (const std::string failure = boussole::close_standard_output(); !failure.empty()) {
        boussole::cli::print_to_stderr("boussole: error: {}\n", failure);
        return 2;
    }
    return status;
}
