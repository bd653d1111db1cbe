#include <doctest/doctest.h>

#include <algorithm>

#include "boussole/lint.hpp"
#include "boussole/loader.hpp"
#include "boussole/output.hpp"
#include "support.hpp"

using namespace boussole;

namespace {

const std::string clean = test::slurp(test::source_dir() + "/tests/rules/clean.yaml");

std::size_t count(const LintResult& r, std::string_view rule) {
    return static_cast<std::size_t>(
        std::count_if(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& d) { return d.rule == rule; }));
}

std::string with_lint(const std::string& lint_block) {
    std::string text = clean;
    const std::string anchor = "  period: 2026-Q4\n";
    text.replace(text.find(anchor), anchor.size(), anchor + lint_block);
    return text;
}

}  // namespace

TEST_SUITE("lint") {
    TEST_CASE("the clean fixture is clean") {
        const LintResult r = lint_roadmap(load_roadmap_from_string(clean));
        CHECK(r.diagnostics.empty());
        CHECK(summary_line(r) == "0 errors, 0 warnings in 1 file");
    }

    TEST_CASE("severities: default, then roadmap.lint.rules, then the command line") {
        const std::string text = with_lint("  lint:\n    rules: {missing-north-star: error, no-run-stream: info}\n");
        std::string no_star = text;
        const auto ns = no_star.find("  north_star:");
        no_star.erase(ns, no_star.find('\n', ns) - ns + 1);
        const Roadmap r = load_roadmap_from_string(no_star);
        const LintResult from_file = lint_roadmap(r);
        REQUIRE(count(from_file, "missing-north-star") == 1);
        CHECK(from_file.errors == 1);

        LintOptions cli;
        cli.rule_overrides[RuleId::missing_north_star] = Severity::info;
        const LintResult from_cli = lint_roadmap(r, cli);
        CHECK(from_cli.errors == 0);
        CHECK(from_cli.infos == 1);
        CHECK(summary_line(from_cli) == "0 errors, 0 warnings, 1 info in 1 file");

        cli.rule_overrides[RuleId::missing_north_star] = Severity::off;
        CHECK(lint_roadmap(r, cli).diagnostics.empty());
    }

    TEST_CASE("an enum value in another case is one diagnostic: read as meant, no rule judges the misspelling") {
        struct Case {
            std::string from, to;
            std::size_t errors;
        };
        const std::vector<Case> cases{
            {"    kind: run\n", "    kind: Run\n",
             1},  // was: no-run-stream, and missing-due and missing-metric per epic
            {"billing-sync, title: Billing sync, owner: sam,",
             "billing-sync, title: Billing sync, owner: sam, status: Done,", 1},
            {"dedup, title: Deduplicate accounts, owner: lea,",
             "dedup, title: Deduplicate accounts, owner: lea, tasks: [{title: T, status: Done}], status: Dropped, "
             "dropped_reason: merged,",
             2},
        };
        for (const Case& c : cases) {
            CAPTURE(c.to);
            std::string text = clean;
            REQUIRE(text.find(c.from) != std::string::npos);
            text.replace(text.find(c.from), c.from.size(), c.to);
            const LintResult r = lint_roadmap(load_roadmap_from_string(text));
            CHECK(r.errors == c.errors);
            CHECK(r.warnings == 0);
            CHECK(count(r, "invalid-value") == r.diagnostics.size());
        }
    }

    TEST_CASE("a comment glued to a title is at most a warning; its rule's lower severities still apply") {
        std::string text = clean;
        text.replace(text.find("    title: Billing\n"), 19, "    title: Billing #ops\n");
        const Roadmap r = load_roadmap_from_string(text);
        const LintResult by_default = lint_roadmap(r);
        REQUIRE(by_default.diagnostics.size() == 1);
        CHECK(by_default.diagnostics[0].rule == "invalid-value");
        CHECK(by_default.diagnostics[0].severity == Severity::warning);
        LintOptions cli;
        cli.rule_overrides[RuleId::invalid_value] = Severity::info;
        CHECK(lint_roadmap(r, cli).infos == 1);
        cli.rule_overrides[RuleId::invalid_value] = Severity::off;
        CHECK(lint_roadmap(r, cli).diagnostics.empty());
    }

    TEST_CASE("references a duplicate id explains are reported at the duplicate, unless duplicate-id is off") {
        const Roadmap r =
            load_roadmap_from_string(test::slurp(test::source_dir() + "/tests/rules/duplicate-id.misnamed.yaml"));
        const LintResult folded = lint_roadmap(r);
        CHECK(count(folded, "duplicate-id") == 4);       // a person, a metric, a key result, an epic
        CHECK(count(folded, "unknown-reference") == 1);  // samm: a typo of sam, not the duplicate
        LintOptions no_duplicates;
        no_duplicates.rule_overrides[RuleId::duplicate_id] = Severity::off;
        const LintResult each = lint_roadmap(r, no_duplicates);
        CHECK(count(each, "duplicate-id") == 0);
        CHECK(count(each, "unknown-reference") ==
              11);  // theo 6 times, theo-l, quote-days, quote-cycle, archive-leads, samm
    }

    TEST_CASE("the places a duplicate explains are named with their file when it is another one") {
        const std::string dir = test::temp_dir("misnamed");
        test::write(dir + "/people.yaml",
                    "people:\n  - {id: helene, name: Hélène Laurent}\n  - {id: helene, name: Théo Lefèvre}\n");
        test::write(dir + "/streams.yaml",
                    "streams:\n  - id: a\n    title: A\n    owner: theo\n    epics:\n      - {id: e, title: E, owner: "
                    "theo, contributors: [helene]}\n");
        const LintResult r = lint_roadmap(load_roadmap(dir));
        CHECK(count(r, "unknown-reference") == 0);
        const auto d = std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                                    [](const Diagnostic& x) { return x.rule == "duplicate-id"; });
        REQUIRE(d != r.diagnostics.end());
        CHECK(d->line == 3);
        CHECK(d->message.find("is likely 'theo', which is named in 2 places but declared nowhere (") !=
              std::string::npos);
        CHECK(d->message.find("streams.yaml:4, ") != std::string::npos);
        CHECK(d->message.find("streams.yaml:6)") != std::string::npos);
        CHECK(d->message.ends_with("; write its id as 'theo'"));
    }

    TEST_CASE("an unknown rule in roadmap.lint.rules is an invalid-value with a suggestion") {
        const LintResult r = lint_roadmap(
            load_roadmap_from_string(with_lint("  lint:\n    rules: {missing-owners: off, missing-due: loud}\n")));
        REQUIRE(count(r, "invalid-value") == 2);
        std::vector<std::string> msgs;
        for (const Diagnostic& d : r.diagnostics) msgs.push_back(d.message);
        CHECK(std::find(msgs.begin(), msgs.end(),
                        "unknown rule 'missing-owners' in roadmap.lint.rules (did you mean 'missing-owner'?)") !=
              msgs.end());
    }

    TEST_CASE("theme bounds come from roadmap.lint.themes") {
        CHECK(count(lint_roadmap(load_roadmap_from_string(with_lint("  lint: {themes: {min: 4}}\n"))), "theme-count") ==
              1);
        CHECK(count(lint_roadmap(load_roadmap_from_string(with_lint("  lint: {themes: {min: 1, max: 3}}\n"))),
                    "theme-count") == 0);
        CHECK(count(lint_roadmap(load_roadmap_from_string(with_lint("  lint: {themes: {min: 1, max: 2}}\n"))),
                    "theme-count") == 1);
        const LintResult bad =
            lint_roadmap(load_roadmap_from_string(with_lint("  lint: {themes: {min: 6, max: 4}}\n")));
        REQUIRE(count(bad, "invalid-value") == 1);
        CHECK(bad.diagnostics[0].message == "themes.min (6) is greater than themes.max (4)");
        CHECK(bad.diagnostics[0].column == 24);  // at the value of themes.min
        CHECK(count(bad, "theme-count") == 0);   // the defaults are used
        const LintResult max_only = lint_roadmap(load_roadmap_from_string(with_lint("  lint: {themes: {max: 2}}\n")));
        REQUIRE(count(max_only, "invalid-value") == 1);
        CHECK(max_only.diagnostics[0].message == "themes.min (3) is greater than themes.max (2)");
        CHECK(max_only.diagnostics[0].column == 24);  // at the value of themes.max, the one written
        CHECK(count(lint_roadmap(load_roadmap_from_string(with_lint("  lint: {themes: {min: 2.5}}\n"))),
                    "invalid-value") == 1);
    }

    TEST_CASE("a file that cannot be parsed skips the whole-tree rules, with a note, and hides nothing else") {
        const std::string dir = test::temp_dir("lint-broken");
        test::write(dir + "/a.yaml",
                    "roadmap: {name: N, period: 2026-Q4}\nstreams:\n  - {id: s, title: S, owner: x, epics: [{id: e, "
                    "title: E, ownr: x}]}\n");
        test::write(dir + "/b.yaml", "streams:\n  - id: t\n   title: broken\n");
        const LintResult r = lint_roadmap(load_roadmap(dir));
        CHECK(count(r, "yaml-syntax") == 1);
        CHECK(count(r, "unknown-key") == 1);  // the other file is still linted
        CHECK(count(r, "theme-count") == 0);
        CHECK(count(r, "no-run-stream") == 0);
        REQUIRE(r.notes.size() == 1);
        CHECK(r.notes[0].find("1 file could not be parsed") != std::string::npos);
    }

    TEST_CASE("diagnostics are sorted by path, line and column, and a value read twice is reported once") {
        const Roadmap r = load_roadmap_from_string(
            "x-e: &e {id: e, title: E, ownr: x}\nstreams:\n  - {id: s, title: S, epics: [*e]}\n  - {id: t, title: T, "
            "epics: [*e]}\n");
        const LintResult res = lint_roadmap(r);
        CHECK(count(res, "unknown-key") == 1);
        CHECK(std::is_sorted(res.diagnostics.begin(), res.diagnostics.end(),
                             [](const Diagnostic& a, const Diagnostic& b) {
                                 return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
                             }));
    }

    TEST_CASE("no roadmap at all points at the PATH itself") {
        const std::string dir = test::temp_dir("lint-empty");
        const LintResult r = lint_roadmap(load_roadmap(dir));
        CHECK(r.files == 0);
        REQUIRE(count(r, "single-roadmap") == 1);
        CHECK(r.diagnostics[0].file == dir);
    }
}
