// issue 15: the dashboard's SVG charts (src/report/charts.cpp): their geometry against the
// content's figures, hostile and empty inputs, goldens in English and French, and each SVG read
// by a real XML parser (xmllint).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "boussole/loader.hpp"
#include "report/charts.hpp"
#include "report/messages.hpp"
#include "support.hpp"

using namespace boussole;

namespace {

Date day(const char* iso) { return *Date::parse(iso); }

// Every attribute `name` of the elements whose class attribute holds `cls`, in order.
std::vector<std::string> attrs(const std::string& svg, const std::string& cls, const std::string& name) {
    std::vector<std::string> out;
    const std::regex element("<[a-z]+ [^>]*>");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), element); it != std::sregex_iterator(); ++it) {
        const std::string e = it->str();
        std::smatch c;
        if (!std::regex_search(e, c, std::regex("class=\"([^\"]*)\""))) continue;
        const std::string classes = " " + c[1].str() + " ";
        if (classes.find(" " + cls + " ") == std::string::npos) continue;
        std::smatch v;
        if (std::regex_search(e, v, std::regex(" " + name + "=\"([^\"]*)\""))) out.push_back(v[1].str());
    }
    return out;
}

double attr(const std::string& svg, const std::string& cls, const std::string& name) {
    const auto all = attrs(svg, cls, name);
    REQUIRE_MESSAGE(all.size() == 1, "expected one element of class ", cls, " in ", svg);
    return std::stod(all.front());
}

// The text of the <text> elements whose class holds `cls` (a tooltip <title> left out).
std::vector<std::string> texts(const std::string& svg, const std::string& cls) {
    std::vector<std::string> out;
    const std::regex element("<text [^>]*class=\"([^\"]*)\"[^>]*>(?:<title>[^<]*</title>)?([^<]*)</text>");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), element); it != std::sregex_iterator(); ++it)
        if ((" " + (*it)[1].str() + " ").find(" " + cls + " ") != std::string::npos) out.push_back((*it)[2].str());
    return out;
}

// Whether xmllint reads `svg` as well-formed XML; its complaint otherwise.
std::string xml_errors(const std::string& svg) {
    const std::string path = test::temp_dir("charts") + "/chart.svg";
    test::write(path, svg);
    REQUIRE_MESSAGE(std::filesystem::exists("/usr/bin/xmllint"),
                    "xmllint is needed to read the charts as XML: install libxml2-utils (.ci/deps)");
    const test::Run r = test::run({"/usr/bin/xmllint", "--noout", path});
    return r.status == 0 ? "" : r.err + r.out + " (status " + std::to_string(r.status) + ")";
}

// What every chart must be: one svg element, accessible, self-contained, finite.
void check_chart(const std::string& svg) {
    CAPTURE(svg);
    CHECK(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    CHECK(svg.ends_with("</svg>"));
    CHECK(svg.find("role=\"img\"") != std::string::npos);
    std::smatch labels;
    REQUIRE(std::regex_search(svg, labels, std::regex("aria-labelledby=\"([^ \"]+) ([^\"]+)\"")));
    CHECK(svg.find("<title id=\"" + labels[1].str() + "\">") != std::string::npos);
    CHECK(svg.find("<desc id=\"" + labels[2].str() + "\">") != std::string::npos);
    for (const char* bad :
         {"nan", "inf", "NaN", "<style", "<script", "href=", "http://", "https://", "@import", "style=", "font-face"}) {
        // The namespace is the one URL allowed.
        const std::string rest = svg.substr(svg.find('>'));
        INFO("found ", bad);
        CHECK(rest.find(bad) == std::string::npos);
    }
    CHECK(xml_errors(svg) == "");
}

// --- The examples: one roadmap's figures, as the content builders give them. -------------

Measure measure(std::string unit, double baseline, double current, double target, double score, Pace pace) {
    Measure m;
    m.unit = std::move(unit);
    m.baseline = baseline;
    m.current = current;
    m.target = target;
    m.score = score;
    m.pace = pace;
    return m;
}

ValueTrend trend(std::vector<double> values) {
    ValueTrend t;
    t.values = std::move(values);
    return t;
}

NorthStarFacts north_star_example() {
    NorthStarFacts ns;
    ns.title = "Net revenue retention";
    ns.measure = measure("%", 96, 101, 108, 0.42, Pace::behind_pace);
    ns.trend = trend({96, 97.5, 99, 101});
    return ns;
}

KeyResultRow pipeline_kr() {
    KeyResultRow kr;
    kr.id = "kr-1.1";
    kr.title = "Qualified pipeline created by outbound";
    kr.measure = measure("EUR", 250000, 410000, 600000, 0.46, Pace::behind_pace);
    kr.trend = trend({250000, 280000, 320000, 365000, 410000});
    return kr;
}

KeyResultRow response_kr() {  // must go down
    KeyResultRow kr;
    kr.id = "kr-2.1";
    kr.title = "Median first response time";
    kr.measure = measure("minutes", 45, 30, 20, 0.6, Pace::on_track);
    kr.trend = trend({45, 41, 36, 30});
    return kr;
}

BurnUp burn_up_example() {
    BurnUp b;
    b.start = day("2026-10-01");
    b.end = day("2026-12-31");
    b.as_of = day("2026-11-23");
    b.planned = 10;
    b.points = {{day("2026-10-01"), 10, 0, 0, 0}, {day("2026-10-14"), 10, 1, 0, 0}, {day("2026-10-27"), 12, 2, 2, 0},
                {day("2026-11-05"), 12, 4, 0, 0}, {day("2026-11-12"), 11, 5, 0, 1}, {day("2026-11-20"), 11, 6, 0, 0}};
    return b;
}

TimelineFacts timeline_example() {
    TimelineFacts t;
    TimelineSection pipeline{"pipeline", "Pipeline generation", {}};
    pipeline.bars = {
        {"ep-icp", "Refresh the ideal customer profile", EpicStatus::done, false, day("2026-10-01"), day("2026-10-20")},
        {"ep-seq",
         "Outbound sequences per segment",
         EpicStatus::in_progress,
         false,
         day("2026-10-15"),
         day("2026-11-30"),
         {"ep-icp"}},
        {"ep-crm", "CRM hygiene sprint", EpicStatus::in_progress, true, day("2026-10-20"), day("2026-11-13")}};
    TimelineSection enablement{"enablement", "Sales enablement", {}};
    enablement.bars = {{"ep-play",
                        "Competitive playbook",
                        EpicStatus::blocked,
                        false,
                        day("2026-11-02"),
                        day("2026-12-11"),
                        {"ep-crm"}},
                       {"ep-cert",
                        "Certification for new hires",
                        EpicStatus::planned,
                        false,
                        day("2026-11-25"),
                        day("2026-12-18"),
                        {"ep-seq"}}};
    t.sections = {pipeline, enablement};
    return t;
}

std::vector<StreamFacts> streams_example() {
    StreamFacts a;
    a.id = "pipeline";
    a.title = "Pipeline generation";
    a.progress = 0.45;
    a.epic_counts = {{EpicStatus::done, 1}, {EpicStatus::in_progress, 2}, {EpicStatus::planned, 1}};
    a.overdue = 1;
    StreamFacts b;
    b.id = "enablement";
    b.title = "Sales enablement";
    b.progress = 0.1;
    b.epic_counts = {{EpicStatus::blocked, 1}, {EpicStatus::planned, 2}, {EpicStatus::dropped, 1}};
    StreamFacts c;
    c.id = "support";
    c.title = "Deal desk support";
    c.kind = StreamKind::run;
    c.epic_counts = {{EpicStatus::in_progress, 3}};
    return {a, b, c};
}

LoadFacts load_example() {
    LoadFacts l;
    l.max_open_epics = 3;
    l.owners = {{"Alice Martin", 4, 9, true}, {"Bruno Lefèvre", 2, 3, false}, {"Chloé Dubois", 0, 1, false}};
    return l;
}

const double elapsed = 0.59;

// The track's and the bar's geometry of a bullet chart.
struct Bullet {
    double track_x, track_w, bar_x, bar_w, pace_x;
};
Bullet bullet_of(const std::string& svg) {
    return {attr(svg, "bch-track", "x"), attr(svg, "bch-track", "width"), attr(svg, "bch-bar", "x"),
            attr(svg, "bch-bar", "width"), attr(svg, "bch-pace-mark", "x1")};
}

}  // namespace

TEST_SUITE("charts") {
    TEST_CASE("a bullet chart's bar is as long as the score, its pace marker at the elapsed share") {
        for (double score : {0.0, 0.25, 0.46, 1.0}) {
            KeyResultRow kr = pipeline_kr();
            kr.measure.score = score;
            for (double share : {0.0, 0.59, 1.0}) {
                CAPTURE(score);
                CAPTURE(share);
                const std::string svg = chart::key_result(kr, share, chart_en, "kr");
                const Bullet b = bullet_of(svg);
                CHECK(b.bar_x == doctest::Approx(b.track_x));
                CHECK(b.bar_w == doctest::Approx(score * b.track_w).epsilon(0.001));
                CHECK(b.pace_x == doctest::Approx(b.track_x + share * b.track_w).epsilon(0.001));
            }
        }
        // The North Star alike, its score in words too.
        const std::string ns = chart::north_star(north_star_example(), elapsed, chart_en, "ns");
        const Bullet b = bullet_of(ns);
        CHECK(b.bar_w == doctest::Approx(0.42 * b.track_w).epsilon(0.001));
        CHECK(b.pace_x == doctest::Approx(b.track_x + 0.59 * b.track_w).epsilon(0.001));
        CHECK(ns.find("Score 0.42, ◔ behind pace. 59% of the period elapsed") != std::string::npos);
        CHECK(ns.find("▲ 59% of the period") != std::string::npos);
        // Elapsed beyond the period (a report after its end) stays on the track.
        CHECK(bullet_of(chart::key_result(pipeline_kr(), 1.7, chart_en, "kr")).pace_x ==
              doctest::Approx(bullet_of(chart::key_result(pipeline_kr(), 1.0, chart_en, "kr")).pace_x));
    }

    TEST_CASE("the current value is never cut by the pace marker") {
        // Found on the shipped example's North Star: "108,500 EUR" just past a 0.52 bar, under
        // the marker at 71% of the period.
        for (double score : {0.05, 0.3, 0.52, 0.66, 0.7, 0.9})
            for (double share : {0.1, 0.55, 0.6, 0.71, 0.75, 0.95}) {
                CAPTURE(score);
                CAPTURE(share);
                NorthStarFacts ns = north_star_example();
                ns.measure.score = score;
                const std::string svg = chart::north_star(ns, share, chart_en, "ns");
                const Bullet b = bullet_of(svg);
                auto xs = attrs(svg, "bch-val", "x");
                const auto in = attrs(svg, "bch-val-in", "x");
                REQUIRE(xs.size() + in.size() == 1);
                const bool outside = !xs.empty();
                const double x = std::stod(outside ? xs.front() : in.front());
                const std::string label = outside ? texts(svg, "bch-val").front() : texts(svg, "bch-val-in").front();
                // text_width's estimate of the label, generous: 7 units a character.
                const double w = 7.0 * static_cast<double>(label.size());
                const double from = outside ? x : x - w, to = outside ? x + w : x;
                CHECK_FALSE((b.pace_x > from && b.pace_x < to));
            }
    }

    TEST_CASE("a key result that must go down draws its progress from the baseline toward the target") {
        const std::string svg = chart::key_result(response_kr(), elapsed, chart_en, "kr");
        const Bullet b = bullet_of(svg);
        // 45 → 30 toward 20: 60 % of the way, from the left (the baseline) to the right (the target).
        CHECK(b.bar_x == doctest::Approx(b.track_x));
        CHECK(b.bar_w == doctest::Approx(0.6 * b.track_w).epsilon(0.001));
        const auto small = texts(svg, "bch-small");
        CHECK(std::find(small.begin(), small.end(), "baseline 45 minutes") != small.end());
        CHECK(std::find(small.begin(), small.end(), "target 20 minutes ↓") != small.end());
        CHECK(svg.find("lower is better") != std::string::npos);
        // Its check-ins go up the drawing as the value goes down: toward the target.
        const std::string points = attrs(svg, "bch-trend", "points").at(0);
        std::vector<double> ys;
        const std::regex pair("[0-9.]+,([0-9.]+)");
        for (auto it = std::sregex_iterator(points.begin(), points.end(), pair); it != std::sregex_iterator(); ++it)
            ys.push_back(std::stod((*it)[1].str()));
        REQUIRE(ys.size() == 4);
        CHECK(std::is_sorted(ys.rbegin(), ys.rend()));
        CHECK(ys.front() > ys.back());
    }

    TEST_CASE("the recap's burn-up names its last day the recap's end, not a report date") {
        const BurnUp b = burn_up_example();
        const std::string report = chart::burn_up(b, chart_en, "bu");
        const std::string recap = chart::burn_up(b, chart_en, "bu", chart_en.recap_end);
        check_chart(recap);
        CHECK(report.find("report date ·") != std::string::npos);
        CHECK(recap.find("report date ·") == std::string::npos);  // the line's label
        CHECK(recap.find("end of the recap ·") != std::string::npos);
        CHECK(chart::burn_up(b, chart_fr, "bu", chart_fr.recap_end).find("fin du bilan ·") != std::string::npos);
    }

    TEST_CASE("the burn-up's lines end at the last point's figures, the even pace at the scope at the period's end") {
        const BurnUp b = burn_up_example();
        const std::string svg = chart::burn_up(b, chart_en, "bu");
        check_chart(svg);
        // The value axis: y of 0 and of the top gridline give the scale.
        const double y0 = std::stod(attrs(svg, "bch-axis", "y1").at(0));  // the first axis line is y = 0
        const auto grid = attrs(svg, "bch-grid", "y1");
        REQUIRE(grid.size() >= 2);
        const double step = std::stod(texts(svg, "bch-small").at(1));  // the labels: 0, then the first gridline's
        CHECK(step > 0);
        const double per = (y0 - std::stod(grid.at(0))) / step;
        auto ends_at = [&](const std::string& d) {
            std::smatch m;
            REQUIRE(std::regex_search(d, m, std::regex("V([0-9.]+)H([0-9.]+)$")));
            return std::pair{std::stod(m[1].str()), std::stod(m[2].str())};
        };
        const auto [done_y, done_x] = ends_at(attrs(svg, "bch-bu-done", "d").at(0));
        const auto [scope_y, scope_x] = ends_at(attrs(svg, "bch-bu-scope", "d").at(0));
        CHECK(done_y == doctest::Approx(y0 - 6 * per).epsilon(0.002));
        CHECK(scope_y == doctest::Approx(y0 - 11 * per).epsilon(0.002));
        CHECK(done_x == doctest::Approx(std::stod(attrs(svg, "bch-today", "x1").at(0))));  // held to the report date
        CHECK(attr(svg, "bch-bu-end", "cy") == doctest::Approx(done_y));
        const std::string pace = attrs(svg, "bch-bu-pace", "d").at(0);
        std::smatch m;
        REQUIRE(std::regex_search(pace, m, std::regex("^M([0-9.]+),([0-9.]+)L([0-9.]+),([0-9.]+)$")));
        CHECK(std::stod(m[2].str()) == doctest::Approx(y0));
        CHECK(std::stod(m[4].str()) == doctest::Approx(scope_y));
        // Additions and drops, in text on the scope line; the definition in words.
        const auto changes = texts(svg, "bch-bu-change-label");
        CHECK(changes == std::vector<std::string>{"+2", "\u22121"});
        CHECK(svg.find("from 0 at the period&#39;s start (2026-10-01) to the scope at the report date (11) at the "
                       "period&#39;s end (2026-12-31)") != std::string::npos);
        CHECK(svg.find("Planned epics done on 2026-11-23: 6 of 11") != std::string::npos);
    }

    TEST_CASE("a busy burn-up keeps every change's marker and only the labels that do not overlap") {
        BurnUp b;
        b.start = day("2026-01-01");
        b.end = day("2026-06-30");
        b.as_of = day("2026-06-30");
        b.planned = 150;
        int scope = 150, changes = 0;
        for (int i = 0; i < 60; ++i) {
            BurnUpPoint p{b.start + i, scope, 2 * i, 0, 0};  // a change nearly every day
            if (i % 2 == 1) p.added = 3;
            if (i % 5 == 2) p.dropped = 2;
            scope += p.added - p.dropped;
            p.scope = scope;
            changes += p.added > 0 || p.dropped > 0;
            b.points.push_back(p);
        }
        const std::string svg = chart::burn_up(b, chart_en, "busy");
        check_chart(svg);
        CHECK(attrs(svg, "bch-bu-change", "cx").size() == static_cast<std::size_t>(changes) + 1);  // and the legend's
        const auto xs = attrs(svg, "bch-bu-change-label", "x"), ys = attrs(svg, "bch-bu-change-label", "y");
        CHECK(xs.size() > 5);
        CHECK(xs.size() < static_cast<std::size_t>(changes));
        for (std::size_t i = 0; i < xs.size(); ++i)
            for (std::size_t j = i + 1; j < xs.size(); ++j) {
                const bool same_row = std::abs(std::stod(ys[i]) - std::stod(ys[j])) < 12;
                CHECK_FALSE((same_row && std::abs(std::stod(xs[i]) - std::stod(xs[j])) < 16));
            }
    }

    TEST_CASE("a dependency arrow runs from the prerequisite's end to the dependent's start") {
        const std::string svg = chart::timeline(timeline_example(), day("2026-11-23"), day("2026-10-01"),
                                                day("2026-12-31"), chart_en, "tl");
        check_chart(svg);
        const auto xs = attrs(svg, "bch-tl-bar", "x"), ws = attrs(svg, "bch-tl-bar", "width"),
                   ys = attrs(svg, "bch-tl-bar", "y"), hs = attrs(svg, "bch-tl-bar", "height");
        // The bars first (5), then the legend's swatches.
        REQUIRE(xs.size() >= 5);
        auto end_of = [&](int i) {
            return std::pair{std::stod(xs[i]) + std::stod(ws[i]), std::stod(ys[i]) + std::stod(hs[i]) / 2};
        };
        auto start_of = [&](int i) { return std::pair{std::stod(xs[i]), std::stod(ys[i]) + std::stod(hs[i]) / 2}; };
        const auto deps = attrs(svg, "bch-tl-dep", "d");
        REQUIRE(deps.size() == 4);                                                // three arrows and the legend's
        const std::vector<std::pair<int, int>> expected{{0, 1}, {2, 3}, {1, 4}};  // prerequisite, dependent
        for (std::size_t k = 0; k < expected.size(); ++k) {
            std::smatch m;
            REQUIRE(std::regex_search(deps[k], m,
                                      std::regex("^M([0-9.]+),([0-9.]+)C[0-9.,-]+ [0-9.,-]+ ([0-9.]+),([0-9.]+)$")));
            const auto [ax, ay] = end_of(expected[k].first);
            const auto [bx, by] = start_of(expected[k].second);
            CHECK(std::stod(m[1].str()) == doctest::Approx(ax).epsilon(0.001));
            CHECK(std::stod(m[2].str()) == doctest::Approx(ay).epsilon(0.001));
            CHECK(std::stod(m[3].str()) == doctest::Approx(bx).epsilon(0.001));
            CHECK(std::stod(m[4].str()) == doctest::Approx(by).epsilon(0.001));
        }
        CHECK(svg.find("marker-end=\"url(#tl-arrow)\"") != std::string::npos);
        CHECK(svg.find("Outbound sequences per segment depends on ep-icp.") != std::string::npos);
    }

    TEST_CASE("an overdue bar is outlined and labelled, a blocked one hatched and labelled, not by colour alone") {
        const std::string svg = chart::timeline(timeline_example(), day("2026-11-23"), day("2026-10-01"),
                                                day("2026-12-31"), chart_en, "tl");
        // The overdue bar (CRM hygiene, due 2026-11-13) ends left of the report date's line.
        const auto overdue_x = attrs(svg, "bch-tl-overdue", "x"), overdue_w = attrs(svg, "bch-tl-overdue", "width");
        REQUIRE(overdue_x.size() == 2);  // the bar and the legend's swatch
        CHECK(std::stod(overdue_x[0]) + std::stod(overdue_w[0]) < std::stod(attrs(svg, "bch-today", "x1").at(0)));
        CHECK(texts(svg, "bch-tag-overdue") == std::vector<std::string>{"⚠ overdue"});
        CHECK(texts(svg, "bch-tag-blocked") == std::vector<std::string>{"⊘ blocked"});
        CHECK(svg.find("class=\"bch-tl-bar bch-st-blocked\" fill=\"url(#tl-hatch)\"") != std::string::npos);
        CHECK(svg.find("CRM hygiene sprint: ◐ in progress, 2026-10-20 to 2026-11-13, overdue") != std::string::npos);
        // Not overdue: no outline, no label.
        TimelineFacts on_time = timeline_example();
        on_time.sections[0].bars[2].overdue = false;
        const std::string fine =
            chart::timeline(on_time, day("2026-11-23"), day("2026-10-01"), day("2026-12-31"), chart_en, "tl");
        CHECK(attrs(fine, "bch-tl-overdue", "x").size() == 1);
        CHECK(texts(fine, "bch-tag-overdue").empty());
    }

    TEST_CASE("stream health writes each count and the progress; load marks over the limit in words") {
        const std::string streams = chart::stream_health(streams_example(), chart_en, "sh");
        check_chart(streams);
        const auto counts = texts(streams, "bch-seg-n");
        CHECK(counts == std::vector<std::string>{"1", "2", "1", "1", "2", "1", "3"});
        // Segments are proportional to their counts, on one scale for every stream.
        const auto widths = attrs(streams, "bch-seg", "width");
        CHECK(std::stod(widths[1]) == doctest::Approx(2 * std::stod(widths[0])));
        CHECK(std::stod(widths[6]) == doctest::Approx(3 * std::stod(widths[0])));
        CHECK(texts(streams, "bch-strong") == std::vector<std::string>{"45% done", "10% done"});
        CHECK(texts(streams, "bch-tag-overdue") == std::vector<std::string>{"⚠ 1 overdue"});

        const std::string load = chart::owner_load(load_example(), chart_en, "ld");
        check_chart(load);
        const auto bars = attrs(load, "bch-ld-bar", "width");
        CHECK(std::stod(bars[0]) == doctest::Approx(2 * std::stod(bars[1])));
        CHECK(std::stod(bars[2]) == 0);
        // The limit's line at 3 of 4.
        const double x0 = attrs(load, "bch-ld-bar", "x").size() ? std::stod(attrs(load, "bch-ld-bar", "x")[0]) : 0;
        CHECK(attr(load, "bch-limit", "x1") - x0 == doctest::Approx(0.75 * std::stod(bars[0])));
        CHECK(texts(load, "bch-tag-overdue") == std::vector<std::string>{"4 ⚠ over limit"});
        // Over the limit is hatched (no class fill may hide the pattern), the others filled.
        CHECK(load.find("class=\"bch-ld-bar bch-ld-over\" fill=\"url(#ld-hatch)\"") != std::string::npos);
        CHECK(attrs(load, "bch-ld-ok", "width").size() == 2);
        CHECK(chart::chart_css().find(".bch-ld-over{fill") == std::string::npos);
        CHECK(load.find("Alice Martin: 4 open epics, 9 open tasks, over the limit.") != std::string::npos);
        CHECK(load.find("Chloé Dubois: 0 open epics, 1 open task.") != std::string::npos);
    }

    TEST_CASE("hostile text stays text: escaped, controls and direction overrides removed, long titles cut") {
        const std::string hostile =
            "<script>alert('x')</script> & \"quotes\" \x01\x1b[31m \u202eevil\u202c \xff\xfe "
            "\u2028 \uFFFE 🚀👩‍💻 ]]> <!-- -->";
        const std::string long_title(500, 'W');
        for (const std::string& text : {hostile, long_title, std::string(300, 'x') + "🚀"}) {
            CAPTURE(text);
            KeyResultRow kr = pipeline_kr();
            kr.id = text;
            kr.title = text;
            kr.measure.unit = text;
            NorthStarFacts ns = north_star_example();
            ns.title = text;
            TimelineFacts t = timeline_example();
            t.sections[0].title = text;
            t.sections[0].bars[0].title = text;
            t.sections[0].bars[0].id = text;
            t.sections[0].bars[1].depends_on = {text};
            std::vector<StreamFacts> streams = streams_example();
            streams[0].title = text;
            LoadFacts load = load_example();
            load.owners[0].name = text;
            for (const std::string& svg :
                 {chart::key_result(kr, elapsed, chart_en, text), chart::north_star(ns, elapsed, chart_fr, "n s"),
                  chart::timeline(t, day("2026-11-23"), day("2026-10-01"), day("2026-12-31"), chart_fr, "t"),
                  chart::stream_health(streams, chart_en, "s"), chart::owner_load(load, chart_fr, "l")}) {
                check_chart(svg);
                CHECK(svg.find("<script") == std::string::npos);
                CHECK(svg.find('\x1b') == std::string::npos);
                CHECK(svg.find("\u202e") == std::string::npos);
                CHECK(svg.find("\xff") == std::string::npos);
            }
        }
        // A long title is cut in the drawing, whole in its tooltip and in the description.
        KeyResultRow kr = pipeline_kr();
        kr.title = std::string(480, 'a') + "END";
        const std::string svg = chart::key_result(kr, elapsed, chart_en, "kr");
        const auto shown = texts(svg, "bch-title");  // on two lines, the second cut
        REQUIRE(shown.size() == 2);
        CHECK(shown[0] == "kr-1.1 ·");  // the long word alone on the second line
        CHECK(shown[1].starts_with("aaaa"));
        CHECK(shown[1].ends_with("…"));
        CHECK(shown[1].size() < 100);
        CHECK(svg.find("<title>kr-1.1 · " + std::string(480, 'a') + "END</title>") != std::string::npos);
    }

    TEST_CASE("empty and degenerate inputs draw nothing or say so, never a division by zero") {
        // Nothing to draw: an empty string.
        CHECK(chart::burn_up(BurnUp{}, chart_en, "b").empty());
        CHECK(chart::timeline(TimelineFacts{}, day("2026-11-23"), day("2026-10-01"), day("2026-12-31"), chart_en, "t")
                  .empty());
        CHECK(chart::stream_health({}, chart_en, "s").empty());
        CHECK(chart::owner_load(LoadFacts{}, chart_en, "l").empty());
        CHECK(chart::north_star(NorthStarFacts{}, elapsed, chart_en, "n").empty());

        // A key result without a score says why, and draws no bar.
        KeyResultRow no_baseline = pipeline_kr();
        no_baseline.measure.baseline.reset();
        no_baseline.measure.score.reset();
        no_baseline.measure.pace = Pace::no_data;
        no_baseline.trend = trend({5, 5, 5});
        const std::string a = chart::key_result(no_baseline, elapsed, chart_en, "a");
        check_chart(a);
        CHECK(attrs(a, "bch-bar", "width").empty());
        const auto note = texts(a, "bch-note");  // in one or two lines, whole
        REQUIRE(!note.empty());
        CHECK(note.size() <= 2);
        CHECK(note[0] + (note.size() == 2 ? " " + note[1] : "") ==
              "Not measured yet: it needs a baseline, a target and a current value.");
        KeyResultRow flat = pipeline_kr();
        flat.measure.target = flat.measure.baseline;
        flat.measure.score.reset();
        flat.measure.no_distance = true;
        const std::string f = chart::key_result(flat, elapsed, chart_fr, "f");
        check_chart(f);
        CHECK(texts(f, "bch-note") ==
              std::vector<std::string>{"Pas de score\u00a0: la cible est égale à la référence."});
        for (double odd : {std::nan(""), HUGE_VAL, -HUGE_VAL, -0.0}) {
            const std::string svg = chart::key_result(pipeline_kr(), odd, chart_fr, "odd");
            check_chart(svg);
            CHECK(svg.find("▲ 0\u00a0% de la période") != std::string::npos);
        }
        KeyResultRow bare;
        check_chart(chart::key_result(bare, std::nan(""), chart_en, ""));

        // A burn-up of one point, a period of one day, no scope.
        BurnUp one;
        one.start = one.end = one.as_of = day("2026-10-01");
        one.points = {{day("2026-10-01"), 0, 0, 0, 0}};
        const std::string nothing_planned = chart::burn_up(one, chart_en, "one");
        check_chart(nothing_planned);
        CHECK(texts(nothing_planned, "bch-note") == std::vector<std::string>{"No data to draw yet."});
        one.points[0].scope = 3;
        check_chart(chart::burn_up(one, chart_en, "one"));
        // A bar of one day on a one-day period; a dependency on itself or on a bar not shown.
        TimelineFacts t;
        t.sections = {
            {"s", "", {{"e", "", EpicStatus::planned, false, day("2026-10-01"), day("2026-10-01"), {"e", "missing"}}}}};
        const std::string tl =
            chart::timeline(t, day("2026-10-01"), day("2026-10-01"), day("2026-10-01"), chart_en, "t");
        check_chart(tl);
        CHECK(attrs(tl, "bch-tl-dep", "d").size() == 1);  // the legend's only
        // Streams without epics; a load with no limit and nobody with open work.
        StreamFacts empty_stream;
        const std::string no_epics = chart::stream_health({empty_stream}, chart_fr, "s");
        check_chart(no_epics);
        CHECK(texts(no_epics, "bch-note") == std::vector<std::string>{"Rien à tracer pour l’instant."});
        LoadFacts idle;
        idle.owners = {{"Nobody", 0, 0, false}};
        check_chart(chart::owner_load(idle, chart_en, "l"));
    }

    TEST_CASE("ids are prefixed and made valid XML ids") {
        const std::string svg = chart::timeline(timeline_example(), day("2026-11-23"), day("2026-10-01"),
                                                day("2026-12-31"), chart_en, "9 team/\"x\"");
        CHECK(svg.find("aria-labelledby=\"c9_team__x_-title c9_team__x_-desc\"") != std::string::npos);
        CHECK(svg.find("id=\"c9_team__x_-hatch\"") != std::string::npos);
    }

    TEST_CASE("the CSS has a class for every class the charts use, and a dark and a print block") {
        const std::string css = chart::chart_css();
        CHECK(css.find("@media (prefers-color-scheme:dark)") != std::string::npos);
        CHECK(css.find("@media print") != std::string::npos);
        std::string all = chart::north_star(north_star_example(), elapsed, chart_en, "a") +
                          chart::key_result(response_kr(), elapsed, chart_en, "b") +
                          chart::burn_up(burn_up_example(), chart_en, "c") +
                          chart::timeline(timeline_example(), day("2026-11-23"), day("2026-10-01"), day("2026-12-31"),
                                          chart_en, "d") +
                          chart::stream_health(streams_example(), chart_en, "e") +
                          chart::owner_load(load_example(), chart_en, "f");
        KeyResultRow at_risk = pipeline_kr();
        at_risk.measure.pace = Pace::at_risk;
        all += chart::key_result(at_risk, elapsed, chart_en, "g");
        const std::regex cls("class=\"([^\"]*)\"");
        std::set<std::string> used;
        for (auto it = std::sregex_iterator(all.begin(), all.end(), cls); it != std::sregex_iterator(); ++it) {
            std::istringstream words((*it)[1].str());
            for (std::string w; words >> w;) used.insert(w);
        }
        CHECK(used.size() > 30);
        // An element filled with a pattern (blocked, dropped, over the limit) has no class whose
        // rule sets a fill: CSS would win over the attribute and hide the pattern.
        std::set<std::string> patterned;
        const std::regex filled("<[a-z]+ [^>]*class=\"([^\"]*)\" fill=\"url\\(");
        for (auto it = std::sregex_iterator(all.begin(), all.end(), filled); it != std::sregex_iterator(); ++it) {
            std::istringstream words((*it)[1].str());
            for (std::string w; words >> w;) patterned.insert(w);
        }
        CHECK(patterned.contains("bch-st-blocked"));
        CHECK(patterned.contains("bch-ld-over"));
        const std::regex rule("([^{}]+)\\{([^{}]*)\\}");
        for (auto it = std::sregex_iterator(css.begin(), css.end(), rule); it != std::sregex_iterator(); ++it) {
            const std::string selectors = (*it)[1].str(), declarations = (*it)[2].str();
            if (declarations.find("fill:") == std::string::npos) continue;
            for (const std::string& c : patterned) {
                INFO("the rule '", selectors, "' fills class ", c, ", which a pattern fills");
                CHECK_FALSE(std::regex_search(selectors, std::regex("\\." + c + "([^a-z-]|$)")));
            }
        }
        for (const std::string& c : used) {
            INFO("class ", c, " has no rule in chart_css()");
            CHECK(std::regex_search(css, std::regex("\\." + c + "[^a-z-]")));
        }
    }

    TEST_CASE("goldens: every chart in English, and in French") {
        struct Kind {
            const char* name;
            std::string (*draw)(const ChartMessages&);
        };
        const Kind kinds[] = {
            {"north-star",
             [](const ChartMessages& w) { return chart::north_star(north_star_example(), elapsed, w, "ns"); }},
            {"key-result", [](const ChartMessages& w) { return chart::key_result(pipeline_kr(), elapsed, w, "kr1"); }},
            {"key-result-down",
             [](const ChartMessages& w) { return chart::key_result(response_kr(), elapsed, w, "kr2"); }},
            {"burn-up", [](const ChartMessages& w) { return chart::burn_up(burn_up_example(), w, "bu"); }},
            {"timeline",
             [](const ChartMessages& w) {
                 return chart::timeline(timeline_example(), day("2026-11-23"), day("2026-10-01"), day("2026-12-31"), w,
                                        "tl");
             }},
            {"streams", [](const ChartMessages& w) { return chart::stream_health(streams_example(), w, "sh"); }},
            {"load", [](const ChartMessages& w) { return chart::owner_load(load_example(), w, "ld"); }},
        };
        for (const Kind& k : kinds)
            for (const ChartMessages* w : {&chart_en, &chart_fr}) {
                const std::string lang(to_string(w->style->language));
                const std::string svg = k.draw(*w);
                CAPTURE(k.name);
                check_chart(svg);
                test::check_golden(fmt::format("charts/{}-{}.svg", k.name, lang), svg + "\n");
            }
    }

    TEST_CASE("French charts write numbers and dates the French way") {
        const std::string ns = chart::north_star(north_star_example(), elapsed, chart_fr, "ns");
        CHECK(ns.find("Score 0,42, ◔ en retard sur le rythme. 59\u00a0% de la période écoulée") != std::string::npos);
        const std::string kr = chart::key_result(pipeline_kr(), elapsed, chart_fr, "kr");
        CHECK(kr.find("410\u202f000 EUR") != std::string::npos);
        const std::string bu = chart::burn_up(burn_up_example(), chart_fr, "bu");
        CHECK(bu.find(">1er oct.<") == std::string::npos);  // axis dates are short: "1 oct."
        CHECK(bu.find(">1 oct.<") != std::string::npos);
        CHECK(bu.find("date du point · 23 nov.") != std::string::npos);
        CHECK(bu.find("au 23 novembre 2026") != std::string::npos);
    }

    TEST_CASE("the shipped example's report content draws every chart, in both languages") {
        // The content builders' figures, unchanged: the charts only draw them.
        for (const char* dir : {"examples/revops", "examples/revops-fr"}) {
            CAPTURE(dir);
            ReportOptions o;
            o.as_of = day("2026-11-23");
            o.audience = Audience::team;
            const StatusReportContent c = build_status_report(load_roadmap(test::source_dir() + "/" + dir), o);
            REQUIRE(c.north_star);
            REQUIRE(c.timeline);
            REQUIRE(c.load);
            for (const ChartMessages* w : {&chart_en, &chart_fr}) {
                std::vector<std::string> svgs{chart::north_star(*c.north_star, c.header.elapsed, *w, "ns")};
                int n = 0;
                for (const ObjectiveScorecard& obj : c.objectives)
                    for (const KeyResultRow& kr : obj.key_results)
                        svgs.push_back(chart::key_result(kr, c.header.elapsed, *w, fmt::format("kr{}", ++n)));
                svgs.push_back(chart::timeline(*c.timeline, c.header.as_of, c.header.start, c.header.end, *w, "tl"));
                svgs.push_back(chart::stream_health(c.streams, *w, "sh"));
                svgs.push_back(chart::owner_load(*c.load, *w, "ld"));
                CHECK(n > 2);
                for (const std::string& svg : svgs) {
                    REQUIRE(!svg.empty());
                    check_chart(svg);
                }
                // For a person to look at: BOUSSOLE_CHARTS_PAGE=/tmp/x.html writes them with their CSS.
                if (const char* page = std::getenv("BOUSSOLE_CHARTS_PAGE")) {
                    std::string html = "<!doctype html><meta charset=\"utf-8\"><style>" + chart::chart_css() +
                                       "body{font-family:system-ui;margin:16px}</style>";
                    for (const std::string& svg : svgs) html += "<div class=\"bch-scroll\">" + svg + "</div>\n";
                    test::write(
                        fmt::format("{}-{}-{}.html", page, dir[std::string(dir).size() - 1] == 'r' ? "fr" : "en",
                                    to_string(w->style->language)),
                        html);
                }
            }
        }
    }
}
