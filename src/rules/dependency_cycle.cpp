#include <algorithm>
#include <functional>

#include "rules/rule.hpp"

namespace boussole::rules {

namespace {

struct Graph {
    std::vector<const Epic*> epics;                             // reading order
    std::vector<std::vector<std::pair<int, SourcePos>>> edges;  // epic -> (dependency, where written)
};

// The epics in reading order (the first of a duplicate id), numbered as the index numbers them.
Graph build(const LintContext& ctx) {
    Graph g;
    const RoadmapIndex& ix = ctx.index;
    for (const std::string& id : ix.epic_ids) g.epics.push_back(ix.epic(id).epic);
    g.edges.resize(g.epics.size());
    for (std::size_t i = 0; i < g.epics.size(); ++i)
        for (const auto& d : g.epics[i]->depends_on)
            if (d)
                if (const EpicRef to = ix.epic(*d); to.epic)
                    g.edges[i].emplace_back(static_cast<int>(to.ordinal), d.pos);
    return g;
}

// Tarjan's strongly connected components, iteratively (no recursion on hostile input).
std::vector<int> components(const Graph& g) {
    const int n = static_cast<int>(g.epics.size());
    std::vector<int> comp(static_cast<std::size_t>(n), -1), low(static_cast<std::size_t>(n)),
        num(static_cast<std::size_t>(n), -1);
    std::vector<bool> on_stack(static_cast<std::size_t>(n));
    std::vector<int> stack;
    int counter = 0, comps = 0;
    for (int root = 0; root < n; ++root) {
        if (num[static_cast<std::size_t>(root)] >= 0) continue;
        std::vector<std::pair<int, std::size_t>> work{{root, 0}};
        while (!work.empty()) {
            auto& [v, next] = work.back();
            const auto uv = static_cast<std::size_t>(v);
            if (next == 0 && num[uv] < 0) {
                num[uv] = low[uv] = counter++;
                stack.push_back(v);
                on_stack[uv] = true;
            }
            if (next < g.edges[uv].size()) {
                const int w = g.edges[uv][next++].first;
                const auto uw = static_cast<std::size_t>(w);
                if (num[uw] < 0) {
                    work.emplace_back(w, 0);
                } else if (on_stack[uw]) {
                    low[uv] = std::min(low[uv], num[uw]);
                }
                continue;
            }
            if (low[uv] == num[uv]) {
                int w = -1;
                do {
                    w = stack.back();
                    stack.pop_back();
                    on_stack[static_cast<std::size_t>(w)] = false;
                    comp[static_cast<std::size_t>(w)] = comps;
                } while (w != v);
                ++comps;
            }
            const int done = v;
            work.pop_back();
            if (!work.empty()) {
                const auto up = static_cast<std::size_t>(work.back().first);
                low[up] = std::min(low[up], low[static_cast<std::size_t>(done)]);
            }
        }
    }
    return comp;
}

void check(const LintContext& ctx, Reporter& out) {
    const Graph g = build(ctx);
    const std::vector<int> comp = components(g);
    // A component holds a cycle when it has more than one epic, or one that depends on itself;
    // every other epic is skipped without a search.
    std::vector<int> size(g.epics.size());
    for (const int c : comp) ++size[static_cast<std::size_t>(c)];
    std::vector<bool> reported(g.epics.size());
    // The search's marks, made once and reset where a search set them: a search costs the part of
    // the graph it visits, so the rule stays linear in the epics and their dependencies.
    std::vector<int> parent(g.epics.size(), -2);
    std::vector<SourcePos> via(g.epics.size());
    std::vector<int> queue;
    for (std::size_t start = 0; start < g.epics.size(); ++start) {
        const int c = comp[start];
        if (reported[static_cast<std::size_t>(c)]) continue;
        const bool self = std::any_of(g.edges[start].begin(), g.edges[start].end(),
                                      [&](const auto& e) { return e.first == static_cast<int>(start); });
        if (size[static_cast<std::size_t>(c)] < 2 && !self) continue;
        // A cycle through `start`: breadth-first search inside its component back to itself
        // (in a strongly connected component, every epic has one).
        for (const int v : queue) parent[static_cast<std::size_t>(v)] = -2;
        queue.assign(1, static_cast<int>(start));
        int closing = -1;
        SourcePos closing_pos;
        for (std::size_t qi = 0; qi < queue.size() && closing < 0; ++qi) {
            const int v = queue[qi];
            for (const auto& [w, pos] : g.edges[static_cast<std::size_t>(v)]) {
                if (comp[static_cast<std::size_t>(w)] != c) continue;
                if (w == static_cast<int>(start)) {
                    closing = v;
                    closing_pos = pos;
                    break;
                }
                if (parent[static_cast<std::size_t>(w)] != -2) continue;
                parent[static_cast<std::size_t>(w)] = v;
                via[static_cast<std::size_t>(w)] = pos;
                queue.push_back(w);
            }
        }
        if (closing < 0) continue;
        reported[static_cast<std::size_t>(c)] = true;
        // The path back from the closing epic, then turned around: start -> ... -> closing.
        std::vector<int> path;
        for (int v = closing; v != static_cast<int>(start); v = parent[static_cast<std::size_t>(v)]) path.push_back(v);
        path.push_back(static_cast<int>(start));
        std::reverse(path.begin(), path.end());
        std::vector<std::string> names;
        for (int v : path) names.push_back(*g.epics[static_cast<std::size_t>(v)]->id);
        names.push_back(names.front());
        // Point at the first dependency of the cycle, written in the first epic.
        const SourcePos at = path.size() > 1 ? via[static_cast<std::size_t>(path[1])] : closing_pos;
        out.report(at, fmt::format("epics depend on each other in a cycle: {}", fmt::join(names, " -> ")));
    }
}

}  // namespace

const Rule dependency_cycle{
    .id = RuleId::dependency_cycle,
    .default_severity = Severity::error,
    .summary = "epics depend on each other in a cycle (the message lists the cycle)",
    .why = "Epics that wait on each other can never start: the plan cannot be executed as written.",
    .bad =
        "- id: crm-fields\n  title: Clean CRM fields\n  depends_on: [billing-sync]\n"
        "- id: billing-sync\n  title: Sync billing from the CRM\n  depends_on: [crm-fields]",
    .good =
        "- id: crm-fields\n  title: Clean CRM fields\n"
        "- id: billing-sync\n  title: Sync billing from the CRM\n  depends_on: [crm-fields]",
    .check = &check,
};

}  // namespace boussole::rules
