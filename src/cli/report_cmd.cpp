#include <memory>

#include <fmt/format.h>

#include "boussole/history.hpp"
#include "boussole/report.hpp"
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
    // issue 14, item 4
    std::string owner, stream;
};

CLI::App* setup_report(CLI::App& app, ReportCommand& cmd) {
    CLI::App* sub = app.add_subcommand("report", "Print the status report of a roadmap in Markdown.");
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
    add_lang_option(sub, cmd.lang);
    sub->add_option("-o,--output", cmd.output, "write the report to FILE (whole, or not at all)")->type_name("FILE");
    sub->add_flag("--no-history", cmd.no_history,
                  "do not read git history (last check-ins from checked_on only): the report depends only on the "
                  "files and --as-of");
    sub->footer(exit_status_help(
        {{0, "the report was written (lint errors elsewhere are a warning on standard error)"},
         {1, "the roadmap has errors that stop the report (no roadmap block, no valid period)"},
         {2,
          "a usage error (an unknown option, a bad value, an --owner or --stream id the roadmap does not declare), a "
          "PATH missing or unreadable, or -o FILE not writable"}}));
    return sub;
}

Date parse_as_of(const std::string& text) {
    if (text.empty()) return Date::today();
    const auto d = Date::parse(text);
    if (!d)
        throw UsageError(
            fmt::format("--as-of: '{}' is not a date; give a day as YYYY-MM-DD, e.g. --as-of 2026-11-23", text));
    return *d;
}

// The key results' last check-ins, when the roadmap is in a git repository that tracks it.
std::optional<std::map<std::string, CheckIn>> check_ins(const Snapshot& working, const std::string& path, Date as_of) {
    std::optional<History> history;
    try {
        history.emplace(History::open(path));
    } catch (const NotARepository&) {
        return std::nullopt;  // not in git: no check-in column
    } catch (const HistoryError& e) {
        print_to_stderr("boussole: warning: no check-in dates: {}\n", visible(e.what()));
        return std::nullopt;
    }
    try {
        return read_check_ins(*history, working, *working.period(), as_of);
    } catch (const HistoryError& e) {
        print_to_stderr("boussole: warning: cannot read check-in dates from git history: {}\n", visible(e.what()));
        return std::nullopt;
    }
}

// When the epics done in the working tree became done, when it is in a git repository that tracks it.
std::optional<std::map<std::string, CheckIn>> done_dates(const Snapshot& working, const std::string& path, Date as_of) {
    try {
        const History history = History::open(path);
        return read_done_dates(history, working, *working.period(), as_of);
    } catch (const NotARepository&) {
        return std::nullopt;  // not in git: finished epics are dated by their due dates
    } catch (const HistoryError& e) {
        print_to_stderr("boussole: warning: cannot read when epics were done from git history: {}\n",
                        visible(e.what()));
        return std::nullopt;
    }
}

Audience audience_named(const std::string& s) {
    for (Audience a : {Audience::team, Audience::leadership, Audience::sellers})
        if (to_string(a) == s) return a;
    return Audience::team;
}

int run_report(const ReportCommand& cmd) {
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
    if (!cmd.no_history) options.check_ins = check_ins(working, path, as_of);
    if (!cmd.no_history && options.audience == Audience::sellers) options.done_dates = done_dates(working, path, as_of);
    const std::string text = render_status_report(roadmap, options);
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
