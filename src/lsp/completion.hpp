#pragma once
// textDocument/completion: what may be written at the cursor, found from the lines of the text
// (which often does not parse while it is typed) and the format table; the ids from the roadmap.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "boussole/format.hpp"
#include "boussole/lsp.hpp"
#include "boussole/model.hpp"

namespace boussole::lsp {

// What the lines around the cursor say it is on.
struct CursorContext {
    enum class What {
        nothing,    // free text, a comment, a place no key or value of the format is
        key,        // a key of `entity`, or a rule id under roadmap.lint.rules (`rules`)
        value,      // the value of key `key` of `entity` (a choice, an id), or a rule's severity
        list_item,  // an item of the list `key` of `entity` (`[a, |` or `- |`)
    } what = What::nothing;
    format::Entity entity = format::Entity::file;
    bool rules = false;                // in roadmap.lint.rules: keys are rule ids, values severities
    std::string key;                   // the key whose value or item is completed
    std::string partial;               // what is typed of the word at the cursor
    std::size_t start = 0;             // its byte offset in the cursor's line
    bool space = true;                 // a space separates the key's colon from the value (else one is inserted)
    std::vector<std::string> present;  // keys already in the mapping, or items already in the list
};

// The context of byte `offset` of line `line` (0-based) of `text`.
CursorContext cursor_context(std::string_view text, std::uint32_t line, std::size_t offset);

// The completion items at LSP position (`line`, `character` in `encoding`) of `text`, ids taken
// from `roadmaps` (each id once, from the first that declares it): a JSON array of
// CompletionItem (empty where nothing is to be completed).
nlohmann::json completion_items(std::span<const Roadmap* const> roadmaps, std::string_view text, std::uint32_t line,
                                std::uint32_t character, Encoding encoding);

}  // namespace boussole::lsp
