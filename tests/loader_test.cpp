#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "boussole/fields.hpp"
#include "boussole/format.hpp"
#include "boussole/loader.hpp"
#include "boussole/spell.hpp"
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
            "      - {id: k, title: K, baseline: '45', target: 10%, confidence: 1.5}\n"
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
        CHECK(r.load_findings.size() == 11);
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
        CHECK(has("did you mean 'in-progress'?"));
        CHECK(has("is 2026-02-30, a day that does not exist (February 2026 has 28 days)"));
        CHECK(has("'estimate' must be a duration"));
        CHECK(has("'contributors' must be a list, e.g. [sam]; read as one item"));
        CHECK(r.streams[0].epics[0].contributors.size() == 1);
        // An invalid value is not also a missing one.
        CHECK(r.streams[0].title.invalid);
        CHECK_FALSE(r.streams[0].title.missing());
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
        // The bomb's 9^9 leaves are never expanded: the bomb sits under unknown keys, reported once each.
        const Roadmap r = load_roadmap_from_string(bomb);
        CHECK(r.load_findings.size() == 9);
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
        CHECK(read("min", Type::whole_number, "2.5").error == "'min' must be a whole number, got 2.5");
        CHECK_FALSE(read("title", Type::text, "   ").value.has_value());  // empty: not written
        CHECK(read("title", Type::text, "   ").error.empty());
        CHECK(std::get<std::string>(read("estimate", Type::duration, "1.5w").value.value()) == "1.5w");
        CHECK(read("estimate", Type::duration, "0d").error ==
              "'estimate' must be a duration such as 5d or 3w, got '0d'");
        CHECK(read("dashboard", Type::url, "ftp://x").error ==
              "'dashboard' must be a URL (http:// or https://), got 'ftp://x'");
        CHECK(read("email", Type::email, "nope").error == "'email' must be an e-mail address (name@domain)");
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
