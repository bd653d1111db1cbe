#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include "boussole/lint.hpp"
#include "boussole/loader.hpp"
#include "support.hpp"

using namespace boussole;
namespace fs = std::filesystem;

namespace {

const std::string fixtures = test::source_dir() + "/tests/rules";

// "LINE: rule" for each `# expect: a, b` comment in the fixture.
std::multiset<std::string> expectations(const std::string& text) {
    std::multiset<std::string> out;
    std::istringstream in(text);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        const auto at = line.find("# expect:");
        if (at == std::string::npos) continue;
        std::istringstream ids(line.substr(at + 9));
        std::string id;
        while (std::getline(ids, id, ',')) {
            id.erase(0, id.find_first_not_of(' '));
            id.erase(id.find_last_not_of(" \r") + 1);
            if (!id.empty()) out.insert(std::to_string(n) + ": " + id);
        }
    }
    return out;
}

// The fixture's rule: its name up to the first dot (`theme-count.too-many.yaml` tests theme-count).
std::string rule_of(const fs::path& p) {
    const std::string name = p.filename().string();
    return name.substr(0, name.find('.'));
}

}  // namespace

TEST_SUITE("rules") {
    TEST_CASE("the catalogue is CLI.md's, in its order, with CLI.md's default severities") {
        const std::vector<std::pair<std::string, Severity>> expected{{"yaml-syntax", Severity::error},
                                                                     {"duplicate-key", Severity::error},
                                                                     {"unknown-key", Severity::error},
                                                                     {"invalid-value", Severity::error},
                                                                     {"missing-field", Severity::error},
                                                                     {"single-roadmap", Severity::error},
                                                                     {"duplicate-id", Severity::error},
                                                                     {"unknown-reference", Severity::error},
                                                                     {"dependency-cycle", Severity::error},
                                                                     {"date-order", Severity::error},
                                                                     {"theme-count", Severity::error},
                                                                     {"theme-overlap", Severity::warning},
                                                                     {"no-run-stream", Severity::warning},
                                                                     {"empty-stream", Severity::warning},
                                                                     {"missing-owner", Severity::warning},
                                                                     {"missing-metric", Severity::warning},
                                                                     {"missing-north-star", Severity::warning},
                                                                     {"missing-due", Severity::warning},
                                                                     {"outside-period", Severity::warning},
                                                                     {"orphan-key-result", Severity::warning},
                                                                     {"dropped-without-reason", Severity::warning}};
        const auto rules = all_rules();
        REQUIRE(rules.size() == expected.size());
        for (std::size_t i = 0; i < rules.size(); ++i) {
            CHECK(rules[i]->id == expected[i].first);
            CHECK(rules[i]->default_severity == expected[i].second);
        }
    }

    TEST_CASE("every rule has its documentation and at least one fixture") {
        for (const Rule* r : all_rules()) {
            CAPTURE(r->id);
            CHECK_FALSE(r->summary.empty());
            CHECK(r->why.size() > 40);
            CHECK_FALSE(r->bad.empty());
            CHECK_FALSE(r->good.empty());
            CHECK(r->bad != r->good);
            CHECK(fs::exists(fixtures + "/" + std::string(r->id) + ".yaml"));
        }
    }

    TEST_CASE("fixtures: each '# expect:' line gets exactly those diagnostics, every other line none") {
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(fixtures))
            if (e.path().extension() == ".yaml") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        REQUIRE(files.size() >= all_rules().size());
        for (const fs::path& f : files) {
            CAPTURE(f.filename().string());
            const std::string rule = rule_of(f);
            const auto expected = expectations(test::slurp(f.string()));
            if (rule == "clean") {
                CHECK(expected.empty());
            } else {
                REQUIRE(find_rule(rule) != nullptr);  // a fixture must name a rule
                CHECK(std::any_of(expected.begin(), expected.end(),
                                  [&](const std::string& e) { return e.ends_with(": " + rule); }));
            }
            const LintResult result = lint_roadmap(load_roadmap(f.string()));
            std::multiset<std::string> actual;
            for (const Diagnostic& d : result.diagnostics) actual.insert(std::to_string(d.line) + ": " + d.rule);
            CHECK(actual == expected);
            if (actual != expected)
                for (const Diagnostic& d : result.diagnostics)
                    MESSAGE(d.line, ":", d.column, " ", d.rule, " ", d.message);
        }
    }

    TEST_CASE("dependency-cycle names the whole cycle once, and unknown-reference suggests the closest id") {
        const LintResult r = lint_roadmap(load_roadmap(fixtures + "/dependency-cycle.yaml"));
        std::vector<std::string> cycles, refs;
        for (const Diagnostic& d : r.diagnostics)
            if (d.rule == "dependency-cycle") cycles.push_back(d.message);
        REQUIRE(cycles.size() == 2);
        CHECK(cycles[0] == "epics depend on each other in a cycle: billing-sync -> dedup -> billing-sync");
        CHECK(cycles[1] == "epics depend on each other in a cycle: self -> self");

        const LintResult u = lint_roadmap(load_roadmap(fixtures + "/unknown-reference.yaml"));
        for (const Diagnostic& d : u.diagnostics) refs.push_back(d.message);
        CHECK(std::count(refs.begin(), refs.end(), "owner 'samm' is not a declared person (did you mean 'sam'?)") == 1);
        CHECK(std::count(refs.begin(), refs.end(),
                         "dependency 'dedupe' is not a declared epic (did you mean 'dedup'?)") == 1);
        CHECK(std::count(refs.begin(), refs.end(), "contributor 'noah' is not a declared person") == 1);
        CHECK(std::count(refs.begin(), refs.end(),
                         "metric 'minute' is not a declared metric (did you mean 'minutes'?)") == 1);
    }

    TEST_CASE("a long dependency chain that closes on itself is one cycle") {
        std::string text = "streams:\n  - id: s\n    title: S\n    epics:\n";
        for (int i = 0; i < 2000; ++i)
            text += "      - {id: e" + std::to_string(i) + ", title: E, depends_on: [e" +
                    std::to_string((i + 1) % 2000) + "]}\n";
        const LintResult r = lint_roadmap(load_roadmap_from_string(text));
        const auto n = std::count_if(r.diagnostics.begin(), r.diagnostics.end(),
                                     [](const Diagnostic& d) { return d.rule == "dependency-cycle"; });
        CHECK(n == 1);
    }
}
