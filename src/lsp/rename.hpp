#pragma once
// Rename (textDocument/prepareRename and textDocument/rename): an id changed everywhere it is
// declared and named, as a WorkspaceEdit the client applies; and the edits of values written in
// the roadmap's files, which the quick fixes (actions.cpp) share.

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "boussole/lsp.hpp"
#include "boussole/model.hpp"
#include "lsp/symbols.hpp"

namespace boussole::lsp {

// A request the server understood but cannot carry out (LSP's RequestFailed, -32803); the
// message says why and what to do.
struct RequestFailed : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// One replacement in a file of the roadmap: code point columns [column, end_column) of `line`
// (1-based, as SourcePos counts) become `text`.
struct TextEdit {
    std::uint32_t file = 0;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::uint32_t end_column = 0;
    std::string text;
    std::string replaced;  // the text it replaces, as written
};

// What edits are made against: the roadmap last read, the text each of its files was read from,
// the URI and open version of each, and what the client negotiated.
struct EditSite {
    const Roadmap& roadmap;
    std::function<std::string_view(std::uint32_t file)> text;
    std::function<std::string(std::uint32_t file)> uri;
    std::function<std::optional<long long>(std::uint32_t file)> version;  // an open document's; none on disk
    Encoding encoding = Encoding::utf16;
    bool document_changes = false;  // the client applies `documentChanges` (versioned edits)
};

// The edit that writes `text` instead of the scalar at `pos` (a key or a value), keeping its
// quotes: only the characters between them change. `written` is the scalar as read, when known.
// Nothing when the scalar is not written on its line as read (a block scalar, a multi-line
// value), or when `written` is unknown and `pos` does not span a whole plain scalar.
std::optional<TextEdit> replace_scalar(const EditSite& site, const SourcePos& pos,
                                       std::optional<std::string_view> written, std::string text);

// The LSP range of an edit's columns, in the negotiated encoding.
nlohmann::json edit_range(const EditSite& site, const TextEdit& edit);

// A WorkspaceEdit of `edits` (repeats, as an alias reads a value twice, made once): `documentChanges`
// with each open document's version when the client takes them, else `changes` by URI.
nlohmann::json workspace_edit(const EditSite& site, std::vector<TextEdit> edits);

// Where a position is, for messages: "streams/billing.yaml:4".
std::string where_is(const Roadmap& roadmap, std::uint32_t file, std::uint32_t line);

// textDocument/prepareRename: the range of the id `at` and its text as the placeholder.
// Throws RequestFailed when there is no id at the position (`where` says where it was asked).
nlohmann::json prepare_rename(const EditSite& site, const std::optional<IdUse>& at, const std::string& where);

// textDocument/rename: the WorkspaceEdit that renames the id `at` to `new_id` at every
// declaration and use of the same kind. Throws RequestFailed when there is no id at the
// position, when `new_id` is not a valid id (the loader's rule) or when another entity of the
// same kind already has it.
nlohmann::json rename(const EditSite& site, const std::optional<IdUse>& at, const std::string& new_id,
                      const std::string& where);

}  // namespace boussole::lsp
