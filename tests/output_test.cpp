#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "boussole/output.hpp"
#include "boussole/plan.hpp"
#include "boussole/recap.hpp"
#include "support.hpp"

using namespace boussole;

namespace {

LintResult one(std::string file, std::string rule, std::string message, Severity s = Severity::error) {
    LintResult r;
    r.files = 1;
    Diagnostic d;
    d.file = std::move(file);
    d.line = 3;
    d.column = 5;
    d.end_line = 3;
    d.end_column = 9;
    d.severity = s;
    d.rule = std::move(rule);
    d.message = std::move(message);
    r.diagnostics.push_back(d);
    (s == Severity::error ? r.errors : s == Severity::warning ? r.warnings : r.infos) = 1;
    return r;
}

}  // namespace

TEST_SUITE("output") {
    TEST_CASE("every JSON document is dumped in one place, so bytes that are not UTF-8 never throw") {
        // json_document() (visible.hpp) replaces invalid UTF-8 with U+FFFD; a direct .dump() in
        // a renderer throws nlohmann's type_error on such bytes (the diff's JSON did, found by
        // the fuzzer).
        namespace fs = std::filesystem;
        std::vector<std::string> offenders;
        for (const char* dir : {"src", "include"})
            for (const auto& e : fs::recursive_directory_iterator(test::source_dir() + "/" + dir)) {
                if (!e.is_regular_file() || e.path().filename() == "visible.hpp") continue;
                if (test::slurp(e.path().string()).find(".dump(") != std::string::npos)
                    offenders.push_back(e.path().filename().string());
            }
        CHECK(offenders == std::vector<std::string>{});
    }

    TEST_CASE("the diff's JSON of a title that is not UTF-8 shows U+FFFD") {
        using namespace boussole;
        DiffContent diff;
        diff.path = "roadmap.yaml";
        Change added{ChangeKind::epic_added, "e", "caf\xe9 \xa0", "", "", "", std::nullopt};
        diff.changes.push_back(added);
        const auto doc = nlohmann::json::parse(render_diff_json(diff));
        CHECK(doc["changes"][0]["title"] == "caf\uFFFD \uFFFD");
    }

    TEST_CASE("github: messages escape %, properties also : and ,; line breaks and controls shown as \\n \\x1b") {
        const auto r = one("road,map/a:b%.yaml", "unknown-key", "100% of 'a,b: c'\r\nsecond line");
        const std::string out = render_github(r);
        CHECK(out.starts_with(
            "::error file=road%2Cmap/a%3Ab%25.yaml,line=3,col=5,endLine=3,endColumn=8,title=unknown-key::"
            "100%25 of 'a,b: c'\\r\\nsecond line\n"));
        // A file name or rule with a line break or an escape sequence: one line, nothing raw.
        CHECK(render_github(one("a\nb\x1b.yaml", "x\r", "m\x1b[2J"))
                  .starts_with(
                      "::error file=a\\nb\\x1b.yaml,line=3,col=5,endLine=3,endColumn=8,title=x\\r::m\\x1b[2J\n"));
        CHECK(out.ends_with("1 error, 0 warnings in 1 file\n"));
        CHECK(render_github(one("a.yaml", "x", "m", Severity::warning)).starts_with("::warning "));
        CHECK(render_github(one("a.yaml", "x", "m", Severity::info)).starts_with("::notice "));
    }

    TEST_CASE("github: a region without length ends where it starts") {
        auto r = one("a.yaml", "missing-owner", "m");
        r.diagnostics[0].end_column = r.diagnostics[0].column + 1;
        CHECK(render_github(r).find(",col=5,endLine=3,endColumn=5,") != std::string::npos);
    }

    TEST_CASE("fingerprints: stable, unique, and blind to line moves") {
        LintResult r = one("a.yaml", "missing-owner", "stream 's' has no owner");
        r.diagnostics.push_back(r.diagnostics[0]);  // the same finding twice
        r.diagnostics.push_back(one("a.yaml", "missing-owner", "stream 't' has no owner").diagnostics[0]);
        const auto a = fingerprints(r);
        CHECK(a.size() == 3);
        CHECK(std::set<std::string>(a.begin(), a.end()).size() == 3);
        CHECK(a[0].size() == 32);
        r.diagnostics[0].line = 40;
        CHECK(fingerprints(r) == a);
        CHECK(fingerprints(r) == fingerprints(r));
    }

    TEST_CASE("gitlab: severities on GitLab's scale, every field present") {
        const auto j = nlohmann::json::parse(render_gitlab(one("a b.yaml", "missing-due", "m", Severity::warning)));
        REQUIRE(j.is_array());
        REQUIRE(j.size() == 1);
        CHECK(j[0]["severity"] == "minor");
        CHECK(j[0]["check_name"] == "missing-due");
        CHECK(j[0]["description"] == "m");
        CHECK(j[0]["location"]["path"] == "a b.yaml");
        CHECK(j[0]["location"]["lines"]["begin"] == 3);
        CHECK(nlohmann::json::parse(render_gitlab(one("a.yaml", "x", "m")))[0]["severity"] == "major");
        CHECK(nlohmann::json::parse(render_gitlab(one("a.yaml", "x", "m", Severity::info)))[0]["severity"] == "info");
        CHECK(nlohmann::json::parse(render_gitlab(LintResult{})).empty());
    }

    TEST_CASE("sarif: rules, rule index, level, URI encoding, region, fingerprints") {
        const auto j =
            nlohmann::json::parse(render_sarif(one("dir with space/é.yaml", "missing-due", "m", Severity::info)));
        CHECK(j["version"] == "2.1.0");
        const auto& run = j["runs"][0];
        CHECK(run["columnKind"] == "unicodeCodePoints");
        const auto& rules = run["tool"]["driver"]["rules"];
        CHECK(rules.size() == all_rules().size());
        const auto& res = run["results"][0];
        CHECK(res["level"] == "note");
        CHECK(rules[res["ruleIndex"].get<std::size_t>()]["id"] == "missing-due");
        CHECK(rules[res["ruleIndex"].get<std::size_t>()]["defaultConfiguration"]["level"] == "warning");
        CHECK(rules[0]["name"] == "YamlSyntax");
        const auto& loc = res["locations"][0]["physicalLocation"];
        CHECK(loc["artifactLocation"]["uri"] == "dir%20with%20space/%C3%A9.yaml");
        CHECK(loc["region"]["startLine"] == 3);
        CHECK(loc["region"]["startColumn"] == 5);
        CHECK(loc["region"]["endColumn"] == 9);
        CHECK(res["partialFingerprints"]["boussole/v1"].get<std::string>().size() == 32);
    }

    TEST_CASE("sarif: a file inside the source root is relative to %SRCROOT%, one outside is a file:// URI") {
        const auto location = [](const std::string& file) {
            const auto j = nlohmann::json::parse(render_sarif(one(file, "missing-due", "m"), "/work/repo"));
            return j["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
        };
        const auto inside = location("/work/repo/road map/été.yaml");
        CHECK(inside["uri"] == "road%20map/%C3%A9t%C3%A9.yaml");
        CHECK(inside["uriBaseId"] == "%SRCROOT%");
        const auto outside = location("/tmp/rö ad/my plan.yaml");
        CHECK(outside["uri"] == "file:///tmp/r%C3%B6%20ad/my%20plan.yaml");
        CHECK_FALSE(outside.contains("uriBaseId"));
        const auto sibling = location("/work/repository/x.yaml");  // shares a prefix, not a folder
        CHECK(sibling["uri"] == "file:///work/repository/x.yaml");
        CHECK_FALSE(sibling.contains("uriBaseId"));
    }
}
