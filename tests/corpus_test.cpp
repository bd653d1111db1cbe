// Every input of the YAML test suite, and our own hostile files, must be survived: an exit
// status of 0, 1 or 2, never a crash, a signal or a hang.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "boussole/loader.hpp"
#include "git_repo.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> every_input() {
    std::vector<std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(BOUSSOLE_CORPUS_DIR))
        if (e.path().filename() == "in.yaml") files.push_back(e.path().string());
    for (const auto& e : fs::directory_iterator(test::source_dir() + "/tests/data/hostile"))
        files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

// A valid roadmap file with the hostile text pasted inside one of its epics, indented as its
// keys are: the item-by-item reading has to decide what to make of it.
std::string pasted_in(const std::string& base, const std::string& hostile) {
    const std::string anchor = "        title: Epic one\n";
    std::string indented;
    std::size_t start = 0;
    for (std::size_t nl; (nl = hostile.find('\n', start)) != std::string::npos; start = nl + 1)
        indented += "        " + hostile.substr(start, nl - start + 1);
    if (start < hostile.size()) indented += "        " + hostile.substr(start) + "\n";
    std::string t = base;
    t.insert(t.find(anchor) + anchor.size(), indented);
    return t;
}

const char* const roadmap_text =
    "roadmap: {name: Corpus, period: 2026-Q4}\n"
    "streams:\n  - id: s\n    title: S\n    epics:\n"
    "      - id: e1\n        title: Epic one\n        status: planned\n        due: 2026-11-01\n"
    "      - id: e2\n        title: Epic two\n";

void survive(const std::string& file) {
    CAPTURE(file);
    const test::Run r = test::run({test::binary(), "lint", "--format", "json", file}, "", {"NO_COLOR="}, 10000);
    CHECK_FALSE(r.timed_out);
    CHECK(r.status >= 0);
    CHECK(r.status <= 2);
    if (r.status == 1) CHECK(r.out.find("\"diagnostics\"") != std::string::npos);
}

}  // namespace

TEST_SUITE("corpus") {
    TEST_CASE("yaml-test-suite: every in.yaml") {
        const fs::path corpus = BOUSSOLE_CORPUS_DIR;
        REQUIRE_MESSAGE(fs::is_directory(corpus), "the shared corpus is missing: ", corpus.string());
        std::vector<std::string> files;
        for (const auto& e : fs::recursive_directory_iterator(corpus))
            if (e.path().filename() == "in.yaml") files.push_back(e.path().string());
        std::sort(files.begin(), files.end());
        CHECK(files.size() > 300);
        for (const std::string& f : files) survive(f);
    }

    TEST_CASE("hostile inputs in tests/data/hostile") {
        std::size_t n = 0;
        for (const auto& e : fs::directory_iterator(test::source_dir() + "/tests/data/hostile")) {
            survive(e.path().string());
            ++n;
        }
        CHECK(n >= 8);
        // The whole folder at once too, as a tree.
        survive(test::source_dir() + "/tests/data/hostile");
    }

    TEST_CASE("every input pasted inside an epic: item-by-item reading equals whole parsing") {
        const std::vector<std::string> files = every_input();
        REQUIRE(files.size() > 300);
        const std::string base = roadmap_text;
        const boussole::FileVersion start = boussole::read_file_version("r.yaml", base);
        for (const std::string& f : files) {
            CAPTURE(f);
            const std::string next = pasted_in(base, test::slurp(f));
            const boussole::FileVersion quick = boussole::read_next_file_version(start, base, next);
            const boussole::FileVersion whole = boussole::read_file_version("r.yaml", next);
            CHECK(quick.roadmap.streams == whole.roadmap.streams);
            CHECK(quick.roadmap.objectives == whole.roadmap.objectives);
            CHECK(quick.roadmap.load_findings.size() == whole.roadmap.load_findings.size());
            CHECK(quick.roadmap.unparsable_files == whole.roadmap.unparsable_files);
            // And back.
            const boussole::FileVersion back = boussole::read_next_file_version(whole, next, base);
            CHECK(back.roadmap.streams == start.roadmap.streams);
        }
    }

    TEST_CASE("a history made of every input: recap, diff and report survive it") {
        test::GitRepo repo("corpus-history");
        const std::vector<std::string> files = every_input();
        int day = 1;
        for (std::size_t i = 0; i < files.size(); ++i) {
            // Every input in turn, as the roadmap file itself or pasted inside an epic, with a
            // valid roadmap between them.
            const std::string text = test::slurp(files[i]);
            repo.write("roadmap/roadmap.yaml", i % 2 ? pasted_in(roadmap_text, text) : text);
            repo.commit("input " + std::to_string(i), fmt::format("2026-10-{:02}", 1 + (day++ % 28)));
            if (i % 10 == 0) {
                repo.write("roadmap/roadmap.yaml", roadmap_text);
                repo.commit("valid again", fmt::format("2026-10-{:02}", 1 + (day++ % 28)));
            }
        }
        auto check = [&](const std::vector<std::string>& args) {
            std::vector<std::string> all{test::binary()};
            all.insert(all.end(), args.begin(), args.end());
            const test::Run r = test::run(all, repo.dir(), {"NO_COLOR="}, 60000);
            CAPTURE(args);
            CAPTURE(r.err);
            CHECK_FALSE(r.timed_out);
            CHECK(r.status >= 0);
            CHECK(r.status <= 2);
        };
        check({"recap", "roadmap", "--at", "HEAD", "--baseline", "HEAD~300"});
        check({"report", "roadmap", "--as-of", "2026-11-23"});
        for (int back = 1; back < 40; ++back) check({"diff", fmt::format("HEAD~{}", back), "roadmap"});
    }
}
