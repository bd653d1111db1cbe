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
    sub->add_option("--audience", cmd.audience, "team (everything, down to tasks) or leadership (one page)")
        ->check(one_of({"team", "leadership"}, "an audience"));
    add_lang_option(sub, cmd.lang);
    sub->add_option("-o,--output", cmd.output, "write the report to FILE (whole, or not at all)")->type_name("FILE");
    sub->add_flag("--no-history", cmd.no_history,
                  "do not read git history (last check-ins from checked_on only): the report depends only on the "
                  "files and --as-of");
    sub->footer(exit_status_help(
        {{0, "the report was written (lint errors elsewhere are a warning on standard error)"},
         {1, "the roadmap has errors that stop the report (no roadmap block, no valid period)"},
         {2,
          "a usage error (an unknown option, a bad value), a PATH missing or unreadable, or -o FILE not writable"}}));
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

// The key results' last check-ins, when the roadmap is in a git repository that tracks it; with
// them, from the same history read, when each epic's update last changed (`updates`, set only
// when the history was read).
std::optional<std::map<std::string, CheckIn>> check_ins(const Snapshot& working, const std::string& path, Date as_of,
                                                        std::optional<std::map<std::string, CheckIn>>& updates) {
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
        std::map<std::string, CheckIn> changed;
        auto read = read_check_ins(*history, working, *working.period(), as_of, &changed);
        if (read) updates = std::move(changed);
        return read;
    } catch (const HistoryError& e) {
        print_to_stderr("boussole: warning: cannot read check-in dates from git history: {}\n", visible(e.what()));
        return std::nullopt;
    }
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
    warn_lint_errors(roadmap, path, "report");
    ReportOptions options;
    options.as_of = as_of;
    options.audience = cmd.audience == "leadership" ? Audience::leadership : Audience::team;
    options.language = document_language(cmd.lang, roadmap);
    options.generator = std::string("boussole ") + BOUSSOLE_VERSION;
    if (!cmd.no_history) options.check_ins = check_ins(working, path, as_of, options.updates);
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
