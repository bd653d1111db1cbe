#include "boussole/format.hpp"

#include <array>
#include <map>
#include <stdexcept>

#include "boussole/diagnostic.hpp"

namespace boussole::format {

namespace {

// issue 14, item 5: proposed, last (the enum's order).
constexpr std::array<std::string_view, 6> epic_status_values{"planned", "in-progress", "blocked",
                                                             "done",    "dropped",     "proposed"};
constexpr std::array<std::string_view, 4> task_status_values{"todo", "doing", "done", "dropped"};
constexpr std::array<std::string_view, 2> stream_kind_values{"build", "run"};
constexpr std::array<std::string_view, 4> priority_values{"P0", "P1", "P2", "P3"};
constexpr std::array<std::string_view, 4> cadence_values{"weekly", "biweekly", "monthly", "quarterly"};
constexpr std::array<std::string_view, 2> language_values{"en", "fr"};

using enum Type;

const Key file_keys[] = {
    {"roadmap", mapping, false, "The roadmap itself: exactly one file of the tree declares it.", {}, Entity::roadmap},
    {"people",
     mappings,
     false,
     "The team. Once declared, every owner and contributor must be one of them.",
     {},
     Entity::person},
    {"metrics",
     mappings,
     false,
     "The metric catalogue. Once declared, every key result's metric must be one of them.",
     {},
     Entity::metric},
    {"objectives",
     mappings,
     false,
     "The OKRs: qualitative objectives, each with measurable key results.",
     {},
     Entity::objective},
    {"streams",
     mappings,
     false,
     "The roadmap's few MECE themes (3 to 10), one of them of kind run.",
     {},
     Entity::stream},
};

const Key roadmap_keys[] = {
    {"name", text, true, "Title of the roadmap."},
    {"team", text, false, "The team that owns it."},
    {"mission", text, false, "The team's key mission in one or two sentences."},
    {"champion", text, false,
     "The person (an id of people) who keeps the roadmap current: the digest and the report name them when no "
     "commit has changed the roadmap for longer than roadmap.report.stale_after_days."},
    {"period", Type::period, true,
     "The time the roadmap covers: YYYY-Qn, YYYY-Hn or {start: DATE, end: DATE}, both ends inclusive."},
    {"language", choice, false,
     "The language of the report, recap and diff written from it: en (the default) or fr; --lang overrides it. "
     "Lint messages stay English.",
     language_values},
    {"north_star",
     mapping,
     false,
     "The team's North Star metric (same fields as a key result).",
     {},
     Entity::north_star},
    {"lint", mapping, false, "Rule settings for boussole lint.", {}, Entity::lint},
    {"report", mapping, false, "Settings of boussole report.", {}, Entity::report},
};

// The north star and the key results share their keys; only the id's need differs.
#define BOUSSOLE_KEY_RESULT_KEYS(id_required)                                                                         \
    {"id", id, id_required, "Identifier, unique among key results; epics list it under key_results."},                \
        {"title", text, true, "What is measured, in words."},                                                         \
        {"metric", text, false, "What is measured: a metric id from the catalogue when one is declared."},            \
        {"unit", text, false, "%, EUR, days, ..."}, {"baseline", number, false, "Value at the start of the period."}, \
        {"target", number, false, "Value that means full success (may be below the baseline)."},                      \
        {"current", number, false, "Latest measured value."},                                                         \
        {"checked_on", date, false,                                                                                   \
         "The day the current value was last measured, YYYY-MM-DD, even when it did not change; the report's last "   \
         "check-in is the later of this and the commit that last changed current."},                                  \
        {"cadence", choice, false,                                                                                    \
         "How often it is measured: weekly, biweekly, monthly or quarterly (7, 14, 31 or 92 days); the report flags " \
         "it stale after that, instead of after roadmap.report.stale_after_days.",                                    \
         cadence_values},                                                                                             \
        {"confidence", Type::confidence, false, "The owner's confidence to reach the target, 0 to 1."}, {             \
        "owner", text, false, "A person; defaults to the objective's owner."                                          \
    }

const Key north_star_keys[] = {BOUSSOLE_KEY_RESULT_KEYS(false)};
const Key key_result_keys[] = {BOUSSOLE_KEY_RESULT_KEYS(true)};
#undef BOUSSOLE_KEY_RESULT_KEYS

const Key lint_keys[] = {
    {"rules", severities, false, "Rule id to severity: off, info, warning or error. The command line's --rule wins."},
    {"themes", mapping, false, "Bounds of the number of streams (theme-count).", {}, Entity::themes},
};

const Key themes_keys[] = {
    {"min", whole_number, false, "Fewest streams (default 3)."},
    {"max", whole_number, false, "Most streams (default 10)."},
};

const Key report_keys[] = {
    {"max_open_epics", whole_number, false,
     "Flag an owner with more open epics than this in the load table (default 4)."},
    {"stale_after_days", whole_number, false,
     "Flag a key result not checked in for more than this many days (default 14), unless it has its own cadence."},
};

const Key period_keys[] = {
    {"start", date, true, "First day, YYYY-MM-DD."},
    {"end", date, true, "Last day, YYYY-MM-DD (inclusive)."},
};

const Key person_keys[] = {
    {"id", id, true, "Identifier used by owner and contributors."},
    {"name", text, false, "Full name."},
    {"role", text, false, "Role in the team."},
    {"email", Type::email, false, "E-mail address: the digest's e-mail is sent to it."},
    {"slack", Type::slack_id, false,
     "Slack member ID (U or W then capitals and digits, e.g. U012AB3CD; in Slack: the profile's ⋮ menu, Copy member "
     "ID): the digest's Slack message mentions the person."},
    {"responsibilities", texts, false, "The processes this person owns (sellers look them up)."},
};

const Key metric_keys[] = {
    {"id", id, true, "Identifier used by key results' metric."},
    {"name", text, false, "What is measured."},
    {"unit", text, false, "%, EUR, days, ..."},
    {"definition", text, false, "What it measures and why it matters."},
    {"dashboard", url, false, "Where to see it (http or https URL)."},
    {"owner", text, false, "The person who owns the metric."},
};

const Key objective_keys[] = {
    {"id", id, true, "Identifier."},
    {"title", text, true, "The qualitative objective."},
    {"owner", text, false, "The accountable person (warned when absent)."},
    {"key_results", mappings, false, "How success is measured (warned when empty).", {}, Entity::key_result},
};

const Key stream_keys[] = {
    {"id", id, true, "Identifier."},
    {"title", text, true, "The theme, in a few words."},
    {"owner", text, false, "The accountable person (warned when absent)."},
    {"kind", choice, false, "build (default) or run: the operational run and ad-hoc requests.", stream_kind_values},
    {"description", text, false, "What belongs to this theme."},
    {"epics", mappings, false, "The work planned in this theme (warned when empty).", {}, Entity::epic},
};

const Key epic_keys[] = {
    {"id", id, true, "Identifier, unique across all streams."},
    {"title", text, true, "What will be delivered."},
    {"owner", text, false, "One accountable owner (warned when absent)."},
    {"contributors", ids, false, "The people who help.", {}, Entity::file, true},
    {"status", choice, false,
     "planned (default), in-progress, blocked, done, dropped, or proposed (a backlog item: not planned work, no due "
     "date "
     "required).",
     epic_status_values},
    {"priority", choice, false, "P0 (highest) to P3.", priority_values},
    {"start", date, false, "Start date, YYYY-MM-DD, inside the period."},
    {"due", date, false, "Due date, YYYY-MM-DD, inside the period (warned when absent on a build epic)."},
    {"estimate", duration, false, "Rough size: 5d, 3w."},
    {"deliverables", texts, false, "The big deliverables.", {}, Entity::file, true},
    {"depends_on", ids, false, "Epic ids this epic waits for (no cycles)."},
    {"key_results", ids, false, "The key results this epic moves (warned when empty on a build epic)."},
    {"dropped_reason", text, false, "Why it left the plan (warned when the status is dropped)."},
    {"update", text, false,
     "The owner's written update, free text: what is done, what is next, what it is blocked on. The report shows "
     "it with the date it last changed in git, and flags an in-progress build epic whose update is older than "
     "roadmap.report.stale_after_days."},
    {"tasks", mappings, false, "The steps of the epic; its progress is the share done.", {}, Entity::task},
};

const Key task_keys[] = {
    {"title", text, true, "What to do."},
    {"id", id, false, "Identifier (optional), unique among tasks."},
    {"owner", text, false, "Who does it."},
    {"status", choice, false, "todo (default), doing, done or dropped.", task_status_values},
    {"due", date, false, "Due date, YYYY-MM-DD."},
};

struct EntitySpec {
    std::string_view name;
    std::span<const Key> keys;
    std::string_view description;
};

const std::map<Entity, EntitySpec>& specs() {
    static const std::map<Entity, EntitySpec> s{
        {Entity::file,
         {"file", file_keys, "A boussole roadmap file: any of roadmap, people, metrics, objectives, streams."}},
        {Entity::roadmap,
         {"roadmap", roadmap_keys, "The roadmap: its name and period, the North Star, lint settings."}},
        {Entity::north_star, {"north_star", north_star_keys, "The team's one North Star metric."}},
        {Entity::lint, {"lint", lint_keys, "Rule settings for boussole lint."}},
        {Entity::themes, {"themes", themes_keys, "Bounds of the number of streams."}},
        {Entity::report, {"report", report_keys, "Settings of the status report."}},
        {Entity::period, {"period", period_keys, "A span of days, both ends inclusive."}},
        {Entity::person, {"person", person_keys, "A member of the team."}},
        {Entity::metric, {"metric", metric_keys, "An entry of the metric catalogue."}},
        {Entity::objective, {"objective", objective_keys, "An objective (the O of OKR)."}},
        {Entity::key_result, {"key_result", key_result_keys, "A measurable key result: baseline, target, current."}},
        {Entity::stream, {"stream", stream_keys, "A theme of the roadmap, holding epics."}},
        {Entity::epic, {"epic", epic_keys, "A piece of work with one accountable owner."}},
        {Entity::task, {"task", task_keys, "A step of an epic."}},
    };
    return s;
}

}  // namespace

const std::span<const std::string_view> epic_statuses{epic_status_values}, task_statuses{task_status_values},
    stream_kinds{stream_kind_values}, priorities{priority_values}, cadences{cadence_values},
    severity_names{severity_spellings};

std::span<const Key> keys(Entity e) { return specs().at(e).keys; }

std::string_view name(Entity e) { return specs().at(e).name; }

std::span<const Entity> entities() {
    static const std::vector<Entity> all = [] {
        std::vector<Entity> out;
        for (const auto& [entity, spec] : specs()) out.push_back(entity);
        return out;
    }();
    return all;
}

const Key& key(Entity e, std::string_view name) {
    for (const Key& k : keys(e))
        if (k.name == name) return k;
    throw std::out_of_range("no key '" + std::string(name) + "' in " + std::string(format::name(e)));
}

std::string_view describe(Entity e) { return specs().at(e).description; }

const std::vector<std::string>& key_names(Entity e) {
    static const std::map<Entity, std::vector<std::string>> names = [] {
        std::map<Entity, std::vector<std::string>> out;
        for (const auto& [entity, spec] : specs())
            for (const Key& k : spec.keys) out[entity].emplace_back(k.name);
        return out;
    }();
    return names.at(e);
}

}  // namespace boussole::format
