// `boussole lsp` (issue 18, part 2a): completion (keys from the format table, enumerations, ids)
// and hover (an id's entity with the report's figures, a diagnostic's rule).
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "boussole/format.hpp"
#include "boussole/lint.hpp"
#include "lsp_support.hpp"

namespace {

using namespace lsp_support;
using boussole::format::Entity;

// A session on a copy of a shipped example, with one file's text as the editor has it.
struct Editor {
    std::string root;
    Session s;
    int next = 100;

    explicit Editor(const std::string& name, const std::string& example = "revops", json capabilities = json::object())
        : root(example_workspace(name, example)) {
        s.initialize(root, std::move(capabilities));
        s.idle();
    }
    std::string path(const std::string& relative) const { return root + "/roadmap/" + relative; }
    std::string disk(const std::string& relative) const { return test::slurp(path(relative)); }
    // Opens `relative` with `text` and lints it: what the server published.
    std::vector<json> edit(const std::string& relative, const std::string& text) {
        s.open(path(relative), text);
        return s.idle();
    }
    json ask(const std::string& method, const std::string& relative, int line, int character) {
        const int id = next++;
        s.request(id, method,
                  {{"textDocument", {{"uri", uri_of_path(path(relative))}}},
                   {"position", {{"line", line}, {"character", character}}}});
        const std::vector<json> written = s.take();
        s.out.str("");  // read: let it go, so that many questions cost each its own answer
        s.seen = 0;
        for (const json& m : written)
            if (m.contains("id") && m["id"] == id) {
                REQUIRE_MESSAGE(m.contains("result"), m.dump());
                return m["result"];
            }
        FAIL("no answer to " << method);
        return nullptr;
    }
    // The completion items at (line, character), by label.
    std::map<std::string, json> complete(const std::string& relative, int line, int character) {
        const json r = ask("textDocument/completion", relative, line, character);
        std::map<std::string, json> out;
        REQUIRE(r.is_object());
        for (const json& item : r["items"]) out[item["label"]] = item;
        return out;
    }
};

// The line (0-based) of `text` that `needle` starts on.
int line_with(const std::string& text, const std::string& needle) {
    const std::size_t at = text.find(needle);
    REQUIRE_MESSAGE(at != std::string::npos, needle);
    return static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

// `text` with `insert` put on a line of its own after the line holding `after`.
std::string with_line_after(const std::string& text, const std::string& after, const std::string& insert) {
    const std::size_t at = text.find(after);
    REQUIRE_MESSAGE(at != std::string::npos, after);
    const std::size_t end = text.find('\n', at) + 1;
    return text.substr(0, end) + insert + "\n" + text.substr(end);
}

std::set<std::string> labels(const std::map<std::string, json>& items) {
    std::set<std::string> out;
    for (const auto& [label, item] : items) out.insert(label);
    return out;
}

// The keys of `e` in the format table, less `written`.
std::set<std::string> keys_but(Entity e, const std::set<std::string>& written) {
    std::set<std::string> out;
    for (const auto& k : boussole::format::keys(e))
        if (!written.count(std::string(k.name))) out.insert(std::string(k.name));
    return out;
}

std::set<std::string> strings(std::span<const std::string_view> values) { return {values.begin(), values.end()}; }

// The cells of the report's table row whose first cell contains `needle`.
std::vector<std::string> report_row(const std::string& report, const std::string& needle) {
    std::istringstream in(report);
    for (std::string line; std::getline(in, line);) {
        if (!line.starts_with("| ") || line.find(needle) == std::string::npos) continue;
        std::vector<std::string> cells;
        std::size_t start = 2;
        for (std::size_t bar = line.find(" |", start); bar != std::string::npos; bar = line.find(" |", start)) {
            cells.push_back(line.substr(start, bar - start));
            start = bar + 3;
        }
        if (!cells.empty() && cells[0].ends_with(needle)) return cells;
    }
    FAIL("no row " << needle);
    return {};
}

}  // namespace

TEST_SUITE("lsp") {
    TEST_CASE("completion: the keys of the block at the cursor, from the format table, less those written") {
        Editor e("complete-keys");
        SUBCASE("an epic (block), with each key's documentation and kind Property") {
            const std::string text = e.disk("streams/billing.yaml");
            const std::string edited = with_line_after(text, "        contributors: [lea]", "        ");
            e.edit("streams/billing.yaml", edited);
            const int line = line_with(edited, "        contributors: [lea]") + 1;
            const auto items = e.complete("streams/billing.yaml", line, 8);
            CHECK(labels(items) ==
                  keys_but(Entity::epic, {"id", "title", "owner", "contributors", "status", "priority", "start", "due",
                                          "estimate", "key_results", "update", "deliverables", "tasks"}));
            const json& dep = items.at("depends_on");
            CHECK(dep["kind"] == 10);
            CHECK(dep["documentation"]["kind"] == "markdown");
            CHECK(dep["documentation"]["value"] ==
                  std::string(boussole::format::key(Entity::epic, "depends_on").description));
            CHECK(dep["textEdit"]["newText"] == "depends_on: ");
            CHECK(dep["textEdit"]["range"]["start"] == json({{"line", line}, {"character", 8}}));
        }
        SUBCASE("a stream, a half-typed key filtered by its prefix and replaced") {
            const std::string text = e.disk("streams/billing.yaml");
            const std::string edited = with_line_after(text, "    owner: noah", "    ki");
            e.edit("streams/billing.yaml", edited);
            const int line = line_with(edited, "    ki");
            const auto items = e.complete("streams/billing.yaml", line, 6);
            CHECK(labels(items) == std::set<std::string>{"kind"});
            CHECK(items.at("kind")["textEdit"]["range"]["start"]["character"] == 4);
            CHECK(items.at("kind")["textEdit"]["range"]["end"]["character"] == 6);
            // At the stream's column without a prefix: every stream key not written.
            const std::string blank = with_line_after(text, "    owner: noah", "    ");
            e.edit("streams/billing.yaml", blank);
            CHECK(labels(e.complete("streams/billing.yaml", line, 4)) ==
                  keys_but(Entity::stream, {"id", "title", "owner", "description", "epics"}));
        }
        SUBCASE("a task in a flow mapping, a new list item, the top of a file") {
            const std::string text = e.disk("streams/billing.yaml");
            const std::string flow = with_line_after(text, "tasks:\n", "          - {title: Check, }");
            e.edit("streams/billing.yaml", flow);
            const int line = line_with(flow, "          - {title: Check, }");
            CHECK(labels(e.complete("streams/billing.yaml", line, 27)) == keys_but(Entity::task, {"title"}));
            const std::string item = with_line_after(text, "    epics:", "      - ");
            e.edit("streams/billing.yaml", item);
            CHECK(labels(e.complete("streams/billing.yaml", line_with(item, "    epics:") + 1, 8)) ==
                  keys_but(Entity::epic, {}));
            e.edit("streams/new.yaml", "\n");
            CHECK(labels(e.complete("streams/new.yaml", 0, 0)) == keys_but(Entity::file, {}));
        }
        SUBCASE("the roadmap block, the North Star, lint settings and rule ids, a person, a key result, a metric") {
            const std::string roadmap = e.disk("roadmap.yaml");
            std::string edited = with_line_after(roadmap, "  period: 2026-Q4", "  ");
            e.edit("roadmap.yaml", edited);
            const int top = line_with(edited, "  period: 2026-Q4") + 1;
            CHECK(labels(e.complete("roadmap.yaml", top, 2)) ==
                  keys_but(Entity::roadmap, {"name", "team", "champion", "mission", "period", "north_star", "lint"}));
            edited = with_line_after(roadmap, "    confidence: 0.6", "    ");
            e.edit("roadmap.yaml", edited);
            CHECK(labels(e.complete("roadmap.yaml", line_with(edited, "    confidence: 0.6") + 1, 4)) ==
                  keys_but(Entity::north_star,
                           {"title", "metric", "unit", "baseline", "target", "current", "confidence", "owner"}));
            edited = with_line_after(roadmap, "    themes: {min: 3, max: 8}", "    rules:\n      no-");
            e.edit("roadmap.yaml", edited);
            const auto rules = e.complete("roadmap.yaml", line_with(edited, "      no-"), 9);
            CHECK(labels(rules) == std::set<std::string>{"no-run-stream"});
            CHECK(rules.at("no-run-stream")["documentation"]["value"].get<std::string>().find(
                      std::string(boussole::find_rule("no-run-stream")->why)) != std::string::npos);

            const std::string people = e.disk("people.yaml");
            const std::string person = people + "  - id: zoe\n    \n";
            e.edit("people.yaml", person);
            CHECK(labels(e.complete("people.yaml", line_with(person, "  - id: zoe") + 1, 4)) ==
                  keys_but(Entity::person, {"id"}));

            const std::string objectives = e.disk("objectives.yaml");
            const std::string kr = with_line_after(objectives, "        current: 3.5", "        ");
            e.edit("objectives.yaml", kr);
            CHECK(labels(e.complete("objectives.yaml", line_with(kr, "        current: 3.5") + 1, 8)) ==
                  keys_but(Entity::key_result, {"id", "title", "metric", "unit", "baseline", "target", "current"}));
            const std::string objective = with_line_after(objectives, "    owner: noah", "    ");
            e.edit("objectives.yaml", objective);
            CHECK(labels(e.complete("objectives.yaml", line_with(objective, "    owner: noah") + 1, 4)) ==
                  keys_but(Entity::objective, {"id", "title", "owner", "key_results"}));

            const std::string metrics = e.disk("metrics.yaml");
            const std::string metric = with_line_after(metrics, "    owner: sam", "    ");
            e.edit("metrics.yaml", metric);
            CHECK(labels(e.complete("metrics.yaml", line_with(metric, "    owner: sam") + 1, 4)) ==
                  keys_but(Entity::metric, {"id", "name", "unit", "dashboard", "owner"}));
        }
    }

    TEST_CASE("completion: enumerations from the format's choices, and rule severities") {
        Editor e("complete-enums");
        const std::string text = e.disk("streams/billing.yaml");
        std::string edited = with_line_after(text, "        priority: P0", "        status: ");
        e.edit("streams/billing.yaml", edited);
        int line = line_with(edited, "        priority: P0") + 1;
        auto items = e.complete("streams/billing.yaml", line, 16);
        CHECK(labels(items) == strings(boussole::format::epic_statuses));
        CHECK(items.at("blocked")["kind"] == 20);
        CHECK(items.at("blocked")["documentation"]["value"] ==
              std::string(boussole::format::key(Entity::epic, "status").description));
        // A task's status, in a flow mapping: the task's choices, not the epic's.
        edited = with_line_after(text, "tasks:\n", "          - {title: Check, status: d");
        e.edit("streams/billing.yaml", edited);
        line = line_with(edited, "          - {title: Check, status: d");
        items = e.complete("streams/billing.yaml", line, 36);
        CHECK(labels(items) == std::set<std::string>{"doing", "done", "dropped"});
        CHECK(items.at("doing")["textEdit"]["range"]["start"]["character"] == 35);
        // A stream's kind right after the colon: the space is inserted too.
        edited = with_line_after(text, "    owner: noah", "    kind:");
        e.edit("streams/billing.yaml", edited);
        items = e.complete("streams/billing.yaml", line_with(edited, "    kind:"), 9);
        CHECK(labels(items) == strings(boussole::format::stream_kinds));
        CHECK(items.at("run")["textEdit"]["newText"] == " run");
        // Priority, with its prefix replaced.
        edited = with_line_after(text, "        owner: noah", "        priority: P");
        e.edit("streams/billing.yaml", edited);
        items = e.complete("streams/billing.yaml", line_with(edited, "        priority: P"), 19);
        CHECK(labels(items) == strings(boussole::format::priorities));
        CHECK(items.at("P2")["textEdit"]["range"]["start"]["character"] == 18);
        // A rule's severity under roadmap.lint.rules.
        const std::string roadmap = e.disk("roadmap.yaml");
        edited = with_line_after(roadmap, "    themes: {min: 3, max: 8}", "    rules: {missing-due: ");
        e.edit("roadmap.yaml", edited);
        CHECK(labels(e.complete("roadmap.yaml", line_with(edited, "    rules: {missing-due: "), 25)) ==
              strings(boussole::format::severity_names));
    }

    TEST_CASE("completion: ids with their details, in flow and block lists, filtered by the typed prefix") {
        Editor e("complete-ids");
        const std::string text = e.disk("streams/billing.yaml");
        SUBCASE("owner: the people, with name and role; a prefix keeps those it starts") {
            std::string edited = with_line_after(text, "      - id: quote-templates", "        owner: ");
            e.edit("streams/billing.yaml", edited);
            const int line = line_with(edited, "      - id: quote-templates") + 1;
            auto items = e.complete("streams/billing.yaml", line, 15);
            CHECK(labels(items) == std::set<std::string>{"camille", "lea", "sam", "noah"});
            CHECK(items.at("lea")["detail"] == "Léa Schneider · CRM lead (Salesforce administrator)");
            CHECK(items.at("camille")["detail"] == "Camille Martin · Head of Revenue Operations");
            edited = with_line_after(text, "      - id: quote-templates", "        owner: ca");
            e.edit("streams/billing.yaml", edited);
            items = e.complete("streams/billing.yaml", line, 17);
            CHECK(labels(items) == std::set<std::string>{"camille"});
            CHECK(items.at("camille")["textEdit"]["range"] ==
                  json({{"start", {{"line", line}, {"character", 15}}}, {"end", {{"line", line}, {"character", 17}}}}));
            CHECK(items.at("camille")["filterText"] == "camille");
        }
        SUBCASE("contributors: flow and block lists, without the ids already listed") {
            std::string edited = with_line_after(text, "      - id: quote-templates", "        contributors: [lea, ");
            e.edit("streams/billing.yaml", edited);
            const int line = line_with(edited, "      - id: quote-templates") + 1;
            CHECK(labels(e.complete("streams/billing.yaml", line, 28)) ==
                  std::set<std::string>{"camille", "sam", "noah"});
            edited = with_line_after(text, "      - id: quote-templates",
                                     "        contributors:\n          - sam\n          - ");
            e.edit("streams/billing.yaml", edited);
            CHECK(labels(e.complete("streams/billing.yaml", line + 2, 12)) ==
                  std::set<std::string>{"camille", "lea", "noah"});
        }
        SUBCASE("key_results: title and score; depends_on: title and status; metric: its name") {
            std::string edited = with_line_after(text, "      - id: quote-templates", "        key_results: [bi");
            e.edit("streams/billing.yaml", edited);
            const int line = line_with(edited, "      - id: quote-templates") + 1;
            auto items = e.complete("streams/billing.yaml", line, 24);
            CHECK(labels(items) == std::set<std::string>{"billing-time"});
            CHECK(items.at("billing-time")["detail"] == "Median billing set-up time after signature · score 0.43");
            edited = with_line_after(text, "      - id: quote-templates", "        depends_on: [acc");
            e.edit("streams/billing.yaml", edited);
            items = e.complete("streams/billing.yaml", line, 24);
            CHECK(labels(items) == std::set<std::string>{"account-dedup", "access-management"});
            CHECK(items.at("account-dedup")["detail"] == "Deduplicate accounts across the three countries · done");
            const std::string objectives = e.disk("objectives.yaml");
            edited = with_line_after(objectives, "        title: Median quote turnaround", "        metric: quote");
            e.edit("objectives.yaml", edited);
            items = e.complete("objectives.yaml", line_with(edited, "        metric: quote"), 21);
            CHECK(labels(items) == std::set<std::string>{"quote-cycle-days"});
            CHECK(items.at("quote-cycle-days")["detail"] == "Median days from quote request to quote sent");
        }
        SUBCASE("depends_on: every epic but the one being written, in flow and block lists") {
            std::string edited = with_line_after(text, "      - id: quote-templates", "        depends_on: [");
            e.edit("streams/billing.yaml", edited);
            const int line = line_with(edited, "      - id: quote-templates") + 1;
            auto items = e.complete("streams/billing.yaml", line, 21);
            CHECK(items.count("billing-automation") == 1);
            CHECK(items.count("quote-templates") == 0);
            edited = with_line_after(text, "      - id: quote-templates", "        depends_on:\n          - ");
            e.edit("streams/billing.yaml", edited);
            items = e.complete("streams/billing.yaml", line + 1, 12);
            CHECK(items.count("billing-automation") == 1);
            CHECK(items.count("quote-templates") == 0);
        }
        SUBCASE("the word at the cursor is replaced whole, its part after the cursor too") {
            std::string edited = with_line_after(text, "      - id: quote-templates", "        owner: camxyz");
            e.edit("streams/billing.yaml", edited);
            const int line = line_with(edited, "      - id: quote-templates") + 1;
            auto items = e.complete("streams/billing.yaml", line, 18);
            REQUIRE(labels(items) == std::set<std::string>{"camille"});
            CHECK(items.at("camille")["textEdit"]["range"] ==
                  json({{"start", {{"line", line}, {"character", 15}}}, {"end", {{"line", line}, {"character", 21}}}}));
            // A key typed before its colon: the key alone replaces the word.
            edited = with_line_after(text, "      - id: quote-templates", "        dueX: 2026-10-30");
            e.edit("streams/billing.yaml", edited);
            items = e.complete("streams/billing.yaml", line, 9);
            CHECK(items.at("depends_on")["textEdit"]["newText"] == "depends_on");
            CHECK(items.at("depends_on")["textEdit"]["range"]["end"]["character"] == 12);
        }
        SUBCASE("no id where none is expected: a title, a comment, a date") {
            std::string edited = with_line_after(text, "      - id: quote-templates", "        title: ");
            e.edit("streams/billing.yaml", edited);
            const int line = line_with(edited, "      - id: quote-templates") + 1;
            CHECK(e.complete("streams/billing.yaml", line, 15).empty());
            edited = with_line_after(text, "      - id: quote-templates", "        # owner: ");
            e.edit("streams/billing.yaml", edited);
            CHECK(e.complete("streams/billing.yaml", line, 17).empty());
        }
    }

    TEST_CASE("completion: half-typed text that does not parse still completes from the lines") {
        Editor e("complete-broken");
        // An unclosed flow list and a tab: the file does not parse.
        const std::string text = e.disk("streams/billing.yaml") +
                                 "      - id: new-epic\n        title: [WIP\n        contributors: [noah,\n"
                                 "        status: bl\n        depends_on: [quo\n        owner: \n";
        // The file does not parse: lint says so.
        bool syntax = false;
        for (const auto& [path, params] : published(e.edit("streams/billing.yaml", text)))
            for (const json& d : params["diagnostics"]) syntax = syntax || d["code"] == "yaml-syntax";
        CHECK(syntax);
        const int owner = line_with(text, "        owner: \n");
        CHECK(labels(e.complete("streams/billing.yaml", owner, 15)) ==
              std::set<std::string>{"camille", "lea", "sam", "noah"});
        CHECK(labels(e.complete("streams/billing.yaml", line_with(text, "        status: bl"), 18)) ==
              std::set<std::string>{"blocked"});
        CHECK(labels(e.complete("streams/billing.yaml", line_with(text, "        contributors: [noah,"), 28)) ==
              std::set<std::string>{"camille", "lea", "sam"});
        // The epics of the file being typed come from the last roadmap read whole.
        CHECK(labels(e.complete("streams/billing.yaml", line_with(text, "        depends_on: [quo"), 24)) ==
              std::set<std::string>{"quote-templates"});
    }

    TEST_CASE("completion and hover: ranges after accents and emoji, in UTF-16 and in UTF-8") {
        for (const bool utf8 : {false, true}) {
            CAPTURE(utf8);
            json caps = json::object();
            if (utf8) caps = {{"general", {{"positionEncodings", {"utf-8", "utf-16"}}}}};
            Editor e(utf8 ? "enc-8" : "enc-16", "revops", caps);
            const std::string prefix = "          - {title: Café ☕ 🚀 prêt, owner: ";
            const std::string text = with_line_after(e.disk("streams/billing.yaml"), "tasks:\n", prefix + "noah}");
            e.edit("streams/billing.yaml", text);
            const int line = line_with(text, prefix);
            const auto units = [&](std::string_view s) {
                return utf8 ? static_cast<std::uint32_t>(s.size()) : utf16_units(s);
            };
            const std::uint32_t start = units(prefix);
            if (!utf8) CHECK(start < prefix.size());  // UTF-16 units are not the bytes on this line
            const auto items = e.complete("streams/billing.yaml", line, static_cast<int>(start + 2));
            REQUIRE(labels(items) == std::set<std::string>{"noah"});
            CHECK(items.at("noah")["textEdit"]["range"]["start"]["character"] == start);
            CHECK(items.at("noah")["textEdit"]["range"]["end"]["character"] == start + 4);  // the whole word
            // Hover on the owner after the emoji: its range, in the same units.
            const json hover = e.ask("textDocument/hover", "streams/billing.yaml", line, static_cast<int>(start + 1));
            REQUIRE(hover.is_object());
            CHECK(hover["range"]["start"] == json({{"line", line}, {"character", start}}));
            CHECK(hover["range"]["end"] == json({{"line", line}, {"character", start + 4}}));
        }
        // The two encodings differ on this line, so each test above checks its own.
        CHECK(utf16_units("Café ☕ 🚀") != std::string("Café ☕ 🚀").size());
    }

    TEST_CASE("hover: a person, a key result, an epic, a metric, with the figures the report shows") {
        Editor e("hover");
        const test::Run report = test::run({test::binary(), "report", e.root + "/roadmap"}, e.root, {"NO_COLOR="});
        REQUIRE(report.status == 0);
        const auto hover_at = [&](const std::string& file, const std::string& needle, int offset) {
            const std::string text = e.disk(file);
            const std::size_t at = text.find(needle);
            REQUIRE(at != std::string::npos);
            const std::size_t bol = text.rfind('\n', at) + 1;
            const json h = e.ask("textDocument/hover", file, line_with(text, needle),
                                 static_cast<int>(utf16_units(text.substr(bol, at - bol)) + offset));
            REQUIRE_MESSAGE(h.is_object(), needle);
            CHECK(h["contents"]["kind"] == "markdown");
            return h["contents"]["value"].get<std::string>();
        };
        SUBCASE("a person: name, role and the load table's figures") {
            const std::string h = hover_at("streams/billing.yaml", "contributors: [camille]", 16);
            const std::vector<std::string> row =
                report_row(report.out.substr(report.out.find("## Load per owner")), "Camille Martin");
            REQUIRE(row.size() >= 3);
            CHECK(h.find("**Camille Martin**") != std::string::npos);
            CHECK(h.find("Head of Revenue Operations") != std::string::npos);
            CHECK(h.find(fmt::format("owns {} open epics, {} open tasks", row[1], row[2])) != std::string::npos);
            // territory-model, discount-approvals: the open epics Camille helps with.
            CHECK(h.find("contributes to 2 open epics") != std::string::npos);
        }
        SUBCASE("a key result: baseline → current → target and score as the report's row") {
            for (const std::string id : {"billing-time", "quote-cycle"}) {
                CAPTURE(id);
                const std::string h = hover_at("streams/billing.yaml", "key_results: [" + id + "]", 14);
                const std::vector<std::string> row = report_row(report.out, "(" + id + ")");
                REQUIRE(row.size() >= 7);
                CHECK(h.find(fmt::format("{} → {} → {} {}", row[2], row[3], row[4], row[5])) != std::string::npos);
                CHECK(h.find(fmt::format("Score: **{}**", row[6])) != std::string::npos);
            }
        }
        SUBCASE("an epic: status, owner and due; a metric: definition and dashboard") {
            const std::string epic = hover_at("streams/billing.yaml", "depends_on: [quote-templates]", 13);
            CHECK(epic.find("**One quote template per country in the CPQ**") != std::string::npos);
            CHECK(epic.find("Status: done") != std::string::npos);
            CHECK(epic.find("Owner: Noah Dubois") != std::string::npos);
            CHECK(epic.find("Due: 2026-10-30") != std::string::npos);
            const std::string metric = hover_at("objectives.yaml", "metric: billing-setup-minutes", 8);
            CHECK(metric.find("Time a deal waits between e-signature") != std::string::npos);
            CHECK(metric.find("(https://bi.example.com/revops/billing-setup)") != std::string::npos);
        }
        SUBCASE("no answer outside ids: a title, a key, an empty line") {
            const std::string text = e.disk("streams/billing.yaml");
            const int line = line_with(text, "    title: Quote-to-cash");
            CHECK(e.ask("textDocument/hover", "streams/billing.yaml", line, 14).is_null());
            CHECK(e.ask("textDocument/hover", "streams/billing.yaml", line, 5).is_null());
            CHECK(e.ask("textDocument/hover", "streams/billing.yaml", line_with(text, "\n\n") + 1, 0).is_null());
        }
    }

    TEST_CASE("hover: a figure in the roadmap's language, as its report writes it") {
        Editor e("hover-fr", "revops-fr");
        const test::Run report = test::run({test::binary(), "report", e.root + "/roadmap"}, e.root, {"NO_COLOR="});
        REQUIRE(report.status == 0);
        const std::string text = e.disk("streams/facturation.yaml");
        const int line = line_with(text, "        key_results: [cycle-devis]");
        const json h = e.ask("textDocument/hover", "streams/facturation.yaml", line, 23);
        REQUIRE(h.is_object());
        const std::string value = h["contents"]["value"];
        const std::vector<std::string> row = report_row(report.out, "(cycle-devis)");
        REQUIRE(row.size() >= 7);
        CHECK(row[3] == "3,5");  // the French report's decimal comma
        CHECK(value.find(fmt::format("{} → {} → {} {}", row[2], row[3], row[4], row[5])) != std::string::npos);
        CHECK(value.find(fmt::format("Score: **{}**", row[6])) != std::string::npos);
    }

    TEST_CASE("hover: on a diagnostic's range, the rule's why as `boussole rules` gives it") {
        Editor e("hover-rule");
        const std::string text = e.disk("streams/billing.yaml");
        const std::string edited = with_line_after(text, "        owner: noah", "        ownr: noah");
        e.edit("streams/billing.yaml", edited);
        const int line = line_with(edited, "        ownr: noah");
        const json h = e.ask("textDocument/hover", "streams/billing.yaml", line, 9);
        REQUIRE(h.is_object());
        const std::string value = h["contents"]["value"];
        const boussole::Rule* rule = boussole::find_rule("unknown-key");
        REQUIRE(rule != nullptr);
        CHECK(value.find("**unknown-key**") != std::string::npos);
        CHECK(value.find(std::string(rule->why)) != std::string::npos);
        CHECK(value.find(std::string(rule->summary)) != std::string::npos);
        CHECK(h["range"]["start"] == json({{"line", line}, {"character", 8}}));
        // Off the diagnostic, on the same line's value (no id of a known key): nothing.
        CHECK(e.ask("textDocument/hover", "streams/billing.yaml", line - 1, 2).is_null());
    }

    TEST_CASE("completion and hover answer at every position of every file, and of the same files cut short") {
        const std::string examples = test::source_dir() + "/examples/revops";
        std::vector<std::string> files;
        for (const auto& entry : fs::recursive_directory_iterator(examples))
            if (entry.is_regular_file()) files.push_back(fs::relative(entry.path(), examples).string());
        std::sort(files.begin(), files.end());
        REQUIRE(files.size() >= 5);
        std::size_t answered = 0, items = 0;
        for (const std::string& file : files) {
            const std::string text = test::slurp(examples + "/" + file);
            // Whole, then cut in the middle of a line (the rest of the file not typed yet).
            for (const std::size_t cut : {text.size(), text.size() / 2 + 3}) {
                Editor e("sweep");  // a fresh session: its output is read again at each answer
                const std::string typed = text.substr(0, cut);
                e.edit(file, typed);
                std::istringstream in(typed);
                int line = 0;
                for (std::string l; std::getline(in, l); ++line)
                    for (std::uint32_t c = 0; c <= utf16_units(l) + 1; ++c) {
                        CAPTURE(file);
                        CAPTURE(line);
                        CAPTURE(c);
                        const json r = e.ask("textDocument/completion", file, line, static_cast<int>(c));
                        REQUIRE(r.is_object());
                        items += r["items"].size();
                        const json h = e.ask("textDocument/hover", file, line, static_cast<int>(c));
                        REQUIRE((h.is_null() || h["contents"]["value"].get<std::string>().size() > 0));
                        ++answered;
                    }
            }
        }
        CHECK(answered > 1000);
        CHECK(items > 0);
    }

    TEST_CASE("completion and hover: a request without its document or position is an error naming what lacks") {
        Editor e("bad-params");
        for (const std::string method : {"textDocument/completion", "textDocument/hover"}) {
            CAPTURE(method);
            e.s.request(3, method, {{"position", {{"line", 0}, {"character", 0}}}});
            const std::vector<json> answers = e.s.take();
            REQUIRE(answers.size() == 1);
            CHECK(answers[0]["error"]["code"] == -32602);
            CHECK(answers[0]["error"]["message"] == method + ": params: 'textDocument' is missing or not an object");
        }
    }

    TEST_CASE("hover: a person of a roadmap without its roadmap block (no report, so no load table)") {
        const std::string dir = test::temp_dir("lsp-no-block");
        fs::remove_all(dir);
        fs::create_directories(dir + "/roadmap");
        test::write(dir + "/roadmap/people.yaml", "people:\n  - id: ana\n    name: Ana Ruiz\n    role: Analyst\n");
        const std::string streams =
            "streams:\n  - id: run\n    title: Run\n    kind: run\n    epics:\n"
            "      - id: triage\n        title: Triage\n        owner: ana\n";
        test::write(dir + "/roadmap/streams.yaml", streams);
        Session s;
        s.initialize(fs::canonical(dir).string());
        s.idle();
        s.request(5, "textDocument/hover",
                  {{"textDocument", {{"uri", uri_of_path(fs::canonical(dir).string() + "/roadmap/streams.yaml")}}},
                   {"position", {{"line", 7}, {"character", 16}}}});
        const std::vector<json> answers = s.take();
        REQUIRE(answers.size() == 1);
        const std::string value = answers[0]["result"]["contents"]["value"];
        CHECK(value == "**Ana Ruiz** (person `ana`)\n\nAnalyst\n\nContributes to 0 open epics.");
    }
}
