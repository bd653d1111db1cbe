// End-to-end: the real binary, its exit codes, and its output against golden files.
// BOUSSOLE_UPDATE_GOLDEN=1 rewrites the golden files (review the diff before committing).
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "git_repo.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using test::boussole;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A run of boussole in `cwd`, outside GitHub Actions and without colour.
test::Run in(const std::string& cwd, std::vector<std::string> args) {
    args.insert(args.begin(), test::binary());
    return test::run(args, cwd, {"NO_COLOR=", "GITHUB_ACTIONS="});
}

// The shipped example, copied under `dir`/roadmap/.
void copy_example(const std::string& dir) {
    fs::create_directories(dir);
    fs::copy(test::source_dir() + "/examples/revops", dir + "/roadmap", fs::copy_options::recursive);
}

}  // namespace

TEST_SUITE("cli") {
    TEST_CASE("the shipped example lints clean, with no warning") {
        const auto r = boussole({"lint", "--strict", "examples/revops"});
        CHECK(r.status == 0);
        CHECK(r.out == "0 errors, 0 warnings in 9 files\n");
        CHECK(r.err.empty());
    }

    TEST_CASE("golden: the broken example in text and json") {
        const auto text = boussole({"lint", "examples/broken"});
        CHECK(text.status == 1);
        test::check_golden("broken.txt", text.out);
        const auto json = boussole({"lint", "--format", "json", "examples/broken"});
        CHECK(json.status == 1);
        test::check_golden("broken.json", json.out);
        const auto doc = nlohmann::json::parse(json.out);
        CHECK(doc["version"] == 1);
        CHECK(doc["files"] == 3);
        CHECK(doc["summary"]["errors"] == 12);
        CHECK(doc["diagnostics"].size() == 22);
        CHECK(doc["diagnostics"][0].size() == 6);  // file, line, column, severity, rule, message
    }

    TEST_CASE("golden: the rule catalogue and one rule's help") {
        const auto list = boussole({"rules"});
        CHECK(list.status == 0);
        test::check_golden("rules.txt", list.out);
        const auto one = boussole({"rules", "unknown-key"});
        CHECK(one.status == 0);
        test::check_golden("rules-unknown-key.txt", one.out);
        const auto bad = boussole({"rules", "unknown-kye"});
        CHECK(bad.status == 2);
        CHECK(
            bad.err ==
            "boussole: error: unknown rule 'unknown-kye' (did you mean 'unknown-key'?); 'boussole rules' lists them\n");
    }

    TEST_CASE("exit codes: --strict, --max-warnings, --rule") {
        const std::string dir = test::temp_dir("cli-warn");
        std::string text = test::slurp(test::source_dir() + "/tests/rules/missing-due.yaml");
        test::write(dir + "/r.yaml", text);
        CHECK(boussole({"lint", dir}).status == 0);
        CHECK(boussole({"lint", "--strict", dir}).status == 1);
        CHECK(boussole({"lint", "--max-warnings", "1", dir}).status == 0);
        CHECK(boussole({"lint", "--max-warnings", "0", dir}).status == 1);
        CHECK(boussole({"lint", "--rule", "missing-due=error", dir}).status == 1);
        CHECK(boussole({"lint", "--strict", "--rule", "missing-due=off", dir}).status == 0);
        const auto info = boussole({"lint", "--strict", "--rule", "missing-due=info", dir});
        CHECK(info.status == 0);
        CHECK(info.out.find(": info: ") != std::string::npos);
    }

    TEST_CASE("usage errors exit 2 with a clear message") {
        auto r = boussole({"lint", "--rule", "missing-du=error", "examples/revops"});
        CHECK(r.status == 2);
        CHECK(r.err ==
              "boussole: error: --rule missing-du=error: unknown rule 'missing-du' (did you mean 'missing-due'?); "
              "'boussole rules' lists them\n");
        r = boussole({"lint", "--rule", "missing-due", "examples/revops"});
        CHECK(r.status == 2);
        r = boussole({"lint", "--rule", "missing-due=loud", "examples/revops"});
        CHECK(r.status == 2);
        r = boussole({"lint", "--format", "xml", "examples/revops"});
        CHECK(r.status == 2);
        CHECK(r.out.empty());
        r = boussole({"lint", "no/such/path"});
        CHECK(r.status == 2);
        CHECK(r.err.find("boussole: error: cannot read 'no/such/path'") == 0);
        r = boussole({"lint", "--max-warnings", "many", "examples/revops"});
        CHECK(r.status == 2);
        CHECK(r.err ==
              "boussole: error: --max-warnings: 'many' is not a whole number; give how many warnings pass, 0 or more, "
              "e.g. --max-warnings 0\n");
        r = boussole({"lint", "--max-warnings", "-1", "examples/revops"});
        CHECK(r.status == 2);
        CHECK(r.err.starts_with("boussole: error: --max-warnings: '-1' is not a whole number; "));
        r = boussole({"frobnicate"});
        CHECK(r.status == 2);
        CHECK(r.err == "boussole: error: unknown command 'frobnicate'\nRun 'boussole --help' for the commands.\n");
        r = boussole({"--bogus"});
        CHECK(r.status == 2);
        CHECK(r.err ==
              "boussole: error: boussole has no option '--bogus': give a command first (lint, rules, init, schema, "
              "report, recap, diff, digest, lsp), then its options\nRun 'boussole --help' for the commands.\n");
        r = boussole({"lnt", "examples/revops"});
        CHECK(r.status == 2);
        CHECK(r.err.starts_with("boussole: error: unknown command 'lnt' (did you mean 'lint'?)\n"));
        r = boussole({});
        CHECK(r.status == 2);
        CHECK(r.err.find("lint") != std::string::npos);
    }

    TEST_CASE("--version and --help") {
        auto r = boussole({"--version"});
        CHECK(r.status == 0);
        CHECK(r.out.find("boussole ") == 0);
        for (const char* sub : {"lint", "rules"}) {
            r = boussole({sub, "--help"});
            CHECK(r.status == 0);
            CHECK(r.out.find("Usage") != std::string::npos);
        }
        r = boussole({"--help"});
        CHECK(r.status == 0);
        CHECK(r.out.find("Exit status") != std::string::npos);
    }

    TEST_CASE("-o writes the whole output, refuses roadmap files, and fails cleanly") {
        const std::string dir = test::temp_dir("cli-out");
        auto r = boussole({"lint", "--format", "json", "-o", dir + "/lint.json", "examples/broken"});
        CHECK(r.status == 1);
        CHECK(r.out.empty());
        CHECK(test::slurp(dir + "/lint.json") == boussole({"lint", "--format", "json", "examples/broken"}).out);
        r = boussole({"lint", "-o", dir + "/missing-folder/lint.txt", "examples/revops"});
        CHECK(r.status == 2);
        CHECK(r.err.find("cannot write") != std::string::npos);
        std::size_t leftovers = 0;
        for (const auto& e : fs::directory_iterator(dir)) leftovers += e.path().filename() != "lint.json";
        CHECK(leftovers == 0);

        const std::string roadmap = dir + "/roadmap.yaml";
        const std::string original = test::slurp(test::source_dir() + "/tests/rules/clean.yaml");
        test::write(roadmap, original);
        r = boussole({"lint", "-o", roadmap, roadmap});
        CHECK(r.status == 2);
        CHECK(test::slurp(roadmap) == original);
    }

    TEST_CASE("colour: only when asked, or on a terminal without NO_COLOR") {
        auto r = boussole({"lint", "examples/broken"});
        CHECK(r.out.find("\033[") == std::string::npos);
        r = boussole({"lint", "--color", "always", "examples/broken"});
        CHECK(r.out.find("\033[1;31merror:") != std::string::npos);
        r = boussole({"lint", "--color", "never", "examples/broken"}, {"NO_COLOR=1"});
        CHECK(r.out.find("\033[") == std::string::npos);
    }

    TEST_CASE("PATH defaults to roadmap/ when it exists, else the current directory") {
        const std::string dir = test::temp_dir("cli-default");
        test::write(dir + "/roadmap/r.yaml", test::slurp(test::source_dir() + "/tests/rules/missing-due.yaml"));
        test::write(dir + "/stray.yaml", "not: a roadmap\n");
        auto r = test::run({test::binary(), "lint"}, dir, {"NO_COLOR=", "GITHUB_ACTIONS="});
        CHECK(r.status == 0);
        CHECK(r.out.find("roadmap/r.yaml:") == 0);
        fs::remove_all(dir + "/roadmap");
        r = test::run({test::binary(), "lint"}, dir, {"NO_COLOR=", "GITHUB_ACTIONS="});
        CHECK(r.status == 1);
        CHECK(r.out.find("stray.yaml:1:1:") == 0);
    }

    TEST_CASE("several PATHs are several roadmaps, in one sorted output") {
        const auto r = boussole({"lint", "examples/revops", "examples/broken"});
        CHECK(r.status == 1);
        CHECK(r.out.ends_with("12 errors, 10 warnings in 12 files\n"));
        CHECK(r.out.find("examples/broken/") == 0);
    }

    TEST_CASE("a broken file says which rules were skipped, on standard error") {
        const std::string dir = test::temp_dir("cli-syntax");
        test::write(dir + "/a.yaml", "roadmap: {name: N, period: 2026-Q4}\n");
        test::write(dir + "/b.yaml", "streams:\n  - id: t\n   title: broken\n");
        const auto r = boussole({"lint", dir});
        CHECK(r.status == 1);
        CHECK(r.out.find(dir + "/b.yaml:3:4: error: ") != std::string::npos);
        CHECK(r.err.find("boussole: note: " + dir + ": 1 file could not be parsed") == 0);
    }

    TEST_CASE("every command finds the same default roadmap from any subfolder of its repository") {
        test::GitRepo repo("cli-subfolder");
        fs::copy(test::source_dir() + "/examples/revops", repo.dir() + "/roadmap", fs::copy_options::recursive);
        repo.write("docs/notes.md", "notes\n");
        repo.commit("Plan Q4", "2026-10-02");
        // A change in the working tree, for diff to find.
        const std::string crm = repo.dir() + "/roadmap/streams/crm.yaml";
        std::string text = test::slurp(crm);
        const auto at = text.find("status: in-progress");
        REQUIRE(at != std::string::npos);
        text.replace(at, 19, "status: blocked    ");
        test::write(crm, text);

        const std::string top = repo.dir();
        const auto report = in(top, {"report", "roadmap", "--as-of", "2026-11-23"});
        const auto recap = in(top, {"recap", "roadmap", "--at", "HEAD"});
        const auto diff = in(top, {"diff", "HEAD", "roadmap"});
        REQUIRE(report.status == 0);
        REQUIRE(recap.status == 0);
        REQUIRE(diff.status == 0);
        REQUIRE(has(diff.out, "blocked"));
        for (const auto& [sub, shown] :
             {std::pair{"", "roadmap"}, {"docs", "../roadmap"}, {"roadmap", "."}, {"roadmap/streams", ".."}}) {
            CAPTURE(sub);
            const std::string cwd = top + "/" + sub;
            auto r = in(cwd, {"lint", "--format", "json"});
            CHECK(r.status == 0);
            CHECK(r.err == "");
            const auto json = nlohmann::json::parse(r.out, nullptr, false);
            CHECK((!json.is_discarded() && json["files"] == 9));
            r = in(cwd, {"lint"});
            CHECK(r.out == "0 errors, 0 warnings in 9 files\n");
            r = in(cwd, {"report", "--as-of", "2026-11-23"});
            CHECK(r.status == 0);
            CHECK(r.err == "");
            CHECK(r.out == report.out);
            r = in(cwd, {"recap", "--at", "HEAD"});
            CHECK(r.status == 0);
            CHECK(r.out == recap.out);
            r = in(cwd, {"diff", "HEAD"});
            CHECK(r.status == 0);
            CHECK(has(r.out, "blocked"));
            CHECK(r.out.starts_with(std::string(shown) + ": "));
        }
    }

    TEST_CASE("outside any git repository: roadmap/ here, or an error naming the fix") {
        const std::string dir = test::temp_dir("cli-no-git");
        copy_example(dir);
        CHECK(in(dir, {"lint"}).out == "0 errors, 0 warnings in 9 files\n");
        CHECK(in(dir, {"report", "--as-of", "2026-11-23"}).status == 0);
        for (const std::vector<std::string>& args : {std::vector<std::string>{"recap"}, {"diff", "HEAD"}}) {
            const auto r = in(dir, args);
            CHECK(r.status == 2);
            CHECK(has(r.err, "'roadmap' is not in a git repository"));
        }
        // A folder with neither roadmap/ nor any YAML file: every command says so, and how to fix it.
        const std::string empty = test::temp_dir("cli-no-roadmap");
        for (const std::vector<std::string>& args :
             {std::vector<std::string>{"lint"}, {"report"}, {"recap"}, {"diff", "HEAD"}}) {
            CAPTURE(args[0]);
            const auto r = in(empty, args);
            CHECK(r.status == 2);
            CHECK(r.out == "");
            CHECK(r.err == "boussole: error: no roadmap found: no roadmap/ folder in '" + empty +
                               "', and no YAML file in it; give the roadmap's PATH, or run 'boussole init' to start "
                               "one\n");
        }
    }

    TEST_CASE("each subcommand's --help lists its own exit statuses, as CLI.md gives them") {
        // code -> a words of its meaning that the contract requires, per command.
        const std::map<std::string, std::map<int, std::string>> contract{
            {"lint", {{0, "no error"}, {1, "the roadmap has errors"}, {2, "usage error"}}},
            {"report", {{0, "report was written"}, {1, "errors that stop the report"}, {2, "usage error"}}},
            {"recap", {{0, "recap was written"}, {1, "errors that stop the recap"}, {2, "unknown revision"}}},
            {"diff", {{0, "changes were printed"}, {1, "cannot be parsed"}, {2, "unknown revision"}}},
            {"init", {{0, "starter roadmap was written"}, {2, "already holds YAML"}}},
            {"rules", {{0, "was printed"}, {2, "names no rule"}}},
            {"schema", {{0, "schema was printed"}, {2, "not writable"}}},
        };
        for (const auto& [command, codes] : contract) {
            CAPTURE(command);
            const auto r = boussole({command, "--help"});
            CHECK(r.status == 0);
            const auto at = r.out.find("\nExit status:\n");
            REQUIRE(at != std::string::npos);
            const std::string footer = r.out.substr(at);
            for (int code = 0; code <= 2; ++code) {
                CAPTURE(code);
                const auto line = footer.find(fmt::format("\n  {}  ", code));
                const auto it = codes.find(code);
                if (it == codes.end()) {
                    CHECK(line == std::string::npos);
                    continue;
                }
                REQUIRE(line != std::string::npos);
                CHECK(footer.substr(line, footer.find('\n', line + 1) - line).find(it->second) != std::string::npos);
            }
        }
    }

    TEST_CASE("option errors name the option and the value, with the fix, never in CLI11's words") {
        const std::string dir = test::temp_dir("cli-options");
        const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
            {{"lint", "--format", "xml"},
             "--format: 'xml' is not an output format of lint: give text, json, github, sarif or gitlab\n"
             "Run 'boussole lint --help' for its options.\n"},
            {{"lint", "--format", "jsn"},
             "--format: 'jsn' is not an output format of lint: give text, json, github, sarif or gitlab (did you mean "
             "'json'?)\n"},
            {{"diff", "HEAD", "--format", "sarif"},
             "--format: 'sarif' is not an output format of diff: give text, json or markdown\n"},
            {{"lint", "--format"}, "--format needs a value: output format: text, json, github, sarif or gitlab"},
            {{"lint", "examples/revops", "-o"}, "-o/--output needs a value: write the output to FILE"},
            {{"lint", "--max-warnings"}, "--max-warnings needs a value: exit 1 when there are more than N warnings\n"},
            {{"lint", "--rule"}, "--rule needs a value: override a rule's severity"},
            {{"lint", "--rule", "missing-due=loud", "examples/revops"},
             "--rule missing-due=loud: 'loud' is not a severity; give off, info, warning or error\n"},
            {{"lint", "--color", "red"}, "--color: 'red' is not a colour mode: give auto, always or never\n"},
            {{"lint", "--formt", "json"}, "lint has no option '--formt' (did you mean '--format'?)\n"},
            {{"lint", "--strict=maybe", "examples/revops"}, "--strict takes no value: write it alone to turn it on\n"},
            {{"report", "--audience", "boss"},
             "--audience: 'boss' is not an audience: give team, leadership or sellers\n"},
            {{"report", "--as-of", "2026-13-01", "examples/revops"},
             "--as-of: '2026-13-01' is not a date; give a day as YYYY-MM-DD, e.g. --as-of 2026-11-23\n"},
            {{"report", "--as-of"}, "--as-of needs a value: the report date"},
            {{"report", "examples/revops", "examples/broken"},
             "unexpected argument 'examples/broken': report takes no more arguments\n"},
            {{"diff"}, "diff needs REV_A: the revision to compare from\n"},
            {{"lint", "-o", dir + "/missing-folder/lint.txt", "examples/revops"},
             "-o: cannot write '" + dir + "/missing-folder/lint.txt': the folder '" + dir +
                 "/missing-folder' does not exist; create it first, or write elsewhere\n"},
            {{"schema", "-o", dir},
             "-o: cannot write '" + dir +
                 "': it is a folder; give a file name, or move the "
                 "folder away\n"},
        };
        for (const auto& [args, expected] : cases) {
            CAPTURE(args);
            const auto r = boussole(args);
            CHECK(r.status == 2);
            CHECK(r.out == "");
            CHECK(has(r.err, "boussole: error: " + expected));
            for (const char* cli11 :
                 {"Could not convert", "not in {", "required", "was not expected", "At least", "Should be true/false"})
                CHECK_FALSE(has(r.err, cli11));
        }
    }

    TEST_CASE("init: a failure names the user's folder, never its staging folder") {
        const std::string dir = test::temp_dir("cli-init-fail");
        fs::create_directories(dir + "/roadmap/roadmap.yaml");  // a folder where the starter puts a file
        const auto r = in(dir, {"init"});
        CHECK(r.status == 2);
        CHECK(r.err ==
              "boussole: error: cannot write 'roadmap/roadmap.yaml': it is a folder; give a file name, or move the "
              "folder away\n");
        CHECK_FALSE(has(r.err, ".boussole-init"));
        std::size_t left = 0;
        for (const auto& e : fs::directory_iterator(dir)) left += e.path().filename() != "roadmap";
        CHECK(left == 0);
        // Refusals say what to do instead.
        test::write(dir + "/file", "x\n");
        CHECK(in(dir, {"init", "file"}).err ==
              "boussole: error: 'file' exists and is not a folder; give init another DIR\n");
        test::write(dir + "/mine/r.yaml", "streams: []\n");
        CHECK(in(dir, {"init", "mine"}).err ==
              "boussole: error: 'mine' already holds YAML (mine/r.yaml); nothing "
              "was written: edit that roadmap, or give init another DIR\n");
    }

    TEST_CASE("a named pipe or a device given as PATH is refused at once, never waited on nor read") {
        const std::string dir = test::temp_dir("cli-fifo");
        const std::string fifo = dir + "/fifo.yaml";
        REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
        auto r = test::run({test::binary(), "lint", "fifo.yaml"}, dir, {"NO_COLOR="}, 5000);
        CHECK_FALSE(r.timed_out);
        CHECK(r.status == 2);
        CHECK(r.err ==
              "boussole: error: cannot read 'fifo.yaml': it is a named pipe (FIFO); a roadmap is a YAML file or a "
              "folder of them\n");
        r = test::run({test::binary(), "lint", "/dev/zero"}, dir, {"NO_COLOR="}, 5000);
        CHECK_FALSE(r.timed_out);
        CHECK(r.status == 2);
        CHECK(r.err ==
              "boussole: error: cannot read '/dev/zero': it is a character device; a roadmap is a YAML file or a "
              "folder of them\n");
    }

    TEST_CASE("entries of the tree skipped are notes on stderr in every command, and change no exit status") {
        const std::string dir = test::temp_dir("cli-tree-notes");
        const std::string outside = test::temp_dir("cli-tree-notes-outside");
        fs::copy(test::source_dir() + "/examples/revops", dir + "/roadmap", fs::copy_options::recursive);
        test::write(outside + "/extra.yaml", "streams: []\n");
        fs::create_symlink(outside + "/extra.yaml", dir + "/roadmap/extra.yaml");
        REQUIRE(::mkfifo((dir + "/roadmap/pipe.yaml").c_str(), 0600) == 0);
        const std::string link_note = fmt::format(
            "boussole: note: 'roadmap/extra.yaml' is a symbolic link to '{}/extra.yaml', outside the roadmap folder "
            "'roadmap'; not followed: copy what it points to into the roadmap to read it\n",
            outside);
        const std::string pipe_note =
            "boussole: note: 'roadmap/pipe.yaml' is a named pipe (FIFO), not a file; skipped: a roadmap file is a "
            "regular file\n";
        const auto before =
            test::run({test::binary(), "lint", test::source_dir() + "/examples/revops"}, dir, {"NO_COLOR="}, 10000);
        auto r = test::run({test::binary(), "lint", "roadmap"}, dir, {"NO_COLOR="}, 10000);
        CHECK_FALSE(r.timed_out);
        CHECK(r.status == before.status);
        CHECK(r.err == link_note + pipe_note);
        r = test::run({test::binary(), "lint", "--format", "sarif", "roadmap"}, dir, {"NO_COLOR="}, 10000);
        CHECK(r.status == before.status);
        CHECK(has(r.err, link_note + pipe_note));
        r = test::run({test::binary(), "report", "--no-history", "--as-of", "2026-02-10", "roadmap"}, dir,
                      {"NO_COLOR="}, 10000);
        CHECK(r.status == 0);
        CHECK(has(r.err, link_note + pipe_note));
    }

    TEST_CASE("an unreadable file or folder in the tree is an error naming it, with the fix (as a non-root user)") {
        // Root reads a file of mode 000 all the same (and is the user in most CI containers): the
        // file is then read like any other. The refusal is checked as user 'nobody' when the tests
        // run as root, and as the user running them otherwise.
        const std::string dir = test::temp_dir("cli-unreadable");
        fs::permissions(dir, fs::perms::all);
        test::write(dir + "/roadmap/a.yaml", "streams: []\n");
        test::write(dir + "/roadmap/secret.yaml", "streams: []\n");
        test::write(dir + "/roadmap/closed/b.yaml", "streams: []\n");
        fs::permissions(dir + "/roadmap", fs::perms::all);
        fs::permissions(dir + "/roadmap/a.yaml", fs::perms::all);
        fs::permissions(dir + "/roadmap/secret.yaml", fs::perms::none);
        fs::permissions(dir + "/roadmap/closed", fs::perms::none);
        std::vector<std::string> as_user;
        if (::geteuid() == 0) {
            REQUIRE(fs::exists("/usr/bin/setpriv"));
            as_user = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
            // As root, both are read.
            const auto root = test::run({test::binary(), "lint", "roadmap"}, dir, {"NO_COLOR="}, 10000);
            CHECK_FALSE(has(root.err, "permission"));
        }
        auto args = as_user;
        args.insert(args.end(), {test::binary(), "lint", "roadmap"});
        auto r = test::run(args, dir, {"NO_COLOR="}, 10000);
        CHECK(r.status == 2);
        CHECK(r.err ==
              "boussole: error: cannot read the folder 'roadmap/closed': permission denied; give the user running "
              "boussole read access to it ('chmod a+rx roadmap/closed'), or move it out of the roadmap\n");
        fs::permissions(dir + "/roadmap/closed", fs::perms::all);
        r = test::run(args, dir, {"NO_COLOR="}, 10000);
        CHECK(r.status == 2);
        CHECK(r.err ==
              "boussole: error: cannot read 'roadmap/secret.yaml': permission denied; give the user running boussole "
              "read access to it ('chmod a+r roadmap/secret.yaml')\n");
        fs::permissions(dir + "/roadmap/secret.yaml", fs::perms::all);
        CHECK(test::run(args, dir, {"NO_COLOR="}, 10000).status == 1);  // read: no roadmap block
    }

    TEST_CASE("a file past 16 MB is refused with its size, before it is read") {
        const std::string dir = test::temp_dir("cli-huge");
        {
            std::string line = "# " + std::string(1021, 'x') + "\n";
            std::string text;
            text.reserve(17u << 20);
            while (text.size() < (17u << 20) + 5) text += line;
            test::write(dir + "/huge.yaml", text);
        }
        const auto r = test::run({test::binary(), "lint", "huge.yaml"}, dir, {"NO_COLOR="});
        CHECK(r.status == 2);
        CHECK(r.err ==
              "boussole: error: 'huge.yaml' is 18 MB; a roadmap file may be at most 16 MB: split it, or check it is "
              "the right file\n");
        // Inside a tree too, and a file of exactly 16 MB is read.
        fs::create_directories(dir + "/tree");
        fs::rename(dir + "/huge.yaml", dir + "/tree/huge.yaml");
        CHECK(test::run({test::binary(), "lint", "tree"}, dir, {"NO_COLOR="}).status == 2);
        fs::resize_file(dir + "/tree/huge.yaml", 16u << 20);
        const auto read = test::run({test::binary(), "lint", "tree"}, dir, {"NO_COLOR="});
        CHECK(read.status == 1);  // read whole: an empty roadmap, not a refusal
        CHECK_FALSE(has(read.err, "16 MB"));
        fs::remove_all(dir);  // not left behind: 16 MB
    }

    TEST_CASE("a folder of more than 100,000 YAML files is refused, before any is read") {
        const std::string dir = test::temp_dir("cli-many-files");
        for (int i = 0; i < 100; ++i) fs::create_directories(fmt::format("{}/tree/{:03}", dir, i));
        for (int i = 0; i <= 100'000; ++i)
            std::ofstream(fmt::format("{}/tree/{:03}/f{}.yaml", dir, i % 100, i).c_str());
        const auto r = test::run({test::binary(), "lint", "tree"}, dir, {"NO_COLOR="}, 60000);
        CHECK(r.status == 2);
        CHECK(r.err ==
              "boussole: error: 'tree' holds more than 100000 YAML files; a roadmap is a few dozen files: check it is "
              "the right folder\n");
        fs::remove_all(dir);  // not left behind: 100,001 files
    }

    TEST_CASE("-o writes into devices, FIFOs and standard streams, and replaces the file a link leads to") {
        const std::string expected = boussole({"lint", "examples/revops"}).out;
        REQUIRE(!expected.empty());
        // A device is written into, never replaced (as root, a rename would replace it).
        auto r = boussole({"lint", "-o", "/dev/full", "examples/revops"});
        CHECK(r.status == 2);
        CHECK(
            r.err ==
            "boussole: error: -o: cannot write '/dev/full': no space left on device; free some, or write elsewhere\n");
        CHECK(fs::is_character_file("/dev/full"));
        r = boussole({"report", "-o", "/dev/full", "examples/revops"});
        CHECK(r.status == 2);
        CHECK(fs::is_character_file("/dev/full"));
        r = boussole({"lint", "-o", "/dev/null", "examples/revops"});
        CHECK(r.status == 0);
        CHECK(r.err.empty());
        CHECK(fs::is_character_file("/dev/null"));
        // A terminal device with no terminal behind it (setsid: no controlling terminal).
        r = test::run({"/usr/bin/setsid", test::binary(), "schema", "-o", "/dev/tty"}, test::source_dir());
        CHECK(r.status == 2);
        CHECK(r.err ==
              "boussole: error: -o: cannot write '/dev/tty': no device is behind it (no terminal, or no reader); write "
              "elsewhere\n");
        CHECK(fs::is_character_file("/dev/tty"));
        // The standard streams by their names: what was already open on them is written.
        r = boussole({"lint", "-o", "/proc/self/fd/1", "examples/revops"});
        CHECK(r.status == 0);
        CHECK(r.out == expected);
        r = boussole({"lint", "-o", "/dev/fd/2", "examples/revops"});
        CHECK(r.status == 0);
        CHECK(r.err == expected);

        // A symbolic link: the file it leads to is replaced whole, keeping its permissions.
        const std::string dir = test::temp_dir("cli-out-link");
        fs::create_directories(dir + "/real");
        test::write(dir + "/real/status.md", "old\n");
        fs::permissions(dir + "/real/status.md",
                        fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
        fs::create_symlink("real/status.md", dir + "/link.md");
        r = boussole({"lint", "-o", dir + "/link.md", "examples/revops"});
        CHECK(r.status == 0);
        CHECK(fs::is_symlink(dir + "/link.md"));
        CHECK(test::slurp(dir + "/real/status.md") == expected);
        CHECK(fs::status(dir + "/real/status.md").permissions() ==
              (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
        std::size_t entries = 0;
        for (const auto& e : fs::recursive_directory_iterator(dir)) {
            CAPTURE(e.path().string());
            CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
            ++entries;
        }
        CHECK(entries == 3);  // real/, real/status.md, link.md

        // A FIFO is written into, as a shell's '>' would; it stays a FIFO.
        const std::string fifo = dir + "/fifo";
        REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
        r = test::run(
            {"/bin/sh", "-c", "cat \"$1\" > \"$1.got\" & \"$2\" lint -o \"$1\" examples/revops; s=$?; wait; exit $s",
             "sh", fifo, test::binary()},
            test::source_dir(), {"NO_COLOR=", "GITHUB_ACTIONS="});
        CHECK(r.status == 0);
        CHECK(fs::is_fifo(fifo));
        CHECK(test::slurp(fifo + ".got") == expected);
    }

    TEST_CASE("-o refuses a roadmap file by any spelling or link, and a YAML name inside the roadmap") {
        const std::string dir = test::temp_dir("cli-out-refuse");
        copy_example(dir);
        const std::string own = dir + "/roadmap/roadmap.yaml";
        const std::string original = test::slurp(own);
        fs::create_symlink(own, dir + "/alias.md");
        for (const std::string& target : {dir + "/roadmap/../roadmap//roadmap.yaml", dir + "/alias.md"}) {
            CAPTURE(target);
            const auto r = in(dir, {"lint", "-o", target, "roadmap"});
            CHECK(r.status == 2);
            CHECK(r.err == "boussole: error: -o: refusing to write '" + target +
                               "': it is the roadmap's own file 'roadmap/roadmap.yaml'; give another FILE, outside "
                               "the roadmap\n");
            CHECK(test::slurp(own) == original);
            CHECK(fs::is_symlink(dir + "/alias.md"));
        }
        for (const std::string& target : {std::string("roadmap/streams/lint.yaml"), std::string("roadmap/out.yml")}) {
            CAPTURE(target);
            const auto r = in(dir, {"report", "-o", target});
            CHECK(r.status == 2);
            CHECK(r.err == "boussole: error: -o: refusing to write '" + target +
                               "': a YAML file inside the roadmap folder 'roadmap' would be read as part of the "
                               "roadmap by the next lint; write it outside that folder, or give it another "
                               "extension\n");
            CHECK(!fs::exists(dir + "/" + target));
        }
        // Other names inside the roadmap folder are not read as roadmap files: written.
        CHECK(in(dir, {"report", "-o", "roadmap/status.md"}).status == 0);
        CHECK(in(dir, {"lint", "--strict"}).status == 0);
    }

    TEST_CASE("a write error on standard output is an error, said once") {
        const std::string dir = test::temp_dir("cli-stdout-init");
        test::GitRepo repo("cli-stdout-full");
        fs::copy(test::source_dir() + "/examples/revops", repo.dir() + "/roadmap", fs::copy_options::recursive);
        repo.commit("Plan Q4", "2026-10-02");
        const std::vector<std::vector<std::string>> cases = {{"lint", "roadmap"},
                                                             {"lint", "--format", "json", "roadmap"},
                                                             {"report", "roadmap"},
                                                             {"recap", "roadmap", "--at", "HEAD"},
                                                             {"diff", "HEAD", "roadmap"},
                                                             {"rules"},
                                                             {"rules", "missing-due"},
                                                             {"schema"},
                                                             {"--help"},
                                                             {"lint", "--help"},
                                                             {"--version"}};
        for (const auto& args : cases) {
            CAPTURE(args);
            std::vector<std::string> sh{"/bin/sh", "-c", "exec \"$@\" > /dev/full", "sh", test::binary()};
            sh.insert(sh.end(), args.begin(), args.end());
            const auto r = test::run(sh, repo.dir(), {"NO_COLOR=", "GITHUB_ACTIONS="});
            CHECK(r.status == 2);
            CHECK(r.err == "boussole: error: cannot write to standard output: no space left on device\n");
        }
        const auto r = test::run({"/bin/sh", "-c", "exec \"$0\" init > /dev/full", test::binary()}, dir,
                                 {"NO_COLOR=", "GITHUB_ACTIONS="});
        CHECK(r.status == 2);
        CHECK(r.err == "boussole: error: cannot write to standard output: no space left on device\n");
    }

    TEST_CASE("a write that fails half way leaves the old file and no temporary file") {
        const std::string dir = test::temp_dir("cli-out-fsize");
        test::write(dir + "/status.md", "old\n");
        // A file size limit of one block: the report's write fails with EFBIG part way through.
        const auto r =
            test::run({"/bin/sh", "-c", "trap '' XFSZ; ulimit -f 1; exec \"$0\" report -o \"$1\" examples/revops",
                       test::binary(), dir + "/status.md"},
                      test::source_dir(), {"NO_COLOR=", "GITHUB_ACTIONS="});
        CHECK(r.status == 2);
        CHECK(r.err == "boussole: error: -o: cannot write '" + dir +
                           "/status.md': the file would be larger than the system allows ('ulimit -f'); raise the "
                           "limit, or write elsewhere\n");
        CHECK(test::slurp(dir + "/status.md") == "old\n");
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
        CHECK(names == std::vector<std::string>{"status.md"});
    }

    TEST_CASE("a message that cannot be written to standard error is no crash") {
        const auto on_full_stderr = [](const std::string& command) {
            return test::run({"/bin/sh", "-c", "exec \"$0\" " + command + " 2> /dev/full", test::binary()},
                             test::source_dir(), {"NO_COLOR=", "GITHUB_ACTIONS="});
        };
        // A warning (the roadmap has errors) that cannot be shown: the report is still written.
        auto r = on_full_stderr("report examples/broken");
        CHECK(r.status == 0);
        CHECK(has(r.out, "# "));
        // An error that cannot be shown: still exit 2, not an abort.
        CHECK(on_full_stderr("schema -o /dev/stderr").status == 2);
        CHECK(on_full_stderr("lint no/such/path").status == 2);
        CHECK(on_full_stderr("frobnicate").status == 2);
    }
}
