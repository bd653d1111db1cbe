#include "lsp/rename.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "boussole/format.hpp"
#include "lsp/text.hpp"

namespace boussole::lsp {

using json = nlohmann::json;

namespace {

// The byte offset of code point column `column` (1-based) of `line`; npos past its end.
std::size_t offset_of_column(std::string_view line, std::uint32_t column) {
    std::size_t i = 0;
    for (std::uint32_t c = 1; c < column; ++c) {
        if (i >= line.size()) return std::string_view::npos;
        ++i;
        while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
    }
    return i;
}

std::uint32_t code_points(std::string_view s) {
    return static_cast<std::uint32_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Whether a plain scalar may end at byte `end` of `line`: at the line's end, a blank, a flow
// indicator, a key's colon or a comment.
bool ends_plain_scalar(std::string_view line, std::size_t end) {
    return end >= line.size() || std::string_view(" \t,]}:#").find(line[end]) != std::string_view::npos;
}

// `text` as it must be written between `quote`s.
std::string quoted_content(std::string_view text, char quote) {
    std::string out;
    for (char c : text) {
        if (quote == '\'' && c == '\'') out += '\'';
        if (quote == '"' && (c == '"' || c == '\\')) out += '\\';
        out += c;
    }
    return out;
}

// Whether YAML reads `text`, written plain, as no value (as the loader's Node::is_null does).
bool plain_null(std::string_view text) {
    return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

std::string_view kind_name(IdKind k) {
    switch (k) {
        case IdKind::person:
            return "person";
        case IdKind::metric:
            return "metric";
        case IdKind::key_result:
            return "key result";
        case IdKind::epic:
            return "epic";
    }
    return "id";
}

format::Entity entity_of(IdKind k) {
    switch (k) {
        case IdKind::person:
            return format::Entity::person;
        case IdKind::metric:
            return format::Entity::metric;
        case IdKind::key_result:
            return format::Entity::key_result;
        case IdKind::epic:
            break;
    }
    return format::Entity::epic;
}

std::string no_id_here(const std::string& where) {
    return fmt::format(
        "there is no id to rename at {}: put the cursor on the id of a person, metric, key result or epic (where it "
        "is declared, or named as an owner, contributor, metric, key result or dependency), then rename again",
        where);
}

std::string not_in_place(const EditSite& site, const IdUse& u) {
    return fmt::format(
        "the {} id '{}' at {} is written over several lines (a block or folded scalar), which an edit cannot change "
        "in place: write it on one line, then rename again",
        kind_name(u.kind), u.id, where_is(site.roadmap, u.pos.file, u.pos.line));
}

}  // namespace

std::optional<TextEdit> replace_scalar(const EditSite& site, const SourcePos& pos,
                                       std::optional<std::string_view> written, std::string text) {
    if (!pos.valid() || pos.file >= site.roadmap.files.size()) return std::nullopt;
    const std::string_view line = line_of(site.text(pos.file), pos.line);
    const std::uint32_t length = pos.length > 0 ? pos.length : written ? code_points(*written) : 0;
    const std::size_t start = offset_of_column(line, pos.column), end = offset_of_column(line, pos.column + length);
    if (start == std::string_view::npos || end == std::string_view::npos || length == 0) return std::nullopt;
    const std::string_view token = line.substr(start, end - start);
    TextEdit edit{pos.file, pos.line, pos.column, pos.column + length, std::move(text), std::string(token)};
    const char quote = token.empty() ? '\0' : token.front();
    if (token.size() >= 2 && (quote == '"' || quote == '\'') && token.back() == quote) {
        // Only the characters between the quotes (the id as written, escapes and all) change.
        ++edit.column;
        --edit.end_column;
        edit.text = quoted_content(edit.text, quote);
        edit.replaced = token.substr(1, token.size() - 2);
    } else if (written ? token != *written : !ends_plain_scalar(line, end)) {
        return std::nullopt;  // not written on its line as it reads
    } else if (plain_null(edit.text)) {
        edit.text = fmt::format("\"{}\"", edit.text);  // plain, it would read as no value at all
    }
    return edit;
}

json edit_range(const EditSite& site, const TextEdit& edit) {
    const std::string_view line = line_of(site.text(edit.file), edit.line);
    return {
        {"start", {{"line", edit.line - 1}, {"character", character_of_column(line, edit.column, site.encoding)}}},
        {"end", {{"line", edit.line - 1}, {"character", character_of_column(line, edit.end_column, site.encoding)}}}};
}

json workspace_edit(const EditSite& site, std::vector<TextEdit> edits) {
    const auto key = [](const TextEdit& e) { return std::tie(e.file, e.line, e.column); };
    std::sort(edits.begin(), edits.end(), [&](const TextEdit& a, const TextEdit& b) { return key(a) < key(b); });
    edits.erase(
        std::unique(edits.begin(), edits.end(), [&](const TextEdit& a, const TextEdit& b) { return key(a) == key(b); }),
        edits.end());
    std::map<std::uint32_t, json> by_file;
    for (const TextEdit& e : edits) {
        json& list = by_file[e.file];
        if (list.is_null()) list = json::array();
        list.push_back({{"range", edit_range(site, e)}, {"newText", e.text}});
    }
    if (site.document_changes) {
        json changes = json::array();
        for (auto& [file, list] : by_file) {
            const std::optional<long long> version = site.version(file);
            changes.push_back(
                {{"textDocument", {{"uri", site.uri(file)}, {"version", version ? json(*version) : json()}}},
                 {"edits", std::move(list)}});
        }
        return {{"documentChanges", std::move(changes)}};
    }
    json changes = json::object();
    for (auto& [file, list] : by_file) changes[site.uri(file)] = std::move(list);
    return {{"changes", std::move(changes)}};
}

std::string where_is(const Roadmap& roadmap, std::uint32_t file, std::uint32_t line) {
    if (file >= roadmap.files.size()) return fmt::format("line {}", line);
    const SourceFile& f = roadmap.files[file];
    return fmt::format("{}:{}", f.relative_path.empty() ? f.display_path : f.relative_path, line);
}

json prepare_rename(const EditSite& site, const std::optional<IdUse>& at, const std::string& where) {
    if (!at) throw RequestFailed(no_id_here(where));
    const std::optional<TextEdit> edit = replace_scalar(site, at->pos, at->id, at->id);
    if (!edit) throw RequestFailed(not_in_place(site, *at));
    return {{"range", edit_range(site, *edit)}, {"placeholder", at->id}};
}

json rename(const EditSite& site, const std::optional<IdUse>& at, const std::string& new_id, const std::string& where) {
    if (!at) throw RequestFailed(no_id_here(where));
    const std::string_view kind = kind_name(at->kind);
    // The loader's own rule for an id, and its words.
    const format::Read read = format::read_scalar(format::key(entity_of(at->kind), "id"), {new_id, true});
    if (!read.error.empty() || !read.value)
        throw RequestFailed(fmt::format("cannot rename {} '{}' to '{}': {}", kind, at->id, new_id,
                                        read.error.empty() ? "an id cannot be empty; give the new id" : read.error));
    const std::vector<IdUse> uses = id_uses(site.roadmap);
    if (new_id != at->id)
        for (const IdUse& u : uses)
            if (u.declaration && u.kind == at->kind && u.id == new_id)
                throw RequestFailed(fmt::format(
                    "cannot rename {} '{}' to '{}': another {} already has the id '{}' ({}); choose an id no other {} "
                    "has, or rename that one first",
                    kind, at->id, new_id, kind, new_id, where_is(site.roadmap, u.pos.file, u.pos.line), kind));
    std::vector<TextEdit> edits;
    if (new_id != at->id)
        for (const IdUse& u : uses) {
            if (u.kind != at->kind || u.id != at->id) continue;
            std::optional<TextEdit> edit = replace_scalar(site, u.pos, u.id, new_id);
            if (!edit) throw RequestFailed(not_in_place(site, u));
            edits.push_back(std::move(*edit));
        }
    return workspace_edit(site, std::move(edits));
}

}  // namespace boussole::lsp
