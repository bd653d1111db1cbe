// The semantic changes between two roadmap states, and the recap (no git involved).
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "boussole/format.hpp"
#include "boussole/loader.hpp"
#include "boussole/plan.hpp"
#include "boussole/recap.hpp"

using namespace boussole;

namespace {

Snapshot facts(const std::string& yaml) { return Snapshot(load_roadmap_from_string(yaml)); }

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
    TEST_CASE("a snapshot indexes by id: the first of a duplicate id counts; anonymous entities are counted") {
        const Snapshot a = facts(after);
        const RoadmapIndex& ix = a.index();
        REQUIRE(ix.epic("e1").epic);
        CHECK(*ix.epic("e1").epic->owner == "bo");
        CHECK(*ix.epic("e3").stream->id == "data");
        CHECK(ix.epic("nope").epic == nullptr);
        CHECK(a.period()->label == "2026-Q4");
        CHECK(facts(before).index().anonymous == 1);
        CHECK(ix.key_result("kr-a").key_result->score() == doctest::Approx(15.0 / 25.0));
        CHECK(*ix.key_result("kr-a").objective->id == "o1");
        CHECK(Snapshot(load_roadmap_from_string("streams: [{id: s, epics: [{id: e, title: A}, {id: e, title: B}]}]"))
                  .index()
                  .epic("e")
                  .epic->title.value == std::optional<std::string>("A"));
        // A key result without a unit is shown in its metric's (the North Star too).
        const Snapshot units(load_roadmap_from_string(
            "roadmap: {period: 2026-Q4, north_star: {title: N, metric: rev}}\n"
            "metrics: [{id: rev, unit: EUR}, {id: bare}]\n"
            "objectives: [{id: o, key_results: [{id: a, metric: rev}, {id: b, metric: rev, unit: k€}, {id: c, "
            "metric: bare}, {id: d, metric: nope}]}]"));
        CHECK(units.index().unit_of(*units.north_star()) == "EUR");
        CHECK(units.index().unit_of(*units.index().key_result("a").key_result) == "EUR");
        CHECK(units.index().unit_of(*units.index().key_result("b").key_result) == "k€");
        CHECK(units.index().unit_of(*units.index().key_result("c").key_result).empty());
        CHECK(units.index().unit_of(*units.index().key_result("d").key_result).empty());
        CHECK_FALSE(Snapshot().present());
        CHECK(Snapshot().index().epic_ids.empty());
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

    TEST_CASE("compare's generic field changes are exactly the diffed keys whose epic_field() texts differ") {
        // Random pairs of states: each epic's fields drawn from a few values (lists with an entry
        // that is not read, a mapping), the second state's epics in another order. compare()
        // finds the fields that differ without building their texts (issue 17): it must report
        // the same keys as comparing the texts would.
        std::mt19937 rng(17);
        const std::vector<std::string> lists{"[]", "[a]", "[a, b]", "[b, a]", "[a, {x: 1}]", "[{x: 1}]"};
        const std::vector<std::string> scalars{"", "P1", "P2"};
        const std::vector<std::string> dates{"", "2026-10-01", "2026-10-02", "nope"};
        auto pick = [&](const std::vector<std::string>& from) { return from[rng() % from.size()]; };
        auto epic = [&](int id) {
            std::string e = fmt::format("{{id: e{}, title: T{}", id, id);
            for (const char* key : {"contributors", "deliverables", "depends_on", "key_results"})
                if (const std::string v = pick(lists); rng() % 2) e += fmt::format(", {}: {}", key, v);
            for (const char* key : {"priority", "owner", "dropped_reason", "update"})
                if (const std::string v = pick(scalars); !v.empty()) e += fmt::format(", {}: {}", key, v);
            for (const char* key : {"start", "due"})
                if (const std::string v = pick(dates); !v.empty()) e += fmt::format(", {}: {}", key, v);
            if (rng() % 2) e += ", estimate: 3d";
            return e + "}";
        };
        std::size_t field_changes = 0;
        for (int round = 0; round < 300; ++round) {
            std::vector<std::string> a, b;
            for (int i = 0; i < 6; ++i) a.push_back(epic(i));
            for (int i = 0; i < 6; ++i) b.push_back(rng() % 3 ? a[static_cast<std::size_t>(i)] : epic(i));
            std::shuffle(b.begin(), b.end(), rng);
            const Snapshot sa = facts(fmt::format("streams: [{{id: s, epics: [{}]}}]", fmt::join(a, ", ")));
            const Snapshot sb = facts(fmt::format("streams: [{{id: s, epics: [{}]}}]", fmt::join(b, ", ")));
            std::vector<std::string> expected, got;
            for (const std::string& id : sb.index().epic_ids)
                for (const format::Key& k : format::keys(format::Entity::epic))
                    if (k.diffed &&
                        epic_field(*sa.index().epic(id).epic, k.name) != epic_field(*sb.index().epic(id).epic, k.name))
                        expected.push_back(id + "." + std::string(k.name));
            for (const Change& c : compare(sa, sb))
                if (c.kind == ChangeKind::field_changed) got.push_back(c.subject + "." + c.field);
            INFO(fmt::format("{}\n{}", fmt::join(a, "\n"), fmt::join(b, "\n")));
            CHECK(got == expected);
            field_changes += got.size();
        }
        CHECK(field_changes > 300);  // the rounds did change fields
    }

    TEST_CASE("values are written as in the format") {
        CHECK(format_value(120000) == "120000");
        CHECK(format_value(3.5) == "3.5");
        CHECK(format_value(-2) == "-2");
    }

    TEST_CASE("diff outputs name both sides and every change") {
        const DiffSide a{"main", "0123456789abcdef0123456789abcdef01234567"}, b{"working tree", ""};
        const DiffContent d = build_diff(facts(before), facts(after), a, b, "roadmap");
        CHECK(d.targets_moved == 2);
        const std::string text = render_diff_text(d);
        CHECK(text.starts_with("roadmap: main (0123456) → working tree: 14 changes, 2 targets moved\n"));
        CHECK(text.find("~ epic e1 \"One\" due 2026-10-31 → 2026-11-14 (+14 days)\n") != std::string::npos);
        CHECK(text.find("! key result kr-a \"KR A\" target 40 → 35: the goalposts moved\n") != std::string::npos);
        CHECK(text.find("- epic e2 \"Two\" removed (was in stream sales)\n") != std::string::npos);
        const std::string md = render_diff_markdown(d);
        CHECK(md.find("> **Goalposts moved:**") != std::string::npos);
        CHECK(render_diff_text(build_diff(facts(before), facts(before), a, b, "r")) ==
              "r: main (0123456) → working tree: no change to the plan\n");
    }

    TEST_CASE("diff: measures are JSON numbers, the North Star is named by its id, marks are plain symbols") {
        const DiffSide a{"main", "0123456789abcdef0123456789abcdef01234567"}, b{"working tree", ""};
        const char* const was =
            "roadmap: {period: 2026-Q4, north_star: {id: arr-per-rep, title: ARR per rep, baseline: 96000, "
            "target: 120000, current: 104000}}\n"
            "objectives: [{id: o, title: O, key_results: [{id: k, title: K, baseline: 10, target: 40, current: 20}, "
            "{id: z, title: Z, baseline: 0, target: 1}]}]\n"
            "streams: [{id: s, title: S, epics: [{id: e, title: E}]}]\n";
        const char* const now =
            "roadmap: {period: 2026-Q4, north_star: {id: arr-per-rep, title: ARR per rep, baseline: 96000, "
            "target: 125000.5, current: 110000}}\n"
            "objectives: [{id: o, title: O, key_results: [{id: k, title: K, baseline: 10, target: 40, current: 24.5}, "
            "{id: z, title: Z, baseline: 0, target: 1, current: 0.1}]}]\n"
            "streams: [{id: s, title: S, epics: [{id: e2, title: E2}]}]\n";
        const DiffContent d = build_diff(facts(was), facts(now), a, b, "roadmap");
        const auto doc = nlohmann::json::parse(render_diff_json(d));
        std::map<std::string, nlohmann::json> by;
        for (const auto& c : doc["changes"])
            by[c["kind"].get<std::string>() + ":" + c["subject"].get<std::string>()] = c;
        REQUIRE(by.contains("current-changed:k"));
        CHECK(by["current-changed:k"]["before"] == 20);
        CHECK(by["current-changed:k"]["before"].is_number_integer());
        CHECK(by["current-changed:k"]["after"] == 24.5);
        CHECK(by["current-changed:z"]["before"].is_null());
        CHECK(by["current-changed:z"]["after"] == 0.1);
        REQUIRE(by.contains("target-changed:arr-per-rep"));
        CHECK(by["target-changed:arr-per-rep"]["north_star"] == true);
        CHECK(by["target-changed:arr-per-rep"]["before"] == 120000);
        CHECK(by["target-changed:arr-per-rep"]["after"] == 125000.5);
        CHECK(by["current-changed:arr-per-rep"]["after"] == 110000);
        CHECK(by["epic-added:e2"]["after"] == "s");  // other values stay text
        CHECK(doc["summary"]["current-changed"] == 3);
        for (const auto& c : doc["changes"])
            if (c.contains("days")) CHECK(c["days"].is_number_integer());

        const std::string text = render_diff_text(d);
        // Measures as the language writes numbers, as in the report.
        CHECK(text.find("! North Star arr-per-rep \"ARR per rep\" target 120,000 → 125,000.5: the goalposts moved\n") !=
              std::string::npos);
        CHECK(render_diff_text(d, Language::fr)
                  .find("! indicateur phare arr-per-rep «\u00a0ARR per rep\u00a0» cible 120\u202f000 → "
                        "125\u202f000,5\u00a0: la cible a bougé\n") != std::string::npos);
        const std::string md = render_diff_markdown(d);
        CHECK(md.find("| + | epic e2 \"E2\" | added in stream s |") != std::string::npos);
        CHECK(md.find("| − | epic e \"E\" | removed (was in stream s) |") != std::string::npos);
        CHECK(md.find("North Star arr-per-rep") != std::string::npos);
        // No emoji-presentation character: they show as empty boxes without an emoji font.
        for (const std::string_view emoji : {"➕", "➖", "✅", "❌"}) CHECK(md.find(emoji) == std::string::npos);

        // Without a declared id, the North Star keeps its generic subject.
        const DiffContent plain = build_diff(facts(before), facts(after), a, b, "roadmap");
        CHECK(render_diff_text(plain).find("! North Star \"Revenue\" target 200 → 180") != std::string::npos);
    }

    TEST_CASE("a recap needs a period") {
        RecapInput in;
        CHECK(recap_blocker(in));
        in.states.push_back({facts("streams: [{id: s}]"), "abc", std::nullopt, ""});
        CHECK(recap_blocker(in));
        in.states.push_back({facts(after), "def", std::nullopt, ""});
        CHECK_FALSE(recap_blocker(in));
    }

    TEST_CASE("the recap's baseline: the plan of the period, with a note when none is at or before its start") {
        const Period q4 = *Period::parse_named("2026-Q4");
        auto commit = [](const std::string& id, const std::string& date) {
            CommitInfo c;
            c.id = id + std::string(40 - id.size(), '0');
            c.short_id = c.id.substr(0, 7);
            c.date = *Date::parse(date);
            c.time = static_cast<std::int64_t>(c.date.days) * 86400;
            return c;
        };
        const MainlineStop stop = stop_at_plan_of(q4);
        CHECK(stop(commit("a", "2026-09-30"), true));
        CHECK(stop(commit("a", "2026-10-01"), true));
        CHECK_FALSE(stop(commit("a", "2026-09-30"), false));  // did not change PATH
        CHECK_FALSE(stop(commit("a", "2026-10-02"), true));

        Mainline walk;
        walk.commits = {commit("a", "2026-09-30"), commit("b", "2026-10-05")};
        walk.reached_stop = true;
        RecapCommits r = recap_commits_for_period(walk, q4);
        CHECK(r.commits.size() == 2);
        CHECK(r.notes.empty());
        walk.reached_stop = false;  // the chain ran out at the root after the start
        r = recap_commits_for_period(walk, q4);
        REQUIRE(r.notes.size() == 1);
        CHECK(r.notes[0] == RecapNote{.kind = RecapNote::Kind::plan_after_start,
                                      .commit = "a000000",
                                      .date = *Date::parse("2026-09-30"),
                                      .start = q4.start,
                                      .path = {}});
        walk.cut_at = commit("a", "2026-09-30");  // a shallow clone
        r = recap_commits_for_period(walk, q4);
        REQUIRE(r.notes.size() == 1);
        CHECK(r.notes[0].kind == RecapNote::Kind::cut_after_start);
        CHECK(r.notes[0].commit == "a000000");
        CHECK(recap_commits_for_period(Mainline{}, q4).commits.empty());
    }

    TEST_CASE("the recap's baseline given: the walk's stop commit gives way to the baseline") {
        CommitInfo base, older, later;
        base.id = std::string(40, 'b');
        base.short_id = "bbbbbbb";
        base.time = 100;
        older.id = std::string(40, 'a');
        older.time = 50;
        later.id = std::string(40, 'c');
        later.time = 200;
        const MainlineStop stop = stop_at_baseline(base);
        CHECK(stop(base, false));
        CHECK(stop(older, true));
        CHECK_FALSE(stop(later, true));
        Mainline walk;
        walk.commits = {older, later};  // a baseline off the mainline is placed by its date
        walk.reached_stop = true;
        RecapCommits r = recap_commits_from(base, walk);
        REQUIRE(r.commits.size() == 2);
        CHECK(r.commits[0] == base);
        CHECK(r.commits[1] == later);
        CHECK(r.notes.empty());
    }

    TEST_CASE("check-ins: the oldest state since which the value is unchanged; uncommitted; or before the read") {
        auto state = [](const std::string& current_a, const std::string& current_b, const std::string& date) {
            return PlanState{facts("roadmap: {period: 2026-Q4, north_star: {title: N, current: 1}}\n"
                                   "objectives: [{id: o, key_results: [{id: a, current: " +
                                   current_a + "}, {id: b, current: " + current_b + "}, {id: c}]}]"),
                             "x", Date::parse(date), ""};
        };
        const std::vector<PlanState> history{state("1", "5", "2026-10-01"), state("2", "5", "2026-10-08"),
                                             state("2", "5", "2026-10-15")};
        const Snapshot now = state("2", "6", "2026-10-20").snapshot;
        auto c = find_check_ins(now, history, false);
        CHECK(c.size() == 3);  // a, b and the North Star; c has no value
        CHECK(c["a"].date == Date::parse("2026-10-08"));
        CHECK_FALSE(c["a"].or_before);
        CHECK_FALSE(c["b"].date);  // changed in the working tree
        CHECK(c[""].date == Date::parse("2026-10-01"));
        CHECK(c[""].or_before);  // unchanged since the first state read: maybe earlier
        CHECK_FALSE(find_check_ins(now, history, true)[""].or_before);  // the first state is the root
        CHECK_FALSE(find_check_ins(now, {}, false)["a"].date);          // nothing committed
    }

    // issue 14, item 1
    TEST_CASE("values' histories: up, down, unchanged, removed, added mid-period; the since point") {
        // Key results a, b, c and the North Star; `-` leaves a key result's current value out,
        // `x` leaves the key result out.
        auto roadmap = [](const std::string& a, const std::string& b, const std::string& c) {
            std::string krs = "{id: a, current: " + a + "}";
            krs += b == "-" ? ", {id: b}" : ", {id: b, current: " + b + "}";
            if (c != "x") krs += ", {id: c, current: " + c + "}";
            return facts(
                "roadmap: {period: 2026-Q4, north_star: {title: N, current: 100}}\n"
                "objectives: [{id: o, key_results: [" +
                krs + "]}]");
        };
        auto state = [&](const std::string& a, const std::string& b, const std::string& c, const std::string& date) {
            return PlanState{roadmap(a, b, c), "x", Date::parse(date), ""};
        };
        // 09-28 is the plan of the quarter (before its start, 10-01); c comes on 10-12; b loses its
        // value on 10-19 and gets another on 10-26; c changes again in the working tree.
        const std::vector<PlanState> history{state("10", "50", "x", "2026-09-28"), state("12", "50", "x", "2026-10-05"),
                                             state("11", "50", "3", "2026-10-12"), state("11", "-", "5", "2026-10-19"),
                                             state("15", "40", "5", "2026-10-26")};
        const Snapshot now = roadmap("15", "40", "6");
        const Snapshot at_since = history[1].snapshot;  // the point: 10-05
        auto v = find_value_histories(now, history, false, *Date::parse("2026-10-01"), &at_since);
        REQUIRE(v.size() == 4);
        // a: 10 → 12 (up) → 11 (down) → 11 (stays) → 15: its last change is +4 from 11.
        CHECK(v["a"].previous == 11);
        CHECK_FALSE(v["a"].first_value);
        CHECK(v["a"].at_since == 12);
        CHECK(v["a"].series == std::vector<double>{10, 12, 11, 15});
        // b: removed on 10-19, back at 40 on 10-26: its last change gave it a value after none.
        CHECK_FALSE(v["b"].previous);
        CHECK(v["b"].first_value);
        CHECK(v["b"].at_since == 50);
        CHECK(v["b"].series == std::vector<double>{50, 40});
        // c: added mid-period (3, then 5), changed in the working tree to 6; absent at the point.
        CHECK(v["c"].previous == 5);
        CHECK_FALSE(v["c"].at_since);
        CHECK(v["c"].series == std::vector<double>{3, 5, 6});
        // The North Star never changed in the history read: before it, unknown...
        CHECK_FALSE(v[""].previous);
        CHECK_FALSE(v[""].first_value);
        CHECK(v[""].at_since == 100);
        CHECK(v[""].series == std::vector<double>{100});
        // ... unless the first state read is the root commit: it was entered there.
        CHECK(find_value_histories(now, history, true, *Date::parse("2026-10-01"), &at_since)[""].first_value);
        // The series starts at the state of the period's start: from 10-12, a reads 11, 15.
        auto later = find_value_histories(now, history, false, *Date::parse("2026-10-12"), nullptr);
        CHECK(later["a"].series == std::vector<double>{11, 15});
        CHECK_FALSE(later["a"].at_since);  // no point
        // A key result without a current value has no history; nothing committed: all first values.
        const Snapshot no_b = roadmap("15", "-", "6");
        CHECK_FALSE(find_value_histories(no_b, history, false, *Date::parse("2026-10-01"), nullptr).contains("b"));
        auto fresh = find_value_histories(now, {}, false, *Date::parse("2026-10-01"), nullptr);
        CHECK(fresh["a"].first_value);
        CHECK(fresh["a"].series == std::vector<double>{15});
    }

    TEST_CASE("the since point: the last commit on or before the day asked, or the revision; the walk passes both") {
        const Period q4 = *Period::parse_named("2026-Q4");
        auto commit = [](const std::string& id, const std::string& date, std::int64_t time) {
            CommitInfo c;
            c.id = id + std::string(40 - id.size(), '0');
            c.short_id = id;
            c.date = *Date::parse(date);
            c.time = time;
            return c;
        };
        // The default: a week before the report date.
        const SinceRequest week = since_week_before(*Date::parse("2026-11-27"));
        CHECK(week.kind == SinceRequest::Kind::week_before);
        CHECK(week.date == Date::parse("2026-11-20"));
        // Walking back from 11-27: 11-24 is after the day asked, 11-20 is the point; the walk goes
        // on to the plan of the quarter (a change on or before 10-01).
        SinceSearch search{week, std::nullopt, std::nullopt};
        const MainlineStop stop = stop_at_report_history(q4, *Date::parse("2026-11-27"), search);
        CHECK_FALSE(stop(commit("e", "2026-11-24", 5), true));
        CHECK_FALSE(stop(commit("d", "2026-11-20", 4), false));
        REQUIRE(search.found);
        CHECK(search.found->short_id == "d");
        CHECK_FALSE(stop(commit("c", "2026-10-05", 3), true));
        CHECK_FALSE(stop(commit("b", "2026-09-30", 2), false));  // did not change PATH
        CHECK(stop(commit("a", "2026-09-28", 1), true));
        CHECK(search.found->short_id == "d");
        // A point older than the plan: the walk goes on past the plan to it.
        SinceRequest early;
        early.kind = SinceRequest::Kind::date;
        early.date = *Date::parse("2026-09-01");
        SinceSearch far{early, std::nullopt, std::nullopt};
        const MainlineStop far_stop = stop_at_report_history(q4, *Date::parse("2026-11-27"), far);
        CHECK_FALSE(far_stop(commit("a", "2026-09-28", 2), true));
        CHECK_FALSE(far.found);
        CHECK(far.oldest->short_id == "a");
        CHECK(far_stop(commit("z", "2026-08-30", 1), false));
        CHECK(far.found->short_id == "z");
        // A revision: the commit itself, or where the line gets older than it (off the first-parent line).
        SinceRequest rev;
        rev.kind = SinceRequest::Kind::revision;
        rev.commit = commit("side", "2026-11-10", 30);
        SinceSearch side{rev, std::nullopt, std::nullopt};
        CHECK_FALSE(side.see(commit("m", "2026-11-12", 40)));
        CHECK(side.see(commit("k", "2026-11-09", 20)));
        CHECK(side.found->short_id == "side");
    }

    TEST_CASE("issue 14: an epic's update dates from the oldest state since which its text is unchanged") {
        auto state = [](const std::string& update_a, const std::string& update_b, const std::string& date) {
            return PlanState{
                facts("roadmap: {period: 2026-Q4}\nstreams: [{id: s, title: S, epics: [\n"
                      "  {id: a, title: A, update: '" +
                      update_a + "'},\n  {id: b, title: B, update: '" + update_b + "'},\n  {id: c, title: C}]}]"),
                "x", Date::parse(date), ""};
        };
        const std::vector<PlanState> history{state("one", "x", "2026-10-01"), state("two", "x", "2026-10-08"),
                                             state("two", "x", "2026-10-15")};
        REQUIRE(history[0].snapshot.index().epic("a").epic->update);
        CHECK(*history[0].snapshot.index().epic("a").epic->update == "one");
        const Snapshot now = state("two", "y", "2026-10-20").snapshot;
        auto u = find_update_changes(now, history, false);
        CHECK(u.size() == 2);  // a and b; c has no update
        CHECK(u["a"].date == Date::parse("2026-10-08"));
        CHECK_FALSE(u["a"].or_before);
        CHECK_FALSE(u["b"].date);  // changed in the working tree
        const Snapshot same = state("two", "x", "2026-10-20").snapshot;
        CHECK(find_update_changes(same, history, false)["b"].date == Date::parse("2026-10-01"));
        CHECK(find_update_changes(same, history, false)["b"].or_before);  // maybe earlier than the first state read
        CHECK_FALSE(find_update_changes(same, history, true)["b"].or_before);  // the first state is the root
        CHECK_FALSE(find_update_changes(now, {}, false)["a"].date);            // nothing committed
        // An epic that appears with its update dates from the state that added it.
        const std::vector<PlanState> added{
            PlanState{facts("roadmap: {period: 2026-Q4}"), "x", Date::parse("2026-09-30"), ""},
            state("two", "x", "2026-10-02")};
        CHECK(find_update_changes(same, added, false)["a"].date == Date::parse("2026-10-02"));
        CHECK_FALSE(find_update_changes(same, added, false)["a"].or_before);
    }

    TEST_CASE("check-ins at a past report date: the history read stops at the report date") {
        const Period q4 = *Period::parse_named("2026-Q4");
        auto commit = [](const std::string& id, const std::string& date) {
            CommitInfo c;
            c.id = id + std::string(40 - id.size(), '0');
            c.date = *Date::parse(date);
            return c;
        };
        // Walking back stops at a change at or before both the period's start and the report date.
        const MainlineStop stop = stop_at_check_ins(q4, *Date::parse("2026-11-20"));
        CHECK(stop(commit("a", "2026-10-01"), true));
        CHECK_FALSE(stop(commit("a", "2026-10-02"), true));
        const MainlineStop early = stop_at_check_ins(q4, *Date::parse("2026-09-15"));
        CHECK_FALSE(early(commit("a", "2026-09-20"), true));  // before the start, after the report date
        CHECK(early(commit("a", "2026-09-15"), true));
        // Only the commits made by the report date are read: the line is cut after the last one
        // dated at or before it, as `git rev-list --first-parent --before` finds it (a commit dated
        // later under it, by a skewed clock, is part of that state).
        const std::vector<CommitInfo> commits{commit("a", "2026-10-01"), commit("b", "2026-11-19"),
                                              commit("c", "2026-11-25"), commit("d", "2026-11-18"),
                                              commit("e", "2026-12-05")};
        auto ids = [](const std::vector<CommitInfo>& cs) {
            std::string out;
            for (const CommitInfo& c : cs) out += c.id.substr(0, 1);
            return out;
        };
        CHECK(ids(commits_by(commits, *Date::parse("2026-12-04"))) == "abcd");
        CHECK(ids(commits_by(commits, *Date::parse("2026-11-18"))) == "abcd");
        CHECK(ids(commits_by(commits, *Date::parse("2026-11-17"))) == "a");
        CHECK(ids(commits_by(commits, *Date::parse("2026-12-05"))) == "abcde");
        CHECK(commits_by(commits, *Date::parse("2026-09-30")).empty());
        // issue 17: a report reads each day's last state, so that its cost follows the days, not
        // the commits: of a run of commits of one day the last is kept (a day seen again after
        // another, by a skewed clock, is a run of its own).
        const std::vector<CommitInfo> day{
            commit("a", "2026-10-01"), commit("b", "2026-10-01"), commit("c", "2026-10-02"), commit("d", "2026-10-03"),
            commit("e", "2026-10-03"), commit("f", "2026-10-03"), commit("g", "2026-10-02"), commit("h", "2026-10-02")};
        CHECK(ids(last_of_each_day(day)) == "bcfh");
        CHECK(last_of_each_day({}).empty());
        CHECK(ids(last_of_each_day({commit("a", "2026-10-01")})) == "a");
    }

    // issue 15: the burn-up of planned work.

    // A roadmap of Q4 2026 with build epics (`{id: a}` and so on) in stream `build` and the given
    // epics of run stream `ops`.
    auto burn_state = [](const std::string& build, const std::string& run, const char* date) {
        return PlanState{facts("roadmap: {period: 2026-Q4}\nstreams:\n  - {id: build, title: Build, epics: [" + build +
                               "]}\n  - {id: ops, title: Ops, kind: run, epics: [" + run + "]}\n"),
                         "x", date ? Date::parse(date) : std::nullopt, ""};
    };
    auto point = [](const BurnUpPoint& p) {
        return fmt::format("{} {}/{} +{} -{}", p.date.iso(), p.done, p.scope, p.added, p.dropped);
    };
    auto points = [](const std::optional<BurnUp>& b) {
        std::vector<std::string> out;
        REQUIRE(b);
        for (const BurnUpPoint& p : b->points) out.push_back(point(p));
        return out;
    };
    using Lines = std::vector<std::string>;
    const Period q4 = *Period::parse_named("2026-Q4");
    const Date nov30 = *Date::parse("2026-11-30");

    TEST_CASE("issue 15: the burn-up starts at the plan and counts additions and drops by epic id") {
        const std::vector<PlanState> history{
            burn_state("{id: old, status: done}", "", "2026-09-01"),           // before the plan: not read
            burn_state("{id: a}, {id: b}, {id: c}", "{id: r}", "2026-09-28"),  // the plan
            burn_state("{id: a, status: done}, {id: b}, {id: c}, {id: d}", "{id: r}", "2026-10-05"),  // d added
            burn_state("{id: a, status: done}, {id: b, status: dropped}, {id: c}, {id: d}", "{id: r}",
                       "2026-10-12"),  // b dropped
            burn_state("{id: a, status: done}, {id: b, status: dropped}, {id: d}", "{id: r}, {id: c}",
                       "2026-10-19"),  // c moved to the run
            burn_state("{id: a, status: done}, {id: b, status: dropped}, {id: d}, {id: r}", "{id: c}",
                       "2026-10-26"),                                                        // r moved in from the run
            burn_state("{id: a, status: done}, {id: d}, {id: r}", "{id: c}", "2026-11-02"),  // b removed: already out
            burn_state("{id: a, status: done}, {id: r}", "{id: c}", "2026-11-09"),           // d removed
        };
        const Snapshot now = burn_state("{id: a, status: done}, {id: r, status: done}", "{id: c}", nullptr).snapshot;
        const std::optional<BurnUp> b = find_burn_up(now, history, q4, nov30);
        CHECK(points(b) == Lines{"2026-10-01 0/3 +0 -0", "2026-10-05 1/4 +1 -0", "2026-10-12 1/3 +0 -1",
                                 "2026-10-19 1/2 +0 -1", "2026-10-26 1/3 +1 -0", "2026-11-09 1/2 +0 -1",
                                 "2026-11-30 2/2 +0 -0"});
        CHECK(b->planned == 3);
        CHECK_FALSE(b->or_before);
        CHECK(b->start == q4.start);
        CHECK(b->end == q4.end);
        CHECK(b->as_of == nov30);
        // Each point's scope is the one before, plus what came in, minus what left.
        for (std::size_t i = 1; i < b->points.size(); ++i)
            CHECK(b->points[i].scope == b->points[i - 1].scope + b->points[i].added - b->points[i].dropped);
        // The last point is the working tree's planned work, as the model counts it.
        CHECK(static_cast<std::size_t>(b->points.back().scope) == now.roadmap().planned_epics());
    }

    TEST_CASE("issue 15: the burn-up follows proposals planned, epics reopened, and the day's last state") {
        const std::vector<PlanState> history{
            burn_state("{id: a}, {id: p, status: proposed}", "", "2026-09-30"),
            burn_state("{id: a}, {id: p}", "", "2026-10-03"),  // proposed -> planned: added
            burn_state("{id: a, status: done}, {id: p}", "", "2026-10-04"),
            burn_state("{id: a}, {id: p}", "", "2026-10-06"),  // reopened: done goes back down
            // Two commits on one day: the day's last state counts, once.
            burn_state("{id: a}, {id: p}, {id: x}", "", "2026-10-08"),
            burn_state("{id: a}, {id: p}, {id: x, status: done}, {id: y}", "", "2026-10-08"),
            // Added and taken out on one day: no change that day.
            burn_state("{id: a}, {id: p}, {id: x, status: done}, {id: y}, {id: z}", "", "2026-10-09"),
            burn_state("{id: a}, {id: p}, {id: x, status: done}, {id: y}", "", "2026-10-09"),
            burn_state("{id: a}, {id: p, status: proposed}, {id: x, status: done}, {id: y}", "",
                       "2026-10-10"),  // back to the backlog: dropped
        };
        const Snapshot now = history.back().snapshot;
        CHECK(points(find_burn_up(now, history, q4, nov30)) ==
              Lines{"2026-10-01 0/1 +0 -0", "2026-10-03 0/2 +1 -0", "2026-10-04 1/2 +0 -0", "2026-10-06 0/2 +0 -0",
                    "2026-10-08 1/4 +2 -0", "2026-10-10 1/3 +0 -1", "2026-11-30 1/3 +0 -0"});
        // A commit on the report date and the working tree: one point, the working tree's.
        std::vector<PlanState> today = history;
        today.push_back(burn_state("{id: a}, {id: x, status: done}, {id: y}", "", "2026-11-30"));
        const Snapshot changed =
            burn_state("{id: a, status: done}, {id: x, status: done}, {id: y}", "", nullptr).snapshot;
        const Lines with_today = points(find_burn_up(changed, today, q4, nov30));
        CHECK(with_today.back() == "2026-11-30 2/3 +0 -0");
        CHECK(with_today[with_today.size() - 2] == "2026-10-10 1/3 +0 -1");
    }

    TEST_CASE("issue 15: a burn-up without a state before the start, without history, and before the period") {
        const std::vector<PlanState> late{burn_state("{id: a}, {id: b}", "", "2026-10-07"),
                                          burn_state("{id: a, status: done}, {id: b}", "", "2026-10-14")};
        const std::optional<BurnUp> b = find_burn_up(late.back().snapshot, late, q4, nov30);
        CHECK(b->or_before);  // the oldest state read stands for the plan
        CHECK(b->planned == 2);
        CHECK(points(b) == Lines{"2026-10-01 0/2 +0 -0", "2026-10-14 1/2 +0 -0", "2026-11-30 1/2 +0 -0"});
        // Nothing committed: the working tree is the only state.
        const Snapshot now =
            burn_state("{id: a, status: done}, {id: b}, {id: c, status: dropped}", "{id: r}", nullptr).snapshot;
        const std::optional<BurnUp> none = find_burn_up(now, {}, q4, nov30);
        CHECK(none->or_before);
        CHECK(points(none) == Lines{"2026-10-01 1/2 +0 -0", "2026-11-30 1/2 +0 -0"});
        // On the period's first day, the plan is the working tree.
        CHECK(points(find_burn_up(now, late, q4, q4.start)) == Lines{"2026-10-01 1/2 +0 -0"});
        // Before the period starts, nothing is planned work of it yet.
        CHECK_FALSE(find_burn_up(now, {}, q4, *Date::parse("2026-09-30")));
    }

    TEST_CASE("issue 15: a narrowed burn-up counts the work a narrowed report shows") {
        const char* const yaml = R"(roadmap: {period: 2026-Q4}
people: [{id: ana}, {id: bo}]
streams:
  - id: build
    title: Build
    epics:
      - {id: a, owner: ana, status: done}
      - {id: b, owner: bo, contributors: [ana]}
      - {id: c, owner: bo, tasks: [{title: T, owner: ana}]}
      - {id: d, owner: bo}
  - id: build
    title: Same id
    epics:
      - {id: e, owner: ana}
  - id: other
    title: Other
    epics:
      - {id: f, owner: ana}
)";
        const Snapshot s = facts(yaml);
        auto last = [&](const WorkScope& w) { return point(find_burn_up(s, {}, q4, nov30, w)->points.back()); };
        CHECK(last({}) == "2026-11-30 1/6 +0 -0");
        CHECK(last({"ana", ""}) == "2026-11-30 1/5 +0 -0");    // a, b (contributes), c (a task), e, f
        CHECK(last({"", "build"}) == "2026-11-30 1/4 +0 -0");  // the first stream of that id only
        CHECK(last({"ana", "build"}) == "2026-11-30 1/3 +0 -0");
        const Epic& c = *s.index().epic("c").epic;
        CHECK_FALSE(WorkScope{"ana", ""}.in_charge(c));
        CHECK(WorkScope{"ana", ""}.works_on(c));
        CHECK_FALSE(WorkScope{"ana", ""}.works_on(*s.index().epic("d").epic));
    }
}
