// The recap's content (src/plan/recap.cpp) built from roadmap states without git, then its
// Markdown; the generic change of an epic field in compare() and the diff outputs.
#include <doctest/doctest.h>

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "boussole/format.hpp"
#include "boussole/loader.hpp"
#include "boussole/recap.hpp"
#include "boussole/recap_content.hpp"
#include "support.hpp"

using namespace boussole;

namespace {

// A state of the scripted quarter: the sales epics (YAML flow mappings, one a line), kr-a's
// target and current value, and whether kr-gone is still there.
std::string quarter_yaml(const std::vector<std::string>& sales, int target_a, int current_a, bool kr_gone) {
    std::string out =
        "roadmap:\n  name: Plan\n  period: 2026-Q4\n"
        "  north_star: {title: Revenue, unit: EUR, baseline: 100, target: 200, current: 120}\n"
        "people:\n  - {id: ana, name: Ana}\n  - {id: bo, name: Bo Li}\n"
        "objectives:\n  - id: o1\n    title: One\n    key_results:\n"
        "      - {id: kr-a, title: KR A, baseline: 10, target: " +
        std::to_string(target_a) + ", current: " + std::to_string(current_a) + "}\n";
    if (kr_gone) out += "      - {id: kr-gone, title: Gone, baseline: 0, target: 1}\n";
    out += "streams:\n  - id: sales\n    title: Sales\n    epics:\n";
    for (const std::string& e : sales) out += "      - " + e + "\n";
    out += "  - id: run\n    title: Run\n    kind: run\n    epics:\n      - {id: r1, title: Requests}\n";
    return out;
}

PlanState state(const std::string& label, const std::optional<std::string>& date, const std::string& yaml) {
    return {Snapshot(load_roadmap_from_string(yaml)), label, date ? Date::parse(*date) : std::nullopt,
            "commit " + label};
}

// Baseline c0 (09-28): e1 due 10-31 with bo, e2, e3. c1 (10-10): e1 due +14 days. c2 (10-20):
// e4 added, kr-a target 40 -> 35. c3 (11-02): e2 dropped with a reason. c4 (11-21): e1 done
// with deliverables, kr-a 20 -> 30, kr-gone removed. c5 (2027-01-05): e5 added after the period.
RecapInput quarter() {
    const std::string e1 = "{id: e1, title: One, owner: ana, contributors: [bo], due: 2026-10-31}";
    const std::string e1_slipped = "{id: e1, title: One, owner: ana, contributors: [bo], due: 2026-11-14}";
    const std::string e1_done =
        "{id: e1, title: One, owner: ana, contributors: [bo], due: 2026-11-14, status: done, "
        "deliverables: [Pricing page, 'Sales playbook | v2']}";
    const std::string e2 = "{id: e2, title: Two, owner: ana, due: 2026-11-15}";
    const std::string e2_dropped =
        "{id: e2, title: Two, owner: ana, due: 2026-11-15, status: dropped, dropped_reason: No budget}";
    const std::string e3 = "{id: e3, title: Three, owner: bo, status: in-progress, due: 2026-12-15}";
    const std::string e4 = "{id: e4, title: Four, owner: bo}";
    const std::string e5 = "{id: e5, title: Five, owner: bo, due: 2027-02-01}";
    RecapInput in;
    in.today = *Date::parse("2027-01-10");
    in.generator = "boussole test";
    in.states = {
        state("c0", "2026-09-28", quarter_yaml({e1, e2, e3}, 40, 20, true)),
        state("c1", "2026-10-10", quarter_yaml({e1_slipped, e2, e3}, 40, 20, true)),
        state("c2", "2026-10-20", quarter_yaml({e1_slipped, e2, e3, e4}, 35, 20, true)),
        state("c3", "2026-11-02", quarter_yaml({e1_slipped, e2_dropped, e3, e4}, 35, 20, true)),
        state("c4", "2026-11-21", quarter_yaml({e1_done, e2_dropped, e3, e4}, 35, 30, false)),
        state("c5", "2027-01-05", quarter_yaml({e1_done, e2_dropped, e3, e4, e5}, 35, 30, false)),
    };
    return in;
}

std::string id_of(const RecapEpic& e) { return e.id; }
template <class T>
std::string id_of(const T& item) {
    return item.epic.id;
}
template <class T>
std::vector<std::string> ids(const std::vector<T>& items) {
    std::vector<std::string> out;
    for (const T& i : items) out.push_back(id_of(i));
    return out;
}

Snapshot facts(const std::string& yaml) { return Snapshot(load_roadmap_from_string(yaml)); }

}  // namespace

TEST_SUITE("plan") {
    TEST_CASE("recap content: headline counts over the planned work of the period") {
        const RecapContent c = build_recap(quarter());
        const RecapHeadline& h = c.headline;
        CHECK(h.planned == 3);
        CHECK(h.added == 1);  // e4; e5 came after the period
        CHECK(h.delivered.count == 1);
        REQUIRE(h.delivered.share);
        CHECK(*h.delivered.share == doctest::Approx(0.25));
        CHECK(h.dropped.count == 1);
        CHECK(h.carried_over.count == 2);  // e3 and e4
        CHECK(h.slipped.count == 2);       // e1 moved later, e3 past due
        CHECK(h.run_items == 1);
        CHECK(h.after_period == 1);
        CHECK_FALSE(h.anonymous);
        REQUIRE(h.mean_score);
        CHECK(*h.mean_score == doctest::Approx(0.8));
        CHECK(h.north_star);
        CHECK(*h.north_star_score == doctest::Approx(0.2));
        CHECK(c.states == 6);
        CHECK(c.header.commits == 5);
        // An end commit that did not change the roadmap is read, and is not a change.
        RecapInput apart = quarter();
        apart.end_unchanged = true;
        CHECK(build_recap(apart).header.commits == 4);
        CHECK(c.header.name == "Plan");
        CHECK(c.header.baseline.label == "c0");
        CHECK(c.header.end_state.date == Date::parse("2027-01-05"));
    }

    TEST_CASE("recap content: a slip, with the dated move, and an open epic past due") {
        const RecapContent c = build_recap(quarter());
        REQUIRE(ids(c.slipped) == std::vector<std::string>{"e1", "e3"});
        const SlippedEpic& e1 = c.slipped[0];
        CHECK(e1.planned_due == Date::parse("2026-10-31"));
        CHECK(e1.epic.due == Date::parse("2026-11-14"));
        CHECK(e1.slip_days == 14);
        CHECK_FALSE(e1.past_due_days);
        REQUIRE(e1.moves.size() == 1);
        CHECK(e1.moves[0].when.label == "c1");
        CHECK(e1.moves[0].when.date == Date::parse("2026-10-10"));
        CHECK(e1.moves[0].days == 14);
        CHECK(e1.epic.status == EpicStatus::done);
        const SlippedEpic& e3 = c.slipped[1];
        CHECK(e3.slip_days == 0);
        REQUIRE(e3.past_due_days);
        CHECK(*e3.past_due_days == 17);  // judged at the period's end, not at the end commit
    }

    TEST_CASE("recap content: a drop with its reason and date; an epic removed from the files") {
        RecapInput in = quarter();
        const RecapContent c = build_recap(in);
        REQUIRE(c.dropped.size() == 1);
        const DroppedEpic& d = c.dropped[0];
        CHECK(d.epic.id == "e2");
        CHECK_FALSE(d.epic.removed);
        REQUIRE(d.reason);
        CHECK(*d.reason == "No budget");
        REQUIRE(d.when);
        CHECK(d.when->label == "c3");
        // e3 deleted in the working tree: dropped, removed, no reason, not committed yet.
        in.states.push_back(state("working tree", std::nullopt,
                                  quarter_yaml({"{id: e1, title: One, owner: ana, status: done}",
                                                "{id: e2, title: Two, status: dropped}", "{id: e4, title: Four}"},
                                               35, 30, false)));
        const RecapContent later = build_recap(in);
        REQUIRE(ids(later.dropped) == std::vector<std::string>{"e2", "e3"});
        const DroppedEpic& e3 = later.dropped[1];
        CHECK(e3.epic.removed);
        CHECK_FALSE(e3.reason);
        REQUIRE(e3.when);
        CHECK_FALSE(e3.when->date);
        CHECK(later.headline.dropped.count == 2);
        CHECK(later.carried_over.size() == 1);
    }

    TEST_CASE("recap content: an addition during the period, and the delivered epic's people and deliverables") {
        const RecapContent c = build_recap(quarter());
        REQUIRE(ids(c.added) == std::vector<std::string>{"e4"});
        CHECK(c.added[0].added.label == "c2");
        CHECK(c.added[0].epic.owner == "Bo Li");
        CHECK(c.added[0].epic.stream == "Sales");
        REQUIRE(ids(c.delivered) == std::vector<std::string>{"e1"});
        const DeliveredEpic& e1 = c.delivered[0];
        REQUIRE(e1.done);
        CHECK(e1.done->date == Date::parse("2026-11-21"));
        CHECK(e1.days_late == 21);  // against the due date planned at the baseline (10-31), not 11-14
        CHECK(e1.epic.owner == "Ana");
        CHECK(e1.epic.contributors == std::vector<std::string>{"Bo Li"});
        CHECK(e1.epic.deliverables == std::vector<std::string>{"Pricing page", "Sales playbook | v2"});
        CHECK(ids(c.carried_over) == std::vector<std::string>{"e3", "e4"});
    }

    TEST_CASE("recap content: goalposts moved, key results from start to end, per-objective means") {
        const RecapContent c = build_recap(quarter());
        REQUIRE(c.goalposts.size() == 1);
        const GoalpostMove& g = c.goalposts[0];
        CHECK(g.subject == "kr-a");
        CHECK(g.before == "40");
        CHECK(g.after == "35");
        CHECK(g.when.label == "c2");
        CHECK_FALSE(g.north_star);
        REQUIRE(c.objectives.size() == 1);
        const RecapObjective& o = c.objectives[0];
        CHECK(o.id == "o1");
        REQUIRE(o.key_results.size() == 1);
        const RecapKeyResult& k = o.key_results[0];
        CHECK_FALSE(k.added);
        CHECK(k.start == 20);
        CHECK(k.end == 30);
        CHECK(k.target == 35);
        CHECK(k.target_at_start == 40);
        CHECK(*k.score == doctest::Approx(0.8));
        CHECK(o.measured == 1);
        CHECK(*o.mean_score == doctest::Approx(0.8));
        REQUIRE(c.removed_key_results.size() == 1);
        CHECK(c.removed_key_results[0].id == "kr-gone");
        REQUIRE(c.north_star);
        CHECK(c.north_star->start == 120);
        CHECK_FALSE(c.north_star->target_at_start);
    }

    TEST_CASE("epic fields by key name; every key the format table marks for diff has a reader") {
        const Snapshot s = facts(
            "streams: [{id: s, epics: [{id: e, title: T, contributors: [a, b], deliverables: [X], due: "
            "2026-10-01, status: in-progress}]}]");
        const Epic& e = *s.index().epic("e").epic;
        CHECK(epic_field(e, "contributors") == std::vector<std::string>{"a", "b"});
        CHECK(epic_field(e, "deliverables") == std::vector<std::string>{"X"});
        CHECK(epic_field(e, "due") == std::vector<std::string>{"2026-10-01"});
        CHECK(epic_field(e, "status") == std::vector<std::string>{"in-progress"});
        CHECK(epic_field(e, "owner") == std::vector<std::string>{});
        CHECK_FALSE(epic_field(e, "tasks"));
        CHECK_FALSE(epic_field(e, "no-such-key"));
        std::size_t diffed = 0;
        for (const format::Key& k : format::keys(format::Entity::epic)) {
            if (!k.diffed) continue;
            ++diffed;
            INFO(k.name);
            CHECK(epic_field(Epic{}, k.name));
        }
        CHECK(diffed >= 2);
    }

    TEST_CASE("compare: a change of contributors or deliverables is one generic field change") {
        const auto c = compare(facts("streams: [{id: s, epics: [{id: e, title: T, contributors: [a], due: "
                                     "2026-10-01}]}]"),
                               facts("streams: [{id: s, epics: [{id: e, title: T, contributors: [a, b], "
                                     "deliverables: [Spec, Pilot], due: 2026-10-01}]}]"));
        REQUIRE(c.size() == 2);
        CHECK(c[0].kind == ChangeKind::field_changed);
        CHECK(c[0].field == "contributors");
        CHECK(c[0].subject == "e");
        CHECK(c[0].title == "T");
        CHECK(c[0].before == "a");
        CHECK(c[0].after == "a, b");
        CHECK(c[1].field == "deliverables");
        CHECK(c[1].before.empty());
        CHECK(c[1].after == "Spec, Pilot");
        CHECK(to_string(ChangeKind::field_changed) == "epic-field-changed");
        // The order of the items is part of the value.
        CHECK(compare(facts("streams: [{id: s, epics: [{id: e, contributors: [a, b]}]}]"),
                      facts("streams: [{id: s, epics: [{id: e, contributors: [b, a]}]}]"))
                  .size() == 1);
    }
}

TEST_SUITE("report") {
    TEST_CASE("golden: the recap of a scripted quarter with contributors and deliverables, without git") {
        const std::string md = render_recap(quarter());
        test::check_golden("recap-fields.md", md);
        CHECK(md.find("| Deliverables |") != std::string::npos);
        CHECK(
            md.find("| One (e1) | Sales | Ana, with Bo Li | 2026-10-31 (due 2026-11-14 at the end) | 2026-11-21 (c4) | "
                    "21 days late | Pricing page; Sales playbook \\| v2 |") != std::string::npos);
        // Without deliverables among the delivered epics, no column.
        RecapInput in = quarter();
        in.states.resize(4);
        CHECK(render_recap(in).find("Deliverables") == std::string::npos);
    }

    TEST_CASE("golden: the diff of a field change in text, JSON and Markdown") {
        const DiffContent d =
            build_diff(facts("streams: [{id: s, epics: [{id: e, title: T, contributors: [a]}]}]"),
                       facts("streams: [{id: s, epics: [{id: e, title: T, contributors: [a, b], "
                             "deliverables: [Spec]}]}]"),
                       {"main", "0123456789abcdef0123456789abcdef01234567"}, {"working tree", ""}, "roadmap");
        const std::string text = render_diff_text(d);
        CHECK(text ==
              "roadmap: main (0123456) → working tree: 2 changes\n"
              "~ epic e \"T\" contributors a → a, b\n"
              "~ epic e \"T\" deliverables none → Spec\n");
        // In French: the keys, the working tree and the empty value in words.
        CHECK(render_diff_text(d, Language::fr) ==
              "roadmap\u00a0: main (0123456) → copie de travail\u00a0: 2 modifications\n"
              "~ chantier e «\u00a0T\u00a0» contributeurs a → a, b\n"
              "~ chantier e «\u00a0T\u00a0» livrables aucun → Spec\n");
        CHECK(render_diff_json(d, Language::fr) == render_diff_json(d));
        const auto json = nlohmann::json::parse(render_diff_json(d));
        REQUIRE(json["changes"].size() == 2);
        CHECK(json["changes"][0]["kind"] == "epic-field-changed");
        CHECK(json["changes"][0]["field"] == "contributors");
        CHECK(json["changes"][0]["before"] == "a");
        CHECK(json["changes"][0]["after"] == "a, b");
        CHECK(json["changes"][1]["before"].is_null());
        CHECK(json["summary"]["epic-field-changed"] == 2);
        test::check_golden("diff-fields.md", render_diff_markdown(d));
    }
}

namespace {

// A roadmap of several files, as history reads one: roadmap.yaml (a key result of a metric that
// must go down, still at its baseline), streams/sales.yaml and streams/run.yaml.
const std::string top_file =
    "roadmap:\n  name: Files\n  period: 2026-Q4\n"
    "  north_star: {title: Churn, unit: '%', baseline: 10, target: 5, current: 10}\n"
    "people:\n  - {id: ana, name: Ana}\n"
    "objectives:\n  - id: o1\n    title: One\n    key_results:\n"
    "      - {id: kr-down, title: Tickets, baseline: 10, target: 5, current: 10}\n";
// Merge-conflict markers committed: the file does not parse (line 3).
const std::string conflicted = "streams:\n<<<<<<< HEAD\n  - id: sales\n=======\n  - id: s\n>>>>>>> b\n";

std::string stream_yaml(const std::string& id, const std::string& kind, const std::vector<std::string>& epics) {
    std::string out =
        "streams:\n  - id: " + id + "\n    title: " + id + " stream\n    kind: " + kind + "\n    epics:\n";
    for (const std::string& e : epics) out += "      - " + e + "\n";
    return out;
}

PlanState files_state(const std::string& label, const std::optional<std::string>& date, const std::string& sales,
                      const std::string& run) {
    return {Snapshot(load_roadmap_from_texts(
                "roadmap", {{"roadmap.yaml", top_file}, {"streams/sales.yaml", sales}, {"streams/run.yaml", run}})),
            label, date ? Date::parse(*date) : std::nullopt, "commit " + label};
}

RecapInput files_input(std::vector<PlanState> states) {
    RecapInput in;
    in.today = *Date::parse("2027-01-10");
    in.generator = "boussole test";
    in.states = std::move(states);
    return in;
}

const std::string e1 = "{id: e1, title: One, owner: ana, due: 2026-10-31}";
const std::string e1_done = "{id: e1, title: One, owner: ana, due: 2026-10-31, status: done}";
const std::string e2 = "{id: e2, title: Two, owner: ana, due: 2026-12-15}";
const std::string r1 = "{id: r1, title: Requests}";

}  // namespace

TEST_SUITE("plan") {
    TEST_CASE("recap content: a file that does not parse in between is read at its last readable version") {
        const std::string run = stream_yaml("run", "run", {r1});
        const RecapInput in = files_input({
            files_state("c0", "2026-09-28", stream_yaml("sales", "build", {e1, e2}), run),
            files_state("c1", "2026-10-05", conflicted, run),
            files_state("c2", "2026-10-06", conflicted, run),
            files_state("c3", "2026-10-08", stream_yaml("sales", "build", {e1_done, e2}), run),
            files_state("c4", "2026-10-20", stream_yaml("sales", "build", {e1_done, e2}), conflicted),
            files_state("c5", "2026-11-02", stream_yaml("sales", "build", {e1_done, e2}), run),
        });
        CHECK_FALSE(recap_blocker(in));
        const RecapContent c = build_recap(in);
        // Never read as removed, nor as added again; nothing of the run counted as planned.
        CHECK(c.dropped.empty());
        CHECK(c.added.empty());
        CHECK(c.headline.planned == 2);
        CHECK(c.headline.run_items == 1);
        // e1 became done in c3, the first commit that reads again: not "by the baseline".
        REQUIRE(ids(c.delivered) == std::vector<std::string>{"e1"});
        REQUIRE(c.delivered[0].done);
        CHECK(c.delivered[0].done->label == "c3");
        CHECK(c.delivered[0].days_late == 0);
        // Each run of unreadable states is said once, with the version used.
        REQUIRE(c.header.unreadable.size() == 2);
        const UnreadableFile& sales = c.header.unreadable[0];
        CHECK(sales.file == "roadmap/streams/sales.yaml");
        CHECK(sales.line == 2);  // the conflict marker
        CHECK_FALSE(sales.cause.empty());
        CHECK(sales.first.label == "c1");
        CHECK(sales.last.label == "c2");
        CHECK(sales.states == 2);
        REQUIRE(sales.used);
        CHECK(sales.used->label == "c0");
        const UnreadableFile& run_file = c.header.unreadable[1];
        CHECK(run_file.file == "roadmap/streams/run.yaml");
        CHECK(run_file.states == 1);
        REQUIRE(run_file.used);
        CHECK(run_file.used->label == "c3");
        const std::string md = render_recap_markdown(c);
        CHECK(md.find("> **Note:** `roadmap/streams/sales.yaml` could not be read from commit c1 of 2026-10-05 "
                      "(commit c1) to commit c2 of 2026-10-06 (commit c2), 2 commits in a row; at the first, line 2, "
                      "column 1: merge-conflict marker: ") != std::string::npos);
        CHECK(
            md.find("'\\>\\>\\>\\>\\>\\>\\>'. Its last readable version, commit c0 of 2026-09-28 (commit c0), is used "
                    "there") != std::string::npos);
        CHECK(md.find("> **Note:** `roadmap/streams/run.yaml` could not be read at commit c4 of 2026-10-20 (commit "
                      "c4), line 2, column 1: merge-conflict marker") != std::string::npos);
        CHECK(md.find("removed from the files") == std::string::npos);
        CHECK(md.find("Nothing was dropped.") != std::string::npos);
    }

    TEST_CASE("recap content: a file that never parsed before has no version to stand in, and says so") {
        const std::string run = stream_yaml("run", "run", {r1});
        RecapInput in = files_input({
            files_state("c0", "2026-09-28", stream_yaml("sales", "build", {e1}), run),
            files_state("c1", "2026-10-05", stream_yaml("sales", "build", {e1}), run),
            files_state("c2", "2026-10-06", stream_yaml("sales", "build", {e1}), run),
        });
        // A new file, unreadable from the start.
        in.states[1].snapshot =
            Snapshot(load_roadmap_from_texts("roadmap", {{"roadmap.yaml", top_file},
                                                         {"streams/new.yaml", conflicted},
                                                         {"streams/sales.yaml", stream_yaml("sales", "build", {e1})},
                                                         {"streams/run.yaml", run}}));
        const RecapContent c = build_recap(in);
        REQUIRE(c.header.unreadable.size() == 1);
        CHECK(c.header.unreadable[0].file == "roadmap/streams/new.yaml");
        CHECK_FALSE(c.header.unreadable[0].used);
        CHECK(render_recap_markdown(c).find("It had no readable version before, so what it holds is missing there.") !=
              std::string::npos);
    }

    TEST_CASE("recap content: a file that does not parse at the baseline or at the end blocks the recap") {
        const std::string run = stream_yaml("run", "run", {r1});
        const std::string sales = stream_yaml("sales", "build", {e1});
        const auto base = recap_blocker(files_input(
            {files_state("c0", "2026-09-28", conflicted, run), files_state("c1", "2026-10-05", sales, run)}));
        REQUIRE(base);
        CHECK(base->find("at the baseline (commit c0 of 2026-09-28), a roadmap file does not parse:\n  "
                         "roadmap/streams/sales.yaml:2:") != std::string::npos);
        CHECK(base->find("--baseline c0~1") != std::string::npos);
        const auto end = recap_blocker(files_input({files_state("c0", "2026-09-28", sales, run),
                                                    files_state("working tree", std::nullopt, sales, conflicted)}));
        REQUIRE(end);
        CHECK(
            end->find("at the end (the working tree), a roadmap file does not parse:\n  roadmap/streams/run.yaml:2:") !=
            std::string::npos);
        CHECK(end->find("Fix it (boussole lint shows where)") != std::string::npos);
        const auto end_commit = recap_blocker(files_input(
            {files_state("c0", "2026-09-28", sales, run), files_state("c1", "2026-10-05", sales, conflicted)}));
        REQUIRE(end_commit);
        CHECK(end_commit->find("--at c1~1") != std::string::npos);
    }

    TEST_CASE("recap content: planned work moved to the run stays counted, shown as moved out with its date") {
        const std::string e3 = "{id: e3, title: Three, owner: ana, due: 2026-11-30}";
        const RecapInput in = files_input({
            files_state("c0", "2026-09-28", stream_yaml("sales", "build", {e1, e3}), stream_yaml("run", "run", {r1})),
            files_state("c1", "2026-10-10", stream_yaml("sales", "build", {e1}), stream_yaml("run", "run", {r1, e3})),
            // r1 moves the other way: into the plan during the period.
            files_state("c2", "2026-10-20", stream_yaml("sales", "build", {e1, r1}), stream_yaml("run", "run", {e3})),
        });
        const RecapContent c = build_recap(in);
        const RecapHeadline& h = c.headline;
        CHECK(h.planned == 2);
        CHECK(h.added == 1);
        CHECK(h.total == 3);
        CHECK(h.run_items == 0);
        CHECK(h.moved_out.count == 1);
        CHECK(h.moved_out.of == 3);
        // Every epic of the period ends in exactly one outcome.
        CHECK(h.delivered.count + h.dropped.count + h.moved_out.count + h.carried_over.count == h.total);
        REQUIRE(c.moved_out.size() == 1);
        CHECK(c.moved_out[0].epic.id == "e3");
        CHECK(c.moved_out[0].from_stream == "sales stream");
        CHECK(c.moved_out[0].epic.stream == "run stream");
        CHECK(c.moved_out[0].when.label == "c1");
        CHECK(c.moved_out[0].when.date == Date::parse("2026-10-10"));
        CHECK(ids(c.carried_over) == std::vector<std::string>{"e1", "r1"});
        CHECK(c.dropped.empty());
        REQUIRE(ids(c.added) == std::vector<std::string>{"r1"});
        CHECK(c.added[0].from_run);
        CHECK(c.added[0].added.label == "c2");
        const std::string md = render_recap_markdown(c);
        CHECK(md.find("| Moved to the run (out of the plan) | 1 of 3 epics (33%) |") != std::string::npos);
        CHECK(md.find("## Moved out of the plan") != std::string::npos);
        CHECK(md.find("| Three (e3) | sales stream | run stream | Ana | 2026-10-10 (c1) | planned |") !=
              std::string::npos);
        CHECK(
            md.find("Each ends the period delivered, dropped, moved to the run or carried over: 0 + 0 + 1 + 2 = 3.") !=
            std::string::npos);
        CHECK(md.find("| Requests (r1) | sales stream | – | 2026-10-20 (c2), moved in from the run | planned |") !=
              std::string::npos);
    }

    TEST_CASE("issue 15: the recap's burn-up, from the plan to the end, against its headline") {
        auto line = [](const BurnUpPoint& p) {
            return fmt::format("{} {}/{} +{} -{}", p.date.iso(), p.done, p.scope, p.added, p.dropped);
        };
        const RecapContent c = build_recap(quarter());
        REQUIRE(c.burn_up);
        std::vector<std::string> points;
        for (const BurnUpPoint& p : c.burn_up->points) points.push_back(line(p));
        // c1 moved a due date only: no point. e5, added after the period, is in the end's scope.
        CHECK(points == std::vector<std::string>{"2026-10-01 0/3 +0 -0", "2026-10-20 0/4 +1 -0", "2026-11-02 0/3 +0 -1",
                                                 "2026-11-21 1/3 +0 -0", "2027-01-05 1/4 +1 -0"});
        CHECK(c.burn_up->planned == static_cast<int>(c.headline.planned));
        CHECK(c.burn_up->as_of == *Date::parse("2027-01-05"));
        CHECK_FALSE(c.burn_up->or_before);
        const BurnUpPoint& end = c.burn_up->points.back();
        CHECK(end.done == static_cast<int>(c.headline.delivered.count));
        CHECK(end.scope ==
              static_cast<int>(c.headline.delivered.count + c.headline.carried_over.count + c.headline.after_period));
        // Without epics added after the period, the end's scope is what was delivered or carried over.
        const std::string e1 = "{id: e1, title: One, owner: ana, due: 2026-10-31}";
        const std::string e3 = "{id: e3, title: Three, owner: ana, due: 2026-11-30}";
        const std::string r1 = "{id: r1, title: Requests}";
        auto yaml = [](const std::string& build, const std::string& run) {
            return "roadmap: {period: 2026-Q4}\nstreams:\n  - {id: sales, title: Sales, epics: [" + build +
                   "]}\n  - {id: ops, title: Ops, kind: run, epics: [" + run + "]}\n";
        };
        RecapInput moved;
        moved.today = *Date::parse("2026-11-10");
        moved.states = {
            state("c0", "2026-09-28", yaml(e1 + ", " + e3, r1)), state("c1", "2026-10-10", yaml(e1, r1 + ", " + e3)),
            state("c2", "2026-10-20", yaml(e1 + ", " + r1, e3)), state("wt", std::nullopt, yaml(e1 + ", " + r1, e3))};
        const RecapContent m = build_recap(moved);
        REQUIRE(m.burn_up);
        points.clear();
        for (const BurnUpPoint& p : m.burn_up->points) points.push_back(line(p));
        CHECK(points == std::vector<std::string>{"2026-10-01 0/2 +0 -0", "2026-10-10 0/1 +0 -1", "2026-10-20 0/2 +1 -0",
                                                 "2026-11-10 0/2 +0 -0"});
        CHECK(m.burn_up->points.back().scope ==
              static_cast<int>(m.headline.delivered.count + m.headline.carried_over.count));
        CHECK(m.headline.moved_out.count == 1);  // counted by the headline, out of the burn-up's scope
        // An end that is the plan itself, on the period's first day: one point, the plan's.
        RecapInput same;
        same.today = *Date::parse("2026-11-10");
        same.states = {state("c0", "2026-10-01", yaml(e1 + ", " + e3, r1))};
        const RecapContent s = build_recap(same);
        REQUIRE(s.burn_up);
        CHECK_FALSE(s.burn_up->or_before);
        REQUIRE(s.burn_up->points.size() == 1);
        CHECK(line(s.burn_up->points[0]) == "2026-10-01 0/2 +0 -0");
    }

    TEST_CASE("recap content: on time against the due date planned at the baseline, late means slipped") {
        const std::string run = stream_yaml("run", "run", {r1});
        const std::string e1_moved = "{id: e1, title: One, owner: ana, due: 2026-11-30}";
        const std::string e1_moved_done = "{id: e1, title: One, owner: ana, due: 2026-11-30, status: done}";
        const std::string e2_done = "{id: e2, title: Two, owner: ana, due: 2026-12-15, status: done}";
        const std::string e4_done = "{id: e4, title: Four, owner: ana, status: done}";
        const RecapInput in = files_input({
            files_state("c0", "2026-09-28", stream_yaml("sales", "build", {e1, e2}), run),
            files_state("c1", "2026-10-20", stream_yaml("sales", "build", {e1_moved, e2}), run),
            files_state("c2", "2026-11-20", stream_yaml("sales", "build", {e1_moved_done, e2}), run),
            // e2 done on time; e4 added already done: dated by its addition, not "by the baseline".
            files_state("c3", "2026-12-01", stream_yaml("sales", "build", {e1_moved_done, e2_done, e4_done}), run),
        });
        const RecapContent c = build_recap(in);
        REQUIRE(ids(c.delivered) == std::vector<std::string>{"e1", "e2", "e4"});
        // e1: done 11-20, due moved to 11-30 but planned for 10-31: 20 days late.
        CHECK(c.delivered[0].planned_due == Date::parse("2026-10-31"));
        CHECK(c.delivered[0].days_late == 20);
        CHECK(c.delivered[1].days_late == 0);
        REQUIRE(c.delivered[2].done);
        CHECK(c.delivered[2].done->label == "c3");
        CHECK_FALSE(c.delivered[2].days_late);  // no planned due date: not judged
        CHECK(c.headline.on_time.count == 1);
        CHECK(c.headline.on_time.of == 2);
        CHECK(c.headline.delivered_not_judged == 1);
        REQUIRE(ids(c.slipped) == std::vector<std::string>{"e1"});
        CHECK(c.slipped[0].late_days == 20);
        CHECK(c.slipped[0].slip_days == 30);
        const std::string md = render_recap_markdown(c);
        CHECK(md.find("| One (e1) | sales stream | Ana | 2026-10-31 (due 2026-11-30 at the end) | 2026-11-20 (c2) | 20 "
                      "days late |") != std::string::npos);
        CHECK(md.find("| +30 days; done 20 days after the planned due date |") != std::string::npos);
        CHECK(md.find("| Delivered on time (by the planned due date) | 1 of 2 delivered (50%) |") != std::string::npos);
        CHECK(md.find("1 delivered epic is not judged on time") != std::string::npos);

        // Delivered after its planned due date although the date never changed in the file.
        const RecapInput late = files_input({
            files_state("c0", "2026-09-28", stream_yaml("sales", "build", {e1}), run),
            files_state("c1", "2026-11-10", stream_yaml("sales", "build", {e1_done}), run),
        });
        const RecapContent l = build_recap(late);
        REQUIRE(ids(l.slipped) == std::vector<std::string>{"e1"});
        CHECK(l.slipped[0].slip_days == 0);
        CHECK(l.slipped[0].late_days == 10);
        CHECK(l.headline.slipped.count == 1);
        CHECK(l.delivered[0].days_late == 10);
    }

    TEST_CASE("recap content: due-date moves and target changes after the period still add up") {
        const std::string run = stream_yaml("run", "run", {r1});
        const RecapInput in = files_input({
            files_state("c0", "2026-09-28", stream_yaml("sales", "build", {e1}), run),
            files_state("c1", "2026-10-10", stream_yaml("sales", "build", {"{id: e1, title: One, due: 2026-11-14}"}),
                        run),
            files_state("c2", "2027-01-05", stream_yaml("sales", "build", {"{id: e1, title: One, due: 2027-01-31}"}),
                        run),
        });
        const RecapContent c = build_recap(in);
        REQUIRE(c.slipped.size() == 1);
        int moved = 0;
        for (const DueMove& m : c.slipped[0].moves) moved += m.days;
        CHECK(c.slipped[0].slip_days == 92);
        CHECK(moved == c.slipped[0].slip_days);
        // Likewise a target changed after the period: listed, as the key result's "was" counts it.
        RecapInput q = quarter();
        q.states[5] = state(
            "c5", "2027-01-05",
            quarter_yaml({"{id: e1, title: One, owner: ana, status: done}", "{id: e2, title: Two, status: dropped}",
                          "{id: e3, title: Three}", "{id: e4, title: Four}"},
                         30, 30, false));
        const RecapContent k = build_recap(q);
        REQUIRE(k.goalposts.size() == 2);
        CHECK(k.goalposts[0].before == "40");
        CHECK(k.goalposts[1].before == "35");
        CHECK(k.goalposts[1].after == "30");
        CHECK(k.goalposts[1].when.label == "c5");
        CHECK(k.objectives[0].key_results[0].target_at_start == 40);
    }

    TEST_CASE("recap content: every share says what it is a share of") {
        const RecapContent c = build_recap(quarter());
        CHECK(c.headline.total == 4);
        CHECK(c.headline.delivered.of == 4);
        CHECK(c.headline.slipped.of == 4);
        CHECK(c.headline.scored == 1);
        CHECK(c.headline.key_results == 1);
        const std::string md = render_recap_markdown(c);
        CHECK(md.find("| Delivered | 1 of 4 epics (25%) |") != std::string::npos);
        CHECK(md.find("| Carried over | 2 of 4 epics (50%) |") != std::string::npos);
        CHECK(md.find("| Mean key-result score | 0.80 (1 of 1 key result scored) |") != std::string::npos);
        CHECK(md.find("Shares of epics are of the 4 epics of the period: 3 planned at the baseline and 1 added during "
                      "it. Each ends the period delivered, dropped or carried over: 1 + 1 + 2 = 4.") !=
              std::string::npos);
        // No bare percentage in the headline table.
        const std::string table =
            md.substr(md.find("## Headline numbers"), md.find("## North Star") - md.find("## Headline numbers"));
        CHECK(table.find(" (25%) |") != std::string::npos);
        CHECK(table.find("| 1 (25%) |") == std::string::npos);
    }

    TEST_CASE("recap content: a score of a metric that must go down, still at its baseline, is 0.00, never -0.00") {
        const std::string run = stream_yaml("run", "run", {r1});
        const RecapContent c = build_recap(files_input({
            files_state("c0", "2026-09-28", stream_yaml("sales", "build", {e1}), run),
            files_state("c1", "2026-10-10", stream_yaml("sales", "build", {e1}), run),
        }));
        REQUIRE(c.objectives.size() == 1);
        REQUIRE(c.objectives[0].key_results.size() == 1);
        const RecapKeyResult& k = c.objectives[0].key_results[0];
        REQUIRE(k.score);
        CHECK_FALSE(std::signbit(*k.score));
        REQUIRE(c.objectives[0].mean_score);
        CHECK_FALSE(std::signbit(*c.objectives[0].mean_score));
        REQUIRE(c.headline.mean_score);
        CHECK_FALSE(std::signbit(*c.headline.mean_score));
        REQUIRE(c.north_star);
        REQUIRE(c.north_star->score);
        CHECK_FALSE(std::signbit(*c.north_star->score));
        const std::string md = render_recap_markdown(c);
        CHECK(md.find("-0.00") == std::string::npos);
        CHECK(md.find("| Tickets (kr-down) | 10 | 10 | 10 | 5 | 0.00 |") != std::string::npos);
        CHECK(md.find("Mean score: **0.00** (1 of 1 key result scored).") != std::string::npos);
        CHECK(md.find("| Mean key-result score | 0.00 (1 of 1 key result scored) |") != std::string::npos);
        CHECK(md.find("Score **0.00**: 0% of the way") != std::string::npos);
    }
}

// issue 14, item 5
TEST_SUITE("plan") {
    TEST_CASE("recap: proposals that entered the plan count as added; proposals never planned are left out") {
        // Baseline: e1 planned, p1 and p3 proposed. c1: p2 added as a proposal. c2: p1 planned.
        // c3: p2 in progress. p3 stays proposed. e1 put back in the backlog at c3: it left the plan.
        const std::string e1 = "{id: e1, title: One, owner: ana, due: 2026-11-30}";
        const std::string e1_back = "{id: e1, title: One, owner: ana, due: 2026-11-30, status: proposed}";
        const std::string p1 = "{id: p1, title: P One, owner: ana, status: proposed, priority: P1}";
        const std::string p1_planned = "{id: p1, title: P One, owner: ana, status: planned, due: 2026-12-10}";
        const std::string p2 = "{id: p2, title: P Two, owner: bo, status: proposed}";
        const std::string p2_going = "{id: p2, title: P Two, owner: bo, status: in-progress, due: 2026-12-20}";
        const std::string p3 = "{id: p3, title: P Three, owner: bo, status: proposed}";
        RecapInput in;
        in.today = *Date::parse("2027-01-10");
        in.states = {state("c0", "2026-09-28", quarter_yaml({e1, p1, p3}, 40, 20, false)),
                     state("c1", "2026-10-12", quarter_yaml({e1, p1, p3, p2}, 40, 20, false)),
                     state("c2", "2026-10-26", quarter_yaml({e1, p1_planned, p3, p2}, 40, 20, false)),
                     state("c3", "2026-11-09", quarter_yaml({e1_back, p1_planned, p3, p2_going}, 40, 20, false))};
        const RecapContent c = build_recap(in);
        const RecapHeadline& h = c.headline;
        CHECK(h.planned == 1);  // e1 only: proposals are not planned at the baseline
        CHECK(h.added == 2);    // p1 and p2, planned during the period
        CHECK(h.total == 3);
        CHECK(h.proposals_planned == 2);
        CHECK(h.still_proposed == 1);  // p3
        CHECK(h.run_items == 1);       // r1, not the proposal
        // e1, back in the backlog, left the plan: dropped; the four outcomes still add up.
        CHECK(h.dropped.count == 1);
        CHECK(h.carried_over.count == 2);
        CHECK(h.delivered.count + h.dropped.count + h.moved_out.count + h.carried_over.count == h.total);
        REQUIRE(c.proposals_planned.size() == 2);
        CHECK(c.proposals_planned[0].epic.id == "p1");
        CHECK_FALSE(c.proposals_planned[0].proposed);  // at the baseline
        CHECK(c.proposals_planned[0].planned.label == "c2");
        CHECK(c.proposals_planned[1].epic.id == "p2");
        REQUIRE(c.proposals_planned[1].proposed);
        CHECK(c.proposals_planned[1].proposed->label == "c1");
        CHECK(c.proposals_planned[1].planned.label == "c3");
        REQUIRE(c.added.size() == 2);
        CHECK(c.added[0].from_backlog);
        CHECK_FALSE(c.added[0].from_run);
        const std::string md = render_recap_markdown(c, Language::en);
        CHECK(md.find("## Proposals that entered the plan") != std::string::npos);
        CHECK(md.find("2 of the epics added were proposals from the backlog") != std::string::npos);
        CHECK(md.find("1 proposal still in the backlog is not counted as planned work.") != std::string::npos);
        CHECK(md.find("| P One (p1) | Sales | Ana | at the baseline | ") != std::string::npos);
        // Whole, in both languages: goldens that the markdown test also gives to markdownlint.
        test::check_golden("recap-backlog.md", md);
        test::check_golden("recap-backlog-fr.md", render_recap_markdown(c, Language::fr));
    }
}
