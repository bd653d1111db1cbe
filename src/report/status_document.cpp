// The status report, in Markdown and in HTML: one writer of the content of status_content.cpp,
// words from a message catalogue, markup and escaping from a Markup (markup.hpp), charts from
// charts.hpp when the markup draws them. Nothing is computed here.
#include <array>

#include <fmt/format.h>

#include "boussole/report_content.hpp"
#include "report/charts.hpp"
#include "report/html.hpp"
#include "report/markdown.hpp"
#include "report/markup.hpp"
#include "report/messages.hpp"

namespace boussole {

namespace {

template <class... F>
struct overloaded : F... {
    using F::operator()...;
};
template <class... F>
overloaded(F...) -> overloaded<F...>;

class StatusWriter {
public:
    StatusWriter(const StatusReportContent& c, const StatusReportMessages& m, Markup& mk)
        : c_(c), m_(m), mk_(mk), charts_(chart_messages(m.style->language)) {}

    std::string render() {
        if (c_.sellers) return sellers(*c_.sellers);
        header();
        north_star();
        scorecard();
        metrics();
        if (c_.audience == Audience::leadership) {
            stream_summary();
        } else {
            streams();
            run_streams();
        }
        backlog();
        at_risk();
        if (c_.load) load(*c_.load);
        who_to_ask();
        if (c_.timeline) timeline(*c_.timeline);
        footer();
        return mk_.finish(title());
    }

private:
    // A catalogue template filled with arguments already marked up.
    template <class... Args>
    std::string say(std::string_view pattern, const Args&... args) const {
        return mk_.say(pattern, args...);
    }
    // The document's name, as plain text (an HTML page's <title>).
    std::string title() const {
        const std::string_view name = c_.header.name.empty() ? m_.untitled_roadmap : c_.header.name;
        return fmt::format(fmt::runtime(c_.sellers ? m_.sellers_title : m_.title), name);
    }

    const md::NumberStyle& numbers() const { return m_.style->numbers; }
    // A date in a sentence; tables keep ISO 8601 (Date::iso), which sorts.
    std::string prose(Date d) const { return prose_date(*m_.style, d); }
    std::string named(std::string_view title, std::string_view id) const { return mk_.named(title, id, m_.untitled); }
    std::string mermaid(std::string_view s) const { return md::mermaid_text(s, m_.untitled); }
    std::string owner_or_nobody(const std::string& owner) const {
        return owner.empty() ? std::string(m_.nobody) : mk_.text(owner);
    }
    std::string join(const std::vector<std::string>& items) const {
        return fmt::format("{}", fmt::join(items, m_.list_separator));
    }
    void item(std::string_view label, std::string value) { facts_.emplace_back(std::string(label), std::move(value)); }
    void facts() { mk_.facts(std::exchange(facts_, {})); }

    void header() {
        const ReportHeader& h = c_.header;
        mk_.heading(1, say(m_.title, mk_.text(h.name.empty() ? m_.untitled_roadmap : h.name)));
        if (!h.team.empty()) item(m_.team_label, mk_.text(h.team));
        if (!h.mission.empty()) item(m_.mission_label, mk_.text(h.mission));
        const std::string dates = say(m_.period_dates, prose(h.start), prose(h.end));
        item(m_.period_label, h.period_label.empty()
                                  ? dates
                                  : say(m_.named_period, mk_.text(period_name(*m_.style, h.period_label)), dates));
        item(m_.report_date_label,
             say(m_.report_date, prose(h.as_of), h.day, h.days, md::percent(h.elapsed, numbers())));
        scope();
        if (h.work_done)
            item(m_.work_done_label,
                 say(m_.work_done, mk_.bar(*h.work_done), h.epics, m_.count(m_.planned_epics, h.epics)));
        if (c_.burn_up) item(m_.burn_up.label, say_burn_up(m_, *c_.burn_up));  // issue 15
        item(m_.since_label, since_point());
        facts();
        for (const std::string& f : c_.unreadable) mk_.note(say(m_.unreadable, mk_.text(f)));
        if (c_.stale_document) mk_.note(say_stale_document(mk_, *m_.style, m_.stale_document, *c_.stale_document));
        if (mk_.draws() && c_.burn_up) mk_.figure({chart::burn_up(*c_.burn_up, charts_, "burn-up")}, "");
    }

    // "96,000 → 104,000 EUR, target 120,000 EUR"
    std::string values(const Measure& m) const {
        auto v = [&](const std::optional<double>& f) { return f ? mk_.quantity(*f, m.unit) : std::string(m_.unknown); };
        return say(m_.values, v(m.baseline), m.current ? v(m.current) : std::string(m_.no_current_value), v(m.target));
    }

    // "2026-10-19 (monthly) ⚠ stale (35 days)"
    std::string check_in_cell(const CheckInFact& c) const {
        std::string cell = !c.date       ? std::string(m_.not_committed)
                           : c.or_before ? say(m_.or_before, c.date->iso())
                                         : c.date->iso();
        if (c.cadence) cell = say(m_.with_cadence, cell, m_.cadence[*c.cadence]);
        if (c.stale_days) cell += say(c.or_before ? m_.stale_or_more : m_.stale, *c.stale_days);
        return cell;
    }

    // issue 14, item 1: the since point, changes and trends.

    // The header's "Changes since" value: the point, how it was chosen, or why there is none.
    std::string since_point() const { return say_since_point(mk_, m_, c_.since); }

    std::string change_cell(const ValueChange& c, const std::string& unit) const {
        if (c.is_new) return std::string(m_.change_first);
        if (!c.delta) return std::string(m_.change_unknown);
        switch (c.direction) {
            case Direction::unchanged:
                return std::string(m_.change_unchanged);
            case Direction::better:
                return say(m_.change_better, mk_.signed_quantity(*c.delta, unit));
            case Direction::worse:
                return say(m_.change_worse, mk_.signed_quantity(*c.delta, unit));
            case Direction::unknown:
                break;
        }
        return mk_.signed_quantity(*c.delta, unit);
    }

    // A sparkline of Unicode blocks, one per value.
    std::string sparkline(const ValueTrend& t) const {
        static constexpr std::array<std::string_view, 8> blocks{"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
        std::string out = t.capped ? std::string(m_.trend_capped) : std::string();
        for (const int level : t.levels) out += blocks.at(static_cast<std::size_t>(level));
        return out;
    }

    // What a stale flag is measured against: "its monthly cadence (31 days)".
    std::string allowed(std::optional<Cadence> cadence, int days) const {
        return cadence ? say(m_.allowed_cadence, m_.cadence[*cadence], days) : say(m_.allowed_default, days);
    }

    void north_star() {
        mk_.heading(2, m_.north_star_heading);
        if (!c_.north_star) {
            mk_.paragraph(m_.north_star_missing);
            return;
        }
        const NorthStarFacts& ns = *c_.north_star;
        const Measure& m = ns.measure;
        const std::string title = ns.title.empty() && ns.id.empty() ? mk_.strong(m_.north_star_untitled)
                                  : ns.title.empty()                ? mk_.strong(mk_.text(ns.id))
                                  : ns.id.empty()                   ? mk_.strong(mk_.text(ns.title))
                                                  : mk_.strong(mk_.text(ns.title)) + " (" + mk_.text(ns.id) + ")";
        mk_.paragraph(say(m_.north_star_values, title, values(m)));
        if (!ns.owner.empty()) mk_.paragraph(say(m_.north_star_owner, mk_.text(ns.owner)));
        if (!m.score) {
            mk_.paragraph(m_.north_star_not_measured);
            return;
        }
        if (mk_.draws()) mk_.figure({chart::north_star(ns, c_.header.elapsed, charts_, "north-star")}, "");
        std::string line = say(m_.north_star_progress, mk_.bar(*m.score), mk_.strong(m_.pace[m.pace]),
                               md::percent(c_.header.elapsed, numbers()));
        if (m.confidence) line += say(m_.north_star_confidence, md::number(*m.confidence, numbers()));
        if (ns.check_in) line += say(m_.north_star_last_check_in, check_in_cell(*ns.check_in));
        mk_.paragraph(line + std::string(m_.sentence_end));
        if (ns.trend) {
            std::string changes = say(m_.north_star_change, change_cell(ns.trend->since_check_in, m.unit));
            if (ns.trend->since_point && c_.since)
                changes +=
                    say(m_.north_star_since, prose(c_.since->commit_date), change_cell(*ns.trend->since_point, m.unit));
            if (!ns.trend->levels.empty()) changes += say(m_.north_star_trend, sparkline(*ns.trend));
            mk_.paragraph(changes + std::string(m_.sentence_end));
        }
    }

    void scorecard() {
        mk_.heading(2, m_.key_results_heading);
        if (c_.objectives.empty()) {
            mk_.paragraph(m_.no_objectives);
            return;
        }
        std::string note = say(m_.scorecard_note, md::percent(c_.header.elapsed, numbers()));
        if (c_.check_ins) note += say(c_.history ? m_.check_in_note : m_.check_in_note_files, c_.stale_after_days);
        const bool since_column = c_.since && !c_.since->commit.empty();
        if (c_.trends)
            note += since_column ? say(m_.trend_note, c_.since->commit_date.iso(), trend_points)
                                 : say(m_.trend_note_no_point, trend_points);
        mk_.definition(note);
        auto num = [this](const std::optional<double>& f) { return f ? md::number(*f, numbers()) : std::string(); };
        std::size_t objective = 0;
        for (const ObjectiveScorecard& o : c_.objectives) {
            mk_.heading(3, named(o.title, o.id));
            std::vector<std::string> header = md::columns(m_.scorecard_columns);
            if (c_.check_ins) header.emplace_back(m_.last_check_in_column);
            std::string align = c_.check_ins ? "llrrrlrrll" : "llrrrlrrl";
            if (c_.trends) {
                header.emplace_back(m_.change_column);
                align += 'r';
                if (since_column) {
                    header.push_back(say(m_.since_column, c_.since->commit_date.iso()));
                    align += 'r';
                }
                header.emplace_back(m_.trend_column);
                align += 'l';
            }
            md::Table t(header, align);
            for (const KeyResultRow& k : o.key_results) {
                const Measure& m = k.measure;
                std::vector<std::string> row{named(k.title, k.id),
                                             mk_.text(k.owner),
                                             num(m.baseline),
                                             num(m.current),
                                             num(m.target),
                                             mk_.text(m.unit),
                                             md::score(m.score, numbers()),
                                             num(m.confidence),
                                             std::string(m.no_distance ? m_.no_distance : m_.pace[m.pace])};
                if (c_.check_ins) row.push_back(k.check_in ? check_in_cell(*k.check_in) : "");
                if (c_.trends) {
                    row.push_back(k.trend ? change_cell(k.trend->since_check_in, m.unit) : "");
                    if (since_column)
                        row.push_back(k.trend && k.trend->since_point ? change_cell(*k.trend->since_point, m.unit)
                                                                      : "");
                    row.push_back(k.trend ? sparkline(*k.trend) : "");
                }
                t.row(std::move(row));
            }
            std::string summary =
                o.owner.empty() ? std::string(m_.objective_no_owner) : say(m_.objective_owner, mk_.text(o.owner));
            summary += o.mean_score ? say(m_.mean_score, mk_.strong(md::score(o.mean_score, numbers())), o.measured,
                                          o.key_results.size())
                                    : std::string(m_.nothing_scored);
            mk_.paragraph(summary);
            if (mk_.draws()) {
                std::vector<std::string> bullets;
                for (std::size_t k = 0; k < o.key_results.size(); ++k)
                    bullets.push_back(chart::key_result(o.key_results[k], c_.header.elapsed, charts_,
                                                        fmt::format("kr-{}-{}", objective, k)));
                mk_.figure(bullets, "");
            }
            if (!t.empty()) mk_.table(t);
            ++objective;
        }
    }

    std::string epic_counts(const StreamFacts& s) const {
        if (s.epic_counts.empty()) return std::string(m_.no_epics);
        std::vector<std::string> parts;
        for (const StatusCount& n : s.epic_counts)
            parts.push_back(say(m_.status_count, n.count, m_.status_words[n.status]));
        return join(parts);
    }

    // The next due date, and how many epics are overdue: "2026-12-04; ⚠ 1 overdue".
    std::string next_due_cell(const StreamFacts& s) const {
        std::vector<std::string> parts;
        if (s.next_due) parts.push_back(s.next_due->iso());
        if (s.overdue) parts.push_back(say(m_.overdue_count, s.overdue));
        return fmt::format("{}", fmt::join(parts, m_.part_separator));
    }

    void stream_summary() {
        mk_.heading(2, m_.streams_heading);
        if (mk_.draws()) mk_.figure({chart::stream_health(c_.streams, charts_, "streams")}, "");
        md::Table t(md::columns(m_.stream_summary_columns), "llllll");
        for (const StreamFacts& s : c_.streams)
            t.row({named(s.title, s.id), std::string(s.kind == StreamKind::run ? m_.run_kind : m_.build_kind),
                   mk_.text(s.owner), s.progress ? mk_.bar(*s.progress) : "", epic_counts(s), next_due_cell(s)});
        if (t.empty()) {
            mk_.paragraph(m_.no_streams);
        } else {
            mk_.table(t);
            mk_.definition(std::string(m_.progress_note) + std::string(m_.sentence_separator) +
                           std::string(m_.next_due_note));
        }
        dropped();
    }

    std::string due_cell(const EpicRow& e) const {
        if (!e.due) return "";
        return e.overdue ? say(m_.overdue_due, e.due->iso()) : e.due->iso();
    }

    // The owner, with the contributors when there are some.
    std::string people(const EpicRow& e) const {
        if (e.contributors.empty()) return mk_.text(e.owner);
        std::vector<std::string> names;
        for (const std::string& c : e.contributors) names.push_back(mk_.text(c));
        return say(m_.owner_with_contributors, owner_or_nobody(e.owner), join(names));
    }

    std::string short_name(const EpicRow& e) const {
        return mk_.text(!e.id.empty() ? e.id : !e.title.empty() ? e.title : m_.an_epic);
    }

    // What the team reads under the epics' table: each epic's update, what it waits for, why it
    // was dropped, its deliverables, then its tasks.
    void details_of(const EpicRow& e) {
        if (e.update)
            mk_.paragraph(c_.history
                              ? say(m_.update_of, short_name(e), update_when(*e.update), mk_.text(e.update->text))
                              : say(m_.update_undated, short_name(e), mk_.text(e.update->text)));
        if (!e.depends_on.empty()) {
            std::vector<std::string> ids;
            for (const std::string& d : e.depends_on) ids.push_back(mk_.text(d));
            mk_.paragraph(say(m_.depends_on_of, short_name(e), join(ids)));
        }
        if (e.status == EpicStatus::dropped)
            mk_.paragraph(e.dropped_reason.empty()
                              ? say(m_.dropped_no_reason, short_name(e))
                              : say(m_.dropped_because, short_name(e), mk_.text(e.dropped_reason)));
        if (!e.deliverables.empty()) {
            mk_.paragraph(say(m_.deliverables_of, short_name(e)));
            std::vector<std::string> items;
            for (const std::string& d : e.deliverables) items.push_back(mk_.text(d));
            mk_.list(items);
        }
        tasks_of(e);
    }

    void tasks_of(const EpicRow& e) {
        if (e.tasks.empty()) return;
        mk_.paragraph(say(m_.tasks_of, short_name(e)));
        std::vector<Markup::Task> items;
        for (const TaskLine& t : e.tasks) {
            std::vector<std::string> notes;
            if (!t.owner.empty()) notes.push_back(mk_.text(t.owner));
            if (t.status == TaskStatus::doing) notes.emplace_back(m_.task_doing);
            if (t.due) notes.push_back(say(t.overdue ? m_.task_overdue : m_.task_due, t.due->iso()));
            const std::string title = named(t.title, t.id);
            const std::string what = t.status == TaskStatus::dropped ? say(m_.task_dropped, mk_.strike(title)) : title;
            items.push_back(
                {t.status == TaskStatus::done, notes.empty() ? what : fmt::format("{} ({})", what, join(notes))});
        }
        mk_.tasks(items);
    }

    void streams() {
        mk_.heading(2, m_.streams_heading);
        if (mk_.draws()) mk_.figure({chart::stream_health(c_.streams, charts_, "streams")}, "");
        bool any = false;
        for (const StreamFacts& s : c_.streams) {
            if (s.kind == StreamKind::run) continue;
            if (!any) mk_.definition(streams_note());
            any = true;
            mk_.heading(3, named(s.title, s.id));
            mk_.paragraph(say(m_.stream_summary, owner_or_nobody(s.owner), s.progress ? mk_.bar(*s.progress) : "–",
                              epic_counts(s)));
            if (!s.description.empty()) mk_.paragraph(mk_.text(s.description));
            if (s.epics.empty()) {
                mk_.paragraph(m_.no_epics_in_stream);
                continue;
            }
            md::Table t(md::columns(m_.epic_columns), "llllllll");
            for (const EpicRow& e : s.epics) {
                std::vector<std::string> krs;
                for (const std::string& k : e.key_results) krs.push_back(mk_.text(k));
                t.row({std::string(m_.status_labels[e.status]), named(e.title, e.id), mk_.text(e.priority), people(e),
                       due_cell(e), mk_.text(e.estimate), e.progress ? mk_.bar(*e.progress) : "", join(krs)});
            }
            mk_.table(t);
            for (const EpicRow& e : s.epics) details_of(e);
        }
        if (!any) mk_.paragraph(m_.no_build_streams);
    }

    void run_streams() {
        mk_.heading(2, m_.run_heading);
        bool any = false;
        for (const StreamFacts& s : c_.streams) {
            if (s.kind != StreamKind::run) continue;
            any = true;
            mk_.heading(3, named(s.title, s.id));
            mk_.paragraph(
                say(m_.run_summary, owner_or_nobody(s.owner), s.epics.size(), m_.count(m_.activities, s.epics.size())));
            if (s.epics.empty()) continue;
            md::Table t(md::columns(m_.activity_columns), "llllr");
            for (const EpicRow& e : s.epics)
                t.row({std::string(m_.status_labels[e.status]), named(e.title, e.id), mk_.text(e.priority), people(e),
                       std::to_string(e.open_tasks)});
            mk_.table(t);
            for (const EpicRow& e : s.epics) details_of(e);
        }
        if (!any) mk_.paragraph(m_.no_run_streams);
    }

    std::string what(const AtRiskItem& i) const {
        switch (i.kind) {
            case AtRiskItem::Kind::epic:
                return i.priority.empty()
                           ? say(m_.risk_epic, named(i.title, i.id))
                           : say(m_.risk_epic_priority, say(m_.risk_epic, named(i.title, i.id)), mk_.text(i.priority));
            case AtRiskItem::Kind::key_result:
                return say(m_.risk_key_result, named(i.title, i.id));
            case AtRiskItem::Kind::north_star:
                return i.title.empty() ? std::string(m_.north_star_untitled)
                                       : say(m_.risk_north_star, mk_.text(i.title));
        }
        return "";
    }

    std::string why(const RiskReason& reason) const {
        return std::visit(overloaded{
                              [&](const risk::Overdue& r) {
                                  return say(m_.overdue, r.due.iso(), r.days_late, m_.count(m_.days, r.days_late),
                                             md::percent(r.progress, numbers()));
                              },
                              [&](const risk::Blocked&) { return std::string(m_.blocked); },
                              [&](const risk::OffPace& r) {
                                  return say(m_.off_pace, m_.pace[r.pace], md::score(r.score, numbers()),
                                             md::percent(c_.header.elapsed, numbers()));
                              },
                              [&](const risk::Stale& r) {
                                  return say(r.or_before ? m_.stale_value_or_more : m_.stale_value, r.days,
                                             r.last.iso(), allowed(r.cadence, r.stale_after));
                              },
                              [&](const risk::NoOwner&) { return std::string(m_.no_owner); },
                              [&](const risk::StaleUpdate& r) {
                                  return say(r.or_before ? m_.stale_update_or_more : m_.stale_update, r.days,
                                             r.last.iso(), say(m_.allowed_default, r.stale_after));
                              },
                          },
                          reason);
    }

    // Every reason of one item, in one cell.
    std::string why(const AtRiskItem& i) const {
        std::vector<std::string> parts;
        for (const RiskReason& r : i.reasons) parts.push_back(why(r));
        return fmt::format("{}", fmt::join(parts, m_.part_separator));
    }

    void at_risk() {
        mk_.heading(2, m_.at_risk_heading);
        // Leadership reads the owners' updates beside the epics at risk; the team under each epic.
        bool updates = false;
        if (c_.audience == Audience::leadership)
            for (const AtRiskItem& i : c_.at_risk) updates = updates || i.update;
        std::vector<std::string> header = md::columns(m_.at_risk_columns);
        if (updates) header.emplace_back(m_.update_column);
        md::Table t(header, updates ? "llll" : "lll");
        for (const AtRiskItem& i : c_.at_risk) {
            std::vector<std::string> row{what(i), mk_.text(i.owner), why(i)};
            if (updates)
                row.push_back(!i.update    ? ""
                              : c_.history ? say(m_.update_cell, mk_.text(i.update->text), update_when(*i.update))
                                           : mk_.text(i.update->text));
            t.row(std::move(row));
        }
        if (t.empty()) {
            mk_.paragraph(m_.nothing_at_risk);
        } else {
            mk_.table(t);
        }
    }

    // issue 14, item 2: when an update last changed: "2026-11-20", "2026-10-01 or before ⚠ at
    // least 53 days old", "not committed by the report date".
    std::string update_when(const EpicUpdate& u) const {
        if (!u.changed) return "";
        std::string cell = !u.changed->date       ? std::string(m_.not_committed)
                           : u.changed->or_before ? say(m_.or_before, u.changed->date->iso())
                                                  : u.changed->date->iso();
        if (u.stale_days) cell += say(u.changed->or_before ? m_.update_stale_or_more : m_.update_stale, *u.stale_days);
        return cell;
    }

    // The note atop the team's streams: progress, the order of the epics, and updates when
    // some epic has one.
    std::string streams_note() const {
        std::string note =
            std::string(m_.progress_note) + std::string(m_.sentence_separator) + std::string(m_.priority_note);
        bool updates = false;
        for (const StreamFacts& s : c_.streams)
            for (const EpicRow& e : s.epics) updates = updates || e.update;
        if (updates)
            note += std::string(m_.sentence_separator) +
                    (c_.history ? say(m_.update_note, c_.stale_after_days) : std::string(m_.update_note_files));
        return note;
    }

    // issue 14, item 3: the metrics of the scorecard, their definition and dashboard.
    void metrics() {
        if (c_.metrics.empty()) return;
        mk_.heading(3, m_.metrics_heading);
        md::Table t(md::columns(m_.metric_columns), "lllll");
        for (const MetricFacts& m : c_.metrics) {
            std::vector<std::string> measures;
            for (const std::string& id : m.measures)
                measures.push_back(id.empty() ? std::string(m_.north_star_measure) : mk_.text(id));
            t.row({m.declared ? named(m.name, m.id) : mk_.text(m.id), mk_.text(m.definition), mk_.text(m.owner),
                   m.dashboard.empty() ? "" : mk_.link(m_.dashboard_link, m.dashboard), join(measures)});
        }
        mk_.table(t);
    }

    // issue 14, item 3: whom to ask about what, from the people's role and responsibilities.
    void who_to_ask() {
        if (c_.who_to_ask.empty()) return;
        mk_.heading(2, m_.who_heading);
        md::Table t(md::columns(m_.who_columns), "llll");
        for (const Contact& p : c_.who_to_ask) {
            std::vector<std::string> resp;
            for (const std::string& r : p.responsibilities) resp.push_back(mk_.text(r));
            // A responsibility may hold a comma: they are told apart as the parts of a cell.
            t.row({named(p.name, p.id), mk_.text(p.role), fmt::format("{}", fmt::join(resp, m_.part_separator)),
                   mk_.email(p.email)});
        }
        mk_.table(t);
        mk_.definition(m_.who_note);
    }

    // issue 14, item 3: leadership reads why epics left the plan.
    void dropped() {
        std::vector<std::string> items;
        for (const StreamFacts& s : c_.streams)
            for (const EpicRow& e : s.epics)
                if (e.status == EpicStatus::dropped)
                    items.push_back(
                        say(m_.dropped_item, named(e.title, e.id),
                            e.dropped_reason.empty() ? std::string(m_.no_reason) : mk_.text(e.dropped_reason)));
        if (items.empty()) return;
        mk_.paragraph(m_.dropped_intro);
        mk_.list(items);
    }

    void load(const LoadFacts& l) {
        mk_.heading(2, m_.load_heading);
        md::Table t(md::columns(m_.load_columns), "lrrl");
        for (const OwnerLoad& o : l.owners)
            t.row({mk_.text(o.name), std::to_string(o.open_epics), std::to_string(o.open_tasks),
                   o.over_limit ? say(m_.over_limit, md::number(l.max_open_epics, numbers()),
                                      m_.count(m_.open_epics, l.max_open_epics))
                                : ""});
        if (t.empty()) {
            mk_.paragraph(m_.no_owners);
        } else {
            if (mk_.draws()) mk_.figure({chart::owner_load(l, charts_, "load")}, "");
            mk_.table(t);
            mk_.definition(say(m_.load_note, md::number(l.max_open_epics, numbers())));
        }
    }

    void timeline(const TimelineFacts& tl) {
        mk_.heading(2, m_.timeline_heading);
        if (tl.sections.empty()) {
            mk_.paragraph(m_.no_timeline);
            return;
        }
        if (mk_.draws())
            mk_.figure({chart::timeline(tl, c_.header.as_of, c_.header.start, c_.header.end, charts_, "timeline")}, "");
        else
            mk_.paragraph(gantt(tl));                          // a Mermaid block, in Markdown only
        if (!mk_.draws()) mk_.definition(m_.timeline_legend);  // Mermaid's colours; a chart has its own legend
        if (!tl.undated.empty()) {
            std::vector<std::string> names;
            for (const UndatedEpic& e : tl.undated)
                names.push_back(mk_.text(!e.id.empty() ? e.id : !e.title.empty() ? e.title : m_.unknown));
            mk_.paragraph(say(m_.undated, join(names)));
        }
    }

    // The timeline as a Mermaid gantt chart, for Markdown.
    std::string gantt(const TimelineFacts& tl) const {
        const std::string as_of = c_.header.as_of.iso();
        std::string chart = fmt::format(
            "```mermaid\ngantt\n    title {}\n    dateFormat YYYY-MM-DD\n    axisFormat {}\n    todayMarker off\n",
            mermaid(say(m_.gantt_title, prose(c_.header.as_of))), m_.gantt_axis_format);
        int n = 0;
        for (const TimelineSection& s : tl.sections) {
            chart += fmt::format("    section {}\n", mermaid(!s.title.empty() ? s.title
                                                             : !s.id.empty()  ? s.id
                                                                              : m_.gantt_untitled_stream));
            for (const TimelineBar& b : s.bars) {
                // Mermaid's tags: done is grey, active highlighted, crit outlined in red.
                std::string tags;
                if (b.status == EpicStatus::done) tags = "done, ";
                if (b.status == EpicStatus::in_progress || b.status == EpicStatus::blocked) tags = "active, ";
                if (b.status == EpicStatus::blocked || b.overdue) tags = "crit, " + tags;
                chart += fmt::format("    {} :{}e{}, {}, {}\n",
                                     mermaid(!b.title.empty() ? b.title
                                             : !b.id.empty()  ? b.id
                                                              : m_.gantt_untitled_epic),
                                     tags, ++n, b.start.iso(), b.end.iso());
            }
        }
        chart += fmt::format("    section {}\n    {} :milestone, asof, {}, 0d\n```\n", mermaid(m_.gantt_today_section),
                             mermaid(say(m_.gantt_today, prose(c_.header.as_of))), as_of);
        return chart;
    }

    // issue 14, item 5: the proposed epics; no section without one.
    void backlog() {
        if (c_.backlog.empty()) return;
        mk_.heading(2, m_.backlog_heading);
        md::Table t(md::columns(m_.backlog_columns), "lllll");
        for (const BacklogItem& b : c_.backlog) {
            std::vector<std::string> krs;
            for (const std::string& k : b.key_results) krs.push_back(mk_.text(k));
            t.row({b.priority ? mk_.text(*b.priority) : std::string(m_.no_priority), named(b.title, b.id),
                   mk_.text(b.stream), mk_.text(b.owner), join(krs)});
        }
        mk_.paragraph(m_.backlog_intro);
        mk_.table(t);
    }

    // issue 14, item 4

    void footer() {
        mk_.footer(say(m_.footer, c_.footer.generator, c_.footer.files, m_.count(m_.files, c_.footer.files),
                       prose(c_.header.as_of)));
    }

    // The header line of a narrowed report: what it covers, and that its figures count only that.
    void scope() {
        if (!c_.scope) return;
        const ScopeFacts& s = *c_.scope;
        const std::string who = mk_.text(s.owner), where = mk_.text(s.stream);
        item(m_.scope_label, s.owner_id.empty()    ? say(m_.scope_stream, where)
                             : s.stream_id.empty() ? say(m_.scope_owner, who)
                                                   : say(m_.scope_both, who, where));
    }

    // Whom to ask: the name, with the e-mail address as a link when one is declared.
    std::string ask_cell(const AskFacts& a) const {
        if (a.name.empty()) return std::string(m_.no_one_to_ask);
        std::string cell = mk_.text(a.name);
        if (!a.email.empty()) cell += " " + mk_.email(a.email);
        return a.stream_owner ? say(m_.ask_stream_owner, cell) : cell;
    }

    std::string what(const SellerItem& i) const { return mk_.text(!i.title.empty() ? i.title : i.id); }

    // The sellers' view: what shipped, what ships next, whom to ask; no figures.
    std::string sellers(const SellersFacts& f) {
        const ReportHeader& h = c_.header;
        mk_.heading(1, say(m_.sellers_title, mk_.text(h.name.empty() ? m_.untitled_roadmap : h.name)));
        if (!h.team.empty()) item(m_.team_label, mk_.text(h.team));
        item(m_.report_date_label, prose(h.as_of));
        scope();
        facts();
        for (const std::string& file : c_.unreadable) mk_.note(say(m_.unreadable, mk_.text(file)));

        mk_.heading(2, m_.shipped_heading);
        if (f.shipped.empty()) {
            mk_.paragraph(say(m_.nothing_shipped, prose(f.shipped_from), prose(h.as_of)));
        } else {
            mk_.paragraph(say(m_.shipped_intro, prose(f.shipped_from), prose(h.as_of)));
            md::Table t(md::columns(m_.shipped_columns), "lll");
            for (const SellerItem& i : f.shipped)
                t.row({i.dating == DoneDating::not_committed ? std::string(m_.done_not_committed)
                       : i.or_before                         ? say(m_.or_before, i.date.iso())
                                                             : i.date.iso(),
                       what(i), ask_cell(i.ask)});
            mk_.table(t);
            mk_.definition(f.history ? m_.dated_by_history : m_.dated_by_due);
        }

        mk_.heading(2, m_.coming_heading);
        if (f.coming.empty()) {
            mk_.paragraph(say(m_.nothing_coming, prose(h.as_of), prose(f.coming_until)));
        } else {
            mk_.paragraph(say(m_.coming_intro, prose(h.as_of), prose(f.coming_until)));
            md::Table t(md::columns(m_.coming_columns), "lll");
            for (const SellerItem& i : f.coming) t.row({i.date.iso(), what(i), ask_cell(i.ask)});
            mk_.table(t);
        }

        mk_.heading(2, m_.help_heading);
        if (f.support.empty()) mk_.paragraph(c_.scope ? m_.no_help_in_scope : m_.no_help);
        for (const SupportStream& s : f.support) {
            mk_.heading(3, mk_.text(!s.title.empty() ? s.title : !s.id.empty() ? s.id : m_.untitled));
            if (!s.description.empty()) mk_.paragraph(mk_.text(s.description));
            // Its owner first, when it has one; then whom to ask for each activity.
            if (!s.owner.name.empty()) mk_.paragraph(say(m_.help_intro, ask_cell(s.owner)));
            md::Table t(md::columns(m_.help_columns), "ll");
            for (const SupportEntry& a : s.activities)
                t.row({mk_.text(!a.title.empty() ? a.title : a.id), ask_cell(a.ask)});
            if (!t.empty()) mk_.table(t);
        }
        footer();
        return mk_.finish(title());
    }

    const StatusReportContent& c_;
    const StatusReportMessages& m_;
    Markup& mk_;
    const ChartMessages& charts_;  // the charts' words, when the markup draws them
    std::vector<std::pair<std::string, std::string>> facts_;
};

}  // namespace

std::string render_markdown(const StatusReportContent& content, Language language) {
    const StatusReportMessages& m = status_report_messages(language);
    MarkdownMarkup markup(m.style->numbers);
    return StatusWriter(content, m, markup).render();
}

std::string render_status_html(const StatusReportContent& content, Language language) {
    const StatusReportMessages& m = status_report_messages(language);
    HtmlMarkup markup(m.style->numbers, language, content.footer.generator);
    return StatusWriter(content, m, markup).render();
}

std::string render_status_report(const Roadmap& roadmap, const ReportOptions& options) {
    return render_markdown(build_status_report(roadmap, options), options.language);
}

}  // namespace boussole
