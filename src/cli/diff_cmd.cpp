#include <filesystem>

#include <fmt/format.h>

#include "boussole/history.hpp"
#include "boussole/loader.hpp"
#include "boussole/recap.hpp"
#include "cli/commands.hpp"

namespace boussole::cli {

CLI::App* setup_diff(CLI::App& app, DiffCommand& cmd) {
    CLI::App* sub = app.add_subcommand(
        "diff", "Print what changed in the plan between two revisions (or a revision and the working tree).");
    // Positionals in order; with two, the second is a revision or a path (run_diff decides).
    sub->add_option("REV_A", cmd.rev_a, "the revision to compare from")->required();
    sub->add_option("REV_B", cmd.rev_b, "the revision to compare to (default: the working tree)");
    sub->add_option("PATH", cmd.path, "roadmap file or directory (default: roadmap/ if it exists, else .)");
    sub->add_option("--format", cmd.format, "output format: text (default), json or markdown (a pull-request comment)")
        ->check(CLI::IsMember({"text", "json", "markdown"}));
    sub->add_option("-o,--output", cmd.output, "write the output to FILE (whole, or not at all)");
    return sub;
}

namespace {

struct Side {
    DiffSide name;
    Snapshot snapshot;
};

Side side_at(const History& history, const std::string& revision) {
    const CommitInfo c = history.resolve_at_path(revision);
    Side s{{revision, c.id}, std::move(history.snapshots({c}).front())};
    warn_unparsable(s.snapshot, "at " + revision);
    return s;
}

Side working_tree(const std::string& path) {
    Side s{{"working tree", ""}, snapshot_of(load_roadmap(path))};
    warn_unparsable(s.snapshot, "in the working tree");
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

}  // namespace

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
        const bool a_revision = is_revision(History::open(a_path ? second : default_roadmap_path()), second);
        if (a_path && a_revision)
            throw UsageError(fmt::format(
                "'{}' is both a revision and a path: write 'boussole diff {} {} PATH' to compare two revisions, or "
                "'./{}' for the path",
                second, rev_a, second, second));
        if (!a_path && !a_revision)
            throw UsageError(fmt::format("'{}' is neither a revision nor an existing path", second));
        (a_path ? path : rev_b) = second;
    }
    if (path.empty()) path = default_roadmap_path();

    const History history = History::open(path);
    const Side a = side_at(history, rev_a);
    const Side b = rev_b.empty() ? working_tree(path) : side_at(history, rev_b);
    const std::vector<Change> changes = compare(a.snapshot, b.snapshot);
    std::string text;
    if (cmd.format == "json") {
        text = render_diff_json(changes, a.name, b.name, path);
    } else if (cmd.format == "markdown") {
        text = render_diff_markdown(changes, a.name, b.name, path);
    } else {
        text = render_diff_text(changes, a.name, b.name, path);
    }
    emit(text, cmd.output, roadmap_files_at(path));
    return 0;
}

}  // namespace boussole::cli
