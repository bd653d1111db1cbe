// The plan as facts and the semantic changes between two states (no git involved).
#include <doctest/doctest.h>

#include "boussole/loader.hpp"
#include "boussole/plan.hpp"
#include "boussole/recap.hpp"

using namespace boussole;

namespace {

Snapshot facts(const std::string& yaml) {
    Snapshot s = snapshot_of(load_roadmap_from_string(yaml));
    s.index();
    return s;
}

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
