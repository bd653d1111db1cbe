// When each key result was last checked in: the newest mainline commit that changed its
// `current` value. Reads history through History only (no libgit2 here).
#include "boussole/history.hpp"

namespace boussole {

namespace {

const std::optional<double>* current_of(const Snapshot& s, const std::string& id) {
    if (id.empty()) return s.north_star ? &s.north_star->current : nullptr;
    const KrFacts* k = s.key_result(id);
    return k ? &k->current : nullptr;
}

}  // namespace

std::map<std::string, CheckIn> find_check_ins(const History& history, const Snapshot& working, const Period& period) {
    std::map<std::string, CheckIn> out;
    std::vector<std::string> ids;
    if (working.north_star && working.north_star->current) ids.emplace_back();
    for (const KrFacts& k : working.key_results)
        if (working.key_result(k.id) == &k && k.current) ids.push_back(k.id);
    if (ids.empty()) return out;

    const auto head = history.head();
    if (!head) {
        for (const std::string& id : ids) out[id] = CheckIn{};  // nothing committed: all uncommitted
        return out;
    }
    const Mainline m =
        history.mainline(*head, [&](const CommitInfo& c, bool changed) { return changed && c.date <= period.start; });
    const std::vector<Snapshot> states = history.snapshots(m.commits);
    // The chain ran out at the root: its first commit is where everything started, exactly.
    const bool exact_start = m.reached_root;
    for (const std::string& id : ids) {
        const std::optional<double>& now = *current_of(working, id);
        const std::optional<double>* at_head = states.empty() ? nullptr : current_of(states.back(), id);
        if (!at_head || *at_head != now) {
            out[id] = CheckIn{};  // changed in the working tree
            continue;
        }
        CheckIn c;
        std::size_t i = states.size() - 1;
        for (; i > 0; --i) {
            const std::optional<double>* before = current_of(states[i - 1], id);
            if (!before || *before != now) break;
        }
        c.date = m.commits[i].date;
        c.or_before = i == 0 && !exact_start;
        out[id] = c;
    }
    return out;
}

}  // namespace boussole
