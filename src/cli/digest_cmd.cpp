// issue 16: `boussole digest`, the Monday digest: what each owner must do this week and what
// changed for the team, as Markdown, plain text, a Slack message or an e-mail.
#include <memory>

#include <fmt/format.h>

#include "boussole/digest_content.hpp"
#include "boussole/history.hpp"
#include "boussole/report.hpp"
#include "boussole/visible.hpp"
#include "cli/commands.hpp"

namespace boussole::cli {

namespace {

struct DigestCommand {
    std::string path;
    bool no_history = false;
    std::string as_of;
    std::string since;
    const CLI::Option* since_option = nullptr;
    std::string lang;
    std::string format = "markdown";
    std::string output;
    std::string check;
    CLI::App* app = nullptr;
};

using Render = std::string (*)(const DigestContent&, Language);
const Format<Render> formats[] = {
    {"markdown", &render_digest_markdown},
    {"slack", &render_digest_slack},
    {"email", &render_digest_email},
    {"text", &render_digest_text},
};

CLI::App* setup_digest(CLI::App& app, DigestCommand& cmd) {
    CLI::App* sub = app.add_subcommand(
        "digest",
        "Print the weekly digest: what each person must do in the 7 days from --as-of (due, overdue, blocked, "
        "check-ins, stale updates) and what changed since --since.");
    cmd.app = sub;
    sub->add_option(
           "path", cmd.path,
           "roadmap file or directory (default: the nearest roadmap/ up to the top of the git repository, else .)")
        ->type_name("PATH");
    sub->add_option("--as-of", cmd.as_of,
                    "the digest's date, the first of its 7 days, YYYY-MM-DD (default: today, UTC); git history after "
                    "it is not read")
        ->type_name("DATE");
    cmd.since_option =
        sub->add_option("--since", cmd.since,
                        "list changes since REV (a commit, branch or tag) or DATE (YYYY-MM-DD: the last commit on or "
                        "before it); default: the last commit on or before a week before --as-of")
            ->type_name("REV|DATE");
    add_lang_option(sub, cmd.lang);
    add_format_option(sub, cmd.format, formats,
                      "output format: markdown (default), slack (a Block Kit message as JSON, to POST to an incoming "
                      "webhook), email (an RFC 5322 message with text and HTML parts, for sendmail -t) or text");
    sub->add_option("-o,--output", cmd.output, "write the digest to FILE (whole, or not at all)")->type_name("FILE");
    add_check_option(sub, cmd.check);
    sub->add_flag("--no-history", cmd.no_history,
                  "do not read git history (no changes, check-ins from checked_on only, no stale roadmap or update): "
                  "the digest depends only on the files and --as-of");
    sub->footer(exit_status_help(
        {{0,
          "the digest was written (lint errors elsewhere are a warning on standard error); with --check, FILE is "
          "up to date"},
         {1,
          "the roadmap has errors that stop the digest (no roadmap block, no valid period); with --check, FILE "
          "differs or is missing"},
         {2,
          "a usage error (an unknown option, a bad value, --check with -o, a --since revision or date with no "
          "commit to count from), a PATH missing or unreadable, or -o FILE not writable"}}));
    return sub;
}

// The people who will not get the e-mail although they have something to do, on standard error.
void warn_recipients(const DigestContent& c) {
    std::vector<std::string> without;
    std::size_t with = 0;
    for (const OwnerDigest& o : c.owners) {
        if (o.id.empty()) continue;
        if (o.email.empty())
            without.push_back(fmt::format("{} ({})", o.name, o.id));
        else
            ++with;
    }
    if (!without.empty())
        print_to_stderr(
            "boussole: warning: {} {} something to do this week but no e-mail address, so the e-mail is not sent to "
            "them: {}; add 'email:' to them in people\n",
            without.size(), without.size() == 1 ? "person has" : "people have",
            visible(fmt::format("{}", fmt::join(without, ", "))));
    if (with == 0)
        print_to_stderr(
            "boussole: warning: the e-mail has no recipient (no To: header), so 'sendmail -t' will refuse it: {}\n",
            c.owners.empty() ? "nobody has anything to do this week"
                             : "nobody with something to do has an e-mail address");
}

int run_digest(const DigestCommand& cmd) {
    if (!cmd.check.empty()) refuse_check_with_output(cmd.output);
    check_since(cmd.since, cmd.since_option, cmd.no_history, "the digest's date");
    const Date as_of = parse_as_of(cmd.as_of);
    const std::string path = roadmap_path(cmd.path);
    const Snapshot working(load_roadmap(path, load_options()));
    print_tree_notes(working.roadmap());
    const Roadmap& roadmap = working.roadmap();
    if (const auto why = report_blocker(roadmap))
        throw RoadmapError(fmt::format("cannot make a digest: {}; run 'boussole lint {}'", *why, path));
    warn_lint_errors(roadmap, path, "digest");
    DigestOptions options;
    options.as_of = as_of;
    options.language = document_language(cmd.lang, roadmap);
    options.generator = std::string("boussole ") + BOUSSOLE_VERSION;
    if (!cmd.no_history)
        if (std::optional<ReportHistory> h = report_history(working, path, as_of, cmd.since, WorkScope{})) {
            options.check_ins = std::move(h->check_ins);
            options.updates = std::move(h->updates);
            options.trends = std::move(h->trends);
            options.since_changes = std::move(h->since_changes);
            options.last_change = std::move(h->last_change);
        }
    const DigestContent content = build_digest(roadmap, options);
    if (cmd.format == "email") warn_recipients(content);
    const std::string text = format_named(formats, cmd.format)(content, options.language);
    if (!cmd.check.empty()) return check_output(text, cmd.check, cmd.output, *cmd.app);
    std::vector<std::string> files;
    for (const SourceFile& f : roadmap.files) files.push_back(f.display_path);
    emit(text, cmd.output, files, {path});
    return 0;
}

}  // namespace

Command digest_command(CLI::App& app) {
    auto cmd = std::make_shared<DigestCommand>();
    return {setup_digest(app, *cmd), [cmd] { return run_digest(*cmd); }};
}

}  // namespace boussole::cli
