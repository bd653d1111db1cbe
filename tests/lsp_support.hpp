#pragma once
// Helpers shared by the language server's tests (lsp_test.cpp, lsp_edit_test.cpp): framing, an
// in-process session, the diagnostics published, a copy of a shipped example as a workspace.

#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "boussole/lsp.hpp"
#include "support.hpp"

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using namespace boussole::lsp;

// Every message framed in `text`.
std::vector<json> messages_in(const std::string& text) {
    std::istringstream in(text);
    FrameReader reader(in);
    std::vector<json> out;
    for (Framed f = reader.next(); f.kind != Framed::Kind::end; f = reader.next()) {
        REQUIRE(f.kind == Framed::Kind::message);
        out.push_back(json::parse(f.body));
    }
    return out;
}

// Line `n` (0-based) of `text`; lines end at \r\n, \n or a lone \r.
std::string line_of(const std::string& text, int n) {
    std::vector<std::string> lines(1);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
        if (text[i] == '\r' || text[i] == '\n') {
            lines.emplace_back();
        } else {
            lines.back() += text[i];
        }
    }
    return n < static_cast<int>(lines.size()) ? lines[static_cast<std::size_t>(n)] : std::string();
}

// A server driven in-process: messages in, framed messages out.
struct Session {
    std::ostringstream out;
    Server server{out};
    std::size_t seen = 0;

    void send(const json& message) { server.handle(message.dump()); }
    void request(int id, const std::string& method, json params = json::object()) {
        send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
    }
    void notify(const std::string& method, json params = json::object()) {
        send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
    }
    // What the server wrote since the last call.
    std::vector<json> take() {
        const std::string all = out.str();
        const std::vector<json> m = messages_in(all.substr(seen));
        seen = all.size();
        return m;
    }
    // Lints what changed (as the loop does when no input waits) and returns what was written.
    std::vector<json> idle() {
        server.idle();
        return take();
    }
    json initialize(const std::string& folder, json capabilities = json::object(), json options = nullptr) {
        json params = {{"processId", nullptr}, {"rootUri", uri_of_path(folder)}, {"capabilities", capabilities}};
        if (!options.is_null()) params["initializationOptions"] = options;
        request(1, "initialize", params);
        std::vector<json> m = take();
        REQUIRE(!m.empty());
        notify("initialized");
        return m.front();
    }
    void open(const std::string& path, const std::string& text, int version = 1) {
        notify("textDocument/didOpen",
               {{"textDocument",
                 {{"uri", uri_of_path(path)}, {"languageId", "yaml"}, {"version", version}, {"text", text}}}});
    }
    void replace_all(const std::string& path, const std::string& text, int version) {
        notify("textDocument/didChange", {{"textDocument", {{"uri", uri_of_path(path)}, {"version", version}}},
                                          {"contentChanges", {{{"text", text}}}}});
    }
};

// The diagnostics published, by file path, from a list of messages (the last list of each file).
std::map<std::string, json> published(const std::vector<json>& messages) {
    std::map<std::string, json> out;
    for (const json& m : messages)
        if (m.value("method", "") == "textDocument/publishDiagnostics")
            out[path_of_uri(m["params"]["uri"].get<std::string>())] = m["params"];
    return out;
}

// A copy of the shipped example as `<dir>/roadmap`, the folder a workspace opens.
std::string example_workspace(const std::string& name, const std::string& example = "revops") {
    const std::string dir = test::temp_dir("lsp-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::copy(test::source_dir() + "/examples/" + example, dir + "/roadmap", fs::copy_options::recursive);
    return fs::canonical(dir).string();
}

}  // namespace
