// `boussole schema` and `boussole init`.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "support.hpp"

namespace fs = std::filesystem;
using test::boussole;

namespace {

// Lines of validate.py for these files against the schema boussole prints.
std::vector<std::string> validate(const std::vector<std::string>& files) {
    const std::string dir = test::temp_dir("schema");
    REQUIRE(boussole({"schema", "-o", dir + "/schema.json"}).status == 0);
    std::vector<std::string> args{"/usr/bin/python3", test::source_dir() + "/tests/tools/validate.py",
                                  dir + "/schema.json"};
    args.insert(args.end(), files.begin(), files.end());
    const auto r = test::run(args);
    CHECK(r.status == 0);
    CHECK(r.err == "");
    std::vector<std::string> lines;
    std::istringstream in(r.out);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    return lines;
}

std::vector<std::string> yaml_under(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.path().extension() == ".yaml") out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_SUITE("scaffold") {
    TEST_CASE("the schema accepts the shipped example, the clean fixture and a fresh starter") {
        const std::string dir = test::temp_dir("schema-ok");
        REQUIRE(test::run({test::binary(), "init", dir + "/roadmap"}).status == 0);
        std::vector<std::string> files = yaml_under(test::source_dir() + "/examples/revops");
        files.push_back(test::source_dir() + "/tests/rules/clean.yaml");
        for (const std::string& f : yaml_under(dir + "/roadmap")) files.push_back(f);
        const auto lines = validate(files);
        CHECK(lines.size() == files.size());
        for (const std::string& l : lines) CHECK(l.starts_with("OK "));
    }

    TEST_CASE("the schema rejects typos, wrong enumerations, bad dates and ids, and allows x- keys") {
        const std::string dir = test::temp_dir("schema-bad");
        const std::string base = "roadmap: {name: N, period: 2026-Q4}\nstreams:\n  - id: s\n    title: S\n";
        const std::vector<std::pair<std::string, std::string>> cases{
            {"typo", base + "    ownr: sam\n"},
            {"enum", base + "    kind: ops\n"},
            {"date", base + "    epics: [{id: e, title: E, due: 26/08/2026}]\n"},
            {"id", base + "    epics: [{id: Big Epic, title: E}]\n"},
            {"period", "roadmap: {name: N, period: 2026-Q5}\n"},
            {"top", "roadmaps: {name: N}\n"},
            {"required", "streams: [{id: s}]\n"},
            {"severity", "roadmap: {name: N, period: 2026-Q4, lint: {rules: {missing-due: loud}}}\n"},
            {"rule", "roadmap: {name: N, period: 2026-Q4, lint: {rules: {missing-dues: off}}}\n"},
        };
        std::vector<std::string> files;
        for (const auto& [name, text] : cases) {
            test::write(dir + "/" + name + ".yaml", text);
            files.push_back(dir + "/" + name + ".yaml");
        }
        test::write(dir + "/own-keys.yaml",
                    base + "    x-jira: OPS-1\n    epics: [{id: e, title: E, x-note: {any: thing}}]\n");
        files.push_back(dir + "/own-keys.yaml");
        const auto lines = validate(files);
        REQUIRE(lines.size() == files.size());
        for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
            CAPTURE(lines[i]);
            CHECK(lines[i].starts_with("FAIL "));
        }
        CHECK(lines.back().starts_with("OK "));
    }

    TEST_CASE("the schema documents every key for hover help") {
        const auto r = boussole({"schema"});
        CHECK(r.status == 0);
        CHECK(r.out.find("\"$schema\": \"http://json-schema.org/draft-07/schema#\"") != std::string::npos);
        CHECK(r.out.find("\"description\": \"One accountable owner (warned when absent).\"") != std::string::npos);
        CHECK(r.out.find("\"additionalProperties\": false") != std::string::npos);
    }

    TEST_CASE("init writes a starter that lints clean with no warning") {
        const std::string dir = test::temp_dir("init");
        const auto r = test::run({test::binary(), "init"}, dir);
        CHECK(r.status == 0);
        CHECK(r.out.find("roadmap/streams/run.yaml") != std::string::npos);
        const auto lint = test::run({test::binary(), "lint", "--strict"}, dir, {"NO_COLOR=", "GITHUB_ACTIONS="});
        CHECK(lint.status == 0);
        CHECK(lint.out == "0 errors, 0 warnings in 4 files\n");
        // Every part of the format is shown.
        std::string all;
        for (const std::string& f : yaml_under(dir + "/roadmap")) all += test::slurp(f);
        for (const char* part : {"north_star:", "people:", "metrics:", "objectives:", "key_results:", "kind: run",
                                 "tasks:", "depends_on:", "dropped_reason:", "lint:", "contributors:", "deliverables:",
                                 "confidence:", "checked_on:", "cadence:", "update:", "status: proposed"})
            CHECK_MESSAGE(all.find(part) != std::string::npos, part);
        // No staging folder is left behind.
        for (const auto& e : fs::directory_iterator(dir)) CHECK(e.path().filename() == "roadmap");
    }

    TEST_CASE("init --lang fr writes a French starter that lints clean and reports in French") {
        const std::string dir = test::temp_dir("init-fr");
        const auto r = test::run({test::binary(), "init", "--lang", "fr"}, dir);
        CHECK(r.status == 0);
        const auto lint = test::run({test::binary(), "lint", "--strict"}, dir, {"NO_COLOR=", "GITHUB_ACTIONS="});
        CHECK(lint.status == 0);
        CHECK(lint.out == "0 errors, 0 warnings in 4 files\n");
        std::string all;
        for (const std::string& f : yaml_under(dir + "/roadmap")) all += test::slurp(f);
        CHECK(all.find("  language: fr ") != std::string::npos);
        for (const char* part : {"north_star:", "people:", "metrics:", "objectives:", "key_results:", "kind: run",
                                 "tasks:", "depends_on:", "dropped_reason:", "lint:", "contributors:", "deliverables:",
                                 "confidence:", "checked_on:", "cadence:", "update:", "status: proposed"})
            CHECK_MESSAGE(all.find(part) != std::string::npos, part);
        // Its comments and sample texts are French: no line of the English starter is in it but
        // the format's own (keys, ids, values such as `status: in-progress`).
        const std::string english_dir = test::temp_dir("init-en");
        REQUIRE(test::run({test::binary(), "init"}, english_dir).status == 0);
        for (const std::string& f : yaml_under(english_dir + "/roadmap")) {
            const std::string text = test::slurp(f);
            std::size_t start = 0;
            while (start < text.size()) {
                const std::size_t end = std::min(text.find('\n', start), text.size());
                const std::string line = text.substr(start, end - start);
                start = end + 1;
                const bool prose = line.find("# ") != std::string::npos || line.find("title: ") != std::string::npos ||
                                   line.find("name: ") != std::string::npos;
                if (prose) CHECK_MESSAGE(all.find(line) == std::string::npos, line);
            }
        }
        const auto report = test::run({test::binary(), "report", "roadmap"}, dir);
        CHECK(report.status == 0);
        CHECK(report.out.starts_with("# Feuille de route Opérations\u00a0: point d’avancement\n"));
        // The sample update is shown under its epic (outside git: without a date).
        CHECK(report.out.find("Mise à jour de «\u00a0formulaire-demande\u00a0»\u00a0: Fait : types de demandes "
                              "listés.") != std::string::npos);
        // The sample proposal is in the backlog, not in the planned work.
        CHECK(report.out.find("## Propositions en attente\n") != std::string::npos);
        CHECK(report.out.find("| P2 | Tableaux de bord en libre-service") != std::string::npos);
    }

    TEST_CASE("init refuses a folder that holds YAML, and touches nothing") {
        const std::string dir = test::temp_dir("init-refuse");
        test::write(dir + "/roadmap/mine.yml", "streams: []\n");
        auto r = test::run({test::binary(), "init"}, dir);
        CHECK(r.status == 2);
        CHECK(r.err.find("already holds YAML") != std::string::npos);
        CHECK(yaml_under(dir + "/roadmap").empty());  // .yml is not listed by yaml_under: nothing added
        CHECK(test::slurp(dir + "/roadmap/mine.yml") == "streams: []\n");
        CHECK(std::distance(fs::directory_iterator(dir + "/roadmap"), fs::directory_iterator{}) == 1);

        test::write(dir + "/notes/README.md", "hello\n");  // a folder without YAML is fine
        CHECK(test::run({test::binary(), "init", "notes"}, dir).status == 0);
        CHECK(test::slurp(dir + "/notes/README.md") == "hello\n");
        CHECK(fs::exists(dir + "/notes/streams/intake.yaml"));

        test::write(dir + "/file", "x");
        CHECK(test::run({test::binary(), "init", "file"}, dir).status == 2);
        CHECK(test::run({test::binary(), "init", "/proc/no-such-place/roadmap"}, dir).status == 2);
    }
}
