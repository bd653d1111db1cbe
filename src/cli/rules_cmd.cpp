#include <memory>

#include <fmt/format.h>

#include "boussole/lint.hpp"
#include "boussole/spell.hpp"
#include "cli/commands.hpp"

namespace boussole::cli {

namespace {

struct RulesCommand {
    std::string id;
};

CLI::App* setup_rules(CLI::App& app, RulesCommand& cmd) {
    CLI::App* sub = app.add_subcommand("rules", "List the lint rules, or explain one.");
    sub->add_option("id", cmd.id, "a rule id: print its full help")->type_name("ID");
    sub->footer(exit_status_help(
        {{0, "the catalogue, or the rule's help, was printed"}, {2, "a usage error, or ID names no rule"}}));
    return sub;
}

std::string indent(std::string_view text) {
    std::string out = "    ";
    for (char c : text) {
        out += c;
        if (c == '\n') out += "    ";
    }
    return out;
}

int run_rules(const RulesCommand& cmd) {
    std::string out;
    if (cmd.id.empty()) {
        for (const Rule* r : all_rules())
            out += fmt::format("{:<24} {:<8} {}\n", to_string(r->id), to_string(r->default_severity), r->summary);
    } else {
        const Rule* r = find_rule(cmd.id);
        if (!r)
            throw UsageError(fmt::format("unknown rule '{}'{}; 'boussole rules' lists them", cmd.id,
                                         did_you_mean(cmd.id, rule_ids())));
        out = fmt::format("{} ({} by default)\n\nFires when {}.\n\nWhy it matters:\n{}\n\nBad:\n{}\n\nGood:\n{}\n",
                          to_string(r->id), to_string(r->default_severity), r->summary, indent(r->why), indent(r->bad),
                          indent(r->good));
    }
    emit(out, "", {});
    return 0;
}

}  // namespace

Command rules_command(CLI::App& app) {
    auto cmd = std::make_shared<RulesCommand>();
    return {setup_rules(app, *cmd), [cmd] { return run_rules(*cmd); }};
}

}  // namespace boussole::cli
