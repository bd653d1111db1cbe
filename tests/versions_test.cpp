// Successive versions of a file read item by item give exactly what a whole reading gives.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <tuple>

#include <fmt/format.h>

#include "boussole/loader.hpp"
#include "same_roadmap.hpp"

using namespace boussole;

namespace {

using test::same_roadmap;

std::string base_text() {
    std::string t =
        "roadmap:\n  name: Edits\n  period: 2026-Q4\n  north_star: {title: NS, baseline: 1, target: 9, current: 4}\n"
        "  team: Ops\n"
        "objectives:\n  - id: o1\n    title: One\n    key_results:\n"
        "      - {id: kr-a, title: KR A, baseline: 10, target: 40, current: 20}\n"
        "      - id: kr-b\n        title: KR B\n        baseline: 0\n        target: 10\n        current: 5\n"
        "streams:\n";
    for (int s = 0; s < 3; ++s) {
        t += fmt::format("  - id: s{}\n    title: Stream {}\n    kind: {}\n    epics:\n", s, s,
                         s == 0 ? "run" : "build");
        for (int e = 0; e < 6; ++e) {
            const int n = s * 10 + e;
            if (e % 3 == 2) {
                t += fmt::format("      - {{id: e{}, title: Flow epic {}, owner: ana, status: planned}}\n", n, n);
            } else {
                t += fmt::format(
                    "      - id: e{}\n        title: Epic {}\n        owner: bo\n        status: in-progress\n"
                    "        due: 2026-11-{:02}\n        description: |\n          Line one\n          # not a "
                    "comment\n"
                    "        tasks:\n          - {{title: T1, status: done}}\n          - title: T2\n"
                    "            status: todo\n",
                    n, n, 1 + n % 28);
                if (e % 2 == 0) t += "      # a comment between epics\n\n";
            }
        }
    }
    return t;
}

std::vector<std::string> lines_of(const std::string& t) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t nl; (nl = t.find('\n', start)) != std::string::npos; start = nl + 1)
        out.push_back(t.substr(start, nl - start));
    out.push_back(t.substr(start));
    return out;
}

std::string join(const std::vector<std::string>& lines) {
    std::string t;
    for (std::size_t i = 0; i < lines.size(); ++i) t += lines[i] + (i + 1 < lines.size() ? "\n" : "");
    return t;
}

// `t` with each `from` (its first occurrence, which must be there) replaced by its `to`, in order.
std::string replaced(std::string t, const std::vector<std::pair<std::string, std::string>>& edits) {
    for (const auto& [from, to] : edits) {
        const std::size_t at = t.find(from);
        REQUIRE(at != std::string::npos);
        t.replace(at, from.size(), to);
    }
    return t;
}

// One random edit of the kind people make, or break.
std::string edit(const std::string& text, std::mt19937& rng) {
    std::vector<std::string> lines = lines_of(text);
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    std::vector<std::size_t> epic_starts;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i].starts_with("      - ") && !lines[i].starts_with("      - {title")) epic_starts.push_back(i);
    const std::size_t at = pick(lines.size());
    static const char* const values[] = {"status: done",
                                         "status: dropped",
                                         "due: 2026-12-24",
                                         "due: 2027-01-02",
                                         "owner: zed",
                                         "current: 33",
                                         "target: 35",
                                         "title: A: b # c",
                                         "title: 'q'",
                                         "title: R&D",
                                         "dropped_reason: no budget",
                                         "title: \"unclosed",
                                         "status: finie",
                                         "due: 2026-13-45",
                                         "title: null",
                                         "current: -5",
                                         "title: Epic (v2) for Bo Smith"};
    switch (pick(11)) {
        case 0:
        case 1: {  // change a value in place, keeping the indentation
            const std::size_t ind = lines[at].find_first_not_of(' ');
            if (ind == std::string::npos || lines[at].find(':') == std::string::npos) break;
            const bool dash = lines[at].compare(ind, 2, "- ") == 0;
            const std::size_t colon = lines[at].find(": ", ind);
            if (pick(2) == 0 && colon != std::string::npos && lines[at].find('{') == std::string::npos) {
                // The same key, another value (what most commits do).
                static const char* const same_key[] = {"done",     "planned", "2026-12-01", "finie", "zed",
                                                       "Epic (x)", "42",      "null",       "'q'",   "x #y",
                                                       "-7",       "a: b",    "2026-02-30"};
                lines[at] = lines[at].substr(0, colon + 2) + same_key[pick(std::size(same_key))];
                break;
            }
            lines[at] = lines[at].substr(0, dash ? ind + 2 : ind) + values[pick(std::size(values))];
            break;
        }
        case 2: {  // a new epic before another one
            if (epic_starts.empty()) break;
            const std::size_t i = epic_starts[pick(epic_starts.size())];
            const std::string id = fmt::format("new{}", pick(1000));
            lines.insert(lines.begin() + static_cast<long>(i),
                         {"      - id: " + id, "        title: New " + id, "        due: 2026-12-01"});
            break;
        }
        case 3: {  // delete an epic
            if (epic_starts.empty()) break;
            const std::size_t i = epic_starts[pick(epic_starts.size())];
            std::size_t end = i + 1;
            while (end < lines.size() && (lines[end].empty() || lines[end].starts_with("       "))) ++end;
            lines.erase(lines.begin() + static_cast<long>(i), lines.begin() + static_cast<long>(end));
            break;
        }
        case 4:  // a comment or a blank line anywhere
            lines.insert(lines.begin() + static_cast<long>(at), std::string(pick(9), ' ') + (pick(2) ? "# note" : ""));
            break;
        case 5:  // a key at a random indentation (may break the structure)
            lines.insert(lines.begin() + static_cast<long>(at), std::string(pick(11), ' ') + "priority: P1");
            break;
        case 6:  // a flow epic appended after the last line of an epic
            if (epic_starts.empty()) break;
            lines.insert(lines.begin() + static_cast<long>(epic_starts[pick(epic_starts.size())]),
                         "      - {id: f" + std::to_string(pick(100)) + ", title: Flow, status: blocked}");
            break;
        case 7:  // delete one line
            lines.erase(lines.begin() + static_cast<long>(at));
            break;
        case 8: {  // a stream's title (outside the items)
            for (std::string& l : lines)
                if (l.starts_with("    title: Stream")) {
                    l += "!";
                    break;
                }
            break;
        }
        case 9: {  // a value between braces changed, or broken
            const std::size_t open = lines[at].find('{'), close = lines[at].rfind('}');
            if (open == std::string::npos || close == std::string::npos || close < open) break;
            std::vector<std::size_t> colons;
            for (std::size_t c = lines[at].find(": ", open); c != std::string::npos && c < close;
                 c = lines[at].find(": ", c + 1))
                colons.push_back(c + 2);
            if (colons.empty()) break;
            const std::size_t from = colons[pick(colons.size())];
            std::size_t to = lines[at].find(", ", from);
            if (to == std::string::npos || to > close) to = close;
            static const char* const in_braces[] = {"done",     "todo", "2026-12-01", "finie", "zed",
                                                    "Epic (x)", "42",   "a, b",       "null",  "'q'",
                                                    "x #y",     "",     "[1]",        "-7",    "2026-02-30"};
            lines[at].replace(from, to - from, in_braces[pick(std::size(in_braces))]);
            break;
        }
        default:  // an anchor and an alias (whole parse only)
            if (pick(4) == 0) lines.insert(lines.begin() + static_cast<long>(at), "x-a: &a {owner: ana}");
            break;
    }
    return join(lines);
}

// The items of the file's lists (epics and key results, their dashes at column 6) as [begin,
// end) lines, grouped by list: an item runs to the next line at or left of its dash that is
// neither blank nor a comment.
std::vector<std::vector<std::pair<std::size_t, std::size_t>>> lists_of(const std::vector<std::string>& lines) {
    const auto indent = [](const std::string& l) { return l.find_first_not_of(' '); };
    const auto neutral = [&](const std::string& l) { return indent(l) == std::string::npos || l[indent(l)] == '#'; };
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> lists;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!lines[i].starts_with("      - ")) continue;
        std::size_t end = i + 1;
        while (end < lines.size() && (neutral(lines[end]) || indent(lines[end]) > 6)) ++end;
        if (lists.empty() || lists.back().back().second != i) lists.emplace_back();
        lists.back().emplace_back(i, end);
        i = end - 1;
    }
    return lists;
}

// Two to five edits far apart, as a day of work brings: each in another list where it can (the
// epics of another stream, the key results), or all in one list when `crowded` (its changed
// items are then parsed together), on the list's first, last or some item: a value changed, a
// key added at the item's end, an item added before it, or the item deleted.
std::string edits_far_apart(const std::string& text, std::mt19937& rng, bool crowded = false) {
    std::vector<std::string> lines = lines_of(text);
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    auto lists = lists_of(lines);
    if (lists.empty()) return edit(text, rng);
    std::shuffle(lists.begin(), lists.end(), rng);
    std::vector<std::pair<std::size_t, std::size_t>> chosen;  // items, at most one per list but for the fifth
    const std::size_t count = 2 + pick(4);
    for (std::size_t e = 0; e < count; ++e) {
        const auto& list = lists[crowded ? 0 : e % lists.size()];
        const std::size_t which = pick(3);
        const auto item = which == 0 ? list.front() : which == 1 ? list.back() : list[pick(list.size())];
        if (std::find(chosen.begin(), chosen.end(), item) == chosen.end()) chosen.push_back(item);
    }
    std::sort(chosen.rbegin(), chosen.rend());  // bottom up, so that lines above keep their numbers
    static const char* const values[] = {"status: done", "due: 2027-01-02", "owner: zed",
                                         "current: 33",  "title: A: b # c", "title: Q4 plan"};
    for (const auto& [begin, end] : chosen) {
        const bool key_results = lines[begin].find("kr-") != std::string::npos;
        switch (pick(6)) {
            case 0:
            case 1: {  // a value changed: a line of the item's own keys
                const std::size_t at = begin + pick(end - begin);
                const std::size_t ind = lines[at].find_first_not_of(' ');
                if (ind == std::string::npos || lines[at].find(':') == std::string::npos || lines[at][ind] == '#')
                    break;
                const bool dash = lines[at].compare(ind, 2, "- ") == 0;
                if (dash && lines[at][ind + 2] == '{') break;  // a flow item: left as it is
                lines[at] = lines[at].substr(0, dash ? ind + 2 : ind) + values[pick(std::size(values))];
                break;
            }
            case 2: {                                                    // a key added after the item's last line
                if (lines[begin].find('{') != std::string::npos) break;  // not after a flow item: it would break
                std::size_t last = end;
                while (last > begin + 1 && lines[last - 1].find_first_not_of(' ') == std::string::npos) --last;
                lines.insert(lines.begin() + static_cast<long>(last), "        x-note: added");
                break;
            }
            case 3: {  // an item added before it
                const std::string id = fmt::format("{}{}", key_results ? "kr-new" : "new", pick(1000));
                std::vector<std::string> item = {"      - id: " + id, "        title: New " + id};
                item.push_back(key_results ? "        target: 5" : "        due: 2026-12-01");
                lines.insert(lines.begin() + static_cast<long>(begin), item.begin(), item.end());
                break;
            }
            case 4:  // the item deleted
                lines.erase(lines.begin() + static_cast<long>(begin), lines.begin() + static_cast<long>(end));
                break;
            default: {  // a value left empty at the item's end: YAML places it at the next token
                if (lines[begin].find('{') != std::string::npos) break;
                std::size_t last = end;
                while (last > begin + 1 && lines[last - 1].find_first_not_of(' ') == std::string::npos) --last;
                static const char* const empty_tails[] = {"        depends_on:\n          -",
                                                          "        x-empty:", "        contributors:\n          -"};
                const std::vector<std::string> tail = lines_of(empty_tails[pick(std::size(empty_tails))]);
                lines.insert(lines.begin() + static_cast<long>(last), tail.begin(), tail.end());
                break;
            }
        }
    }
    return join(lines);
}

}  // namespace

TEST_SUITE("loader") {
    TEST_CASE("item-by-item reading equals whole reading over thousands of random edits") {
        std::mt19937 rng(20261123);
        std::size_t spliced = 0, steps = 0, far = 0, far_spliced = 0, crowded = 0, crowded_spliced = 0, by_values = 0;
        for (int run = 0; run < 40; ++run) {
            std::string text = base_text();
            if (run % 5 == 4) {  // a CRLF file
                std::string crlf;
                for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
                text = crlf;
            }
            FileVersion state = read_file_version("streams.yaml", text);
            // Placed as the history places it in its state's files: the versions read from it
            // name the same file, spliced or read whole.
            const auto file = static_cast<std::uint32_t>(run % 3);
            place_file_version(state, file);
            for (int i = 0; i < 60; ++i, ++steps) {
                // A broken or aliased text is soon mended, as in a real history.
                const bool mend = (!state.layout || text.find('&') != std::string::npos) && rng() % 3 == 0;
                // Half the versions bring several edits far apart (the last state of a day).
                const bool several = !mend && rng() % 2 == 0;
                // A third of those in one list: several runs of items read in one parse.
                const bool in_one_list = several && rng() % 3 == 0;
                const std::string next = mend      ? base_text()
                                         : several ? edits_far_apart(text, rng, in_one_list)
                                                   : edit(text, rng);
                const bool from_clean = state.layout != nullptr;
                state = read_next_file_version(state, text, next);
                spliced += state.spliced ? 1 : 0;
                by_values += state.values_read > 0 ? 1 : 0;
                far += several && from_clean ? 1 : 0;
                far_spliced += several && state.spliced ? 1 : 0;
                crowded += in_one_list && from_clean ? 1 : 0;
                crowded_spliced += in_one_list && state.spliced ? 1 : 0;
                FileVersion whole = read_file_version("streams.yaml", next);
                place_file_version(whole, file);
                INFO("run ", run, " step ", i, "\n--- before:\n", text, "\n--- after:\n", next);
                REQUIRE(state.file == file);
                REQUIRE(same_roadmap(state.roadmap, whole.roadmap));
                text = next;
            }
        }
        MESSAGE(spliced, " of ", steps, " versions read item by item; ", far_spliced, " of the ", far,
                " with several edits far apart after a version that could be spliced (", crowded_spliced, " of the ",
                crowded, " with them all in one list); ", by_values, " with values read again without a parse");
        CHECK(spliced > steps / 3);            // the fast path is taken, not only the fallback
        CHECK(by_values > steps / 60);         // values rewritten in place are read so (53 here)
        CHECK(far_spliced > far / 2);          // and several hunks are spliced, each where it lies
        CHECK(crowded_spliced > crowded / 2);  // several runs of one list too, in one parse
    }

    TEST_CASE("items at the end of a file without a final line break are placed as a whole reading places them") {
        // A value left empty on the file's last line is placed on that line; the items parsed
        // alone had a line break after it and placed it on the next (tests/fuzz found it).
        const std::string text = base_text();
        const FileVersion state = read_file_version("s.yaml", text);
        const std::string last = "      - {id: e25, title: Flow epic 25, owner: ana, status: planned}\n";
        REQUIRE(text.ends_with(last));
        const std::string next = text.substr(0, text.size() - last.size()) +
                                 "      - id: e25\n        title: Flow epic 25\n        tasks:\n          -";
        const FileVersion v = read_next_file_version(state, text, next);
        CHECK(same_roadmap(v.roadmap, read_file_version("s.yaml", next).roadmap));
    }

    TEST_CASE("the end of the file, where YAML places what is left empty there, in lists at any column") {
        // Found by a review of the reading by values: an empty item at the file's end is placed
        // at the end of its last line, or at column 1 of it once the blocks close, and no move
        // of the items' columns keeps column 1 (dashes at column 2, as PyYAML writes, or 8).
        const std::vector<std::pair<std::string, std::string>> cases = {
            {"streams:\n- id: s\n  epics:\n  - id: e1\n  - id: e2\n    depends_on:\n      -\n      # c",
             "streams:\n- id: s\n  epics:\n  - id: e1\n  - id: e2\n    title: Two\n    depends_on:\n      -\n      # "
             "c"},
            {"streams:\n    - id: s\n      epics:\n        - id: e1\n        - id: e2\n          depends_on:\n         "
             "   -\n",
             "streams:\n    - id: s\n      epics:\n        - id: e1\n        - id: e2\n          depends_on:\n         "
             "   -\n"
             "            # c"},
            {"streams:\n- id: s\n  epics:\n  - id: e1\n  - id: e2\n    contributors:\n    -\n",
             "streams:\n- id: s\n  epics:\n  - id: e1\n  - id: e2\n    title: Two\n    contributors:\n    -"},
            // A value cleared on the file's last line, with no line break after it.
            {"streams:\n  - id: s\n    title: S\n    epics:\n      - id: e\n        title: x\n        owner: bo",
             "streams:\n  - id: s\n    title: S\n    epics:\n      - id: e\n        title: x\n        owner: "},
            // yaml-cpp closes blocks at a comment's column: a key left open before a comment at
            // column 0 is an error in the file, and must be one in the items read alone.
            {"streams:\n  - id: s\n    epics:\n      - id: e6\n        update: \"quoted\n          owner: sam\n"
             "          end\"\n# end",
             "streams:\n  - id: s\n    epics:\n      - id: e6\n        update: \n          owner: sam\n"
             "          end\"\n# end"},
        };
        for (const auto& [before, after] : cases) {
            INFO("--- before:\n", before, "\n--- after:\n", after);
            const FileVersion state = read_file_version("s.yaml", before);
            // The texts as views of their exact bytes, as the fuzz target passes them: nothing is
            // read past a line's end.
            const std::vector<char> a(before.begin(), before.end()), b(after.begin(), after.end());
            const FileVersion v = read_next_file_version(state, std::string_view(a.data(), a.size()),
                                                         std::string_view(b.data(), b.size()));
            CHECK(same_roadmap(v.roadmap, read_file_version("s.yaml", after).roadmap));
        }
    }

    TEST_CASE("values rewritten on their lines are read again without a parse, as a whole reading reads them") {
        const std::string text = base_text();
        const FileVersion state = read_file_version("s.yaml", text);
        REQUIRE(state.layout);
        const auto with = replaced;
        // How many values the version read again without a parse (0: it was read another way),
        // after checking it against a whole reading.
        auto values = [&](const FileVersion& from, const std::string& from_text, const std::string& next) {
            const FileVersion v = read_next_file_version(from, from_text, next);
            INFO("--- before:\n", from_text, "\n--- after:\n", next);
            CHECK(same_roadmap(v.roadmap, read_file_version("s.yaml", next).roadmap));
            CHECK(v.spliced);
            return v.values_read;
        };
        // An epic's status, due date and owner; a stream's title; the team; each on its line.
        CHECK(values(state, text, with(text, {{"status: in-progress\n", "status: done\n"}})) == 1);
        CHECK(values(state, text, with(text, {{"due: 2026-11-02\n", "due: 2026-11-20\n"}})) == 1);
        CHECK(values(state, text, with(text, {{"title: Stream 1\n", "title: Stream one\n"}})) == 1);
        CHECK(values(state, text, with(text, {{"  team: Ops\n", "  team: Sales Ops (EMEA)\n"}})) == 1);
        // Between braces: every value of the line is read again, their columns moved.
        CHECK(values(state, text,
                     with(text, {{"title: Flow epic 2, owner: ana, status: planned}",
                                  "title: Flow epic two, owner: ana, status: done}"}})) == 4);
        CHECK(values(state, text, with(text, {{"{title: T1, status: done}", "{title: T1, status: todo}"}})) == 2);
        CHECK(values(state, text, with(text, {{"current: 20}", "current: 22}"}})) == 5);  // a key result
        CHECK(values(state, text, with(text, {{"current: 4}", "current: 5}"}})) == 4);    // the North Star
        // A value the format rejects, or reads with a finding, is reported where a whole reading
        // reports it; and read again when mended.
        const std::string bad =
            with(text, {{"status: in-progress\n", "status: finie\n"}, {"due: 2026-11-02\n", "due: 2026-13-45\n"}});
        CHECK(values(state, text, bad) == 2);
        const FileVersion bad_state = read_next_file_version(state, text, bad);
        CHECK(bad_state.roadmap.load_findings.size() == state.roadmap.load_findings.size() + 2);
        CHECK(values(bad_state, bad, with(bad, {{"status: finie\n", "status: Done\n"}})) == 1);
        CHECK(values(bad_state, bad, text) == 2);
        // In a CRLF file too.
        std::string crlf;
        for (const char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
        const FileVersion crlf_state = read_file_version("s.yaml", crlf);
        REQUIRE(crlf_state.layout);
        CHECK(values(crlf_state, crlf,
                     with(crlf, {{"status: in-progress\r\n", "status: done\r\n"},
                                 {"{title: T1, status: done}\r\n", "{title: T1, status: todo}\r\n"}})) == 3);
        // Values and items together: each read its own way.
        CHECK(values(state, text,
                     with(text, {{"status: in-progress\n", "status: blocked\n"},
                                 {"title: Epic 21\n", "title: Epic 21\n        x-note: added\n"}})) == 1);
        // A value after items that grew or shrank: its line moved, and its findings with it.
        CHECK(values(state, text,
                     with(text, {{"title: Epic 1\n", "title: Epic 1\n        x-note: added\n        x-more: 2\n"},
                                 {"due: 2026-11-22\n", "due: 2026-02-30\n"}})) == 1);
        CHECK(values(state, text,
                     with(text, {{"      # a comment between epics\n\n", ""},
                                 {"due: 2026-11-22\n", "due: 2026-12-01\n"}})) == 1);
        // Read another way: quotes, a comment, null, another key, text that is not ASCII.
        for (const char* to : {"status: \"done\"\n", "status: done # soon\n", "status: null\n", "stat: done\n",
                               "status: done, really\n", "status: Épopée\n", "status:  done\n"})
            CHECK(values(state, text, with(text, {{"status: in-progress\n", to}})) == 0);
        // A value that goes on over the next line.
        const std::string long_title = with(text, {{"title: Epic 11\n", "title: Epic 11\n          and more\n"}});
        const FileVersion long_state = read_file_version("s.yaml", long_title);
        REQUIRE(long_state.layout);
        CHECK(values(long_state, long_title, with(long_title, {{"title: Epic 11\n", "title: Epic eleven\n"}})) == 0);
        // A line of a block scalar that reads like a key: no value of the model is there.
        const std::string block = with(text, {{"          Line one\n", "          status: done\n"}});
        const FileVersion block_state = read_file_version("s.yaml", block);
        REQUIRE(block_state.layout);
        const FileVersion v =
            read_next_file_version(block_state, block, with(block, {{"status: done\n", "status: todo\n"}}));
        CHECK(v.values_read == 0);
        CHECK(v.spliced);  // its item is parsed again, as before there was a reading by values
        CHECK(same_roadmap(v.roadmap,
                           read_file_version("s.yaml", with(block, {{"status: done\n", "status: todo\n"}})).roadmap));
    }

    TEST_CASE("what is never read item by item") {
        const std::string text = base_text();
        const FileVersion state = read_file_version("s.yaml", text);
        REQUIRE(state.layout);
        auto with = [&](const std::string& from, const std::string& to) {
            std::string t = text;
            t.replace(t.find(from), from.size(), to);
            return t;
        };
        auto spliced = [&](const FileVersion& from, const std::string& from_text, const std::string& next) {
            const FileVersion v = read_next_file_version(from, from_text, next);
            CHECK(same_roadmap(v.roadmap, read_file_version("s.yaml", next).roadmap));
            return v.spliced;
        };
        // An edit inside one epic is, and the epics after it move with the change in length.
        CHECK(spliced(state, text, with("title: Epic 11\n", "title: Epic eleven\n")));
        CHECK(spliced(state, text, with("title: Epic 11\n", "title: Epic eleven\n        start: 2026-10-01\n")));
        // The `roadmap:` block is read again alone (a North Star check-in is a weekly edit), with
        // the epics after it moved; with an epic's edit too, each is read where it lies.
        CHECK(spliced(state, text, with("current: 4}\n", "current: 5}\n")));
        CHECK(spliced(state, text, with("  team: Ops\n", "  team: Ops\n  # a note\n  start: 2026-10-01\n")));
        std::string both = with("  team: Ops\n", "  team: Sales Ops\n");
        both.replace(both.find("title: Epic 11\n"), 15, "title: Epic eleven\n");
        CHECK(spliced(state, text, both));
        // But not when a key at column 0 comes into it, or it gets a key twice.
        CHECK_FALSE(spliced(state, text, with("  team: Ops\n", "  team: Ops\npeople: []\n")));
        CHECK_FALSE(spliced(state, text, with("  team: Ops\n", "  team: Ops\n  name: again\n")));
        // Anchors, aliases, tabs, document markers, a stream's own keys and a broken quote are not.
        CHECK_FALSE(spliced(state, text, with("title: Epic 11\n", "title: Epic &x 11\n")));
        CHECK_FALSE(spliced(state, text, with("owner: bo\n", "owner: *x\n")));
        CHECK_FALSE(spliced(state, text, with("title: Epic 11\n", "title: [&x a]\n")));
        // An '&' or '*' inside a word cannot start one: such titles are read item by item.
        CHECK(spliced(state, text, with("title: Epic 11\n", "title: R&D and S&OP, 2*3\n")));
        CHECK_FALSE(spliced(state, text, with("owner: bo\n", "owner:\tbo\n")));
        // Nor is a line break that is not a line of the text: a CR alone inside a quoted title
        // (YAML reads it as a line break, so the lines after it are numbered one further; tests/fuzz
        // found it), or a NEL or line separator; a CRLF is.
        for (const char* brk : {"\r", "\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9"})
            CHECK_FALSE(
                spliced(state, text, with("title: Epic 11\n", fmt::format("title: \"Epic{}{}11\"\n", brk, brk))));
        CHECK(spliced(state, text, with("title: Epic 11\n", "title: Epic 11\r\n")));
        // A last line left open (a key without its colon) reads as a key when the items end the
        // text, but swallows the next item's dash in the file (tests/fuzz found it).
        const std::string open_key = with("      - {id: e12, title: Flow epic 12, owner: ana, status: planned}\n",
                                          "      - id: e12\n        s   ]\n\n");
        CHECK_FALSE(spliced(state, text, open_key));
        CHECK(same_roadmap(read_next_file_version(state, text, open_key).roadmap,
                           read_file_version("s.yaml", open_key).roadmap));
        CHECK_FALSE(spliced(state, text, "---\n" + text));
        CHECK_FALSE(spliced(state, text, with("title: Stream 1\n", "title: Stream 1\n    owner: ana\n")));
        CHECK_FALSE(spliced(state, text, with("title: Epic 11\n", "title: \"Epic 11\n")));
        // Nor is a duplicate key (its message names the line of the first one).
        CHECK_FALSE(spliced(state, text, with("title: Epic 11\n", "title: Epic 11\n        title: again\n")));
        // Nor is anything after a version that did not parse cleanly.
        const FileVersion broken = read_file_version("s.yaml", "streams: [\n");
        CHECK_FALSE(broken.layout);
        CHECK_FALSE(spliced(broken, "streams: [\n", text));
    }

    TEST_CASE("each changed hunk is read where it lies, however far apart") {
        const std::string text = base_text();
        const FileVersion state = read_file_version("s.yaml", text);
        REQUIRE(state.layout);
        const auto with = replaced;
        auto spliced = [&](const FileVersion& from, const std::string& from_text, const std::string& next) {
            FileVersion v = read_next_file_version(from, from_text, next);
            CHECK(same_roadmap(v.roadmap, read_file_version("s.yaml", next).roadmap));
            return v;
        };
        const std::string e21 = "      - id: e21\n        title: Epic 21\n        owner: bo\n";
        // Two hunks in different lists: an epic of the first stream and one of the last.
        const std::string two_streams =
            with(text, {{"title: Epic 1\n", "title: Epic one\n"},
                        {"title: Epic 21\n", "title: Epic 21\n        start: 2026-10-05\n"}});
        CHECK(spliced(state, text, two_streams).spliced);
        // The file's first item (a key result at the top) and its last line (an epic at the
        // bottom, without a final line break), with an epic of the middle stream.
        const std::string ends = with(text, {{"current: 20}", "current: 25}"},
                                             {"title: Epic 13\n", "title: Epic thirteen\n"},
                                             {"{id: e25, title: Flow epic 25, owner: ana, status: planned}\n",
                                              "{id: e25, title: Flow epic 25, owner: ana, status: done}"}});
        CHECK(spliced(state, text, ends).spliced);
        // Hunks in adjacent items, each read with its own items.
        CHECK(spliced(state, text,
                      with(text, {{"title: Epic 10\n", "title: Epic ten\n"},
                                  {"{id: e12, title: Flow epic 12,", "{id: e12, title: Flow twelve,"}}))
                  .spliced);
        // A hunk that adds an item and one that removes an item, in different streams, and a key
        // result added: the items after each move by the lines before them.
        const std::string added_removed =
            with(text,
                 {{"      - {id: kr-a", "      - id: kr-new\n        title: New\n        target: 3\n      - {id: kr-a"},
                  {"      - id: e4\n", "      - id: e-new\n        title: New\n      - id: e4\n"},
                  {e21, "      - id: e21-gone\n"}});
        const FileVersion after = spliced(state, text, added_removed);
        CHECK(after.spliced);
        // What was spliced is a base for the next version: edit the moved items again.
        const std::string again = with(added_removed, {{"title: Epic 24\n", "title: Epic 24 again\n"},
                                                       {"title: Epic 0\n", "title: Epic zero\n        x-more: 1\n"}});
        CHECK(spliced(after, added_removed, again).spliced);
        // A key added at the end of an item starts no item: it is read with the item before.
        CHECK(spliced(state, text,
                      with(text, {{"      - id: e11\n", "        x-note: added\n      - id: e11\n"},
                                  {"title: Epic 1\n", "title: Epic one\n"}}))
                  .spliced);
        // One hunk outside every list (a key added to a stream) makes the whole version read whole.
        CHECK_FALSE(spliced(state, text,
                            with(text, {{"title: Epic 1\n", "title: Epic one\n"},
                                        {"title: Stream 2\n", "title: Stream 2\n    owner: ana\n"}}))
                        .spliced);
        // So does one hunk that cannot be read alone, wherever the others are.
        CHECK_FALSE(
            spliced(state, text,
                    with(text, {{"title: Epic 1\n", "title: Epic one\n"}, {"title: Epic 21\n", "title: \"Epic 21\n"}}))
                .spliced);
        // Twelve runs in the three streams of a file of 191 lines: each stream's runs are parsed
        // together, once (one parse for each run would cost more than the file read whole).
        // (A key added to each, so that they are not values rewritten in place.)
        std::string many = text;
        for (std::size_t at = 0; (at = many.find("        owner: bo\n", at)) != std::string::npos; ++at)
            many.replace(at, 18, "        owner: bo\n        x-seen: 1\n");
        CHECK(spliced(state, text, many).spliced);
        // Every item changed, in five lists (the North Star's block, the key results, the three
        // streams): their lines and five parses cost more than the file read whole.
        std::string every =
            with(many, {{"current: 4}", "current: 6, x-seen: 1}"}, {"current: 20}", "current: 22, x-seen: 1}"}});
        for (std::size_t at = 0; (at = every.find("owner: ana", at)) != std::string::npos; ++at)
            every.replace(at, 10, "owner: ann, x-seen: 1");
        CHECK_FALSE(spliced(state, text, every).spliced);
        // In one parse, each run is followed by the next one's first item, where the file has an
        // unchanged item: a last line left open (a key without its colon) swallows that dash
        // either way, and the version is read whole. Here e12's run is followed by e14's.
        const std::string open_then_more =
            with(text, {{"      - {id: e12, title: Flow epic 12, owner: ana, status: planned}\n",
                         "      - id: e12\n        s   ]\n\n"},
                        {"title: Epic 14\n", "title: Epic fourteen\n"}});
        CHECK_FALSE(spliced(state, text, open_then_more).spliced);
        // Findings about one value each, in runs of one list read together, stay on their lines.
        const std::string two_findings =
            with(text, {{"title: Epic 10\n        owner: bo\n        status: in-progress\n",
                         "title: Epic 10\n        owner: bo\n        status: finished\n"},
                        {"title: Epic 14\n", "title: Epic 14\n        priority: P9\n"},
                        {"title: Epic 20\n", "title: [Epic, 20]\n"}});
        const FileVersion with_findings = spliced(state, text, two_findings);
        CHECK(with_findings.spliced);
        CHECK(with_findings.roadmap.load_findings.size() >= 3);
        std::string big = "roadmap:\n  name: Big\n  period: 2026-Q4\nstreams:\n";
        for (int s = 0; s < 2; ++s) {
            big += fmt::format("  - id: s{}\n    title: S{}\n    kind: build\n    epics:\n", s, s);
            for (int e = 0; e < 150; ++e) big += fmt::format("      - id: e{}-{}\n        title: T\n", s, e);
        }
        const FileVersion big_state = read_file_version("s.yaml", big);
        REQUIRE(big_state.layout);
        // In a file of 600 lines, twelve runs are read alone.
        std::string twelve = big;
        for (int e = 0; e < 300; e += 25)
            twelve = with(twelve, {{fmt::format("id: e{}-{}\n        title: T\n", e / 150, e % 150),
                                    fmt::format("id: e{}-{}\n        title: V\n", e / 150, e % 150)}});
        CHECK(spliced(big_state, big, twelve).spliced);
        // 43 runs in the two streams of that file: each stream's runs are parsed together, once,
        // which costs their 86 lines and two overheads (one parse for each run would cost more
        // than the file read whole).
        std::string spread = big;
        for (int e = 0; e < 300; e += 7)
            spread = with(spread, {{fmt::format("id: e{}-{}\n        title: T\n", e / 150, e % 150),
                                    fmt::format("id: e{}-{}\n        title: W\n", e / 150, e % 150)}});
        CHECK(spliced(big_state, big, spread).spliced);
        // More changed lines than the diff looks for: one range, across the lists, read whole.
        std::string big_next = big;
        for (std::size_t at = 0; (at = big_next.find("title: T\n", at)) != std::string::npos; ++at)
            big_next.replace(at, 9, "title: U\n");
        CHECK_FALSE(spliced(big_state, big, big_next).spliced);  // 600 changed lines
        // A version equal to the previous one is the previous one.
        CHECK(spliced(state, text, text).spliced);
    }

    TEST_CASE("a value left empty at an item's end is reported where a whole reading reports it") {
        // YAML places an empty value at the next token: the dash of the item after it, or a line
        // further left. A finding about it lies on another item's line, outside the item it is
        // about (found by review).
        const std::string head = "streams:\n  - id: s\n    title: S\n    kind: build\n    epics:\n";
        const std::string tail = "  - id: t\n    title: T\n    kind: build\n";
        const std::string e0 = "      - id: e0\n        tasks:\n          - title: Task\n";
        const std::string e0_empty = "      - id: e0\n        tasks:\n          -\n";
        const std::string e1 = "      - id: e1\n", e2 = "      - id: e2\n        title: E2\n";
        const std::string e2_edited = "      - id: e2\n        title: E two\n";
        auto same_as_whole = [](const std::string& before, const std::string& after) {
            const FileVersion v = read_next_file_version(read_file_version("s.yaml", before), before, after);
            const FileVersion w = read_file_version("s.yaml", after);
            REQUIRE(!w.roadmap.load_findings.empty());
            CHECK(same_roadmap(v.roadmap, w.roadmap));
        };
        // Two runs of one list read in one parse: the first's empty value is not placed at the
        // second's dash.
        same_as_whole(head + e0 + e1 + e2, head + e0_empty + e1 + e2_edited);
        // The last run of a list followed by a line further left (the next stream).
        same_as_whole(head + e1 + e0 + tail, head + e1 + e0_empty + tail);
        // Already empty before: the finding on the next item's dash is not reported twice when
        // the item is read again, nor kept when the value is given.
        const std::string e0_empty_titled = "      - id: e0\n        title: Zero\n        tasks:\n          -\n";
        same_as_whole(head + e0_empty + e1 + e2, head + e0_empty_titled + e1 + e2);
        same_as_whole(head + e0_empty + e1 + e2,
                      head + e0 + e1 + e2_edited + "      - id: e3\n        tasks:\n          -\n");
        // Nor lost when only the item after it changes (its finding lies on that item's dash).
        same_as_whole(head + e0_empty + e1 + e2, head + e0_empty + "      - id: e1\n        title: One\n" + e2);
    }

    TEST_CASE("files read on their own merge as load_roadmap reads them") {
        const std::string a = "roadmap: {name: A, period: 2026-Q4}\npeople:\n  - {id: ana, name: Ana}\n";
        const std::string b =
            "streams:\n  - id: s\n    title: S\n    ownr: ana\n    epics:\n      - {id: e, owner: ana}\n";
        FileVersion va = read_file_version("a.yaml", a), vb = read_file_version("sub/b.yaml", b);
        const Roadmap merged = merge_file_versions("road", {&va, &vb});
        const Roadmap loaded = load_roadmap_from_texts("road", {{"a.yaml", a}, {"sub/b.yaml", b}});
        CHECK(same_roadmap(merged, loaded));
        // Placed where they are merged, or anywhere else: the same roadmap.
        place_file_version(vb, 1);
        CHECK(vb.roadmap.streams[0].pos.file == 1);
        CHECK(same_roadmap(merge_file_versions("road", {&va, &vb}), loaded));
        place_file_version(va, 5);
        CHECK(same_roadmap(merge_file_versions("road", {&va, &vb}), loaded));
        REQUIRE(merged.files.size() == 2);
        CHECK(merged.files[1].display_path == "road/sub/b.yaml");
        REQUIRE(merged.streams.size() == 1);
        CHECK(merged.streams[0].pos.file == 1);
        REQUIRE_FALSE(merged.load_findings.empty());
        CHECK(merged.load_findings[0].pos.file == 1);
        CHECK(merged.load_findings[0].pos.line == 4);
    }
}
