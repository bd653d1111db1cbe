// Successive versions of a roadmap file, read item by item when only items changed.
//
// Most commits change a few lines inside one epic or one key result; a day of them changes a
// few such places, often far apart. The changed hunks are found by a line diff (Myers', on line
// ids, bounded: past max_edit_distance changed lines they are one range). A hunk whose lines
// keep their keys and change only plain values on them is read without a parse (see "values
// changed in place"). When every other hunk lies inside consecutive items of one list (the epics of a stream, the key
// results of an objective), only those items are parsed again, the runs of each list together, and the rest of the
// previous reading is kept, moved by the change in length of the runs before it; a hunk inside
// the file's `roadmap:` block (a North Star check-in) reads that block again alone. This is exact
// under conditions checked on the text (no anchors, aliases, tabs, directives or document
// markers; the changed lines keep the list's block layout; both versions and the items read
// without any finding, and as many items as dashes), and any other change is read whole.
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>
#include <unordered_map>

#include <fmt/format.h>

#include "boussole/fields.hpp"
#include "boussole/format.hpp"
#include "boussole/loader.hpp"
#include "load/convert.hpp"

namespace boussole {

// One item of a block list: its lines [begin, end), 0-based, the dash line first.
struct Item {
    std::size_t begin = 0, end = 0;
};

// A block list of epics or of key results; or the file's `roadmap:` block (the name, the
// period, the North Star, the settings), read again as one item when only it changed.
struct ItemList {
    enum Kind { epics, key_results, roadmap_block } kind = epics;
    std::size_t owner = 0;  // the index of its stream or objective in the file (of the block: 0)
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

bool is_ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Everything the item-by-item reading assumes of a whole text.
bool plain_layout(std::string_view text, const std::vector<std::string_view>& lines) {
    if (text.starts_with("\xEF\xBB\xBF")) return false;
    // One pass (find_first_of would call memchr on every byte: issue 17's profile).
    for (std::size_t i = 0; i < text.size(); ++i) {
        switch (text[i]) {
            case '\t':
                return false;
            // Anchors and aliases: an item may name what another holds. An '&' or '*' right after
            // a letter or digit cannot start one ("R&D", "S&OP", "x*2" are plain text); any other may.
            case '&':
            case '*':
                if (i == 0 || !is_ascii_alnum(text[i - 1])) return false;
                break;
            // A line break the lines below do not split at (a CR alone; NEL, U+2028 and U+2029
            // below, which a YAML 1.1 reader may break at): the parser's line numbers would differ
            // from the lines'.
            case '\r':
                if (i + 1 == text.size() || text[i + 1] != '\n') return false;
                break;
            default:
                break;
        }
    }
    for (std::string_view other : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9"})
        if (text.find(other) != std::string_view::npos) return false;
    for (std::string_view line : lines)
        if (!line.empty() && (line[0] == '-' || line[0] == '.' || line[0] == '%') &&
            (line.starts_with("---") || line.starts_with("...") || line.starts_with('%')))
            return false;
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
    // The `roadmap:` block at the top level: the line of its key, then every line right of
    // column 0 (or blank, or a comment) up to the next key at column 0.
    if (v.roadmap.roadmap_blocks.size() == 1) {
        const SourcePos& key = v.roadmap.roadmap_blocks.front().pos;
        if (key.column == 1 && key.line >= 1 && key.line <= lines.size() &&
            lines[key.line - 1].starts_with("roadmap:")) {
            ItemList block;
            block.kind = ItemList::roadmap_block;
            block.splittable = true;
            std::size_t end = key.line;
            while (end < lines.size() && (neutral(lines[end]) || indentation(lines[end]) > 0)) ++end;
            block.items.push_back({key.line - 1, end});
            layout->lists.push_back(std::move(block));
        }
    }
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
// (found by tests/fuzz/versions.cpp). So items that are not the file's last lines are parsed
// followed by what follows them there: the next item of the list (a dash at the list's
// column, stood for by this item), or a line further left (stood for by a key at column 0).
// Parsing once with the follower the file has, instead of alone and again with each kind of
// follower, reads each changed item once (issue 17).
constexpr std::string_view next_item_key = "x-next";
std::string item_follower() { return std::string(item_column, ' ') + "- " + std::string(next_item_key) + ": 0\n"; }
constexpr std::string_view left_follower = "x-next: 0\n";

// Lines [old_begin, old_end) of the previous text became lines [new_begin, new_end) of the next.
struct Hunk {
    std::size_t old_begin = 0, old_end = 0, new_begin = 0, new_end = 0;
};

// The most lines deleted plus inserted that the line diff looks for. Past it the diff would
// cost more than it saves (its time grows with the lines times this bound, its memory with the
// bound squared), and the changed lines are taken as one range, from the first to the last.
constexpr std::size_t max_edit_distance = 256;

// Myers' diff ("An O(ND) Difference Algorithm", 1986) of two sequences of line ids: the hunks
// of a shortest edit script, or nothing when it deletes and inserts more than `most` lines.
std::optional<std::vector<Hunk>> shortest_edit(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b,
                                               std::size_t most) {
    const auto n = static_cast<std::ptrdiff_t>(a.size()), m = static_cast<std::ptrdiff_t>(b.size());
    const std::ptrdiff_t bound = std::min(n + m, static_cast<std::ptrdiff_t>(most));
    // v[k + bound + 1]: the furthest x reached on diagonal k = x - y; trace[d]: v on diagonals
    // -d..d before round d, to walk the path back.
    std::vector<std::ptrdiff_t> v(static_cast<std::size_t>(2 * bound + 3), 0);
    const auto at = [&](std::ptrdiff_t k) -> std::ptrdiff_t& { return v[static_cast<std::size_t>(k + bound + 1)]; };
    std::vector<std::vector<std::ptrdiff_t>> trace;
    for (std::ptrdiff_t d = 0; d <= bound; ++d) {
        trace.emplace_back(&at(-d), &at(d) + 1);
        for (std::ptrdiff_t k = -d; k <= d; k += 2) {
            std::ptrdiff_t x = k == -d || (k != d && at(k - 1) < at(k + 1)) ? at(k + 1) : at(k - 1) + 1;
            std::ptrdiff_t y = x - k;
            while (x < n && y < m && a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)]) ++x, ++y;
            at(k) = x;
            if (x != n || y != m) continue;
            // Walk back: each round added one deleted line (from diagonal k - 1) or one inserted
            // line (from k + 1) before its run of equal lines.
            std::vector<Hunk> edits;  // one line each, last first
            for (std::ptrdiff_t e = d; e > 0; --e) {
                const std::vector<std::ptrdiff_t>& before = trace[static_cast<std::size_t>(e)];
                const auto prev = [&](std::ptrdiff_t j) { return before[static_cast<std::size_t>(j + e)]; };
                const std::ptrdiff_t kk = x - y;
                const bool inserted = kk == -e || (kk != e && prev(kk - 1) < prev(kk + 1));
                const std::ptrdiff_t px = prev(inserted ? kk + 1 : kk - 1), py = px - (inserted ? kk + 1 : kk - 1);
                const auto ux = static_cast<std::size_t>(px), uy = static_cast<std::size_t>(py);
                edits.push_back(inserted ? Hunk{ux, ux, uy, uy + 1} : Hunk{ux, ux + 1, uy, uy});
                x = px;
                y = py;
            }
            std::vector<Hunk> hunks;
            for (auto it = edits.rbegin(); it != edits.rend(); ++it) {
                if (!hunks.empty() && hunks.back().old_end == it->old_begin && hunks.back().new_end == it->new_begin) {
                    hunks.back().old_end = it->old_end;
                    hunks.back().new_end = it->new_end;
                } else {
                    hunks.push_back(*it);
                }
            }
            return hunks;
        }
    }
    return std::nullopt;
}

// The changed hunks between two texts' lines, in order: the common first and last lines set
// aside, a shortest edit script of the lines between (on line ids, each distinct line one
// id), or those lines as one hunk when that script would be longer than max_edit_distance.
// Every line outside the hunks is checked equal to its counterpart.
std::vector<Hunk> changed_hunks(const std::vector<std::string_view>& old_lines,
                                const std::vector<std::string_view>& new_lines) {
    const std::size_t n0 = old_lines.size(), n1 = new_lines.size(), shortest = std::min(n0, n1);
    std::size_t prefix = 0, suffix = 0;
    while (prefix < shortest && old_lines[prefix] == new_lines[prefix]) ++prefix;
    while (suffix < shortest - prefix && old_lines[n0 - 1 - suffix] == new_lines[n1 - 1 - suffix]) ++suffix;
    if (prefix == n0 && prefix == n1) return {};
    const Hunk whole_range{prefix, n0 - suffix, prefix, n1 - suffix};
    if (whole_range.old_begin == whole_range.old_end || whole_range.new_begin == whole_range.new_end)
        return {whole_range};
    std::unordered_map<std::string_view, std::uint32_t> ids;
    const auto ids_of = [&](const std::vector<std::string_view>& lines, std::size_t end) {
        std::vector<std::uint32_t> out;
        out.reserve(end - prefix);
        for (std::size_t i = prefix; i < end; ++i)
            out.push_back(ids.emplace(lines[i], static_cast<std::uint32_t>(ids.size())).first->second);
        return out;
    };
    const std::vector<std::uint32_t> a = ids_of(old_lines, n0 - suffix), b = ids_of(new_lines, n1 - suffix);
    std::optional<std::vector<Hunk>> hunks = shortest_edit(a, b, max_edit_distance);
    if (!hunks) return {whole_range};
    std::size_t old_at = 0, new_at = 0;  // relative to the prefix
    for (Hunk& h : *hunks) {
        if (h.old_begin - old_at != h.new_begin - new_at) return {whole_range};
        for (; old_at < h.old_begin; ++old_at, ++new_at)
            if (old_lines[prefix + old_at] != new_lines[prefix + new_at]) return {whole_range};
        old_at = h.old_end;
        new_at = h.new_end;
        h.old_begin += prefix;
        h.old_end += prefix;
        h.new_begin += prefix;
        h.new_end += prefix;
    }
    if (a.size() - old_at != b.size() - new_at) return {whole_range};
    for (; old_at < a.size(); ++old_at, ++new_at)
        if (old_lines[prefix + old_at] != new_lines[prefix + new_at]) return {whole_range};
    return std::move(*hunks);
}

// What parsing a run of items alone costs besides its lines, in lines of a whole reading.
constexpr std::size_t run_overhead_lines = 16;

// Consecutive items first..last of one list that hold changed lines: its lines
// [old_begin, old_end) of the previous text are lines [new_begin, new_end) of the next.
struct Run {
    std::size_t list = 0, first = 0, last = 0;
    std::size_t old_begin = 0, old_end = 0, new_begin = 0, new_end = 0;
    std::ptrdiff_t delta = 0;  // the change in length
    Roadmap parsed;            // its new items parsed alone, placed where they stand in the file
    std::uint32_t file = 0;    // the file index they name (the previous version's)
    std::vector<Item> items;   // their lines in the next text
};

// The items of `list` that hold hunk `h` (first..last), or nothing when it is not inside the list.
std::optional<std::pair<std::size_t, std::size_t>> items_holding(const ItemList& list, const Hunk& h,
                                                                 const std::vector<std::string_view>& new_lines) {
    if (!list.splittable || list.items.front().begin > h.old_begin || list.items.back().end < h.old_end)
        return std::nullopt;
    std::size_t k = 0;
    while (k + 1 < list.items.size() && list.items[k + 1].begin <= h.old_begin) ++k;
    std::size_t m = k;
    while (list.items[m].end < h.old_end) ++m;
    if (h.old_begin > list.items[k].end) return std::nullopt;
    // A hunk that starts an item with lines that cannot start one (more lines of the item before,
    // as a key added at its end; a comment) is read with the item before it.
    if (k > 0 && h.old_begin == list.items[k].begin && h.new_begin < new_lines.size() &&
        !dash_line(new_lines[h.new_begin], list.dash))
        --k;
    return std::pair{k, m};
}

// Reads the new lines of a run of the `roadmap:` block alone: they must still be one block (its
// key at column 0, then only lines right of it, blank lines or comments), read without a
// finding that names another line, followed by a key at column 0 when lines follow it.
bool read_roadmap_block(Run& run, const std::string& relative, const std::vector<std::string_view>& new_lines) {
    const std::size_t n1 = new_lines.size(), begin = run.new_begin, end = run.new_end;
    if (begin >= end || !new_lines[begin].starts_with("roadmap:")) return false;
    std::string text;
    for (std::size_t i = begin; i < end; ++i) {
        if (i > begin && !neutral(new_lines[i]) && indentation(new_lines[i]) == 0) return false;
        text += new_lines[i];
        if (i + 1 < n1) text += '\n';
    }
    if (end < n1) text += left_follower;
    run.parsed = read(relative, text);
    const Roadmap& r = run.parsed;
    if (!clean(r) || r.roadmap_blocks.size() != 1 || !r.people.empty() || !r.metrics.empty() || !r.objectives.empty() ||
        !r.streams.empty())
        return false;
    place_positions(run.parsed, static_cast<std::int64_t>(begin), 0, run.file);
    run.items.push_back({begin, end});
    return true;
}

// The items of the one list of `r`, a text of changed items parsed alone (or a run's part of
// it): the epics of its stream, or the key results of its objective, made when there is none.
template <class Entity>
std::vector<Entity>& items_of(Roadmap& r) {
    if constexpr (std::is_same_v<Entity, Epic>) {
        if (r.streams.empty()) r.streams.emplace_back();
        return r.streams[0].epics;
    } else {
        if (r.objectives.empty()) r.objectives.emplace_back();
        return r.objectives[0].key_results;
    }
}

// Hands each run its items and findings from `parsed`, the reading of the runs' lines one after
// the other from line at[k] (0-based) of the text, and moves them to the run's lines in the file.
template <class Entity>
void share_out(Roadmap& parsed, std::span<Run> group, const std::vector<std::size_t>& at,
               const std::vector<std::vector<std::size_t>>& starts, std::size_t dash) {
    std::vector<Entity>& items = items_of<Entity>(parsed);
    std::size_t next = 0, first = group.size(), last = 0;
    for (std::size_t k = 0; k < group.size(); ++k) {
        Run& run = group[k];
        if (starts[k].empty()) continue;  // its items were deleted: nothing read
        first = std::min(first, k);
        last = k;
        std::vector<Entity>& mine = items_of<Entity>(run.parsed);
        const auto from = items.begin() + static_cast<std::ptrdiff_t>(next);
        mine.assign(std::make_move_iterator(from),
                    std::make_move_iterator(from + static_cast<std::ptrdiff_t>(starts[k].size())));
        next += starts[k].size();
    }
    // A finding goes with the run whose lines hold it (one before the first run's lines or after
    // the last's, with that run).
    for (Finding& f : parsed.load_findings) {
        std::size_t k = first;
        for (std::size_t j = first; j <= last; ++j)
            if (!starts[j].empty() && f.pos.line > at[j]) k = j;
        group[k].parsed.load_findings.push_back(std::move(f));
    }
    for (std::size_t k = first; k <= last; ++k) {
        Run& run = group[k];
        if (starts[k].empty()) continue;
        place_positions(run.parsed, static_cast<std::int64_t>(run.new_begin) - static_cast<std::int64_t>(at[k]),
                        static_cast<std::int64_t>(dash) - static_cast<std::int64_t>(item_column), run.file);
        for (std::size_t j = 0; j < starts[k].size(); ++j)
            run.items.push_back({starts[k][j], j + 1 < starts[k].size() ? starts[k][j + 1] : run.new_end});
    }
}

// Reads the new lines of the runs of one list (in order, apart), in one parse: their lines one
// after the other, after a prelude that opens the list (run.parsed, run.items of each). False
// when they do not keep the list's block layout or do not read as they would in the file. In
// the file, each run but the last is followed by an item of the list, and here by the next
// run's first item: a dash at the same column either way. So every item, and the stand-in for
// what follows the last run, must start on its dash line; one whose last line swallowed the next
// dash (a key left open) would not. One parse for all the runs of a list instead of one each
// (with its prelude and follower): issue 17.
bool read_runs(std::span<Run> group, const ItemList& list, const std::string& relative,
               const std::vector<std::string_view>& new_lines) {
    if (list.kind == ItemList::roadmap_block)  // one item: its hunks make one run
        return group.size() == 1 && read_roadmap_block(group.front(), relative, new_lines);
    const std::size_t n1 = new_lines.size(), d = list.dash;
    std::string text(list.kind == ItemList::epics ? epics_prelude : key_results_prelude);
    std::size_t lines = prelude_lines;  // in the text so far
    std::vector<std::size_t> at(group.size());
    std::vector<std::vector<std::size_t>> starts(group.size());
    std::size_t items = 0, end = 0;  // the items to read; the line after the last run with lines
    std::size_t last_line = 0;       // the text's line (1-based) of the file's last line, when a run holds it
    bool last_neutral = false;       // that line is blank or a comment
    for (std::size_t k = 0; k < group.size(); ++k) {
        const std::size_t begin = group[k].new_begin;
        at[k] = lines;
        for (std::size_t i = begin; i < group[k].new_end; ++i) {
            const std::string_view line = new_lines[i];
            if (i + 1 == n1) last_line = lines + 1;
            if (neutral(line)) {
                if (i + 1 == n1) last_neutral = true;
                const std::size_t ind = indentation(line);
                if (ind >= d) {  // moved as the items' lines are
                    text.append(item_column, ' ');
                    text += line.substr(d);
                } else if (ind == line.size() || line[ind] == '\r') {  // blank
                    text += line.substr(ind);
                } else {
                    // A comment left of the dashes keeps its column, moved as the items' are:
                    // yaml-cpp closes blocks at a comment's column, so that a key left open
                    // before a comment at column 0 is an error in the file and was none once
                    // the comment stood at the items' column (found by a review).
                    if (ind + item_column < d) return false;
                    text.append(ind + item_column - d, ' ');
                    text += line.substr(ind);
                }
            } else {
                const std::size_t ind = indentation(line);
                if (ind < d || (ind == d && !dash_line(line, d))) return false;
                if (ind == d) starts[k].push_back(i);
                text.append(item_column, ' ');
                text += line.substr(d);
            }
            // As in the file: its last line has no line break after it (a value left empty
            // there is placed on that line, not the next: found by tests/fuzz/versions.cpp).
            if (i + 1 < n1) text += '\n';
            ++lines;
            if (i == begin && (starts[k].empty() || starts[k].front() != begin)) return false;
        }
        items += starts[k].size();
        if (!starts[k].empty()) end = group[k].new_end;
    }
    if (items == 0) return true;  // their items were deleted
    const bool followed = end < n1, item_follows = followed && dash_line(new_lines[end], d);
    if (followed) text += item_follows ? item_follower() : std::string(left_follower);
    Roadmap parsed = read(relative, text);
    if (!clean(parsed) || items_read(parsed, list.kind) != items + (item_follows ? 1 : 0)) return false;
    // The end of the text, where YAML places a value left empty at the file's end, is at the end
    // of its last line, or at column 1 of that line when the blocks close first, which no move
    // of the items' columns keeps (found by versions_test's random edits and a review: an empty
    // item of depends_on at the file's end). Nothing may be placed on a last line that is blank
    // or a comment, nor at its column 1 when the items' columns move.
    if (last_line) {
        bool placed = false;
        for_each_position(parsed, [&](SourcePos& p) {
            placed = placed || (p.line == last_line && (last_neutral || (p.column == 1 && d != item_column)));
        });
        if (placed) return false;
    }
    // A value left empty at the end of a run's last item is placed, as YAML does, at the next
    // token: here the next run's first dash, or the stand-in; in the file the dash of an
    // unchanged item, or a line further left. A finding about it is placed right only after the
    // last run and before an item; any other such finding makes the version read whole.
    for (const Finding& f : parsed.load_findings) {
        if (f.pos.line > lines && !item_follows) return false;
        for (std::size_t k = 1; k < group.size(); ++k)
            if (!starts[k].empty() && f.pos.line == at[k] + 1 && f.pos.column < item_column + 3) return false;
    }
    // Each item on its dash line, its first key (or '{') after the dash and one space.
    const auto starts_at = [&](const SourcePos& p, std::size_t line) {
        return p.line == line + 1 && p.column == item_column + 3;
    };
    const auto on_their_lines = [&](auto& read_items) {
        std::size_t j = 0;
        for (std::size_t k = 0; k < group.size(); ++k)
            for (std::size_t s : starts[k])
                if (!starts_at(read_items[j++].pos, at[k] + (s - group[k].new_begin))) return false;
        if (!item_follows) return true;
        // The stand-in reads as an item of its own, on the line after the runs', and goes.
        if (!starts_at(read_items.back().pos, lines)) return false;
        read_items.pop_back();
        return true;
    };
    if (list.kind == ItemList::epics) {
        if (!on_their_lines(items_of<Epic>(parsed))) return false;
        share_out<Epic>(parsed, group, at, starts, d);
    } else {
        if (!on_their_lines(items_of<KeyResult>(parsed))) return false;
        share_out<KeyResult>(parsed, group, at, starts, d);
    }
    return true;
}

// ---- values changed in place ------------------------------------------------------------------
//
// Most changes of a day rewrite one value on its line: a status moves on, a due date slips, a
// task is done, a key result is checked in. Such a line is read again without a parse: its keys
// stay, each value is a plain scalar on that line, so the YAML around it reads as before and only
// the values change (issue 17).

// One `key: value` of a line; its value's column is 0-based, in bytes (the line is ASCII, so
// in code points too).
struct LinePair {
    std::string_view key, value;
    std::size_t value_column = 0;
};

// A line that holds only keys and plain values: `key: value`, `- {key: value, ...}` or
// `key: {key: value, ...}`. `head` is what comes before the first key.
struct ValueLine {
    std::string_view head;
    std::size_t indent = 0;
    bool block = false;  // `key: value`, whose value could go on over the next lines
    std::vector<LinePair> pairs;
};

// A value that reads the same wherever it is written on one line, in a block or between braces:
// letters, digits, spaces and `-_./+()` (no character YAML gives a meaning to: no ':', '#',
// quote, bracket, brace, comma, '&', '*', '!', '|', '>', '%', '@', '`', '?' or '~'), starting
// with a letter or a digit (or a minus before a digit), not ending with a space, and not a
// spelling of null.
bool safe_value(std::string_view v) {
    if (v.empty() || v.back() == ' ') return false;
    if (!is_ascii_alnum(v[0]) && !(v[0] == '-' && v.size() > 1 && v[1] >= '0' && v[1] <= '9')) return false;
    for (const char c : v)
        if (!is_ascii_alnum(c) && c != ' ' && c != '-' && c != '_' && c != '.' && c != '/' && c != '+' && c != '(' &&
            c != ')')
            return false;
    return v != "null" && v != "Null" && v != "NULL";
}

// The line's keys and values, when it is one of the shapes of ValueLine, printable ASCII (but
// for the CR of a CRLF line), and written as boussole and most people write it (one space after each colon and comma,
// none inside the braces).
std::optional<ValueLine> value_line(std::string_view line) {
    if (line.ends_with('\r')) line.remove_suffix(1);  // a CRLF line: the value ends before its CR
    for (const char c : line)
        if (c < 0x20 || c > 0x7E) return std::nullopt;
    ValueLine v;
    v.indent = indentation(line);
    if (v.indent < 2 || v.indent == line.size()) return std::nullopt;
    constexpr std::size_t none = std::string_view::npos;
    // The colon after a key starting at `i` and followed by a space, or none.
    const auto colon_after_key = [&](std::size_t i) {
        if (i >= line.size() || line[i] < 'a' || line[i] > 'z') return none;
        while (i < line.size() && (is_ascii_alnum(line[i]) || line[i] == '_')) ++i;
        return i + 1 < line.size() && line[i] == ':' && line[i + 1] == ' ' ? i : none;
    };
    std::size_t at = v.indent;
    if (line.substr(at).starts_with("- {")) {
        at += 3;
    } else {
        const std::size_t colon = colon_after_key(at);
        if (colon == none) return std::nullopt;
        if (colon + 2 < line.size() && line[colon + 2] == '{') {
            at = colon + 3;
        } else {
            const std::string_view value = line.substr(colon + 2);
            if (!safe_value(value)) return std::nullopt;
            v.head = line.substr(0, at);
            v.block = true;
            v.pairs.push_back({line.substr(at, colon - at), value, colon + 2});
            return v;
        }
    }
    if (line.back() != '}') return std::nullopt;
    v.head = line.substr(0, at);
    const std::size_t close = line.size() - 1;
    for (;;) {
        const std::size_t colon = colon_after_key(at);
        if (colon == none || colon + 2 >= close) return std::nullopt;
        std::size_t stop = line.find(", ", colon + 2);
        if (stop == none || stop > close) stop = close;
        const std::string_view value = line.substr(colon + 2, stop - colon - 2);
        if (!safe_value(value)) return std::nullopt;
        v.pairs.push_back({line.substr(at, colon - at), value, colon + 2});
        if (stop == close) return v;
        at = stop + 2;
    }
}

// Line `old_line` of the previous text (0-based) became `new_line` of the next, with the same
// keys and other values.
struct ValueEdit {
    std::size_t hunk = 0;  // of changed_hunks()
    std::size_t old_line = 0, new_line = 0;
    ValueLine before, after;
};

// A block value ends on its line when the next line that is not blank or a comment is no further
// right than its key (or there is none): else it could go on there.
bool ends_on_its_line(const std::vector<std::string_view>& lines, std::size_t i, std::size_t indent) {
    for (std::size_t k = i + 1; k < lines.size(); ++k)
        if (!neutral(lines[k])) return indentation(lines[k]) <= indent;
    return true;
}

// The edits of hunk `h` when each of its lines became one line of the same shape and keys, the
// values alone changed.
bool value_edits(const Hunk& h, std::size_t hunk, const std::vector<std::string_view>& old_lines,
                 const std::vector<std::string_view>& new_lines, std::vector<ValueEdit>& out) {
    const std::size_t n = h.old_end - h.old_begin;
    if (n == 0 || n != h.new_end - h.new_begin) return false;
    const std::size_t first = out.size();
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = h.old_begin + k, j = h.new_begin + k;
        std::optional<ValueLine> before = value_line(old_lines[i]), after = value_line(new_lines[j]);
        bool same = before && after && before->head == after->head && before->block == after->block &&
                    before->pairs.size() == after->pairs.size();
        for (std::size_t q = 0; same && q < before->pairs.size(); ++q)
            same = before->pairs[q].key == after->pairs[q].key;
        if (same && before->block)
            same = ends_on_its_line(old_lines, i, before->indent) && ends_on_its_line(new_lines, j, after->indent);
        if (!same) {
            out.resize(first);
            return false;
        }
        out.push_back({hunk, i, j, std::move(*before), std::move(*after)});
    }
    return true;
}

// Calls fn(entity, key, field) for each field of the model that holds one scalar.
template <class R, class Fn>
void for_each_scalar_field(R& r, Fn&& fn) {
    const auto fields = [&](format::Entity entity, auto& x) {
        for_each_field(x, [&](std::string_view key, auto& field) {
            if constexpr (requires { field.pos; }) fn(entity, key, field);
        });
    };
    for (auto& info : r.roadmap_blocks) {
        fields(format::Entity::roadmap, info);
        if (info.north_star) fields(format::Entity::north_star, *info.north_star);
        fields(format::Entity::report, info.report);
    }
    for (auto& x : r.people) fields(format::Entity::person, x);
    for (auto& x : r.metrics) fields(format::Entity::metric, x);
    for (auto& o : r.objectives) {
        fields(format::Entity::objective, o);
        for (auto& k : o.key_results) fields(format::Entity::key_result, k);
    }
    for (auto& s : r.streams) {
        fields(format::Entity::stream, s);
        for (auto& e : s.epics) {
            fields(format::Entity::epic, e);
            for (auto& t : e.tasks) fields(format::Entity::task, t);
        }
    }
}

// Which of `edits` (in order of their lines) have each old value exactly where `r` holds a
// field's value (its line `line_of` of the edit, its column and length, under the same key),
// no other field on their lines, and only findings about those values there. Calls fn(edit,
// pair, entity, key, field) for each field matched.
template <class R, class Fn>
std::vector<bool> fields_of_edits(R& r, const std::vector<ValueEdit>& edits, std::size_t ValueEdit::*line_of, Fn&& fn) {
    const auto edit_at = [&](std::uint32_t line) -> std::optional<std::size_t> {  // 1-based
        const auto it = std::lower_bound(edits.begin(), edits.end(), line,
                                         [&](const ValueEdit& e, std::uint32_t l) { return e.*line_of + 1 < l; });
        if (it == edits.end() || (*it).*line_of + 1 != line) return std::nullopt;
        return static_cast<std::size_t>(it - edits.begin());
    };
    const auto pair_at = [](const ValueLine& v, std::uint32_t column) -> std::optional<std::size_t> {
        for (std::size_t q = 0; q < v.pairs.size(); ++q)
            if (v.pairs[q].value_column + 1 == column) return q;
        return std::nullopt;
    };
    std::vector<bool> ok(edits.size(), true);
    for (const Finding& f : r.load_findings)
        if (const auto k = edit_at(f.pos.line);
            k && (f.rule != RuleId::invalid_value || !pair_at(edits[*k].before, f.pos.column)))
            ok[*k] = false;
    std::vector<std::vector<bool>> matched(edits.size());
    for (std::size_t k = 0; k < edits.size(); ++k) matched[k].assign(edits[k].before.pairs.size(), false);
    for_each_scalar_field(r, [&](format::Entity entity, std::string_view key, auto& field) {
        const SourcePos p = field.pos;
        const auto k = p.valid() ? edit_at(p.line) : std::nullopt;
        if (!k || !ok[*k]) return;
        const ValueEdit& e = edits[*k];
        const std::optional<std::size_t> q = pair_at(e.before, p.column);
        if (!q || matched[*k][*q] || e.before.pairs[*q].key != key || p.length != e.before.pairs[*q].value.size()) {
            ok[*k] = false;
            return;
        }
        matched[*k][*q] = true;
        fn(*k, *q, entity, key, field);
    });
    for (std::size_t k = 0; k < edits.size(); ++k)
        if (std::find(matched[k].begin(), matched[k].end(), false) != matched[k].end()) ok[k] = false;
    return ok;
}

// Reads the new values of `edits` into `r`, where they stand in the next text (fields_of_edits
// found them in the previous reading); their lines' findings are made again. False when one is
// not found there (not reached: the positions of the previous reading moved there).
bool apply_value_edits(Roadmap& r, const std::vector<ValueEdit>& edits) {
    std::vector<Finding> found;
    const std::vector<bool> ok =
        fields_of_edits(r, edits, &ValueEdit::new_line,
                        [&](std::size_t k, std::size_t q, format::Entity entity, std::string_view key, auto& field) {
                            const LinePair& now = edits[k].after.pairs[q];
                            load::read_plain_value(format::key(entity, key), now.value,
                                                   SourcePos{field.pos.file, field.pos.line,
                                                             static_cast<std::uint32_t>(now.value_column + 1),
                                                             static_cast<std::uint32_t>(now.value.size())},
                                                   field, found);
                        });
    if (std::find(ok.begin(), ok.end(), false) != ok.end()) return false;
    std::erase_if(r.load_findings, [&](const Finding& f) {
        return std::any_of(edits.begin(), edits.end(),
                           [&](const ValueEdit& e) { return e.new_line + 1 == f.pos.line; });
    });
    r.load_findings.insert(r.load_findings.end(), std::make_move_iterator(found.begin()),
                           std::make_move_iterator(found.end()));
    return true;
}

// The next version read from the previous one: each hunk must lie inside consecutive items of
// one list; each run of changed items is parsed alone, and everything else is kept, moved by the
// change in length of the runs before it. Nothing when any hunk cannot be read so.
std::optional<FileVersion> splice(const FileVersion& previous, std::string_view previous_text,
                                  std::string_view next_text, std::size_t& runs_read) {
    if (!previous.layout) return std::nullopt;
    const std::vector<std::string_view> new_lines = split_lines(next_text);
    if (!plain_layout(next_text, new_lines)) return std::nullopt;
    const std::vector<std::string_view> old_lines = split_lines(previous_text);
    const std::size_t n1 = new_lines.size();
    const std::vector<ItemList>& lists = previous.layout->lists;

    // Each hunk's items; hunks whose items overlap make one run. A hunk that only changed values
    // on their lines is read again without a parse.
    const std::vector<Hunk> hunks = changed_hunks(old_lines, new_lines);
    std::vector<ValueEdit> edits;
    for (std::size_t k = 0; k < hunks.size(); ++k) value_edits(hunks[k], k, old_lines, new_lines, edits);
    // A hunk is read by its values when every value of its lines is a field's in the previous
    // reading; else as the items that hold it.
    std::vector<bool> by_values(hunks.size(), false);
    if (!edits.empty()) {
        const std::vector<bool> held = fields_of_edits(previous.roadmap, edits, &ValueEdit::old_line,
                                                       [](std::size_t, std::size_t, auto, auto, const auto&) {});
        for (const ValueEdit& e : edits) by_values[e.hunk] = true;
        for (std::size_t k = 0; k < edits.size(); ++k)
            if (!held[k]) by_values[edits[k].hunk] = false;
        std::erase_if(edits, [&](const ValueEdit& e) { return !by_values[e.hunk]; });
    }
    std::vector<Run> runs;
    for (std::size_t k = 0; k < hunks.size(); ++k) {
        if (by_values[k]) continue;
        const Hunk& h = hunks[k];
        std::optional<std::pair<std::size_t, std::size_t>> held;
        std::size_t li = 0;
        for (; li < lists.size() && !held; ++li) held = items_holding(lists[li], h, new_lines);
        if (!held) return std::nullopt;
        --li;
        const auto delta =
            static_cast<std::ptrdiff_t>(h.new_end - h.new_begin) - static_cast<std::ptrdiff_t>(h.old_end - h.old_begin);
        if (!runs.empty() && runs.back().list == li && held->first <= runs.back().last) {
            runs.back().first = std::min(runs.back().first, held->first);
            runs.back().last = std::max(runs.back().last, held->second);
            runs.back().delta += delta;
        } else {
            Run& run = runs.emplace_back();
            run.list = li;
            run.first = held->first;
            run.last = held->second;
            run.delta = delta;
        }
    }
    // The runs of a list are parsed together, once (with their follower), when that costs less
    // than reading the file whole: a parse costs its lines and an overhead (run_overhead_lines).
    if (runs.size() > 1) {
        std::size_t cost = 0;
        for (std::size_t r = 0; r < runs.size(); ++r) {
            const Run& run = runs[r];
            if (r == 0 || runs[r - 1].list != run.list) cost += run_overhead_lines;
            cost += lists[run.list].items[run.last].end - lists[run.list].items[run.first].begin;
        }
        if (cost > n1 + run_overhead_lines) return std::nullopt;  // a whole reading has its overhead too
    }
    std::ptrdiff_t shift = 0;  // the change in length of the runs before
    for (std::size_t r = 0; r < runs.size(); ++r) {
        Run& run = runs[r];
        const ItemList& list = lists[run.list];
        run.old_begin = list.items[run.first].begin;
        run.old_end = list.items[run.last].end;
        // A finding of the previous version at the dash that starts a run (the block's key
        // aside), or at or left of the dash of the line after it, is about a value left empty at
        // the end of the item before: the run's parse would lose it, or report it again.
        for (const Finding& f : previous.roadmap.load_findings)
            if (f.pos.column <= list.dash + 1 &&
                ((f.pos.line == run.old_begin + 1 && list.kind != ItemList::roadmap_block) ||
                 f.pos.line == run.old_end + 1))
                return std::nullopt;
        if (r > 0 && run.old_begin < runs[r - 1].old_end) return std::nullopt;
        const auto new_begin = static_cast<std::ptrdiff_t>(run.old_begin) + shift;
        const auto new_end = static_cast<std::ptrdiff_t>(run.old_end) + shift + run.delta;
        if (new_end < new_begin || new_end > static_cast<std::ptrdiff_t>(n1)) return std::nullopt;
        run.new_begin = static_cast<std::size_t>(new_begin);
        run.new_end = static_cast<std::size_t>(new_end);
        run.file = previous.file;
        shift += run.delta;
    }
    // A value changed inside an item that a run reads again is read with it.
    std::erase_if(edits, [&](const ValueEdit& e) {
        return std::any_of(runs.begin(), runs.end(),
                           [&](const Run& run) { return e.old_line >= run.old_begin && e.old_line < run.old_end; });
    });
    for (std::size_t r = 0, next = 0; r < runs.size(); r = next) {
        for (next = r + 1; next < runs.size() && runs[next].list == runs[r].list;) ++next;
        if (!read_runs(std::span<Run>(runs).subspan(r, next - r), lists[runs[r].list], previous.relative, new_lines))
            return std::nullopt;
    }

    // Everything outside the runs moves by the change in length of the runs before it; the
    // items of each run give way to its new ones.
    FileVersion next = previous;
    // The runs' ends, in order, and the change in length of the runs up to each: a line moves by
    // that of the runs that end at or before it (a search, not a pass over the runs, for each of
    // the thousands of positions).
    std::vector<std::size_t> ends;
    std::vector<std::ptrdiff_t> shifts{0};
    for (const Run& run : runs) {
        ends.push_back(run.old_end);
        shifts.push_back(shifts.back() + run.delta);
    }
    const auto moved = [&](std::size_t line) {  // a 0-based line of the previous text outside the runs
        const auto before = std::upper_bound(ends.begin(), ends.end(), line) - ends.begin();
        return static_cast<std::size_t>(static_cast<std::ptrdiff_t>(line) + shifts[static_cast<std::size_t>(before)]);
    };
    std::erase_if(next.roadmap.load_findings, [&](const Finding& f) {
        return std::any_of(runs.begin(), runs.end(),
                           [&](const Run& run) { return f.pos.line > run.old_begin && f.pos.line <= run.old_end; });
    });
    for_each_position(next.roadmap, [&](SourcePos& p) {
        if (p.valid()) p.line = static_cast<std::uint32_t>(moved(p.line - 1) + 1);
    });
    auto layout = std::make_shared<FileLayout>(*previous.layout);
    for (ItemList& l : layout->lists)
        for (Item& it : l.items) {
            const std::size_t begin = moved(it.begin);
            it.end = it.end - it.begin + begin;
            it.begin = begin;
        }
    for (auto run = runs.rbegin(); run != runs.rend(); ++run) {
        const ItemList& list = lists[run->list];
        const std::size_t count = run->last - run->first + 1;
        next.roadmap.load_findings.insert(next.roadmap.load_findings.end(), run->parsed.load_findings.begin(),
                                          run->parsed.load_findings.end());
        const bool any = !run->items.empty();
        if (list.kind == ItemList::roadmap_block) {
            if (!any) return std::nullopt;  // not reached: a block run keeps its key line
            next.roadmap.roadmap_blocks[list.owner] = std::move(run->parsed.roadmap_blocks.front());
        } else if (list.kind == ItemList::epics) {
            replace_range(next.roadmap.streams[list.owner].epics, run->first, count,
                          any ? std::move(run->parsed.streams[0].epics) : std::vector<Epic>{});
        } else {
            replace_range(next.roadmap.objectives[list.owner].key_results, run->first, count,
                          any ? std::move(run->parsed.objectives[0].key_results) : std::vector<KeyResult>{});
        }
        std::vector<Item>& mine = layout->lists[run->list].items;
        replace_range(mine, run->first, count, std::move(run->items));
        if (mine.empty()) layout->lists[run->list].splittable = false;  // nothing left to place new items by
    }
    for (const ValueEdit& e : edits)
        if (moved(e.old_line) != e.new_line) return std::nullopt;  // not reached: the runs around it moved it there
    if (!edits.empty() && !apply_value_edits(next.roadmap, edits)) return std::nullopt;
    next.layout = std::move(layout);
    next.spliced = true;
    next.values_read = 0;
    for (const ValueEdit& e : edits) next.values_read += e.after.pairs.size();
    runs_read = runs.size();
    return next;
}

}  // namespace

namespace {

// BOUSSOLE_HISTORY_STATS=1: how the versions read from a previous one were read, printed to
// stderr when the program ends (bench/README.md, "Splicing each hunk"). Counted always (a few
// relaxed atomic increments), printed only when asked.
struct VersionStats {
    std::atomic<std::size_t> spliced{0}, spliced_runs{0}, by_values{0}, whole{0}, whole_after_unclean{0};
    ~VersionStats() {
        const char* env = std::getenv("BOUSSOLE_HISTORY_STATS");
        if (!env || std::string_view(env) != "1") return;
        const std::size_t s = spliced.load(), w = whole.load(), total = s + w;
        fmt::print(stderr,
                   "boussole: {} file versions read from the previous one: {} spliced ({} of them in several "
                   "runs of items, {} by their values alone), {} read whole ({:.1f} %; {} of them after a version "
                   "that could not be spliced)\n",
                   total, s, spliced_runs.load(), by_values.load(), w,
                   total ? 100.0 * static_cast<double>(w) / static_cast<double>(total) : 0.0,
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
    std::size_t runs = 0;
    if (auto v = splice(previous, previous_text, next_text, runs)) {
        stats.spliced.fetch_add(1, std::memory_order_relaxed);
        if (runs > 1) stats.spliced_runs.fetch_add(1, std::memory_order_relaxed);
        if (runs == 0 && v->values_read > 0) stats.by_values.fetch_add(1, std::memory_order_relaxed);
        return std::move(*v);
    }
    stats.whole.fetch_add(1, std::memory_order_relaxed);
    if (!previous.layout) stats.whole_after_unclean.fetch_add(1, std::memory_order_relaxed);
    FileVersion v = read_file_version(previous.relative, next_text);
    place_file_version(v, previous.file);
    return v;
}

void place_file_version(FileVersion& version, std::uint32_t file) {
    if (version.file == file) return;
    place_positions(version.roadmap, 0, 0, file);
    version.file = file;
}

}  // namespace boussole
