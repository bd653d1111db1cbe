#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "boussole/loader.hpp"
#include "boussole/report.hpp"
#include "report/markdown.hpp"
#include "report/markup.hpp"
#include "report/messages.hpp"
#include "support.hpp"

using namespace boussole;

TEST_SUITE("report") {
    TEST_CASE("pace: score against the share of the period elapsed") {
        CHECK(pace_of(std::nullopt, 0.5) == Pace::no_data);
        CHECK(pace_of(0.5, 0.5) == Pace::on_track);
        CHECK(pace_of(0.40, 0.5) == Pace::on_track);  // within 0.10
        CHECK(pace_of(0.39, 0.5) == Pace::behind_pace);
        CHECK(pace_of(0.25, 0.5) == Pace::behind_pace);  // within 0.25
        CHECK(pace_of(0.24, 0.5) == Pace::at_risk);
        CHECK(pace_of(0.0, 0.05) == Pace::on_track);
        CHECK(pace_of(1.0, 1.0) == Pace::on_track);
        CHECK(to_string(Pace::behind_pace) == "behind-pace");
    }

    TEST_CASE("open and overdue epics") {
        Epic e;
        e.due.value = *Date::parse("2026-11-01");
        CHECK(e.open());
        CHECK(e.overdue(*Date::parse("2026-11-02")));
        CHECK_FALSE(e.overdue(*Date::parse("2026-11-01")));  // due today is not late
        e.status.value = EpicStatus::done;
        CHECK_FALSE(e.overdue(*Date::parse("2026-12-01")));
        e.status.value = EpicStatus::dropped;
        CHECK_FALSE(e.open());
        Epic undated;
        CHECK_FALSE(undated.overdue(*Date::parse("2030-01-01")));
    }

    TEST_CASE("markdown helpers") {
        const md::NumberStyle& en = status_report_en.style->numbers;
        CHECK(md::number(96000, en) == "96,000");
        CHECK(md::number(2025, en) == "2025");
        CHECK(md::number(1234567.5, en) == "1,234,567.5");
        CHECK(md::number(3.5, en) == "3.5");
        CHECK(md::number(0.25, en) == "0.25");
        CHECK(md::number(-12000, en) == "-12,000");
        CHECK(md::number(1.0 / 3.0, en) == "0.33");
        CHECK(md::percent(0.587, en) == "59%");
        CHECK(md::bar(0.35, en) == "▓▓▓▓░░░░░░ 35%");
        CHECK(md::bar(1.7, en) == "▓▓▓▓▓▓▓▓▓▓ 100%");
        CHECK(md::bar(-1, en) == "░░░░░░░░░░ 0%");
        CHECK(md::score(std::nullopt, en) == "–");
        CHECK(md::score(0.4286, en) == "0.43");
        CHECK(md::text("a | b *c* _d_ <e> [f] `g` #h\nnext  line ") ==
              "a \\| b \\*c\\* \\_d\\_ \\<e\\> \\[f\\] \\`g\\` \\#h next line");
        CHECK(md::text("see https://example.com/x, then (http://a.b).") ==
              "see <https://example.com/x>, then (<http://a.b>).");
        CHECK(md::mermaid_text("a: b; c #1 100% <b>", "(untitled)") == "a b c 1 100 b");
        CHECK(md::mermaid_text("click me", "(untitled)") == "▸ click me");
        CHECK(md::mermaid_text("Section two", "(untitled)") == "▸ Section two");
        CHECK(md::mermaid_text("2026-11-23 launch", "(untitled)") == "▸ 2026-11-23 launch");
        CHECK(md::mermaid_text("2027 territories", "(untitled)") == "2027 territories");
        CHECK(md::mermaid_text(":::", "(untitled)") == "(untitled)");
        CHECK(md::mermaid_text(":::", "(sans titre)") == "(sans titre)");
        // One rounding everywhere: half away from zero, on the value as computed in any order.
        const double eighth = 1.0 / 8, summed = 0.35 - 0.225;
        REQUIRE(eighth != summed);  // the same 1/8, computed two ways (0.12499999999999997)
        CHECK(md::percent(0.125, en) == "13%");
        CHECK(md::percent(eighth, en) == "13%");
        CHECK(md::percent(summed, en) == "13%");
        CHECK(md::score(0.125, en) == "0.13");
        CHECK(md::score(summed, en) == "0.13");
        CHECK(md::bar(summed, en) == "▓░░░░░░░░░ 13%");
        CHECK(md::bar(0.35, en) == "▓▓▓▓░░░░░░ 35%");
        CHECK(md::bar(0.349, en) == "▓▓▓▓░░░░░░ 35%");  // the cells follow the percentage shown
        CHECK(md::bar(0.344, en) == "▓▓▓░░░░░░░ 34%");
        CHECK(md::number(2.675, en) == "2.68");
        CHECK(md::number(0.125, en) == "0.13");
        CHECK(md::percent(1.0 / 3, en) == "33%");
        CHECK(md::percent(2.0 / 3, en) == "67%");
        // Never a negative zero.
        CHECK(md::score(-0.0, en) == "0.00");
        CHECK(md::score(-0.001, en) == "0.00");
        CHECK(md::percent(-0.0, en) == "0%");
        CHECK(md::percent(-0.004, en) == "0%");
        CHECK(md::number(-0.0, en) == "0");
        CHECK(md::number(-0.001, en) == "0");
        CHECK(md::score(-0.5, en) == "-0.50");
        CHECK(md::number(1e20, en) == "100,000,000,000,000,000,000");
        md::Table t({"A", "B"}, "lr");
        t.row({"x"});
        CHECK(t.render() == "| A | B |\n| --- | ---: |\n| x | – |\n");
    }

    TEST_CASE("French numbers, dates and plurals, without any locale") {
        const LanguageStyle& fr = *status_report_fr.style;
        const md::NumberStyle& n = fr.numbers;
        CHECK(md::number(104000, n) == "104\u202f000");  // a narrow no-break space between groups
        CHECK(md::number(2025, n) == "2025");
        CHECK(md::number(1234567.5, n) == "1\u202f234\u202f567,5");
        CHECK(md::number(-12000, n) == "-12\u202f000");
        CHECK(md::number(0.25, n) == "0,25");
        CHECK(md::score(0.4286, n) == "0,43");
        CHECK(md::score(-0.5, n) == "-0,50");
        CHECK(md::percent(0.587, n) == "59\u00a0%");  // a no-break space before %
        CHECK(md::bar(0.35, n) == "▓▓▓▓░░░░░░ 35\u00a0%");
        const MarkdownMarkup mk(n);
        CHECK(mk.quantity(104000, "EUR") == "104\u202f000 EUR");  // the unit as written
        CHECK(mk.quantity(74, "%") == "74\u00a0%");
        CHECK(mk.quantity(3.5, "jours") == "3,5 jours");
        CHECK(mk.quantity(3, "*jours*") == "3 \\*jours\\*");  // escaped as Markdown
        CHECK(md::number(1e20, n).find(',') == std::string::npos);
        CHECK(prose_date(fr, *Date::parse("2026-11-23")) == "23 novembre 2026");
        CHECK(prose_date(fr, *Date::parse("2026-12-01")) == "1er décembre 2026");
        CHECK(prose_date(fr, *Date::parse("2027-02-14")) == "14 février 2027");
        CHECK(prose_date(*status_report_en.style, *Date::parse("2026-11-23")) == "2026-11-23");
        CHECK(period_name(fr, "2026-Q4") == "T4 2026");
        CHECK(period_name(fr, "2027-H1") == "S1 2027");
        CHECK(period_name(fr, "2026-Q5") == "2026-Q5");  // not a named period: as written
        CHECK(period_name(fr, "2026-10-05..2026-12-18") == "2026-10-05..2026-12-18");
        CHECK(period_name(*status_report_en.style, "2026-Q4") == "2026-Q4");
        // French: 0 and 1 take the singular; English: only 1.
        CHECK(status_report_fr.count(status_report_fr.days, 0) == "jour");
        CHECK(status_report_fr.count(status_report_fr.days, 1) == "jour");
        CHECK(status_report_fr.count(status_report_fr.days, 2) == "jours");
        CHECK(status_report_en.count(status_report_en.days, 0) == "days");
        CHECK(status_report_en.count(status_report_en.days, 1) == "day");
        CHECK(say_days(recap_fr, 1) == "1\u00a0jour");
        CHECK(say_days(recap_fr, -3, true) == "-3\u00a0jours");
        CHECK(say_days(recap_fr, 14, true) == "+14\u00a0jours");
    }

    TEST_CASE("a report needs a roadmap block and a usable period") {
        CHECK(report_blocker(load_roadmap_from_string("streams: []\n")) == "the roadmap has no 'roadmap' block");
        // The block in a file that does not parse: the cause is named, with its file and line.
        const auto unparsed = report_blocker(load_roadmap_from_texts(
            "roadmap",
            {{"roadmap.yaml", "roadmap:\n  name: Équipe : ventes\n  period: 2026-Q4\n"}, {"s.yaml", "streams: []\n"}}));
        REQUIRE(unparsed);
        CHECK(
            unparsed->starts_with("no 'roadmap' block could be read: a roadmap file does not parse (the block may be "
                                  "there):\n  roadmap/roadmap.yaml:2:"));
        CHECK(report_blocker(load_roadmap_from_string("roadmap: {name: N}\n")) == "the roadmap has no valid period");
        CHECK(report_blocker(
                  load_roadmap_from_string("roadmap: {name: N, period: {start: 2026-12-01, end: 2026-10-01}}\n")) ==
              "the roadmap's period ends before it starts");
        CHECK_FALSE(report_blocker(load_roadmap_from_string("roadmap: {period: 2026-Q4}\n")));
        // The smallest reportable roadmap renders every section without crashing.
        const std::string out =
            render_status_report(load_roadmap_from_string("roadmap: {period: 2026-Q4}\n"),
                                 {*Date::parse("2026-11-23"), Audience::team, "boussole", std::nullopt});
        CHECK(out.starts_with("# Roadmap: status report\n"));
        CHECK(out.find("No North Star is declared") != std::string::npos);
        CHECK(out.find("No epic has a due date yet") != std::string::npos);
        CHECK(out.find("- **Period:** 2026-Q4 (2026-10-01 to 2026-12-31)\n") != std::string::npos);
        const std::string custom =
            render_status_report(load_roadmap_from_string("roadmap: {period: {start: 2026-10-05, end: 2026-12-18}}\n"),
                                 {*Date::parse("2026-11-23"), Audience::team, "boussole", std::nullopt});
        CHECK(custom.find("- **Period:** 2026-10-05 to 2026-12-18\n") != std::string::npos);
        CHECK(custom.find("day 50 of 75 (67% of the period elapsed)") != std::string::npos);
    }

    TEST_CASE("golden: every audience on the example and on the edge roadmap") {
        for (const auto& [name, path] :
             {std::pair{"revops", "examples/revops"}, std::pair{"edge", "tests/data/report-edge"},
              std::pair{"revops-fr", "examples/revops-fr"}, std::pair{"backlog", "tests/data/backlog"}}) {
            for (const char* audience : {"team", "leadership", "sellers"}) {
                CAPTURE(name);
                CAPTURE(audience);
                const auto r =
                    test::boussole({"report", "--no-history", path, "--as-of", "2026-11-23", "--audience", audience});
                CHECK(r.status == 0);
                CHECK(r.err.empty());
                test::check_golden(std::string("report-") + name + "-" + audience + ".md", r.out);
            }
        }
    }

    TEST_CASE("golden: the HTML page of every audience on the example, in English and in French") {
        // issue 15: the same writer as Markdown, through the HTML markup (html.cpp) with charts.
        for (const auto& [name, path] :
             {std::pair{"revops", "examples/revops"}, std::pair{"revops-fr", "examples/revops-fr"}}) {
            for (const char* audience : {"team", "leadership", "sellers"}) {
                CAPTURE(name);
                CAPTURE(audience);
                const auto r = test::boussole({"report", "--no-history", path, "--as-of", "2026-11-23", "--audience",
                                               audience, "--format", "html"});
                CHECK(r.status == 0);
                CHECK(r.err.empty());
                test::check_golden(std::string("report-") + name + "-" + audience + ".html", r.out);
            }
        }
    }

    TEST_CASE("the language: --lang, else roadmap.language, else English; never the environment") {
        auto report = [](const std::string& path, std::vector<std::string> lang, std::vector<std::string> env = {}) {
            std::vector<std::string> args{"report", "--no-history", path, "--as-of", "2026-11-23"};
            args.insert(args.end(), lang.begin(), lang.end());
            const auto r = test::boussole(args, env);
            CHECK(r.status == 0);
            return r.out;
        };
        const std::string en = report("examples/revops", {}), fr = report("examples/revops-fr", {});
        CHECK(en.starts_with("# Revenue Operations roadmap: status report\n"));
        CHECK(fr.starts_with("# Feuille de route Revenue Operations\u00a0: point d’avancement\n"));
        CHECK(fr.find("jour 54 sur 92 (59\u00a0% de la période écoulée)") != std::string::npos);
        CHECK(fr.find("96\u202f000 EUR → 104\u202f000 EUR, cible 120\u202f000 EUR") != std::string::npos);
        CHECK(report("examples/revops", {"--lang", "fr"}).starts_with("# Revenue Operations roadmap\u00a0: point"));
        CHECK(report("examples/revops-fr", {"--lang", "en"})
                  .starts_with("# Feuille de route Revenue Operations: status"));
        CHECK(report("examples/revops", {}, {"LANG=fr_FR.UTF-8", "LC_ALL=fr_FR.UTF-8", "LANGUAGE=fr"}) == en);
        const auto bad = test::boussole({"report", "examples/revops", "--lang", "de"});
        CHECK(bad.status == 2);
        CHECK(bad.err.find("'de' is not a language: give en or fr") != std::string::npos);
    }

    TEST_CASE("the report is a pure function of the roadmap and --as-of") {
        const auto a = test::boussole({"report", "--no-history", "examples/revops", "--as-of", "2026-11-23"});
        const auto b = test::boussole({"report", "--no-history", "examples/revops", "--as-of", "2026-11-23"},
                                      {"BOUSSOLE_THREADS=1"});
        CHECK(a.out == b.out);
        const auto later = test::boussole({"report", "--no-history", "examples/revops", "--as-of", "2026-12-20"});
        CHECK(later.out != a.out);
        CHECK(later.out.find("day 81 of 92 (88% of the period elapsed)") != std::string::npos);
    }

    TEST_CASE("leadership: no task detail, no load table, no timeline") {
        const auto r = test::boussole(
            {"report", "--no-history", "examples/revops", "--as-of", "2026-11-23", "--audience", "leadership"});
        CHECK(r.out.find("Tasks of") == std::string::npos);
        CHECK(r.out.find("## Load per owner") == std::string::npos);
        CHECK(r.out.find("```mermaid") == std::string::npos);
        for (const char* section : {"## North Star", "## Key results", "## Streams", "## At risk"})
            CHECK(r.out.find(section) != std::string::npos);
    }

    TEST_CASE("-o writes the same bytes as standard output") {
        const std::string dir = test::temp_dir("report-out");
        const auto r = test::boussole(
            {"report", "--no-history", "examples/revops", "--as-of", "2026-11-23", "-o", dir + "/status.md"});
        CHECK(r.status == 0);
        CHECK(r.out.empty());
        CHECK(test::slurp(dir + "/status.md") ==
              test::boussole({"report", "--no-history", "examples/revops", "--as-of", "2026-11-23"}).out);
    }

    TEST_CASE("errors: a report despite lint errors, none without a period, usage errors") {
        const std::string dir = test::temp_dir("report-errors");
        test::write(dir + "/errors.yaml",
                    "roadmap: {name: N, period: 2026-Q4}\nstreams:\n  - {id: s, title: S, ownr: x, epics: [{id: e, "
                    "title: E, due: 2026-11-31}]}\n");
        auto r = test::boussole({"report", dir + "/errors.yaml", "--as-of", "2026-11-23"});
        CHECK(r.status == 0);
        CHECK(r.out.starts_with("# N: status report\n"));
        CHECK(r.err ==
              "boussole: warning: the roadmap has 3 errors: the report may be incomplete; run 'boussole lint " + dir +
                  "/errors.yaml'\n");

        test::write(dir + "/no-period.yaml", "roadmap: {name: N}\n");
        r = test::boussole({"report", dir + "/no-period.yaml", "-o", dir + "/out.md"});
        CHECK(r.status == 1);
        CHECK(r.out.empty());
        CHECK(r.err.find("cannot make a report: the roadmap has no valid period") != std::string::npos);
        CHECK_FALSE(std::filesystem::exists(dir + "/out.md"));

        CHECK(test::boussole({"report", "--no-history", "examples/revops", "--as-of", "2026-02-30"}).status == 2);
        CHECK(test::boussole({"report", "examples/revops", "--audience", "board"}).status == 2);
        CHECK(test::boussole({"report", "no/such/roadmap"}).status == 2);
        CHECK(test::boussole({"report", "--help"}).status == 0);
    }

    TEST_CASE("a metric that must go down, still at its baseline, scores 0.00 in every line of the report") {
        const Roadmap r = load_roadmap_from_string(
            "roadmap: {name: N, period: 2026-Q4, north_star: {title: Cost, baseline: 40, target: 10, current: 40}}\n"
            "objectives: [{id: o, title: O, owner: a, key_results: [{id: down, title: Down, baseline: 40, target: "
            "10, current: 40}]}]\n");
        const std::string out =
            render_status_report(r, {*Date::parse("2026-11-23"), Audience::team, "b", std::nullopt});
        for (const char* negative_zero : {"-0.", "-0%", "| -0 |"}) CHECK(out.find(negative_zero) == std::string::npos);
        CHECK(out.find("| Down (down) | a | 40 | 40 | 10 | – | 0.00 | – | at risk |") != std::string::npos);
        CHECK(out.find("Mean score: **0.00**") != std::string::npos);
        CHECK(out.find("░░░░░░░░░░ 0% of the way to the target") != std::string::npos);
        CHECK(out.find("at risk: score 0.00 with 59% of the period elapsed") != std::string::npos);
        const std::string lead =
            render_status_report(r, {*Date::parse("2026-11-23"), Audience::leadership, "b", std::nullopt});
        CHECK(lead.find("-0.") == std::string::npos);
    }

    TEST_CASE("equal shares print equal, wherever they are computed") {
        // A key result and the North Star both 1/8 of the way ((0.3 - 0.2) / (1 - 0.2) is
        // 0.12499999999999997 in floating point), and a stream at 1/8 done (exactly 0.125).
        const Roadmap r = load_roadmap_from_string(
            "roadmap: {name: N, period: 2026-Q4, north_star: {title: NS, baseline: 0.2, target: 1, current: 0.3}}\n"
            "objectives: [{id: o, title: O, key_results: [{id: k, title: K, baseline: 0.2, target: 1, current: "
            "0.3}]}]\n"
            "streams: [{id: s, title: S, epics: [{id: e, title: E, tasks: [{title: a, status: done}, {title: b}, "
            "{title: c}, {title: d}, {title: e}, {title: f}, {title: g}, {title: h}]}]}]\n");
        const std::string out =
            render_status_report(r, {*Date::parse("2026-11-23"), Audience::team, "b", std::nullopt});
        CHECK(out.find("| K (k) | – | 0.2 | 0.3 | 1 | – | 0.13 | – | at risk |") != std::string::npos);
        CHECK(out.find("▓░░░░░░░░░ 13% of the way to the target") != std::string::npos);
        CHECK(out.find("Progress: ▓░░░░░░░░░ 13%.") != std::string::npos);
        CHECK(out.find("score 0.13 with") != std::string::npos);
        CHECK(out.find("12%") == std::string::npos);
        CHECK(out.find("0.12") == std::string::npos);
    }

    // issue 14, json: report --format json and report --check.
    TEST_CASE("golden: the JSON of every audience on the example, the same in every language") {
        for (const char* audience : {"team", "leadership", "sellers"}) {
            CAPTURE(audience);
            const std::vector<std::string> args{"report",  "--no-history", "examples/revops",
                                                "--as-of", "2026-11-23",   "--audience",
                                                audience,  "--format",     "json"};
            const auto r = test::boussole(args);
            CHECK(r.status == 0);
            CHECK(r.err.empty());
            test::check_golden(std::string("report-revops-") + audience + ".json", r.out);
            CHECK(r.out.starts_with("{\n  \"format\": \"boussole.report/1\",\n"));
            // JSON is for programs: --lang, roadmap.language and the environment change no byte.
            auto with = [&](std::vector<std::string> more, std::vector<std::string> env = {}) {
                std::vector<std::string> all = args;
                all.insert(all.end(), more.begin(), more.end());
                return test::boussole(all, env).out;
            };
            CHECK(with({"--lang", "fr"}) == r.out);
            CHECK(with({"--lang", "en"}) == r.out);
            CHECK(with({}, {"LANG=fr_FR.UTF-8", "LC_ALL=fr_FR.UTF-8"}) == r.out);
        }
        // roadmap.language: fr does not make its JSON French either.
        const std::vector<std::string> fr{"report",   "--no-history", "examples/revops-fr", "--as-of", "2026-11-23",
                                          "--format", "json"};
        std::vector<std::string> en = fr;
        en.insert(en.end(), {"--lang", "en"});
        CHECK(test::boussole(fr).out == test::boussole(en).out);
        // The same content as the Markdown, as data: numbers as numbers, dates ISO, enums fixed.
        const std::string team = test::slurp(test::source_dir() + "/tests/golden/report-revops-team.json");
        for (const char* part : {"\"elapsed_share\": 0.5869565217391305", "\"day\": 54", "\"baseline\": 96000",
                                 "\"current\": 3.5", "\"pace\": \"behind-pace\"", "\"status\": \"in-progress\"",
                                 "\"as_of\": \"2026-11-23\"", "\"kind\": \"off-pace\"", "\"check_in\": null"})
            CHECK_MESSAGE(team.find(part) != std::string::npos, part);
        const auto bad = test::boussole({"report", "examples/revops", "--format", "yaml"});
        CHECK(bad.status == 2);
        CHECK(bad.err.find("'yaml' is not an output format of report: give markdown, html or json") !=
              std::string::npos);
    }

    TEST_CASE("--check: 0 when the file is what report would write, 1 when stale or missing, never writes") {
        namespace fs = std::filesystem;
        const std::string dir = test::temp_dir("report-check");
        const std::string file = dir + "/status.md";
        const std::vector<std::string> options{"--no-history", "examples/revops", "--as-of", "2026-11-23"};
        auto report = [&](std::vector<std::string> more) {
            std::vector<std::string> args{"report"};
            args.insert(args.end(), options.begin(), options.end());
            args.insert(args.end(), more.begin(), more.end());
            return test::boussole(args);
        };
        const std::string hint = "boussole report --no-history examples/revops --as-of 2026-11-23 -o " + file;
        // Missing: 1, one line naming the file and the command that writes it; nothing written.
        auto r = report({"--check", file});
        CHECK(r.status == 1);
        CHECK(r.out.empty());
        CHECK(r.err == "boussole: '" + file + "' is missing: write it with: " + hint + "\n");
        CHECK_FALSE(fs::exists(file));
        // Fresh: 0, silent.
        REQUIRE(report({"-o", file}).status == 0);
        const auto written = fs::last_write_time(file);
        const std::string fresh = test::slurp(file);
        r = report({"--check", file});
        CHECK(r.status == 0);
        CHECK(r.out.empty());
        CHECK(r.err.empty());
        // Stale: another date (or a changed roadmap) writes another report; the file is untouched.
        r = test::boussole({"report", "--no-history", "examples/revops", "--as-of", "2026-11-30", "--check", file});
        CHECK(r.status == 1);
        CHECK(r.out.empty());
        CHECK(r.err == "boussole: '" + file +
                           "' is out of date (it differs from line 6): regenerate it with: boussole report "
                           "--no-history examples/revops --as-of 2026-11-30 -o " +
                           file + "\n");
        CHECK(test::slurp(file) == fresh);
        CHECK(fs::last_write_time(file) == written);
        // A hand edit at the end is found at its line; a truncated file too.
        test::write(file, fresh + "edited\n");
        r = report({"--check", file});
        CHECK(r.status == 1);
        const auto lines = static_cast<std::size_t>(std::count(fresh.begin(), fresh.end(), '\n'));
        CHECK(r.err.find("(it differs from line " + std::to_string(lines + 1) + ")") != std::string::npos);
        test::write(file, fresh.substr(0, fresh.size() / 2));
        CHECK(report({"--check", file}).status == 1);
        // --format is compared too: the Markdown is not the JSON.
        test::write(file, fresh);
        r = report({"--format", "json", "--check", file});
        CHECK(r.status == 1);
        CHECK(r.err.find("regenerate it with: " +
                         std::string("boussole report --no-history examples/revops --as-of "
                                     "2026-11-23 --format json -o ") +
                         file + "\n") != std::string::npos);
        REQUIRE(report({"--format", "json", "-o", dir + "/status.json"}).status == 0);
        CHECK(report({"--format", "json", "--check", dir + "/status.json"}).status == 0);
        // A file name the shell would split or expand is quoted in the hint.
        r = report({"--check", dir + "/my status.md"});
        CHECK(r.status == 1);
        CHECK(r.err.find("-o '" + dir + "/my status.md'\n") != std::string::npos);
        // Usage errors: with -o, a folder, standard input; nothing written.
        r = report({"--check", file, "-o", dir + "/other.md"});
        CHECK(r.status == 2);
        CHECK(r.err.find("--check and -o cannot be used together") != std::string::npos);
        CHECK_FALSE(fs::exists(dir + "/other.md"));
        r = report({"--check", dir});
        CHECK(r.status == 2);
        CHECK(r.err.find("is a folder; give the report file to compare with") != std::string::npos);
        CHECK(report({"--check", "-"}).status == 2);
        CHECK(test::slurp(file) == fresh);
        // A roadmap that cannot make a report is said as such (1), not as a stale file.
        test::write(dir + "/no-period.yaml", "roadmap: {name: N}\n");
        r = test::boussole({"report", dir + "/no-period.yaml", "--check", file});
        CHECK(r.status == 1);
        CHECK(r.err.find("cannot make a report") != std::string::npos);
    }

    // issue 14, item 4
    TEST_CASE("sellers: what shipped, what ships next, whom to ask; no figures, no tasks") {
        auto sellers = [](std::vector<std::string> more) {
            std::vector<std::string> args{"report",     "--no-history", "examples/revops", "--as-of",
                                          "2026-11-23", "--audience",   "sellers"};
            args.insert(args.end(), more.begin(), more.end());
            return test::boussole(args);
        };
        const auto r = sellers({});
        REQUIRE(r.status == 0);
        CHECK(r.err.empty());
        CHECK(r.out.starts_with("# Revenue Operations roadmap: what changes for sellers\n"));
        // No scorecard, no percentages, no task lists, no risk arithmetic.
        for (const char* absent : {"%", "Key results", "Tasks of", "North Star", "▓", "Load per owner", "```"})
            CHECK(r.out.find(absent) == std::string::npos);
        // The next four weeks: open epics due 2026-11-23..2026-12-21, earliest first, each with someone to ask.
        CHECK(r.out.find("| 2026-11-27 | Create billing accounts from the CRM at signature | Noah Dubois "
                         "<noah.dubois@example.com> |\n| 2026-12-04 | Weekly forecast call") != std::string::npos);
        CHECK(r.out.find("| 2026-12-18 | Onboarding kit for new sellers | Camille Martin") != std::string::npos);
        // Overdue and done epics are not "coming".
        CHECK(r.out.find("Mandatory fields at each opportunity stage") == std::string::npos);
        // The run stream's support entry points.
        CHECK(r.out.find("| CRM access, licences and leavers | Léa Schneider <lea.schneider@example.com> |") !=
              std::string::npos);
        // Two weeks later, a finished epic with its due date in the window is shipped (dated by its due date).
        const auto later = test::boussole(
            {"report", "--no-history", "examples/revops", "--as-of", "2026-11-05", "--audience", "sellers"});
        CHECK(later.out.find("| 2026-10-30 | One quote template per country in the CPQ | Noah Dubois") !=
              std::string::npos);
        CHECK(later.out.find("Done on: its due date") != std::string::npos);
    }

    TEST_CASE("--owner and --stream narrow any audience to that work, and say so in the header") {
        auto report = [](std::vector<std::string> more) {
            std::vector<std::string> args{"report", "--no-history", "examples/revops", "--as-of", "2026-11-23"};
            args.insert(args.end(), more.begin(), more.end());
            return test::boussole(args);
        };
        const auto whole = report({});
        const auto lea = report({"--owner", "lea"});
        REQUIRE(lea.status == 0);
        CHECK(lea.out.find("- **Scope:** the work of Léa Schneider only") != std::string::npos);
        // Her epics (owned or helped with) and her tasks elsewhere; not others' work.
        CHECK(lea.out.find("Deduplicate accounts across the three countries") != std::string::npos);  // owns
        CHECK(lea.out.find("Route inbound leads by country and segment") != std::string::npos);       // helps
        CHECK(lea.out.find("- [ ] Approval flow in the CRM (Léa Schneider)") != std::string::npos);   // her task
        CHECK(lea.out.find("Approval matrix by discount level") == std::string::npos);  // Camille's task there
        CHECK(lea.out.find("Weekly forecast call with one shared view") == std::string::npos);
        // The figures are over her work: not the whole team's.
        const auto work_done = [](const std::string& out) {
            return out.substr(out.find("**Planned work done:**"), 60);
        };
        CHECK(work_done(lea.out) != work_done(whole.out));
        // The load table counts the open epics of her work only: Camille's forecast-cadence is not.
        CHECK(whole.out.find("| Camille Martin | 2 |") != std::string::npos);
        CHECK(lea.out.find("| Camille Martin | 1 |") != std::string::npos);

        const auto crm = report({"--stream", "crm", "--audience", "leadership"});
        REQUIRE(crm.status == 0);
        CHECK(crm.out.find("- **Scope:** the stream CRM data quality only") != std::string::npos);
        CHECK(crm.out.find("Lead routing and response") == std::string::npos);
        // Only the key results its epics serve.
        CHECK(crm.out.find("crm-completeness") != std::string::npos);
        CHECK(crm.out.find("lead-response") == std::string::npos);

        const auto both = report({"--stream", "billing", "--owner", "camille", "--audience", "sellers"});
        REQUIRE(both.status == 0);
        CHECK(both.out.find("the work of Camille Martin in the stream Quote-to-cash and billing only") !=
              std::string::npos);
        CHECK(both.out.find("Discount approvals in the CRM instead of e-mail") != std::string::npos);
        CHECK(both.out.find("Weekly forecast call") == std::string::npos);
        // Narrowed away, the run's activities are out of scope, not absent from the roadmap.
        CHECK(both.out.find("No support activity is in this scope: run the report without --owner or --stream") !=
              std::string::npos);
    }

    TEST_CASE("--owner and --stream: an id the roadmap does not declare is a usage error naming it") {
        auto r = test::boussole({"report", "--no-history", "examples/revops", "--owner", "leah"});
        CHECK(r.status == 2);
        CHECK(r.out.empty());
        CHECK(
            r.err ==
            "boussole: error: --owner 'leah': no person has this id (did you mean 'lea'?); give one of: camille, lea, "
            "sam, noah\n");
        r = test::boussole(
            {"report", "--no-history", "examples/revops", "--stream", "billng", "--audience", "sellers"});
        CHECK(r.status == 2);
        CHECK(r.err.find("--stream 'billng': no stream has this id (did you mean 'billing'?)") != std::string::npos);
        r = test::boussole({"report", "--no-history", "examples/revops", "--stream", "zzz"});
        CHECK(r.status == 2);
        CHECK(r.err.find("--stream 'zzz': no stream has this id; give one of: ") != std::string::npos);
    }
}
