// The server: JSON-RPC 2.0 over the base protocol, the lifecycle, documents, diagnostics.
#include <algorithm>
#include <array>
#include <filesystem>
#include <limits>
#include <map>
#include <set>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "boussole/error.hpp"
#include "boussole/lsp.hpp"
#include "boussole/visible.hpp"
#include "lsp/actions.hpp"
#include "lsp/completion.hpp"
#include "lsp/hover.hpp"
#include "lsp/rename.hpp"
#include "lsp/symbols.hpp"
#include "lsp/text.hpp"
#include "lsp/workspace.hpp"

namespace boussole::lsp {

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

// JSON-RPC and LSP error codes.
constexpr int parse_error = -32700;
constexpr int invalid_request = -32600;
constexpr int method_not_found = -32601;
constexpr int invalid_params = -32602;
constexpr int internal_error = -32603;
constexpr int server_not_initialized = -32002;
constexpr int request_failed = -32803;

// LSP's enumerations.
constexpr int message_error = 1, message_warning = 2, message_info = 3;
constexpr int sync_incremental = 2;
constexpr int watch_created = 1, watch_deleted = 3;

// A request's or notification's parameters that do not say what the method needs.
struct BadParams : std::runtime_error {
    using std::runtime_error::runtime_error;
};

const json& member(const json& object, const char* key, json::value_t type, std::string_view what) {
    if (!object.is_object() || !object.contains(key) || object.at(key).type() != type) {
        // integers: nlohmann tells signed from unsigned; both are numbers to a client.
        if (type == json::value_t::number_integer && object.is_object() && object.contains(key) &&
            object.at(key).is_number_integer())
            return object.at(key);
        throw BadParams(fmt::format("{}: '{}' is missing or not {}", what, key,
                                    type == json::value_t::object   ? "an object"
                                    : type == json::value_t::string ? "a string"
                                    : type == json::value_t::array  ? "an array"
                                                                    : "an integer"));
    }
    return object.at(key);
}

std::string text_of(const json& object, const char* key, std::string_view what) {
    return member(object, key, json::value_t::string, what).get<std::string>();
}

json position_json(std::uint32_t line, std::uint32_t character) { return {{"line", line}, {"character", character}}; }

int lsp_severity(Severity s) {
    switch (s) {
        case Severity::error:
            return 1;
        case Severity::warning:
            return 2;
        case Severity::info:
        case Severity::off:
            break;
    }
    return 3;
}

std::string default_roadmap(const std::string& folder) {
    std::error_code ec;
    const fs::path roadmap = fs::path(folder) / "roadmap";
    return fs::is_directory(roadmap, ec) ? roadmap.generic_string() : folder;
}

}  // namespace

struct Server::Impl {
    std::ostream& sink;
    ServerOptions options;
    bool initialized = false;  // `initialize` answered
    bool shutdown = false;
    bool exited = false;
    Encoding encoding = Encoding::utf16;
    bool dynamic_watchers = false;
    bool document_changes = false;  // the client applies versioned `documentChanges`
    long long next_id = 1;
    Workspace workspace;
    // What was last published for each file (by path): the URI it went to and the diagnostics.
    struct Published {
        std::string uri;
        json diagnostics;
    };
    std::map<std::string, Published> published;
    std::vector<std::string> notes_said;
    std::string pending_message;               // said after the answer to initialize
    Roadmap read_roadmap;                      // the roadmap last read (what the queries answer from)
    Roadmap whole_roadmap;                     // the last one read with every file parsed (ids of a file being typed)
    std::vector<Diagnostic> read_diagnostics;  // its lint diagnostics (the quick fixes' suggestions)

    Impl(std::ostream& o, ServerOptions opts) : sink(o), options(std::move(opts)) {
        if (!options.find_roadmap) options.find_roadmap = default_roadmap;
    }

    void send(const json& message) {
        json m = message;
        m["jsonrpc"] = "2.0";
        write_frame(sink, json_document(m, -1));
    }
    void reply(const json& id, json result) { send({{"id", id}, {"result", std::move(result)}}); }
    void fail(const json& id, int code, const std::string& message) {
        send({{"id", id}, {"error", {{"code", code}, {"message", message}}}});
    }
    void notify(const std::string& method, json params) { send({{"method", method}, {"params", std::move(params)}}); }
    void show(int type, const std::string& message) {
        notify("window/showMessage", {{"type", type}, {"message", message}});
    }
    void log(int type, const std::string& message) {
        notify("window/logMessage", {{"type", type}, {"message", message}});
    }

    void handle(std::string_view body);
    void request(const json& id, const std::string& method, const json& params);
    void notification(const std::string& method, const json& params);
    json initialize(const json& params);
    void initialized_note();
    void did_change(const json& params);
    void watched_files(const json& params);
    void publish();
    json diagnostic(const Diagnostic& d, const LineIndex& lines) const;
    // Queries: the roadmap read up to the last change, a document's file in it, positions.
    void ensure_current();
    std::optional<std::uint32_t> roadmap_file(const std::string& path) const;
    const std::string& file_text(std::uint32_t file) const;
    json location(const SourcePos& pos) const;
    json range_of(const SourcePos& pos) const;
    std::optional<IdUse> id_at(const json& params);
    json definition(const json& params);
    json references(const json& params);
    json symbols(const json& params);
    json completion(const json& params);
    json hover(const json& params);
    EditSite edit_site() const;
    json rename(const json& params, bool prepare);
    json code_action(const json& params);
    std::string path_of(const json& params, std::string_view what) const;
};

void Server::Impl::handle(std::string_view body) {
    json message;
    try {
        message = json::parse(body);
    } catch (const json::exception&) {
        fail(nullptr, parse_error,
             "the message is not valid JSON: check the client sends UTF-8 JSON of exactly Content-Length bytes");
        return;
    }
    if (message.is_array()) {
        fail(nullptr, invalid_request,
             "a batch (a JSON array of messages) is not part of the Language Server Protocol: "
             "send each message on its own");
        return;
    }
    if (!message.is_object()) {
        fail(nullptr, invalid_request, "a message must be a JSON object with \"jsonrpc\": \"2.0\"");
        return;
    }
    // A response to a request of ours (client/registerCapability), whatever its id (null when
    // the client could not read ours): never answered.
    if (!message.contains("method") && (message.contains("result") || message.contains("error"))) return;
    const bool has_id = message.contains("id");
    const json id = has_id ? message.at("id") : json();
    if (has_id && !id.is_string() && !id.is_number_integer()) {
        fail(nullptr, invalid_request, "a request's \"id\" must be an integer or a string");
        return;
    }
    if (!message.contains("jsonrpc") || message.at("jsonrpc") != "2.0") {
        if (has_id) fail(id, invalid_request, "the message lacks \"jsonrpc\": \"2.0\"");
        return;
    }
    if (!message.contains("method")) {
        fail(has_id ? id : json(), invalid_request, "the message has no \"method\"");
        return;
    }
    if (!message.at("method").is_string()) {
        fail(has_id ? id : json(), invalid_request, "the message's \"method\" must be a string");
        return;
    }
    const std::string method = message.at("method").get<std::string>();
    const json params = message.value("params", json::object());
    if (has_id) {
        try {
            request(id, method, params);
        } catch (const BadParams& e) {
            fail(id, invalid_params, fmt::format("{}: {}", method, e.what()));
        } catch (const RequestFailed& e) {
            fail(id, request_failed, fmt::format("boussole: {}", e.what()));
        } catch (const std::exception& e) {
            fail(id, internal_error, fmt::format("{} failed: {}", method, e.what()));
        }
        return;
    }
    try {
        notification(method, params);
    } catch (const std::exception& e) {
        log(message_error, fmt::format("boussole: {} ignored: {}", method, e.what()));
    }
}

void Server::Impl::request(const json& id, const std::string& method, const json& params) {
    if (method == "initialize") {
        if (initialized) {
            fail(id, invalid_request, "initialize was already received; send it once per session");
            return;
        }
        if (!params.is_object()) throw BadParams("its params must be an object");
        reply(id, initialize(params));
        initialized = true;
        if (!pending_message.empty()) show(message_error, std::exchange(pending_message, {}));
        return;
    }
    if (!initialized) {
        fail(id, server_not_initialized, fmt::format("'{}' before 'initialize': send initialize first", method));
        return;
    }
    if (shutdown) {
        fail(id, invalid_request, fmt::format("'{}' after 'shutdown': the server only waits for 'exit'", method));
        return;
    }
    if (method == "shutdown") {
        shutdown = true;
        reply(id, nullptr);
        return;
    }
    if (method == "textDocument/definition") {
        reply(id, definition(params));
        return;
    }
    if (method == "textDocument/references") {
        reply(id, references(params));
        return;
    }
    if (method == "textDocument/documentSymbol") {
        reply(id, symbols(params));
        return;
    }
    if (method == "textDocument/completion") {
        reply(id, completion(params));
        return;
    }
    if (method == "textDocument/hover") {
        reply(id, hover(params));
        return;
    }
    if (method == "textDocument/prepareRename" || method == "textDocument/rename") {
        reply(id, rename(params, method == "textDocument/prepareRename"));
        return;
    }
    if (method == "textDocument/codeAction") {
        reply(id, code_action(params));
        return;
    }
    fail(id, method_not_found, fmt::format("boussole lsp does not handle '{}'", method));
}

void Server::Impl::ensure_current() {
    if (workspace.has_root() && workspace.dirty()) publish();
}

std::optional<std::uint32_t> Server::Impl::roadmap_file(const std::string& path) const {
    const std::vector<std::size_t>& read = workspace.read();
    for (std::size_t k = 0; k < read.size(); ++k)
        if (workspace.files()[read[k]].path == path) return static_cast<std::uint32_t>(k);
    return std::nullopt;
}

const std::string& Server::Impl::file_text(std::uint32_t file) const {
    return workspace.files()[workspace.read()[file]].version_text;
}

json Server::Impl::range_of(const SourcePos& pos) const {
    const std::string_view line = line_of(file_text(pos.file), pos.line);
    return {
        {"start", position_json(pos.line - 1, character_of_column(line, pos.column, encoding))},
        {"end", position_json(pos.line - 1, character_of_column(
                                                line, pos.column + std::max<std::uint32_t>(pos.length, 1), encoding))}};
}

json Server::Impl::location(const SourcePos& pos) const {
    const WorkspaceFile& f = workspace.files()[workspace.read()[pos.file]];
    const OpenDocument* doc = workspace.document(f.path);
    return {{"uri", doc ? doc->uri : uri_of_path(f.path)}, {"range", range_of(pos)}};
}

std::optional<IdUse> Server::Impl::id_at(const json& params) {
    ensure_current();
    const std::string path = path_of(params, "params");  // the method is named by handle()
    const json& p = member(params, "position", json::value_t::object, "params");
    const auto line = member(p, "line", json::value_t::number_integer, "position").get<long long>();
    const auto character = member(p, "character", json::value_t::number_integer, "position").get<long long>();
    if (line < 0 || character < 0 || line >= std::numeric_limits<std::uint32_t>::max() ||
        character >= std::numeric_limits<std::uint32_t>::max())
        throw BadParams("position: out of range");
    const std::optional<std::uint32_t> file = roadmap_file(path);
    if (!file) return std::nullopt;  // not a file of the roadmap
    const auto l = static_cast<std::uint32_t>(line) + 1;
    const std::uint32_t column =
        column_of_character(line_of(file_text(*file), l), static_cast<std::uint32_t>(character), encoding);
    for (const IdUse& u : id_uses(read_roadmap))
        if (u.pos.file == *file && u.pos.line == l && u.pos.column <= column &&
            column < u.pos.column + std::max<std::uint32_t>(u.pos.length, 1))
            return u;
    return std::nullopt;
}

json Server::Impl::definition(const json& params) {
    const std::optional<IdUse> at = id_at(params);
    if (!at) return nullptr;
    json out = json::array();
    for (const IdUse& u : id_uses(read_roadmap))
        if (u.declaration && u.kind == at->kind && u.id == at->id) out.push_back(location(u.pos));
    return out.empty() ? json(nullptr) : out;
}

json Server::Impl::references(const json& params) {
    const std::optional<IdUse> at = id_at(params);
    if (!at) return nullptr;
    bool declarations = true;
    if (params.contains("context") && params["context"].is_object())
        declarations = params["context"].value("includeDeclaration", true);
    json out = json::array();
    for (const IdUse& u : id_uses(read_roadmap))
        if (u.kind == at->kind && u.id == at->id && (declarations || !u.declaration)) out.push_back(location(u.pos));
    return out;
}

json Server::Impl::symbols(const json& params) {
    ensure_current();
    const std::optional<std::uint32_t> file = roadmap_file(path_of(params, "textDocument/documentSymbol"));
    if (!file) return nullptr;
    const std::string& text = file_text(*file);
    const std::uint32_t lines = line_count(text);
    const std::function<json(const Symbol&)> convert = [&](const Symbol& s) {
        const std::string_view last = line_of(text, s.end_line);
        json start =
            position_json(s.start.line - 1, character_of_column(line_of(text, s.start.line), s.start.column, encoding));
        json selection = range_of(s.selection);
        if (s.selection.line == s.start.line && s.selection.column < s.start.column) selection = range_of(s.start);
        json children = json::array();
        for (const Symbol& c : s.children) children.push_back(convert(c));
        json out = {{"name", s.name.empty() ? std::string("(no id)") : s.name},
                    {"kind", s.kind},
                    {"range", {{"start", start}, {"end", position_json(s.end_line - 1, length_of(last, encoding))}}},
                    {"selectionRange", selection},
                    {"children", children}};
        if (!s.detail.empty()) out["detail"] = s.detail;
        return out;
    };
    json out = json::array();
    for (const Symbol& s : document_symbols(read_roadmap, *file, lines)) out.push_back(convert(s));
    return out;
}

json Server::Impl::completion(const json& params) {
    ensure_current();
    const std::string path = path_of(params, "params");
    const json& p = member(params, "position", json::value_t::object, "params");
    const auto line = member(p, "line", json::value_t::number_integer, "position").get<long long>();
    const auto character = member(p, "character", json::value_t::number_integer, "position").get<long long>();
    if (line < 0 || character < 0 || line >= std::numeric_limits<std::uint32_t>::max() ||
        character >= std::numeric_limits<std::uint32_t>::max())
        throw BadParams("position: out of range");
    // The text as the editor has it (an open document, a roadmap file not yet listed included).
    const OpenDocument* doc = workspace.document(path);
    const WorkspaceFile* file = workspace.file(path);
    const std::string* text = doc ? &doc->text : file && file->disk ? &*file->disk : nullptr;
    if (!text) return nullptr;
    // Ids from the roadmap read, then from the last one in which every file parsed: a file being
    // typed often does not parse, and its own ids (the epics of its streams) must still come.
    const std::array<const Roadmap*, 2> sources{&read_roadmap, &whole_roadmap};
    return {{"isIncomplete", false},
            {"items", completion_items(sources, *text, static_cast<std::uint32_t>(line),
                                       static_cast<std::uint32_t>(character), encoding)}};
}

json Server::Impl::hover(const json& params) {
    if (const std::optional<IdUse> at = id_at(params)) {
        const std::string value = hover_id(read_roadmap, *at, Date::today());
        if (!value.empty())
            return {{"contents", {{"kind", "markdown"}, {"value", value}}}, {"range", range_of(at->pos)}};
    }
    // On a diagnostic published for this file: its rule's why.
    const auto it = published.find(path_of(params, "params"));
    if (it == published.end()) return nullptr;
    const json& p = params.at("position");
    const auto here = std::make_pair(p.at("line").get<long long>(), p.at("character").get<long long>());
    std::string value;
    json range;
    std::set<std::string> said;
    for (const json& d : it->second.diagnostics) {
        const json& r = d.at("range");
        const auto start =
            std::make_pair(r["start"]["line"].get<long long>(), r["start"]["character"].get<long long>());
        const auto end = std::make_pair(r["end"]["line"].get<long long>(), r["end"]["character"].get<long long>());
        if (here < start || (here >= end && here != start)) continue;  // the end is exclusive
        const std::string rule = d.value("code", "");
        if (!said.insert(rule).second) continue;
        const std::string why = hover_rule(rule);
        if (why.empty()) continue;
        value += (value.empty() ? "" : "\n\n---\n\n") + why;
        if (range.is_null()) range = r;
    }
    if (value.empty()) return nullptr;
    return {{"contents", {{"kind", "markdown"}, {"value", value}}}, {"range", range}};
}

EditSite Server::Impl::edit_site() const {
    return {read_roadmap,
            [this](std::uint32_t file) -> std::string_view { return file_text(file); },
            [this](std::uint32_t file) {
                const std::string& path = workspace.files()[workspace.read()[file]].path;
                const OpenDocument* doc = workspace.document(path);
                return doc ? doc->uri : uri_of_path(path);
            },
            [this](std::uint32_t file) -> std::optional<long long> {
                const OpenDocument* doc = workspace.document(workspace.files()[workspace.read()[file]].path);
                return doc ? std::optional<long long>(doc->version) : std::nullopt;
            },
            encoding,
            document_changes};
}

json Server::Impl::rename(const json& params, bool prepare) {
    const std::optional<IdUse> at = id_at(params);
    const std::string new_id = prepare ? std::string() : text_of(params, "newName", "params");
    const std::string path = path_of(params, "textDocument/rename");
    const std::optional<std::uint32_t> file = roadmap_file(path);
    const long long line = params["position"]["line"].get<long long>() + 1;
    const std::string where = file ? where_is(read_roadmap, *file, static_cast<std::uint32_t>(line))
                                   : fmt::format("{}:{} (not a file of the roadmap)", path, line);
    return prepare ? prepare_rename(edit_site(), at, where) : lsp::rename(edit_site(), at, new_id, where);
}

json Server::Impl::code_action(const json& params) {
    ensure_current();
    const std::optional<std::uint32_t> file = roadmap_file(path_of(params, "textDocument/codeAction"));
    const json& range = member(params, "range", json::value_t::object, "params");
    const auto position = [&](const char* key) {
        const json& p = member(range, key, json::value_t::object, "range");
        return std::pair{member(p, "line", json::value_t::number_integer, key).get<long long>(),
                         member(p, "character", json::value_t::number_integer, key).get<long long>()};
    };
    const auto from = position("start"), to = position("end");
    if (!file) return json::array();
    const json context = params.value("context", json::object());
    const json only = context.is_object() ? context.value("only", json()) : json();
    std::vector<Diagnostic> here;
    for (const Diagnostic& d : read_diagnostics)
        if (d.file == read_roadmap.files[*file].display_path) here.push_back(d);
    const LineIndex lines(file_text(*file));
    return code_actions(
        edit_site(), *file, here, [&](const Diagnostic& d) { return diagnostic(d, lines); }, from, to, only);
}

void Server::Impl::notification(const std::string& method, const json& params) {
    if (method == "exit") {
        exited = true;
        return;
    }
    if (!initialized || shutdown) return;  // dropped, as the specification says
    if (method == "initialized") {
        initialized_note();
    } else if (method == "textDocument/didOpen") {
        const json& doc = member(params, "textDocument", json::value_t::object, "textDocument/didOpen");
        const std::string uri = text_of(doc, "uri", "textDocument");
        const std::string path = path_of_uri(uri);
        if (path.empty()) return;  // not a file: no roadmap file
        workspace.open(path, {uri, text_of(doc, "text", "textDocument"),
                              member(doc, "version", json::value_t::number_integer, "textDocument").get<long long>()});
    } else if (method == "textDocument/didChange") {
        did_change(params);
    } else if (method == "textDocument/didClose") {
        const std::string path = path_of(params, "textDocument/didClose");
        workspace.close(path);
    } else if (method == "textDocument/didSave") {
        // The file on disk is what the next `boussole lint` reads: read it again (and list the
        // tree again: a new file saved for the first time joins the roadmap).
        const std::string path = path_of(params, "textDocument/didSave");
        workspace.relist();
        workspace.reread(path);
    } else if (method == "workspace/didChangeWatchedFiles") {
        watched_files(params);
    }
    // Other notifications, "$/" ones included, are ignored.
}

std::string Server::Impl::path_of(const json& params, std::string_view what) const {
    const json& doc = member(params, "textDocument", json::value_t::object, what);
    return path_of_uri(text_of(doc, "uri", "textDocument"));
}

json Server::Impl::initialize(const json& params) {
    // Positions: UTF-8 when the client offers it (no conversion to make), else UTF-16.
    encoding = Encoding::utf16;
    if (const json* general = params.contains("capabilities") ? &params["capabilities"] : nullptr;
        general && general->is_object() && general->contains("general")) {
        const json& g = general->at("general");
        if (g.is_object() && g.contains("positionEncodings") && g["positionEncodings"].is_array())
            for (const json& e : g["positionEncodings"])
                if (e == "utf-8") encoding = Encoding::utf8;
    }
    const json caps = params.value("capabilities", json::object());
    if (caps.is_object() && caps.contains("workspace") && caps["workspace"].is_object()) {
        const json& w = caps["workspace"];
        dynamic_watchers = w.contains("didChangeWatchedFiles") && w["didChangeWatchedFiles"].is_object() &&
                           w["didChangeWatchedFiles"].value("dynamicRegistration", false);
        document_changes = w.contains("workspaceEdit") && w["workspaceEdit"].is_object() &&
                           w["workspaceEdit"].contains("documentChanges") &&
                           w["workspaceEdit"]["documentChanges"] == true;
    }

    // The workspace folder: the first workspace folder, else rootUri, else rootPath.
    std::string folder;
    if (params.contains("workspaceFolders") && params["workspaceFolders"].is_array() &&
        !params["workspaceFolders"].empty() && params["workspaceFolders"][0].is_object() &&
        params["workspaceFolders"][0].contains("uri") && params["workspaceFolders"][0]["uri"].is_string())
        folder = path_of_uri(params["workspaceFolders"][0]["uri"].get<std::string>());
    if (folder.empty() && params.contains("rootUri") && params["rootUri"].is_string())
        folder = path_of_uri(params["rootUri"].get<std::string>());
    if (folder.empty() && params.contains("rootPath") && params["rootPath"].is_string())
        folder = params["rootPath"].get<std::string>();

    std::string given;
    if (params.contains("initializationOptions") && params["initializationOptions"].is_object()) {
        const json& o = params["initializationOptions"];
        if (o.contains("path")) {
            if (!o["path"].is_string() || o["path"].get<std::string>().empty())
                throw BadParams("initializationOptions.path must be the roadmap's PATH, a non-empty string");
            given = o["path"].get<std::string>();
        }
    }
    std::string root, problem;
    if (!given.empty()) {
        fs::path p(given);
        if (p.is_relative() && !folder.empty()) p = fs::path(folder) / p;
        std::error_code ec;
        if (!fs::exists(p, ec))
            problem = fmt::format(
                "the roadmap PATH '{}' given in initializationOptions.path does not exist; give the folder or file of "
                "the roadmap (relative to the workspace folder '{}')",
                given, folder);
        else
            root = fs::absolute(p, ec).lexically_normal().generic_string();
    } else if (folder.empty()) {
        problem =
            "the editor gave no workspace folder (rootUri or workspaceFolders): open the roadmap's repository as "
            "a folder, or give the roadmap's PATH in initializationOptions.path";
    } else {
        try {
            root = fs::path(options.find_roadmap(folder)).lexically_normal().generic_string();
        } catch (const Error& e) {
            problem = e.what();
        }
    }
    if (root.size() > 1 && root.back() == '/') root.pop_back();
    // Messages spell the roadmap's files as `boussole lint` run in the workspace folder does
    // (roadmap/people.yaml), so that the editor shows its very words.
    std::string display;
    if (!root.empty() && !folder.empty()) {
        const fs::path base = fs::path(folder).lexically_normal(), at = fs::path(root).lexically_normal();
        display = at == base ? "." : at.lexically_relative(base).generic_string();
    }
    workspace.set_root(root, display);

    json result = {
        {"capabilities",
         {{"positionEncoding", encoding == Encoding::utf8 ? "utf-8" : "utf-16"},
          {"textDocumentSync", {{"openClose", true}, {"change", sync_incremental}, {"save", {{"includeText", false}}}}},
          {"definitionProvider", true},
          {"referencesProvider", true},
          {"documentSymbolProvider", true},
          {"completionProvider", {{"triggerCharacters", {":", " ", "-", "[", ",", "{"}}}},
          {"hoverProvider", true},
          {"renameProvider", {{"prepareProvider", true}}},
          {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}}}},
        {"serverInfo", {{"name", "boussole"}, {"version", BOUSSOLE_VERSION}}}};
    if (!problem.empty()) {
        // Said once, after the answer (a server may show a message before `initialized`).
        pending_message = fmt::format(
            "boussole: {}. No diagnostics until then: open the folder that holds the roadmap, or set "
            "initializationOptions.path, and restart the language server.",
            problem);
    }
    return result;
}

void Server::Impl::initialized_note() {
    if (!dynamic_watchers || !workspace.has_root()) return;
    // Ask the client to tell us of the roadmap's files changed on disk (git checkout, another
    // editor): the YAML files under the roadmap's folder.
    std::error_code ec;
    const bool folder = fs::is_directory(workspace.root(), ec);
    const std::string base = folder ? workspace.root() : fs::path(workspace.root()).parent_path().generic_string();
    const std::string pattern = folder ? "**/*.{yaml,yml}" : fs::path(workspace.root()).filename().generic_string();
    send({{"id", fmt::format("boussole-{}", next_id++)},
          {"method", "client/registerCapability"},
          {"params",
           {{"registrations",
             {{{"id", "boussole-watch"},
               {"method", "workspace/didChangeWatchedFiles"},
               {"registerOptions",
                {{"watchers", {{{"globPattern", {{"baseUri", uri_of_path(base)}, {"pattern", pattern}}}}}}}}}}}}}});
}

void Server::Impl::did_change(const json& params) {
    const json& doc = member(params, "textDocument", json::value_t::object, "textDocument/didChange");
    const std::string path = path_of_uri(text_of(doc, "uri", "textDocument"));
    OpenDocument* open = workspace.document(path);
    if (open == nullptr)
        throw BadParams(fmt::format("'{}' is not open: send textDocument/didOpen before its changes",
                                    text_of(doc, "uri", "textDocument")));
    const json& changes = member(params, "contentChanges", json::value_t::array, "textDocument/didChange");
    // Applied to a copy: a change that cannot be read leaves the document as it was.
    std::string text = open->text;
    for (const json& change : changes) {
        const std::string replacement = text_of(change, "text", "contentChanges");
        if (!change.contains("range")) {
            text = replacement;
            continue;
        }
        const json& range = member(change, "range", json::value_t::object, "contentChanges");
        const auto offset = [&](const char* key) {
            const json& p = member(range, key, json::value_t::object, "range");
            const auto line = member(p, "line", json::value_t::number_integer, key).get<long long>();
            const auto character = member(p, "character", json::value_t::number_integer, key).get<long long>();
            if (line < 0 || character < 0) throw BadParams(fmt::format("range.{}: a negative position", key));
            const auto clamp = [](long long v) {
                return static_cast<std::uint32_t>(std::min<long long>(v, std::numeric_limits<std::uint32_t>::max()));
            };
            return offset_of_position(text, clamp(line), clamp(character), encoding);
        };
        const std::size_t start = offset("start"), end = offset("end");
        if (end < start) throw BadParams("a change's range ends before it starts");
        text.replace(start, end - start, replacement);
    }
    open->text = std::move(text);
    open->version = member(doc, "version", json::value_t::number_integer, "textDocument").get<long long>();
    workspace.open(path, *open);
}

void Server::Impl::watched_files(const json& params) {
    const json& changes = member(params, "changes", json::value_t::array, "workspace/didChangeWatchedFiles");
    bool relist = false;
    std::vector<std::string> changed;
    for (const json& c : changes) {
        const std::string path = path_of_uri(text_of(c, "uri", "changes"));
        const auto type = member(c, "type", json::value_t::number_integer, "changes").get<int>();
        if (path.empty()) continue;
        if (type == watch_created || type == watch_deleted) relist = true;
        changed.push_back(path);
    }
    // Always list again: an editor may report a rename as one change, and listing names no file twice.
    if (relist || !changed.empty()) workspace.relist();
    for (const std::string& p : changed) workspace.reread(p);
}

json Server::Impl::diagnostic(const Diagnostic& d, const LineIndex& lines) const {
    const std::string_view line = lines.line(d.line);
    const std::uint32_t start = character_of_column(line, d.column, encoding);
    const std::uint32_t end = d.end_line == d.line
                                  ? character_of_column(line, d.end_column, encoding)
                                  : character_of_column(lines.line(d.end_line), d.end_column, encoding);
    const std::optional<RuleId> rule = parse_rule_id(d.rule);
    json item = {{"range", {{"start", position_json(d.line - 1, start)}, {"end", position_json(d.end_line - 1, end)}}},
                 {"severity", lsp_severity(d.severity)},
                 {"code", d.rule},
                 {"source", "boussole"},
                 {"message", d.message}};
    if (rule) item["codeDescription"] = {{"href", rule_documentation_url(*rule)}};
    return item;
}

void Server::Impl::publish() {
    read_roadmap = workspace.roadmap();
    if (read_roadmap.unreadable_files().empty()) whole_roadmap = read_roadmap;
    const Roadmap& roadmap = read_roadmap;
    const LintResult result = lint_roadmap(roadmap);
    read_diagnostics = result.diagnostics;
    const std::vector<WorkspaceFile>& files = workspace.files();
    const std::vector<std::size_t>& read = workspace.read();

    // Each diagnostic to its file; findings of the whole tree (no file) to the first file.
    std::map<std::string, std::size_t> by_display;
    for (std::size_t i = 0; i < roadmap.files.size(); ++i) by_display[roadmap.files[i].display_path] = read[i];
    std::map<std::size_t, json> lists;
    std::map<std::size_t, LineIndex> lines;  // of the text linted, each file's found once
    for (std::size_t i : read) lists[i] = json::array();
    for (const Diagnostic& d : result.diagnostics) {
        const auto it = by_display.find(d.file);
        const std::size_t i = it != by_display.end() ? it->second : read.empty() ? files.size() : read.front();
        if (i >= files.size()) continue;
        auto at = lines.find(i);
        if (at == lines.end()) at = lines.emplace(i, LineIndex(files[i].version_text)).first;
        lists[i].push_back(diagnostic(d, at->second));
    }

    std::set<std::string> current;
    for (const auto& [i, list] : lists) {
        const WorkspaceFile& f = files[i];
        current.insert(f.path);
        const OpenDocument* doc = workspace.document(f.path);
        const std::string uri = doc ? doc->uri : uri_of_path(f.path);
        const auto old = published.find(f.path);
        if (old != published.end() && old->second.uri != uri) {
            // The file's URI changed (opened or closed under another spelling): clear the old one.
            notify("textDocument/publishDiagnostics", {{"uri", old->second.uri}, {"diagnostics", json::array()}});
            published.erase(old);
        }
        const auto same = published.find(f.path);
        if (same != published.end() && same->second.diagnostics == list) continue;
        if (same == published.end() && list.empty()) {
            published[f.path] = {uri, list};
            continue;  // nothing was said, nothing to say
        }
        json params = {{"uri", uri}, {"diagnostics", list}};
        if (doc) params["version"] = doc->version;
        notify("textDocument/publishDiagnostics", params);
        published[f.path] = {uri, list};
    }
    // Files no longer read (deleted, unreadable): their diagnostics go away.
    for (auto it = published.begin(); it != published.end();) {
        if (current.count(it->first)) {
            ++it;
            continue;
        }
        if (!it->second.diagnostics.empty())
            notify("textDocument/publishDiagnostics", {{"uri", it->second.uri}, {"diagnostics", json::array()}});
        it = published.erase(it);
    }
    // What `boussole lint` says on standard error as notes, said once each in the log.
    for (const std::string& note : result.notes)
        if (std::find(notes_said.begin(), notes_said.end(), note) == notes_said.end())
            log(message_info, "boussole: note: " + note);
    notes_said = result.notes;
}

Server::Server(std::ostream& out, ServerOptions options) : impl_(std::make_unique<Impl>(out, std::move(options))) {}
Server::~Server() = default;

void Server::handle(std::string_view body) { impl_->handle(body); }

void Server::framing_error(std::string_view what) {
    impl_->fail(nullptr, parse_error, fmt::format("{}; the server goes on with the next message", what));
}

void Server::idle() {
    if (!impl_->initialized || impl_->shutdown || impl_->exited || !impl_->workspace.dirty()) return;
    if (!impl_->workspace.has_root()) return;
    impl_->publish();
}

bool Server::exited() const { return impl_->exited; }
int Server::exit_status() const { return impl_->shutdown ? 0 : 1; }

int serve(std::istream& in, std::ostream& out, ServerOptions options) {
    Server server(out, std::move(options));
    FrameReader reader(in);
    while (!server.exited()) {
        Framed f = reader.next();
        if (f.kind == Framed::Kind::end) break;
        if (f.kind == Framed::Kind::error) {
            server.framing_error(f.error);
        } else {
            server.handle(f.body);
        }
        // A burst of changes is linted once, when no more input is waiting.
        if (!server.exited() && !reader.more_waiting()) server.idle();
    }
    return server.exit_status();
}

}  // namespace boussole::lsp
