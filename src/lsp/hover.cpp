// textDocument/hover (issue 18): an id's entity with the report's figures; a rule's why.
#include "lsp/hover.hpp"

#include <fmt/format.h>

#include "boussole/lint.hpp"
#include "boussole/report.hpp"
#include "boussole/report_content.hpp"
#include "boussole/rule_id.hpp"

namespace boussole::lsp {

namespace {

// The team's status report of `roadmap` on `as_of`, as `boussole report` builds it outside git,
// or none when no report can be made (no roadmap block, no period).
std::optional<StatusReportContent> report_of(const Roadmap& roadmap, Date as_of) {
    if (report_blocker(roadmap)) return std::nullopt;
    ReportOptions options;
    options.as_of = as_of;
    options.language = roadmap.language();
    return build_status_report(roadmap, options);
}

std::string person_hover(const Roadmap& roadmap, const RoadmapIndex& index, const std::string& id, Date as_of) {
    const Person* p = index.person(id);
    if (!p) return {};
    std::string out = fmt::format("**{}** (person `{}`)", p->name.value_or(id), id);
    if (p->role) out += "\n\n" + *p->role;
    // Load: the report's load table (open epics owned, open tasks), and the open epics they help.
    bool load_said = false;
    if (const std::optional<StatusReportContent> report = report_of(roadmap, as_of); report && report->load) {
        const std::string_view name = index.person_name(id);
        for (const OwnerLoad& o : report->load->owners)
            if (o.name == name) {
                out += fmt::format("\n\nLoad: owns {} open epic{}, {} open task{}{}", o.open_epics,
                                   o.open_epics == 1 ? "" : "s", o.open_tasks, o.open_tasks == 1 ? "" : "s",
                                   o.over_limit ? " (over roadmap.report.max_open_epics)" : "");
                load_said = true;
                break;
            }
    }
    int helps = 0;
    for (const Stream& s : roadmap.streams)
        for (const Epic& e : s.epics)
            if (e.open())
                for (const std::string& h : e.helpers())
                    if (h == id) ++helps;
    out += fmt::format("{}ontributes to {} open epic{}.", load_said ? "; c" : "\n\nC", helps, helps == 1 ? "" : "s");
    if (p->email) out += fmt::format("\n\n{}", *p->email);
    return out;
}

std::string key_result_hover(const Roadmap& roadmap, const RoadmapIndex& index, const std::string& id, Date as_of) {
    const KeyResultRef ref = index.key_result(id);
    if (!ref.key_result) return {};
    const KeyResult& kr = *ref.key_result;
    const Language language = roadmap.language();
    // The report's row for it, else the model's own figures (no report can be made).
    Measure m{std::string(index.unit_of(kr)),
              kr.baseline.value,
              kr.current.value,
              kr.target.value,
              kr.confidence.value,
              kr.score()};
    const Field<std::string>& who = Roadmap::owner_of(*ref.objective, kr);
    std::string owner = who ? std::string(index.person_name(*who)) : std::string();
    bool found = false;
    if (const std::optional<StatusReportContent> report = report_of(roadmap, as_of))
        for (const ObjectiveScorecard& o : report->objectives)
            for (const KeyResultRow& row : o.key_results)
                if (!found && row.id == id) {
                    m = row.measure;
                    owner = row.owner;
                    found = true;
                }
    const auto figure = [&](const std::optional<double>& v) { return v ? report_number(*v, language) : "–"; };
    std::string out = fmt::format("**{}** (key result `{}`)", kr.title.value_or(id), id);
    if (ref.objective && ref.objective->title) out += fmt::format("\n\nObjective: {}", *ref.objective->title);
    out += fmt::format("\n\n{} → {} → {}{} (baseline → current → target)", figure(m.baseline), figure(m.current),
                       figure(m.target), m.unit.empty() ? "" : " " + m.unit);
    out += fmt::format("\n\nScore: **{}**", report_score(m.score, language));
    if (m.confidence) out += fmt::format("; confidence {}", report_number(*m.confidence, language));
    if (!owner.empty()) out += fmt::format("\n\nOwner: {}", owner);
    return out;
}

std::string epic_hover(const RoadmapIndex& index, const std::string& id) {
    const EpicRef ref = index.epic(id);
    if (!ref.epic) return {};
    const Epic& e = *ref.epic;
    std::string out = fmt::format("**{}** (epic `{}`)", e.title.value_or(id), id);
    if (ref.stream && ref.stream->title) out += fmt::format("\n\nStream: {}", *ref.stream->title);
    out += fmt::format("\n\nStatus: {}", to_string(e.effective_status()));
    out += fmt::format("\n\nOwner: {}", e.owner ? std::string(index.person_name(*e.owner)) : "none");
    out += fmt::format("\n\nDue: {}", e.due ? e.due->iso() : "none");
    return out;
}

std::string metric_hover(const RoadmapIndex& index, const std::string& id) {
    const auto it = index.metrics.find(id);
    if (it == index.metrics.end()) return {};
    const Metric& m = *it->second;
    std::string out = fmt::format("**{}** (metric `{}`)", m.name.value_or(id), id);
    if (m.unit) out += fmt::format("\n\nUnit: {}", *m.unit);
    out += fmt::format("\n\n{}", m.definition ? *m.definition : "No definition written.");
    if (m.dashboard) out += fmt::format("\n\n[Dashboard]({})", *m.dashboard);
    if (m.owner) out += fmt::format("\n\nOwner: {}", index.person_name(*m.owner));
    return out;
}

}  // namespace

std::string hover_id(const Roadmap& roadmap, const IdUse& use, Date as_of) {
    const RoadmapIndex index(roadmap);
    switch (use.kind) {
        case IdKind::person:
            return person_hover(roadmap, index, use.id, as_of);
        case IdKind::key_result:
            return key_result_hover(roadmap, index, use.id, as_of);
        case IdKind::epic:
            return epic_hover(index, use.id);
        case IdKind::metric:
            return metric_hover(index, use.id);
    }
    return {};
}

std::string hover_rule(std::string_view rule) {
    const Rule* r = find_rule(rule);
    if (!r) return {};
    return fmt::format(
        "**{}** ({} by default)\n\nFires when {}.\n\nWhy it matters: {}\n\n`boussole rules {}` shows a "
        "bad and a good example.",
        to_string(r->id), to_string(r->default_severity), r->summary, r->why, to_string(r->id));
}

}  // namespace boussole::lsp
