#pragma once
// The ids of a roadmap, where each is declared and where it is named, across files: what
// definition and references answer, and the outline of a file (document symbols).

#include <string>
#include <vector>

#include "boussole/model.hpp"

namespace boussole::lsp {

enum class IdKind { person, metric, key_result, epic };

// One id as written: its declaration (a person's `id`) or a use (an epic's `owner`).
struct IdUse {
    IdKind kind;
    std::string id;
    SourcePos pos;
    bool declaration;
};

// Every declaration and use of a person, metric, key result or epic id, in reading order.
std::vector<IdUse> id_uses(const Roadmap& roadmap);

// One entry of a file's outline.
struct Symbol {
    std::string name;
    std::string detail;
    int kind;                // LSP's SymbolKind
    SourcePos start;         // where the item starts (its first key)
    std::uint32_t end_line;  // its last line (1-based, inclusive)
    SourcePos selection;     // its id or title
    std::vector<Symbol> children;
};

// The outline of file `file` of `roadmap`: streams > epics > tasks, objectives > key results,
// people, metrics. `lines` is the file's line count (the last item ends there).
std::vector<Symbol> document_symbols(const Roadmap& roadmap, std::uint32_t file, std::uint32_t lines);

}  // namespace boussole::lsp
