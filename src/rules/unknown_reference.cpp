#include <map>
#include <set>
#include <utility>

#include "boussole/spell.hpp"
#include "rules/references.hpp"
#include "rules/rule.hpp"

namespace boussole::rules {

namespace {

// " (did you mean 'helene', the id of Hélène Laurent?)": the entities `written` most likely
// stands for, by a typo of their id or by their name written instead of it.
std::string did_you_mean_named(const std::vector<NameMatch>& matches) {
    if (matches.empty()) return {};
    std::vector<std::string> options;
    for (const NameMatch& m : matches) {
        // The name says which one is meant when it was recognised, or when several are close.
        if (!m.name.empty() && (m.by_name || matches.size() > 1))
            options.push_back(fmt::format("'{}', the id of {}", m.id, m.name));
        else
            options.push_back(fmt::format("'{}'", m.id));
    }
    return fmt::format(" (did you mean {}?)", fmt::join(options, ", or "));
}

void check(const LintContext& ctx, Reporter& out) {
    const RoadmapIndex& ix = ctx.index;
    // References explained by a duplicate id are reported once, by duplicate-id, at the duplicate.
    std::set<std::pair<RefKind, std::string>> explained;
    if (ctx.reports(RuleId::duplicate_id))
        for (const MisnamedDuplicate& d : misnamed_duplicates(ctx.roadmap, ix))
            for (const auto& [id, where] : d.meant) explained.emplace(d.kind, id);
    // issue 17: each list of ids folded once, each unknown id searched once (Speller); people and
    // metrics, found by name too, have their answers kept the same way, with a lower limit.
    Speller epics(ix.epic_ids, max_searched_unknown_ids), key_results(ix.key_result_ids, max_searched_unknown_ids);
    // A hint: the message's " (did you mean ...?)" and the ids it suggests.
    using Hint = std::pair<std::string, std::vector<std::string>>;
    std::map<std::string, Hint, std::less<>> people_hints, metric_hints;
    auto named_hint = [](std::map<std::string, Hint, std::less<>>& hints, const std::string& id,
                         auto&& search) -> Hint {
        if (const auto it = hints.find(id); it != hints.end()) return it->second;
        if (hints.size() >= max_searched_unknown_names) return {};
        const std::vector<NameMatch> matches = search(id);
        std::vector<std::string> ids;
        for (const NameMatch& m : matches) ids.emplace_back(m.id);
        return hints.emplace(id, Hint{did_you_mean_named(matches), std::move(ids)}).first->second;
    };
    auto typo_hint = [](Speller& speller, const std::string& id) -> Hint {
        const std::optional<std::string> closest = speller.closest(id);
        if (!closest) return {};
        return {speller.did_you_mean(id), {*closest}};
    };
    for_each_reference(ctx.roadmap, [&](const Reference& ref) {
        const std::string& id = **ref.id;
        if (explained.contains({ref.kind, id})) return;
        Hint hint;
        switch (ref.kind) {
            case RefKind::person:
                if (ix.people.contains(id)) return;
                hint = named_hint(people_hints, id, [&](const std::string& w) { return ix.people_written_as(w); });
                break;
            case RefKind::metric:
                if (ix.metrics.contains(id)) return;
                hint = named_hint(metric_hints, id, [&](const std::string& w) { return ix.metrics_written_as(w); });
                break;
            case RefKind::epic:
                if (ix.epics.contains(id)) return;
                hint = typo_hint(epics, id);
                break;
            case RefKind::key_result:
                if (ix.key_results.contains(id)) return;
                hint = typo_hint(key_results, id);
                break;
        }
        out.report_fixable(ref.id->pos,
                           fmt::format("{} '{}' is not a declared {}{}", ref.role, id, kind_name(ref.kind), hint.first),
                           std::move(hint.second));
    });
}

}  // namespace

const Rule unknown_reference{
    .id = RuleId::unknown_reference,
    .default_severity = Severity::error,
    .summary = "an owner, contributor, dependency, key result or metric names nothing declared",
    .why =
        "A reference to nothing is usually a typo or a renamed id: the epic would count for no key "
        "result, or for an owner who does not exist. Owners are checked once 'people' is declared, "
        "metrics once 'metrics' is. A person's or a metric's name written instead of its id is "
        "recognised, whole or in part, and the id suggested. References that a duplicate id explains (a "
        "second person declared as 'helene' and named Théo, while 'theo' is named elsewhere) are "
        "reported once, by duplicate-id, at the duplicate. Past 256 distinct unknown epic or key-result "
        "ids, or 64 unknown people or metrics, no more are searched for a likely typo: so many are a missing "
        "file, not typos.",
    .bad = "people:\n  - {id: sam, name: Sam}\nstreams:\n  - id: billing\n    title: Billing\n    owner: samm",
    .good = "people:\n  - {id: sam, name: Sam}\nstreams:\n  - id: billing\n    title: Billing\n    owner: sam",
    .check = &check,
    .needs_whole_tree = true,
};

}  // namespace boussole::rules
