#pragma once
// A small YAML tree built from yaml-cpp's events: positions on every node, aliases shared
// (never expanded), duplicate keys and hostile input reported as findings. Internal to load/.

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "boussole/diagnostic.hpp"

namespace boussole::yaml {

enum class Kind : std::uint8_t { null, scalar, sequence, mapping };

struct Node {
    Kind kind = Kind::null;
    bool plain = false;     // a scalar written without quotes or an explicit string tag
    bool complete = false;  // all its children have been read (an alias to it is safe)
    bool flow = false;      // a mapping or list written between braces or brackets
    bool anchored = false;  // written with an anchor (`&name`)
    SourcePos pos;
    // A comment on the same line as this one-line plain scalar that reads like more of it
    // (`title: Support #revops-help`: '#' right after a space, not followed by one), and where
    // it starts; empty otherwise. YAML drops it: the value is cut before it.
    std::string glued_comment;
    SourcePos glued_comment_pos;
    std::size_t offset = 0;  // of its first byte in the parsed text
    // `title: &Co fix`: the anchor ('&Co') on a scalar or empty value that no alias uses,
    // which took a word from the value; empty otherwise.
    std::string unused_anchor;
    std::string tag;  // a scalar's tag when it is not one of YAML's (`!important`), else empty
    // A one-line mapping of one plain key and plain value (`- Guide : FR`), as written.
    std::string one_line;
    std::string value;            // scalars
    std::vector<Node*> children;  // sequence items, or mapping keys and values interleaved

    [[nodiscard]] bool is_null() const {
        return kind == Kind::null ||
               (kind == Kind::scalar && plain &&
                (value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL"));
    }
};

struct ParsedFile {
    std::deque<Node> nodes;  // owns every node; addresses are stable
    std::vector<const Node*> documents;
    std::vector<Finding> findings;  // yaml-syntax and duplicate-key
    bool broken = false;            // a syntax error stopped the reading
};

// Parses `text` (UTF-8, BOM allowed); positions name `file`.
ParsedFile parse(std::string_view text, std::uint32_t file);

// `text` written as a quoted YAML value, for a message's fix: in double quotes, or in single
// ones when it holds a double quote and no single one.
std::string quoted(std::string_view text);

// How a node's kind reads in a message: "a list", "a mapping", ...
std::string_view describe(const Node& node);

}  // namespace boussole::yaml
