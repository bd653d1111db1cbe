// `boussole lsp`: the language server on standard input and output (issue 18).
#include <iostream>
#include <memory>

#include <signal.h>
#include <unistd.h>

#include "boussole/lsp.hpp"
#include "cli/commands.hpp"

namespace boussole::cli {

namespace {

struct LspCommand {
    bool stdio = false;  // accepted for the editors that pass it; standard input/output is the only transport
};

CLI::App* setup_lsp(CLI::App& app, LspCommand& cmd) {
    CLI::App* sub = app.add_subcommand(
        "lsp",
        "Run a Language Server Protocol server on standard input/output, for editors: the whole roadmap linted "
        "as you type (never changes the files).");
    sub->add_flag("--stdio", cmd.stdio, "talk on standard input and output (the default and only transport)");
    sub->footer(exit_status_help({{0, "the editor sent 'shutdown' then 'exit'"},
                                  {1, "the editor sent 'exit' without 'shutdown', or closed the input first"},
                                  {2, "a usage error"}}));
    return sub;
}

int run_lsp(const LspCommand&) {
    // An editor that goes away closes the pipe: a write then fails (the output stream goes bad)
    // instead of killing the server, which ends at the end of its input.
    ::signal(SIGPIPE, SIG_IGN);
    const std::unique_ptr<std::streambuf> input = lsp::fd_input_buffer(STDIN_FILENO);
    std::istream in(input.get());
    lsp::ServerOptions options;
    options.find_roadmap = [](const std::string& folder) { return roadmap_path_from(folder); };
    return lsp::serve(in, std::cout, std::move(options));
}

}  // namespace

Command lsp_command(CLI::App& app) {
    auto cmd = std::make_shared<LspCommand>();
    return {setup_lsp(app, *cmd), [cmd] { return run_lsp(*cmd); }};
}

}  // namespace boussole::cli
