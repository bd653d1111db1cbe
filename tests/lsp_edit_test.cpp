// `boussole lsp` (issue 18, part 2b): rename and quick fixes, as edits the test applies itself
// (positions converted here, independently of the server), then lints.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <regex>
#include <set>

#include "lsp_support.hpp"

namespace {

using namespace lsp_support;

// The byte offset of LSP position (line, character) in `text`, characters counted in UTF-16 units
// or UTF-8 bytes; lines end at \n. Fails the test on a position outside the text or inside a
// character: an edit must land on characters.
std::size_t offset_at(const std::string& text, const json& position, bool utf8) {
    const int line = position["line"];
    const std::uint32_t character = position["character"];
    std::size_t i = 0;
    for (int l = 0; l < line; ++l) {
        i = text.find('\n', i);
        REQUIRE(i != std::string::npos);
        ++i;
    }
    std::uint32_t units = 0;
    while (units < character) {
        REQUIRE(i < text.size());
        REQUIRE(text[i] != '\n');
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t bytes = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        units += utf8 ? static_cast<std::uint32_t>(bytes) : bytes == 4 ? 2 : 1;
        i += bytes;
    }
    REQUIRE(units == character);
    return i;
}

// Applies TextEdits (from the last to the first, as they must not overlap) to `text`.
std::string apply_edits(std::string text, const json& edits, bool utf8) {
    std::vector<std::tuple<std::size_t, std::size_t, std::string>> spans;
    for (const json& e : edits)
        spans.emplace_back(offset_at(text, e["range"]["start"], utf8), offset_at(text, e["range"]["end"], utf8),
                           e["newText"].get<std::string>());
    std::sort(spans.begin(), spans.end());
    for (std::size_t k = 1; k < spans.size(); ++k) REQUIRE(std::get<1>(spans[k - 1]) <= std::get<0>(spans[k]));
    for (auto it = spans.rbegin(); it != spans.rend(); ++it)
        text.replace(std::get<0>(*it), std::get<1>(*it) - std::get<0>(*it), std::get<2>(*it));
    return text;
}

// Applies a WorkspaceEdit to `texts` (by path; a file not there is read from disk). Returns the
// version each documentChanges entry named, by path (null for `changes`).
std::map<std::string, json> apply(const json& edit, std::map<std::string, std::string>& texts, bool utf8 = false) {
    std::map<std::string, json> versions;
    const auto text_of = [&](const std::string& path) -> std::string& {
        if (!texts.contains(path)) texts[path] = test::slurp(path);
        return texts[path];
    };
    if (edit.contains("documentChanges")) {
        CHECK(!edit.contains("changes"));
        for (const json& change : edit["documentChanges"]) {
            const std::string path = path_of_uri(change["textDocument"]["uri"].get<std::string>());
            REQUIRE(!versions.contains(path));  // one entry per document
            versions[path] = change["textDocument"]["version"];
            text_of(path) = apply_edits(text_of(path), change["edits"], utf8);
        }
    } else {
        REQUIRE(edit.contains("changes"));
        for (const auto& [uri, edits] : edit["changes"].items()) {
            const std::string path = path_of_uri(uri);
            versions[path] = nullptr;
            text_of(path) = apply_edits(text_of(path), edits, utf8);
        }
    }
    return versions;
}

json at(const std::string& path, std::size_t line, std::size_t character) {
    return {{"textDocument", {{"uri", uri_of_path(path)}}}, {"position", {{"line", line}, {"character", character}}}};
}

// The 0-based index of the first line of `text` equal to `line`.
std::size_t line_index(const std::string& text, const std::string& line) {
    for (int n = 0;; ++n) {
        const std::string l = line_of(text, n);
        if (l == line) return static_cast<std::size_t>(n);
        REQUIRE(n < 100000);
        if (l.empty() && text.find(line) == std::string::npos) FAIL("no line '" << line << "'");
    }
}

// The answer to request `id` among `messages`.
json answer(const std::vector<json>& messages, int id) {
    for (const json& m : messages)
        if (m.contains("id") && m["id"] == id && !m.contains("method")) return m;
    FAIL("no answer to request " << id);
    return nullptr;
}

// Whether `id` is still written as an id (not as part of a longer id, a name, an e-mail or a URL)
// in any file under `dir`.
bool id_written(const std::string& dir, const std::string& id) {
    const std::regex word("(^|[^a-z0-9_@./-])" + id + "([^a-z0-9_@./-]|$)");
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file()) continue;
        const std::string text = test::slurp(e.path().string());
        std::istringstream in(text);
        for (std::string line; std::getline(in, line);)
            if (std::regex_search(line, word)) return true;
    }
    return false;
}

// `text` with every `from` replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t i = text.find(from); i != std::string::npos; i = text.find(from, i + to.size()))
        text.replace(i, from.size(), to);
    return text;
}

// A small roadmap whose ids are written after accents and emoji, quoted, in flow and block
// lists, as `<dir>/roadmap`.
std::string accented_workspace(const std::string& name) {
    const std::string dir = test::temp_dir("lsp-edit-" + name);
    fs::remove_all(dir);
    test::write(dir + "/roadmap/people.yaml",
                "people:\n"
                "  - {name: \"Zoë 🚀 Ångström\", id: \"zoe\", role: Ops}\n"
                "  - {name: Bob, id: bob}\n");
    test::write(dir + "/roadmap/streams.yaml",
                "streams:\n"
                "  - id: ops\n"
                "    title: Opérations 🎉\n"
                "    owner: 'zoe'\n"
                "    epics:\n"
                "      - {title: \"Fête 🎉 à Zürich\", id: party, owner: zoe, contributors: [bob, \"zoe\"]}\n"
                "      - id: after\n"
                "        title: 🎂 café\n"
                "        contributors:\n"
                "          - zoe\n"
                "        depends_on: [party]\n");
    return fs::canonical(dir).string();
}

}  // namespace

TEST_SUITE("lsp") {
    TEST_CASE("rename: a person across the files of a copy of examples/; applied, lint is clean, the old id gone") {
        const std::string dir = example_workspace("rename");
        const std::string root = dir + "/roadmap", people = root + "/people.yaml";
        const std::map<std::string, std::string> before = [&] {
            std::map<std::string, std::string> out;
            for (const auto& e : fs::recursive_directory_iterator(root))
                if (e.is_regular_file()) out[e.path().string()] = test::slurp(e.path().string());
            return out;
        }();
        Session s;
        const json init = s.initialize(dir);
        CHECK(init["result"]["capabilities"]["renameProvider"] == json{{"prepareProvider", true}});
        s.idle();
        const std::size_t decl = line_index(before.at(people), "  - id: noah");

        s.request(2, "textDocument/prepareRename", at(people, decl, 10));
        const json prepared = answer(s.take(), 2);
        REQUIRE(prepared.contains("result"));
        CHECK(prepared["result"]["placeholder"] == "noah");
        CHECK(prepared["result"]["range"]["start"] == json{{"line", decl}, {"character", 8}});
        CHECK(prepared["result"]["range"]["end"] == json{{"line", decl}, {"character", 12}});

        // Every declaration and use: as many edits as references.
        json refs = at(people, decl, 9);
        refs["context"] = {{"includeDeclaration", true}};
        s.request(3, "textDocument/references", refs);
        const std::size_t references = answer(s.take(), 3)["result"].size();
        CHECK(references > 10);

        json params = at(people, decl, 9);
        params["newName"] = "noah-dubois";
        s.request(4, "textDocument/rename", params);
        const json renamed = answer(s.take(), 4);
        REQUIRE(renamed.contains("result"));
        const json edit = renamed["result"];
        REQUIRE(edit.contains("changes"));  // the client did not offer documentChanges
        std::size_t edits = 0;
        for (const auto& [uri, list] : edit["changes"].items()) edits += list.size();
        CHECK(edits == references);
        CHECK(edit["changes"].size() >= 4);  // people, metrics, objectives and streams files

        std::map<std::string, std::string> texts;
        apply(edit, texts);
        for (const auto& [path, text] : texts) test::write(path, text);
        const test::Run lint = test::run({test::binary(), "lint", root}, root, {"NO_COLOR="});
        CHECK(lint.status == 0);
        CHECK(lint.out.find("0 errors, 0 warnings") != std::string::npos);
        CHECK(!id_written(root, "noah"));
        // Nothing but the id changed: putting it back gives every file as it was.
        for (const auto& [path, text] : before) CHECK(replaced(test::slurp(path), "noah-dubois", "noah") == text);
    }

    TEST_CASE("rename: documentChanges with the open documents' versions; an epic in flow lists, a key result") {
        const std::string dir = example_workspace("rename-versions");
        const std::string root = dir + "/roadmap", billing = root + "/streams/billing.yaml";
        const std::string objectives = root + "/objectives.yaml";
        Session s;
        s.initialize(dir, {{"workspace", {{"workspaceEdit", {{"documentChanges", true}}}}}});
        // billing.yaml open with unsaved text: an epic added that depends on quote-templates.
        const std::string unsaved =
            test::slurp(billing) +
            "\n      - {id: new-epic, title: New, owner: lea, status: planned, depends_on: [discount-approvals, "
            "quote-templates]}\n";
        s.open(billing, unsaved, 7);
        s.idle();
        const std::string line = "        depends_on: [quote-templates]";
        const std::size_t n = line_index(unsaved, line);
        json params = at(billing, n, line.find("quote") + 3);
        params["newName"] = "quotes";
        s.request(2, "textDocument/rename", params);
        const json edit = answer(s.take(), 2)["result"];
        REQUIRE(edit.contains("documentChanges"));
        std::map<std::string, std::string> texts{{billing, unsaved}};
        const std::map<std::string, json> versions = apply(edit, texts);
        REQUIRE(versions.size() == 1);
        CHECK(versions.at(billing) == 7);
        CHECK(texts[billing] == replaced(unsaved, "quote-templates", "quotes"));

        // A key result declared in objectives.yaml (on disk: version null), named in the streams.
        const std::string objectives_text = test::slurp(objectives);
        const std::size_t kr = line_index(objectives_text, "      - id: quote-cycle");
        params = at(objectives, kr, 12);
        params["newName"] = "quote_cycle";
        s.request(3, "textDocument/rename", params);
        const json kr_edit = answer(s.take(), 3)["result"];
        std::map<std::string, std::string> kr_texts{{billing, unsaved}};
        const std::map<std::string, json> kr_versions = apply(kr_edit, kr_texts);
        CHECK(kr_versions.at(billing) == 7);
        CHECK(kr_versions.at(objectives).is_null());
        CHECK(kr_texts[objectives] == replaced(objectives_text, "id: quote-cycle\n", "id: quote_cycle\n"));
        CHECK(kr_texts[billing] == replaced(unsaved, "[quote-cycle]", "[quote_cycle]"));
        // Written, the whole roadmap lints as before the rename (the epic's unsaved text included).
        for (const auto& [path, text] : kr_texts) test::write(path, text);
        const test::Run lint = test::run({test::binary(), "lint", root}, root, {"NO_COLOR="});
        CHECK(lint.status == 0);
        CHECK(!id_written(root, "quote-cycle"));
    }

    TEST_CASE("rename refused: an invalid id, an id taken by the same kind, a position on no id") {
        const std::string dir = example_workspace("rename-refused");
        const std::string people = dir + "/roadmap/people.yaml";
        const std::string text = test::slurp(people);
        Session s;
        s.initialize(dir);
        s.idle();
        const std::size_t decl = line_index(text, "  - id: noah");
        const auto refused = [&](int id, const json& params, const std::string& method = "textDocument/rename") {
            s.request(id, method, params);
            const json m = answer(s.take(), id);
            REQUIRE(m.contains("error"));
            CHECK(m["error"]["code"] == -32803);  // RequestFailed
            return m["error"]["message"].get<std::string>();
        };
        json params = at(people, decl, 9);
        params["newName"] = "Noah Dubois";
        std::string message = refused(2, params);
        CHECK(message.find("cannot rename person 'noah' to 'Noah Dubois'") != std::string::npos);
        CHECK(message.find("lower-case") != std::string::npos);
        CHECK(message.find("e.g. 'noah-dubois'") != std::string::npos);

        params["newName"] = "sam";
        message = refused(3, params);
        CHECK(message.find("another person already has the id 'sam' (people.yaml:") != std::string::npos);
        CHECK(message.find("choose an id no other person has") != std::string::npos);

        // The name, not the id: no id there.
        const std::size_t name = decl + 1;
        REQUIRE(line_of(text, static_cast<int>(name)) == "    name: Noah Dubois");
        params = at(people, name, 12);
        params["newName"] = "x";
        message = refused(4, params);
        CHECK(message.find("there is no id to rename at people.yaml:" + std::to_string(name + 1)) != std::string::npos);
        CHECK(refused(5, at(people, name, 12), "textDocument/prepareRename") == message);

        // An id of another kind is no conflict: a person may be named as an epic is.
        params = at(people, decl, 9);
        params["newName"] = "quote-templates";
        s.request(6, "textDocument/rename", params);
        CHECK(answer(s.take(), 6)["result"]["changes"].size() >= 4);
        // No newName: the params are wrong (InvalidParams), not the rename.
        s.request(7, "textDocument/rename", at(people, decl, 9));
        CHECK(answer(s.take(), 7)["error"]["code"] == -32602);
        // An owner written as a folded block scalar: no edit can change it in place; said, and where.
        const std::string billing = dir + "/roadmap/streams/billing.yaml";
        const std::string billing_text = test::slurp(billing);
        s.open(
            billing,
            replaced(billing_text, "    owner: noah\n    description:", "    owner: >-\n      noah\n    description:"),
            2);
        s.idle();
        params = at(people, decl, 9);
        params["newName"] = "noah-d";
        message = refused(8, params);
        CHECK(message.find("the person id 'noah' at streams/billing.yaml:4 is written over several lines") !=
              std::string::npos);
        CHECK(message.find("write it on one line, then rename again") != std::string::npos);
        // Nothing was written.
        CHECK(test::slurp(people) == text);
        CHECK(test::slurp(billing) == billing_text);
    }

    TEST_CASE("rename after accents and emoji, quoted ids, flow and block lists: exactly the id's characters") {
        for (const bool utf8 : {false, true}) {
            CAPTURE(utf8);
            const std::string dir = accented_workspace(utf8 ? "utf8" : "utf16");
            const std::string people = dir + "/roadmap/people.yaml", streams = dir + "/roadmap/streams.yaml";
            const std::string people_text = test::slurp(people), streams_text = test::slurp(streams);
            Session s;
            s.initialize(dir, utf8 ? json{{"general", {{"positionEncodings", {"utf-8"}}}}} : json::object());
            s.idle();
            // On the quoted id after the emoji: the range is the id inside its quotes.
            const std::string decl = line_of(people_text, 1);
            const std::size_t id_byte = decl.find("\"zoe\"") + 1;
            const std::string before_id = decl.substr(0, id_byte);
            const std::size_t character =
                utf8 ? before_id.size()
                     : static_cast<std::size_t>(std::count_if(before_id.begin(), before_id.end(),
                                                              [](char c) { return (c & 0xC0) != 0x80; })) +
                           1;  // 🚀 is two UTF-16 units
            s.request(2, "textDocument/prepareRename", at(people, 1, character + 1));
            const json prepared = answer(s.take(), 2);
            REQUIRE(prepared.contains("result"));
            CHECK(prepared["result"]["range"]["start"]["character"] == character);
            CHECK(prepared["result"]["range"]["end"]["character"] == character + 3);

            json params = at(people, 1, character + 1);
            params["newName"] = "zoe-a";
            s.request(3, "textDocument/rename", params);
            const json edit = answer(s.take(), 3)["result"];
            std::map<std::string, std::string> texts;
            apply(edit, texts, utf8);
            CHECK(texts[people] == replaced(people_text, "\"zoe\"", "\"zoe-a\""));
            const std::string expected =
                replaced(replaced(replaced(streams_text, "'zoe'", "'zoe-a'"), "owner: zoe,", "owner: zoe-a,"),
                         "\"zoe\"]", "\"zoe-a\"]");
            CHECK(texts[streams] == replaced(expected, "          - zoe\n", "          - zoe-a\n"));

            // An epic in a flow list after an emoji on its line.
            const std::string party_line = line_of(streams_text, 5);
            const std::string before_party = party_line.substr(0, party_line.find("party"));
            const std::size_t party =
                utf8 ? before_party.size()
                     : static_cast<std::size_t>(std::count_if(before_party.begin(), before_party.end(),
                                                              [](char c) { return (c & 0xC0) != 0x80; })) +
                           1;
            params = at(streams, 5, party);
            params["newName"] = "fiesta";
            s.request(4, "textDocument/rename", params);
            std::map<std::string, std::string> party_texts;
            apply(answer(s.take(), 4)["result"], party_texts, utf8);
            CHECK(party_texts[streams] ==
                  replaced(replaced(streams_text, "id: party,", "id: fiesta,"), "[party]", "[fiesta]"));
        }
    }

    TEST_CASE("quick fix: a typo'd owner gets the did-you-mean as a preferred fix; applied, the diagnostic clears") {
        const std::string dir = example_workspace("quickfix");
        const std::string billing = dir + "/roadmap/streams/billing.yaml";
        const std::string text = test::slurp(billing);
        Session s;
        const json init = s.initialize(dir);
        CHECK(init["result"]["capabilities"]["codeActionProvider"]["codeActionKinds"] == json{"quickfix"});
        s.idle();
        // A typo'd owner, written quoted after an accent on the line; a typo'd key.
        std::string typo =
            replaced(text, "    owner: noah\n    description: From", "    owner: \"nooh\" # é\n    description: From");
        typo = replaced(typo, "        estimate: 6w\n", "        estimat: 6w\n");
        REQUIRE(typo != text);
        s.open(billing, typo, 2);
        const std::map<std::string, json> diagnostics = published(s.idle());
        REQUIRE(diagnostics.contains(billing));
        const json& list = diagnostics.at(billing)["diagnostics"];
        REQUIRE(list.size() == 2);
        json owner, key;
        for (const json& d : list) (d["code"] == "unknown-reference" ? owner : key) = d;
        REQUIRE(owner.is_object());
        REQUIRE(key.is_object());
        CHECK(owner["message"].get<std::string>().find("did you mean 'noah'") != std::string::npos);
        CHECK(owner["codeDescription"]["href"].get<std::string>().ends_with("doc/rules.md#unknown-reference"));

        // The cursor inside the typo: one preferred fix, linked to the diagnostic.
        json params = {{"textDocument", {{"uri", uri_of_path(billing)}}},
                       {"range", {{"start", owner["range"]["start"]}, {"end", owner["range"]["start"]}}},
                       {"context", {{"diagnostics", json::array({owner})}}}};
        s.request(2, "textDocument/codeAction", params);
        const json actions = answer(s.take(), 2)["result"];
        REQUIRE(actions.size() == 1);
        CHECK(actions[0]["kind"] == "quickfix");
        CHECK(actions[0]["isPreferred"] == true);
        CHECK(actions[0]["title"] == "Change 'nooh' to 'noah'");
        CHECK(actions[0]["diagnostics"] == json::array({owner}));
        std::map<std::string, std::string> texts{{billing, typo}};
        apply(actions[0]["edit"], texts);
        CHECK(texts[billing] == replaced(typo, "\"nooh\"", "\"noah\""));

        // Asked for refactorings only: no quick fix. A range over no diagnostic: none either.
        params["context"]["only"] = {"refactor"};
        s.request(3, "textDocument/codeAction", params);
        CHECK(answer(s.take(), 3)["result"].empty());
        params["context"].erase("only");
        params["range"] = {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 1}, {"character", 0}}}};
        s.request(4, "textDocument/codeAction", params);
        CHECK(answer(s.take(), 4)["result"].empty());

        // The key's fix, over the whole file's range: both fixes; applied in turn, nothing is left.
        params["range"] = {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 200}, {"character", 0}}}};
        s.request(5, "textDocument/codeAction", params);
        const json both = answer(s.take(), 5)["result"];
        REQUIRE(both.size() == 2);
        std::string fixed = typo;
        for (const json& action : both) {
            std::map<std::string, std::string> t{{billing, fixed}};
            apply(action["edit"], t);
            fixed = t[billing];
        }
        CHECK(fixed == replaced(text, "    owner: noah\n    description: From",
                                "    owner: \"noah\" # é\n    description: From"));
        s.replace_all(billing, fixed, 3);
        const std::map<std::string, json> after = published(s.idle());
        REQUIRE(after.contains(billing));
        CHECK(after.at(billing)["diagnostics"].empty());
    }

    TEST_CASE("quick fix: a person's name written for their id, after an emoji, in UTF-8: the id it names") {
        const std::string dir = example_workspace("quickfix-names");
        const std::string billing = dir + "/roadmap/streams/billing.yaml";
        const std::string text = test::slurp(billing);
        Session s;
        s.initialize(dir, {{"general", {{"positionEncodings", {"utf-8"}}}}});
        s.idle();
        const std::string from = "          - {title: Map CRM fields to billing fields, owner: noah, status: done}";
        const std::string to = "          - {title: Map CRM fields → billing 🧾, owner: noah-dubois, status: done}";
        const std::string typo = replaced(text, from, to);
        REQUIRE(typo != text);
        s.open(billing, typo, 2);
        const std::map<std::string, json> diagnostics = published(s.idle());
        REQUIRE(diagnostics.contains(billing));
        REQUIRE(diagnostics.at(billing)["diagnostics"].size() == 1);
        const std::size_t n = line_index(typo, to);
        const json params = {
            {"textDocument", {{"uri", uri_of_path(billing)}}},
            {"range", {{"start", {{"line", n}, {"character", 0}}}, {"end", {{"line", n}, {"character", 10}}}}}};
        s.request(2, "textDocument/codeAction", params);
        CHECK(answer(s.take(), 2)["result"].empty());  // the range ends before the diagnostic
        json on = params;
        on["range"]["end"]["character"] = to.size();
        s.request(3, "textDocument/codeAction", on);
        const json actions = answer(s.take(), 3)["result"];
        REQUIRE(actions.size() == 1);
        CHECK(actions[0]["title"] == "Change 'noah-dubois' to 'noah'");
        std::map<std::string, std::string> t{{billing, typo}};
        apply(actions[0]["edit"], t, true);
        CHECK(t[billing] == replaced(typo, "owner: noah-dubois,", "owner: noah,"));
    }

    TEST_CASE(
        "quick fix: a misspelt status and a priority in the wrong case get the choice meant; a key the "
        "mapping has already is not offered again") {
        const std::string dir = example_workspace("quickfix-choices");
        const std::string billing = dir + "/roadmap/streams/billing.yaml";
        const std::string text = test::slurp(billing);
        Session s;
        s.initialize(dir);
        s.idle();
        const std::string typo =
            replaced(replaced(text, "        status: in-progress\n", "        status: in-progres\n"),
                     "        priority: P0\n", "        priority: 'p0'\n");
        const std::string with_key =
            replaced(typo, "        estimate: 6w\n", "        estimate: 6w\n        estimat: 2w\n");
        REQUIRE(with_key != typo);
        REQUIRE(typo != text);
        s.open(billing, with_key, 2);
        const std::map<std::string, json> diagnostics = published(s.idle());
        REQUIRE(diagnostics.contains(billing));
        const json params = {
            {"textDocument", {{"uri", uri_of_path(billing)}}},
            {"range", {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 200}, {"character", 0}}}}}};
        s.request(2, "textDocument/codeAction", params);
        const json actions = answer(s.take(), 2)["result"];
        std::set<std::string> titles;
        for (const json& a : actions) titles.insert(a["title"]);
        CHECK(titles == std::set<std::string>{"Change 'in-progres' to 'in-progress'", "Change 'p0' to 'P0'"});
        std::string fixed = with_key;
        for (const json& action : actions) {
            std::map<std::string, std::string> t{{billing, fixed}};
            apply(action["edit"], t);
            fixed = t[billing];
        }
        CHECK(fixed == replaced(replaced(text, "        priority: P0\n", "        priority: 'P0'\n"),
                                "        estimate: 6w\n", "        estimate: 6w\n        estimat: 2w\n"));
        s.replace_all(billing, fixed, 3);
        const std::map<std::string, json> after = published(s.idle());
        REQUIRE(after.contains(billing));
        // Only the repeated key is left: its did-you-mean names 'estimate', which is there already.
        REQUIRE(after.at(billing)["diagnostics"].size() == 1);
        CHECK(after.at(billing)["diagnostics"][0]["code"] == "unknown-key");
    }
}
