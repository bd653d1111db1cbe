#include <doctest/doctest.h>

#include <cmath>

#include <fmt/format.h>

#include "boussole/format.hpp"
#include "boussole/loader.hpp"

using namespace boussole;

namespace {
KeyResult kr(std::optional<double> baseline, std::optional<double> target, std::optional<double> current) {
    KeyResult k;
    k.baseline.value = baseline;
    k.target.value = target;
    k.current.value = current;
    return k;
}
}  // namespace

TEST_SUITE("model") {
    TEST_CASE("key-result progress works both ways and is clamped") {
        CHECK(*kr(96000, 120000, 104000).progress() == doctest::Approx(1.0 / 3.0));
        CHECK(*kr(40, 10, 25).score() == doctest::Approx(0.5));  // a metric that must go down
        CHECK(*kr(45, 10, 30).score() == doctest::Approx(15.0 / 35.0));
        CHECK(*kr(40, 10, 5).score() == 1.0);   // beyond the target
        CHECK(*kr(40, 10, 50).score() == 0.0);  // the wrong way
        CHECK(*kr(62, 90, 62).score() == 0.0);
        // A metric that must go down, still at its baseline: 0/(negative) is -0.0, which prints
        // "-0.00"; the score is a plain zero.
        CHECK_FALSE(std::signbit(*kr(40, 10, 40).score()));
        CHECK(fmt::format("{:.2f}", *kr(40, 10, 40).score()) == "0.00");
        CHECK_FALSE(kr(40, 10, std::nullopt).score());
        CHECK_FALSE(kr(std::nullopt, 10, 3).score());
        CHECK_FALSE(kr(10, 10, 10).score());  // no distance to cover
    }

    TEST_CASE("epic, stream and roadmap progress roll up over non-dropped work") {
        const Roadmap r = load_roadmap_from_string(R"(
streams:
  - id: a
    title: A
    epics:
      - id: tasks-two-of-three
        title: x
        tasks:
          - {title: t1, status: done}
          - {title: t2, status: done}
          - {title: t3, status: doing}
          - {title: t4, status: dropped}
      - {id: done-no-tasks, title: x, status: done}
      - {id: active-no-tasks, title: x, status: in-progress}
      - {id: dropped, title: x, status: dropped}
      - id: all-tasks-dropped
        title: x
        status: done
        tasks: [{title: t, status: dropped}]
  - id: b
    title: B
)");
        REQUIRE(r.streams.size() == 2);
        const auto& e = r.streams[0].epics;
        REQUIRE(e.size() == 5);
        CHECK(e[0].progress() == doctest::Approx(2.0 / 3.0));
        CHECK(e[1].progress() == 1.0);
        CHECK(e[2].progress() == 0.0);
        CHECK(e[4].progress() == 1.0);
        CHECK(e[3].effective_status() == EpicStatus::dropped);
        const double expected = (2.0 / 3.0 + 1.0 + 0.0 + 1.0) / 4.0;
        CHECK(*r.streams[0].progress() == doctest::Approx(expected));
        CHECK_FALSE(r.streams[1].progress());
        CHECK(*r.planned_progress() == doctest::Approx(expected));
        CHECK(r.planned_epics() == 4);
    }

    TEST_CASE("an epic's helpers: its contributors without the owner and without repeats") {
        const Roadmap r = load_roadmap_from_string(
            "streams: [{id: s, epics: [{id: e, owner: lea, contributors: [sam, lea, sam, noa]}]}]");
        CHECK(r.streams[0].epics[0].helpers() == std::vector<std::string>{"sam", "noa"});
    }

    TEST_CASE("the people a text stands for: a typo of their id, or their name written instead") {
        const Roadmap r = load_roadmap_from_string(
            "people:\n  - {id: helene, name: Hélène Laurent}\n  - {id: lea, name: Léa Martin}\n"
            "  - {id: lea-b, name: Léa Bernard}\n  - {id: sam}\n");
        const RoadmapIndex ix(r);
        auto ids = [&](std::string_view written) {
            std::string out;
            for (const NameMatch& m : ix.people_written_as(written))
                out += fmt::format("{}{} ", m.id, m.by_name ? "(name)" : "");
            return out;
        };
        CHECK(ids("Hélène Laurent") == "helene(name) ");
        CHECK(ids("laurent") == "helene(name) ");
        CHECK(ids("Helene") == "helene ");  // the id, whatever the case and accents
        CHECK(ids("Léa") == "lea lea-b(name) ");
        CHECK(ids("samm") == "sam ");
        CHECK(ids("sam").empty());  // a declared id stands for itself
        CHECK(ids("zoe").empty());
    }

    TEST_CASE("planned work: the run stream's activities are never planned work, so they cannot hold it back") {
        const Roadmap r = load_roadmap_from_string(R"(
streams:
  - {id: b, epics: [{id: e1, status: done}, {id: e2, status: done}, {id: gone, status: dropped}]}
  - {id: run, kind: run, epics: [{id: support, status: in-progress}, {id: access, status: in-progress}]}
)");
        CHECK(*r.planned_progress() == 1.0);  // every planned epic is done: 100 %, not 50 %
        CHECK(r.planned_epics() == 2);
        CHECK_FALSE(load_roadmap_from_string("streams: [{id: run, kind: run, epics: [{id: s}]}]").planned_progress());
    }

    TEST_CASE("defaults: planned epics, todo tasks, build streams, key-result owner from its objective") {
        const Roadmap r = load_roadmap_from_string(R"(
objectives:
  - id: o
    title: O
    owner: lea
    key_results:
      - {id: k1, title: K1}
      - {id: k2, title: K2, owner: sam}
streams:
  - id: s
    title: S
    epics:
      - id: e
        title: E
        tasks: [{title: t}]
)");
        REQUIRE(r.objectives.size() == 1);
        const Objective& o = r.objectives[0];
        CHECK(*Roadmap::owner_of(o, o.key_results[0]) == "lea");
        CHECK(*Roadmap::owner_of(o, o.key_results[1]) == "sam");
        CHECK(r.streams[0].epics[0].effective_status() == EpicStatus::planned);
        CHECK(r.streams[0].epics[0].tasks[0].effective_status() == TaskStatus::todo);
        CHECK_FALSE(r.streams[0].is_run());
        CHECK(to_string(EpicStatus::in_progress) == "in-progress");
    }

    TEST_CASE("every spelling of the format table reads back as itself (enums follow the table's order)") {
        for (std::string_view status : format::epic_statuses) {
            const Roadmap r = load_roadmap_from_string(
                "streams: [{id: s, title: S, epics: [{id: e, title: E, status: " + std::string(status) + "}]}]\n");
            CHECK(to_string(r.streams.at(0).epics.at(0).effective_status()) == status);
        }
        for (std::string_view status : format::task_statuses) {
            const Roadmap r = load_roadmap_from_string(
                "streams: [{id: s, title: S, epics: [{id: e, title: E, tasks: [{title: t, status: " +
                std::string(status) + "}]}]}]\n");
            CHECK(to_string(r.streams.at(0).epics.at(0).tasks.at(0).effective_status()) == status);
        }
        for (std::string_view kind : format::stream_kinds) {
            const Roadmap r =
                load_roadmap_from_string("streams: [{id: s, title: S, kind: " + std::string(kind) + "}]\n");
            CHECK(to_string(r.streams.at(0).kind.value_or(StreamKind::build)) == kind);
        }
    }
}
