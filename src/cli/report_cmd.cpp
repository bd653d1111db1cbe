#include <memory>

#include <fmt/format.h>

#include "boussole/history.hpp"
#include "boussole/report.hpp"
#include "boussole/report_content.hpp"
#include "boussole/visible.hpp"
#include "cli/commands.hpp"

namespace boussole::cli {

namespace {

struct ReportCommand {
    std::string path;
    bool no_history = false;
    std::string as_of;
    std::string audience = "team";
    std::string lang;
    std::string output;
    std::string format = "markdown";
    std::string check;
    CLI::App* app = nullptr;
    std::string since;                          // issue 14, item 1
    const CLI::Option* since_option = nullptr;  // to tell an empty --since from none
    std::string owner, stream;                  // issue 14, item 4
};

using Render = std::string (*)(const StatusReportContent&, Language);
const Format<Render> formats[] = {
    {"markdown", &render_markdown},
    {"html", &render_status_html},
    {"json", &render_status_json},
};

CLI::App* setup_report(CLI::App& app, ReportCommand& cmd) {
    CLI::App* sub = app.add_subcommand("report", "Print the status report of a roadmap in Markdown (or JSON).");
    cmd.app = sub;
    sub->add_option(
           "path", cmd.path,
           "roadmap file or directory (default: the nearest roadmap/ up to the top of the git repository, else .)")
        ->type_name("PATH");
    sub->add_option("--as-of", cmd.as_of,
                    "the report date, YYYY-MM-DD (default: today, UTC); git history after it is not read")
        ->type_name("DATE");
    sub->add_option("--audience", cmd.audience,
                    "team (everything, down to tasks), leadership (one page) or sellers (what shipped, what ships "
                    "next, whom to ask)")
        ->check(one_of({"team", "leadership", "sellers"}, "an audience"));
    sub->add_option("--owner", cmd.owner,
                    "narrow the report to one person's work: the epics they own or help with, their tasks, the key "
                    "results they own (a declared person's id)")
        ->type_name("ID");
    sub->add_option("--stream", cmd.stream,
                    "narrow the report to one stream's work: its epics and the key results they serve (a declared "
                    "stream's id)")
        ->type_name("ID");
    add_format_option(
        sub, cmd.format, formats,
        "output format: markdown (default), html (one self-contained page with charts, the dashboard) or json "
        "(the same content as data, for other tools)");
    add_lang_option(sub, cmd.lang);
    sub->add_option("-o,--output", cmd.output, "write the report to FILE (whole, or not at all)")->type_name("FILE");
    add_check_option(sub, cmd.check);
    sub->add_flag("--no-history", cmd.no_history,
                  "do not read git history (last check-ins from checked_on only, no changes or trends): the report "
                  "depends only on the files and --as-of");
    cmd.since_option =
        sub->add_option("--since", cmd.since,
                        "count changes since REV (a commit, branch or tag) or DATE (YYYY-MM-DD: the last commit on or "
                        "before it); default: the last commit on or before a week before the report date")
            ->type_name("REV|DATE");
    sub->footer(exit_status_help(
        {{0,
          "the report was written (lint errors elsewhere are a warning on standard error); with --check, FILE is "
          "up to date"},
         {1,
          "the roadmap has errors that stop the report (no roadmap block, no valid period); with --check, FILE "
          "differs or is missing"},
         {2,
          "a usage error (an unknown option, a bad value, --check with -o, a --since revision or date with no "
          "commit to count from, an --owner or --stream id the roadmap does not declare), a PATH missing or "
          "unreadable, -o FILE not writable, or --check FILE a folder or unreadable"}}));
    return sub;
}

Audience audience_named(const std::string& s) {
    for (Audience a : {Audience::team, Audience::leadership, Audience::sellers})
        if (to_string(a) == s) return a;
    return Audience::team;
}

int run_report(const ReportCommand& cmd) {
    if (!cmd.check.empty()) refuse_check_with_output(cmd.output);
    check_since(cmd.since, cmd.since_option, cmd.no_history, "the report date");
    const Date as_of = parse_as_of(cmd.as_of);
    const std::string path = roadmap_path(cmd.path);
    const Snapshot working(load_roadmap(path, load_options()));
    print_tree_notes(working.roadmap());
    const Roadmap& roadmap = working.roadmap();
    // A report needs a period; lint errors elsewhere only make it less complete.
    if (const auto why = report_blocker(roadmap))
        throw RoadmapError(fmt::format("cannot make a report: {}; run 'boussole lint {}'", *why, path));
    ReportOptions options;
    options.owner = cmd.owner;
    options.stream = cmd.stream;
    if (const auto why = scope_error(roadmap, options)) throw UsageError(*why);
    warn_lint_errors(roadmap, path, "report");
    options.as_of = as_of;
    options.audience = audience_named(cmd.audience);
    options.language = document_language(cmd.lang, roadmap);
    options.generator = std::string("boussole ") + BOUSSOLE_VERSION;
    if (!cmd.no_history)
        if (std::optional<ReportHistory> h =
                report_history(working, path, as_of, cmd.since, WorkScope{cmd.owner, cmd.stream})) {
            options.check_ins = std::move(h->check_ins);
            options.trends = std::move(h->trends);
            options.updates = std::move(h->updates);
            if (options.audience == Audience::sellers) options.done_dates = std::move(h->done_dates);
            options.commits_after_as_of = h->commits_after;
            options.burn_up = std::move(h->burn_up);          // issue 15
            options.last_change = std::move(h->last_change);  // issue 16
        }
    const std::string text = format_named(formats, cmd.format)(build_status_report(roadmap, options), options.language);
    if (!cmd.check.empty()) return check_output(text, cmd.check, cmd.output, *cmd.app);
    std::vector<std::string> files;
    for (const SourceFile& f : roadmap.files) files.push_back(f.display_path);
    emit(text, cmd.output, files, {path});
    return 0;
}

}  // namespace

Command report_command(CLI::App& app) {
    auto cmd = std::make_shared<ReportCommand>();
    return {setup_report(app, *cmd), [cmd] { return run_report(*cmd); }};
}

}  // namespace boussole::cli
