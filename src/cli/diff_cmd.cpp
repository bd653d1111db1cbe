#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "boussole/history.hpp"
#include "boussole/loader.hpp"
#include "boussole/recap.hpp"
#include "cli/commands.hpp"

namespace boussole::cli {

namespace {

struct DiffCommand {
    std::string rev_a, rev_b, path;
    std::string format = "text";
    std::string lang;
    std::string output;
};

using Render = std::string (*)(const DiffContent&, Language);
const Format<Render> formats[] = {
    {"text", &render_diff_text},
    {"json", &render_diff_json},
    {"markdown", &render_diff_markdown},
};

CLI::App* setup_diff(CLI::App& app, DiffCommand& cmd) {
    CLI::App* sub = app.add_subcommand(
        "diff", "Print what changed in the plan between two revisions (or a revision and the working tree).");
    // Positionals in order; with two, the second is a revision or a path (run_diff decides).
    sub->add_option("REV_A", cmd.rev_a, "the revision to compare from")->required()->type_name("REV");
    sub->add_option("REV_B", cmd.rev_b, "the revision to compare to (default: the working tree)")->type_name("REV");
    sub->add_option(
           "PATH", cmd.path,
           "roadmap file or directory (default: the nearest roadmap/ up to the top of the git repository, else .)")
        ->type_name("PATH");
    add_format_option(sub, cmd.format, formats,
                      "output format: text (default), json or markdown (a pull-request comment)");
    add_lang_option(sub, cmd.lang);
    sub->add_option("-o,--output", cmd.output, "write the output to FILE (whole, or not at all)")->type_name("FILE");
    sub->footer(exit_status_help(
        {{0, "the changes were printed (none is a success too)"},
         {1, "a roadmap file cannot be parsed at one of the two sides, so the comparison would be wrong"},
         {2,
          "a usage error (an unknown option, a bad value), PATH not in a git repository, an unknown revision, "
          "PATH absent at a revision, or -o FILE not writable"}}));
    return sub;
}

// A file that does not parse would read as if its streams and epics were deleted: refuse to
// compare rather than report removals that did not happen.
void refuse_unreadable(const Snapshot& s, const std::string& where) {
    const std::vector<std::string> files = s.roadmap().unreadable_files();
    if (files.empty()) return;
    throw RoadmapError(fmt::format(
        "cannot compare: {}, {} not be read, so what {} would count as removed:\n  {}\nFix it (boussole lint shows "
        "every problem), or compare revisions where it reads",
        where, files.size() == 1 ? "a roadmap file could" : fmt::format("{} roadmap files could", files.size()),
        files.size() == 1 ? "it holds" : "they hold", fmt::join(files, "\n  ")));
}

struct Side {
    DiffSide name;
    Snapshot snapshot;
};

Side side_at(const History& history, const std::string& revision) {
    const CommitInfo c = history.resolve_at_path(revision);
    Side s{{revision, c.id}, history.snapshots({c}).front()};
    // "at HEAD~3 (a8c717b)", but "at a8c717b" when the revision is the commit's own short id.
    refuse_unreadable(s.snapshot, c.id.starts_with(revision) ? fmt::format("at {}", c.short_id)
                                                             : fmt::format("at {} ({})", revision, c.short_id));
    return s;
}

Side working_tree(const std::string& path) {
    Side s{{"working tree", ""}, Snapshot(load_roadmap(path, load_options()))};
    print_tree_notes(s.snapshot.roadmap());
    refuse_unreadable(s.snapshot, "in the working tree");
    return s;
}

bool is_revision(const History& history, const std::string& text) {
    try {
        (void)history.resolve(text);
        return true;
    } catch (const HistoryError&) {
        return false;
    }
}

int run_diff(const DiffCommand& cmd) {
    const std::string& rev_a = cmd.rev_a;
    std::string rev_b, path = cmd.path;
    if (!cmd.path.empty()) {
        rev_b = cmd.rev_b;
    } else if (!cmd.rev_b.empty()) {
        // REV_A REV_B or REV_A PATH: decided by what the second one is.
        const std::string& second = cmd.rev_b;
        std::error_code ec;
        const bool a_path = std::filesystem::exists(second, ec);
        const bool a_revision = is_revision(History::open(a_path ? second : "."), second);
        if (a_path && a_revision)
            throw UsageError(fmt::format(
                "'{}' is both a revision and a path: write 'boussole diff {} {} PATH' to compare two revisions, or "
                "'./{}' for the path",
                second, rev_a, second, second));
        if (!a_path && !a_revision)
            throw UsageError(
                fmt::format("'{}' is neither a revision nor an existing path: give a commit, branch or tag to compare "
                            "to, or the roadmap's PATH ('boussole diff REV_A [REV_B] [PATH]')",
                            second));
        (a_path ? path : rev_b) = second;
    }
    path = roadmap_path(path);

    const History history = History::open(path);
    const Side a = side_at(history, rev_a);
    const Side b = rev_b.empty() ? working_tree(path) : side_at(history, rev_b);
    const DiffContent diff = build_diff(a.snapshot, b.snapshot, a.name, b.name, path);
    // The language the roadmap asks for in the newer state; JSON has none.
    const Language language = document_language(cmd.lang, b.snapshot.roadmap());
    emit(format_named(formats, cmd.format)(diff, language), cmd.output, roadmap_files_at(path), {path});
    return 0;
}

}  // namespace

Command diff_command(CLI::App& app) {
    auto cmd = std::make_shared<DiffCommand>();
    return {setup_diff(app, *cmd), [cmd] { return run_diff(*cmd); }};
}

}  // namespace boussole::cli
