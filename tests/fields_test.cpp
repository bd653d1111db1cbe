// issue 14, item 3: doc/fields.md lists every key of the format table and the report outputs
// that show it, and cannot lie: for each output a row names, a distinctive value written into
// that key of a fixture roadmap must appear in that output, and must not appear before.
#include <doctest/doctest.h>

#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "boussole/format.hpp"
#include "support.hpp"

using namespace boussole;

namespace {

// One row of doc/fields.md's table.
struct Row {
    std::string outputs;  // "team", "leadership", "team, leadership", "entries" or "none"
    std::string why;
    int line = 0;
};

// entity.key -> its row.
std::map<std::string, Row> rows_of(const std::string& doc) {
    std::map<std::string, Row> out;
    const std::regex row(R"(^\| ([a-z_]+) \| ([a-z_]+) \| ([a-z, ]+) \| (.*) \|$)");
    std::istringstream in(doc);
    int n = 0;
    for (std::string line; std::getline(in, line);) {
        ++n;
        std::smatch m;
        if (!std::regex_match(line, m, row) || m[1] == "entity") continue;
        const std::string id = m[1].str() + "." + m[2].str();
        INFO("doc/fields.md:", n, ": ", id);
        CHECK_FALSE(out.contains(id));  // one row per key
        out[id] = {m[3].str(), m[4].str(), n};
    }
    return out;
}

// A value written into one key, and what each output shows of it (empty: the output does not).
struct Probe {
    std::string value;  // as YAML, in place of the value on the key's marked line
    std::string team, leadership;
};

// Distinctive values, one per key the report shows; the text expected is as the report writes
// it (numbers grouped, dates in tables as ISO 8601, words of the English catalogue).
const std::map<std::string, Probe>& probes() {
    static const std::map<std::string, Probe> p{
        {"roadmap.name", {"Zqx roadmap", "# Zqx roadmap: status report", "# Zqx roadmap: status report"}},
        {"roadmap.team", {"Zqx team", "**Team:** Zqx team", "**Team:** Zqx team"}},
        {"roadmap.mission", {"Zqx mission", "**Mission:** Zqx mission", "**Mission:** Zqx mission"}},
        {"roadmap.period", {"2026-Q4", "**Period:** 2026-Q4 (", "**Period:** 2026-Q4 ("}},
        {"roadmap.language", {"fr", "point d’avancement", "point d’avancement"}},
        {"north_star.id", {"zqx-ns", "(zqx-ns)", "(zqx-ns)"}},
        {"north_star.title", {"Zqx star", "**Zqx star**", "**Zqx star**"}},
        {"north_star.metric", {"zqx-ns-metric", "| zqx-ns-metric |", "| zqx-ns-metric |"}},
        {"north_star.unit", {"zqxunit", "100 zqxunit", "100 zqxunit"}},
        {"north_star.baseline", {"123457", "123,457 EUR", "123,457 EUR"}},
        {"north_star.target", {"987654", "target 987,654 EUR", "target 987,654 EUR"}},
        {"north_star.current", {"135791", "→ 135,791 EUR", "→ 135,791 EUR"}},
        {"north_star.checked_on", {"2026-11-17", "last check-in 2026-11-17", "last check-in 2026-11-17"}},
        {"north_star.cadence", {"quarterly", "(quarterly)", "(quarterly)"}},
        {"north_star.confidence", {"0.13", "confidence 0.13", "confidence 0.13"}},
        {"north_star.owner", {"zqx-ns-owner", "Owner: zqx-ns-owner.", "Owner: zqx-ns-owner."}},
        {"report.max_open_epics", {"9", "roadmap.report.max_open_epics (9)", ""}},
        {"report.stale_after_days", {"47", "else after 47 days", "else after 47 days"}},
        {"period.start", {"2026-09-01", "2026-09-01 to 2026-12-31", "2026-09-01 to 2026-12-31"}},
        {"period.end", {"2027-01-15", "2026-10-01 to 2027-01-15", "2026-10-01 to 2027-01-15"}},
        {"person.id", {"zqx-person", "| Pat Probe (zqx-person) |", ""}},
        {"person.name", {"Zqx Person", "Zqx Person", "Zqx Person"}},
        {"person.role", {"Zqx role", "| Zqx role |", ""}},
        {"person.email", {"zqx@example.com", "| <zqx@example.com> |", ""}},
        {"person.responsibilities", {"[Zqx duty]", "| Zqx duty |", ""}},
        {"metric.id", {"zqx-metric", "(zqx-metric)", "(zqx-metric)"}},
        {"metric.name", {"Zqx metric", "| Zqx metric (probe-metric) |", "| Zqx metric (probe-metric) |"}},
        {"metric.unit", {"zqxcount", "| zqxcount |", "| zqxcount |"}},
        {"metric.definition", {"Zqx definition", "| Zqx definition |", "| Zqx definition |"}},
        {"metric.dashboard",
         {"https://example.com/zqx", "[dashboard](https://example.com/zqx)", "[dashboard](https://example.com/zqx)"}},
        {"metric.owner", {"zqx-metric-owner", "| zqx-metric-owner |", "| zqx-metric-owner |"}},
        {"objective.id",
         {"zqx-objective", "### Probe objective (zqx-objective)", "### Probe objective (zqx-objective)"}},
        {"objective.title", {"Zqx objective", "### Zqx objective (obj-probe)", "### Zqx objective (obj-probe)"}},
        {"objective.owner", {"zqx-obj-owner", "Owner: zqx-obj-owner.", "Owner: zqx-obj-owner."}},
        {"key_result.id", {"zqx-kr", "| Probe key result (zqx-kr) |", "| Probe key result (zqx-kr) |"}},
        {"key_result.title", {"Zqx result", "| Zqx result (kr-probe) |", "| Zqx result (kr-probe) |"}},
        {"key_result.metric", {"zqx-kr-metric", "| zqx-kr-metric |", "| zqx-kr-metric |"}},
        {"key_result.unit", {"zqxpoints", "| zqxpoints |", "| zqxpoints |"}},
        {"key_result.baseline", {"11111", "| 11,111 |", "| 11,111 |"}},
        {"key_result.target", {"22222", "| 22,222 |", "| 22,222 |"}},
        {"key_result.current", {"33333", "| 33,333 |", "| 33,333 |"}},
        {"key_result.checked_on", {"2026-11-16", "| 2026-11-16 (weekly)", "| 2026-11-16 (weekly)"}},
        {"key_result.cadence", {"biweekly", "(every two weeks)", "(every two weeks)"}},
        {"key_result.confidence", {"0.17", "| 0.17 |", "| 0.17 |"}},
        {"key_result.owner", {"zqx-kr-owner", "| zqx-kr-owner |", "| zqx-kr-owner |"}},
        {"stream.id", {"zqx-stream", "(zqx-stream)", "(zqx-stream)"}},
        {"stream.title", {"Zqx stream", "Zqx stream (stream-probe)", "Zqx stream (stream-probe)"}},
        {"stream.owner", {"zqx-stream-owner", "Owner: zqx-stream-owner.", "| zqx-stream-owner |"}},
        {"stream.kind",
         {"run", "| ◐ in progress | Probe epic (epic-probe) | P1 | Pat Probe, with Kim Probe | 1 |",
          "| Probe stream (stream-probe) | run |"}},
        {"stream.description", {"Zqx description", "Zqx description", ""}},
        {"epic.id", {"zqx-epic", "(zqx-epic)", "(zqx-epic)"}},
        {"epic.title", {"Zqx epic", "Zqx epic (epic-probe)", "Zqx epic (epic-probe)"}},
        {"epic.owner", {"zqx-epic-owner", "| zqx-epic-owner, with Kim Probe |", "| zqx-epic-owner |"}},
        {"epic.contributors", {"[zqx-helper]", "Pat Probe, with zqx-helper", ""}},
        {"epic.status", {"blocked", "| ⊘ blocked | Probe epic", "1 blocked"}},
        {"epic.priority", {"P3", "| Probe epic (epic-probe) | P3 |", "Probe epic (epic-probe), P3"}},
        {"epic.start", {"2026-10-07", "2026-10-07, 2026-11-20", ""}},
        {"epic.due", {"2026-11-09", "| 2026-11-09 ⚠ overdue |", "due 2026-11-09"}},
        {"epic.estimate", {"11d", "| 11d |", ""}},
        {"epic.deliverables", {"[Zqx deliverable]", "- Zqx deliverable", ""}},
        {"epic.depends_on", {"[second-epic]", "epic-probe waits for second-epic.", ""}},
        {"epic.key_results", {"[kr-two, kr-probe]", "| kr-two, kr-probe |", ""}},
        {"epic.dropped_reason", {"Zqx reason", "was dropped: Zqx reason", "Dropped epic (epic-dropped): Zqx reason"}},
        {"epic.update", {"Zqx update", "Update of epic-probe: Zqx update", "| Zqx update |"}},
        {"task.title", {"Zqx task", "Zqx task (task-probe)", ""}},
        {"task.id", {"zqx-task", "Probe task (zqx-task)", ""}},
        {"task.owner", {"zqx-task-owner", "(zqx-task-owner, doing", ""}},
        {"task.status", {"done", "- [x] Probe task", ""}},
        {"task.due", {"2026-12-02", "due 2026-12-02", ""}},
    };
    return p;
}

// The fixture with `value` on the line marked `# id` (and without that line's block, if any).
std::string with_value(const std::string& fixture, const std::string& id, const std::string& value) {
    std::vector<std::string> lines;
    std::istringstream in(fixture);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    const std::string marker = "  # " + id;
    std::optional<std::size_t> at;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i].ends_with(marker)) {
            CHECK_MESSAGE(!at, "two lines marked '# ", id, "'");
            at = i;
        }
    REQUIRE_MESSAGE(at, "tests/data/fields/roadmap.yaml marks no line '# ", id, "'");
    std::string& line = lines[*at];
    const std::size_t indent = line.find_first_not_of(" -");
    const std::string key = id.substr(id.find('.') + 1);
    REQUIRE_MESSAGE(line.compare(indent, key.size() + 1, key + ":") == 0, "the line marked '# ", id,
                    "' is not its key");
    line = line.substr(0, indent) + key + ": " + value + marker;
    // A block under the key goes with its old value.
    std::size_t end = *at + 1;
    while (end < lines.size() && lines[end].find_first_not_of(' ') > indent) ++end;
    lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(*at + 1), lines.begin() + static_cast<std::ptrdiff_t>(end));
    std::string out;
    for (const std::string& l : lines) out += l + "\n";
    return out;
}

std::string report(const std::string& dir, const std::string& text, const std::string& audience) {
    test::write(dir + "/roadmap.yaml", text);
    const auto r = test::boussole(
        {"report", "--no-history", dir + "/roadmap.yaml", "--as-of", "2026-11-23", "--audience", audience});
    REQUIRE(r.status == 0);
    return r.out;
}

}  // namespace

TEST_SUITE("docs") {
    TEST_CASE("doc/fields.md lists every key of the format table and the output that shows it, truly") {
        const auto rows = rows_of(test::slurp(test::source_dir() + "/doc/fields.md"));
        const std::string fixture = test::slurp(test::source_dir() + "/tests/data/fields/roadmap.yaml");
        const std::string dir = test::temp_dir("fields");
        const std::map<std::string, std::string> before{{"team", report(dir, fixture, "team")},
                                                        {"leadership", report(dir, fixture, "leadership")}};
        std::set<std::string> keys;
        std::size_t probed = 0;
        for (const format::Entity e : format::entities())
            for (const format::Key& k : format::keys(e)) {
                const std::string id = std::string(format::name(e)) + "." + std::string(k.name);
                keys.insert(id);
                CAPTURE(id);
                const auto row = rows.find(id);
                REQUIRE_MESSAGE(row != rows.end(), "doc/fields.md has no row for ", id);
                const Row& r = row->second;
                const bool holds_entities = k.type == format::Type::mapping || k.type == format::Type::mappings;
                if (r.outputs == "entries") {
                    CHECK_MESSAGE(holds_entities, id, " holds values, not entries");
                    continue;
                }
                // A block shown nowhere (roadmap.lint) may be "none" as a whole.
                if (r.outputs != "none") CHECK_MESSAGE(!holds_entities, id, " holds entries");
                if (r.outputs == "none") {
                    CHECK_MESSAGE(r.why.size() > 20, "say why ", id, " is shown nowhere");
                    CHECK_FALSE(probes().contains(id));  // a probe would show it somewhere: the row lies
                    continue;
                }
                const auto probe = probes().find(id);
                REQUIRE_MESSAGE(probe != probes().end(), "no probe for ", id, ", which doc/fields.md says is shown");
                const std::string text = with_value(fixture, id, probe->second.value);
                for (const auto& [output, expected] :
                     {std::pair{std::string("team"), probe->second.team},
                      std::pair{std::string("leadership"), probe->second.leadership}}) {
                    CAPTURE(output);
                    const bool listed = r.outputs.find(output) != std::string::npos;
                    // The row and the probe say the same; a row that names an output is checked in it.
                    CHECK_MESSAGE(listed == !expected.empty(), "doc/fields.md and the probe disagree on ", output);
                    if (!listed || expected.empty()) continue;
                    CHECK_MESSAGE(before.at(output).find(expected) == std::string::npos, "'", expected, "' is in the ",
                                  output, " report before the probe");
                    const std::string after = report(dir, text, output);
                    CHECK_MESSAGE(after.find(expected) != std::string::npos, "'", expected, "' is not in the ", output,
                                  " report once ", id, " is ", probe->second.value);
                    ++probed;
                }
            }
        for (const auto& [id, row] : rows) CHECK_MESSAGE(keys.contains(id), "doc/fields.md:", row.line, " names ", id);
        for (const auto& [id, probe] : probes()) CHECK_MESSAGE(keys.contains(id), "a probe for ", id);
        CHECK(probed > 100);
    }
}
