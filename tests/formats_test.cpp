// End-to-end: every lint format on the same roadmap, golden files, and agreement with json.
#include <doctest/doctest.h>

#include <set>
#include <sstream>
#include <tuple>

#include <nlohmann/json.hpp>

#include "support.hpp"

using test::boussole;
using Key = std::tuple<std::string, int, int, std::string, std::string>;  // file, line, column, rule, message

namespace {

std::string unescape(std::string s) {
    for (const auto& [from, to] : {std::pair{"%0D", "\r"}, {"%0A", "\n"}, {"%3A", ":"}, {"%2C", ","}, {"%25", "%"}})
        for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + 1)) s.replace(at, 3, to);
    return s;
}

std::multiset<Key> from_json(const std::string& text) {
    std::multiset<Key> out;
    const auto doc = nlohmann::json::parse(text);  // iterating a member of a temporary would dangle
    for (const auto& d : doc["diagnostics"]) out.emplace(d["file"], d["line"], d["column"], d["rule"], d["message"]);
    return out;
}

}  // namespace

TEST_SUITE("formats") {
    const std::vector<std::string> roadmap{"examples/broken"};

    TEST_CASE("golden: github, sarif and gitlab on the broken example") {
        for (const char* format : {"github", "sarif", "gitlab"}) {
            CAPTURE(format);
            const auto r = boussole({"lint", "--format", format, "examples/broken"});
            CHECK(r.status == 1);
            test::check_golden(std::string("broken.") + format, r.out);
        }
    }

    TEST_CASE("every format reports exactly the diagnostics of json") {
        const auto expected = from_json(boussole({"lint", "--format", "json", "examples/broken"}).out);
        REQUIRE(expected.size() == 22);

        std::multiset<Key> github;
        std::istringstream lines(boussole({"lint", "--format", "github", "examples/broken"}).out);
        for (std::string line; std::getline(lines, line);) {
            if (!line.starts_with("::")) continue;
            const auto props = line.substr(line.find(' ') + 1, line.find("::", 2) - line.find(' ') - 1);
            std::map<std::string, std::string> p;
            std::istringstream ps(props);
            for (std::string kv; std::getline(ps, kv, ',');)
                p[kv.substr(0, kv.find('='))] = unescape(kv.substr(kv.find('=') + 1));
            github.emplace(p["file"], std::stoi(p["line"]), std::stoi(p["col"]), p["title"],
                           unescape(line.substr(line.find("::", 2) + 2)));
        }
        CHECK(github == expected);

        std::multiset<Key> sarif;
        const auto log = nlohmann::json::parse(boussole({"lint", "--format", "sarif", "examples/broken"}).out);
        for (const auto& res : log["runs"][0]["results"]) {
            const auto& loc = res["locations"][0]["physicalLocation"];
            sarif.emplace(loc["artifactLocation"]["uri"], loc["region"]["startLine"], loc["region"]["startColumn"],
                          res["ruleId"], res["message"]["text"]);
        }
        CHECK(sarif == expected);

        std::multiset<std::tuple<std::string, int, std::string, std::string>> gitlab, expected_lines;
        for (const auto& d : nlohmann::json::parse(boussole({"lint", "--format", "gitlab", "examples/broken"}).out))
            gitlab.emplace(d["location"]["path"], d["location"]["lines"]["begin"], d["check_name"], d["description"]);
        for (const auto& [file, line, col, rule, message] : expected) expected_lines.emplace(file, line, rule, message);
        CHECK(gitlab == expected_lines);
    }

    TEST_CASE("the SARIF log validates against the official SARIF 2.1.0 schema") {
        const std::string dir = test::temp_dir("sarif");
        for (const char* path : {"examples/broken", "examples/revops", "tests/rules/yaml-syntax.yaml"}) {
            CAPTURE(path);
            const auto r = boussole({"lint", "--format", "sarif", "-o", dir + "/log.sarif", path});
            CHECK(r.status <= 1);
            const auto v = test::run({"/usr/bin/python3", test::source_dir() + "/tests/tools/validate.py",
                                      test::source_dir() + "/doc/spec/sarif-schema-2.1.0.json", dir + "/log.sarif"});
            CHECK(v.status == 0);
            CHECK(v.err == "");
            CHECK(v.out == "OK " + dir + "/log.sarif\n");
        }
    }

    TEST_CASE("GITHUB_ACTIONS=true makes github the default format; --format still wins") {
        auto r = boussole({"lint", "examples/broken"}, {"GITHUB_ACTIONS=true"});
        CHECK(r.out.starts_with("::error file=examples/broken/objectives.yaml,line=6,col=71,"));
        r = boussole({"lint", "--format", "text", "examples/broken"}, {"GITHUB_ACTIONS=true"});
        CHECK(r.out.starts_with("examples/broken/objectives.yaml:6:71: error: "));
        r = boussole({"lint", "examples/broken"}, {"GITHUB_ACTIONS=false"});
        CHECK(r.out.starts_with("examples/broken/objectives.yaml:6:71: error: "));
    }

    TEST_CASE("user text with commas, colons, percent signs and newlines survives every format") {
        const std::string dir = test::temp_dir("escaping");
        test::write(dir + "/r,o:a%d.yaml",
                    "roadmap: {name: N, period: 2026-Q4}\n"
                    "streams:\n"
                    "  - id: s\n"
                    "    title: S\n"
                    "    \"own,er: 100%\\nx\": sam\n");
        const auto json = boussole({"lint", "--format", "json", dir});
        const auto expected = from_json(json.out);
        bool found = false;
        for (const auto& k : expected) found |= std::get<4>(k).find("unknown key 'own,er: 100%\nx'") == 0;
        CHECK(found);
        const auto gh = boussole({"lint", "--format", "github", dir});
        CHECK(gh.out.find("title=unknown-key::unknown key 'own,er: 100%25\\nx' in a stream") != std::string::npos);
        CHECK(gh.out.find("r%2Co%3Aa%25d.yaml") != std::string::npos);
        for (const char* format : {"sarif", "gitlab"}) {
            const auto parsed = nlohmann::json::parse(boussole({"lint", "--format", format, dir}).out, nullptr, false);
            CHECK_FALSE(parsed.is_discarded());
        }
    }
}
