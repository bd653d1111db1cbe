#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "boussole/fields.hpp"
#include "boussole/format.hpp"
#include "boussole/lint.hpp"
#include "boussole/loader.hpp"
#include "boussole/spell.hpp"
#include "load/yaml_tree.hpp"
#include "support.hpp"

using namespace boussole;
namespace fs = std::filesystem;

namespace {

// "rule@line:col" for every load finding, to compare as a whole.
std::vector<std::string> located(const Roadmap& r) {
    std::vector<std::string> out;
    for (const Finding& f : r.load_findings)
        out.push_back(std::string(to_string(f.rule)) + "@" + std::to_string(f.pos.line) + ":" +
                      std::to_string(f.pos.column));
    std::sort(out.begin(), out.end());
    return out;
}

// The keys the model keeps as fields of `x` (boussole/fields.hpp), in their order.
template <class T>
std::vector<std::string> field_keys(const T& x) {
    std::vector<std::string> out;
    for_each_field(x, [&](std::string_view key, const auto&) { out.emplace_back(key); });
    return out;
}

// The keys of `e` in the format table that hold a value (not entities, not rule settings), in order.
std::vector<std::string> value_keys(format::Entity e) {
    std::vector<std::string> out;
    for (const format::Key& k : format::keys(e))
        if (format::is_scalar(k.type) || k.type == format::Type::texts || k.type == format::Type::ids)
            out.emplace_back(k.name);
    return out;
}

const Finding* first(const Roadmap& r, RuleId rule) {
    for (const Finding& f : r.load_findings)
        if (f.rule == rule) return &f;
    return nullptr;
}

}  // namespace

TEST_SUITE("loader") {
    TEST_CASE("the escapes \\_ and \\N of double-quoted values read as the characters they name, in UTF-8") {
        // yaml-cpp gives the Latin-1 bytes 0xA0 and 0x85, which are not UTF-8 (found by tests/fuzz:
        // the diff's JSON threw on them).
        const Roadmap r = load_roadmap_from_string(
            "streams:\n  - id: s\n    title: \"no\\_break\\Nnext \\x41\\u00e9\"\n    epics: []\n");
        REQUIRE(r.streams.size() == 1);
        REQUIRE(r.streams[0].title);
        CHECK(*r.streams[0].title == "no\u00A0break\u0085next A\u00e9");
    }

    TEST_CASE("every key and value keeps its 1-based line and column, in code points") {
        const Roadmap r = load_roadmap_from_string(
            "streams:\n"
            "  - id: crm\n"
            "    title: Données CRM\n"
            "    owner: léa\n"
            "    epics:\n"
            "      - {id: é1, title: x, owner: sam}\n");
        REQUIRE(r.streams.size() == 1);
        const Stream& s = r.streams[0];
        CHECK(s.pos.line == 2);
        CHECK(s.pos.column == 5);
        CHECK(s.id.pos.line == 2);
        CHECK(s.id.pos.column == 9);
        CHECK(s.owner.pos.line == 4);
        CHECK(s.owner.pos.column == 12);
        CHECK(s.owner.pos.length == 3);  // "léa" is three code points
        REQUIRE(s.epics.size() == 1);
        // Flow mapping after a non-ASCII value: columns count characters, not bytes.
        CHECK(s.epics[0].owner.pos.column == 35);
        const Finding* bad_id = first(r, RuleId::invalid_value);
        REQUIRE(bad_id);
        CHECK(bad_id->pos.line == 6);
        CHECK(bad_id->pos.column == 14);
    }

    TEST_CASE("columns stay exact far along a long line of non-ASCII values") {
        // 3,000 streams in one flow list on one line, each with two-byte and three-byte
        // characters: every column is counted in code points from the start of the line.
        auto code_points = [](std::string_view s) {
            return static_cast<std::uint32_t>(std::count_if(
                s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
        };
        std::string text = "streams: [";
        std::vector<std::uint32_t> id_columns, owner_columns;
        for (int i = 0; i < 3000; ++i) {
            if (i) text += ", ";
            text += "{id: ";
            id_columns.push_back(code_points(text) + 1);
            text += fmt::format("s{}, title: \"Équipe € {}\", owner: ", i, i);
            owner_columns.push_back(code_points(text) + 1);
            text += "léa}";
        }
        text += "]\n  # the line after\nx-après: {clé: [é, ü]}\n";
        const Roadmap r = load_roadmap_from_string(text);
        REQUIRE(r.streams.size() == 3000);
        for (std::size_t i : {std::size_t{0}, std::size_t{1}, std::size_t{1500}, std::size_t{2999}}) {
            CAPTURE(i);
            CHECK(r.streams[i].id.pos.line == 1);
            CHECK(r.streams[i].id.pos.column == id_columns[i]);
            CHECK(r.streams[i].owner.pos.column == owner_columns[i]);
            CHECK(r.streams[i].owner.pos.length == 3);
        }
        CHECK(owner_columns.back() > 100000);
        // Not one stream is missing an owner nor misplaced: every column is exact.
        for (std::size_t i = 0; i < r.streams.size(); ++i)
            if (r.streams[i].owner.pos.column != owner_columns[i]) FAIL_CHECK("owner of stream ", i, " misplaced");
    }

    TEST_CASE("the value of an x- key is checked but not built, unless it holds an anchor used elsewhere") {
        // 16 MB of notes under an x- key cost no tree: the list is kept empty.
        std::string notes = "x-notes: [";
        for (int i = 0; i < 1000; ++i) notes += std::to_string(i) + ", ";
        notes += "{a: [b, {c: d}]}]\nx-more:\n  k: v\n  l: [1, 2]\nstreams: [{id: s, title: S}]\n";
        const yaml::ParsedFile parsed = yaml::parse(notes, 0);
        CHECK(parsed.findings.empty());
        CHECK(parsed.nodes.size() < 20);
        REQUIRE(parsed.documents.size() == 1);
        const yaml::Node& root = *parsed.documents[0];
        REQUIRE(root.children.size() == 6);
        CHECK(root.children[1]->kind == yaml::Kind::sequence);
        CHECK(root.children[1]->children.empty());
        CHECK(root.children[3]->kind == yaml::Kind::mapping);
        const Roadmap r = load_roadmap_from_string(notes);
        CHECK(r.load_findings.empty());
        CHECK(r.streams.size() == 1);

        // Its syntax is still checked: a quote left open, too deep a nesting, an unknown alias.
        CHECK(located(load_roadmap_from_string("x-a: [1, \"open\n")) == std::vector<std::string>{"yaml-syntax@1:10"});
        CHECK(
            located(load_roadmap_from_string("x-a: [" + std::string(120, '[') + std::string(121, ']') + "\n")).size() ==
            1);
        CHECK(located(load_roadmap_from_string("x-a: [1, *nowhere]\n")) ==
              std::vector<std::string>{"yaml-syntax@1:10"});

        // An anchor inside it may be used elsewhere: the file is read again, built.
        const Roadmap anchored = load_roadmap_from_string(
            "x-defaults:\n  epic: &e {id: e1, title: E, owner: p}\n  list: [&o p]\n"
            "people: [{id: p}]\nstreams:\n  - {id: s, title: S, owner: *o, epics: [*e]}\n");
        CHECK(anchored.load_findings.empty());
        REQUIRE(anchored.streams.size() == 1);
        CHECK(*anchored.streams[0].owner == "p");
        REQUIRE(anchored.streams[0].epics.size() == 1);
        CHECK(*anchored.streams[0].epics[0].id == "e1");
        CHECK(anchored.streams[0].epics[0].id.pos.line == 2);
    }

    TEST_CASE("a file of more than 2,000,000 values is refused, not built (memory stays bounded)") {
        std::string text = "notes: [";
        for (int i = 0; i < 2'000'001; ++i) text += "1,";
        text += "1]\n";
        const Roadmap r = load_roadmap_from_string(text);
        REQUIRE(r.load_findings.size() == 1);
        const Finding& f = r.load_findings[0];
        CHECK(f.rule == RuleId::yaml_syntax);
        CHECK(f.pos.line == 1);
        CHECK(f.message.starts_with("more than 2,000,000 values (keys, list items and texts) before this one"));
        CHECK(f.message.find("split the file") != std::string::npos);
    }

    TEST_CASE("a BOM and CRLF line endings read exactly like plain LF") {
        const std::string lf = "roadmap:\n  name: N\n  period: 2026-Q4\n  ownr: x\n";
        std::string crlf = "\xEF\xBB\xBF";
        for (char c : lf) {
            if (c == '\n') crlf += '\r';
            crlf += c;
        }
        const Roadmap a = load_roadmap_from_string(lf), b = load_roadmap_from_string(crlf);
        CHECK(located(a) == std::vector<std::string>{"unknown-key@4:3"});
        CHECK(located(b) == located(a));
        REQUIRE(b.info());
        CHECK(*b.info()->name == "N");
        CHECK(b.info()->period->label == "2026-Q4");
    }

    TEST_CASE("several documents in one file are read as several files") {
        const Roadmap r = load_roadmap_from_string(
            "streams: [{id: a, title: A}]\n---\nstreams: [{id: b, title: B}]\n---\n---\npeople: [{id: p}]\n");
        CHECK(r.load_findings.empty());
        REQUIRE(r.streams.size() == 2);
        CHECK(*r.streams[1].id == "b");
        CHECK(r.people.size() == 1);
    }

    TEST_CASE("anchors, aliases and merge keys; explicit keys win over merged ones") {
        const Roadmap r = load_roadmap_from_string(
            "x-defaults: &d {owner: sam, status: in-progress, priority: P1}\n"
            "x-more: &m {due: 2026-12-01, owner: nobody}\n"
            "streams:\n"
            "  - id: s\n"
            "    title: S\n"
            "    epics:\n"
            "      - <<: *d\n"
            "        id: a\n"
            "        title: A\n"
            "        owner: lea\n"
            "      - <<: [*d, *m]\n"
            "        id: b\n"
            "        title: B\n"
            "        contributors: &team [lea, sam]\n"
            "      - {id: c, title: C, contributors: *team}\n");
        CHECK(r.load_findings.empty());
        const auto& e = r.streams.at(0).epics;
        REQUIRE(e.size() == 3);
        CHECK(*e[0].owner == "lea");
        CHECK(e[0].effective_status() == EpicStatus::in_progress);
        CHECK(*e[1].owner == "sam");  // the first merged mapping wins
        CHECK(e[1].due->iso() == "2026-12-01");
        CHECK(e[1].owner.pos.line == 1);  // a merged value points where it was written
        CHECK(e[2].contributors.size() == 2);
    }

    TEST_CASE("a bad merge key is reported, not ignored") {
        const Roadmap r = load_roadmap_from_string("streams:\n  - <<: [1, 2]\n    id: s\n    title: S\n");
        CHECK(located(r) == std::vector<std::string>{"invalid-value@2:10", "invalid-value@2:13"});
    }

    TEST_CASE("duplicate keys are reported at the second one, naming the first") {
        const Roadmap r = load_roadmap_from_string("roadmap:\n  name: A\n  period: 2026-Q4\n  name: B\n");
        const Finding* f = first(r, RuleId::duplicate_key);
        REQUIRE(f);
        CHECK(f->pos.line == 4);
        CHECK(f->message.find("first at line 2") != std::string::npos);
        CHECK(*r.info()->name == "A");
    }

    TEST_CASE("a misspelt key is not also reported missing") {
        const Roadmap r = load_roadmap_from_string("streams:\n  - id: s\n    titel: S\n    ownr: sam\n");
        CHECK(located(r) == std::vector<std::string>{"unknown-key@3:5", "unknown-key@4:5"});
        CHECK(r.streams[0].owner.invalid);
        CHECK_FALSE(r.streams[0].owner.missing());
        CHECK_FALSE(r.streams[0].title.missing());
    }

    TEST_CASE("unknown keys are errors with a suggestion; x- keys are the user's") {
        const Roadmap r = load_roadmap_from_string(
            "streams:\n  - id: s\n    title: S\n    ownr: sam\n    x-jira: OPS-1\n    colour: blue\n");
        const auto l = located(r);
        CHECK(l == std::vector<std::string>{"unknown-key@4:5", "unknown-key@6:5"});
        CHECK(r.load_findings[0].message.find("did you mean 'owner'?") != std::string::npos);
        CHECK(r.load_findings[1].message.find("expected id, title, owner") != std::string::npos);
    }

    TEST_CASE("values of the wrong type or outside their enumeration are invalid-value") {
        const Roadmap r = load_roadmap_from_string(
            "roadmap: {name: N, period: 2026-Q5}\n"
            "objectives:\n"
            "  - id: o\n"
            "    title: O\n"
            "    key_results:\n"
            "      - {id: k, title: K, baseline: '45', target: 10%, confidence: 1.5, cadence: montly, checked_on: "
            "2026-11-31}\n"
            "      - {id: k2, title: K2, cadence: quarterly, checked_on: 2026-11-20}\n"
            "streams:\n"
            "  - id: s\n"
            "    title: [not, text]\n"
            "    kind: runn\n"
            "    epics:\n"
            "      - {id: e, title: E, status: in_progress, priority: P5, due: 2026-02-30, estimate: two weeks, "
            "contributors: sam}\n");
        std::vector<std::string> msgs;
        for (const Finding& f : r.load_findings) {
            CHECK(f.rule == RuleId::invalid_value);
            msgs.push_back(f.message);
        }
        CHECK(r.load_findings.size() == 13);
        auto has = [&](std::string_view part) {
            return std::any_of(msgs.begin(), msgs.end(),
                               [&](const std::string& m) { return m.find(part) != std::string::npos; });
        };
        CHECK(has("'period' must be YYYY-Qn"));
        CHECK(has("remove the quotes"));
        CHECK(has("got '10%'"));
        CHECK(has("'confidence' must be between 0 and 1"));
        CHECK(has("'title' must be text, not a list"));
        CHECK(has("did you mean 'run'?"));
        CHECK(has("got 'in_progress': write 'in-progress' (read as 'in-progress' meanwhile)"));
        CHECK(has("is 2026-02-30, a day that does not exist (February 2026 has 28 days)"));
        CHECK(has("'estimate' must be a duration"));
        CHECK(has(
            "'cadence' must be one of weekly, biweekly, monthly, quarterly, got 'montly' (did you mean 'monthly'?)"));
        CHECK(has("2026-11-31, a day that does not exist (November 2026 has 30 days)"));
        REQUIRE(r.objectives[0].key_results.size() == 2);
        CHECK(r.objectives[0].key_results[1].cadence.value == Cadence::quarterly);
        CHECK(r.objectives[0].key_results[1].checked_on.value == Date::parse("2026-11-20"));
        CHECK(cadence_days(Cadence::monthly) == 31);
        CHECK(has("'contributors' must be a list, e.g. [sam]; read as one item"));
        CHECK(r.streams[0].epics[0].contributors.size() == 1);
        // An invalid value is not also a missing one.
        CHECK(r.streams[0].title.invalid);
        CHECK_FALSE(r.streams[0].title.missing());
    }

    TEST_CASE("YAML traps in titles: each is reported at its own line, with its cause and the quoted fix") {
        struct Case {
            std::string name, text;
            RuleId rule;
            std::uint32_t line, column;
            std::string message;
        };
        const std::vector<Case> cases{
            {"': ' inside a plain value", "streams:\n  - id: crm\n    title: Dédoublonnage : comptes\n    owner: lea\n",
             RuleId::yaml_syntax, 3, 26,
             "the value of 'title' contains ': ', which YAML reads as the start of a mapping; quote the whole value: "
             "title: \"Dédoublonnage : comptes\""},
            {"': ' inside a value of a {...} mapping",
             "streams:\n  - {id: crm, title: Dédoublonnage : comptes, owner: lea}\n", RuleId::yaml_syntax, 2, 36,
             "the value of 'title' contains ': ', which YAML reads as the start of a mapping; quote the whole value: "
             "title: \"Dédoublonnage : comptes\""},
            {"':' ending a word inside a value", "streams:\n  - id: crm\n    title: Note: urgent\n",
             RuleId::yaml_syntax, 3, 16,
             "the value of 'title' contains ': ', which YAML reads as the start of a mapping; quote the whole value: "
             "title: \"Note: urgent\""},
            {"'#' inside {...} hides the closing brace",
             "streams:\n  - {id: help, title: Support #revops-help, owner: lea}\n  - {id: b, title: B}\n",
             RuleId::yaml_syntax, 2, 31,
             "'#' after a space starts a comment, which hides the rest of this line, its '}' included; quote the "
             "value that holds it: title: \"Support #revops-help\""},
            {"'#' inside [...] on the last line", "x-tags: [a, b #c]\n\n\nstreams: []\n", RuleId::yaml_syntax, 1, 15,
             "'#' after a space starts a comment, which hides the rest of this line, its ']' included; quote the "
             "value that holds it: \"b #c\""},
            {"a '{' never closed", "streams:\n  - {id: help, title: Support, owner: lea\n  - {id: b, title: B}\n",
             RuleId::yaml_syntax, 2, 5, "this '{' is never closed: add its '}'"},
            {"a comma inside a {...} value",
             "streams:\n  - id: s\n    title: S\n    epics:\n      - {id: x, title: Formule (usage, NPS client)}\n",
             RuleId::unknown_key, 5, 40,
             "unknown key 'NPS client)' in an epic: the ',' before it ends the value of 'title' inside {...}, which is "
             "read as 'Formule (usage'; quote the whole value: title: \"Formule (usage, NPS client)\""},
            {"two commas inside a {...} value: one finding",
             "streams:\n  - id: s\n    title: S\n    epics:\n      - {id: x, title: Ad hoc (a, b, c), owner: lea}\n",
             RuleId::unknown_key, 5, 35,
             "unknown key 'b' in an epic: the ',' before it ends the value of 'title' inside {...}, which is read as "
             "'Ad hoc (a'; quote the whole value: title: \"Ad hoc (a, b, c)\""},
            {"a value starting with '['", "streams:\n  - id: s\n    title: [WIP] Billing\n", RuleId::yaml_syntax, 3, 12,
             "the value of 'title' starts with '[', which starts a list; quote the whole value: title: \"[WIP] "
             "Billing\""},
            {"a value starting with '@'", "streams:\n  - id: s\n    title: @team sync   # the weekly one\n",
             RuleId::yaml_syntax, 3, 12,
             "the value of 'title' starts with '@', which YAML reserves; quote the whole value: title: \"@team sync\""},
            {"a value starting with '*'", "streams:\n  - id: s\n    title: *urgent* fix\n", RuleId::yaml_syntax, 3, 12,
             "the value of 'title' starts with '*', which marks an alias (a reference to an '&' anchor); quote the "
             "whole value: title: \"*urgent* fix\""},
            {"an apostrophe inside single quotes", "streams:\n  - id: s\n    title: 'it's done'\n    owner: x\n",
             RuleId::yaml_syntax, 3, 12,
             "the value of 'title' starts with ''', which opens a quoted value ending at the next such quote; quote "
             "the whole value: title: \"it's done\""},
            {"text after a closing quote", "streams:\n  - id: s\n    title: \"Quoted\" rest\n", RuleId::yaml_syntax, 3,
             12,
             "the value of 'title' starts with '\"', which opens a quoted value ending at the next such quote; quote "
             "the whole value: title: '\"Quoted\" rest'"},
            {"an item starting with '>'", "x-notes:\n  - > 50% done\n", RuleId::yaml_syntax, 2, 5,
             "this item starts with '>', which starts a block of text on the lines below; quote the whole item: - \"> "
             "50% done\""},
            {"a tag of one's own takes a word from the value", "streams:\n  - id: s\n    title: !important fix\n",
             RuleId::invalid_value, 3, 12,
             "'title' is read as 'fix': '!important' before it is a YAML tag; quote the whole value: title: "
             "\"!important fix\""},
            {"': ' inside an item of a list of text",
             "people:\n  - id: lea\n    responsibilities:\n      - Dédoublonnage : comptes\n", RuleId::invalid_value, 4,
             9,
             "each item of 'responsibilities' must be text; this one holds ': ', so YAML reads it as a mapping: quote "
             "the whole item: - \"Dédoublonnage : comptes\""},
            {"a key one space short of its mapping", "streams:\n  - id: s\n    title: S\n   owner: x\n",
             RuleId::yaml_syntax, 4, 4,
             "this line is indented 3 spaces, like no key above it: indent it as 'title' on line 3 (4 spaces)"},
            {"a key indented under a key that has a value", "roadmap:\n  name: R\n   period: 2026-Q4\n",
             RuleId::yaml_syntax, 3, 4,
             "this line is indented 3 spaces, more than 'name' on line 2 (2 spaces), which has a value, so YAML reads "
             "it as more of that value: indent it as 'name'"},
            {"a '%' unit inside {...}",
             "objectives:\n  - id: o\n    title: O\n    key_results:\n      - {id: k, title: K, unit: %, target: 2}\n",
             RuleId::yaml_syntax, 5, 33,
             "the value of 'unit' starts with '%', which starts a YAML directive; quote the whole value: unit: \"%\""},
            {"'&' starting a text is an anchor", "streams:\n  - id: s\n    title: &Co fix\n", RuleId::invalid_value, 3,
             12,
             "'title' is read as 'fix': '&Co' before it is a YAML anchor, which no alias uses; quote the whole value: "
             "title: \"&Co fix\""},
            {"'&' alone is an empty anchored value", "streams:\n  - id: s\n    title: &Co\n", RuleId::invalid_value, 3,
             12,
             "'title' is read as empty: '&Co' before it is a YAML anchor, which no alias uses; quote the whole value: "
             "title: \"&Co\""},
            {"merge-conflict markers",
             "roadmap:\n  name: R\n<<<<<<< HEAD\n  period: 2026-Q4\n=======\n  period: 2027-Q1\n>>>>>>> plan\n",
             RuleId::yaml_syntax, 3, 1,
             "merge-conflict marker: the conflict of lines 3 to 7 was committed unresolved; resolve it: keep the "
             "lines you want and delete the lines '<<<<<<<', '=======' and '>>>>>>>'"},
            {"a stray merge-conflict marker", "streams: []\n>>>>>>> main\n", RuleId::yaml_syntax, 2, 1,
             "merge-conflict marker '>>>>>>>' left in the file: resolve the conflict (keep the lines you want, delete "
             "the markers)"},
        };
        for (const Case& c : cases) {
            CAPTURE(c.name);
            const Roadmap r = load_roadmap_from_string(c.text);
            REQUIRE(r.load_findings.size() == 1);
            const Finding& f = r.load_findings[0];
            CHECK(f.rule == c.rule);
            CHECK(f.pos.line == c.line);
            CHECK(f.pos.column == c.column);
            CHECK(f.message == c.message);
        }
    }

    TEST_CASE("a comment glued to a text value is a warning that the text was cut, with the quoted fix") {
        const Roadmap r = load_roadmap_from_string(
            "streams:\n"
            "  - id: support\n"
            "    title: Support #revops-help   # the Slack channel\n"
            "    owner: lea #lead\n"
            "    description: Tickets and requests   # a real comment\n"
            "    kind: run #was-build\n"
            "    epics:\n"
            "      - {id: x, title: \"Fix #12\"}\n"
            "      - id: y\n"
            "        title: Fix #12 today\n"
            "        deliverables:\n"
            "          - Runbook #v2\n"
            "          - Runbook v3 ##\n");
        std::vector<std::string> found;
        for (const Finding& f : r.load_findings) {
            CHECK(f.rule == RuleId::invalid_value);
            CHECK(f.at_most == Severity::warning);
            found.push_back(fmt::format("{}:{}: {}", f.pos.line, f.pos.column, f.message));
        }
        CHECK(found == std::vector<std::string>{
                           "3:20: 'title' is read as 'Support': ' #revops-help' after it is a comment (' #' always "
                           "starts one); if it is part of the text, quote the whole value: title: \"Support "
                           "#revops-help\"",
                           "10:20: 'title' is read as 'Fix': ' #12 today' after it is a comment (' #' always starts "
                           "one); if it is part of the text, quote the whole value: title: \"Fix #12 today\"",
                           "12:21: an item of 'deliverables' is read as 'Runbook': ' #v2' after it is a comment (' #' "
                           "always starts one); if it is part of the text, quote the whole item: - \"Runbook #v2\"",
                       });
        REQUIRE(r.streams.size() == 1);
        CHECK(*r.streams[0].title == "Support");  // YAML's reading is kept: the warning says what it is
        CHECK(*r.streams[0].kind == StreamKind::run);
    }

    TEST_CASE("hostile input: each case is one located yaml-syntax finding") {
        struct Case {
            std::string name, text;
            std::uint32_t line;
        };
        std::string bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n";
        for (char c = 'b'; c <= 'i'; ++c) {
            const char p = static_cast<char>(c - 1);
            bomb += std::string(1, c) + ": &" + c + " [*" + p + ",*" + p + ",*" + p + ",*" + p + ",*" + p + ",*" + p +
                    ",*" + p + ",*" + p + ",*" + p + "]\n";
        }
        const std::vector<Case> cases{
            {"lone comma", ",", 1},
            {"comma after a document", "streams: []\n---\n,\n", 3},
            {"alias cycle", "a: &x [*x]\n", 1},
            {"deep flow nesting", std::string(3000, '[') + std::string(3000, ']'), 1},
            {"invalid UTF-8", "roadmap:\n  name: caf\xC3\n", 2},
            {"UTF-16",
             std::string("\xFF\xFE"
                         "a\0:\0 \0",
                         8),
             1},
            {"top-level list", "- a\n- b\n", 1},
            {"top-level scalar", "just text\n", 1},
            {"unclosed quote", "roadmap:\n  name: \"abc\n", 2},
            {"unclosed single quote", "a: 'it''s\n", 1},
            {"tab indentation", "roadmap:\n\tname: x\n", 2},
        };
        for (const Case& c : cases) {
            CAPTURE(c.name);
            const Roadmap r = load_roadmap_from_string(c.text);
            const Finding* f = first(r, RuleId::yaml_syntax);
            REQUIRE(f);
            CHECK(f->pos.line == c.line);
        }
        // An anchor an alias uses is no mistake.
        CHECK(load_roadmap_from_string("streams:\n  - {id: s, title: &t Billing}\n  - {id: t, title: *t}\n")
                  .load_findings.empty());
        // The bomb's 9^9 leaves are never expanded: the bomb sits under unknown keys, reported once each.
        const Roadmap r = load_roadmap_from_string(bomb);
        CHECK(r.load_findings.size() == 9);
    }

    TEST_CASE("encodings: UTF-16 and UTF-32 with or without a byte-order mark, NUL bytes, CR-only lines") {
        using namespace std::string_literals;
        const auto only = [](const std::string& text) {
            const Roadmap r = load_roadmap_from_string(text);
            REQUIRE(r.load_findings.size() == 1);
            const Finding& f = r.load_findings[0];
            CHECK(f.rule == RuleId::yaml_syntax);
            CHECK(r.unparsable_files == 1);
            return fmt::format("{}:{}: {}", f.pos.line, f.pos.column, f.message);
        };
        const std::string utf16 = "1:1: the file is UTF-16; roadmap files are UTF-8: save it as UTF-8";
        const std::string utf32 = "1:1: the file is UTF-32; roadmap files are UTF-8: save it as UTF-8";
        // "streams: []\n" in UTF-16 and UTF-32, without a byte-order mark: once read silently.
        std::string le16, be16, le32;
        for (char c : "streams: []\n"s) {
            le16 += std::string{c, '\0'};
            be16 += std::string{'\0', c};
            le32 += std::string{c, '\0', '\0', '\0'};
        }
        CHECK(only(le16) == utf16);
        CHECK(only(be16) == utf16);
        CHECK(only(le32) == utf32);
        CHECK(only("\xFF\xFE"s + le16) == utf16);
        CHECK(only("\xFE\xFF"s + be16) == utf16);
        CHECK(only("\xFF\xFE\0\0"s + le32) == utf32);
        CHECK(only(test::slurp(test::source_dir() + "/tests/data/hostile/utf16.yaml")) == utf16);
        // A NUL byte in UTF-8 text: not "unknown escape character".
        CHECK(only("roadmap:\n  name: \"ab\0c\"\n"s) ==
              "2:12: the file holds a NUL byte here: it is not a text file; roadmap files are UTF-8 text");
        // CR-only line ends read like LF, and CRLF keeps its columns.
        const std::string lines = "roadmap:\n  name: Q3\n  quarter: 2026-Q3\nstreams:\n  - id: s\n    titel: S\n";
        std::string cr = lines, crlf;
        std::replace(cr.begin(), cr.end(), '\n', '\r');
        for (char c : lines) crlf += c == '\n' ? "\r\n"s : std::string(1, c);
        for (const std::string& text : {lines, cr, crlf}) {
            const Roadmap r = load_roadmap_from_string(text);
            CHECK(r.unparsable_files == 0);
            REQUIRE(r.roadmap_blocks.size() == 1);
            REQUIRE(r.streams.size() == 1);
            std::vector<std::string> found;
            for (const Finding& f : r.load_findings) found.push_back(fmt::format("{}:{}", f.pos.line, f.pos.column));
            CHECK(found == std::vector<std::string>{"3:3", "6:5"});  // 'quarter' and 'titel' are unknown keys
        }
    }

    TEST_CASE("an alias bomb inside the format is stopped by the expansion budget") {
        std::string text = "x-t: &t {title: t}\nx-e: &e {id: e, title: E, tasks: [";
        for (int i = 0; i < 400; ++i) text += i ? ",*t" : "*t";
        text += "]}\nstreams:\n  - id: s\n    title: S\n    epics: [";
        for (int i = 0; i < 400; ++i) text += i ? ",*e" : "*e";
        text += "]\n";
        const Roadmap r = load_roadmap_from_string(text);
        const Finding* f = first(r, RuleId::yaml_syntax);
        REQUIRE(f);
        CHECK(f->message.find("aliases in this document expand to more than") != std::string::npos);
        CHECK(r.unparsable_files == 1);
    }

    TEST_CASE("empty files and documents contribute nothing") {
        CHECK(load_roadmap_from_string("").load_findings.empty());
        CHECK(load_roadmap_from_string("---\n...\n").load_findings.empty());
        CHECK(load_roadmap_from_string("# only a comment\n").load_findings.empty());
        CHECK(load_roadmap_from_string("streams:\npeople: ~\n").load_findings.empty());
    }

    TEST_CASE("a directory is read recursively in byte order, hidden entries and outside links skipped") {
        const std::string dir = test::temp_dir("loader-tree");
        const std::string outside = test::temp_dir("loader-outside");
        test::write(dir + "/b.yaml", "streams: [{id: b, title: B}]\n");
        test::write(dir + "/a/x.yml", "streams: [{id: ax, title: AX}]\n");
        test::write(dir + "/a-b.yaml", "streams: [{id: ab, title: AB}]\n");
        test::write(dir + "/.hidden.yaml", "streams: [{id: hidden, title: H}]\n");
        test::write(dir + "/.git/c.yaml", "streams: [{id: git, title: G}]\n");
        test::write(dir + "/notes.txt", "streams: [{id: txt, title: T}]\n");
        test::write(outside + "/o.yaml", "streams: [{id: outside, title: O}]\n");
        fs::create_symlink(outside + "/o.yaml", dir + "/link-out.yaml");
        fs::create_directory_symlink(outside, dir + "/dir-out");
        fs::create_directory_symlink(dir + "/a", dir + "/loop");  // inside the tree: read once only
        fs::create_symlink(dir + "/missing.yaml", dir + "/dangling.yaml");

        const Roadmap r = load_roadmap(dir);
        std::vector<std::string> ids;
        for (const Stream& s : r.streams) ids.push_back(*s.id);
        CHECK(ids == std::vector<std::string>{"ab", "ax", "b"});
        REQUIRE(r.files.size() == 3);
        CHECK(r.files[0].relative_path == "a-b.yaml");
        CHECK(r.files[1].relative_path == "a/x.yml");
        CHECK(r.files[1].display_path == dir + "/a/x.yml");
        CHECK(r.streams[1].pos.file == 1);
    }

    TEST_CASE("the tree is not trusted: each entry skipped is said in a note, none is followed out or waited on") {
        const std::string dir = test::temp_dir("loader-hostile");
        const std::string outside = test::temp_dir("loader-hostile-outside");
        test::write(dir + "/a.yaml", "streams: [{id: a, title: A}]\n");
        test::write(dir + "/sub/b.yaml", "streams: [{id: b, title: B}]\n");
        test::write(outside + "/o.yaml", "streams: [{id: outside, title: O}]\n");
        test::write(dir + "/readme.txt", "not a roadmap file\n");
        fs::create_symlink(outside + "/o.yaml", dir + "/link-out.yaml");
        fs::create_directory_symlink(outside, dir + "/dir-out");
        fs::create_symlink(dir + "/missing.yaml", dir + "/dangling.yaml");
        fs::create_symlink(dir + "/loop-b.yaml", dir + "/loop-a.yaml");
        fs::create_symlink(dir + "/loop-a.yaml", dir + "/loop-b.yaml");
        fs::create_directory_symlink(dir, dir + "/sub/up");              // back to the root: read once
        fs::create_symlink(dir + "/readme.txt", dir + "/txt-link");      // not a YAML name: nothing to say
        fs::create_symlink(outside + "/o.yaml", dir + "/.hidden.yaml");  // hidden: skipped, nothing to say
        // A chain of 60 links, longer than the system follows (40).
        fs::create_directories(dir + "/.chain");
        fs::create_symlink(dir + "/a.yaml", dir + "/.chain/0");
        for (int i = 1; i < 60; ++i)
            fs::create_symlink(dir + "/.chain/" + std::to_string(i - 1), dir + "/.chain/" + std::to_string(i));
        fs::create_symlink(dir + "/.chain/59", dir + "/chain.yaml");
        REQUIRE(::mkfifo((dir + "/pipe.yaml").c_str(), 0600) == 0);
        {
            const int s = ::socket(AF_UNIX, SOCK_STREAM, 0);
            REQUIRE(s >= 0);
            sockaddr_un addr{};
            addr.sun_family = AF_UNIX;
            const std::string sock = dir + "/sock.yaml";
            REQUIRE(sock.size() < sizeof addr.sun_path);
            std::memcpy(addr.sun_path, sock.c_str(), sock.size() + 1);
            REQUIRE(::bind(s, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0);
            ::close(s);
        }
        fs::create_symlink("/dev/zero", dir + "/zero.yaml");

        const Roadmap r = load_roadmap(dir);
        REQUIRE(r.files.size() == 2);
        CHECK(r.files[0].relative_path == "a.yaml");
        CHECK(r.files[1].relative_path == "sub/b.yaml");
        const std::vector<std::string> expected{
            fmt::format("'{}/chain.yaml' is a symbolic link that cannot be followed: a loop of links, or a chain of "
                        "more than 40; skipped: remove it, or point it at the file itself",
                        dir),
            fmt::format("'{}/dangling.yaml' is a symbolic link to '{}/missing.yaml', which does not exist; skipped: "
                        "remove the link, or restore what it points to",
                        dir, dir),
            fmt::format("'{}/dir-out' is a symbolic link to '{}', outside the roadmap folder '{}'; not followed: copy "
                        "what it points to into the roadmap to read it",
                        dir, outside, dir),
            fmt::format("'{}/link-out.yaml' is a symbolic link to '{}/o.yaml', outside the roadmap folder '{}'; not "
                        "followed: copy what it points to into the roadmap to read it",
                        dir, outside, dir),
            fmt::format("'{}/loop-a.yaml' is a symbolic link that cannot be followed: a loop of links, or a chain of "
                        "more than 40; skipped: remove it, or point it at the file itself",
                        dir),
            fmt::format("'{}/loop-b.yaml' is a symbolic link that cannot be followed: a loop of links, or a chain of "
                        "more than 40; skipped: remove it, or point it at the file itself",
                        dir),
            fmt::format("'{}/pipe.yaml' is a named pipe (FIFO), not a file; skipped: a roadmap file is a regular "
                        "file",
                        dir),
            fmt::format("'{}/sock.yaml' is a socket, not a file; skipped: a roadmap file is a regular file", dir),
            fmt::format("'{}/sub/up' is a symbolic link to the folder '{}', which is read already; not read twice", dir,
                        dir),
            fmt::format("'{}/zero.yaml' is a symbolic link to '/dev/zero', outside the roadmap folder '{}'; not "
                        "followed: copy what it points to into the roadmap to read it",
                        dir, dir),
        };
        CHECK(r.notes == expected);
        // The notes reach lint's result, and change no exit status (no diagnostic of their own).
        const LintResult lint = lint_roadmap(r);
        CHECK(std::search(lint.notes.begin(), lint.notes.end(), expected.begin(), expected.end()) ==
              lint.notes.begin());
        // A single file given as PATH has nothing to skip.
        CHECK(load_roadmap(dir + "/a.yaml").notes.empty());
        fs::remove_all(dir);
    }

    TEST_CASE("a folder more than 64 levels deep is not read, with a note; a deep tree takes bounded time") {
        const std::string dir = test::temp_dir("loader-deep");
        std::string rel;
        for (int i = 0; i < 64; ++i) rel += "d/";
        test::write(dir + "/" + rel + "at-64.yaml", "streams: [{id: s64, title: S}]\n");
        test::write(dir + "/" + rel + "d/at-65.yaml", "streams: [{id: s65, title: S}]\n");
        // 1,000 levels more (a path of 2 KB): took minutes before this limit.
        std::string deep = dir + "/" + rel + "d";
        for (int i = 0; i < 1000; ++i) deep += "/d";
        fs::create_directories(deep);
        const auto start = std::chrono::steady_clock::now();
        const Roadmap r = load_roadmap(dir);
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
        REQUIRE(r.files.size() == 1);
        CHECK(r.files[0].relative_path == rel + "at-64.yaml");
        CHECK(r.notes == std::vector<std::string>{fmt::format(
                             "'{}/{}d' is more than 64 folders deep in the roadmap; not read: a roadmap is a few "
                             "folders deep, move what it holds higher up",
                             dir, rel)});
        fs::remove_all(dir);
    }

    TEST_CASE("a path that cannot be read is a PathError, not a finding") {
        CHECK_THROWS_AS(load_roadmap("/nonexistent/roadmap"), PathError);
    }

    TEST_CASE("parallel and serial reading give the same roadmap") {
        const std::string dir = test::source_dir() + "/examples/revops";
        const Roadmap a = load_roadmap(dir, {.threads = 1}), b = load_roadmap(dir, {.threads = 4});
        REQUIRE(a.streams.size() == b.streams.size());
        for (std::size_t i = 0; i < a.streams.size(); ++i) {
            CHECK(*a.streams[i].id == *b.streams[i].id);
            CHECK(a.streams[i].pos == b.streams[i].pos);
        }
        CHECK(a.files.size() == 9);
    }

    TEST_CASE("every value key of the format table has its field in the model, in the table's order") {
        using format::Entity;
        CHECK(field_keys(Person{}) == value_keys(Entity::person));
        CHECK(field_keys(Metric{}) == value_keys(Entity::metric));
        CHECK(field_keys(KeyResult{}) == value_keys(Entity::key_result));
        CHECK(field_keys(KeyResult{}) == value_keys(Entity::north_star));
        CHECK(field_keys(Objective{}) == value_keys(Entity::objective));
        CHECK(field_keys(Stream{}) == value_keys(Entity::stream));
        CHECK(field_keys(Epic{}) == value_keys(Entity::epic));
        CHECK(field_keys(Task{}) == value_keys(Entity::task));
        CHECK(field_keys(RoadmapInfo{}) == value_keys(Entity::roadmap));
        CHECK(field_keys(ReportSettings{}) == value_keys(Entity::report));
    }

    TEST_CASE("value types: each reader's message, and its schema fragment is JSON with a type") {
        using format::Type;
        const auto read = [](std::string_view name, Type t, std::string_view text, bool plain = true) {
            return format::read_scalar({name, t, false, ""}, {text, plain});
        };
        CHECK(std::get<double>(read("baseline", Type::number, "1_000").value.value()) == 1000.0);
        CHECK(read("baseline", Type::number, "45", false).error ==
              "'baseline' must be a number, got the quoted string '45' (remove the quotes)");
        CHECK(read("confidence", Type::confidence, "1.5").error == "'confidence' must be between 0 and 1, got 1.5");
        CHECK(read("min", Type::whole_number, "2.5").error == "'min' must be a whole number, got 2.5: write 2 or 3");
        CHECK(read("max", Type::whole_number, "-1").error == "'max' must be a whole number, got -1: write 0 or more");
        CHECK_FALSE(read("title", Type::text, "   ").value.has_value());  // empty: not written
        CHECK(read("title", Type::text, "   ").error.empty());
        CHECK(std::get<std::string>(read("estimate", Type::duration, "1.5w").value.value()) == "1.5w");
        CHECK(read("estimate", Type::duration, "0d").error ==
              "'estimate' must be a duration such as 5d or 3w, got '0d'");
        CHECK(read("dashboard", Type::url, "ftp://x").error ==
              "'dashboard' must be a URL (http:// or https://), got 'ftp://x'");
        CHECK(read("email", Type::email, "nope").error ==
              "'email' must be an e-mail address (name@domain), got 'nope'");
        CHECK(read("id", Type::id, "Bad Id").error ==
              "id 'Bad Id' must be lower-case kebab or snake case ([a-z0-9][a-z0-9_-]*), e.g. 'bad-id'");
        // Ids suggested from a French title keep their letters: accents are dropped, not the letter.
        CHECK(read("id", Type::id, "Qualité CRM").error ==
              "id 'Qualité CRM' must be lower-case kebab or snake case ([a-z0-9][a-z0-9_-]*), e.g. 'qualite-crm'");
        CHECK(read("id", Type::id, "Œuvre à façon").error.ends_with("e.g. 'oeuvre-a-facon'"));
        // A date of the right shape that is no day says so.
        CHECK(read("due", Type::date, "2026-11-31").error ==
              "'due' is 2026-11-31, a day that does not exist (November 2026 has 30 days)");
        CHECK(read("due", Type::date, "2027-02-29").error ==
              "'due' is 2027-02-29, a day that does not exist (February 2027 has 28 days)");
        CHECK(read("due", Type::date, "2028-02-29").error.empty());
        CHECK(read("due", Type::date, "2026-13-01").error ==
              "'due' is 2026-13-01, which is not a date (there is no month 13)");
        CHECK(read("due", Type::date, "31/11/2026").error == "'due' must be a date YYYY-MM-DD, got '31/11/2026'");
        CHECK(format::reject_non_scalar({"due", Type::date, false, ""}, "a list") ==
              "'due' must be a date YYYY-MM-DD, got a list");
        for (const format::Entity e : format::entities()) {
            for (const format::Key& k : format::keys(e)) {
                if (!format::is_scalar(k.type)) continue;
                CAPTURE(k.name);
                const std::string schema = format::schema_of(k);
                CHECK(schema.starts_with('{'));
                CHECK((schema.find("\"type\"") != std::string::npos || schema.find("\"$ref\"") != std::string::npos));
            }
        }
    }
}

TEST_SUITE("loader") {
    TEST_CASE("values as people type them: the message echoes the value and gives its spelling") {
        using format::Type;
        struct Case {
            std::string_view key;
            Type type;
            std::string text;
            std::string message;
        };
        const std::vector<Case> cases{
            {"baseline", Type::number, "24,5",
             "'baseline' must be a number, got '24,5': write 24.5 (a decimal point, not a comma)"},
            {"target", Type::number, "180 000",
             "'target' must be a number, got '180 000': write 180000 (no thousands separator)"},
            {"target", Type::number, "180\u00A0000",
             "'target' must be a number, got '180\u00A0000': write 180000 (no thousands separator)"},
            {"target", Type::number, "180\u202F000",
             "'target' must be a number, got '180\u202F000': write 180000 (no thousands separator)"},
            {"target", Type::number, "1'000",
             "'target' must be a number, got '1'000': write 1000 (no thousands separator)"},
            {"target", Type::number, "1.234.567",
             "'target' must be a number, got '1.234.567': write 1234567 (no thousands separator)"},
            {"target", Type::number, "1 234,5",
             "'target' must be a number, got '1 234,5': write 1234.5 (a decimal point, not a comma, no thousands "
             "separator)"},
            {"target", Type::number, "1,234.5",
             "'target' must be a number, got '1,234.5': write 1234.5 (no thousands separator)"},
            {"target", Type::number, "1,500",
             "'target' must be a number, got '1,500': write 1500, or 1.5 if the comma is a decimal point"},
            {"target", Type::number, "120k", "'target' must be a number, got '120k': write 120000 (k written out)"},
            {"current", Type::number, "58%",
             "'current' must be a number, got '58%': write 58, and the unit apart (unit: %)"},
            {"current", Type::number, "45 min",
             "'current' must be a number, got '45 min': write 45, and the unit apart (unit: min)"},
            {"current", Type::number, "1.5.2", "'current' must be a number, got '1.5.2'"},
            {"current", Type::number, "1 5", "'current' must be a number, got '1 5'"},
            {"current", Type::number, "n/a", "'current' must be a number, got 'n/a'"},
            {"confidence", Type::confidence, "70", "'confidence' is a share from 0 to 1, got 70: write 0.7"},
            {"confidence", Type::confidence, "70%", "'confidence' is a share from 0 to 1, got '70%': write 0.7"},
            {"confidence", Type::confidence, "0,7",
             "'confidence' must be a number, got '0,7': write 0.7 (a decimal point, not a comma)"},
            {"confidence", Type::confidence, "1.5", "'confidence' must be between 0 and 1, got 1.5"},
            {"stale_after_days", Type::whole_number, "15j",
             "'stale_after_days' must be a whole number, got '15j': write 15, without a unit"},
            {"stale_after_days", Type::whole_number, "15 days",
             "'stale_after_days' must be a whole number, got '15 days': write 15, without a unit"},
            {"estimate", Type::duration, "15j", "'estimate' must be a duration such as 5d or 3w, got '15j': write 15d"},
            {"estimate", Type::duration, "15 days",
             "'estimate' must be a duration such as 5d or 3w, got '15 days': write 15d"},
            {"estimate", Type::duration, "3 semaines",
             "'estimate' must be a duration such as 5d or 3w, got '3 semaines': write 3w"},
            {"estimate", Type::duration, "1,5 weeks",
             "'estimate' must be a duration such as 5d or 3w, got '1,5 weeks': write 1.5w"},
            {"estimate", Type::duration, "15",
             "'estimate' must be a duration such as 5d or 3w, got '15': write 15d for days or 15w for weeks"},
            {"estimate", Type::duration, "2 months", "'estimate' must be a duration such as 5d or 3w, got '2 months'"},
            {"due", Type::date, "31/12/2026", "'due' must be a date YYYY-MM-DD, got '31/12/2026': write 2026-12-31"},
            {"due", Type::date, "11/30/2026", "'due' must be a date YYYY-MM-DD, got '11/30/2026': write 2026-11-30"},
            {"due", Type::date, "03/11/2026",
             "'due' must be a date YYYY-MM-DD, got '03/11/2026': write 2026-11-03, or 2026-03-11 if the month comes "
             "first"},
            {"due", Type::date, "30.11.26", "'due' must be a date YYYY-MM-DD, got '30.11.26': write 2026-11-30"},
            {"due", Type::date, "2026-12-1", "'due' must be a date YYYY-MM-DD, got '2026-12-1': write 2026-12-01"},
            {"due", Type::date, "2026/12/01", "'due' must be a date YYYY-MM-DD, got '2026/12/01': write 2026-12-01"},
            {"period", Type::period, "2026-q4",
             "'period' must be YYYY-Qn, YYYY-Hn or {start: DATE, end: DATE}, got '2026-q4': write 2026-Q4"},
            {"period", Type::period, "Q4 2026",
             "'period' must be YYYY-Qn, YYYY-Hn or {start: DATE, end: DATE}, got 'Q4 2026': write 2026-Q4"},
            {"period", Type::period, "T1 2027",
             "'period' must be YYYY-Qn, YYYY-Hn or {start: DATE, end: DATE}, got 'T1 2027': write 2027-Q1"},
            {"period", Type::period, "S2-2026",
             "'period' must be YYYY-Qn, YYYY-Hn or {start: DATE, end: DATE}, got 'S2-2026': write 2026-H2"},
            {"email", Type::email, "lea.example.com",
             "'email' must be an e-mail address (name@domain), got 'lea.example.com'"},
            {"email", Type::email, "Léa <lea@example.com>",
             "'email' must be an e-mail address (name@domain), got 'Léa <lea@example.com>': write lea@example.com"},
            {"email", Type::email, "mailto:lea@example.com",
             "'email' must be an e-mail address (name@domain), got 'mailto:lea@example.com': write lea@example.com"},
            {"email", Type::email, "lea at example.com",
             "'email' must be an e-mail address (name@domain), got 'lea at example.com': write lea@example.com"},
            {"email", Type::email, "lea@", "'email' must be an e-mail address (name@domain), got 'lea@'"},
            {"dashboard", Type::url, "grafana.example.com/d/arr",
             "'dashboard' must be a URL (http:// or https://), got 'grafana.example.com/d/arr': write "
             "https://grafana.example.com/d/arr"},
        };
        for (const Case& c : cases) {
            CAPTURE(c.text);
            const format::Read r = format::read_scalar({c.key, c.type, false, ""}, {c.text, true});
            CHECK_FALSE(r.value.has_value());
            CHECK(r.error == c.message);
        }
    }

    TEST_CASE("an enum value in another case, accent or separator is reported and read as the one it means") {
        using format::Entity;
        const auto read = [](Entity e, std::string_view key, std::string_view text) {
            return format::read_scalar(format::key(e, key), {text, true});
        };
        const format::Read run = read(Entity::stream, "kind", "Run");
        CHECK(run.error == "'kind' must be one of build, run, got 'Run': write 'run' (read as 'run' meanwhile)");
        CHECK(std::get<std::string>(run.value.value()) == "run");
        CHECK(std::get<std::string>(read(Entity::epic, "status", "In_Progress").value.value()) == "in-progress");
        CHECK(std::get<std::string>(read(Entity::epic, "priority", "p1").value.value()) == "P1");
        CHECK(std::get<std::string>(read(Entity::task, "status", "DONE").value.value()) == "done");
        // A typo is not a spelling: reported with a suggestion, and not read.
        const format::Read runn = read(Entity::stream, "kind", "runn");
        CHECK_FALSE(runn.value.has_value());
        CHECK(runn.error == "'kind' must be one of build, run, got 'runn' (did you mean 'run'?)");

        const Roadmap r = load_roadmap_from_string(
            "roadmap:\n  name: R\n  period: 2026-Q4\n  lint:\n    rules: {no-run-stream: Off}\n"
            "streams:\n  - id: s\n    title: S\n    kind: Run\n");
        REQUIRE(r.streams.size() == 1);
        CHECK(r.streams[0].is_run());
        CHECK_FALSE(r.streams[0].kind.invalid);
        REQUIRE(r.roadmap_blocks.size() == 1);
        REQUIRE(r.roadmap_blocks[0].lint.rules.size() == 1);
        CHECK(r.roadmap_blocks[0].lint.rules[0].severity == Severity::off);
        CHECK(located(r) == std::vector<std::string>{"invalid-value@5:28", "invalid-value@9:11"});
    }

    TEST_CASE("did-you-mean counts characters and is blind to case and accents") {
        using boussole::closest_match;
        using boussole::edit_distance;
        CHECK(edit_distance("hélène", "helene") == 0);
        CHECK(edit_distance("Hélène", "helene") == 0);
        CHECK(edit_distance("héléne", "hélènes") == 1);  // one character added, whatever its bytes
        CHECK(edit_distance("qualité", "qualite") == 0);
        CHECK(edit_distance("日本", "日本語") == 1);
        const std::vector<std::string> people{"helene", "theo", "camille"};
        CHECK(closest_match("Hélène", people) == std::optional<std::string>("helene"));
        CHECK(closest_match("théo", people) == std::optional<std::string>("theo"));
        CHECK(boussole::fold_to_ascii("Qualité CRM — Œuvre") == "qualite crm — oeuvre");
    }

    TEST_CASE("issue 17: the Speller answers as closest_match does, ties and limits included, and stops searching") {
        // Ids of every length near each other, typos of them, transpositions, accents, ties.
        std::vector<std::string> ids;
        for (const char* base : {"billing", "billing-sync", "dedup", "dedupe", "crm", "crm-hygiene", "territories",
                                 "Hélène", "helene", "helenes", "routing-rules", "routing-rule", "ab", "ba", "a"})
            ids.emplace_back(base);
        for (int i = 0; i < 60; ++i) ids.push_back(fmt::format("epic-{:03}", i * 7));
        std::vector<std::string> words{"biling",
                                       "billnig",
                                       "billing-snyc",
                                       "dedpu",
                                       "dedu",
                                       "crn",
                                       "crm-hygeine",
                                       "territoires",
                                       "helène",
                                       "HELENES",
                                       "routing-rulez",
                                       "routing_rules",
                                       "b",
                                       "abc",
                                       "",
                                       "zzzzzz",
                                       "epic-014",
                                       "epic-0014",
                                       "epic-41",
                                       "epic-xyz",
                                       "é",
                                       "billing",
                                       "crm"};
        boussole::Speller speller(ids);
        for (const std::string& w : words) {
            CAPTURE(w);
            CHECK(speller.closest(w) == boussole::closest_match(w, ids));
            CHECK(speller.closest(w) == boussole::closest_match(w, ids));  // kept, the same
            CHECK(speller.did_you_mean(w) == boussole::did_you_mean(w, ids));
        }
        // Past its limit of distinct words, it searches no more.
        boussole::Speller small(ids, 2);
        CHECK(small.closest("biling") == std::optional<std::string>("billing"));
        CHECK(small.closest("dedpu") == std::optional<std::string>("dedup"));
        CHECK_FALSE(small.closest("crn"));
        CHECK(small.closest("biling") == std::optional<std::string>("billing"));  // asked before: still answered
    }

    TEST_CASE("a name is recognised whole, by one of its words, by its words' beginnings, or with a typo") {
        using boussole::name_distance;
        CHECK(name_distance("Hélène Laurent", "Hélène Laurent") == std::optional<std::size_t>(0));
        CHECK(name_distance("helene-laurent", "Hélène Laurent") == std::optional<std::size_t>(0));
        CHECK(name_distance("laurent", "Hélène Laurent") == std::optional<std::size_t>(0));
        CHECK(name_distance("Helene", "Hélène Laurent") == std::optional<std::size_t>(0));
        CHECK(name_distance("h-laurent", "Hélène Laurent") == std::optional<std::size_t>(1));
        CHECK(name_distance("Laurant", "Hélène Laurent") == std::optional<std::size_t>(1));
        CHECK_FALSE(name_distance("theo", "Hélène Laurent"));
        CHECK_FALSE(name_distance("la", "Hélène Laurent"));  // too short a beginning
        CHECK_FALSE(name_distance("", "Hélène Laurent"));
        CHECK_FALSE(name_distance("laurent", ""));
        CHECK(boussole::id_from_text("Théo Lefèvre") == "theo-lefevre");
        CHECK(boussole::id_from_text("  Ad-hoc: deduplication! ") == "ad-hoc-deduplication");
        CHECK(boussole::id_from_text("—").empty());
    }
}
