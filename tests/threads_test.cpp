// The parallel loader and the parallel history reader give the same roadmap on any number of
// threads. Under ThreadSanitizer (the BOUSSOLE_TSAN build of .ci/test runs this suite), any
// data race between those threads fails the run.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include "boussole/history.hpp"
#include "boussole/lint.hpp"
#include "boussole/loader.hpp"
#include "boussole/output.hpp"
#include "git_repo.hpp"
#include "same_roadmap.hpp"
#include "support.hpp"

using namespace boussole;

namespace {

// A stream file with `epics` epics, some of them with findings (a dangling owner, a bad date),
// so that findings are produced on every thread too.
std::string stream_file(int s, int epics, int version = 0) {
    std::string t = fmt::format("streams:\n  - id: s{}\n    title: Stream {}\n    kind: build\n    epics:\n", s, s);
    for (int e = 0; e < epics; ++e)
        t += fmt::format(
            "      - id: s{}-e{}\n        title: Épic {} of stream {}\n        owner: {}\n        status: {}\n"
            "        due: 2026-{}\n        depends_on: [s{}-e{}]\n",
            s, e, e, s, e % 7 == 0 ? "nobody" : "ana", (e + version) % 3 == 0 ? "done" : "in-progress",
            e % 11 == 0 ? "13-45" : fmt::format("11-{:02}", 1 + (e + version) % 28), (s + 1) % 40, e);
    return t;
}

const std::string people = "people:\n  - id: ana\n    name: Ana\n";
const std::string roadmap = "roadmap:\n  name: Threads\n  period: 2026-Q4\n";

}  // namespace

TEST_SUITE("threads") {
    TEST_CASE("the ThreadSanitizer build is instrumented (else its clean run would prove nothing)") {
#if defined(__SANITIZE_THREAD__)
        constexpr bool instrumented = true;
#elif defined(__has_feature)
        constexpr bool instrumented = __has_feature(thread_sanitizer);
#else
        constexpr bool instrumented = false;
#endif
#ifdef BOUSSOLE_TSAN_BUILD
        CHECK(instrumented);
#else
        CHECK_FALSE(instrumented);
#endif
    }

    TEST_CASE("the loader reads a tree of 40 files alike on 1, 2, 8 and 32 threads") {
        const std::string dir = test::temp_dir("threads-load");
        test::write(dir + "/roadmap.yaml", roadmap);
        test::write(dir + "/people.yaml", people);
        for (int s = 0; s < 40; ++s) test::write(fmt::format("{}/streams/s{:02}.yaml", dir, s), stream_file(s, 25));
        const Roadmap one = load_roadmap(dir, LoadOptions{1});
        REQUIRE(one.streams.size() == 40);
        const std::string lint_one = render_json(lint_roadmap(one));
        CHECK(lint_one.find("unknown-reference") != std::string::npos);
        for (unsigned threads : {2u, 8u, 32u}) {
            CAPTURE(threads);
            const Roadmap many = load_roadmap(dir, LoadOptions{threads});
            CHECK(test::same_roadmap(one, many));
            CHECK(render_json(lint_roadmap(many)) == lint_one);
        }
    }

    TEST_CASE("the history reader reads 12 commits of 16 files alike on 1, 4 and 16 threads") {
        test::GitRepo repo("threads-history");
        repo.write("roadmap/roadmap.yaml", roadmap);
        repo.write("roadmap/people.yaml", people);
        for (int version = 0; version < 12; ++version) {
            // Every commit changes some stream files, so that versions are read item by item.
            for (int s = 0; s < 16; ++s)
                if (version == 0 || (s + version) % 3 == 0)
                    repo.write(fmt::format("roadmap/streams/s{:02}.yaml", s), stream_file(s, 12, version));
            repo.commit(fmt::format("week {}", version), fmt::format("2026-10-{:02}", 1 + 2 * version));
        }
        const History history = History::open(repo.dir() + "/roadmap");
        const Mainline line = history.mainline(history.resolve("HEAD"), [](const CommitInfo&, bool) { return false; });
        REQUIRE(line.commits.size() == 12);
        const std::vector<Snapshot> one = history.snapshots(line.commits, 1);
        for (unsigned threads : {4u, 16u}) {
            CAPTURE(threads);
            const std::vector<Snapshot> many = history.snapshots(line.commits, threads);
            REQUIRE(many.size() == one.size());
            for (std::size_t i = 0; i < one.size(); ++i) {
                CAPTURE(i);
                CHECK(test::same_roadmap(one[i].roadmap(), many[i].roadmap()));
            }
        }
        CHECK(one.back().roadmap().streams.size() == 16);
    }
}
