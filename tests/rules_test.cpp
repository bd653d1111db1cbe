// The rule catalogue against the contract (doc/spec/CLI.md), and every rule against its fixtures.
//
// Fixtures: tests/rules/<rule-id>[.<case>].yaml. A comment `# expect: ...` on a line lists the
// diagnostics that line must get; every line without one must get none. Each expectation is
//
//     RULE-ID                  the rule only
//     RULE-ID@COL              the rule and the 1-based column (in code points)
//     RULE-ID@COL: MESSAGE     the rule, the column and the whole message
//     RULE-ID: MESSAGE         the rule and the whole message
//
// Several expectations without a message may share one comment, separated by commas
// (`# expect: missing-owner, missing-due`); an expectation with a message runs to the end of
// the line or to the next `# expect:`, which may follow on the same line.

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <random>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "boussole/format.hpp"
#include "boussole/lint.hpp"
#include "boussole/loader.hpp"
#include "boussole/spell.hpp"
#include "support.hpp"

using namespace boussole;
namespace fs = std::filesystem;

namespace {

const std::string fixtures = test::source_dir() + "/tests/rules";

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string_view::npos) return {};
    return std::string(s.substr(b, s.find_last_not_of(" \t\r") - b + 1));
}

// One `# expect:` entry: a line, a rule, and optionally a column and a message.
struct Expectation {
    std::uint32_t line = 0;
    std::string rule;
    std::optional<std::uint32_t> column;
    std::optional<std::string> message;

    [[nodiscard]] bool matches(const Diagnostic& d) const {
        return d.line == line && d.rule == rule && (!column || d.column == *column) &&
               (!message || d.message == *message);
    }
    [[nodiscard]] int precision() const { return (column ? 1 : 0) + (message ? 2 : 0); }
    [[nodiscard]] std::string str() const {
        return fmt::format("{}{}: {}{}", line, column ? fmt::format(":{}", *column) : "", rule,
                           message ? ": " + *message : "");
    }
};

Expectation parse_one(std::uint32_t line, std::string_view text) {
    Expectation e;
    e.line = line;
    const auto colon = text.find(": ");
    std::string head = trim(text.substr(0, colon));
    if (colon != std::string_view::npos) e.message = trim(text.substr(colon + 2));
    if (const auto at = head.find('@'); at != std::string::npos) {
        e.column = static_cast<std::uint32_t>(std::stoul(head.substr(at + 1)));
        head.resize(at);
    }
    e.rule = head;
    return e;
}

std::vector<Expectation> expectations(const std::string& text) {
    static constexpr std::string_view marker = "# expect:";
    std::vector<Expectation> out;
    std::istringstream in(text);
    std::string line;
    for (std::uint32_t n = 1; std::getline(in, line); ++n) {
        for (auto at = line.find(marker); at != std::string::npos;) {
            const auto begin = at + marker.size();
            const auto next = line.find(marker, begin);
            const std::string part = trim(std::string_view(line).substr(begin, next - begin));
            if (part.find(": ") != std::string::npos) {
                out.push_back(parse_one(n, part));
            } else {
                std::istringstream ids(part);
                for (std::string id; std::getline(ids, id, ',');)
                    if (!trim(id).empty()) out.push_back(parse_one(n, trim(id)));
            }
            at = next;
        }
    }
    return out;
}

// What differs between the diagnostics and the expectations, one line each (empty when they agree).
std::vector<std::string> mismatches(std::vector<Expectation> expected, const std::vector<Diagnostic>& actual) {
    // The most precise expectations first, so that a bare rule id does not take a diagnostic
    // a pinned expectation of the same line needs.
    std::stable_sort(expected.begin(), expected.end(),
                     [](const Expectation& a, const Expectation& b) { return a.precision() > b.precision(); });
    std::vector<bool> used(actual.size());
    std::vector<std::string> out;
    for (const Expectation& e : expected) {
        std::size_t i = 0;
        while (i < actual.size() && (used[i] || !e.matches(actual[i]))) ++i;
        if (i == actual.size()) {
            out.push_back("expected but missing: " + e.str());
        } else {
            used[i] = true;
        }
    }
    for (std::size_t i = 0; i < actual.size(); ++i)
        if (!used[i])
            out.push_back(fmt::format("unexpected: {}:{}: {}: {}", actual[i].line, actual[i].column, actual[i].rule,
                                      actual[i].message));
    return out;
}

// The fixture's rule: its name up to the first dot (`theme-count.too-many.yaml` tests theme-count).
std::string rule_of(const fs::path& p) {
    const std::string name = p.filename().string();
    return name.substr(0, name.find('.'));
}

// (id, default severity) of each row of the rule table of doc/spec/CLI.md, in its order.
std::vector<std::pair<std::string, std::string>> contract_rules() {
    std::istringstream in(test::slurp(test::source_dir() + "/doc/spec/CLI.md"));
    std::vector<std::pair<std::string, std::string>> rows;
    bool in_section = false;
    for (std::string line; std::getline(in, line);) {
        if (line.starts_with("#")) in_section = line == "### Rules";
        if (!in_section || !line.starts_with("| `")) continue;
        std::vector<std::string> cells;
        std::istringstream row(line.substr(1));
        for (std::string cell; std::getline(row, cell, '|');) cells.push_back(trim(cell));
        REQUIRE(cells.size() >= 3);
        rows.emplace_back(cells[0].substr(1, cells[0].size() - 2), cells[1]);
    }
    return rows;
}

// theme-overlap as it was first written: every pair of streams compared, the reference its
// indexed version must agree with.
namespace reference {

std::vector<std::string> words(std::string_view title) {
    static const std::set<std::string, std::less<>> small{"a",  "an",   "and", "the", "of", "for", "to",  "in",
                                                          "on", "with", "et",  "de",  "la", "le",  "les", "des"};
    std::vector<std::string> out;
    std::string w;
    auto flush = [&] {
        if (w.size() > 3 && w.back() == 's') w.pop_back();
        if (!w.empty() && !small.contains(w)) out.push_back(w);
        w.clear();
    };
    for (char c : title) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || u >= 0x80) {
            w.push_back(static_cast<char>(std::tolower(u)));
        } else {
            flush();
        }
    }
    flush();
    return out;
}

std::string digits(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words)
        for (char c : w)
            if (c >= '0' && c <= '9') out.push_back(c);
    return out;
}

bool overlap(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.empty() || b.empty() || digits(a) != digits(b)) return false;
    std::vector<std::string> sa = a, sb = b;
    std::sort(sa.begin(), sa.end());
    std::sort(sb.begin(), sb.end());
    if (sa == sb) return true;
    const std::string ja = fmt::format("{}", fmt::join(a, " ")), jb = fmt::format("{}", fmt::join(b, " "));
    const std::size_t limit = std::max<std::size_t>(1, std::min(ja.size(), jb.size()) / 8);
    if (std::min(ja.size(), jb.size()) < 8) return false;
    const std::size_t length_gap = ja.size() > jb.size() ? ja.size() - jb.size() : jb.size() - ja.size();
    return length_gap <= limit && edit_distance(ja, jb) <= limit;
}

}  // namespace reference

}  // namespace

TEST_SUITE("rules") {
    TEST_CASE("theme-overlap finds exactly the pairs a comparison of every pair finds") {
        // Random titles from a small vocabulary (accents, digits, short words, words that are
        // typos of each other), then typos added: many overlaps of every kind.
        const std::vector<std::string> vocabulary{
            "CRM",     "data",    "quality", "Billing",  "billing",  "Lead",      "routing", "Qualité", "qualite",
            "données", "Donnees", "wave",    "1",        "2",        "Migration", "of",      "the",     "Équipe",
            "ops",     "sales",   "Sales",   "forecast", "pipeline", "hygiene",   "Hygiène", "X",       "Œuvre",
            "進捗",    "管理",    "renewal", "renewals", "quote",    "to",        "cash"};
        for (const unsigned seed : {1U, 2U, 3U, 4U, 5U}) {
            CAPTURE(seed);
            std::mt19937 rng(seed);
            auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
            std::vector<std::string> titles;
            for (int i = 0; i < 300; ++i) {
                if (!titles.empty() && pick(4) == 0) {
                    std::string t = titles[pick(titles.size())];  // an earlier title, with a typo or two
                    for (std::size_t e = pick(3); e > 0 && !t.empty(); --e) {
                        const std::size_t at = pick(t.size());
                        if (static_cast<unsigned char>(t[at]) >= 0x80) continue;  // keep UTF-8 whole
                        switch (pick(4)) {
                            case 0:
                                t[at] = static_cast<char>('a' + pick(26));
                                break;
                            case 1:
                                t.erase(at, 1);
                                break;
                            case 2:
                                t.insert(at, 1, static_cast<char>('a' + pick(26)));
                                break;
                            default:
                                if (at + 1 < t.size() && static_cast<unsigned char>(t[at + 1]) < 0x80)
                                    std::swap(t[at], t[at + 1]);
                        }
                    }
                    titles.push_back(t);
                    continue;
                }
                std::string t;
                for (std::size_t w = 1 + pick(4); w > 0; --w)
                    t += (t.empty() ? "" : " ") + vocabulary[pick(vocabulary.size())];
                titles.push_back(t);
            }
            std::string text = "streams:\n";
            for (std::size_t i = 0; i < titles.size(); ++i)
                text += fmt::format("  - {{id: s{}, title: \"{}\", owner: p}}\n", i, titles[i]);
            const std::uint32_t first_line = 2;  // of the first stream

            std::set<std::string> expected;
            for (std::size_t i = 1; i < titles.size(); ++i)
                for (std::size_t j = 0; j < i; ++j)
                    if (reference::overlap(reference::words(titles[i]), reference::words(titles[j]))) {
                        expected.insert(
                            fmt::format("{}: stream title '{}' overlaps '{}' (first at line {}): streams "
                                        "should not overlap",
                                        first_line + i, titles[i], titles[j], first_line + j));
                        break;
                    }
            std::set<std::string> found;
            for (const Diagnostic& d : lint_roadmap(load_roadmap_from_string(text)).diagnostics)
                if (d.rule == "theme-overlap") found.insert(fmt::format("{}: {}", d.line, d.message));
            CHECK(expected.size() > 30);
            CHECK(found == expected);
        }
    }

    TEST_CASE("the registry starts with CLI.md's rule table: same ids, same default severities, same order") {
        // CLI.md says the catalogue is "at least" its table: rules added since follow it.
        const auto contract = contract_rules();
        REQUIRE(contract.size() >= 20);  // the table was found
        const auto rules = all_rules();
        REQUIRE(rules.size() >= contract.size());
        for (std::size_t i = 0; i < contract.size(); ++i) {
            CAPTURE(i);
            CHECK(to_string(rules[i]->id) == contract[i].first);
            CHECK(to_string(rules[i]->default_severity) == contract[i].second);
        }
    }

    TEST_CASE("rule ids: the registry is indexed by RuleId, and each spelling reads back") {
        REQUIRE(all_rules().size() == rule_count);
        for (std::size_t i = 0; i < rule_count; ++i) {
            const auto id = static_cast<RuleId>(i);
            CAPTURE(to_string(id));
            CHECK(all_rules()[i]->id == id);
            CHECK(&find_rule(id) == all_rules()[i]);
            CHECK(parse_rule_id(to_string(id)) == id);
            CHECK(find_rule(to_string(id)) == all_rules()[i]);
        }
        CHECK_FALSE(parse_rule_id("missing-owners").has_value());
        CHECK(find_rule("missing-owners") == nullptr);
    }

    TEST_CASE("every rule has its documentation and at least one fixture") {
        for (const Rule* r : all_rules()) {
            CAPTURE(to_string(r->id));
            CHECK_FALSE(r->summary.empty());
            CHECK(r->why.size() > 40);
            CHECK_FALSE(r->bad.empty());
            CHECK_FALSE(r->good.empty());
            CHECK(r->bad != r->good);
            CHECK(fs::exists(fixtures + "/" + std::string(to_string(r->id)) + ".yaml"));
        }
    }

    TEST_CASE("a rule's options are keys of the format under roadmap.lint, with the rule's default") {
        std::size_t declared = 0;
        for (const Rule* r : all_rules()) {
            for (const RuleOption& o : r->options) {
                CAPTURE(o.path);
                ++declared;
                // "themes.min": the mapping `themes` of roadmap.lint, its key `min`.
                const auto dot = o.path.find('.');
                REQUIRE(dot != std::string_view::npos);
                const auto lint = format::keys(format::Entity::lint);
                const auto group = std::find_if(lint.begin(), lint.end(),
                                                [&](const format::Key& k) { return k.name == o.path.substr(0, dot); });
                REQUIRE(group != lint.end());
                REQUIRE(group->type == format::Type::mapping);
                const auto keys = format::keys(group->child);
                const auto key = std::find_if(keys.begin(), keys.end(),
                                              [&](const format::Key& k) { return k.name == o.path.substr(dot + 1); });
                REQUIRE(key != keys.end());
                CHECK(key->type == format::Type::whole_number);
                CHECK(key->description.find(fmt::format("(default {})", o.default_value)) != std::string_view::npos);
                CHECK_FALSE(o.description.empty());
                if (!o.at_most.empty())
                    CHECK(std::any_of(r->options.begin(), r->options.end(),
                                      [&](const RuleOption& other) { return other.path == o.at_most; }));
            }
        }
        CHECK(declared >= 2);  // theme-count's bounds
    }

    TEST_CASE("the fixture syntax: rule, column, message, several per line") {
        const auto e = expectations(
            "a: 1  # expect: unknown-key@9: unknown key 'ownr' in an epic (did you mean 'owner'?)\n"
            "b: 2\n"
            "c: 3  # expect: missing-owner, missing-due@5\n"
            "d: 4  # expect: date-order: the period ends (x) before it starts (y) # expect: invalid-value@2\n");
        REQUIRE(e.size() == 5);
        CHECK(e[0].str() == "1:9: unknown-key: unknown key 'ownr' in an epic (did you mean 'owner'?)");
        CHECK(e[1].str() == "3: missing-owner");
        CHECK(e[2].str() == "3:5: missing-due");
        CHECK(e[3].str() == "4: date-order: the period ends (x) before it starts (y)");
        CHECK(e[4].str() == "4:2: invalid-value");

        Diagnostic d;
        d.line = 1;
        d.column = 9;
        d.rule = "unknown-key";
        d.message = "unknown key 'ownr' in an epic (did you mean 'owner'?)";
        CHECK(mismatches({e[0]}, {d}).empty());
        d.column = 8;
        CHECK(mismatches({e[0]}, {d}).size() == 2);  // one missing, one unexpected
        d.column = 9;
        d.message += ".";
        CHECK_FALSE(mismatches({e[0]}, {d}).empty());
        CHECK(mismatches({}, {d}).size() == 1);  // a line without annotation stays silent
    }

    TEST_CASE("fixtures: each '# expect:' line gets exactly those diagnostics, every other line none") {
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(fixtures))
            if (e.path().extension() == ".yaml") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        REQUIRE(files.size() >= all_rules().size());
        for (const fs::path& f : files) {
            CAPTURE(f.filename().string());
            const std::string rule = rule_of(f);
            const auto expected = expectations(test::slurp(f.string()));
            if (rule == "clean") {
                CHECK(expected.empty());
            } else {
                REQUIRE(find_rule(rule) != nullptr);  // a fixture must name a rule
                CHECK(std::any_of(expected.begin(), expected.end(),
                                  [&](const Expectation& e) { return e.rule == rule; }));
                // Messages are under test: every fixture pins at least one column and message.
                CHECK(std::any_of(expected.begin(), expected.end(),
                                  [&](const Expectation& e) { return e.column && e.message; }));
            }
            const LintResult result = lint_roadmap(load_roadmap(f.string()));
            const std::vector<std::string> diff = mismatches(expected, result.diagnostics);
            CHECK(diff.empty());
            for (const std::string& m : diff) MESSAGE(m);
        }
    }

    TEST_CASE("dependency-cycle names the whole cycle once, and unknown-reference suggests the closest id") {
        const LintResult r = lint_roadmap(load_roadmap(fixtures + "/dependency-cycle.yaml"));
        std::vector<std::string> cycles, refs;
        for (const Diagnostic& d : r.diagnostics)
            if (d.rule == to_string(RuleId::dependency_cycle)) cycles.push_back(d.message);
        REQUIRE(cycles.size() == 2);
        CHECK(cycles[0] == "epics depend on each other in a cycle: billing-sync -> dedup -> billing-sync");
        CHECK(cycles[1] == "epics depend on each other in a cycle: self -> self");

        const LintResult u = lint_roadmap(load_roadmap(fixtures + "/unknown-reference.yaml"));
        for (const Diagnostic& d : u.diagnostics) refs.push_back(d.message);
        CHECK(std::count(refs.begin(), refs.end(), "owner 'samm' is not a declared person (did you mean 'sam'?)") == 1);
        CHECK(std::count(refs.begin(), refs.end(),
                         "dependency 'dedupe' is not a declared epic (did you mean 'dedup'?)") == 1);
        CHECK(std::count(refs.begin(), refs.end(), "contributor 'noah' is not a declared person") == 1);
        CHECK(std::count(refs.begin(), refs.end(),
                         "metric 'minute' is not a declared metric (did you mean 'minutes'?)") == 1);
    }

    TEST_CASE("a long dependency chain that closes on itself is one cycle") {
        std::string text = "streams:\n  - id: s\n    title: S\n    epics:\n";
        for (int i = 0; i < 2000; ++i)
            text += "      - {id: e" + std::to_string(i) + ", title: E, depends_on: [e" +
                    std::to_string((i + 1) % 2000) + "]}\n";
        const LintResult r = lint_roadmap(load_roadmap_from_string(text));
        const auto n = std::count_if(r.diagnostics.begin(), r.diagnostics.end(),
                                     [](const Diagnostic& d) { return d.rule == to_string(RuleId::dependency_cycle); });
        CHECK(n == 1);
    }
}
