#include <memory>

#include <fmt/format.h>

#include "boussole/history.hpp"
#include "boussole/recap.hpp"
#include "cli/commands.hpp"

namespace boussole::cli {

namespace {

struct RecapCommand {
    std::string path;
    std::string baseline;
    std::string at;
    std::string lang;
    std::string output;
    std::string format = "markdown";
    std::string check;
    CLI::App* app = nullptr;
};

using Render = std::string (*)(const RecapContent&, Language);
const Format<Render> formats[] = {
    {"markdown", &render_recap_markdown},
    {"html", &render_recap_html},
    {"json", &render_recap_json},
};

CLI::App* setup_recap(CLI::App& app, RecapCommand& cmd) {
    CLI::App* sub = app.add_subcommand(
        "recap", "Print the end-of-period recap in Markdown (or JSON), from the roadmap's git history.");
    cmd.app = sub;
    sub->add_option(
           "path", cmd.path,
           "roadmap file or directory (default: the nearest roadmap/ up to the top of the git repository, else .)")
        ->type_name("PATH");
    sub->add_option("--baseline", cmd.baseline,
                    "the plan to compare with (default: the last commit at or before the period's start that "
                    "changed PATH, else the first one after it)")
        ->type_name("REV");
    sub->add_option("--at", cmd.at, "the end state: a revision (default: the working tree)")->type_name("REV");
    add_format_option(sub, cmd.format, formats,
                      "output format: markdown (default), html (one self-contained page with charts) or json (the same "
                      "content as data, for other tools)");
    add_lang_option(sub, cmd.lang);
    sub->add_option("-o,--output", cmd.output, "write the recap to FILE (whole, or not at all)")->type_name("FILE");
    add_check_option(sub, cmd.check);
    sub->footer(exit_status_help(
        {{0, "the recap was written; with --check, FILE is up to date"},
         {1,
          "the roadmap has errors that stop the recap (no valid period to find the plan by); with --check, FILE "
          "differs or is missing"},
         {2,
          "a usage error (an unknown option, a bad value), PATH not in a git repository or without a commit, an "
          "unknown revision, PATH absent at a revision, -o FILE not writable, --check with -o, or --check FILE a "
          "folder or unreadable"}}));
    return sub;
}

int run_recap(const RecapCommand& cmd) {
    if (!cmd.check.empty()) refuse_check_with_output(cmd.output);
    const std::string path = roadmap_path(cmd.path);
    const History history = History::open(path);

    // The end: a revision, or the working tree on top of HEAD.
    PlanState end;
    CommitInfo tip;
    if (!cmd.at.empty()) {
        tip = for_option("--at", [&] { return history.resolve_at_path(cmd.at); });
        end = std::move(history.states({tip}).front());
    } else {
        Snapshot working(load_roadmap(path, load_options()));
        print_tree_notes(working.roadmap());
        warn_lint_errors(working.roadmap(), path, "recap");
        end = PlanState{std::move(working), "working tree", std::nullopt, ""};
        const auto head = history.head();
        if (!head) throw HistoryError("the repository has no commits yet: commit the roadmap, then run the recap");
        tip = *head;
    }

    if (!cmd.baseline.empty()) for_option("--baseline", [&] { (void)history.resolve_at_path(cmd.baseline); });
    const PlanState end_state = end;  // a copy shares the roadmap
    RecapStates read = read_recap_states(history, std::move(end), tip, cmd.baseline);
    RecapInput input;
    input.today = Date::today();
    input.generator = std::string("boussole ") + BOUSSOLE_VERSION;
    input.notes = std::move(read.notes);
    input.end_unchanged = read.end_unchanged;
    std::optional<RecapBuilder> builder;
    // The states are read one by one, each let go once the recap has taken what it needs.
    auto add = [&](PlanState s) {
        if (!builder) {
            // A file that does not parse in between is read at its last readable version, and the
            // recap says so; at the baseline or the end, recap_blocker() refuses (before the rest
            // is read).
            if (!s.snapshot.present())
                input.notes.push_back({.kind = RecapNote::Kind::missing_at_baseline,
                                       .commit = s.label,
                                       .date = {},
                                       .start = {},
                                       .path = path});
            if (const auto why = recap_blocker(s, end_state))
                throw RoadmapError(fmt::format("cannot make a recap: {}", *why));
            builder.emplace(std::move(input), end_state);
        }
        builder->add(std::move(s));
    };
    history.each_state(read.commits, add);
    if (read.end) add(std::move(*read.end));
    // The language the roadmap asks for at the end of the period.
    const Language language = document_language(cmd.lang, end_state.snapshot.roadmap());
    const std::string text = format_named(formats, cmd.format)(builder->build(), language);
    if (!cmd.check.empty()) return check_output(text, cmd.check, cmd.output, *cmd.app);
    emit(text, cmd.output, roadmap_files_at(path), {path});
    return 0;
}

}  // namespace

Command recap_command(CLI::App& app) {
    auto cmd = std::make_shared<RecapCommand>();
    return {setup_recap(app, *cmd), [cmd] { return run_recap(*cmd); }};
}

}  // namespace boussole::cli
