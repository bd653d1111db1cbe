// The status report's content, asserted on directly: figures, reasons, order, without Markdown.
#include <doctest/doctest.h>

#include <map>
#include <stdexcept>
#include <variant>

#include <fmt/format.h>

#include "boussole/loader.hpp"
#include "boussole/report_content.hpp"
#include "report/markdown.hpp"

using namespace boussole;

namespace {

// On 2026-11-23, day 54 of 92 of 2026-Q4: 0.587 of the period elapsed.
constexpr const char* roadmap_yaml = R"(roadmap:
  name: Payments
  team: Core
  period: 2026-Q4
  north_star: {title: Revenue, unit: EUR, baseline: 100, target: 200, current: 120, owner: ana}
  report: {max_open_epics: 1, stale_after_days: 10}
people:
  - {id: ana, name: Ana Lima}
  - {id: bo}
  - {id: cy}
objectives:
  - id: grow
    title: Grow
    owner: ana
    key_results:
      - {id: k1, title: Signups, baseline: 0, target: 100, current: 60}
      - {id: k2, title: Churn, baseline: 10, target: 5, current: 9, owner: bo}
      - {id: k3, title: NPS, baseline: 0, target: 10}
      - {id: k4, title: Speed, baseline: 0, target: 10, current: 4}
  - {id: idle, title: Idle}
streams:
  - id: build
    title: Build
    owner: ana
    epics:
      - id: late
        title: Late
        owner: ana
        status: in-progress
        start: 2026-10-15
        due: 2026-11-10
        key_results: [k1, k2]
        tasks:
          - {title: A, status: done}
          - {title: B, owner: bo, due: 2026-11-30}
          - {title: C, status: dropped}
      - {id: stuck, title: Stuck, owner: bo, status: blocked, due: 2026-11-01}
      - {id: wait, title: Wait, owner: bo, status: blocked, start: 2026-12-25, due: 2026-12-20}
      - {id: orphan, title: Orphan, tasks: [{title: T}]}
      - {id: gone, title: Gone, owner: ana, status: dropped, dropped_reason: not needed, due: 2026-10-20}
      - {id: shipped, title: Shipped, owner: ana, status: done, due: 2026-10-30}
  - id: ops
    title: Ops
    kind: run
    owner: bo
    epics:
      - id: tickets
        title: Tickets
        owner: bo
        status: in-progress
        tasks:
          - {title: Triage, status: doing}
          - {title: Rota, owner: ana}
          - {title: Old, status: done}
)";

StatusReportContent build(Audience audience = Audience::team,
                          std::optional<std::map<std::string, CheckIn>> check_ins = std::nullopt) {
    return build_status_report(load_roadmap_from_string(roadmap_yaml),
                               {*Date::parse("2026-11-23"), audience, "gen", std::move(check_ins)});
}

Date day(const char* iso) { return *Date::parse(iso); }

template <class Reason>
const Reason& reason(const AtRiskItem& i, std::size_t n = 0) {
    REQUIRE(i.reasons.size() > n);
    REQUIRE(std::holds_alternative<Reason>(i.reasons[n]));
    return std::get<Reason>(i.reasons[n]);
}

}  // namespace

TEST_SUITE("report") {
    TEST_CASE("the planned work's count agrees with its noun and adjective, in both languages") {
        auto header = [](int epics, Language language) {
            std::string yaml = "roadmap: {period: 2026-Q4}\nstreams: [{id: s, title: S, epics: [";
            for (int i = 0; i < epics; ++i)
                yaml += fmt::format("{}{{id: e{}, title: E, due: 2026-12-01}}", i ? ", " : "", i);
            ReportOptions options;
            options.as_of = *Date::parse("2026-11-23");
            const StatusReportContent c = build_status_report(load_roadmap_from_string(yaml + "]}]"), options);
            const std::string md = render_markdown(c, language);
            return md.substr(0, md.find("## "));
        };
        CHECK(header(1, Language::fr).find("moyenne sur 1 chantier prévu,") != std::string::npos);
        CHECK(header(2, Language::fr).find("moyenne sur 2 chantiers prévus,") != std::string::npos);
        CHECK(header(1, Language::en).find("mean over 1 planned epic,") != std::string::npos);
        CHECK(header(2, Language::en).find("mean over 2 planned epics,") != std::string::npos);
    }

    TEST_CASE("content: header facts") {
        const ReportHeader h = build().header;
        CHECK(h.name == "Payments");
        CHECK(h.team == "Core");
        CHECK(h.mission.empty());
        CHECK(h.period_label == "2026-Q4");
        CHECK(h.start == day("2026-10-01"));
        CHECK(h.end == day("2026-12-31"));
        CHECK(h.day == 54);
        CHECK(h.days == 92);
        CHECK(h.elapsed == doctest::Approx(54.0 / 92));
        // Planned work only: dropped epics and the run stream's activities are not counted
        // (late 0.5, stuck 0, wait 0, orphan 0, shipped 1; the run's tickets 1/3 are left out).
        CHECK(h.epics == 5);
        REQUIRE(h.work_done);
        CHECK(*h.work_done == doctest::Approx((0.5 + 1) / 5));

        const auto custom =
            build_status_report(load_roadmap_from_string("roadmap: {period: {start: 2026-10-05, end: 2026-12-18}}\n"),
                                {day("2026-11-23"), Audience::team, "gen", std::nullopt});
        CHECK(custom.header.period_label.empty());
        CHECK(custom.header.name.empty());
        CHECK(custom.header.day == 50);
        CHECK(custom.header.days == 75);
        CHECK_FALSE(custom.header.work_done);
        CHECK_FALSE(custom.north_star);
        CHECK(custom.footer.files == 1);
    }

    TEST_CASE("content: North Star and scorecard, with pace against the elapsed share") {
        const StatusReportContent c = build();
        REQUIRE(c.north_star);
        CHECK(c.north_star->title == "Revenue");
        CHECK(c.north_star->owner == "Ana Lima");
        CHECK(c.north_star->measure.unit == "EUR");
        CHECK(c.north_star->measure.current == 120);
        CHECK(*c.north_star->measure.score == doctest::Approx(0.2));
        CHECK(c.north_star->measure.pace == Pace::at_risk);
        CHECK_FALSE(c.north_star->check_in);

        REQUIRE(c.objectives.size() == 2);
        const ObjectiveScorecard& grow = c.objectives[0];
        CHECK(grow.owner == "Ana Lima");
        REQUIRE(grow.key_results.size() == 4);
        CHECK(grow.key_results[0].owner == "Ana Lima");                // the objective's owner
        CHECK(grow.key_results[1].owner == "bo");                      // its own, a handle without a name
        CHECK(grow.key_results[0].measure.pace == Pace::on_track);     // 0.60
        CHECK(grow.key_results[1].measure.pace == Pace::at_risk);      // 0.20, a metric that goes down
        CHECK(grow.key_results[2].measure.pace == Pace::no_data);      // no current value
        CHECK(grow.key_results[3].measure.pace == Pace::behind_pace);  // 0.40
        CHECK(*grow.key_results[1].measure.score == doctest::Approx(0.2));
        CHECK_FALSE(grow.key_results[2].measure.score);
        CHECK(grow.measured == 3);
        CHECK(*grow.mean_score == doctest::Approx((0.6 + 0.2 + 0.4) / 3));
        CHECK(c.objectives[1].owner.empty());
        CHECK(c.objectives[1].measured == 0);
        CHECK_FALSE(c.objectives[1].mean_score);
    }

    TEST_CASE("content: streams, epics and tasks") {
        const StatusReportContent c = build();
        REQUIRE(c.streams.size() == 2);
        const StreamFacts& b = c.streams[0];
        CHECK(b.kind == StreamKind::build);
        CHECK(*b.progress == doctest::Approx(0.3));  // late 0.5, shipped 1, three at 0; gone is dropped
        // An overdue epic is overdue, not next: late and stuck are, wait is next.
        CHECK(b.next_due == day("2026-12-20"));
        CHECK(b.overdue == 2);
        REQUIRE(b.epic_counts.size() == 5);
        CHECK(b.epic_counts[0].status == EpicStatus::done);
        CHECK(b.epic_counts[1].status == EpicStatus::in_progress);
        CHECK(b.epic_counts[2].status == EpicStatus::blocked);
        CHECK(b.epic_counts[2].count == 2);
        CHECK(b.epic_counts[3].status == EpicStatus::planned);
        CHECK(b.epic_counts[4].status == EpicStatus::dropped);

        REQUIRE(b.epics.size() == 6);
        const EpicRow& late = b.epics[0];
        CHECK(late.overdue);
        CHECK(*late.progress == doctest::Approx(0.5));
        CHECK(late.open_tasks == 1);
        CHECK(late.key_results == std::vector<std::string>{"k1", "k2"});
        REQUIRE(late.tasks.size() == 3);
        CHECK(late.tasks[1].owner == "bo");
        CHECK(late.tasks[1].due == day("2026-11-30"));
        CHECK_FALSE(late.tasks[1].overdue);
        CHECK(late.tasks[2].status == TaskStatus::dropped);
        CHECK_FALSE(b.epics[2].overdue);     // wait: due after the report date
        CHECK(b.epics[3].owner.empty());     // orphan
        CHECK_FALSE(b.epics[4].progress);    // gone: dropped
        CHECK_FALSE(b.epics[4].overdue);     // nor overdue
        CHECK(*b.epics[5].progress == 1.0);  // shipped: done without tasks

        const StreamFacts& ops = c.streams[1];
        CHECK(ops.kind == StreamKind::run);
        CHECK_FALSE(ops.progress);  // a run stream has no progress
        CHECK(ops.epics[0].open_tasks == 2);

        const StatusReportContent lead = build(Audience::leadership);
        CHECK(lead.streams[0].epics[0].tasks.empty());
        CHECK_FALSE(lead.load);
        CHECK_FALSE(lead.timeline);
    }

    TEST_CASE("content: what is at risk, and in which order") {
        const StatusReportContent c = build();
        REQUIRE(c.at_risk.size() == 7);
        // Overdue first, earliest due date first, across streams.
        // An epic overdue and blocked is one item with both reasons.
        CHECK(c.at_risk[0].id == "stuck");
        REQUIRE(c.at_risk[0].reasons.size() == 2);
        CHECK(reason<risk::Overdue>(c.at_risk[0]).days_late == 22);
        CHECK(std::holds_alternative<risk::Blocked>(c.at_risk[0].reasons[1]));
        CHECK(c.at_risk[1].id == "late");
        CHECK(c.at_risk[1].owner == "Ana Lima");
        CHECK(c.at_risk[1].reasons.size() == 1);
        CHECK(reason<risk::Overdue>(c.at_risk[1]).due == day("2026-11-10"));
        CHECK(reason<risk::Overdue>(c.at_risk[1]).days_late == 13);
        CHECK(reason<risk::Overdue>(c.at_risk[1]).progress == doctest::Approx(0.5));
        // Then blocked epics that are not overdue, the North Star and key results off pace, epics
        // without an owner. The North Star: 0.20 of the way with 59% of the period elapsed.
        CHECK(c.at_risk[2].id == "wait");
        CHECK(std::holds_alternative<risk::Blocked>(c.at_risk[2].reasons.at(0)));
        CHECK(c.at_risk[3].kind == AtRiskItem::Kind::north_star);
        CHECK(reason<risk::OffPace>(c.at_risk[3]).pace == Pace::at_risk);
        CHECK(reason<risk::OffPace>(c.at_risk[3]).score == doctest::Approx(0.2));
        CHECK(c.at_risk[4].kind == AtRiskItem::Kind::key_result);
        CHECK(c.at_risk[4].id == "k2");
        CHECK(reason<risk::OffPace>(c.at_risk[4]).pace == Pace::at_risk);
        CHECK(c.at_risk[5].id == "k4");
        CHECK(reason<risk::OffPace>(c.at_risk[5]).pace == Pace::behind_pace);
        CHECK(reason<risk::OffPace>(c.at_risk[5]).score == doctest::Approx(0.4));
        CHECK(c.at_risk[6].id == "orphan");
        CHECK(c.at_risk[6].owner.empty());
        CHECK(std::holds_alternative<risk::NoOwner>(c.at_risk[6].reasons.at(0)));
        for (const AtRiskItem& i : c.at_risk) CHECK(i.reasons.size() == (i.id == "stuck" ? 2 : 1));

        // An overdue epic without an owner: one item, both reasons, in the list's order.
        const auto lone = build_status_report(
            load_roadmap_from_string("roadmap: {name: N, period: 2026-Q4}\nstreams: [{id: s, title: S, epics: "
                                     "[{id: e, title: E, due: 2026-11-01, tasks: [{title: T, due: 2026-11-02}, "
                                     "{title: U, status: done, due: 2026-11-02}]}]}]\n"),
            {day("2026-11-23"), Audience::team, "gen", std::nullopt});
        REQUIRE(lone.at_risk.size() == 1);
        REQUIRE(lone.at_risk[0].reasons.size() == 2);
        CHECK(reason<risk::Overdue>(lone.at_risk[0]).days_late == 22);
        CHECK(std::holds_alternative<risk::NoOwner>(lone.at_risk[0].reasons[1]));
        // Its open task past its due date is overdue too; the done one is not.
        CHECK(lone.streams[0].epics[0].tasks[0].overdue);
        CHECK_FALSE(lone.streams[0].epics[0].tasks[1].overdue);
        CHECK_FALSE(lone.streams[0].next_due);
        CHECK(lone.streams[0].overdue == 1);
    }

    // issue 14, item 1
    TEST_CASE("content: changes toward or away from the target, the since point, trends capped and flat") {
        Trends t;
        t.since.kind = SinceRequest::Kind::date;
        t.since.date = day("2026-11-16");
        CommitInfo point;
        point.short_id = "abc1234";
        point.date = day("2026-11-15");
        t.since_commit = point;
        // k1 (up, 0 → 100) now 60; k2 (down, 10 → 5) now 9; k4 (0 → 10) now 4; the North Star 120.
        std::vector<double> long_series;
        for (int i = 0; i < 15; ++i) long_series.push_back(40 + i);  // 15 values: the first 3 left out
        long_series.back() = 60;
        t.values["k1"] = {.previous = 50, .first_value = false, .at_since = 60, .series = long_series};
        t.values["k2"] = {.previous = 8, .first_value = false, .at_since = 10, .series = {10, 8, 9}};
        t.values["k4"] = {.previous = std::nullopt, .first_value = true, .at_since = std::nullopt, .series = {4}};
        t.values[""] = {.previous = std::nullopt, .first_value = false, .at_since = 120, .series = {120, 120}};
        ReportOptions o{day("2026-11-23"), Audience::leadership, "gen", std::nullopt};
        o.trends = t;
        const StatusReportContent c = build_status_report(load_roadmap_from_string(roadmap_yaml), o);
        CHECK(c.trends);
        REQUIRE(c.since);
        CHECK(c.since->commit == "abc1234");
        CHECK(c.since->commit_date == day("2026-11-15"));
        CHECK(c.since->asked == day("2026-11-16"));
        const auto& krs = c.objectives[0].key_results;
        // k1: +10 since its check-in (toward 100: better), unchanged since the point; 12 of 15 shown.
        REQUIRE(krs[0].trend);
        CHECK(krs[0].trend->since_check_in.delta == 10);
        CHECK(krs[0].trend->since_check_in.direction == Direction::better);
        CHECK(krs[0].trend->since_point->delta == 0);
        CHECK(krs[0].trend->since_point->direction == Direction::unchanged);
        CHECK(krs[0].trend->capped);
        CHECK(krs[0].trend->values.size() == trend_points);
        CHECK(krs[0].trend->values.front() == 43);
        // 43..53, then 60: scaled over 43..60, (v − 43) / 17 × 7 rounded.
        CHECK(krs[0].trend->levels == std::vector<int>{0, 0, 1, 1, 2, 2, 2, 3, 3, 4, 4, 7});
        // k2 must go down: 8 → 9 is worse, 10 → 9 better.
        REQUIRE(krs[1].trend);
        CHECK(krs[1].trend->since_check_in.delta == 1);
        CHECK(krs[1].trend->since_check_in.direction == Direction::worse);
        CHECK(krs[1].trend->since_point->delta == -1);
        CHECK(krs[1].trend->since_point->direction == Direction::better);
        CHECK(krs[1].trend->levels == std::vector<int>{7, 0, 4});  // 10 8 9: 7, 0, 3.5 → 4
        CHECK_FALSE(krs[1].trend->capped);
        // k3 has no current value: no entry, no trend; k4 is new since its check-in and the point.
        CHECK_FALSE(krs[2].trend);
        REQUIRE(krs[3].trend);
        CHECK(krs[3].trend->since_check_in.is_new);
        CHECK_FALSE(krs[3].trend->since_check_in.delta);
        CHECK(krs[3].trend->since_point->is_new);
        CHECK(krs[3].trend->flat);
        CHECK(krs[3].trend->levels == std::vector<int>{3});
        // The North Star: no earlier value read (neither new nor a change), flat.
        REQUIRE(c.north_star->trend);
        CHECK_FALSE(c.north_star->trend->since_check_in.delta);
        CHECK_FALSE(c.north_star->trend->since_check_in.is_new);
        CHECK(c.north_star->trend->flat);
        CHECK(c.north_star->trend->levels == std::vector<int>{3, 3});
        // A key result without a distinct baseline and target: a change with no direction.
        const StatusReportContent flat_target = build_status_report(
            load_roadmap_from_string("roadmap: {period: 2026-Q4}\nobjectives: [{id: o, key_results: [{id: k, "
                                     "baseline: 5, target: 5, current: 7}]}]\n"),
            [&] {
                ReportOptions f{day("2026-11-23"), Audience::team, "gen", std::nullopt};
                Trends ft;
                ft.values["k"] = {.previous = 5, .first_value = false, .at_since = std::nullopt, .series = {5, 7}};
                f.trends = ft;
                return f;
            }());
        CHECK(flat_target.objectives[0].key_results[0].trend->since_check_in.direction == Direction::unknown);
        CHECK_FALSE(flat_target.objectives[0].key_results[0].trend->since_point);  // no point
        CHECK_FALSE(flat_target.since->commit.size());
        // The renderer's cells: signed changes in the unit as written, the direction in words, the
        // cap marked by …, a flat trend all ▄.
        const std::string md = render_markdown(c);
        CHECK(md.find("| Change | Since 2026-11-15 | Trend |") != std::string::npos);
        CHECK(md.find("| +10 (better) | unchanged | …▁▁▂▂▃▃▃▄▄▅▅█ |") != std::string::npos);
        CHECK(md.find("| +1 (worse) | −1 (better) | █▁▅ |") != std::string::npos);
        CHECK(md.find("| first value | first value | ▄ |") != std::string::npos);
        CHECK(md.find("Since its last check-in: –; since 2026-11-15: unchanged; trend over the period: ▄▄.") !=
              std::string::npos);
        // Values at the ends of what a double holds: no change figure that overflows, every block in range.
        const StatusReportContent huge = build_status_report(
            load_roadmap_from_string("roadmap: {period: 2026-Q4}\nobjectives: [{id: o, key_results: [{id: k, "
                                     "baseline: -1e308, target: 1e308, current: 1e308}]}]\n"),
            [&] {
                ReportOptions f{day("2026-11-23"), Audience::team, "gen", std::nullopt};
                Trends ht;
                ht.values["k"] = {
                    .previous = -1e308, .first_value = false, .at_since = std::nullopt, .series = {-1e308, 0, 1e308}};
                f.trends = ht;
                return f;
            }());
        const ValueTrend& ends = *huge.objectives[0].key_results[0].trend;
        CHECK_FALSE(ends.since_check_in.delta);
        CHECK(ends.levels == std::vector<int>{0, 4, 7});
        CHECK_FALSE(render_markdown(huge).empty());
        // Without history: no trends, no since point.
        CHECK_FALSE(build().trends);
        CHECK_FALSE(build().since);
    }

    TEST_CASE("content: check-ins, stale past roadmap.report.stale_after_days") {
        CHECK_FALSE(build().check_ins);
        std::map<std::string, CheckIn> check_ins{
            {"", {day("2026-11-01"), true}},  // the North Star: 22 days, or more
            {"k1", {day("2026-11-20"), false}},
            {"k2", {std::nullopt, false}},  // not committed yet
            {"k4", {day("2026-11-12"), false}},
        };
        const StatusReportContent c = build(Audience::team, check_ins);
        CHECK(c.check_ins);
        REQUIRE(c.north_star->check_in);
        CHECK(c.north_star->check_in->or_before);
        CHECK(c.north_star->check_in->stale_days == 22);
        const auto& krs = c.objectives[0].key_results;
        CHECK_FALSE(krs[0].check_in->stale_days);  // 3 days
        CHECK_FALSE(krs[1].check_in->date);
        CHECK_FALSE(krs[1].check_in->stale_days);
        CHECK_FALSE(krs[2].check_in);              // no entry
        CHECK(krs[3].check_in->stale_days == 11);  // 11 > 10

        // k4, behind pace and stale, is one item with both reasons; so is the North Star, off pace
        // and stale, first among the measures.
        REQUIRE(c.at_risk.size() == 7);
        CHECK(c.at_risk[3].kind == AtRiskItem::Kind::north_star);
        CHECK(c.at_risk[3].owner == "Ana Lima");
        REQUIRE(c.at_risk[3].reasons.size() == 2);
        CHECK(reason<risk::OffPace>(c.at_risk[3]).pace == Pace::at_risk);
        CHECK(reason<risk::Stale>(c.at_risk[3], 1).days == 22);
        CHECK(reason<risk::Stale>(c.at_risk[3], 1).or_before);
        CHECK(reason<risk::Stale>(c.at_risk[3], 1).last == day("2026-11-01"));
        CHECK(c.at_risk[5].id == "k4");
        REQUIRE(c.at_risk[5].reasons.size() == 2);
        CHECK(reason<risk::OffPace>(c.at_risk[5]).pace == Pace::behind_pace);
        CHECK(reason<risk::Stale>(c.at_risk[5], 1).days == 11);
        CHECK(reason<risk::Stale>(c.at_risk[5], 1).stale_after == 10);
        CHECK_FALSE(reason<risk::Stale>(c.at_risk[5], 1).cadence);
        CHECK(c.at_risk[6].id == "orphan");
        const std::string md = render_markdown(c);
        CHECK(md.find("| Key result Speed (k4) | Ana Lima | behind pace: score 0.40 with 59% of the period elapsed; "
                      "stale: last check-in 2026-11-12, 11 days ago, more than the 10 days of "
                      "roadmap.report.stale_after_days |") != std::string::npos);
    }

    TEST_CASE("content: checked_on and cadence: the later check-in, and the key result's own threshold") {
        // stale_after_days is 10 for the roadmap; on 2026-11-23.
        std::string yaml = roadmap_yaml;
        auto replace = [&](const std::string& from, const std::string& to) {
            REQUIRE(yaml.find(from) != std::string::npos);
            yaml.replace(yaml.find(from), from.size(), to);
        };
        replace("current: 60}", "current: 60, checked_on: 2026-11-20}");                 // k1
        replace("current: 9, owner: bo}", "current: 9, owner: bo, cadence: monthly}");   // k2
        replace("target: 10}", "target: 10, checked_on: 2026-11-01, cadence: weekly}");  // k3
        replace("current: 4}", "current: 4, checked_on: 2026-11-30}");                   // k4: after the report date
        replace("current: 120, owner: ana}", "current: 120, owner: ana, checked_on: 2026-11-15}");
        const Roadmap r = load_roadmap_from_string(yaml);
        REQUIRE(r.load_findings.empty());
        auto build_with = [&](std::optional<std::map<std::string, CheckIn>> check_ins) {
            return build_status_report(r, {day("2026-11-23"), Audience::team, "gen", std::move(check_ins)});
        };
        // With history: the later of the commit and checked_on; the cadence's threshold.
        const StatusReportContent c = build_with(std::map<std::string, CheckIn>{
            {"", {day("2026-11-01"), true}},
            {"k1", {day("2026-10-20"), false}},
            {"k2", {day("2026-10-25"), false}},
            {"k4", {day("2026-11-10"), false}},
        });
        CHECK(c.check_ins);
        CHECK(c.stale_after_days == 10);
        REQUIRE(c.north_star->check_in);
        CHECK(c.north_star->check_in->date == day("2026-11-15"));  // checked_on, later than the commit
        CHECK_FALSE(c.north_star->check_in->or_before);            // and exact
        CHECK_FALSE(c.north_star->check_in->stale_days);           // 8 days
        const auto& krs = c.objectives[0].key_results;
        CHECK(krs[0].check_in->date == day("2026-11-20"));
        CHECK_FALSE(krs[0].check_in->stale_days);
        CHECK(krs[1].check_in->date == day("2026-10-25"));  // 29 days, monthly: not stale
        CHECK(krs[1].check_in->cadence == Cadence::monthly);
        CHECK(krs[1].check_in->stale_after == 31);
        CHECK_FALSE(krs[1].check_in->stale_days);
        CHECK(krs[2].check_in->date == day("2026-11-01"));  // no current value, no history: checked_on
        CHECK(krs[2].check_in->stale_days == 22);           // weekly
        CHECK(krs[2].check_in->stale_after == 7);
        CHECK(krs[3].check_in->date == day("2026-11-10"));  // checked_on after the report date is left out
        CHECK(krs[3].check_in->stale_days == 13);
        // An uncommitted value is the latest, whatever checked_on says.
        const StatusReportContent uncommitted = build_with(std::map<std::string, CheckIn>{{"k1", {}}});
        CHECK_FALSE(uncommitted.objectives[0].key_results[0].check_in->date);
        CHECK_FALSE(uncommitted.objectives[0].key_results[0].check_in->stale_days);
        // Without history: checked_on alone, and a column because one is written.
        const StatusReportContent files = build_with(std::nullopt);
        CHECK(files.check_ins);
        CHECK(files.objectives[0].key_results[0].check_in->date == day("2026-11-20"));
        CHECK_FALSE(files.objectives[0].key_results[1].check_in);  // k2: neither
        CHECK_FALSE(files.objectives[0].key_results[3].check_in);  // k4: only a checked_on after the report date
        const std::string md = render_markdown(files);
        CHECK(md.find("| 2026-11-01 (weekly) ⚠ stale (22 days) |") != std::string::npos);
        CHECK(md.find("stale: last check-in 2026-11-01, 22 days ago, more than its weekly cadence (7 days)") !=
              std::string::npos);
        CHECK(md.find("stale after its cadence, else after 10 days (roadmap.report.stale_after_days)") !=
              std::string::npos);
    }

    TEST_CASE("content: load per owner, most open epics first") {
        const LoadFacts load = *build().load;
        CHECK(load.max_open_epics == 1);
        REQUIRE(load.owners.size() == 3);
        // bo: stuck, wait, tickets; late's task B, and tickets' Triage (no owner: the epic's).
        CHECK(load.owners[0].name == "bo");
        CHECK(load.owners[0].open_epics == 3);
        CHECK(load.owners[0].open_tasks == 2);
        CHECK(load.owners[0].over_limit);
        // Ana: late (shipped is done, gone dropped); the Rota task. One is not more than the limit.
        CHECK(load.owners[1].name == "Ana Lima");
        CHECK(load.owners[1].open_epics == 1);
        CHECK(load.owners[1].open_tasks == 1);
        CHECK_FALSE(load.owners[1].over_limit);
        // Declared people are listed without open work; orphan's task T counts for nobody.
        CHECK(load.owners[2].name == "cy");
        CHECK(load.owners[2].open_epics == 0);
        CHECK(load.owners[2].open_tasks == 0);
    }

    TEST_CASE("content: timeline bars and undated epics") {
        const TimelineFacts t = *build().timeline;
        REQUIRE(t.sections.size() == 1);  // ops has no dated activity
        CHECK(t.sections[0].id == "build");
        const auto& bars = t.sections[0].bars;
        REQUIRE(bars.size() == 4);  // gone is dropped, orphan undated
        CHECK(bars[0].id == "late");
        CHECK(bars[0].start == day("2026-10-15"));
        CHECK(bars[0].overdue);
        CHECK(bars[1].id == "stuck");
        CHECK(bars[1].start == day("2026-10-01"));  // no start: the period's
        CHECK(bars[1].status == EpicStatus::blocked);
        CHECK(bars[2].id == "wait");
        CHECK(bars[2].start == day("2026-12-20"));  // a start after the due date is clamped to it
        CHECK(bars[2].end == day("2026-12-20"));
        CHECK(bars[3].id == "shipped");
        CHECK_FALSE(bars[3].overdue);
        REQUIRE(t.undated.size() == 1);  // tickets, a run activity, is not listed
        CHECK(t.undated[0].id == "orphan");
    }

    TEST_CASE("issue 15: a bar's dependencies are the other bars it depends on, once each") {
        std::string yaml = roadmap_yaml;
        const std::string stuck = "{id: stuck, title: Stuck, owner: bo, status: blocked, due: 2026-11-01";
        REQUIRE(yaml.find(stuck) != std::string::npos);
        yaml.replace(yaml.find(stuck), stuck.size(),
                     stuck + ", depends_on: [late, gone, orphan, stuck, wait, late, nowhere, tickets]");
        const StatusReportContent c = build_status_report(
            load_roadmap_from_string(yaml), {*Date::parse("2026-11-23"), Audience::team, "gen", std::nullopt});
        const auto& bars = c.timeline->sections.at(0).bars;
        REQUIRE(bars.size() == 4);
        CHECK(bars[0].depends_on.empty());
        // gone is dropped, orphan undated, tickets has no due date, nowhere is no epic: not bars;
        // itself and a repeat are left out.
        CHECK(bars[1].depends_on == std::vector<std::string>{"late", "wait"});
    }

    TEST_CASE("issue 15: the burn-up is shown to the team and leadership, never to sellers") {
        BurnUp b;
        b.start = day("2026-10-01");
        b.end = day("2026-12-31");
        b.as_of = day("2026-11-23");
        b.planned = 4;
        b.points = {{day("2026-10-01"), 4, 0, 0, 0}, {day("2026-11-23"), 4, 1, 0, 0}};
        for (Audience a : {Audience::team, Audience::leadership, Audience::sellers}) {
            ReportOptions o{*Date::parse("2026-11-23"), a, "gen", std::nullopt};
            o.burn_up = b;
            const StatusReportContent c = build_status_report(load_roadmap_from_string(roadmap_yaml), o);
            CAPTURE(to_string(a));
            CHECK(c.burn_up.has_value() == (a != Audience::sellers));
            if (c.burn_up) CHECK(c.burn_up->points.size() == 2);
        }
        CHECK_FALSE(build().burn_up);  // no history read
        // The header's line, in both languages; the oldest state read stands for a plan it lacks.
        ReportOptions o{*Date::parse("2026-11-23"), Audience::leadership, "gen", std::nullopt};
        b.points.back() = {day("2026-11-23"), 5, 1, 2, 1};
        o.burn_up = b;
        const StatusReportContent c = build_status_report(load_roadmap_from_string(roadmap_yaml), o);
        CHECK(render_markdown(c).find("- **Planned work over the period:** 1 of 5 epics done; the plan had 4, 2 added "
                                      "and 1 taken out since (from git history;") != std::string::npos);
        CHECK(render_markdown(c, Language::fr)
                  .find("- **Travail prévu sur la période\u00a0:** 1 chantier terminé sur 5\u202f; le plan en comptait "
                        "4, 2 ajoutés et 1 retiré depuis (d’après l’historique git") != std::string::npos);
        // No planned work at any point (a run stream's report): no burn-up, as no planned work done.
        ReportOptions none = o;
        for (BurnUpPoint& p : none.burn_up->points) p = {p.date, 0, 0, 0, 0};
        none.burn_up->planned = 0;
        CHECK_FALSE(build_status_report(load_roadmap_from_string(roadmap_yaml), none).burn_up);
        o.burn_up->or_before = true;
        CHECK(render_markdown(build_status_report(load_roadmap_from_string(roadmap_yaml), o))
                  .find("1 of 5 epics done; the oldest state read (the history starts after the period's start) had "
                        "4, 2 added and 1 taken out since") != std::string::npos);
    }

    TEST_CASE("content: names are kept as written, for each renderer to escape") {
        const auto c = build_status_report(
            load_roadmap_from_string("roadmap: {name: \"A | *b*\", period: 2026-Q4}\npeople: [{id: x, name: "
                                     "\"<X>\"}]\nstreams: [{id: s, title: \"_s_\", owner: x, epics: []}]\n"),
            {day("2026-11-23"), Audience::team, "gen", std::nullopt});
        CHECK(c.header.name == "A | *b*");
        CHECK(c.streams[0].title == "_s_");
        CHECK(c.streams[0].owner == "<X>");
        CHECK(c.streams[0].epic_counts.empty());
        CHECK_FALSE(c.streams[0].next_due);
        CHECK(c.load->owners[0].name == "<X>");
    }

    TEST_CASE("a key result whose target equals its baseline says why it has no score") {
        const Roadmap r = load_roadmap_from_string(
            "roadmap: {name: N, period: 2026-Q4}\n"
            "objectives: [{id: o, title: O, key_results: [{id: flat, title: Flat, baseline: 40, target: 40, "
            "current: 42}, {id: fine, title: Fine, baseline: 40, target: 50, current: 42}]}]\n");
        ReportOptions o;
        o.as_of = *Date::parse("2026-11-23");
        const StatusReportContent c = build_status_report(r, o);
        REQUIRE(c.objectives.size() == 1);
        REQUIRE(c.objectives[0].key_results.size() == 2);
        CHECK(c.objectives[0].key_results[0].measure.no_distance);
        CHECK_FALSE(c.objectives[0].key_results[0].measure.score);
        CHECK_FALSE(c.objectives[0].key_results[1].measure.no_distance);
        CHECK(render_status_report(r, o).find("| no score: target = baseline |") != std::string::npos);
    }
}

// issue 14, items 2 and 3: the owner's update, and every field they wrote.
TEST_SUITE("report") {
    // On 2026-11-23, stale_after_days 10.
    constexpr const char* fields_yaml = R"yaml(roadmap:
  name: Fields
  period: 2026-Q4
  north_star: {id: ns, title: Revenue, metric: revenue, baseline: 100, target: 200, current: 190, owner: ana}
  report: {stale_after_days: 10}
people:
  - {id: ana, name: Ana Lima, role: Lead, email: ana@example.com, responsibilities: [Plan, Forecast]}
  - {id: bo}
metrics:
  - {id: revenue, name: Revenue, definition: Signed revenue., dashboard: "https://d.example.com/a b|(c)", owner: bo}
  - {id: unused, name: Unused}
objectives:
  - id: grow
    title: Grow
    owner: ana
    key_results:
      - {id: k1, title: Signups, metric: free text metric, baseline: 0, target: 100, current: 60}
      - {id: k2, title: Churn, metric: revenue, baseline: 0, target: 100, current: 60}
streams:
  - id: build
    title: Build
    epics:
      - {id: none, title: No priority, owner: ana, status: in-progress, update: "Old news, **bold**", due: 2026-12-20}
      - {id: p2, title: Two, owner: ana, priority: P2, status: in-progress, update: fresh, due: 2026-12-20}
      - {id: gone, title: Gone, owner: ana, status: dropped, dropped_reason: not needed, priority: P1}
      - id: p0
        title: Zero
        owner: ana
        priority: P0
        status: planned
        update: planned, old
        estimate: 3w
        depends_on: [p2]
        due: 2026-12-20
        tasks: [{id: t1, title: First}]
      - {id: silent, title: Silent, owner: ana, status: in-progress, due: 2026-12-20}
  - id: ops
    title: Ops
    kind: run
    epics:
      - {id: tickets, title: Tickets, owner: bo, status: in-progress, update: old run note}
)yaml";

    StatusReportContent fields(Audience audience, std::optional<std::map<std::string, CheckIn>> updates) {
        ReportOptions o;
        o.as_of = day("2026-11-23");
        o.audience = audience;
        o.updates = std::move(updates);
        if (o.updates) o.check_ins = std::map<std::string, CheckIn>{};  // history was read
        return build_status_report(load_roadmap_from_string(fields_yaml), o);
    }

    const EpicRow& epic_row(const StatusReportContent& c, const std::string& id) {
        for (const StreamFacts& s : c.streams)
            for (const EpicRow& e : s.epics)
                if (e.id == id) return e;
        FAIL("no epic " << id);
        throw std::logic_error("unreachable");
    }

    TEST_CASE("issue 14: an epic's update, dated from history; an in-progress build epic's goes stale") {
        const std::map<std::string, CheckIn> updates{
            {"none", {day("2026-11-01"), false}},     // 22 days: stale
            {"p2", {day("2026-11-20"), false}},       // 3 days
            {"p0", {day("2026-10-01"), true}},        // old, but planned: not judged
            {"tickets", {day("2026-10-01"), false}},  // old, but a run activity: not judged
        };
        const StatusReportContent c = fields(Audience::team, updates);
        const EpicRow& none = epic_row(c, "none");
        REQUIRE(none.update);
        CHECK(none.update->text == "Old news, **bold**");
        REQUIRE(none.update->changed);
        CHECK(none.update->changed->date == day("2026-11-01"));
        CHECK(none.update->stale_after == 10);
        CHECK(none.update->stale_days == 22);
        CHECK_FALSE(epic_row(c, "p2").update->stale_days);
        CHECK_FALSE(epic_row(c, "p0").update->stale_days);
        CHECK(epic_row(c, "p0").update->changed->or_before);
        CHECK_FALSE(epic_row(c, "tickets").update->stale_days);
        CHECK_FALSE(epic_row(c, "silent").update);  // none written: nothing shown, nothing flagged

        // The stale update is an at-risk reason, after the measures, with the update beside it.
        const AtRiskItem* item = nullptr;
        for (const AtRiskItem& i : c.at_risk)
            if (i.id == "none") item = &i;
        REQUIRE(item);
        CHECK(item->reasons.size() == 1);
        CHECK(reason<risk::StaleUpdate>(*item).days == 22);
        CHECK(reason<risk::StaleUpdate>(*item).last == day("2026-11-01"));
        CHECK(reason<risk::StaleUpdate>(*item).stale_after == 10);
        REQUIRE(item->update);
        CHECK(item->update->text == "Old news, **bold**");
        for (const AtRiskItem& i : c.at_risk) CHECK(i.id != "silent");

        const std::string team = render_markdown(c);
        CHECK(team.find("Update of none (2026-11-01 ⚠ 22 days old): Old news, \\*\\*bold\\*\\*\n") !=
              std::string::npos);
        CHECK(team.find("Update of p0 (2026-10-01 or before): planned, old\n") != std::string::npos);
        CHECK(team.find("update stale: last changed 2026-11-01, 22 days ago, more than the 10 days of "
                        "roadmap.report.stale_after_days") != std::string::npos);
        CHECK(team.find("an in-progress epic's is stale after 10 days") != std::string::npos);
        const std::string lead = render_markdown(fields(Audience::leadership, updates));
        CHECK(lead.find("| What | Owner | Why | Owner's update |") != std::string::npos);
        CHECK(lead.find("Old news, \\*\\*bold\\*\\* (2026-11-01 ⚠ 22 days old) |") != std::string::npos);
        CHECK(lead.find("Update of") == std::string::npos);  // not under the epics: leadership has no epic list
        const std::string fr = render_markdown(fields(Audience::leadership, updates), Language::fr);
        CHECK(fr.find("mise à jour périmée\u00a0: modifiée le 2026-11-01, il y a 22\u00a0jours") != std::string::npos);

        // Without history: shown without a date, never judged stale.
        const StatusReportContent files = fields(Audience::team, std::nullopt);
        CHECK_FALSE(epic_row(files, "none").update->changed);
        CHECK_FALSE(epic_row(files, "none").update->stale_days);
        for (const AtRiskItem& i : files.at_risk) CHECK(i.id != "none");
        const std::string md = render_markdown(files);
        CHECK(md.find("Update of none: Old news, \\*\\*bold\\*\\*\n") != std::string::npos);
        CHECK(md.find("git history is not read, so it has no date and is never judged stale") != std::string::npos);
    }

    TEST_CASE("issue 14: priority orders the epics of a stream, P0 first, unprioritised last") {
        const StatusReportContent c = fields(Audience::team, std::nullopt);
        std::string order;
        for (const EpicRow& e : c.streams[0].epics) order += e.id + " ";
        CHECK(order == "p0 gone p2 none silent ");
        CHECK(c.streams[0].epics[0].priority == "P0");
        const std::string md = render_markdown(c);
        CHECK(md.find("| Status | Epic | Priority | Owner | Due | Estimate | Progress | Key results |") !=
              std::string::npos);
        CHECK(md.find("| ○ planned | Zero (p0) | P0 | Ana Lima | 2026-12-20 | 3w | ░░░░░░░░░░ 0% | – |") !=
              std::string::npos);
        CHECK(md.find("Epics are listed by priority, P0 first, those without one last.") != std::string::npos);
    }

    TEST_CASE("issue 14: what they wrote, shown: estimate, dependencies, dropped reason, task ids, North Star") {
        const StatusReportContent c = fields(Audience::team, std::nullopt);
        const EpicRow& p0 = epic_row(c, "p0");
        CHECK(p0.estimate == "3w");
        CHECK(p0.depends_on == std::vector<std::string>{"p2"});
        CHECK(p0.tasks[0].id == "t1");
        CHECK(epic_row(c, "gone").dropped_reason == "not needed");
        CHECK(epic_row(c, "p2").dropped_reason.empty());
        CHECK(c.north_star->id == "ns");
        const std::string md = render_markdown(c);
        CHECK(md.find("p0 waits for p2.\n") != std::string::npos);
        CHECK(md.find("gone was dropped: not needed\n") != std::string::npos);
        CHECK(md.find("- [ ] First (t1)\n") != std::string::npos);
        CHECK(md.find("**Revenue** (ns): 100 → 190, target 200") != std::string::npos);
        CHECK(md.find("Owner: Ana Lima.\n") != std::string::npos);

        const StatusReportContent lead = fields(Audience::leadership, std::nullopt);
        CHECK(epic_row(lead, "gone").dropped_reason == "not needed");
        CHECK(epic_row(lead, "p0").estimate.empty());  // the team's detail
        const std::string lmd = render_markdown(lead);
        CHECK(lmd.find("Dropped from the plan:\n\n- Gone (gone): not needed\n") != std::string::npos);
    }

    TEST_CASE("issue 14: the scorecard's metrics, with definition and dashboard link; who to ask") {
        const StatusReportContent c = fields(Audience::team, std::nullopt);
        REQUIRE(c.metrics.size() == 3);
        CHECK(c.metrics[0].id == "revenue");
        CHECK(c.metrics[0].declared);
        CHECK(c.metrics[0].owner == "bo");
        CHECK(c.metrics[0].measures == std::vector<std::string>{"", "k2"});  // the North Star, then k2
        CHECK(c.metrics[1].id == "unused");
        CHECK(c.metrics[1].measures.empty());
        CHECK(c.metrics[2].id == "free text metric");
        CHECK_FALSE(c.metrics[2].declared);
        CHECK(c.metrics[2].measures == std::vector<std::string>{"k1"});
        const std::string md = render_markdown(c);
        // The URL is percent-encoded where it could end the link or break the table.
        CHECK(md.find("| Revenue (revenue) | Signed revenue. | bo | "
                      "[dashboard](https://d.example.com/a%20b%7C%28c%29) | North Star, k2 |") != std::string::npos);
        REQUIRE(c.who_to_ask.size() == 2);
        CHECK(c.who_to_ask[0].responsibilities == std::vector<std::string>{"Plan", "Forecast"});
        CHECK(md.find("## Who to ask\n\n| Person | Role | Responsibilities | E-mail |") != std::string::npos);
        CHECK(md.find("| Ana Lima (ana) | Lead | Plan; Forecast | <ana@example.com> |") != std::string::npos);
        CHECK(fields(Audience::leadership, std::nullopt).who_to_ask.empty());
    }

    TEST_CASE("issue 14: links and e-mail addresses are written so that they cannot break out") {
        CHECK(md::link("dashboard", "https://x.example/a b") == "[dashboard](https://x.example/a%20b)");
        CHECK(md::link("d", "https://x.example/)](javascript:alert(1))") ==
              "[d](https://x.example/%29%5D%28javascript:alert%281%29%29)");
        CHECK(md::link("d", "https://x.example/\u00e9\x1b") == "[d](https://x.example/%C3%A9%1B)");
        CHECK(md::link("d", "javascript:alert(1)") == "javascript:alert(1)");  // not linked: not http(s)
        CHECK(md::link("[d]", "http://x.example") == "[\\[d\\]](http://x.example)");
        CHECK(md::email("ana@example.com") == "<ana@example.com>");
        CHECK(md::email("a|b@example.com") == "a\\|b@example.com");
        CHECK(md::email("a<b>@example.com") == "a\\<b\\>@example.com");
    }
}

// issue 14, item 5
TEST_SUITE("report") {
    TEST_CASE("content: a proposed epic is in the backlog, by priority, and in no planned-work figure") {
        const std::string base = R"(roadmap: {name: P, period: 2026-Q4}
people: [{id: ana, name: Ana Lima}]
streams:
  - id: build
    title: Build
    owner: ana
    epics:
      - {id: half, title: Half, owner: ana, status: in-progress, due: 2026-11-10, tasks: [{title: A, status: done}, {title: B}]}
)";
        const std::string proposals = R"(      - {id: later, title: Later, owner: ana, status: proposed}
      - {id: top, title: Top, status: proposed, priority: P0, estimate: 3w, key_results: [k1], due: 2026-10-02}
      - {id: mid, title: Mid, owner: ana, status: proposed, priority: P2, tasks: [{title: T}]}
)";
        auto content = [](const std::string& yaml, Audience a = Audience::team) {
            return build_status_report(load_roadmap_from_string(yaml),
                                       {*Date::parse("2026-11-23"), a, "gen", std::nullopt});
        };
        const StatusReportContent without = content(base), with = content(base + proposals);
        // The planned work done, its count, the stream's progress and counts are the same.
        CHECK(with.header.epics == 1);
        CHECK(with.header.work_done == without.header.work_done);
        CHECK(with.streams[0].progress == without.streams[0].progress);
        REQUIRE(with.streams[0].epic_counts.size() == 1);
        CHECK(with.streams[0].epic_counts[0].status == EpicStatus::in_progress);
        CHECK(with.streams[0].epics.size() == 1);
        // Not at risk (overdue, no owner), not in the load, not on the timeline.
        CHECK(with.at_risk.size() == without.at_risk.size());
        CHECK(with.load->owners[0].open_epics == 1);
        CHECK(with.timeline->undated.empty());
        CHECK(with.timeline->sections[0].bars.size() == 1);
        CHECK(with.streams[0].overdue == 1);  // "half" only: "top", due 2026-10-02, is a proposal
        // The backlog: P0 first, unprioritised last.
        REQUIRE(with.backlog.size() == 3);
        CHECK(with.backlog[0].id == "top");
        CHECK(with.backlog[0].priority == std::optional<std::string>("P0"));
        CHECK(with.backlog[0].estimate == "3w");
        CHECK(with.backlog[0].key_results == std::vector<std::string>{"k1"});
        CHECK(with.backlog[1].id == "mid");
        CHECK(with.backlog[2].id == "later");
        CHECK_FALSE(with.backlog[2].priority);
        CHECK(with.backlog[2].owner == "Ana Lima");
        CHECK(with.backlog[2].stream == "Build");
        CHECK(content(base + proposals, Audience::leadership).backlog.size() == 3);
        // The sellers' view: a proposal is not coming.
        const auto sellers = content(base + proposals, Audience::sellers);
        CHECK(sellers.backlog.empty());
        REQUIRE(sellers.sellers);
        CHECK(sellers.sellers->coming.empty());
        const std::string md = render_markdown(with);
        CHECK(md.find("## Backlog\n\nProposed epics, by priority") != std::string::npos);
        CHECK(md.find("| P0 | Top (top) | Build | – | k1 |\n| P2 | Mid (mid) | Build | Ana Lima | – |\n| not "
                      "prioritised | Later (later) | Build | Ana Lima | – |") != std::string::npos);
        CHECK(render_markdown(without).find("Backlog") == std::string::npos);
    }
}
