#include "lsp/symbols.hpp"

#include <algorithm>

namespace boussole::lsp {

namespace {

// LSP's SymbolKind values used by the outline.
constexpr int kind_namespace = 3, kind_class = 5, kind_event = 24, kind_interface = 11, kind_number = 16,
              kind_object = 19, kind_constant = 14;

void use(std::vector<IdUse>& out, IdKind kind, const Field<std::string>& f, bool declaration) {
    if (f && f.pos.valid()) out.push_back({kind, *f, f.pos, declaration});
}

void key_result_uses(std::vector<IdUse>& out, const KeyResult& kr) {
    use(out, IdKind::metric, kr.metric, false);
    use(out, IdKind::person, kr.owner, false);
}

// A symbol named by `id` (else `title`, else `fallback`) starting at `start`.
Symbol symbol(const Field<std::string>& id, const Field<std::string>& title, std::string_view fallback, int kind,
              SourcePos start) {
    Symbol s;
    s.name = id ? *id : title ? *title : std::string(fallback);
    s.detail = id && title ? *title : "";
    s.kind = kind;
    s.start = start;
    s.end_line = start.line;
    const Field<std::string>& named = id ? id : title;
    s.selection =
        named && named.pos.valid() && named.pos.file == start.file && named.pos.line >= start.line ? named.pos : start;
    return s;
}

// Each symbol ends on the line before the next one starts, the last where its parent ends.
void close_ranges(std::vector<Symbol>& symbols, std::uint32_t end) {
    std::sort(symbols.begin(), symbols.end(), [](const Symbol& a, const Symbol& b) {
        return std::tie(a.start.line, a.start.column) < std::tie(b.start.line, b.start.column);
    });
    for (std::size_t i = 0; i < symbols.size(); ++i) {
        Symbol& s = symbols[i];
        const std::uint32_t next = i + 1 < symbols.size() ? symbols[i + 1].start.line : end + 1;
        s.end_line = std::max(s.start.line, std::max(next, 1u) - 1);
        s.end_line = std::max(s.end_line, s.selection.line);
        close_ranges(s.children, s.end_line);
    }
}

}  // namespace

std::vector<IdUse> id_uses(const Roadmap& r) {
    std::vector<IdUse> out;
    for (const Person& p : r.people) use(out, IdKind::person, p.id, true);
    for (const Metric& m : r.metrics) {
        use(out, IdKind::metric, m.id, true);
        use(out, IdKind::person, m.owner, false);
    }
    for (const RoadmapInfo& info : r.roadmap_blocks) {
        use(out, IdKind::person, info.champion, false);
        if (info.north_star) key_result_uses(out, *info.north_star);
    }
    for (const Objective& o : r.objectives) {
        use(out, IdKind::person, o.owner, false);
        for (const KeyResult& kr : o.key_results) {
            use(out, IdKind::key_result, kr.id, true);
            key_result_uses(out, kr);
        }
    }
    for (const Stream& s : r.streams) {
        use(out, IdKind::person, s.owner, false);
        for (const Epic& e : s.epics) {
            use(out, IdKind::epic, e.id, true);
            use(out, IdKind::person, e.owner, false);
            for (const auto& c : e.contributors) use(out, IdKind::person, c, false);
            for (const auto& k : e.key_results) use(out, IdKind::key_result, k, false);
            for (const auto& d : e.depends_on) use(out, IdKind::epic, d, false);
            for (const Task& t : e.tasks) use(out, IdKind::person, t.owner, false);
        }
    }
    return out;
}

std::vector<Symbol> document_symbols(const Roadmap& r, std::uint32_t file, std::uint32_t lines) {
    std::vector<Symbol> out;
    const auto here = [&](const SourcePos& p) { return p.valid() && p.file == file; };
    for (const Stream& s : r.streams) {
        if (!here(s.pos)) continue;
        Symbol stream = symbol(s.id, s.title, "stream", kind_namespace, s.pos);
        for (const Epic& e : s.epics) {
            if (!here(e.pos)) continue;
            Symbol epic = symbol(e.id, e.title, "epic", kind_class, e.pos);
            if (e.status || !e.status.present)
                epic.detail += (epic.detail.empty() ? "" : " · ") + std::string(to_string(e.effective_status()));
            for (const Task& t : e.tasks)
                if (here(t.pos)) epic.children.push_back(symbol(t.id, t.title, "task", kind_event, t.pos));
            stream.children.push_back(std::move(epic));
        }
        out.push_back(std::move(stream));
    }
    for (const Objective& o : r.objectives) {
        if (!here(o.pos)) continue;
        Symbol objective = symbol(o.id, o.title, "objective", kind_interface, o.pos);
        for (const KeyResult& kr : o.key_results)
            if (here(kr.pos)) objective.children.push_back(symbol(kr.id, kr.title, "key result", kind_number, kr.pos));
        out.push_back(std::move(objective));
    }
    for (const Person& p : r.people)
        if (here(p.pos)) out.push_back(symbol(p.id, p.name, "person", kind_object, p.pos));
    for (const Metric& m : r.metrics)
        if (here(m.pos)) out.push_back(symbol(m.id, m.name, "metric", kind_constant, m.pos));
    close_ranges(out, lines);
    return out;
}

}  // namespace boussole::lsp
