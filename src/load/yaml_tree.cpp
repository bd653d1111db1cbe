// The only file that includes yaml-cpp.
#include "load/yaml_tree.hpp"

#include <istream>
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

class Builder : public YAML::EventHandler {
public:
    Builder(ParsedFile& out, std::string_view text, std::uint32_t file) : out_(out), text_(text), file_(file) {}

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
        p.column = code_points(text_.substr(begin, end - begin)) + 1;
        return p;
    }

    SourcePos pos_at_offset(std::size_t offset) const {
        SourcePos p;
        p.file = file_;
        p.line = 1;
        std::size_t line_start = 0;
        for (std::size_t i = 0; i < offset && i < text_.size(); ++i) {
            if (text_[i] == '\n') {
                ++p.line;
                line_start = i + 1;
            }
        }
        p.column = code_points(text_.substr(line_start, offset - line_start)) + 1;
        return p;
    }

    void OnDocumentStart(const YAML::Mark& mark) override {
        doc_start_ = mark;
        anchors_.clear();
        root_ = nullptr;
    }
    void OnDocumentEnd() override {
        if (root_) out_.documents.push_back(root_);
    }

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        Node& n = make(mark, Kind::null, anchor);
        n.complete = true;
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        const auto it = anchors_.find(anchor);
        if (it == anchors_.end()) throw Stop{pos_of(mark), "alias to an unknown anchor"};
        if (!it->second->complete) throw Stop{pos_of(mark), "alias refers to a node that contains it (a cycle)"};
        attach(it->second);
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        if (tag == "!") check_closed_quote(mark);
        Node& n = make(mark, Kind::scalar, anchor);
        n.plain = tag == "?" || (tag != "!" && tag != "tag:yaml.org,2002:str");
        n.value = value;
        if (value.find('\n') == std::string::npos) n.pos.length = code_points(value) + (n.plain ? 0 : 2);
        n.complete = true;
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(make(mark, Kind::sequence, anchor), mark);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(make(mark, Kind::mapping, anchor), mark);
    }
    void OnMapEnd() override {
        if (!stack_.empty()) check_duplicate_keys(*stack_.back());
        close();
    }

    const YAML::Mark& doc_start() const { return doc_start_; }
    const Node* root() const { return root_; }

private:
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
        Node& n = out_.nodes.emplace_back();
        n.kind = kind;
        n.pos = pos_of(mark);
        if (anchor != YAML::NullAnchor) anchors_[anchor] = &n;
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

    ParsedFile& out_;
    std::string_view text_;
    std::uint32_t file_;
    std::vector<Node*> stack_;
    std::unordered_map<YAML::anchor_t, Node*> anchors_;
    Node* root_ = nullptr;
    YAML::Mark doc_start_;
};

std::string clean_parser_message(const std::string& msg) {
    if (msg == "bad file") return "the file cannot be parsed here (is it nested too deeply?)";
    return msg;
}

}  // namespace

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

ParsedFile parse(std::string_view text, std::uint32_t file) {
    ParsedFile out;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    Builder builder(out, text, file);

    if (const std::size_t bad = invalid_utf8_at(text); bad != std::string_view::npos) {
        const auto byte = static_cast<unsigned char>(text[bad]);
        std::string msg = fmt::format("invalid UTF-8 (byte 0x{:02x}); roadmap files must be UTF-8", byte);
        if (bad < 2 && (byte == 0xFF || byte == 0xFE)) msg += " (this looks like UTF-16)";
        out.findings.push_back({RuleId::yaml_syntax, builder.pos_at_offset(bad), std::move(msg)});
        out.broken = true;
        return out;
    }

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
        out.findings.push_back({RuleId::yaml_syntax, builder.pos_of(e.mark), clean_parser_message(e.msg)});
        out.broken = true;
    }
    return out;
}

}  // namespace boussole::yaml
