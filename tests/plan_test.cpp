// The plan as facts and the semantic changes between two states (no git involved).
#include <doctest/doctest.h>

#include <random>

#include <fmt/format.h>

#include "boussole/loader.hpp"
#include "boussole/plan.hpp"
#include "boussole/recap.hpp"
#include "plan/incremental.hpp"

using namespace boussole;

namespace {

Snapshot facts(const std::string& yaml) { return snapshot_of(load_roadmap_from_string(yaml)); }

const char* const before = R"(roadmap:
  name: Plan
  period: 2026-Q4
  north_star: {title: Revenue, baseline: 100, target: 200, current: 120}
objectives:
  - id: o1
    title: One
    key_results:
      - {id: kr-a, title: KR A, baseline: 10, target: 40, current: 20}
      - {id: kr-gone, title: Gone, baseline: 0, target: 1}
streams:
  - id: sales
    title: Sales
    epics:
      - {id: e1, title: One, owner: ana, status: planned, due: 2026-10-31}
      - {id: e2, title: Two, owner: ana, due: 2026-11-15}
      - {id: e3, title: Three, owner: bo}
      - {title: No id}
  - id: old
    title: Old stream
)";

const char* const after = R"(roadmap:
  name: Plan
  period: 2026-Q4
  north_star: {title: Revenue, baseline: 100, target: 180, current: 130}
objectives:
  - id: o1
    title: One
    key_results:
      - {id: kr-a, title: KR A, baseline: 10, target: 35, current: 25}
      - {id: kr-new, title: New, baseline: 0, target: 1}
streams:
  - id: sales
    title: Sales
    epics:
      - {id: e1, title: One, owner: bo, status: in-progress, due: 2026-11-14}
      - {id: e4, title: Four, owner: ana}
      - {id: e1, title: Duplicate of one, owner: zed}
  - id: data
    title: Data
    epics:
      - {id: e3, title: Three, owner: bo}
)";

std::string kinds(const std::vector<Change>& changes) {
    std::string out;
    for (const Change& c : changes) out += std::string(to_string(c.kind)) + ":" + c.subject + " ";
    return out;
}

}  // namespace

TEST_SUITE("plan") {
    TEST_CASE("facts follow ids; the first of a duplicate id counts; anonymous entities are counted") {
        const Snapshot a = facts(after);
        REQUIRE(a.epic("e1"));
        CHECK(a.epic("e1")->owner == "bo");
        CHECK(a.epic("e3")->stream == "data");
        CHECK(a.epic("nope") == nullptr);
        CHECK(a.period->label == "2026-Q4");
        CHECK(facts(before).anonymous == 1);
        CHECK(a.key_result("kr-a")->score() == doctest::Approx(15.0 / 25.0));
    }

    TEST_CASE("compare lists every kind of change in a stable order") {
        const std::vector<Change> c = compare(facts(before), facts(after));
        CHECK(kinds(c) ==
              "stream-added:data stream-removed:old "
              "status-changed:e1 owner-changed:e1 due-changed:e1 epic-added:e4 epic-moved:e3 epic-removed:e2 "
              "target-changed:kr-a current-changed:kr-a key-result-added:kr-new key-result-removed:kr-gone "
              "target-changed:north-star current-changed:north-star ");
    }

    TEST_CASE("the values of changes") {
        const std::vector<Change> c = compare(facts(before), facts(after));
        auto find = [&](ChangeKind k, const std::string& subject) -> const Change& {
            for (const Change& x : c)
                if (x.kind == k && x.subject == subject) return x;
            FAIL("no such change");
            return c.front();
        };
        const Change& due = find(ChangeKind::due_changed, "e1");
        CHECK(due.before == "2026-10-31");
        CHECK(due.after == "2026-11-14");
        REQUIRE(due.days);
        CHECK(*due.days == 14);
        CHECK(find(ChangeKind::status_changed, "e1").after == "in-progress");
        CHECK(find(ChangeKind::owner_changed, "e1").before == "ana");
        CHECK(find(ChangeKind::epic_moved, "e3").before == "sales");
        CHECK(find(ChangeKind::epic_moved, "e3").after == "data");
        const Change& target = find(ChangeKind::target_changed, "kr-a");
        CHECK(target.before == "40");
        CHECK(target.after == "35");
        CHECK(find(ChangeKind::target_changed, "north-star").north_star);
        CHECK(find(ChangeKind::current_changed, "north-star").after == "130");
    }

    TEST_CASE("no change between equal states; a due date set or cleared has no day count") {
        CHECK(compare(facts(before), facts(before)).empty());
        const auto c = compare(facts("streams: [{id: s, epics: [{id: e, due: 2026-10-01}]}]"),
                               facts("streams: [{id: s, epics: [{id: e}]}]"));
        REQUIRE(c.size() == 1);
        CHECK(c[0].kind == ChangeKind::due_changed);
        CHECK(c[0].after.empty());
        CHECK_FALSE(c[0].days);
    }

    TEST_CASE("values are written as in the format") {
        CHECK(format_value(120000) == "120000");
        CHECK(format_value(3.5) == "3.5");
        CHECK(format_value(-2) == "-2");
    }

    TEST_CASE("diff outputs name both sides and every change") {
        const std::vector<Change> c = compare(facts(before), facts(after));
        const DiffSide a{"main", "0123456789abcdef0123456789abcdef01234567"}, b{"working tree", ""};
        const std::string text = render_diff_text(c, a, b, "roadmap");
        CHECK(text.starts_with("roadmap: main (0123456) → working tree: 14 changes, 2 targets moved\n"));
        CHECK(text.find("~ epic e1 \"One\" due 2026-10-31 → 2026-11-14 (+14 days)\n") != std::string::npos);
        CHECK(text.find("! key result kr-a \"KR A\" target 40 → 35: the goalposts moved\n") != std::string::npos);
        CHECK(text.find("- epic e2 \"Two\" removed (was in stream sales)\n") != std::string::npos);
        const std::string md = render_diff_markdown(c, a, b, "roadmap");
        CHECK(md.find("> **Goalposts moved:**") != std::string::npos);
        CHECK(render_diff_text({}, a, b, "r") == "r: main (0123456) → working tree: no change to the plan\n");
    }

    TEST_CASE("a recap needs a period") {
        RecapInput in;
        CHECK(recap_blocker(in));
        in.states.push_back({facts("streams: [{id: s}]"), "abc", std::nullopt, ""});
        CHECK(recap_blocker(in));
        in.states.push_back({facts(after), "def", std::nullopt, ""});
        CHECK_FALSE(recap_blocker(in));
    }
}

// --- Reading successive versions item by item gives exactly what a whole parse gives ---

namespace {

std::string describe(const Snapshot& s) {
    std::string out = fmt::format("present={} name={} period={} anonymous={} unparsable={}\n", s.present, s.name,
                                  s.period ? s.period->label : "-", s.anonymous, s.unparsable_files);
    auto v = [](const std::optional<double>& d) { return d ? format_value(*d) : std::string("-"); };
    auto kr = [&](const KrFacts& k) {
        return fmt::format("{}|{}|{}|{}|{}|{}|{}|{}\n", k.id, k.title, k.objective, k.objective_title, k.unit,
                           v(k.baseline), v(k.target), v(k.current));
    };
    if (s.north_star) out += "ns " + kr(*s.north_star);
    for (const StreamFacts& st : s.streams)
        out += fmt::format("stream {}|{}|{}\n", st.id, st.title, to_string(st.kind));
    for (const EpicFacts& e : s.epics)
        out +=
            fmt::format("epic {}|{}|{}|{}|{}|{}|{}|{}|{}|{:.4f}\n", e.id, e.title, e.stream, e.owner, e.dropped_reason,
                        e.file, to_string(e.stream_kind), to_string(e.status), e.due ? e.due->iso() : "-", e.progress);
    for (const KrFacts& k : s.key_results) out += "kr " + kr(k);
    return out;
}

std::string base_text() {
    std::string t =
        "roadmap:\n  name: Edits\n  period: 2026-Q4\n"
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
                                         "title: \"unclosed"};
    switch (pick(10)) {
        case 0:
        case 1: {  // change a value in place, keeping the indentation
            const std::size_t ind = lines[at].find_first_not_of(' ');
            if (ind == std::string::npos || lines[at].find(':') == std::string::npos) break;
            const bool dash = lines[at].compare(ind, 2, "- ") == 0;
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
        default:  // an anchor and an alias (whole parse only)
            if (pick(4) == 0) lines.insert(lines.begin() + static_cast<long>(at), "x-a: &a {owner: ana}");
            break;
    }
    return join(lines);
}

}  // namespace

TEST_SUITE("plan") {
    TEST_CASE("item-by-item reading equals whole parsing over thousands of random edits") {
        std::mt19937 rng(20261123);
        std::size_t spliced = 0, steps = 0;
        for (int run = 0; run < 40; ++run) {
            std::string text = base_text();
            if (run % 5 == 4) {  // a CRLF file
                std::string crlf;
                for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
                text = crlf;
            }
            incremental::FileState state = incremental::parse_whole("streams.yaml", text);
            for (int i = 0; i < 60; ++i, ++steps) {
                // A broken or aliased text is soon mended, as in a real history.
                const bool mend = (!state.clean || text.find('&') != std::string::npos) && rng() % 3 == 0;
                const std::string next = mend ? base_text() : edit(text, rng);
                const auto quick = incremental::splice(state, text, next);
                spliced += quick ? 1 : 0;
                state = quick ? *quick : incremental::parse_whole("streams.yaml", next);
                const incremental::FileState whole = incremental::parse_whole("streams.yaml", next);
                INFO("run ", run, " step ", i, "\n--- before:\n", text, "\n--- after:\n", next);
                REQUIRE(describe(state.facts) == describe(whole.facts));
                text = next;
            }
        }
        MESSAGE(spliced, " of ", steps, " versions read item by item");
        CHECK(spliced > steps / 3);  // the fast path is taken, not only the fallback
    }

    TEST_CASE("what is never read item by item") {
        const std::string text = base_text();
        const incremental::FileState state = incremental::parse_whole("s.yaml", text);
        REQUIRE(state.clean);
        auto with = [&](const std::string& from, const std::string& to) {
            std::string t = text;
            t.replace(t.find(from), from.size(), to);
            return t;
        };
        // An edit inside one epic is.
        CHECK(incremental::splice(state, text, with("title: Epic 11\n", "title: Epic eleven\n")));
        // Anchors, aliases, tabs, document markers, a stream's own keys and a broken quote are not.
        CHECK_FALSE(incremental::splice(state, text, with("title: Epic 11\n", "title: Epic &x 11\n")));
        CHECK_FALSE(incremental::splice(state, text, with("owner: bo\n", "owner:\tbo\n")));
        CHECK_FALSE(incremental::splice(state, text, "---\n" + text));
        CHECK_FALSE(incremental::splice(state, text, with("title: Stream 1\n", "title: Stream one\n")));
        CHECK_FALSE(incremental::splice(state, text, with("title: Epic 11\n", "title: \"Epic 11\n")));
        // Nor is anything after a version that did not parse cleanly.
        const incremental::FileState broken = incremental::parse_whole("s.yaml", "streams: [\n");
        CHECK_FALSE(broken.clean);
        CHECK_FALSE(incremental::splice(broken, "streams: [\n", text));
    }
}
