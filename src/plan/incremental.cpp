// Successive versions of a roadmap file, parsed item by item when only items changed (see
// incremental.hpp for when that is exact).
#include "plan/incremental.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "boussole/loader.hpp"

namespace boussole::incremental {

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
    for (std::string_view line : lines)
        if (line.starts_with("---") || line.starts_with("...") || line.starts_with('%')) return false;
    return true;
}

bool clean(const Roadmap& r) {
    if (r.unparsable_files) return false;
    return std::none_of(r.load_findings.begin(), r.load_findings.end(),
                        [](const Finding& f) { return f.rule == "yaml-syntax"; });
}

Roadmap read(const std::string& relative, std::string text) {
    std::vector<FileText> files;
    files.push_back({relative, std::move(text)});
    return load_roadmap_from_texts("", files, LoadOptions{1});
}

// The list of items at `positions` (their first keys), or an unsplittable list.
ItemList list_at(const std::vector<std::string_view>& lines, const std::vector<SourcePos>& positions,
                 const std::vector<bool>& has_fact) {
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
        list.items.push_back({p.line - 1, 0, has_fact[k]});
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
template <class Item>
ItemList list_of(const std::vector<std::string_view>& lines, const std::vector<Item>& items, ItemList::Kind kind,
                 const Field<std::string>& owner_id, const Field<std::string>& owner_title) {
    std::vector<SourcePos> positions;
    std::vector<bool> ids;
    for (const Item& it : items) {
        positions.push_back(it.pos);
        ids.push_back(it.id.value.has_value());
    }
    ItemList list = list_at(lines, positions, ids);
    list.kind = kind;
    list.owner_id = owner_id.value_or("");
    list.owner_title = owner_title.value_or("");
    return list;
}

std::string quoted(const std::string& s) { return nlohmann::json(s).dump(); }

template <class T>
void replace_range(std::vector<T>& v, std::size_t at, std::size_t count, std::vector<T> with) {
    v.erase(v.begin() + static_cast<std::ptrdiff_t>(at), v.begin() + static_cast<std::ptrdiff_t>(at + count));
    v.insert(v.begin() + static_cast<std::ptrdiff_t>(at), std::make_move_iterator(with.begin()),
             std::make_move_iterator(with.end()));
}

}  // namespace

FileState parse_whole(const std::string& relative, std::string_view text) {
    FileState s;
    s.relative = relative;
    const Roadmap r = read(relative, std::string(text));
    s.facts = snapshot_of(r);
    s.clean = clean(r);
    if (!s.clean) return s;
    const std::vector<std::string_view> lines = split_lines(text);
    for (const Stream& st : r.streams) {
        ItemList list = list_of(lines, st.epics, ItemList::epics, st.id, st.title);
        list.stream_kind = st.kind.value_or(StreamKind::build);
        s.lists.push_back(std::move(list));
    }
    for (const Objective& o : r.objectives)
        s.lists.push_back(list_of(lines, o.key_results, ItemList::key_results, o.id, o.title));
    return s;
}

std::optional<FileState> splice(const FileState& previous, std::string_view previous_text, std::string_view next_text) {
    if (!previous.clean) return std::nullopt;
    const std::vector<std::string_view> new_lines = split_lines(next_text);
    if (!plain_layout(next_text, new_lines)) return std::nullopt;
    const std::vector<std::string_view> old_lines = split_lines(previous_text);
    const std::size_t n0 = old_lines.size(), n1 = new_lines.size(), shortest = std::min(n0, n1);
    std::size_t prefix = 0, suffix = 0;
    while (prefix < shortest && old_lines[prefix] == new_lines[prefix]) ++prefix;
    while (suffix < shortest - prefix && old_lines[n0 - 1 - suffix] == new_lines[n1 - 1 - suffix]) ++suffix;
    const std::size_t first = prefix, last = n0 - suffix;  // the changed lines of the previous text
    const auto delta = static_cast<std::ptrdiff_t>(n1) - static_cast<std::ptrdiff_t>(n0);

    // The list and its consecutive items k..m whose lines hold every changed line.
    for (std::size_t li = 0; li < previous.lists.size(); ++li) {
        const ItemList& list = previous.lists[li];
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
        std::string body;
        for (std::size_t i = begin; i < end; ++i) {
            const std::string_view line = new_lines[i];
            if (neutral(line)) {
                body += "      ";
                body += line.substr(std::min(indentation(line), d));
            } else {
                const std::size_t ind = indentation(line);
                if (ind < d || (ind == d && !dash_line(line, d))) return std::nullopt;
                if (ind == d) starts.push_back(i);
                body += "      ";
                body += line.substr(d);
            }
            body += '\n';
            if (i == begin && (starts.empty() || starts.front() != begin)) return std::nullopt;
        }

        // Those items, parsed alone in a list of the same owner.
        std::vector<Item> items;
        Snapshot parsed;
        if (!starts.empty()) {
            const std::string text =
                list.kind == ItemList::epics
                    ? "streams:\n  - id: " + quoted(list.owner_id) +
                          "\n    kind: " + std::string(to_string(list.stream_kind)) + "\n    epics:\n" + body
                    : "objectives:\n  - id: " + quoted(list.owner_id) + "\n    title: " + quoted(list.owner_title) +
                          "\n    key_results:\n" + body;
            const Roadmap r = read(previous.relative, text);
            if (!clean(r)) return std::nullopt;
            std::vector<bool> ids;
            if (list.kind == ItemList::epics) {
                if (r.streams.size() != 1 || r.streams[0].epics.size() != starts.size()) return std::nullopt;
                for (const Epic& e : r.streams[0].epics) ids.push_back(e.id.value.has_value());
            } else {
                if (r.objectives.size() != 1 || r.objectives[0].key_results.size() != starts.size())
                    return std::nullopt;
                for (const KeyResult& kr : r.objectives[0].key_results) ids.push_back(kr.id.value.has_value());
            }
            parsed = snapshot_of(r);
            for (std::size_t j = 0; j < starts.size(); ++j)
                items.push_back({starts[j], j + 1 < starts.size() ? starts[j + 1] : end, ids[j]});
        }

        // The facts of items k..m give way to the new ones.
        FileState next = previous;
        std::size_t at = 0, old_facts = 0, old_anonymous = 0, new_anonymous = 0;
        for (std::size_t lj = 0; lj < li; ++lj)
            if (previous.lists[lj].kind == list.kind)
                for (const Item& it : previous.lists[lj].items) at += it.has_fact ? 1 : 0;
        for (std::size_t j = 0; j < k; ++j) at += list.items[j].has_fact ? 1 : 0;
        for (std::size_t j = k; j <= m; ++j) (list.items[j].has_fact ? old_facts : old_anonymous) += 1;
        for (const Item& it : items) new_anonymous += it.has_fact ? 0 : 1;
        if (list.kind == ItemList::epics) {
            replace_range(next.facts.epics, at, old_facts, std::move(parsed.epics));
        } else {
            replace_range(next.facts.key_results, at, old_facts, std::move(parsed.key_results));
        }
        next.facts.anonymous = next.facts.anonymous - old_anonymous + new_anonymous;
        next.facts.index();

        // Every item after the changed lines moves by the difference in length.
        const std::size_t old_end = list.items[m].end;
        for (ItemList& l : next.lists)
            for (Item& it : l.items)
                if (it.begin >= old_end) {
                    it.begin = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(it.begin) + delta);
                    it.end = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(it.end) + delta);
                }
        std::vector<Item>& mine = next.lists[li].items;
        replace_range(mine, k, m - k + 1, std::move(items));
        if (mine.empty()) next.lists[li].splittable = false;  // nothing left to place new items by
        return next;
    }
    return std::nullopt;
}

FileState next_version(const FileState& previous, std::string_view previous_text, std::string_view next_text) {
    if (auto s = splice(previous, previous_text, next_text)) return std::move(*s);
    return parse_whole(previous.relative, next_text);
}

}  // namespace boussole::incremental
