#include <fmt/format.h>

#include "boussole/history.hpp"
#include "boussole/lint.hpp"
#include "boussole/loader.hpp"
#include "boussole/report.hpp"
#include "cli/commands.hpp"

namespace boussole::cli {

CLI::App* setup_report(CLI::App& app, ReportCommand& cmd) {
    CLI::App* sub = app.add_subcommand("report", "Print the status report of a roadmap in Markdown.");
    sub->add_option("path", cmd.path, "roadmap file or directory (default: roadmap/ if it exists, else .)");
    sub->add_option("--as-of", cmd.as_of, "the report date, YYYY-MM-DD (default: today, UTC)");
    sub->add_option("--audience", cmd.audience, "team (everything, down to tasks) or leadership (one page)")
        ->check(CLI::IsMember({"team", "leadership"}));
    sub->add_option("-o,--output", cmd.output, "write the report to FILE (whole, or not at all)");
    sub->add_flag("--no-history", cmd.no_history,
                  "do not read git history (no last check-in dates): the report depends only on the files and "
                  "--as-of");
    return sub;
}

Date parse_as_of(const std::string& text) {
    if (text.empty()) return Date::today();
    const auto d = Date::parse(text);
    if (!d) throw UsageError(fmt::format("--as-of must be a date YYYY-MM-DD, got '{}'", text));
    return *d;
}

// A report needs a period; lint errors elsewhere only make it less complete.
void require_reportable(const Roadmap& roadmap, const std::string& path) {
    if (const auto why = report_blocker(roadmap)) {
        fmt::print(stderr, "boussole: error: cannot make a report: {}; run 'boussole lint {}'\n", *why, path);
        throw RoadmapError();
    }
    warn_lint_errors(roadmap, path, "report");
}

void warn_lint_errors(const Roadmap& roadmap, const std::string& path, std::string_view what) {
    const LintResult lint = lint_roadmap(roadmap);
    if (lint.errors > 0)
        fmt::print(stderr,
                   "boussole: warning: the roadmap has {} error{}: the {} may be incomplete; run 'boussole lint {}'\n",
                   lint.errors, lint.errors == 1 ? "" : "s", what, path);
}

namespace {

// The key results' last check-ins, when the roadmap is in a git repository that tracks it.
std::optional<std::map<std::string, CheckIn>> check_ins(const Roadmap& roadmap, const std::string& path) {
    std::optional<History> history;
    try {
        history.emplace(History::open(path));
    } catch (const NotARepository&) {
        return std::nullopt;  // not in git: no check-in column
    } catch (const HistoryError& e) {
        fmt::print(stderr, "boussole: warning: no check-in dates: {}\n", e.what());
        return std::nullopt;
    }
    try {
        const auto head = history->head();
        if (!head || !history->has_path(*head)) return std::nullopt;  // not committed: nothing to tell
        return find_check_ins(*history, snapshot_of(roadmap), *roadmap.info()->period);
    } catch (const HistoryError& e) {
        fmt::print(stderr, "boussole: warning: cannot read check-in dates from git history: {}\n", e.what());
        return std::nullopt;
    }
}

}  // namespace

int run_report(const ReportCommand& cmd) {
    const Date as_of = parse_as_of(cmd.as_of);
    const std::string path = cmd.path.empty() ? default_roadmap_path() : cmd.path;
    const Roadmap roadmap = load_roadmap(path);
    ReportOptions options;
    options.as_of = as_of;
    options.audience = cmd.audience == "leadership" ? Audience::leadership : Audience::team;
    options.generator = std::string("boussole ") + BOUSSOLE_VERSION;
    require_reportable(roadmap, path);
    if (!cmd.no_history) options.check_ins = check_ins(roadmap, path);
    const std::string text = render_status_report(roadmap, options);
    std::vector<std::string> files;
    for (const SourceFile& f : roadmap.files) files.push_back(f.display_path);
    emit(text, cmd.output, files);
    return 0;
}

}  // namespace boussole::cli
