// issue 17: no rule is quadratic in the size of the roadmap. Each rule's check runs alone, in
// process (as do the index, the whole lint and the loader), on generated roadmaps: the worst
// cases of the rules (a dependency chain through every epic, one cycle through every epic,
// unknown ids that are each a typo of a real one, near-duplicate stream titles, people and
// metric ids, every id declared twice) and a plain roadmap for every rule. Each step's CPU time
// on one roadmap of 8N epics is compared with its CPU time on 8 roadmaps of N epics, one after
// the other, and must stay under 3 times it: a linear step takes as long on both (1x), an
// n log n one about 1.3x, a quadratic one 8x.
//
// "Speed is measured with benchmarks, not timed tests": this test times nothing absolute and
// compares a step only with itself, on the same machine, in the same process, in turns. What
// keeps it from flaking:
//   - both sides hold as much data (8 x N epics), so caches favour neither: a plain walk over
//     8N epics no longer looks 30 times slower than over N because N fitted in the L2 cache
//     (first tried: N against 8N, bound 24x, and simple loops failed it at 30x);
//   - CPU time of the process (clock_gettime(CLOCK_PROCESS_CPUTIME_ID)), not wall time: time
//     spent waiting for a core another process holds does not count;
//   - each figure is the least time of one call over several batches of at least 1 ms (a step
//     of 50 ns is called thousands of times), the two sides measured in turns, so an interrupt
//     or a busy moment inflates one batch, not the figure;
//   - the bound (3x) is 3x above linear and 2.7x below quadratic; a step that takes under
//     20 us on 8N epics passes whatever its ratio (sub-microsecond steps grow by noise, and no
//     quadratic step over 8N epics is that quick).
// It can fail: making missing-due compare every epic's id with every other's failed the plain
// and cycle cases at 9x (tried by hand). Each worst case also checks that the rule it aims at
// reports what it should, so a generator that stopped making its worst case fails too.
//
// Two worst cases found quadratic steps, since fixed (see `limit_epics`).
//
// The loader reports yaml-syntax, duplicate-key, unknown-key and invalid-value while reading:
// their case times load_roadmap_from_texts itself on texts full of those mistakes.
//
// Under the sanitizers (BOUSSOLE_SANITIZE) most roadmaps are 4 times smaller and each side is
// run once: there the suite runs every rule on every worst case for memory errors and checks
// that each case provokes what it is built for, but not the ratios, which ASan's shadow memory
// and quarantine distort (a step of 30 us grew 4x there on the plain roadmap, a 200 s run).
// The ratios are checked in the other builds (.ci/test's first ctest run). BOUSSOLE_SCALING_TABLE=1
// prints every step's figures.
#include <doctest/doctest.h>
#include <time.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "boussole/lint.hpp"
#include "boussole/loader.hpp"
#include "boussole/model.hpp"

using namespace boussole;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool sanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool sanitized = true;
#else
constexpr bool sanitized = false;
#endif
#else
constexpr bool sanitized = false;
#endif

// The base size N (epics) of the rules' cases, and the factor between the two sizes.
constexpr std::size_t base_epics = sanitized ? 128 : 512;
constexpr std::size_t factor = 8;

double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// The least CPU time one call of `small` and one of `large` take, measured in turns so that a
// busy moment of the machine slows both: calls batched so that a batch lasts at least 1 ms, the
// best of the first call and 5 batches of each (3 when a call takes over 10 ms, 1 over 100 ms:
// long calls vary little).
std::pair<double, double> costs(const std::function<void()>& small, const std::function<void()>& large) {
    const auto time = [](const std::function<void()>& fn, std::size_t calls) {
        const double t0 = cpu_seconds();
        for (std::size_t i = 0; i < calls; ++i) fn();
        return (cpu_seconds() - t0) / static_cast<double>(calls);
    };
    double best_small = time(small, 1), best_large = time(large, 1);  // warms caches, estimates a call
    if (sanitized) return {best_small, best_large};                   // not judged there (see the top)
    const auto calls = [](double one) {
        return one >= 1e-3 ? 1 : static_cast<std::size_t>(1e-3 / std::max(one, 1e-8)) + 1;
    };
    const std::size_t calls_small = calls(best_small), calls_large = calls(best_large);
    const double longest = std::max(best_small, best_large);
    const int batches = longest > 0.1 ? 1 : longest > 0.01 ? 3 : 5;
    for (int b = 0; b < batches; ++b) {
        best_small = std::min(best_small, time(small, calls_small));
        best_large = std::min(best_large, time(large, calls_large));
    }
    return {best_small, best_large};
}

// Counts what a rule reports; keeps nothing.
class Counter final : public Reporter {
public:
    void report(SourcePos, std::string) override { ++count; }
    std::size_t count = 0;
};

// Builds a roadmap in memory (no YAML: building 8,000 epics takes milliseconds), each value at
// a position of its own.
class Builder {
public:
    Roadmap r;

    void file(const std::string& name) {
        r.files.push_back({"roadmap/" + name, name});
        file_ = static_cast<std::uint32_t>(r.files.size() - 1);
        line_ = 0;
    }
    SourcePos pos() { return {file_, ++line_, 5, 4}; }
    template <class T>
    Field<T> f(T value) {
        Field<T> x;
        x.value = std::move(value);
        x.present = true;
        x.pos = pos();
        return x;
    }

private:
    std::uint32_t file_ = 0;
    std::uint32_t line_ = 0;
};

// How a case shapes its roadmap of `epics` epics; the counts of other entities follow the epics.
struct Shape {
    enum class Deps { every_third, chain, cycle } deps = Deps::every_third;
    bool unknown_ids = false;  // every other epic depends on a typo of an epic's id and lists a typo of a key result's
    std::size_t duplicate_epics = 0;     // epics declared under the id of the epic before them (the first ones)
    bool many_people = false;            // as many people as epics, and half the owners typos of their ids
    bool near_titles = false;            // half as many streams as epics, their titles near-duplicates
    bool duplicates_everywhere = false;  // every other person, metric, key result, stream, epic a duplicate
};

// Letters only (digits make titles different themes): 0 -> "aaaa", 1 -> "aaab", ...
std::string letters(std::size_t i) {
    std::string w(4, 'a');
    for (std::size_t k = 4; k-- > 0; i /= 26) w[k] = static_cast<char>('a' + i % 26);
    return w;
}

Roadmap make_roadmap(std::size_t n, const Shape& shape) {
    Builder b;
    const Date q4 = Date::from_civil(2026, 10, 1);
    const std::size_t n_people = shape.many_people ? n : std::max<std::size_t>(12, n / 20);
    const std::size_t n_metrics = shape.many_people ? n / 4 : std::max<std::size_t>(5, n / 100);
    const std::size_t n_krs = std::max<std::size_t>(10, n / 10);
    const std::size_t n_streams = shape.near_titles ? n / 2 : std::max<std::size_t>(3, n / 50);
    const auto twin = [&](std::size_t i) { return shape.duplicates_everywhere && i % 2 == 1 ? i - 1 : i; };

    b.file("roadmap.yaml");
    RoadmapInfo& info = b.r.roadmap_blocks.emplace_back();
    info.pos = b.pos();
    info.name = b.f<std::string>("Scaling roadmap");
    info.team = b.f<std::string>("Scaling team");
    info.period = b.f(*Period::parse_named("2026-Q4"));
    KeyResult& ns = info.north_star.emplace();
    ns.pos = b.pos();
    ns.title = b.f<std::string>("ARR per rep");
    ns.metric = b.f<std::string>("metric-00000");
    ns.baseline = b.f(90000.0);
    ns.target = b.f(120000.0);
    ns.current = b.f(100000.0);
    info.lint.options["themes.max"] = b.f(static_cast<double>(n_streams));

    const auto person_id = [&](std::size_t i) { return fmt::format("person-{:05}", twin(i)); };
    for (std::size_t i = 0; i < n_people; ++i) {
        Person& p = b.r.people.emplace_back();
        p.pos = b.pos();
        p.id = b.f(person_id(i));
        p.name = b.f(fmt::format("Firstname{} Lastname{}", letters(i), letters(i * 7)));
        p.email = b.f(fmt::format("p{}@example.com", i));
    }
    const auto metric_id = [&](std::size_t i) { return fmt::format("metric-{:05}", twin(i)); };
    for (std::size_t i = 0; i < n_metrics; ++i) {
        Metric& m = b.r.metrics.emplace_back();
        m.pos = b.pos();
        m.id = b.f(metric_id(i));
        m.name = b.f(fmt::format("Metric {}", letters(i)));
        m.unit = b.f<std::string>("%");
    }
    const auto kr_id = [&](std::size_t i) { return fmt::format("kr-{:05}", twin(i)); };
    for (std::size_t k = 0; k < n_krs; ++k) {
        if (k % 5 == 0) {
            Objective& o = b.r.objectives.emplace_back();
            o.pos = b.pos();
            o.id = b.f(fmt::format("obj-{:05}", twin(k / 5)));
            o.title = b.f(fmt::format("Objective {}", letters(k / 5)));
            o.owner = b.f(person_id(k % n_people));
        }
        KeyResult& kr = b.r.objectives.back().key_results.emplace_back();
        kr.pos = b.pos();
        kr.id = b.f(kr_id(k));
        kr.title = b.f(fmt::format("Key result {}", letters(k)));
        // With many metrics, every key result names a typo of a metric's id.
        kr.metric = b.f(shape.many_people ? metric_id(k % n_metrics) + "x" : metric_id(k % n_metrics));
        kr.baseline = b.f(10.0);
        kr.target = b.f(60.0 + static_cast<double>(k % 30));
        kr.current = b.f(20.0 + static_cast<double>(k % 40));
    }

    std::size_t e = 0;
    for (std::size_t s = 0; s < n_streams; ++s) {
        if (s % 25 == 0) b.file(fmt::format("streams/part-{:04}.yaml", s / 25));
        Stream& st = b.r.streams.emplace_back();
        st.pos = b.pos();
        st.id = b.f(fmt::format("stream-{:05}", twin(s)));
        if (shape.near_titles)  // each a typo of its neighbours; half of them also share words in another order
            st.title = b.f(s % 2 == 0 ? fmt::format("Pipeline hygiene and routing {}", letters(s))
                                      : fmt::format("{} routing and pipeline hygiene", letters(s)));
        else
            st.title = b.f(fmt::format("Stream number {} of the plan", s));
        st.owner = b.f(person_id(s % n_people));
        st.kind = b.f(s == 0 ? StreamKind::run : StreamKind::build);
        const std::size_t until = (s + 1) * n / n_streams;
        for (; e < until; ++e) {
            Epic& ep = st.epics.emplace_back();
            ep.pos = b.pos();
            const bool duplicate = (e > 0 && e <= shape.duplicate_epics) || (shape.duplicates_everywhere && e % 2);
            ep.id = b.f(fmt::format("epic-{:06}", duplicate ? e - 1 : e));
            ep.title = b.f(fmt::format("Epic {} of stream {}", letters(e), letters(s)));
            const std::size_t status = e % 4;
            ep.status = b.f(status == 0   ? EpicStatus::planned
                            : status == 1 ? EpicStatus::in_progress
                            : status == 2 ? EpicStatus::blocked
                                          : EpicStatus::done);
            // With many people, every other owner is a typo of a person's id.
            ep.owner = b.f(shape.many_people && e % 2 ? person_id(e % n_people) + "x" : person_id(e % n_people));
            ep.contributors.push_back(b.f(person_id((e + 1) % n_people)));
            ep.contributors.push_back(b.f(person_id((e + 7) % n_people)));
            ep.start = b.f(q4 + static_cast<int>(e % 30));
            ep.due = b.f(q4 + static_cast<int>(30 + e % 60));
            ep.key_results.push_back(b.f(shape.unknown_ids && e % 2
                                             ? fmt::format("{}{}", kr_id(e % n_krs), letters(e / n_krs)[3])
                                             : kr_id(e % n_krs)));
            ep.deliverables.push_back(b.f<std::string>("A dashboard"));
            switch (shape.deps) {
                case Shape::Deps::every_third:
                    if (shape.unknown_ids && e % 2)
                        ep.depends_on.push_back(b.f(fmt::format("epic-{:06}x", e)));  // one letter too many
                    else if (e > 0 && e % 3 == 0)
                        ep.depends_on.push_back(b.f(fmt::format("epic-{:06}", twin(e - 1))));
                    break;
                case Shape::Deps::chain:
                    if (e > 0) ep.depends_on.push_back(b.f(fmt::format("epic-{:06}", e - 1)));
                    break;
                case Shape::Deps::cycle:
                    ep.depends_on.push_back(b.f(fmt::format("epic-{:06}", (e + n - 1) % n)));
                    break;
            }
            for (std::size_t t = 0; t < 3; ++t) {
                Task& task = ep.tasks.emplace_back();
                task.pos = b.pos();
                task.title = b.f(fmt::format("Task {} of epic {}", t, e));
                task.owner = b.f(person_id((e + t) % n_people));
                task.status = b.f(status == 3 ? TaskStatus::done : t == 0 ? TaskStatus::doing : TaskStatus::todo);
            }
        }
    }
    return b.r;
}

// Every option the rules declare, at its default (as the engine resolves them for a roadmap
// that sets none).
const std::map<std::string_view, int>& default_options() {
    static const std::map<std::string_view, int> values = [] {
        std::map<std::string_view, int> v;
        for (const Rule* rule : all_rules())
            for (const RuleOption& o : rule->options) v[o.path] = o.default_value;
        return v;
    }();
    return values;
}

// One timed step: a rule's check, the index, or the whole lint; returns what it found.
struct Step {
    std::string name;
    std::function<std::size_t(const Roadmap&, const RoadmapIndex&)> run;
};

std::vector<Step> steps() {
    std::vector<Step> out;
    out.push_back(
        {"RoadmapIndex", [](const Roadmap& r, const RoadmapIndex&) { return RoadmapIndex(r).epic_ids.size(); }});
    for (const Rule* rule : all_rules()) {
        if (!rule->check) continue;  // reported by the loader: its own case below
        out.push_back({std::string(to_string(rule->id)), [rule](const Roadmap& r, const RoadmapIndex& ix) {
                           const LintContext ctx{r, ix, default_options()};
                           Counter c;
                           rule->check(ctx, c);
                           return c.count;
                       }});
    }
    out.push_back({"lint_roadmap (all rules)",
                   [](const Roadmap& r, const RoadmapIndex&) { return lint_roadmap(r).diagnostics.size(); }});
    return out;
}

// A step's CPU time on 8 roadmaps of N epics, one after the other, and on one roadmap of 8N.
// Both hold as much data, so caches favour neither: a step linear in the roadmap takes about
// as long on both (1x), a quadratic one 8 times as long on the large one (8x).
struct Measured {
    double small = 0, large = 0;
    std::size_t found_small = 0, found_large = 0;  // what the step found: in the 8 small ones, in the large one
    [[nodiscard]] double growth() const { return large / std::max(small, 1e-9); }
    // Whether the step is linear enough: it grows less than max_growth, or takes so little
    // time on 8N epics that it cannot be quadratic (a step of under a microsecond grows by
    // noise, and 8N * 8N steps of anything take far longer than `negligible`).
    [[nodiscard]] bool linear() const;
};

// The most a step may grow (see Measured): linear is 1, n log n about 1.3, quadratic 8.
constexpr double max_growth = 3.0;
// CPU time on the large roadmap under which a step is too quick to be quadratic.
constexpr double negligible = 20e-6;

bool Measured::linear() const { return growth() < max_growth || large < negligible; }

// Every step on the case's 8 roadmaps of N epics and on its roadmap of 8N.
std::map<std::string, Measured> measure(const Shape& shape, std::size_t n) {
    const std::vector<Roadmap> small(factor, make_roadmap(n, shape));
    std::vector<std::unique_ptr<RoadmapIndex>> small_ix;
    for (const Roadmap& r : small) small_ix.push_back(std::make_unique<RoadmapIndex>(r));
    const Roadmap large = make_roadmap(n * factor, shape);
    const RoadmapIndex large_ix(large);
    std::map<std::string, Measured> out;
    for (const Step& s : steps()) {
        Measured& m = out[s.name];
        std::tie(m.small, m.large) = costs(
            [&] {
                m.found_small = 0;
                for (std::size_t k = 0; k < factor; ++k) m.found_small += s.run(small[k], *small_ix[k]);
            },
            [&] { m.found_large = s.run(large, large_ix); });
    }
    return out;
}

// Each step of the case grows less than max_growth, but those named in `known` (checked by
// their own test case, marked should_fail, below).
void check_growth(const std::string& name, const std::map<std::string, Measured>& measured,
                  std::size_t n = base_epics) {
    if (std::getenv("BOUSSOLE_SCALING_TABLE"))
        for (const auto& [step, m] : measured)
            fmt::print("{:<24} {:<36} {:>10.3f} ms {:>10.3f} ms {:>6.2f}x {:>7} {:>7} found\n", name, step,
                       m.small * 1e3, m.large * 1e3, m.growth(), m.found_small, m.found_large);
    if (sanitized) {
        MESSAGE(name << ": ratios not checked under the sanitizers (see the top of this file)");
        return;
    }
    for (const auto& [step, m] : measured) {
        INFO(
            fmt::format("{}: {} took {:.3f} ms on {} roadmaps of {} epics and {:.3f} ms on one of {} ({:.2f}x; "
                        "linear is 1x, quadratic {}x)",
                        name, step, m.small * 1e3, factor, n, m.large * 1e3, n * factor, m.growth(), factor));
        CHECK(m.linear());
    }
}

// The case provokes what it is built for: `step` finds at least `at_least` in each roadmap of
// N epics, and 8 times that in the one of 8N.
void check_provoked(const std::map<std::string, Measured>& measured, const std::string& step, std::size_t at_least) {
    INFO(step);
    REQUIRE(measured.contains(step));
    CHECK(measured.at(step).found_small >= at_least * factor);
    CHECK(measured.at(step).found_large >= at_least * factor);
}

// Stream files whose epics are full of what the loader reports: unknown keys that
// are typos of real ones (did-you-mean), duplicate keys, invalid values, and a file with a
// syntax error.
std::vector<FileText> loader_texts(std::size_t n) {
    std::vector<FileText> files;
    files.push_back({"roadmap.yaml", "roadmap:\n  name: Loader scaling\n  period: 2026-Q4\n  titel: typo\n"});
    std::string text;
    for (std::size_t e = 0; e < n; ++e) {
        if (e % 50 == 0) {
            if (!text.empty()) files.push_back({fmt::format("streams/part-{:04}.yaml", e / 50), std::move(text)});
            text = fmt::format("streams:\n  - id: s{}\n    title: Stream {}\n    epics:\n", e, e);
        }
        text += fmt::format(
            "      - id: epic-{0:06}\n        titel: Epic {0}\n        ownr: ana\n        status: in-progres\n"
            "        due: 2026-13-{1:02}\n        due: 2026-11-{1:02}\n        depends_of: [epic-{0:06}]\n"
            "        tasks:\n          - {{title: Task of {0}, stauts: done, title: again}}\n",
            e, 1 + e % 28);
    }
    files.push_back({"streams/zz-last.yaml", std::move(text)});
    files.push_back({"streams/zz-broken.yaml", "streams:\n  - id: broken\n    title: [unclosed\n"});
    return files;
}

// Found quadratic by this suite (issue 17) and fixed: misnamed_duplicates() (read by
// duplicate-id and unknown-reference) measured every distinct unknown id against every declared
// id and name of its kind, as soon as one id of that kind was declared twice; unknown-reference
// searched every person or metric for each unknown reference. Both now search at most 256
// distinct unknown ids of a kind (64 people or metrics), each once. These cases are sized so that
// each small roadmap already searches as many as the limit, under the sanitizers too (under it,
// the small roadmaps would search fewer, and a linear step would look quadratic): 512 epics (256
// distinct unknown epic ids), 128 people (64 unknown).
constexpr std::size_t limit_epics = 512, limit_people = 128;

const std::map<std::string, Measured>& unknown_ids_and_a_duplicate() {
    static const std::map<std::string, Measured> m = [] {
        Shape shape;
        shape.unknown_ids = true;
        shape.duplicate_epics = 1;
        return measure(shape, limit_epics);
    }();
    return m;
}

const std::map<std::string, Measured>& near_duplicate_people() {
    static const std::map<std::string, Measured> m = [] {
        Shape shape;
        shape.many_people = true;
        return measure(shape, limit_people);
    }();
    return m;
}

}  // namespace

TEST_SUITE("scaling") {
    TEST_CASE("a plain roadmap: every rule, the index and the whole lint grow linearly") {
        const auto m = measure({}, base_epics);
        check_growth("plain", m);
        check_provoked(m, "RoadmapIndex", base_epics);
    }

    TEST_CASE("one dependency chain through every epic: dependency-cycle stays linear") {
        Shape shape;
        shape.deps = Shape::Deps::chain;
        const auto m = measure(shape, base_epics);
        check_growth("chain", m);
        CHECK(m.at("dependency-cycle").found_small == 0);  // a chain is no cycle
        CHECK(m.at("dependency-cycle").found_large == 0);
    }

    TEST_CASE("one cycle through every epic: dependency-cycle stays linear") {
        Shape shape;
        shape.deps = Shape::Deps::cycle;
        const auto m = measure(shape, base_epics);
        check_growth("cycle", m);
        CHECK(m.at("dependency-cycle").found_small == factor);  // one cycle in each
        CHECK(m.at("dependency-cycle").found_large == 1);
    }

    TEST_CASE("unknown epic and key-result ids, each a typo of a real one: unknown-reference stays linear") {
        // Half the epics depend on a typo and list one: 256 distinct ones in each roadmap of N, so
        // that every roadmap searches as many as the Speller's limit against its ids (under the
        // limit, the small roadmaps would search fewer words, and a linear step look quadratic).
        constexpr std::size_t n = 512;
        Shape shape;
        shape.unknown_ids = true;
        const auto m = measure(shape, n);
        check_growth("unknown ids", m, n);
        check_provoked(m, "unknown-reference", n);
    }

    TEST_CASE("near-duplicate stream titles: theme-overlap stays linear") {
        Shape shape;
        shape.near_titles = true;
        const auto m = measure(shape, base_epics);
        check_growth("near-duplicate titles", m);
        check_provoked(m, "theme-overlap", base_epics / 4);
    }

    TEST_CASE("every other person, metric, objective, key result, stream and epic declared twice: duplicate-id") {
        Shape shape;
        shape.duplicates_everywhere = true;
        const auto m = measure(shape, base_epics);
        check_growth("duplicate ids", m);
        check_provoked(m, "duplicate-id", base_epics / 2);
    }

    TEST_CASE("unknown ids and one duplicate epic id: duplicate-id and unknown-reference stay linear") {
        const auto& m = unknown_ids_and_a_duplicate();
        check_growth("unknown ids, a duplicate", m, limit_epics);
        CHECK(m.at("duplicate-id").found_small == factor);  // one in each
        CHECK(m.at("duplicate-id").found_large == 1);
        check_provoked(m, "unknown-reference", limit_epics / 2);
    }

    TEST_CASE(
        "near-duplicate people and metric ids, owners and metrics written as typos of them: unknown-reference stays "
        "linear") {
        const auto& m = near_duplicate_people();
        check_growth("near-duplicate people", m, limit_people);
        check_provoked(m, "unknown-reference", limit_people / 2);
    }

    TEST_CASE("the loader's findings (unknown keys with their did-you-mean, duplicate keys, invalid values)") {
        const std::size_t n = base_epics / 8;  // YAML: parsing dominates
        LoadOptions one;
        one.threads = 1;
        Measured m;
        const std::vector<FileText> small = loader_texts(n), large = loader_texts(n * factor);
        std::tie(m.small, m.large) = costs(
            [&] {
                m.found_small = 0;
                for (std::size_t k = 0; k < factor; ++k)
                    m.found_small += load_roadmap_from_texts("roadmap", small, one).load_findings.size();
            },
            [&] { m.found_large = load_roadmap_from_texts("roadmap", large, one).load_findings.size(); });
        INFO(
            fmt::format("load_roadmap_from_texts took {:.3f} ms on {} roadmaps of {} epics and {:.3f} ms on one of {} "
                        "({:.2f}x; linear is 1x, quadratic {}x)",
                        m.small * 1e3, factor, n, m.large * 1e3, n * factor, m.growth(), factor));
        // Each epic: titel, ownr, in-progres, 2026-13-.., due twice, depends_of, stauts, title twice.
        CHECK(m.found_small >= 8 * n * factor);
        CHECK(m.found_large >= 8 * n * factor);
        if (!sanitized) CHECK(m.linear());  // not judged under the sanitizers (see the top)
    }
}
