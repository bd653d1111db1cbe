// textDocument/completion (issue 18): keys from the format table, enumerations, ids.
//
// The text at the cursor is read line by line, not parsed: while a key or a value is being typed
// the file seldom parses. Each line's shape (its indentation, its list dash, its key and whether
// a value follows) is enough to find the mapping the cursor is in: the nearest line above that is
// less indented and holds a key without a value is its parent, up to the top of the file; the
// keys of that path, read against the format table, name the entity.
#include "lsp/completion.hpp"

#include <algorithm>
#include <functional>
#include <set>

#include <fmt/format.h>

#include "boussole/lint.hpp"
#include "boussole/report.hpp"
#include "lsp/symbols.hpp"

namespace boussole::lsp {

using json = nlohmann::json;

namespace {

// LSP's CompletionItemKind values used here.
constexpr int item_property = 10, item_enum_member = 20, item_reference = 18;

// The lines of `text` as LSP counts them (\r\n, \n or a lone \r end a line), without a byte
// order mark on the first.
std::vector<std::string_view> split_lines(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\n' && text[i] != '\r') continue;
        out.push_back(text.substr(start, i - start));
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        start = i + 1;
    }
    out.push_back(text.substr(start));
    return out;
}

bool key_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

std::string_view trim_spaces(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

// A value's text without a trailing comment.
std::string_view without_comment(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i)
        if (s[i] == '#' && (i == 0 || s[i - 1] == ' ')) return trim_spaces(s.substr(0, i));
    return trim_spaces(s);
}

// One line as block YAML lays it out.
struct Shape {
    bool blank = true;  // empty, a comment, or inside a block scalar
    bool dash = false;  // starts a list item
    std::size_t dash_col = 0, key_col = 0;
    std::string key;         // the key it holds, "" for none
    bool has_value = false;  // something follows the key's colon
    std::string value;       // what follows it, without a comment
    bool block_scalar = false;
    std::string item;  // a list item's scalar (`- lea`)
};

Shape shape_of(std::string_view l) {
    Shape s;
    std::size_t i = 0;
    while (i < l.size() && l[i] == ' ') ++i;
    if (i == l.size() || l[i] == '#') return s;
    s.blank = false;
    const auto is_dash = [&](std::size_t at) { return l[at] == '-' && (at + 1 == l.size() || l[at + 1] == ' '); };
    if (is_dash(i)) {
        s.dash = true;
        s.dash_col = i;
        while (i < l.size() && is_dash(i)) {
            ++i;
            while (i < l.size() && l[i] == ' ') ++i;
        }
    }
    s.key_col = i;
    std::size_t k = i;
    while (k < l.size() && key_char(l[k])) ++k;
    if (k > i && k < l.size() && l[k] == ':' && (k + 1 == l.size() || l[k + 1] == ' ')) {
        s.key = std::string(l.substr(i, k - i));
        const std::string_view value = without_comment(l.substr(k + 1));
        s.has_value = !value.empty();
        s.value = std::string(value);
        s.block_scalar = !value.empty() && (value.front() == '|' || value.front() == '>');
    } else if (s.dash) {
        s.item = std::string(without_comment(l.substr(i)));
    }
    return s;
}

std::vector<Shape> shapes_of(const std::vector<std::string_view>& lines) {
    std::vector<Shape> out;
    std::optional<std::size_t> block;  // the column a block scalar's text must be deeper than
    for (std::string_view l : lines) {
        Shape s = shape_of(l);
        if (block) {
            std::size_t indent = 0;
            while (indent < l.size() && l[indent] == ' ') ++indent;
            if (s.blank || indent > *block) {
                out.push_back(Shape{});
                continue;
            }
            block.reset();
        }
        if (s.block_scalar) block = s.key_col;
        out.push_back(std::move(s));
    }
    return out;
}

// The line holding the key whose value is the mapping (of keys at `col`) or the list (of items
// dashed at `col`, when `item`) that line `idx` belongs to; none at the top of the file or when
// the lines above hold no such key.
std::optional<std::size_t> parent_of(const std::vector<Shape>& shapes, std::size_t idx, std::size_t col, bool item) {
    for (std::size_t j = idx; j-- > 0;) {
        const Shape& s = shapes[j];
        if (s.blank) continue;
        if (item) {
            if (s.dash && s.dash_col == col) continue;  // an item before
            if (s.key_col > col) continue;              // inside an item before
            if (!s.key.empty() && !s.has_value) return j;
            return std::nullopt;
        }
        if (s.key_col > col) continue;
        if (s.key_col == col) {
            if (s.dash) return parent_of(shapes, j, s.dash_col, true);  // the item this mapping is
            continue;                                                   // a key of the same mapping
        }
        if (!s.key.empty() && !s.has_value) return j;
        return std::nullopt;
    }
    return std::nullopt;
}

// The keys from the top of the file down to line `idx`'s key.
std::optional<std::vector<std::string>> path_to(const std::vector<Shape>& shapes, std::size_t idx) {
    const Shape& s = shapes[idx];
    const std::optional<std::size_t> parent =
        s.dash ? parent_of(shapes, idx, s.dash_col, true) : parent_of(shapes, idx, s.key_col, false);
    if (!parent) {
        if (s.dash || s.key_col != 0) return std::nullopt;
        return std::vector<std::string>{s.key};
    }
    std::optional<std::vector<std::string>> p = path_to(shapes, *parent);
    if (p) p->push_back(s.key);
    return p;
}

const format::Key* find_key(format::Entity e, std::string_view name) {
    for (const format::Key& k : format::keys(e))
        if (k.name == name) return &k;
    return nullptr;
}

// What a mapping reached by a path of keys holds.
struct Mapping {
    format::Entity entity = format::Entity::file;
    bool rules = false;  // roadmap.lint.rules: rule ids to severities
};

// The mapping that key `k` holds, if it holds one.
std::optional<Mapping> mapping_of(const format::Key& k) {
    using enum format::Type;
    if (k.type == mapping || k.type == mappings) return Mapping{k.child, false};
    if (k.type == format::Type::period) return Mapping{format::Entity::period, false};  // {start, end}
    if (k.type == severities) return Mapping{format::Entity::lint, true};
    return std::nullopt;
}

std::optional<Mapping> mapping_at_path(const std::vector<std::string>& path) {
    Mapping m;
    for (const std::string& name : path) {
        if (m.rules) return std::nullopt;  // a rule's severity holds nothing
        const format::Key* k = find_key(m.entity, name);
        if (!k) return std::nullopt;
        const std::optional<Mapping> next = mapping_of(*k);
        if (!next) return std::nullopt;
        m = *next;
    }
    return m;
}

// The mapping whose keys are at `col` on line `idx` (a list item's when `dash`).
std::optional<Mapping> mapping_at(const std::vector<Shape>& shapes, std::size_t idx, std::size_t col, bool dash,
                                  std::size_t dash_col) {
    const std::optional<std::size_t> parent =
        dash ? parent_of(shapes, idx, dash_col, true) : parent_of(shapes, idx, col, false);
    if (!parent) {
        if (dash || col != 0) return std::nullopt;
        return Mapping{};  // the top of a file
    }
    const std::optional<std::vector<std::string>> path = path_to(shapes, *parent);
    if (!path) return std::nullopt;
    return mapping_at_path(*path);
}

// The lines of the mapping at `col` that line `idx` belongs to, other than line `idx`; when
// `starts`, line `idx` starts the mapping (a list item's first line).
std::vector<const Shape*> lines_around(const std::vector<Shape>& shapes, std::size_t idx, std::size_t col,
                                       bool starts) {
    std::vector<const Shape*> out;
    if (!starts && !(shapes[idx].dash && shapes[idx].key_col == col))
        for (std::size_t j = idx; j-- > 0;) {
            const Shape& s = shapes[j];
            if (s.blank || s.key_col > col) continue;
            if (s.key_col < col) break;
            out.push_back(&s);
            if (s.dash) break;  // the item's first line
        }
    for (std::size_t j = idx + 1; j < shapes.size(); ++j) {
        const Shape& s = shapes[j];
        if (s.blank || s.key_col > col) continue;
        if (s.key_col < col || s.dash) break;  // the mapping, or the item, ends
        out.push_back(&s);
    }
    return out;
}

// The keys of that mapping.
std::vector<std::string> keys_around(const std::vector<Shape>& shapes, std::size_t idx, std::size_t col, bool starts) {
    std::vector<std::string> out;
    for (const Shape* s : lines_around(shapes, idx, col, starts))
        if (!s->key.empty()) out.push_back(s->key);
    return out;
}

// The value of its `id` key, or "".
std::string id_around(const std::vector<Shape>& shapes, std::size_t idx, std::size_t col) {
    if (shapes[idx].key == "id" && shapes[idx].key_col == col) return shapes[idx].value;
    for (const Shape* s : lines_around(shapes, idx, col, false))
        if (s->key == "id") return s->value;
    return {};
}

// The items of the block list dashed at `col` that line `idx` is an item of, other than its own.
std::vector<std::string> items_around(const std::vector<Shape>& shapes, std::size_t idx, std::size_t col) {
    std::vector<std::string> out;
    const auto take = [&](const Shape& s) {
        if (!s.item.empty()) out.push_back(s.item);
    };
    for (std::size_t j = idx; j-- > 0;) {
        const Shape& s = shapes[j];
        if (s.blank || (s.key_col > col && !(s.dash && s.dash_col == col))) continue;
        if (!s.dash || s.dash_col != col) break;
        take(s);
    }
    for (std::size_t j = idx + 1; j < shapes.size(); ++j) {
        const Shape& s = shapes[j];
        if (s.blank || (s.key_col > col && !(s.dash && s.dash_col == col))) continue;
        if (!s.dash || s.dash_col != col) break;
        take(s);
    }
    return out;
}

// The `key:` tokens and the items of the flow collection opened at byte `open` of `line`, at its
// own depth, other than the one at byte `at`.
std::vector<std::string> flow_entries(std::string_view line, std::size_t open, std::size_t at, bool keys) {
    std::vector<std::string> out;
    int depth = 0;
    char quote = 0;
    std::size_t start = open + 1;
    const auto take = [&](std::size_t end) {
        if (start <= at && at <= end) return;
        std::string_view entry = trim_spaces(line.substr(start, end - start));
        if (keys) {
            const std::size_t colon = entry.find(':');
            if (colon == std::string_view::npos) return;
            entry = trim_spaces(entry.substr(0, colon));
        }
        if (!entry.empty()) out.emplace_back(entry);
    };
    for (std::size_t i = open + 1; i < line.size(); ++i) {
        const char c = line[i];
        if (quote) {
            if (c == quote) quote = 0;
            continue;
        }
        if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '[' || c == '{') {
            ++depth;
        } else if (c == ']' || c == '}') {
            if (depth-- == 0) {
                take(i);
                break;
            }
        } else if (c == ',' && depth == 0) {
            take(i);
            start = i + 1;
        } else if (c == '#' && i > 0 && line[i - 1] == ' ') {
            take(i);
            break;
        }
        if (i + 1 == line.size()) take(line.size());
    }
    return out;
}

// The key written just before byte `end` of `s` (`owner: [` → owner), or "".
std::string key_before(std::string_view s, std::size_t end) {
    std::string_view head = trim_spaces(s.substr(0, end));
    if (head.empty() || head.back() != ':') return {};
    head.remove_suffix(1);
    std::size_t k = head.size();
    while (k > 0 && key_char(head[k - 1])) --k;
    return std::string(head.substr(k));
}

}  // namespace

CursorContext cursor_context(std::string_view text, std::uint32_t line, std::size_t offset) {
    CursorContext c;
    const std::vector<std::string_view> lines = split_lines(text);
    if (line >= lines.size()) return c;
    const std::string_view cur = lines[line];
    const std::string_view prefix = cur.substr(0, std::min(offset, cur.size()));
    const std::vector<Shape> shapes = shapes_of(lines);
    const Shape& here = shapes[line];
    // Inside a block scalar's text (its shape is blank though the line is not): free text.
    if (here.blank && !trim_spaces(cur).empty() && trim_spaces(cur).front() != '#') return c;

    // The flow collections open at the cursor, and whether it is in a comment or a quoted text.
    std::vector<std::size_t> open;
    char quote = 0;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        const char ch = prefix[i];
        if (quote) {
            if (ch == quote) quote = 0;
            continue;
        }
        if (ch == '#' && (i == 0 || prefix[i - 1] == ' ')) return c;  // a comment
        if (ch == '"' || ch == '\'') {
            quote = ch;
        } else if (ch == '[' || ch == '{') {
            open.push_back(i);
        } else if ((ch == ']' || ch == '}') && !open.empty()) {
            open.pop_back();
        }
    }
    if (quote) return c;

    // The line's own layout, from its prefix (the rest of the line may not be typed yet).
    const Shape lead = shape_of(prefix);

    const auto set_word = [&](std::size_t from) {
        std::size_t s = from;
        while (s < prefix.size() && prefix[s] == ' ') ++s;
        c.start = s;
        c.partial = std::string(prefix.substr(s));
    };

    if (!open.empty()) {
        const std::size_t at = open.back();
        // The mapping the collection belongs to: the block mapping of the line, or a flow
        // mapping (one level: `- {title: x, owner: [` is the item's mapping).
        const auto block_mapping = [&]() -> std::optional<Mapping> {
            if (lead.blank) return std::nullopt;
            return mapping_at(shapes, line, lead.key_col, lead.dash, lead.dash_col);
        };
        // The mapping a `{` opened at byte `brace` is: a key's (`themes: {`) or a list item's (`- {`).
        const auto flow_mapping = [&](std::size_t brace) -> std::optional<Mapping> {
            const std::string key = key_before(prefix, brace);
            if (!key.empty()) {
                const std::optional<Mapping> outer = block_mapping();
                if (!outer || outer->rules) return std::nullopt;
                const format::Key* k = find_key(outer->entity, key);
                return k ? mapping_of(*k) : std::nullopt;
            }
            if (!lead.dash || brace != lead.key_col) return std::nullopt;
            const std::optional<std::size_t> list = parent_of(shapes, line, lead.dash_col, true);
            if (!list) return std::nullopt;
            const std::optional<std::vector<std::string>> path = path_to(shapes, *list);
            return path ? mapping_at_path(*path) : std::nullopt;
        };
        std::size_t seg = at + 1;
        {
            int depth = 0;
            char q = 0;
            for (std::size_t i = at + 1; i < prefix.size(); ++i) {
                const char ch = prefix[i];
                if (q) {
                    if (ch == q) q = 0;
                } else if (ch == '"' || ch == '\'') {
                    q = ch;
                } else if (ch == '[' || ch == '{') {
                    ++depth;
                } else if (ch == ']' || ch == '}') {
                    --depth;
                } else if (ch == ',' && depth == 0) {
                    seg = i + 1;
                }
            }
        }
        if (prefix[at] == '[') {
            c.key = key_before(prefix, at);
            if (c.key.empty()) return c;
            std::optional<Mapping> m;
            if (open.size() >= 2 && prefix[open[open.size() - 2]] == '{') {
                m = flow_mapping(open[open.size() - 2]);
            } else if (open.size() == 1) {
                m = block_mapping();
            }
            if (!m || m->rules) return c;
            c.entity = m->entity;
            c.what = CursorContext::What::list_item;
            set_word(seg);
            c.present = flow_entries(cur, at, offset, false);
            // An epic does not depend on itself.
            if (c.key == "depends_on" && open.size() == 1 && !lead.blank)
                c.present.push_back(id_around(shapes, line, lead.key_col));
            return c;
        }
        if (open.size() != 1) return c;  // a mapping inside a mapping on one line: not followed
        const std::optional<Mapping> m = flow_mapping(at);
        if (!m) return c;
        c.entity = m->entity;
        c.rules = m->rules;
        const std::string_view segment = prefix.substr(seg);
        const std::size_t colon = segment.find(':');
        if (colon != std::string_view::npos) {
            c.key = std::string(trim_spaces(segment.substr(0, colon)));
            c.what = CursorContext::What::value;
            c.space = colon + 1 < segment.size() && segment[colon + 1] == ' ';
            set_word(seg + colon + 1);
        } else {
            c.what = CursorContext::What::key;
            set_word(seg);
            c.present = flow_entries(cur, at, offset, true);
        }
        return c;
    }

    // Block YAML.
    const std::string_view rest = prefix.substr(lead.blank ? prefix.size() : lead.key_col);
    std::size_t k = 0;
    while (k < rest.size() && key_char(rest[k])) ++k;
    if (lead.blank && !lead.dash) {
        // Spaces only: a key of the mapping at that column.
        const std::size_t col = prefix.size();
        const std::optional<Mapping> m = mapping_at(shapes, line, col, false, 0);
        if (!m) return c;
        c.what = CursorContext::What::key;
        c.entity = m->entity;
        c.rules = m->rules;
        c.start = prefix.size();
        c.present = keys_around(shapes, line, col, false);
        return c;
    }
    if (k < rest.size() && rest[k] == ':') {
        // `key:` then the value being typed.
        c.key = std::string(rest.substr(0, k));
        const std::optional<Mapping> m = mapping_at(shapes, line, lead.key_col, lead.dash, lead.dash_col);
        if (!m) return c;
        c.entity = m->entity;
        c.rules = m->rules;
        c.what = CursorContext::What::value;
        c.space = k + 1 < rest.size() && rest[k + 1] == ' ';
        if (k + 1 < rest.size() && rest[k + 1] != ' ') return CursorContext{};
        set_word(lead.key_col + k + 1);
        return c;
    }
    if (k != rest.size()) return c;  // not a key being typed
    c.start = lead.key_col;
    c.partial = std::string(rest);
    c.space = !(lead.dash && rest.empty() && prefix.back() == '-');  // `-|`: a space goes after the dash
    if (lead.dash) {
        // `- ` then a word: an item of the list above (an id), or the first key of a new item.
        const std::optional<std::size_t> list = parent_of(shapes, line, lead.dash_col, true);
        if (!list) return c;
        const std::string& name = shapes[*list].key;
        const std::optional<std::vector<std::string>> path = path_to(shapes, *list);
        if (!path) return c;
        std::vector<std::string> above(path->begin(), path->end() - 1);
        const std::optional<Mapping> holder = mapping_at_path(above);
        if (!holder || holder->rules) return c;
        const format::Key* key = find_key(holder->entity, name);
        if (!key) return c;
        if (key->type == format::Type::ids) {
            c.what = CursorContext::What::list_item;
            c.entity = holder->entity;
            c.key = name;
            c.present = items_around(shapes, line, lead.dash_col);
            if (name == "depends_on") c.present.push_back(id_around(shapes, *list, shapes[*list].key_col));
            return c;
        }
        const std::optional<Mapping> item = mapping_of(*key);
        if (!item || key->type != format::Type::mappings) return c;
        c.what = CursorContext::What::key;
        c.entity = item->entity;
        c.present = keys_around(shapes, line, lead.key_col, true);
        return c;
    }
    const std::optional<Mapping> m = mapping_at(shapes, line, lead.key_col, false, 0);
    if (!m) return c;
    c.what = CursorContext::What::key;
    c.entity = m->entity;
    c.rules = m->rules;
    c.present = keys_around(shapes, line, lead.key_col, false);
    return c;
}

namespace {

// What an id-valued key names (owner, champion, contributors: people; ...), or none.
std::optional<IdKind> referenced(format::Entity e, const format::Key& k) {
    using enum format::Entity;
    if (k.name == "owner" || k.name == "champion" || k.name == "contributors") return IdKind::person;
    if (k.name == "depends_on" && e == epic) return IdKind::epic;
    if (k.name == "key_results" && k.type == format::Type::ids) return IdKind::key_result;
    if (k.name == "metric" && (e == key_result || e == north_star)) return IdKind::metric;
    return std::nullopt;
}

std::string type_words(const format::Key& k) {
    using enum format::Type;
    switch (k.type) {
        case text:
            return "text";
        case id:
            return "id";
        case number:
            return "number";
        case confidence:
            return "number from 0 to 1";
        case whole_number:
            return "whole number";
        case date:
            return "date, YYYY-MM-DD";
        case format::Type::period:
            return "period";
        case duration:
            return "duration (5d, 3w)";
        case url:
            return "URL";
        case email:
            return "e-mail address";
        case slack_id:
            return "Slack member ID";
        case choice: {
            std::string out = "one of";
            for (std::string_view v : k.choices) out += fmt::format(" {}", v);
            return out;
        }
        case texts:
            return "list of texts";
        case ids:
            return "list of ids";
        case severities:
            return "rule id: severity";
        case mapping:
            return "mapping";
        case mappings:
            return "list of mappings";
    }
    return {};
}

json markdown(std::string value) { return {{"kind", "markdown"}, {"value", std::move(value)}}; }

}  // namespace

json completion_items(std::span<const Roadmap* const> roadmaps, std::string_view text, std::uint32_t line,
                      std::uint32_t character, Encoding encoding) {
    json items = json::array();
    const std::vector<std::string_view> lines = split_lines(text);
    if (line >= lines.size()) return items;
    const std::string_view cur = lines[line];
    // The cursor's byte in its line.
    const std::uint32_t column = column_of_character(cur, character, encoding);
    std::size_t offset = 0;
    for (std::uint32_t cp = 1; cp < column && offset < cur.size(); ++cp) {
        ++offset;
        while (offset < cur.size() && (static_cast<unsigned char>(cur[offset]) & 0xC0) == 0x80) ++offset;
    }
    const CursorContext c = cursor_context(text, line, offset);
    if (c.what == CursorContext::What::nothing) return items;
    // The word at the cursor is replaced whole, its part after the cursor too.
    std::size_t end = offset;
    while (end < cur.size() && key_char(cur[end])) ++end;
    const bool colon_follows = end < cur.size() && cur[end] == ':';
    const json range = {{"start", {{"line", line}, {"character", length_of(cur.substr(0, c.start), encoding)}}},
                        {"end", {{"line", line}, {"character", length_of(cur.substr(0, end), encoding)}}}};
    const auto present = [&](std::string_view s) {
        return std::find(c.present.begin(), c.present.end(), s) != c.present.end();
    };
    const std::string lead = c.space ? "" : " ";  // `owner:|` or `-|`: the space is inserted too
    const auto add = [&](std::string label, int kind, std::string detail, std::string doc, std::string insert) {
        if (!label.starts_with(c.partial)) return;
        json item = {{"label", label},
                     {"kind", kind},
                     {"filterText", label},
                     {"sortText", fmt::format("{:04}", items.size())},
                     {"textEdit", {{"range", range}, {"newText", lead + insert}}}};
        if (!detail.empty()) item["detail"] = std::move(detail);
        if (!doc.empty()) item["documentation"] = markdown(std::move(doc));
        items.push_back(std::move(item));
    };

    if (c.rules) {
        if (c.what == CursorContext::What::key) {
            for (const Rule* r : all_rules()) {
                const std::string id(to_string(r->id));
                if (present(id)) continue;
                add(id, item_property, fmt::format("{} by default", to_string(r->default_severity)),
                    fmt::format("Fires when {}.\n\n{}", r->summary, r->why), id + ": ");
            }
        } else if (c.what == CursorContext::What::value) {
            for (std::string_view s : format::severity_names)
                add(std::string(s), item_enum_member, "severity", "", std::string(s));
        }
        return items;
    }

    if (c.what == CursorContext::What::key) {
        for (const format::Key& k : format::keys(c.entity)) {
            const std::string name(k.name);
            if (present(name)) continue;
            const bool nested = k.type == format::Type::mapping || k.type == format::Type::mappings;
            add(name, item_property, fmt::format("{}{}", type_words(k), k.required ? ", required" : ""),
                std::string(k.description), colon_follows ? name : name + (nested ? ":" : ": "));
        }
        return items;
    }

    const format::Key* key = nullptr;
    for (const format::Key& k : format::keys(c.entity))
        if (k.name == c.key) key = &k;
    if (!key) return items;
    if (c.what == CursorContext::What::value && key->type == format::Type::choice) {
        for (std::string_view v : key->choices)
            add(std::string(v), item_enum_member, fmt::format("{} of {}", c.key, format::name(c.entity)),
                std::string(key->description), std::string(v));
        return items;
    }
    const std::optional<IdKind> kind = referenced(c.entity, *key);
    if (!kind) return items;
    // A list key's value is a list: its items are completed inside `[...]` or after `- `.
    if (key->type == format::Type::ids && c.what == CursorContext::What::value) return items;
    std::set<std::string> offered;
    const auto offer = [&](const std::string& id, std::string detail, std::string doc) {
        if (present(id) || !offered.insert(id).second) return;
        add(id, item_reference, std::move(detail), std::move(doc), id);
    };
    const auto join = [](std::initializer_list<std::string_view> parts) {
        std::string out;
        for (std::string_view p : parts)
            if (!p.empty()) out += (out.empty() ? "" : " · ") + std::string(p);
        return out;
    };
    for (const Roadmap* roadmap : roadmaps) {
        const RoadmapIndex index(*roadmap);
        const Language language = roadmap->language();
        switch (*kind) {
            case IdKind::person:
                for (const std::string& id : index.person_ids) {
                    const Person& p = *index.people.at(id);
                    offer(id, join({p.name.value_or(""), p.role.value_or("")}),
                          fmt::format("**{}**{}", p.name.value_or(id), p.role ? "\n\n" + *p.role : std::string()));
                }
                break;
            case IdKind::key_result:
                for (const std::string& id : index.key_result_ids) {
                    const KeyResultRef ref = index.key_result(id);
                    const KeyResult& kr = *ref.key_result;
                    const std::string score = "score " + report_score(kr.score(), language);
                    offer(id, join({kr.title.value_or(""), score}),
                          fmt::format("**{}**\n\n{}{}", kr.title.value_or(id), score,
                                      ref.objective && ref.objective->title ? "\n\nObjective: " + *ref.objective->title
                                                                            : std::string()));
                }
                break;
            case IdKind::epic:
                for (const std::string& id : index.epic_ids) {
                    const Epic& e = *index.epic(id).epic;
                    const std::string status(to_string(e.effective_status()));
                    offer(id, join({e.title.value_or(""), status}),
                          fmt::format("**{}**\n\nStatus: {}", e.title.value_or(id), status));
                }
                break;
            case IdKind::metric:
                for (const std::string& id : index.metric_ids) {
                    const Metric& m = *index.metrics.at(id);
                    std::string doc = fmt::format("**{}**", m.name.value_or(id));
                    if (m.definition) doc += "\n\n" + *m.definition;
                    if (m.dashboard) doc += fmt::format("\n\n[Dashboard]({})", *m.dashboard);
                    offer(id, join({m.name.value_or(""), m.definition.value_or("")}), std::move(doc));
                }
                break;
        }
    }
    return items;
}

}  // namespace boussole::lsp
