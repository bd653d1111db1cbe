// End-to-end: the real binary, its exit codes, and its output against golden files.
// BOUSSOLE_UPDATE_GOLDEN=1 rewrites the golden files (review the diff before committing).
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "support.hpp"

namespace fs = std::filesystem;
using test::boussole;

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
        CHECK(r.err == "boussole: error: --rule: unknown rule 'missing-du' (did you mean 'missing-due'?)\n");
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
        CHECK(r.err == "boussole: error: --max-warnings: 'many' is not a whole number of warnings (0 or more)\n");
        r = boussole({"lint", "--max-warnings", "-1", "examples/revops"});
        CHECK(r.status == 2);
        CHECK(r.err == "boussole: error: --max-warnings: '-1' is not a whole number of warnings (0 or more)\n");
        r = boussole({"frobnicate"});
        CHECK(r.status == 2);
        CHECK(r.err == "boussole: error: unknown command 'frobnicate'\nRun 'boussole --help' for the commands.\n");
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
}
