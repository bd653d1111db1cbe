// The only file that includes yaml-cpp.
#include "load/yaml_tree.hpp"

#include <algorithm>
#include <istream>
#include <optional>
#include <streambuf>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace boussole::yaml {

namespace {

// The format needs about eight levels; user data under `x-` keys may want more, not hundreds.
constexpr std::size_t max_depth = 100;
// A roadmap file holds a few thousand values; one node costs about 240 bytes, so this keeps the
// tree of the largest file (16 MiB) under about 500 MB. Values under x- keys are not counted.
constexpr std::size_t max_values = 2'000'000;

struct ExtensionAnchor {};  // an anchor inside a skipped x- value: read the file again, building it

struct Stop {  // ends the reading of a file with a yaml-syntax finding
    SourcePos pos;
    std::string message;
};

class MemoryBuf : public std::streambuf {
public:
    MemoryBuf(const char* begin, std::size_t size) {
        char* b = const_cast<char*>(begin);  // read-only: the get area is never written
        setg(b, b, b + size);
    }
};

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

std::uint32_t code_points(std::string_view s) {
    std::uint32_t n = 0;
    for (unsigned char c : s) n += is_continuation(c) ? 0 : 1;
    return n;
}

// The first byte that is not valid UTF-8, or npos.
std::size_t invalid_utf8_at(std::string_view s) {
    std::size_t i = 0;
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k) {
            if (!is_continuation(p[i + k])) return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += len;
    }
    return std::string_view::npos;
}

SourcePos position(std::string_view text, std::uint32_t file, std::size_t offset) {
    SourcePos p;
    p.file = file;
    p.line = 1;
    offset = std::min(offset, text.size());
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++p.line;
            line_start = i + 1;
        }
    }
    p.column = code_points(text.substr(line_start, offset - line_start)) + 1;
    return p;
}

bool blank(char c) { return c == ' ' || c == '\t'; }
bool end_of_line(char c) { return c == '\n' || c == '\r'; }

// yaml-cpp 0.7 decodes the escapes `\N` and `\_` of double-quoted scalars to the single bytes
// 0x85 and 0xA0 (their Latin-1 codes), which are not UTF-8. The text itself is checked to be
// UTF-8 before it is parsed, so an invalid byte in a value can only come from there: it is
// written as the character the escape names (U+0085, U+00A0), and any other invalid byte as
// U+FFFD. The model holds UTF-8 only, whatever the file says (found by tests/fuzz).
std::string utf8_value(const std::string& value) {
    std::string_view rest(value);
    std::size_t bad = invalid_utf8_at(rest);
    if (bad == std::string_view::npos) return value;
    std::string out;
    out.reserve(value.size() + 8);
    do {
        out.append(rest.substr(0, bad));
        const auto c = static_cast<unsigned char>(rest[bad]);
        if (c == 0x85 || c == 0xA0) {
            out += '\xC2';
            out += static_cast<char>(c);
        } else {
            out += "\xEF\xBF\xBD";
        }
        rest.remove_prefix(bad + 1);
    } while ((bad = invalid_utf8_at(rest)) != std::string_view::npos);
    out.append(rest);
    return out;
}

class Builder : public YAML::EventHandler {
public:
    Builder(ParsedFile& out, std::string_view text, std::uint32_t file, bool skip_extensions = true)
        : out_(out), text_(text), file_(file), skip_extensions_(skip_extensions) {}

    SourcePos pos_of(const YAML::Mark& m) const {
        SourcePos p;
        p.file = file_;
        if (m.line < 0 || m.pos < 0) {
            p.line = 1;
            p.column = 1;
            return p;
        }
        p.line = static_cast<std::uint32_t>(m.line) + 1;
        const std::size_t end = std::min(static_cast<std::size_t>(m.pos), text_.size());
        const std::size_t col_bytes = static_cast<std::size_t>(std::max(m.column, 0));
        const std::size_t begin = end >= col_bytes ? end - col_bytes : 0;
        p.column = code_points_between(begin, end) + 1;
        return p;
    }

    SourcePos pos_at_offset(std::size_t offset) const { return position(text_, file_, offset); }

    void OnDocumentStart(const YAML::Mark& mark) override {
        doc_start_ = mark;
        anchors_.clear();
        aliased_.clear();
        anchored_values_.clear();
        root_ = nullptr;
    }
    void OnDocumentEnd() override {
        if (root_) out_.documents.push_back(root_);
        for (const auto& [anchor, node] : anchored_values_) {
            if (aliased_.contains(anchor) || node->offset >= text_.size() || text_[node->offset] != '&') continue;
            std::size_t end = node->offset;
            while (end < text_.size() && !blank(text_[end]) && !end_of_line(text_[end]) && text_[end] != ',' &&
                   text_[end] != '}' && text_[end] != ']')
                ++end;
            node->unused_anchor = std::string(text_.substr(node->offset, end - node->offset));
        }
    }

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        if (skipping(anchor)) return;
        Node& n = make(mark, Kind::null, anchor);
        n.complete = true;
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        const auto it = anchors_.find(anchor);
        if (it == anchors_.end()) throw Stop{pos_of(mark), "alias to an unknown anchor"};
        if (!it->second->complete) throw Stop{pos_of(mark), "alias refers to a node that contains it (a cycle)"};
        aliased_.insert(anchor);
        if (skip_depth_ == 0) attach(it->second);
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        if (tag == "!") check_closed_quote(mark);
        if (skipping(anchor)) return;
        Node& n = make(mark, Kind::scalar, anchor);
        n.plain = tag == "?" || (tag != "!" && tag != "tag:yaml.org,2002:str");
        n.value = utf8_value(value);
        if (n.value.find('\n') == std::string::npos) n.pos.length = code_points(n.value) + (n.plain ? 0 : 2);
        n.complete = true;
        if (n.plain) find_glued_comment(n, mark);
        // `title: !important fix`: a tag of the user's own, which takes the word from the value.
        if (tag != "?" && tag != "!" && !tag.starts_with("tag:yaml.org,2002:")) n.tag = tag;
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override {
        if (skip_start(mark, anchor)) return;
        Node& n = make(mark, Kind::sequence, anchor);
        n.flow = style == YAML::EmitterStyle::Flow;
        open(n, mark);
        if (extension_value()) skip_depth_ = 1;
    }
    void OnSequenceEnd() override {
        if (skip_end()) return;
        close();
    }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override {
        if (skip_start(mark, anchor)) return;
        Node& n = make(mark, Kind::mapping, anchor);
        n.flow = style == YAML::EmitterStyle::Flow;
        open(n, mark);
        if (extension_value()) skip_depth_ = 1;
    }
    void OnMapEnd() override {
        if (skip_end()) return;
        if (!stack_.empty()) {
            check_duplicate_keys(*stack_.back());
            keep_one_line(*stack_.back());
        }
        close();
    }

    const YAML::Mark& doc_start() const { return doc_start_; }
    const Node* root() const { return root_; }

private:
    // The value of an `x-` key is the user's own and ignored everywhere: a list or mapping under
    // one is kept as an empty one, and its contents are read (syntax, depth, quotes, aliases
    // checked) but not built, so that 16 MB of notes under `x-notes` cost no tree. An anchor
    // inside it (`x-defaults: {epic: &e {...}}`) may be used elsewhere: then the file is read
    // again with everything built (ExtensionAnchor). An anchor on the value itself
    // (`x-defaults: &d {...}`, the usual way) has it built at once.

    // True when the collection just opened is the value of an `x-` key, without an anchor.
    bool extension_value() const {
        if (!skip_extensions_ || stack_.size() < 2) return false;
        const Node& value = *stack_.back();
        const Node& parent = *stack_[stack_.size() - 2];
        if (parent.kind != Kind::mapping || parent.children.size() % 2 != 0 || value.anchored) return false;
        const Node& key = *parent.children[parent.children.size() - 2];
        return key.kind == Kind::scalar && key.value.starts_with("x-");
    }
    // Inside a skipped value: counts the depth; false outside one.
    bool skip_start(const YAML::Mark& mark, YAML::anchor_t anchor) {
        if (skip_depth_ == 0) return false;
        if (anchor != YAML::NullAnchor) throw ExtensionAnchor{};
        if (stack_.size() + skip_depth_ >= max_depth)
            throw Stop{pos_of(mark), fmt::format("nesting deeper than {} levels", max_depth)};
        ++skip_depth_;
        return true;
    }
    bool skip_end() {
        if (skip_depth_ == 0) return false;
        if (--skip_depth_ == 0) close();  // the empty collection kept for the value
        return true;
    }
    bool skipping(YAML::anchor_t anchor) const {
        if (skip_depth_ == 0) return false;
        if (anchor != YAML::NullAnchor) throw ExtensionAnchor{};
        return true;
    }

    // `- Guide : FR` in a list of text is a mapping: keeps its text for the message.
    void keep_one_line(Node& map) const {
        if (map.flow || map.children.size() != 2) return;
        const Node& k = *map.children[0];
        const Node& v = *map.children[1];
        if (k.kind != Kind::scalar || v.kind != Kind::scalar || !k.plain || !v.plain || k.pos.line != v.pos.line ||
            v.offset < k.offset || v.offset + v.value.size() > text_.size() ||
            text_.substr(v.offset, v.value.size()) != v.value)
            return;
        map.one_line = std::string(text_.substr(k.offset, v.offset + v.value.size() - k.offset));
    }

    // `title: Support #revops-help`: YAML reads "Support" and drops the rest as a comment. A
    // comment glued to its '#' right after a one-line plain value reads like more of the value
    // (a channel, a ticket number); the converter warns when the key holds text.
    void find_glued_comment(Node& n, const YAML::Mark& mark) const {
        if (mark.pos < 0 || n.value.empty() || n.value.find('\n') != std::string::npos) return;
        const auto start = static_cast<std::size_t>(mark.pos);
        if (text_.substr(start, n.value.size()) != n.value) return;
        std::size_t i = start + n.value.size();
        const std::size_t after_value = i;
        while (i < text_.size() && blank(text_[i])) ++i;
        if (i == after_value || i + 1 >= text_.size() || text_[i] != '#') return;
        const char next = text_[i + 1];
        if (blank(next) || end_of_line(next) || next == '#') return;
        std::size_t end = text_.find('\n', i);
        if (end == std::string_view::npos) end = text_.size();
        // `#1234  # the invoice bug`: what follows a second ' #' reads as a real comment.
        for (std::size_t k = i + 1; k + 1 < end; ++k)
            if (blank(text_[k]) && text_[k + 1] == '#') {
                end = k;
                break;
            }
        while (end > i && (blank(text_[end - 1]) || end_of_line(text_[end - 1]))) --end;
        n.glued_comment = std::string(text_.substr(i, end - i));
        n.glued_comment_pos = n.pos;
        n.glued_comment_pos.column += code_points(text_.substr(start, i - start));
        n.glued_comment_pos.length = code_points(n.glued_comment);
    }

    // yaml-cpp accepts a quoted string left open at the end of the file; YAML does not.
    void check_closed_quote(const YAML::Mark& mark) const {
        if (mark.pos < 0) return;
        const auto start = static_cast<std::size_t>(mark.pos);
        if (start >= text_.size() || (text_[start] != '"' && text_[start] != '\'')) return;
        const char quote = text_[start];
        for (std::size_t i = start + 1; i < text_.size(); ++i) {
            if (quote == '"' && text_[i] == '\\') {
                ++i;
            } else if (text_[i] == quote) {
                if (quote == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
                    ++i;
                } else {
                    return;
                }
            }
        }
        throw Stop{pos_of(mark),
                   fmt::format("this quoted string is never closed (no {} before the end of the file)", quote)};
    }

    Node& make(const YAML::Mark& mark, Kind kind, YAML::anchor_t anchor) {
        if (out_.nodes.size() >= max_values)
            throw Stop{pos_of(mark),
                       fmt::format("more than {} values (keys, list items and texts) before this one: a roadmap file "
                                   "holds a few thousand; split the file, or move bulk data out of the roadmap (under "
                                   "an x- key it is not counted)",
                                   "2,000,000")};
        Node& n = out_.nodes.emplace_back();
        n.kind = kind;
        n.pos = pos_of(mark);
        n.offset = static_cast<std::size_t>(std::max(mark.pos, 0));
        n.anchored = anchor != YAML::NullAnchor;
        if (anchor != YAML::NullAnchor) {
            anchors_[anchor] = &n;
            if (kind == Kind::scalar || kind == Kind::null) anchored_values_.emplace_back(anchor, &n);
        }
        attach(&n);
        return n;
    }
    void attach(Node* n) {
        if (stack_.empty()) {
            root_ = n;
        } else {
            stack_.back()->children.push_back(n);
        }
    }
    void open(Node& n, const YAML::Mark& mark) {
        if (stack_.size() >= max_depth)
            throw Stop{pos_of(mark), fmt::format("nesting deeper than {} levels", max_depth)};
        stack_.push_back(&n);
    }
    void close() {
        if (stack_.empty()) return;
        stack_.back()->complete = true;
        stack_.pop_back();
    }
    void check_duplicate_keys(const Node& map) {
        const std::size_t keys = map.children.size() / 2;
        if (keys < 2) return;
        std::unordered_map<std::string_view, const Node*> seen;
        seen.reserve(keys);
        for (std::size_t i = 0; i + 1 < map.children.size(); i += 2) {
            const Node* key = map.children[i];
            if (key->kind != Kind::scalar) continue;
            const auto [it, inserted] = seen.emplace(key->value, key);
            if (!inserted)
                out_.findings.push_back({RuleId::duplicate_key, key->pos,
                                         fmt::format("duplicate key '{}' (first at line {}); only the first is read",
                                                     key->value, it->second->pos.line)});
        }
    }

    // The code points of text_[begin, end), counted on from the last count made from the same
    // `begin` (the start of the line): events come in the order of the text, so the nodes of a
    // line of 200,000 values cost one pass over it, not one pass each from the line's start.
    std::uint32_t code_points_between(std::size_t begin, std::size_t end) const {
        std::uint32_t n = 0;
        if (begin == count_begin_ && end >= count_end_) {
            n = count_ + code_points(text_.substr(count_end_, end - count_end_));
        } else if (begin == count_begin_ && end >= begin && count_end_ - end < end - begin) {
            n = count_ - code_points(text_.substr(end, count_end_ - end));
        } else {
            n = code_points(text_.substr(begin, end - begin));
        }
        count_begin_ = begin;
        count_end_ = end;
        count_ = n;
        return n;
    }

    ParsedFile& out_;
    std::string_view text_;
    std::uint32_t file_;
    mutable std::size_t count_begin_ = 0, count_end_ = 0;  // the last count of code_points_between
    mutable std::uint32_t count_ = 0;
    bool skip_extensions_ = true;
    std::size_t skip_depth_ = 0;  // > 0 inside the value of an x- key, not built
    std::vector<Node*> stack_;
    std::unordered_map<YAML::anchor_t, Node*> anchors_;
    std::unordered_set<YAML::anchor_t> aliased_;                     // anchors some alias uses
    std::vector<std::pair<YAML::anchor_t, Node*>> anchored_values_;  // scalars and empty values with an anchor
    Node* root_ = nullptr;
    YAML::Mark doc_start_;
};

std::string clean_parser_message(const std::string& msg) {
    if (msg == "bad file") return "the file cannot be parsed here (is it nested too deeply?)";
    return msg;
}

// ---- merge-conflict markers -------------------------------------------------------------------

// "<<<<<<<", "|||||||", "=======" or ">>>>>>>" when `line` is a marker git writes in a
// conflicted file (seven characters at the start of the line, then a space or its end).
std::string_view conflict_marker(std::string_view line) {
    if (line.ends_with('\r')) line.remove_suffix(1);
    for (std::string_view m : {"<<<<<<<", "|||||||", "=======", ">>>>>>>"})
        if (line.starts_with(m) && (line.size() == m.size() || (m != "=======" && line[m.size()] == ' '))) return m;
    return {};
}

// One finding per conflict committed unresolved, at its first marker: such a file holds both
// sides, and YAML would report a puzzling error somewhere below it, or read both.
std::vector<Finding> conflict_findings(std::string_view text, std::uint32_t file) {
    std::vector<Finding> out;
    std::size_t start_line = 0, line = 1;
    for (std::size_t offset = 0; offset < text.size(); ++line) {
        std::size_t end = text.find('\n', offset);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view m = conflict_marker(text.substr(offset, end - offset));
        // A marker starts its line: its position is known without counting from the file's start
        // (a file of a million markers stays linear).
        auto report = [&](std::size_t at_line, std::string message) {
            out.push_back(
                {RuleId::yaml_syntax, SourcePos{file, static_cast<std::uint32_t>(at_line), 1, 7}, std::move(message)});
        };
        if (m == "<<<<<<<") {
            if (start_line)
                report(start_line,
                       "merge-conflict marker '<<<<<<<' left in the file, without its '>>>>>>>': resolve the conflict "
                       "(keep the lines you want, delete the markers)");
            start_line = line;
        } else if (m == ">>>>>>>") {
            if (start_line) {
                report(start_line,
                       fmt::format("merge-conflict marker: the conflict of lines {} to {} was committed unresolved; "
                                   "resolve it: keep the lines you want and delete the lines '<<<<<<<', '=======' "
                                   "and '>>>>>>>'",
                                   start_line, line));
            } else {
                report(line,
                       "merge-conflict marker '>>>>>>>' left in the file: resolve the conflict (keep the "
                       "lines you want, delete the markers)");
            }
            start_line = 0;
        } else if (!m.empty() && !start_line) {
            report(line, fmt::format("merge-conflict marker '{}' left in the file: resolve the conflict (keep the "
                                     "lines you want, delete the markers)",
                                     m));
        }
        offset = end + 1;
    }
    if (start_line)
        out.push_back({RuleId::yaml_syntax, SourcePos{file, static_cast<std::uint32_t>(start_line), 1, 0},
                       "merge-conflict marker '<<<<<<<' left in the file, without its '>>>>>>>': resolve the "
                       "conflict (keep the lines you want, delete the markers)"});
    return out;
}

// ---- explaining the parser's errors -----------------------------------------------------------

std::string_view trim(std::string_view s) {
    while (!s.empty() && (blank(s.front()) || end_of_line(s.front()))) s.remove_prefix(1);
    while (!s.empty() && (blank(s.back()) || end_of_line(s.back()))) s.remove_suffix(1);
    return s;
}

std::size_t line_start_of(std::string_view text, std::size_t offset) {
    const std::size_t nl = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
    return nl == std::string_view::npos ? 0 : nl + 1;
}

std::size_t line_end_of(std::string_view text, std::size_t offset) {
    const std::size_t nl = text.find('\n', offset);
    return nl == std::string_view::npos ? text.size() : nl;
}

// True when a value may start at `i` of the line starting at `line_start`: first on its line,
// or after a flow indicator, or after ': ', '- ' or '? '.
bool at_value_start(std::string_view text, std::size_t line_start, std::size_t i) {
    std::size_t j = i;
    while (j > line_start && blank(text[j - 1])) --j;
    if (j == line_start) return true;
    const char p = text[j - 1];
    if (p == ',' || p == '[' || p == '{') return true;
    return (p == ':' || p == '-' || p == '?') && j < i;
}

// The flow collections of a text ('{...}' and '[...]') as a light scan sees them, skipping
// quoted strings, comments and block scalars: where each opens, where it closes, and the
// comments glued to their '#' met directly inside it. Only used to explain an error the parser reported.
struct FlowBracket {
    std::size_t open = 0;
    std::size_t close = std::string_view::npos;
    std::vector<std::size_t> comments;
};

std::vector<FlowBracket> scan_flow(std::string_view text) {
    std::vector<FlowBracket> out;
    std::vector<std::size_t> stack;
    std::size_t line_start = 0;
    std::size_t block_indent = std::string_view::npos;  // inside a block scalar of a line so indented
    std::size_t i = 0;
    while (i < text.size()) {
        if (i == line_start && block_indent != std::string_view::npos) {
            std::size_t ind = i;
            while (ind < text.size() && text[ind] == ' ') ++ind;
            const bool empty = ind >= text.size() || end_of_line(text[ind]);
            if (empty || ind - i > block_indent) {
                i = line_end_of(text, i) + 1;
                line_start = i;
                continue;
            }
            block_indent = std::string_view::npos;
        }
        const char c = text[i];
        if (c == '\n') {
            line_start = ++i;
            continue;
        }
        if (c == '#' && (i == line_start || blank(text[i - 1]))) {
            // Only a comment glued to its '#' (`#revops-help`) reads as text a value lost.
            const bool glued = i + 1 < text.size() && !blank(text[i + 1]) && !end_of_line(text[i + 1]);
            if (!stack.empty() && glued) out[stack.back()].comments.push_back(i);
            i = line_end_of(text, i);
            continue;
        }
        if ((c == '"' || c == '\'') && at_value_start(text, line_start, i)) {
            for (++i; i < text.size(); ++i) {
                if (text[i] == '\n') line_start = i + 1;
                if (c == '"' && text[i] == '\\') {
                    ++i;
                } else if (text[i] == c) {
                    if (c == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                        ++i;
                    } else {
                        break;
                    }
                }
            }
            ++i;
            continue;
        }
        if ((c == '{' || c == '[') && (!stack.empty() || at_value_start(text, line_start, i))) {
            stack.push_back(out.size());
            out.push_back({i, std::string_view::npos, {}});
        } else if ((c == '}' || c == ']') && !stack.empty()) {
            out[stack.back()].close = i;
            stack.pop_back();
        } else if ((c == '|' || c == '>') && stack.empty() && at_value_start(text, line_start, i)) {
            std::size_t ind = line_start;
            while (ind < text.size() && text[ind] == ' ') ++ind;
            block_indent = ind - line_start;
            i = line_end_of(text, i);
            continue;
        }
        ++i;
    }
    return out;
}

// The key and the value around offset `at` of a line: "title" and "Support #help" for the '#'
// of `  - {id: s, title: Support #help}`; the value runs to `stops` or to the end of the line.
struct KeyValue {
    std::string_view key, value;
};

KeyValue key_value_around(std::string_view text, std::size_t at, std::size_t from, std::string_view stops) {
    const std::size_t end_of = line_end_of(text, at);
    std::size_t end = text.find_first_of(stops, at);
    if (end == std::string_view::npos || end > end_of) end = end_of;
    std::string_view segment = text.substr(from, at - from);
    KeyValue kv;
    std::size_t value_start = from;
    for (std::size_t k = 0; k + 1 < segment.size(); ++k) {
        if (segment[k] == ':' && blank(segment[k + 1])) {
            kv.key = trim(segment.substr(0, k));
            while (kv.key.starts_with("- ")) kv.key = trim(kv.key.substr(2));
            value_start = from + k + 1;
            break;
        }
    }
    kv.value = trim(text.substr(value_start, end - value_start));
    if (kv.key.empty()) {
        kv.value = trim(kv.value);
        while (kv.value.starts_with("- ")) kv.value = trim(kv.value.substr(2));
    }
    return kv;
}

std::string quote_fix(const KeyValue& kv) {
    return kv.key.empty() ? quoted(kv.value) : fmt::format("{}: {}", kv.key, quoted(kv.value));
}

// Where the text of the flow collection around `at` starts on its line: after the last ',',
// '{' or '[' before `at` that is not before `open`; else the line's start.
std::size_t flow_segment_start(std::string_view text, std::size_t at, std::size_t open) {
    const std::size_t ls = line_start_of(text, at);
    const std::size_t from = std::max(ls, open == std::string_view::npos ? ls : open + 1);
    const std::size_t p = at == from ? std::string_view::npos : text.substr(from, at - from).find_last_of(",{[");
    return p == std::string_view::npos ? from : from + p + 1;
}

// Why a plain value cannot start with `c` (followed by `next`), or "" when it can.
std::string_view indicator_reason(char c, char next) {
    switch (c) {
        case '[':
            return "starts a list";
        case '{':
            return "starts a mapping";
        case '*':
            return "marks an alias (a reference to an '&' anchor)";
        case '@':
        case '`':
            return "YAML reserves";
        case '%':
            return "starts a YAML directive";
        case '|':
        case '>':
            return "starts a block of text on the lines below";
        case '-':
            return blank(next) ? "starts a list" : "";
        case '"':
        case '\'':
            return "opens a quoted value ending at the next such quote";
        default:
            return "";
    }
}

// `title: [WIP] Billing`, `title: @team sync`, `title: 'it's done'`: a value whose first
// character means something to YAML, on the line of the error. The message quotes it.
// In a one-line {...} (`flow_from`: where the entry at the error starts), the value ends at
// its ',' or closing bracket, and only a character that cannot start a value there counts.
std::optional<Stop> explain_indicator(std::string_view text, std::uint32_t file, std::size_t e,
                                      std::size_t flow_from = std::string_view::npos) {
    const bool flow = flow_from != std::string_view::npos;
    const std::size_t ls = flow ? flow_from : line_start_of(text, e);
    std::size_t le = line_end_of(text, e);
    if (flow) le = std::min(le, text.find_first_of(",}]", std::min(e, le)));
    std::size_t i = ls;
    bool item = false;
    while (i < le && (blank(text[i]) || (text[i] == '-' && i + 1 < le && blank(text[i + 1])))) item |= text[i++] == '-';
    std::string_view key;
    for (std::size_t k = i; k + 1 < le; ++k) {
        if (text[k] == '"' || text[k] == '\'' || text[k] == '[' || text[k] == '{' || text[k] == '#') break;
        if (text[k] == ':' && blank(text[k + 1])) {
            key = trim(text.substr(i, k - i));
            i = k + 1;
            while (i < le && blank(text[i])) ++i;
            break;
        }
    }
    if (i >= le || i > e || (key.empty() && (!item || flow))) return std::nullopt;
    const char c = text[i];
    const std::string_view reason = indicator_reason(c, i + 1 < le ? text[i + 1] : '\n');
    if (reason.empty() || (flow && std::string_view("[{\"'-").find(c) != std::string_view::npos)) return std::nullopt;
    if (c == '"' || c == '\'') {  // only when text follows the closing quote on the line
        std::size_t q = i + 1;
        for (; q < le; ++q) {
            if (c == '"' && text[q] == '\\') {
                ++q;
            } else if (text[q] == c) {
                if (c == '\'' && q + 1 < le && text[q + 1] == '\'') {
                    ++q;
                } else {
                    break;
                }
            }
        }
        const std::string_view after = q < le ? trim(text.substr(q + 1, le - q - 1)) : std::string_view();
        if (after.empty() || after.starts_with('#') || after.starts_with(':')) return std::nullopt;
    }
    std::string_view value = trim(text.substr(i, le - i));
    if (c != '"' && c != '\'')
        if (const auto hash = value.find(" #"); hash != std::string_view::npos) value = trim(value.substr(0, hash));
    std::string fix;
    if (c == '\'' && value.size() > 2 && value.back() == '\'') {
        // 'it's done': an apostrophe inside single quotes is written ''.
        fix = quoted(value.substr(1, value.size() - 2));
    } else {
        fix = quoted(value);
    }
    const std::string what = key.empty() ? "this item" : fmt::format("the value of '{}'", key);
    return Stop{position(text, file, i),
                fmt::format("{} starts with '{}', which {}; quote the whole {}: {}{}", what, c, reason,
                            key.empty() ? "item" : "value", key.empty() ? "- " : fmt::format("{}: ", key), fix)};
}

// One line of a block, as the indentation check sees it.
struct BlockLine {
    std::size_t number = 0;      // 1-based
    std::size_t indent = 0;      // spaces before its first character
    std::size_t key_column = 0;  // where its key starts, after any "- "
    std::string_view key;        // empty when the line is not `key: ...`
    bool has_value = false;      // `key: value` with a one-line value
    bool item = false;           // starts with "- "
};

// nullopt for blank lines, comments, and lines indented with tabs.
std::optional<BlockLine> block_line(std::string_view line, std::size_t number) {
    BlockLine b;
    b.number = number;
    while (b.indent < line.size() && line[b.indent] == ' ') ++b.indent;
    if (b.indent == line.size() || end_of_line(line[b.indent]) || line[b.indent] == '#' || line[b.indent] == '\t')
        return std::nullopt;
    std::size_t i = b.indent;
    while (i + 1 < line.size() && line[i] == '-' && blank(line[i + 1])) {
        b.item = true;
        i += 2;
        while (i < line.size() && blank(line[i])) ++i;
    }
    b.key_column = i;
    if (i < line.size() && std::string_view("\"'[{&*!|>%@`#").find(line[i]) != std::string_view::npos) return b;
    for (std::size_t k = i; k < line.size(); ++k) {
        if (line[k] == ':' && (k + 1 == line.size() || blank(line[k + 1]) || end_of_line(line[k + 1]))) {
            b.key = trim(line.substr(i, k - i));
            const std::string_view rest = trim(line.substr(k + 1));
            b.has_value = !rest.empty() && rest.front() != '#' && rest.front() != '|' && rest.front() != '>' &&
                          rest.front() != '&' && rest.front() != '!';
            break;
        }
    }
    return b;
}

// `   owner: sam` one space short of the `title:` above it, or `     owner: sam` under a
// `title:` that has a value: the line and the key it should line up with.
std::optional<Stop> explain_indentation(std::string_view text, std::uint32_t file, std::size_t e) {
    std::vector<std::string_view> lines;
    for (std::size_t at = 0; at <= text.size();) {
        const std::size_t end = line_end_of(text, at);
        lines.push_back(text.substr(at, end - at));
        if (end == text.size()) break;
        at = end + 1;
    }
    const std::size_t n = position(text, file, e).line;
    if (n == 0 || n > lines.size()) return std::nullopt;
    const std::optional<BlockLine> here = block_line(lines[n - 1], n);
    if (!here || here->key.empty()) return std::nullopt;
    // The lines above it that open the blocks it may belong to: the nearest one, then each
    // nearer the margin.
    std::vector<BlockLine> above;
    for (std::size_t k = n - 1; k > 0; --k) {
        const std::optional<BlockLine> b = block_line(lines[k - 1], k);
        if (!b) continue;
        if (b->key.empty()) {
            if (above.empty()) return std::nullopt;  // the line before is no `key: value`: another cause
            continue;
        }
        if (above.empty() || b->key_column < above.back().key_column) above.push_back(*b);
        if (b->key_column == 0) break;
    }
    if (above.empty()) return std::nullopt;
    const BlockLine& previous = above.front();
    SourcePos pos = position(text, file, line_start_of(text, e) + here->indent);
    pos.line = static_cast<std::uint32_t>(n);
    auto spaces = [](std::size_t k) { return fmt::format("{} space{}", k, k == 1 ? "" : "s"); };
    if (here->indent > previous.key_column && previous.has_value && !here->item)
        return Stop{pos, fmt::format("this line is indented {}, more than '{}' on line {} ({}), which has a value, so "
                                     "YAML reads it as more of that value: indent it as '{}'",
                                     spaces(here->indent), previous.key, previous.number, spaces(previous.key_column),
                                     previous.key)};
    if (here->item || here->indent >= previous.key_column) return std::nullopt;
    if (std::any_of(above.begin(), above.end(), [&](const BlockLine& b) { return b.key_column == here->indent; }))
        return std::nullopt;
    return Stop{pos, fmt::format("this line is indented {}, like no key above it: indent it as '{}' on line {} ({})",
                                 spaces(here->indent), previous.key, previous.number, spaces(previous.key_column))};
}

// A clearer message, and a better place, for a few errors whose cause the parser's words
// hide: an unquoted ': ' in a value, a '#' that hides the end of a one-line flow mapping, a
// '{' or '[' never closed. nullopt when none applies.
std::optional<Stop> explain_error(std::string_view text, std::uint32_t file, const YAML::Mark& mark) {
    if (mark.pos < 0) return std::nullopt;
    const auto e = std::min(static_cast<std::size_t>(mark.pos), text.size());
    const std::vector<FlowBracket> flows = scan_flow(text);
    // The innermost collection open at the error, and the outermost one never closed before it.
    std::size_t inner = std::string_view::npos;
    const FlowBracket* unclosed = nullptr;
    for (const FlowBracket& f : flows) {
        if (f.open >= e) break;
        if (f.close == std::string_view::npos || f.close >= e) inner = f.open;
        if (f.close == std::string_view::npos && !unclosed) unclosed = &f;
    }
    const bool inner_on_line = inner != std::string_view::npos && inner >= line_start_of(text, e);

    if (e < text.size() && text[e] == ':' && e + 1 < text.size() && (blank(text[e + 1]) || end_of_line(text[e + 1]))) {
        // `title: Dédoublonnage : comptes`: the second ': ' would start a mapping inside a value.
        KeyValue kv;
        if (inner_on_line) {
            kv = key_value_around(text, e, flow_segment_start(text, e, inner), ",}]");
        } else {
            kv = key_value_around(text, e, line_start_of(text, e), "");
            if (const auto hash = kv.value.find(" #"); hash != std::string_view::npos)
                kv.value = trim(kv.value.substr(0, hash));
        }
        if (!kv.key.empty() && kv.value.find(':') != std::string_view::npos)
            return Stop{position(text, file, e),
                        fmt::format("the value of '{}' contains ': ', which YAML reads as the start of a mapping; "
                                    "quote the whole value: {}",
                                    kv.key, quote_fix(kv))};
    }
    if (!inner_on_line && (!unclosed || position(text, file, unclosed->open).line == position(text, file, e).line))
        if (std::optional<Stop> indicator = explain_indicator(text, file, e)) return indicator;
    if (inner_on_line)  // `{id: k, unit: %}`
        if (std::optional<Stop> indicator = explain_indicator(text, file, e, flow_segment_start(text, e, inner)))
            return indicator;
    if (unclosed && position(text, file, unclosed->open).line != position(text, file, e).line) {
        const char closer = text[unclosed->open] == '{' ? '}' : ']';
        if (!unclosed->comments.empty()) {
            // `- {id: s, title: Support #help}`: the comment hides the end of the line.
            const std::size_t hash = unclosed->comments.front();
            const KeyValue kv = key_value_around(text, hash, flow_segment_start(text, hash, unclosed->open), ",}]");
            return Stop{position(text, file, hash),
                        fmt::format("'#' after a space starts a comment, which hides the rest of this line, its '{}' "
                                    "included; quote the value that holds it: {}",
                                    closer, quote_fix(kv))};
        }
        return Stop{position(text, file, unclosed->open),
                    fmt::format("this '{}' is never closed: add its '{}'", text[unclosed->open], closer)};
    }
    if (!inner_on_line && !unclosed) return explain_indentation(text, file, e);
    return std::nullopt;
}

}  // namespace

std::string quoted(std::string_view text) {
    if (text.find('"') != std::string_view::npos && text.find('\'') == std::string_view::npos)
        return fmt::format("'{}'", text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    return out + "\"";
}

std::string_view describe(const Node& node) {
    if (node.is_null()) return "nothing";
    switch (node.kind) {
        case Kind::null:
            return "nothing";
        case Kind::scalar:
            return node.plain ? "a plain value" : "a quoted string";
        case Kind::sequence:
            return "a list";
        case Kind::mapping:
            return "a mapping";
    }
    return "a value";
}

namespace {

// The UTF-16 or UTF-32 encoding `text` is in, from its byte-order mark or, without one, from
// the NUL bytes ASCII characters leave in every other (or three of every four) bytes; empty
// when it is neither.
std::string_view wide_encoding(std::string_view text) {
    if (text.starts_with(std::string_view("\xFF\xFE\0\0", 4))) return "UTF-32";
    if (text.starts_with(std::string_view("\0\0\xFE\xFF", 4))) return "UTF-32";
    if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) return "UTF-16";
    const std::size_t n = std::min<std::size_t>(text.size(), 4096) & ~std::size_t{3};
    if (n < 4) return {};
    std::size_t zeros[4] = {0, 0, 0, 0};
    for (std::size_t i = 0; i < n; ++i) zeros[i % 4] += text[i] == '\0' ? 1 : 0;
    const std::size_t quarter = n / 4;
    // UTF-32: the two high bytes of every code unit are NUL (little- or big-endian).
    if ((zeros[2] == quarter && zeros[3] == quarter) || (zeros[0] == quarter && zeros[1] == quarter)) return "UTF-32";
    // UTF-16: most bytes of one parity are NUL, almost none of the other.
    const std::size_t even = zeros[0] + zeros[2], odd = zeros[1] + zeros[3], half = n / 2;
    if ((odd * 2 >= half && even * 8 <= odd) || (even * 2 >= half && odd * 8 <= even)) return "UTF-16";
    return {};
}

// Parses `text` into `out` (which holds no node yet); throws ExtensionAnchor when told to skip
// x- values and one holds an anchor.
void read(ParsedFile& out, std::string_view text, std::uint32_t file, bool skip_extensions) {
    Builder builder(out, text, file, skip_extensions);
    MemoryBuf buf(text.data(), text.size());
    std::istream in(&buf);
    try {
        YAML::Parser parser(in);
        long last_empty_start = -1;
        while (parser.HandleNextDocument(builder)) {
            // yaml-cpp yields an empty document forever on a stray token such as a lone ','
            // without consuming it: a second empty document at the same place means no progress.
            const bool empty = builder.root() == nullptr || builder.root()->kind == Kind::null;
            const long start = builder.doc_start().pos;
            if (empty && start == last_empty_start) {
                const auto offset = static_cast<std::size_t>(std::max(start, 0L));
                const char c = offset < text.size() ? text[offset] : ' ';
                throw Stop{builder.pos_of(builder.doc_start()), fmt::format("unexpected '{}'", c)};
            }
            last_empty_start = empty ? start : -1;
        }
    } catch (const Stop& stop) {
        out.findings.push_back({RuleId::yaml_syntax, stop.pos, stop.message});
        out.broken = true;
    } catch (const YAML::Exception& e) {
        if (std::optional<Stop> clearer = explain_error(text, file, e.mark)) {
            out.findings.push_back({RuleId::yaml_syntax, clearer->pos, std::move(clearer->message)});
        } else {
            out.findings.push_back({RuleId::yaml_syntax, builder.pos_of(e.mark), clean_parser_message(e.msg)});
        }
        out.broken = true;
    }
}

}  // namespace

ParsedFile parse(std::string_view text, std::uint32_t file) {
    ParsedFile out;
    if (const std::string_view wide = wide_encoding(text); !wide.empty()) {
        out.findings.push_back({RuleId::yaml_syntax, SourcePos{file, 1, 1, 0},
                                fmt::format("the file is {}; roadmap files are UTF-8: save it as UTF-8", wide)});
        out.broken = true;
        return out;
    }
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    // FORMAT.md reads CRLF like LF; a CR alone (old Mac line ends) is a line end too, as in
    // YAML. Each lone CR becomes an LF (one byte for one: columns stay), so lines count right.
    std::string lf_text;
    for (std::size_t cr = text.find('\r'); cr != std::string_view::npos; cr = text.find('\r', cr + 1)) {
        if (cr + 1 < text.size() && text[cr + 1] == '\n') continue;
        if (lf_text.empty()) lf_text.assign(text);
        lf_text[cr] = '\n';
    }
    if (!lf_text.empty()) text = lf_text;
    Builder builder(out, text, file);

    if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
        out.findings.push_back({RuleId::yaml_syntax, builder.pos_at_offset(nul),
                                "the file holds a NUL byte here: it is not a text file; roadmap files are UTF-8 text"});
        out.broken = true;
        return out;
    }

    if (const std::size_t bad = invalid_utf8_at(text); bad != std::string_view::npos) {
        const auto byte = static_cast<unsigned char>(text[bad]);
        std::string msg = fmt::format("invalid UTF-8 (byte 0x{:02x}); roadmap files must be UTF-8", byte);
        if (bad < 2 && (byte == 0xFF || byte == 0xFE)) msg += " (this looks like UTF-16)";
        out.findings.push_back({RuleId::yaml_syntax, builder.pos_at_offset(bad), std::move(msg)});
        out.broken = true;
        return out;
    }

    if (std::vector<Finding> conflicts = conflict_findings(text, file); !conflicts.empty()) {
        out.findings = std::move(conflicts);
        out.broken = true;
        return out;
    }

    // Read with x- values skipped; read again building them when one holds an anchor.
    for (const bool skip_extensions : {true, false}) {
        try {
            read(out, text, file, skip_extensions);
            break;
        } catch (const ExtensionAnchor&) {
            out.nodes.clear();
            out.documents.clear();
            out.findings.clear();
        }
    }
    return out;
}

}  // namespace boussole::yaml
