#include <memory>

#include "boussole/output.hpp"
#include "cli/commands.hpp"

namespace boussole::cli {

namespace {

struct SchemaCommand {
    std::string output;
};

CLI::App* setup_schema(CLI::App& app, SchemaCommand& cmd) {
    CLI::App* sub = app.add_subcommand("schema", "Print a JSON Schema (draft-07) of a roadmap file, for editors.");
    sub->add_option("-o,--output", cmd.output, "write it to FILE (whole, or not at all)")->type_name("FILE");
    sub->footer(
        exit_status_help({{0, "the schema was printed or written"}, {2, "a usage error, or -o FILE not writable"}}));
    return sub;
}

int run_schema(const SchemaCommand& cmd) {
    emit(render_schema(), cmd.output, {});
    return 0;
}

}  // namespace

Command schema_command(CLI::App& app) {
    auto cmd = std::make_shared<SchemaCommand>();
    return {setup_schema(app, *cmd), [cmd] { return run_schema(*cmd); }};
}

}  // namespace boussole::cli
