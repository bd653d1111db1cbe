// Successive versions of a roadmap file, read item by item when only items changed.
//
// Most commits change a few lines inside one epic or one key result. When the lines that
// differ from the previous version lie inside consecutive items of one list (the epics of a
// stream, the key results of an objective), only those items are parsed again and the rest of
// the previous reading is kept. This is exact under conditions checked on the text (no
// anchors, aliases, tabs, directives or document markers; the changed lines keep the list's
// block layout; both versions and the items read without any finding, and as many items as
// dashes), and any other change is read whole.
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <string_view>

#include <fmt/format.h>

#include "boussole/loader.hpp"

namespace boussole {

// One item of a block list: its lines [begin, end), 0-based, the dash line first.
struct Item {
    std::size_t begin = 0, end = 0;
};

// A block list of epics or of key results.
struct ItemList {
    enum Kind { epics, key_results } kind = epics;
    std::size_t owner = 0;  // the index of its stream or objective in the file
    bool splittable = false;
    std::size_t dash = 0;  // the column of its dashes
    std::vector<Item> items;
};

struct FileLayout {
    std::vector<ItemList> lists;
};

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    for (;;) {
        const std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) {
            lines.push_back(text.substr(start));
            return lines;
        }
        lines.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
}

std::size_t indentation(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && line[i] == ' ') ++i;
    return i;
}

// A blank line or a comment: it neither starts nor ends an item.
bool neutral(std::string_view line) {
    const std::size_t i = indentation(line);
    return i == line.size() || line[i] == '#' || (line[i] == '\r' && i + 1 == line.size());
}

// "<d spaces>- <something>": the first line of an item of a list whose dashes are at column d.
bool dash_line(std::string_view line, std::size_t d) {
    return line.size() > d + 2 && indentation(line) == d && line[d] == '-' && line[d + 1] == ' ' &&
           line[d + 2] != ' ' && line[d + 2] != '\r';
}

// Everything the item-by-item reading assumes of a whole text.
bool plain_layout(std::string_view text, const std::vector<std::string_view>& lines) {
    if (text.starts_with("\xEF\xBB\xBF")) return false;
    if (text.find_first_of("&*\t") != std::string_view::npos) return false;  // anchors, aliases, tabs
    // A line break the lines below do not split at (a CR alone; NEL, U+2028 and U+2029, which a
    // YAML 1.1 reader may break at): the parser's line numbers would differ from the lines'.
    for (std::size_t cr = text.find('\r'); cr != std::string_view::npos; cr = text.find('\r', cr + 1))
        if (cr + 1 == text.size() || text[cr + 1] != '\n') return false;
    for (std::string_view other : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9"})
        if (text.find(other) != std::string_view::npos) return false;
    for (std::string_view line : lines)
        if (line.starts_with("---") || line.starts_with("...") || line.starts_with('%')) return false;
    return true;
}

// Parsed without a syntax error or a duplicate key (whose message names another line): its
// items may be spliced. Other findings are about one value each, and move with it.
bool clean(const Roadmap& r) {
    return r.unparsable_files == 0 &&
           std::none_of(r.load_findings.begin(), r.load_findings.end(), [](const Finding& f) {
               return f.rule == RuleId::yaml_syntax || f.rule == RuleId::duplicate_key;
           });
}

// The list of items at `positions` (their first keys), or an unsplittable list.
ItemList list_at(const std::vector<std::string_view>& lines, const std::vector<SourcePos>& positions) {
    ItemList list;
    if (positions.empty()) return list;
    for (std::size_t k = 0; k < positions.size(); ++k) {
        const SourcePos& p = positions[k];
        if (p.line == 0 || p.line > lines.size()) return list;
        const std::string_view line = lines[p.line - 1];
        const std::size_t d = indentation(line);
        if (!dash_line(line, d) || (k > 0 && d != list.dash)) return list;
        // The item's first key (or '{') follows the dash on the same line.
        std::size_t key = d + 1;
        while (key < line.size() && line[key] == ' ') ++key;
        if (key + 1 != p.column) return list;
        list.dash = d;
        list.items.push_back({p.line - 1, 0});
    }
    for (std::size_t k = 0; k < list.items.size(); ++k) {
        std::size_t end = list.items[k].begin + 1;
        while (end < lines.size() && (neutral(lines[end]) || indentation(lines[end]) > list.dash)) ++end;
        list.items[k].end = end;
        if (k + 1 < list.items.size() && list.items[k + 1].begin != end) return ItemList{};
    }
    list.splittable = true;
    return list;
}

// The list of the epics of a stream, or of the key results of an objective.
template <class Entity>
ItemList list_of(const std::vector<std::string_view>& lines, const std::vector<Entity>& items, ItemList::Kind kind,
                 std::size_t owner) {
    std::vector<SourcePos> positions;
    for (const Entity& it : items) positions.push_back(it.pos);
    ItemList list = list_at(lines, positions);
    list.kind = kind;
    list.owner = owner;
    return list;
}

Roadmap read(const std::string& relative, std::string_view text) {
    Roadmap r = load_roadmap_from_string(text, relative);
    r.root.clear();
    r.files.front() = SourceFile{relative, relative};
    return r;
}

template <class T>
void replace_range(std::vector<T>& v, std::size_t at, std::size_t count, std::vector<T> with) {
    v.erase(v.begin() + static_cast<std::ptrdiff_t>(at), v.begin() + static_cast<std::ptrdiff_t>(at + count));
    v.insert(v.begin() + static_cast<std::ptrdiff_t>(at), std::make_move_iterator(with.begin()),
             std::make_move_iterator(with.end()));
}

}  // namespace

FileVersion read_file_version(const std::string& relative, std::string_view text) {
    FileVersion v;
    v.relative = relative;
    v.spliced = false;
    v.roadmap = read(relative, text);
    if (!clean(v.roadmap)) return v;
    const std::vector<std::string_view> lines = split_lines(text);
    auto layout = std::make_shared<FileLayout>();
    for (std::size_t i = 0; i < v.roadmap.streams.size(); ++i)
        layout->lists.push_back(list_of(lines, v.roadmap.streams[i].epics, ItemList::epics, i));
    for (std::size_t i = 0; i < v.roadmap.objectives.size(); ++i)
        layout->lists.push_back(list_of(lines, v.roadmap.objectives[i].key_results, ItemList::key_results, i));
    v.layout = std::move(layout);
    return v;
}

namespace {

// The lines that open the text in which changed items are parsed alone; the items follow,
// their dashes at this column.
constexpr std::string_view epics_prelude = "streams:\n  - id: s\n    kind: build\n    epics:\n";
constexpr std::string_view key_results_prelude = "objectives:\n  - id: o\n    title: o\n    key_results:\n";
constexpr std::size_t prelude_lines = 4, item_column = 6;

// How many items the list of a text parsed alone holds (0 when it is not one list).
std::size_t items_read(const Roadmap& r, ItemList::Kind kind) {
    return kind == ItemList::epics ? (r.streams.size() == 1 ? r.streams[0].epics.size() : 0)
                                   : (r.objectives.size() == 1 ? r.objectives[0].key_results.size() : 0);
}

// Items parsed alone end the text, where yaml-cpp forgives what it does not forgive before
// more lines: a last line left open (a key without its colon) reads as a key at the end of
// the text, but swallows the next item's dash in the file, where the whole reading fails
// (found by tests/fuzz/versions.cpp). So items that are not the file's last lines must read
// the same when followed by what can follow them there: the next item of the list, or a line
// further left. `alone` is `text` parsed, holding `count` items.
bool reads_alike_when_followed(const Roadmap& alone, const std::string& relative, const std::string& text,
                               ItemList::Kind kind, std::size_t count) {
    const auto same_findings = [&](const Roadmap& r) {
        return std::equal(r.load_findings.begin(), r.load_findings.end(), alone.load_findings.begin(),
                          alone.load_findings.end(), [](const Finding& a, const Finding& b) {
                              return a.rule == b.rule && a.pos == b.pos && a.message == b.message &&
                                     a.at_most == b.at_most;
                          });
    };
    const auto same_items = [&](const Roadmap& r, std::size_t extra) {
        if (!clean(r) || items_read(r, kind) != count + extra || !same_findings(r)) return false;
        if (kind == ItemList::epics)
            return std::equal(alone.streams[0].epics.begin(), alone.streams[0].epics.end(), r.streams[0].epics.begin());
        return std::equal(alone.objectives[0].key_results.begin(), alone.objectives[0].key_results.end(),
                          r.objectives[0].key_results.begin());
    };
    const std::string item_after = std::string(item_column, ' ') + "- x-next: 0\n";
    return same_items(read(relative, text + item_after), 1) && same_items(read(relative, text + "x-next: 0\n"), 0);
}

std::optional<FileVersion> splice(const FileVersion& previous, std::string_view previous_text,
                                  std::string_view next_text) {
    if (!previous.layout) return std::nullopt;
    const std::vector<std::string_view> new_lines = split_lines(next_text);
    if (!plain_layout(next_text, new_lines)) return std::nullopt;
    const std::vector<std::string_view> old_lines = split_lines(previous_text);
    const std::size_t n0 = old_lines.size(), n1 = new_lines.size(), shortest = std::min(n0, n1);
    std::size_t prefix = 0, suffix = 0;
    while (prefix < shortest && old_lines[prefix] == new_lines[prefix]) ++prefix;
    while (suffix < shortest - prefix && old_lines[n0 - 1 - suffix] == new_lines[n1 - 1 - suffix]) ++suffix;
    const std::size_t first = prefix, last = n0 - suffix;  // the changed lines of the previous text
    const auto delta = static_cast<std::ptrdiff_t>(n1) - static_cast<std::ptrdiff_t>(n0);
    const std::vector<ItemList>& lists = previous.layout->lists;

    // The list and its consecutive items k..m whose lines hold every changed line.
    for (std::size_t li = 0; li < lists.size(); ++li) {
        const ItemList& list = lists[li];
        if (!list.splittable || list.items.front().begin > first || list.items.back().end < last) continue;
        std::size_t k = 0;
        while (k + 1 < list.items.size() && list.items[k + 1].begin <= first) ++k;
        std::size_t m = k;
        while (list.items[m].end < last) ++m;
        if (first > list.items[k].end) return std::nullopt;
        const std::size_t begin = list.items[k].begin;
        const auto end = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(list.items[m].end) + delta);
        if (end < begin || end > n1) return std::nullopt;

        // The new lines must keep the list's block layout: each line at or left of the dashes
        // starts an item, and the first one does.
        const std::size_t d = list.dash;
        std::vector<std::size_t> starts;
        std::string text(list.kind == ItemList::epics ? epics_prelude : key_results_prelude);
        for (std::size_t i = begin; i < end; ++i) {
            const std::string_view line = new_lines[i];
            if (neutral(line)) {
                text.append(item_column, ' ');
                text += line.substr(std::min(indentation(line), d));
            } else {
                const std::size_t ind = indentation(line);
                if (ind < d || (ind == d && !dash_line(line, d))) return std::nullopt;
                if (ind == d) starts.push_back(i);
                text.append(item_column, ' ');
                text += line.substr(d);
            }
            // As in the file: its last line has no line break after it (a value left empty
            // there is placed on that line, not the next: found by tests/fuzz/versions.cpp).
            if (i + 1 < n1) text += '\n';
            if (i == begin && (starts.empty() || starts.front() != begin)) return std::nullopt;
        }

        // Those items, parsed alone, then placed where they stand in the file.
        std::vector<Item> items;
        Roadmap parsed;
        if (!starts.empty()) {
            parsed = read(previous.relative, text);
            if (!clean(parsed) || items_read(parsed, list.kind) != starts.size()) return std::nullopt;
            if (end < n1 && !reads_alike_when_followed(parsed, previous.relative, text, list.kind, starts.size()))
                return std::nullopt;
            const auto line_shift = static_cast<std::int64_t>(begin) - static_cast<std::int64_t>(prelude_lines);
            const auto column_shift = static_cast<std::int64_t>(d) - static_cast<std::int64_t>(item_column);
            for_each_position(parsed, [&](SourcePos& p) {
                if (!p.valid()) return;
                p.line = static_cast<std::uint32_t>(p.line + line_shift);
                p.column = static_cast<std::uint32_t>(p.column + column_shift);
            });
            for (std::size_t j = 0; j < starts.size(); ++j)
                items.push_back({starts[j], j + 1 < starts.size() ? starts[j + 1] : end});
        }

        // Everything after the changed lines moves by the difference in length; items k..m
        // give way to the new ones.
        FileVersion next = previous;
        const std::size_t old_end = list.items[m].end;
        std::erase_if(next.roadmap.load_findings,
                      [&](const Finding& f) { return f.pos.line > begin && f.pos.line <= old_end; });
        for_each_position(next.roadmap, [&](SourcePos& p) {
            if (p.line > old_end) p.line = static_cast<std::uint32_t>(p.line + delta);
        });
        next.roadmap.load_findings.insert(next.roadmap.load_findings.end(), parsed.load_findings.begin(),
                                          parsed.load_findings.end());
        if (list.kind == ItemList::epics) {
            replace_range(next.roadmap.streams[list.owner].epics, k, m - k + 1,
                          starts.empty() ? std::vector<Epic>{} : std::move(parsed.streams[0].epics));
        } else {
            replace_range(next.roadmap.objectives[list.owner].key_results, k, m - k + 1,
                          starts.empty() ? std::vector<KeyResult>{} : std::move(parsed.objectives[0].key_results));
        }
        auto layout = std::make_shared<FileLayout>(*previous.layout);
        for (ItemList& l : layout->lists)
            for (Item& it : l.items)
                if (it.begin >= old_end) {
                    it.begin = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(it.begin) + delta);
                    it.end = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(it.end) + delta);
                }
        std::vector<Item>& mine = layout->lists[li].items;
        replace_range(mine, k, m - k + 1, std::move(items));
        if (mine.empty()) layout->lists[li].splittable = false;  // nothing left to place new items by
        next.layout = std::move(layout);
        next.spliced = true;
        return next;
    }
    return std::nullopt;
}

}  // namespace

namespace {

// BOUSSOLE_HISTORY_STATS=1: how the versions read from a previous one were read, printed to
// stderr when the program ends (bench/README.md, "Splicing each hunk"). Counted always (a few
// relaxed atomic increments), printed only when asked.
struct VersionStats {
    std::atomic<std::size_t> spliced{0}, whole{0}, whole_after_unclean{0};
    ~VersionStats() {
        const char* env = std::getenv("BOUSSOLE_HISTORY_STATS");
        if (!env || std::string_view(env) != "1") return;
        const std::size_t s = spliced.load(), w = whole.load(), total = s + w;
        fmt::print(stderr,
                   "boussole: {} file versions read from the previous one: {} spliced, {} read whole "
                   "({:.1f} %; {} of them after a version that could not be spliced)\n",
                   total, s, w, total ? 100.0 * static_cast<double>(w) / static_cast<double>(total) : 0.0,
                   whole_after_unclean.load());
    }
};

VersionStats& version_stats() {
    static VersionStats stats;
    return stats;
}

}  // namespace

FileVersion read_next_file_version(const FileVersion& previous, std::string_view previous_text,
                                   std::string_view next_text) {
    VersionStats& stats = version_stats();
    if (auto v = splice(previous, previous_text, next_text)) {
        stats.spliced.fetch_add(1, std::memory_order_relaxed);
        return std::move(*v);
    }
    stats.whole.fetch_add(1, std::memory_order_relaxed);
    if (!previous.layout) stats.whole_after_unclean.fetch_add(1, std::memory_order_relaxed);
    return read_file_version(previous.relative, next_text);
}

}  // namespace boussole
