// Every input of the YAML test suite, and our own hostile files, must be survived: an exit
// status of 0, 1 or 2, never a crash, a signal or a hang.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "support.hpp"

namespace fs = std::filesystem;

namespace {

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
}
