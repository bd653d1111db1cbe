// `boussole lsp` (issue 18, first part): framing, JSON-RPC lifecycle, encodings, the workspace
// model (open documents over disk, watched files) and diagnostics equal to `boussole lint`'s.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "boussole/lsp.hpp"
#include "lsp_support.hpp"
#include "support.hpp"

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using namespace boussole::lsp;
using namespace lsp_support;

std::string frame(const std::string& body) {
    return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}
std::string frame(const json& message) { return frame(message.dump()); }

// A stream buffer that hands out its input in the chunks given, as a pipe does: in_avail() is
// what is left of the current chunk, so "more waiting" is false at each chunk's end.
class Chunks : public std::streambuf {
public:
    explicit Chunks(std::vector<std::string> chunks) : chunks_(std::move(chunks)) {}

protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        if (next_ == chunks_.size()) return traits_type::eof();
        std::string& c = chunks_[next_++];
        setg(c.data(), c.data(), c.data() + c.size());
        return c.empty() ? underflow() : traits_type::to_int_type(*gptr());
    }
    std::streamsize showmanyc() override { return 0; }

private:
    std::vector<std::string> chunks_;
    std::size_t next_ = 0;
};

// people.yaml without the person `id` (their block, up to the next person).
std::string without_person(const std::string& text, const std::string& id) {
    const std::size_t start = text.find("  - id: " + id + "\n");
    REQUIRE(start != std::string::npos);
    std::size_t end = text.find("  - id: ", start + 1);
    if (end == std::string::npos) end = text.size();
    return text.substr(0, start) + text.substr(end);
}

// Every file's bytes under `dir`, by path.
std::map<std::string, std::string> tree_bytes(const std::string& dir) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        out[e.path().string()] = e.is_regular_file() ? test::slurp(e.path().string()) : "<dir>";
    return out;
}

// `boussole lint --format json` on the roadmap at `root`, run as a user runs it in the workspace
// folder (root's parent, where the editor starts the server: `boussole lint roadmap`), as (path,
// line, column, severity, rule, message) tuples, columns in UTF-16 units of the file's line (as
// the server publishes them). Messages are compared word for word, file names in them included.
using Key = std::tuple<std::string, int, std::uint32_t, int, std::string, std::string>;
std::multiset<Key> lint_keys(const std::string& root) {
    const fs::path folder = fs::path(root).parent_path();
    const test::Run run = test::run({test::binary(), "lint", "--format", "json", fs::path(root).filename().string()},
                                    folder.string(), {"NO_COLOR="});
    REQUIRE(run.status <= 1);
    const json doc = json::parse(run.out);
    std::multiset<Key> out;
    for (const json& d : doc["diagnostics"]) {
        const std::string path = (folder / d["file"].get<std::string>()).lexically_normal().generic_string();
        const int line = d["line"].get<int>() - 1;
        const std::string text = line_of(test::slurp(path), line);
        const std::string sev = d["severity"];
        out.insert({path, line, utf16_units(code_point_prefix(text, d["column"].get<std::uint32_t>())),
                    sev == "error"     ? 1
                    : sev == "warning" ? 2
                                       : 3,
                    d["rule"], d["message"]});
    }
    return out;
}
std::multiset<Key> lsp_keys(const std::map<std::string, json>& diagnostics) {
    std::multiset<Key> out;
    for (const auto& [path, params] : diagnostics)
        for (const json& d : params["diagnostics"])
            out.insert({path, d["range"]["start"]["line"].get<int>(),
                        d["range"]["start"]["character"].get<std::uint32_t>(), d["severity"].get<int>(), d["code"],
                        d["message"]});
    return out;
}

}  // namespace

TEST_SUITE("lsp") {
    TEST_CASE("framing: split reads, two messages in one read, other headers, bad lengths, truncation") {
        const std::string a = R"({"jsonrpc":"2.0","method":"a"})", b = R"({"jsonrpc":"2.0","method":"é"})";
        const std::string both = frame(a) + frame(b);
        SUBCASE("split at every byte") {
            std::vector<std::string> chunks;
            for (char c : both) chunks.emplace_back(1, c);
            Chunks buf(chunks);
            std::istream in(&buf);
            FrameReader r(in);
            CHECK(r.next().body == a);
            CHECK(r.next().body == b);
            CHECK(r.next().kind == Framed::Kind::end);
        }
        SUBCASE("two messages in one read; more_waiting tells the second is there") {
            Chunks buf({both});
            std::istream in(&buf);
            FrameReader r(in);
            CHECK(r.next().body == a);
            CHECK(r.more_waiting());
            CHECK(r.next().body == b);
            CHECK_FALSE(r.more_waiting());
        }
        SUBCASE("other headers are ignored, the name's case too, and LF-only lines are read") {
            std::istringstream in("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: " +
                                  std::to_string(a.size()) + "\r\nX-Other: 1\r\n\r\n" + a +
                                  "Content-Length: " + std::to_string(b.size()) + "\n\n" + b);
            FrameReader r(in);
            CHECK(r.next().body == a);
            CHECK(r.next().body == b);
        }
        SUBCASE("a bad length is an error; the reader finds the next message") {
            std::istringstream in("Content-Length: abc\r\n\r\n" + a + frame(b));
            FrameReader r(in);
            const Framed bad = r.next();
            CHECK(bad.kind == Framed::Kind::error);
            CHECK(bad.error.find("'abc' is not a number of bytes") != std::string::npos);
            CHECK(r.next().body == b);
            CHECK(r.next().kind == Framed::Kind::end);
        }
        SUBCASE("a missing length is an error; the reader finds the next message") {
            std::istringstream in("Content-Type: x\r\n\r\n" + a + frame(b));
            FrameReader r(in);
            const Framed missing = r.next();
            CHECK(missing.kind == Framed::Kind::error);
            CHECK(missing.error.find("no Content-Length") != std::string::npos);
            CHECK(r.next().body == b);
            CHECK(r.next().kind == Framed::Kind::end);
        }
        SUBCASE("a body cut short is an error, then the end") {
            std::istringstream in("Content-Length: 100\r\n\r\n" + a);
            FrameReader r(in);
            const Framed cut = r.next();
            CHECK(cut.kind == Framed::Kind::error);
            CHECK(cut.error.find("ended 30 bytes into a message of 100 bytes") != std::string::npos);
            CHECK(r.next().kind == Framed::Kind::end);
        }
        SUBCASE("raw JSON without a header is an error, not a wait") {
            std::istringstream in(a + "\r\n" + frame(b));
            FrameReader r(in);
            CHECK(r.next().kind == Framed::Kind::error);
            CHECK(r.next().body == b);
        }
    }

    TEST_CASE("JSON-RPC: invalid JSON, batches, non-objects, missing ids and methods each get their answer") {
        Session s;
        s.initialize(example_workspace("rpc"));
        s.idle();
        s.server.handle("{not json");
        s.server.handle(R"([{"jsonrpc":"2.0","id":5,"method":"shutdown"}])");
        s.server.handle("42");
        s.server.handle(R"({"jsonrpc":"2.0","id":7})");
        s.server.handle(R"({"jsonrpc":"2.0","id":{"a":1},"method":"x"})");
        s.server.handle(R"({"jsonrpc":"2.0","method":"textDocument/unknownNotification"})");
        s.server.handle(R"({"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":3}})");
        s.server.handle(R"({"jsonrpc":"2.0","id":8,"method":"textDocument/unknownRequest"})");
        s.server.handle(R"({"jsonrpc":"2.0","id":"s9","method":"$/unknown"})");
        // Responses (to requests of ours) are never answered, even an error with a null id.
        s.server.handle(R"({"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"x"}})");
        s.server.handle(R"({"jsonrpc":"2.0","id":"boussole-1","result":null})");
        // A request without its id is a notification: no answer, even to shutdown.
        s.server.handle(R"({"jsonrpc":"2.0","method":"shutdown"})");
        const std::vector<json> m = s.take();
        REQUIRE(m.size() == 7);
        CHECK(m[0]["error"]["code"] == -32700);
        CHECK(m[0]["id"].is_null());
        CHECK(m[1]["error"]["code"] == -32600);
        CHECK(m[1]["error"]["message"].get<std::string>().find("batch") != std::string::npos);
        CHECK(m[2]["error"]["code"] == -32600);
        CHECK(m[3]["error"]["code"] == -32600);
        CHECK(m[3]["id"] == 7);
        CHECK(m[4]["error"]["code"] == -32600);
        CHECK(m[4]["id"].is_null());
        CHECK(m[5]["error"]["code"] == -32601);
        CHECK(m[5]["id"] == 8);
        CHECK(m[6]["error"]["code"] == -32601);
        CHECK(m[6]["id"] == "s9");
        for (const json& x : m) CHECK(x["jsonrpc"] == "2.0");
    }

    TEST_CASE("lifecycle: nothing before initialize, shutdown then exit (0), exit alone (1)") {
        const std::string dir = example_workspace("life");
        Session s;
        s.request(3, "textDocument/hover");
        s.notify("textDocument/didOpen", {{"textDocument", {{"uri", "file:///x.yaml"}, {"version", 1}, {"text", ""}}}});
        std::vector<json> m = s.take();
        REQUIRE(m.size() == 1);
        CHECK(m[0]["error"]["code"] == -32002);
        const json init = s.initialize(dir);
        CHECK(init["id"] == 1);
        CHECK(init["result"]["capabilities"]["textDocumentSync"]["change"] == 2);
        CHECK(init["result"]["capabilities"]["textDocumentSync"]["openClose"] == true);
        CHECK(init["result"]["capabilities"]["textDocumentSync"]["save"].is_object());
        CHECK(init["result"]["serverInfo"]["name"] == "boussole");
        s.request(2, "initialize", {{"capabilities", json::object()}});
        m = s.take();
        REQUIRE(m.size() == 1);
        CHECK(m[0]["error"]["code"] == -32600);
        s.request(4, "shutdown");
        m = s.take();
        REQUIRE(m.size() == 1);
        CHECK(m[0]["id"] == 4);
        CHECK(m[0].contains("result"));
        CHECK(m[0]["result"].is_null());
        s.request(5, "textDocument/hover");
        m = s.take();
        REQUIRE(m.size() == 1);
        CHECK(m[0]["error"]["code"] == -32600);
        CHECK_FALSE(s.server.exited());
        s.notify("exit");
        CHECK(s.server.exited());
        CHECK(s.server.exit_status() == 0);

        Session t;
        t.initialize(dir);
        t.notify("exit");
        CHECK(t.server.exited());
        CHECK(t.server.exit_status() == 1);
    }

    TEST_CASE("serve(): a whole session on a stream, a malformed message in the middle, exit status 0") {
        const std::string dir = example_workspace("serve");
        const json init = {{"jsonrpc", "2.0"},
                           {"id", 1},
                           {"method", "initialize"},
                           {"params", {{"rootUri", uri_of_path(dir)}, {"capabilities", json::object()}}}};
        const std::string input = frame(init) + frame(json{{"jsonrpc", "2.0"}, {"method", "initialized"}}) +
                                  "Content-Length: 5\r\n\r\n{oops" + "Content-Length: x\r\n\r\n{}" +
                                  frame(json{{"jsonrpc", "2.0"}, {"id", 2}, {"method", "shutdown"}}) +
                                  frame(json{{"jsonrpc", "2.0"}, {"method", "exit"}});
        std::istringstream in(input);
        std::ostringstream out;
        CHECK(serve(in, out) == 0);
        const std::vector<json> m = messages_in(out.str());
        REQUIRE(m.size() == 4);
        CHECK(m[0]["id"] == 1);
        CHECK(m[1]["error"]["code"] == -32700);
        CHECK(m[2]["error"]["code"] == -32700);
        CHECK(m[3]["id"] == 2);
        CHECK(m[3]["result"].is_null());

        std::istringstream no_shutdown(frame(init) + frame(json{{"jsonrpc", "2.0"}, {"method", "exit"}}));
        std::ostringstream out2;
        CHECK(serve(no_shutdown, out2) == 1);
    }

    TEST_CASE("positions: code point columns to UTF-16 units and UTF-8 bytes, and back") {
        const std::string line = "title: \"Été 😀 ok\"";  // É, é: 2 bytes; 😀: 4 bytes, a surrogate pair
        // Column of 'o' in "ok": 'title: "' is 8 code points, then É t é space 😀 space = 6.
        CHECK(character_of_column(line, 15, Encoding::utf16) == 15);
        CHECK(character_of_column(line, 15, Encoding::utf8) == 19);
        CHECK(character_of_column(line, 1, Encoding::utf16) == 0);
        CHECK(character_of_column("ab", 5, Encoding::utf16) == 4);  // past the end: one unit each
        const std::string text = "a: 1\r\n" + line + "\nlast";
        CHECK(offset_of_position(text, 1, 15, Encoding::utf16) == text.find("ok"));
        CHECK(offset_of_position(text, 1, 19, Encoding::utf8) == text.find("ok"));
        CHECK(offset_of_position(text, 1, 13, Encoding::utf16) == text.find("😀"));  // inside the pair: before it
        CHECK(offset_of_position(text, 0, 99, Encoding::utf16) == 4);               // clamped to the line's end
        CHECK(offset_of_position(text, 9, 0, Encoding::utf16) == text.size());
        CHECK(offset_of_position("a\rb", 1, 0, Encoding::utf16) == 2);  // a lone CR ends a line, as LSP says
        CHECK(path_of_uri("file:///tmp/a%20b/%C3%A9t%C3%A9.yaml") == "/tmp/a b/été.yaml");
        CHECK(path_of_uri("file://localhost/tmp/x.yaml") == "/tmp/x.yaml");
        CHECK(path_of_uri("untitled:Untitled-1").empty());
        CHECK(path_of_uri(uri_of_path("/tmp/a b/été#1.yaml")) == "/tmp/a b/été#1.yaml");
    }

    TEST_CASE("encodings: UTF-16 by default, UTF-8 when offered; an accented, emoji title's diagnostic lands right") {
        const std::string dir = test::temp_dir("lsp-enc");
        fs::remove_all(dir);
        const std::string file = dir + "/roadmap/streams.yaml";
        // CRLF lines; the unknown owner after accents and an emoji on the same line.
        const std::string text =
            "streams:\r\n  - id: s\r\n    title: Ops\r\n    owner: ann\r\n    epics:\r\n"
            "      - {id: e, title: \"Été 😀 👩‍💻\", owner: zoé, due: 2026-12-01}\r\n";
        test::write(file, "people:\r\n  - {id: ann, name: Ann}\r\n");
        test::write(dir + "/roadmap/people.yaml", "people:\r\n  - {id: ann, name: Ann}\r\n");
        test::write(file, text);
        const std::string owner_line = line_of(text, 5);
        const std::size_t at = owner_line.find("zoé");
        for (const bool utf8 : {false, true}) {
            CAPTURE(utf8);
            Session s;
            const json caps = utf8 ? json{{"general", {{"positionEncodings", {"utf-16", "utf-8"}}}}} : json::object();
            const json init = s.initialize(dir, caps);
            CHECK(init["result"]["capabilities"]["positionEncoding"] == (utf8 ? "utf-8" : "utf-16"));
            s.open(file, text);
            const auto p = published(s.idle());
            REQUIRE(p.count(file));
            json found;
            for (const json& d : p.at(file)["diagnostics"])
                if (d["code"] == "unknown-reference") found = d;
            REQUIRE(found.is_object());
            CHECK(found["message"].get<std::string>().find("'zoé'") != std::string::npos);
            CHECK(found["range"]["start"]["line"] == 5);
            const std::uint32_t start = utf8 ? static_cast<std::uint32_t>(at) : utf16_units(owner_line.substr(0, at));
            const std::uint32_t end = utf8 ? static_cast<std::uint32_t>(at + 4) : start + 3;  // "zoé"
            CHECK(found["range"]["start"]["character"] == start);
            CHECK(found["range"]["end"]["character"] == end);
            CHECK(p.at(file)["version"] == 1);
        }
    }

    TEST_CASE("lines ended by a lone CR are lines, for the loader and for LSP alike") {
        const std::string dir = test::temp_dir("lsp-cr");
        fs::remove_all(dir);
        const std::string file = dir + "/roadmap/roadmap.yaml";
        const std::string text =
            "people:\r  - {id: ann, name: Ann}\rstreams:\r  - id: s\r    title: S\r"
            "    epics:\r      - {id: e, title: \"Été 😀\", owner: zoé, due: 2026-12-01}\r";
        test::write(file, text);
        Session s;
        s.initialize(dir);
        const auto p = published(s.idle());
        REQUIRE(p.count(file));
        json found;
        for (const json& d : p.at(file)["diagnostics"])
            if (d["code"] == "unknown-reference") found = d;
        REQUIRE(found.is_object());
        const std::string line = "      - {id: e, title: \"Été 😀\", owner: zoé, due: 2026-12-01}";
        CHECK(found["range"]["start"]["line"] == 6);
        CHECK(found["range"]["start"]["character"] == utf16_units(line.substr(0, line.find("zoé"))));
        CHECK(lsp_keys(p) == lint_keys(dir + "/roadmap"));
    }

    TEST_CASE("a byte order mark is no character of the first line") {
        const std::string dir = test::temp_dir("lsp-bom");
        fs::remove_all(dir);
        const std::string file = dir + "/roadmap/roadmap.yaml";
        // An accent before the reference: in UTF-16 the mark would count as much as the accent's
        // lost character, in UTF-8 not.
        test::write(file, "\xEF\xBB\xBFstreams: [{id: s, title: é, owner: zed}]\npeople: [{id: a, name: A}]\n");
        for (const bool utf8 : {false, true}) {
            CAPTURE(utf8);
            Session s;
            s.initialize(dir, utf8 ? json{{"general", {{"positionEncodings", {"utf-8"}}}}} : json::object());
            const auto p = published(s.idle());
            REQUIRE(p.count(file));
            json found;
            for (const json& d : p.at(file)["diagnostics"])
                if (d["code"] == "unknown-reference") found = d;
            REQUIRE(found.is_object());
            CHECK(found["range"]["start"]["line"] == 0);
            const std::string before = "streams: [{id: s, title: é, owner: ";
            CHECK(found["range"]["start"]["character"] == (utf8 ? before.size() : utf16_units(before)));
        }
    }

    TEST_CASE("incremental edits in the negotiated encoding, after an emoji on the same line") {
        const std::string dir = example_workspace("incr");
        const std::string file = dir + "/roadmap/streams/crm.yaml";
        std::string text = test::slurp(file);
        // A title with an emoji on the line of the owner that the edits change.
        const std::size_t owner = text.find("owner: lea");
        REQUIRE(owner != std::string::npos);
        const std::size_t line_start = text.rfind('\n', owner) + 1;
        const std::size_t line_no = static_cast<std::size_t>(std::count(text.begin(), text.begin() + line_start, '\n'));
        text.insert(owner, "# 😀 é\n" + std::string(owner - line_start, ' '));  // the owner moves a line down
        const std::string edited_line = line_of(text, static_cast<int>(line_no + 1));
        for (const bool utf8 : {false, true}) {
            CAPTURE(utf8);
            Session s;
            s.initialize(dir, utf8 ? json{{"general", {{"positionEncodings", {"utf-8"}}}}} : json::object());
            s.open(file, text);
            CHECK(published(s.idle()).count(file) == 0);  // nothing wrong, nothing said
            // Replace "lea" by "leah" with a range on the comment's line... then on the owner's line.
            const std::string comment = line_of(text, static_cast<int>(line_no));
            const std::size_t e_at = comment.find("é");
            const std::uint32_t e_char = utf8 ? static_cast<std::uint32_t>(e_at) : utf16_units(comment.substr(0, e_at));
            const std::size_t lea = edited_line.find("lea");
            const std::uint32_t lea_char =
                utf8 ? static_cast<std::uint32_t>(lea) : utf16_units(edited_line.substr(0, lea));
            const auto pos = [](std::size_t l, std::uint32_t c) { return json{{"line", l}, {"character", c}}; };
            s.notify(
                "textDocument/didChange",
                {{"textDocument", {{"uri", uri_of_path(file)}, {"version", 2}}},
                 {"contentChanges",
                  {{{"range", {{"start", pos(line_no, e_char)}, {"end", pos(line_no, e_char + 1)}}}, {"text", "e"}},
                   {{"range", {{"start", pos(line_no + 1, lea_char + 3)}, {"end", pos(line_no + 1, lea_char + 3)}}},
                    {"text", "h"}}}}});
            const auto p = published(s.idle());
            REQUIRE(p.count(file));
            CHECK(p.at(file)["version"] == 2);
            REQUIRE(p.at(file)["diagnostics"].size() >= 1);
            bool seen = false;
            for (const json& d : p.at(file)["diagnostics"])
                if (d["message"].get<std::string>().find("'leah'") != std::string::npos) {
                    seen = true;
                    CHECK(d["range"]["start"]["line"] == line_no + 1);
                    CHECK(d["range"]["start"]["character"] == lea_char);
                    CHECK(d["range"]["end"]["character"] == lea_char + 4);
                }
            CHECK(seen);
            // The comment's é became e: undo the owner edit and nothing is left.
            s.notify(
                "textDocument/didChange",
                {{"textDocument", {{"uri", uri_of_path(file)}, {"version", 3}}},
                 {"contentChanges",
                  {{{"range", {{"start", pos(line_no + 1, lea_char + 3)}, {"end", pos(line_no + 1, lea_char + 4)}}},
                    {"text", ""}}}}});
            const auto q = published(s.idle());
            REQUIRE(q.count(file));
            CHECK(q.at(file)["diagnostics"].empty());
            CHECK(q.at(file)["version"] == 3);
        }
    }

    TEST_CASE("diagnostics equal `boussole lint --format json` for the same texts") {
        struct Variant {
            const char* name;
            const char* file;  // relative to the roadmap
            std::function<std::string(const std::string&)> edit;
        };
        const std::vector<Variant> variants = {
            {"shipped", "people.yaml", [](const std::string& t) { return t; }},
            {"deleted-person", "people.yaml", [](const std::string& t) { return without_person(t, "noah"); }},
            {"syntax-error", "streams/crm.yaml",
             [](const std::string& t) {
                 return t.substr(0, t.size() / 2) + "\n  - {id: [broken\n" + t.substr(t.size() / 2);
             }},
            // roadmap.lint's settings: an option that makes a rule fire, and severities changed.
            {"lint-settings", "roadmap.yaml",
             [](const std::string& t) {
                 std::string s = t;
                 const std::string themes = "themes: {min: 3, max: 8}";
                 REQUIRE(s.find(themes) != std::string::npos);
                 s.replace(s.find(themes), themes.size(),
                           "themes: {min: 7, max: 8}\n    rules: {theme-count: info, missing-owner: off}");
                 return s;
             }},
            {"duplicate-id", "people.yaml",
             [](const std::string& t) {
                 std::string s = t;
                 s.replace(s.find("id: sam"), 7, "id: lea");
                 return s;
             }},
        };
        for (const char* example : {"revops", "broken"}) {
            for (const Variant& v : variants) {
                if (std::string(example) == "broken" && std::string(v.name) != "shipped") continue;
                CAPTURE(example);
                CAPTURE(v.name);
                const std::string dir = example_workspace(std::string("eq-") + example + "-" + v.name, example);
                const std::string file =
                    dir + "/roadmap/" + (std::string(example) == "broken" ? "roadmap.yaml" : v.file);
                const std::string edited = v.edit(test::slurp(file));
                Session s;
                s.initialize(dir);
                std::map<std::string, json> p = published(s.idle());
                // The editor's unsaved text...
                s.open(file, edited);
                for (auto& [path, params] : published(s.idle())) p[path] = params;
                // ...against lint on the same text saved (in the copy only the test writes).
                test::write(file, edited);
                const auto expected = lint_keys(dir + "/roadmap");
                CHECK(lsp_keys(p) == expected);
                if (std::string(v.name) != "shipped") CHECK_FALSE(expected.empty());
            }
        }
    }

    TEST_CASE("cross-file effects are live: a person deleted, then restored; didClose returns to the disk") {
        const std::string dir = example_workspace("cross");
        const std::string people = dir + "/roadmap/people.yaml";
        const std::string billing = dir + "/roadmap/streams/billing.yaml";
        const std::string disk = test::slurp(people);
        Session s;
        s.initialize(dir);
        CHECK(published(s.idle()).empty());
        s.open(people, disk);
        CHECK(s.idle().empty());  // no change in any file's diagnostics: nothing sent
        s.replace_all(people, without_person(disk, "noah"), 2);
        auto p = published(s.idle());
        REQUIRE(p.count(billing));
        CHECK_FALSE(p.at(billing)["diagnostics"].empty());
        CHECK_FALSE(p.at(billing).contains("version"));  // not open
        for (const json& d : p.at(billing)["diagnostics"]) {
            CHECK(d["code"] == "unknown-reference");
            CHECK(d["source"] == "boussole");
            CHECK(d["severity"] == 1);
            CHECK(d["codeDescription"]["href"].is_string());
            CHECK(d["message"].get<std::string>().find("'noah'") != std::string::npos);
        }
        s.replace_all(people, disk, 3);
        p = published(s.idle());
        REQUIRE(p.count(billing));
        CHECK(p.at(billing)["diagnostics"].empty());
        // Broken again, then closed without saving: the disk's text (intact) is read again.
        s.replace_all(people, without_person(disk, "noah"), 4);
        CHECK_FALSE(published(s.idle()).at(billing)["diagnostics"].empty());
        s.notify("textDocument/didClose", {{"textDocument", {{"uri", uri_of_path(people)}}}});
        p = published(s.idle());
        REQUIRE(p.count(billing));
        CHECK(p.at(billing)["diagnostics"].empty());
    }

    TEST_CASE("a burst of changes is linted once, with the last version; nothing stale follows") {
        const std::string dir = example_workspace("burst");
        const std::string people = dir + "/roadmap/people.yaml";
        const std::string disk = test::slurp(people);
        const auto msg = [](const std::string& method, json params) {
            return frame(json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
        };
        std::string input =
            frame(json{{"jsonrpc", "2.0"},
                       {"id", 1},
                       {"method", "initialize"},
                       {"params", {{"rootUri", uri_of_path(dir)}, {"capabilities", json::object()}}}}) +
            msg("initialized", json::object()) +
            msg("textDocument/didOpen",
                {{"textDocument",
                  {{"uri", uri_of_path(people)}, {"languageId", "yaml"}, {"version", 1}, {"text", disk}}}});
        for (int v = 2; v <= 6; ++v)
            input += msg("textDocument/didChange",
                         {{"textDocument", {{"uri", uri_of_path(people)}, {"version", v}}},
                          {"contentChanges", {{{"text", v % 2 == 0 ? without_person(disk, "noah") : disk}}}}});
        // One chunk per message, the five changes arriving together: linted after the open, then
        // once after the burst.
        std::vector<std::string> chunks;
        std::istringstream split(input);
        FrameReader cut(split);
        std::vector<std::string> bodies;
        for (Framed f = cut.next(); f.kind == Framed::Kind::message; f = cut.next()) bodies.push_back(frame(f.body));
        REQUIRE(bodies.size() == 8);
        chunks = {bodies[0], bodies[1], bodies[2], bodies[3] + bodies[4] + bodies[5] + bodies[6] + bodies[7]};
        Chunks buf(chunks);
        std::istream in(&buf);
        std::ostringstream out;
        serve(in, out);
        int people_published = 0, other_published = 0;
        for (const json& m : messages_in(out.str())) {
            if (m.value("method", "") != "textDocument/publishDiagnostics") continue;
            if (path_of_uri(m["params"]["uri"].get<std::string>()) == people)
                ++people_published;
            else
                ++other_published;
        }
        // The last version (6) removes noah: the streams naming them get diagnostics once each,
        // and nothing from versions 2 to 5 was published.
        CHECK(people_published == 0);
        CHECK(other_published >= 1);
        const auto p = published(messages_in(out.str()));
        for (const auto& [path, params] : p) CHECK_FALSE(params["diagnostics"].empty());
        CHECK(static_cast<int>(p.size()) == other_published);
    }

    TEST_CASE("watched files: a file changed, created and deleted on disk is read again") {
        const std::string dir = example_workspace("watch");
        const std::string people = dir + "/roadmap/people.yaml";
        const std::string billing = dir + "/roadmap/streams/billing.yaml";
        const std::string extra = dir + "/roadmap/streams/extra.yaml";
        const std::string disk = test::slurp(people);
        Session s;
        s.initialize(dir, {{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}});
        const std::vector<json> registered = s.take();
        REQUIRE(registered.size() == 1);
        CHECK(registered[0]["method"] == "client/registerCapability");
        CHECK(registered[0]["params"]["registrations"][0]["method"] == "workspace/didChangeWatchedFiles");
        s.server.handle(json{{"jsonrpc", "2.0"}, {"id", registered[0]["id"]}, {"result", nullptr}}.dump());
        CHECK(s.take().empty());  // the client's answer needs none
        CHECK(published(s.idle()).empty());

        test::write(people, without_person(disk, "noah"));
        s.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", uri_of_path(people)}, {"type", 2}}}}});
        auto p = published(s.idle());
        REQUIRE(p.count(billing));
        CHECK_FALSE(p.at(billing)["diagnostics"].empty());

        test::write(people, disk);
        test::write(extra,
                    "streams:\n  - id: extra\n    title: Extra\n    owner: nobody\n    epics:\n"
                    "      - {id: x1, title: X, owner: ann, due: 2026-12-01}\n");
        s.notify(
            "workspace/didChangeWatchedFiles",
            {{"changes", {{{"uri", uri_of_path(people)}, {"type", 2}}, {{"uri", uri_of_path(extra)}, {"type", 1}}}}});
        p = published(s.idle());
        REQUIRE(p.count(billing));
        CHECK(p.at(billing)["diagnostics"].empty());
        REQUIRE(p.count(extra));
        // owner nobody, owner ann, and the epic moves no key result: what lint says of the file
        CHECK(p.at(extra)["diagnostics"].size() == 3);
        CHECK(lsp_keys({{extra, p.at(extra)}}) == lint_keys(dir + "/roadmap"));

        fs::remove(extra);
        s.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", uri_of_path(extra)}, {"type", 3}}}}});
        p = published(s.idle());
        REQUIRE(p.count(extra));
        CHECK(p.at(extra)["diagnostics"].empty());
    }

    TEST_CASE("the server writes nothing to disk, whatever the editor sends") {
        const std::string dir = example_workspace("nowrite");
        const std::string people = dir + "/roadmap/people.yaml";
        const auto before = tree_bytes(dir);
        Session s;
        s.initialize(dir);
        s.idle();
        s.open(people, "people: [broken");
        s.idle();
        s.replace_all(people, "", 2);
        s.notify("textDocument/didSave", {{"textDocument", {{"uri", uri_of_path(people)}}}});
        s.idle();
        s.notify("textDocument/didClose", {{"textDocument", {{"uri", uri_of_path(people)}}}});
        s.idle();
        s.request(9, "shutdown");
        s.notify("exit");
        CHECK(tree_bytes(dir) == before);
    }

    TEST_CASE("no roadmap: said once, and the server keeps serving") {
        const std::string dir = test::temp_dir("lsp-none");
        fs::remove_all(dir);
        fs::create_directories(dir);
        Session s;
        s.request(1, "initialize",
                  {{"rootUri", uri_of_path(dir)},
                   {"capabilities", json::object()},
                   {"initializationOptions", {{"path", "missing"}}}});
        const std::vector<json> m = s.take();
        REQUIRE(m.size() == 2);
        CHECK(m[0]["id"] == 1);
        CHECK(m[1]["method"] == "window/showMessage");
        CHECK(m[1]["params"]["message"].get<std::string>().find("'missing'") != std::string::npos);
        s.notify("initialized");
        CHECK(s.idle().empty());
        s.request(2, "shutdown");
        CHECK(s.take().size() == 1);
    }

    TEST_CASE("initializationOptions.path chooses the roadmap, relative to the workspace folder") {
        const std::string dir = example_workspace("path");
        fs::rename(dir + "/roadmap", dir + "/plans");
        const std::string people = dir + "/plans/people.yaml";
        Session s;
        s.initialize(dir, json::object(), {{"path", "plans"}});
        s.idle();
        s.open(people, without_person(test::slurp(people), "noah"));
        CHECK_FALSE(published(s.idle()).empty());
    }

    TEST_CASE("definition and references of an id, across files, equal to what deleting it breaks") {
        const std::string dir = example_workspace("refs");
        const std::string people = dir + "/roadmap/people.yaml";
        const std::string billing = dir + "/roadmap/streams/billing.yaml";
        const std::string people_text = test::slurp(people), billing_text = test::slurp(billing);
        Session s;
        s.initialize(dir, {{"general", {{"positionEncodings", {"utf-8"}}}}});
        s.idle();
        const auto at = [](const std::string& path, int line, std::size_t character) {
            return json{{"textDocument", {{"uri", uri_of_path(path)}}},
                        {"position", {{"line", line}, {"character", character}}}};
        };
        // On `owner: noah` of billing.yaml's stream (line 4): its declaration in people.yaml.
        const std::string owner_line = line_of(billing_text, 3);
        REQUIRE(owner_line == "    owner: noah");
        s.request(20, "textDocument/definition", at(billing, 3, owner_line.find("noah") + 2));
        std::vector<json> m = s.take();
        REQUIRE(m.size() == 1);
        REQUIRE(m[0]["result"].is_array());
        REQUIRE(m[0]["result"].size() == 1);
        const json decl = m[0]["result"][0];
        CHECK(path_of_uri(decl["uri"].get<std::string>()) == people);
        const int decl_line = decl["range"]["start"]["line"];
        CHECK(line_of(people_text, decl_line) == "  - id: noah");
        CHECK(decl["range"]["start"]["character"] == 8);
        CHECK(decl["range"]["end"]["character"] == 12);
        // Off any id: null.
        s.request(21, "textDocument/definition", at(billing, 3, 2));
        m = s.take();
        REQUIRE(m.size() == 1);
        CHECK(m[0]["result"].is_null());

        // References from the declaration, without it: exactly where deleting noah breaks.
        json ref_params = at(people, decl_line, 9);
        ref_params["context"] = {{"includeDeclaration", false}};
        s.request(22, "textDocument/references", ref_params);
        m = s.take();
        REQUIRE(m.size() == 1);
        std::set<std::tuple<std::string, int, int, int>> refs;
        for (const json& l : m[0]["result"])
            refs.insert({path_of_uri(l["uri"].get<std::string>()), l["range"]["start"]["line"],
                         l["range"]["start"]["character"], l["range"]["end"]["character"]});
        s.open(people, without_person(people_text, "noah"));
        std::set<std::tuple<std::string, int, int, int>> broken;
        for (const auto& [path, params] : published(s.idle()))
            for (const json& d : params["diagnostics"])
                if (d["code"] == "unknown-reference" &&
                    d["message"].get<std::string>().find("'noah'") != std::string::npos)
                    broken.insert({path, d["range"]["start"]["line"], d["range"]["start"]["character"],
                                   d["range"]["end"]["character"]});
        CHECK(refs.size() > 5);
        CHECK(refs == broken);

        // An epic named in depends_on: its declaration in the same file.
        const int dep_line = 49;
        const std::string dep = line_of(billing_text, dep_line);
        REQUIRE(dep.find("depends_on: [quote-templates]") != std::string::npos);
        s.request(23, "textDocument/definition", at(billing, dep_line, dep.find("quote-templates")));
        m = s.take();
        REQUIRE(m.size() == 1);
        REQUIRE(m[0]["result"].size() == 1);
        CHECK(line_of(test::slurp(path_of_uri(m[0]["result"][0]["uri"].get<std::string>())),
                      m[0]["result"][0]["range"]["start"]["line"])
                  .find("id: quote-templates") != std::string::npos);
    }

    TEST_CASE("document symbols: streams > epics > tasks, each range holding its children and its name") {
        const std::string dir = example_workspace("symbols");
        const std::string billing = dir + "/roadmap/streams/billing.yaml";
        const std::string objectives = dir + "/roadmap/objectives.yaml";
        Session s;
        s.initialize(dir);
        s.request(30, "textDocument/documentSymbol", {{"textDocument", {{"uri", uri_of_path(billing)}}}});
        std::vector<json> m = s.take();
        REQUIRE(m.size() == 1);
        const json& streams = m[0]["result"];
        REQUIRE(streams.size() == 1);
        CHECK(streams[0]["name"] == "billing");
        CHECK(streams[0]["detail"] == "Quote-to-cash and billing");
        std::vector<std::string> epics;
        for (const json& e : streams[0]["children"]) epics.push_back(e["name"]);
        // As many as the file's epics, which start "      - id: " (six spaces).
        std::size_t written = 0;
        std::istringstream lines(test::slurp(billing));
        for (std::string l; std::getline(lines, l);) written += l.starts_with("      - id: ") ? 1 : 0;
        CHECK(epics.size() == written);
        CHECK(written == 4);
        CHECK(epics.front() == "billing-automation");
        const auto pos = [](const json& p) { return std::make_pair(p["line"].get<int>(), p["character"].get<int>()); };
        const std::function<void(const json&, const json&)> nested = [&](const json& sym, const json& parent) {
            CAPTURE(sym["name"].get<std::string>());
            CHECK(pos(sym["range"]["start"]) <= pos(sym["selectionRange"]["start"]));
            CHECK(pos(sym["selectionRange"]["end"]) <= pos(sym["range"]["end"]));
            if (!parent.is_null()) {
                CHECK(pos(parent["range"]["start"]) <= pos(sym["range"]["start"]));
                CHECK(pos(sym["range"]["end"]) <= pos(parent["range"]["end"]));
            }
            for (const json& c : sym["children"]) nested(c, sym);
        };
        nested(streams[0], nullptr);
        bool tasks = false;
        for (const json& e : streams[0]["children"]) tasks = tasks || !e["children"].empty();
        CHECK(tasks);
        s.request(31, "textDocument/documentSymbol", {{"textDocument", {{"uri", uri_of_path(objectives)}}}});
        m = s.take();
        REQUIRE(m.size() == 1);
        REQUIRE_FALSE(m[0]["result"].empty());
        for (const json& o : m[0]["result"]) {
            CHECK_FALSE(o["children"].empty());  // each objective holds its key results
            nested(o, nullptr);
        }
    }

    TEST_CASE("hostile input: mutated sessions never throw, and every answer is well-formed JSON-RPC") {
        const std::string dir = example_workspace("hostile");
        const std::string people = dir + "/roadmap/people.yaml";
        const auto before = tree_bytes(dir);
        const auto msg = [](json m) {
            m["jsonrpc"] = "2.0";
            return frame(m);
        };
        const std::string session =
            msg({{"id", 1},
                 {"method", "initialize"},
                 {"params", {{"rootUri", uri_of_path(dir)}, {"capabilities", json::object()}}}}) +
            msg({{"method", "initialized"}}) +
            msg({{"method", "textDocument/didOpen"},
                 {"params",
                  {{"textDocument",
                    {{"uri", uri_of_path(people)}, {"version", 1}, {"text", "people:\n  - {id: a, name: Ä 😀}\n"}}}}}}) +
            msg({{"method", "textDocument/didChange"},
                 {"params",
                  {{"textDocument", {{"uri", uri_of_path(people)}, {"version", 2}}},
                   {"contentChanges",
                    {{{"range",
                       {{"start", {{"line", 1}, {"character", 20}}}, {"end", {{"line", 0}, {"character", 3}}}}},
                      {"text", "x"}}}}}}}) +
            msg({{"id", 2},
                 {"method", "textDocument/definition"},
                 {"params",
                  {{"textDocument", {{"uri", uri_of_path(people)}}}, {"position", {{"line", 1}, {"character", 9}}}}}}) +
            msg({{"id", 3},
                 {"method", "textDocument/documentSymbol"},
                 {"params", {{"textDocument", {{"uri", uri_of_path(people)}}}}}}) +
            msg({{"id", 4}, {"method", "shutdown"}}) + msg({{"method", "exit"}});
        std::uint32_t seed = 12345;
        const auto next = [&] {
            seed = seed * 1664525u + 1013904223u;
            return seed >> 8;
        };
        for (int round = 0; round < 300; ++round) {
            std::string input = session;
            const std::uint32_t flips = 1 + next() % 4;
            for (std::uint32_t k = 0; k < flips; ++k) input[next() % input.size()] = static_cast<char>(next() & 0xff);
            std::istringstream in(input);
            std::ostringstream out;
            CAPTURE(round);
            CHECK_NOTHROW(serve(in, out));
            std::istringstream back(out.str());
            FrameReader r(back);
            for (Framed f = r.next(); f.kind != Framed::Kind::end; f = r.next()) {
                REQUIRE(f.kind == Framed::Kind::message);
                const json m = json::parse(f.body);
                CHECK(m["jsonrpc"] == "2.0");
                CHECK((m.contains("method") || m.contains("result") || m.contains("error")));
            }
        }
        CHECK(tree_bytes(dir) == before);
    }

    TEST_CASE("the real binary: initialize, didOpen, diagnostics, shutdown, exit 0 over pipes") {
        const std::string dir = example_workspace("binary");
        const std::string people = dir + "/roadmap/people.yaml";
        int to_child[2], from_child[2];
        REQUIRE(::pipe(to_child) == 0);
        REQUIRE(::pipe(from_child) == 0);
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            ::dup2(to_child[0], 0);
            ::dup2(from_child[1], 1);
            ::close(to_child[1]);
            ::close(from_child[0]);
            const int null = ::open("/dev/null", O_WRONLY);
            ::dup2(null, 2);
            const std::string bin = test::binary();
            ::execl(bin.c_str(), bin.c_str(), "lsp", static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::close(to_child[0]);
        ::close(from_child[1]);
        const auto write_all = [&](const std::string& s) {
            std::size_t done = 0;
            while (done < s.size()) {
                const ssize_t n = ::write(to_child[1], s.data() + done, s.size() - done);
                REQUIRE(n > 0);
                done += static_cast<std::size_t>(n);
            }
        };
        std::string received;
        // Reads until a message satisfying `want` arrives (10 s at most).
        const auto wait_for = [&](const std::function<bool(const json&)>& want) -> json {
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
            while (std::chrono::steady_clock::now() < deadline) {
                std::istringstream in(received);
                FrameReader r(in);
                std::size_t consumed = 0;
                for (Framed f = r.next(); f.kind == Framed::Kind::message; f = r.next()) {
                    consumed = static_cast<std::size_t>(
                        static_cast<std::streamoff>(in.rdbuf()->pubseekoff(0, std::ios::cur, std::ios::in)));
                    const json m = json::parse(f.body);
                    if (want(m)) {
                        received.erase(0, consumed);
                        return m;
                    }
                }
                pollfd p{from_child[0], POLLIN, 0};
                if (::poll(&p, 1, 100) > 0) {
                    char buf[65536];
                    const ssize_t n = ::read(from_child[0], buf, sizeof buf);
                    if (n <= 0) break;
                    received.append(buf, static_cast<std::size_t>(n));
                }
            }
            return nullptr;
        };
        write_all(frame(json{
            {"jsonrpc", "2.0"},
            {"id", 1},
            {"method", "initialize"},
            {"params", {{"processId", nullptr}, {"rootUri", uri_of_path(dir)}, {"capabilities", json::object()}}}}));
        const json init = wait_for([](const json& m) { return m.value("id", json()) == 1; });
        REQUIRE(init.is_object());
        CHECK(init["result"]["capabilities"]["positionEncoding"] == "utf-16");
        write_all(frame(json{{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}}));
        write_all(frame(json{{"jsonrpc", "2.0"},
                             {"method", "textDocument/didOpen"},
                             {"params",
                              {{"textDocument",
                                {{"uri", uri_of_path(people)},
                                 {"languageId", "yaml"},
                                 {"version", 1},
                                 {"text", without_person(test::slurp(people), "noah")}}}}}}));
        const json diagnostics = wait_for([](const json& m) {
            return m.value("method", "") == "textDocument/publishDiagnostics" && !m["params"]["diagnostics"].empty();
        });
        REQUIRE(diagnostics.is_object());
        CHECK(diagnostics["params"]["diagnostics"][0]["code"] == "unknown-reference");
        write_all(frame(json{{"jsonrpc", "2.0"}, {"id", 2}, {"method", "shutdown"}}));
        const json down = wait_for([](const json& m) { return m.value("id", json()) == 2; });
        REQUIRE(down.is_object());
        CHECK(down["result"].is_null());
        write_all(frame(json{{"jsonrpc", "2.0"}, {"method", "exit"}}));
        ::close(to_child[1]);
        int status = -1;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (::waitpid(pid, &status, WNOHANG) == 0) {
            if (std::chrono::steady_clock::now() > deadline) {
                ::kill(pid, SIGKILL);
                ::waitpid(pid, &status, 0);
                FAIL("boussole lsp did not exit after 'exit'");
            }
            ::usleep(5000);
        }
        ::close(from_child[0]);
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
    }
}

#include "lsp/text.hpp"

TEST_SUITE("lsp") {
    TEST_CASE("a file's line index gives every line as line_of reads it, whatever the breaks") {
        // Each text is read line by line both ways: the index (found once per file, to place a
        // file's diagnostics) must agree with the scan everywhere, past the last line included.
        for (const std::string& text :
             {std::string(), std::string("one"), std::string("a\nb\n"), std::string("a\r\nb\r\n\r\nc"),
              std::string("a\rb\r"), std::string("\xEF\xBB\xBFroadmap:\n  name: é 🚀\n"), std::string("\n\n\r\n\r"),
              std::string("x\r\n\ry\n\rz")}) {
            const LineIndex index(text);
            CHECK(index.count() == boussole::lsp::line_count(text));
            for (std::uint32_t n = 0; n <= boussole::lsp::line_count(text) + 1; ++n) {
                INFO("line ", n, " of ", nlohmann::json(text).dump());
                CHECK(index.line(n) == boussole::lsp::line_of(text, n));
            }
        }
    }
}
