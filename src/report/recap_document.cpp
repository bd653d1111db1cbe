// The end-of-period recap, in Markdown and in HTML: one writer of the content of build_recap()
// (src/plan/recap.cpp), words from a message catalogue, markup and escaping from a Markup
// (markup.hpp), charts from charts.hpp when the markup draws them. Nothing is computed here.
#include <algorithm>

#include <fmt/format.h>

#include "boussole/recap.hpp"
#include "report/charts.hpp"
#include "report/html.hpp"
#include "report/markdown.hpp"
#include "report/markup.hpp"
#include "report/messages.hpp"

namespace boussole {

namespace {

class RecapWriter {
public:
    RecapWriter(const RecapContent& c, const RecapMessages& m, Markup& mk)
        : c_(c), m_(m), mk_(mk), charts_(chart_messages(m.style->language)) {}

    std::string render() {
        header();
        headline();
        north_star();
        key_results();
        delivered();
        slipped();
        dropped();
        added();
        proposals();
        moved_out();
        carried_over();
        goalposts();
        mk_.footer(say(m_.footer, c_.generator, c_.states, m_.count(m_.states, c_.states)));
        return mk_.finish(title());
    }

private:
    const RecapContent& c_;
    const RecapMessages& m_;
    Markup& mk_;
    const ChartMessages& charts_;  // the charts' words, when the markup draws them
    std::vector<std::pair<std::string, std::string>> facts_;

    // A catalogue template filled with arguments already marked up.
    template <class... Args>
    std::string say(std::string_view pattern, const Args&... args) const {
        return mk_.say(pattern, args...);
    }
    // The document's name, as plain text (an HTML page's <title>).
    std::string title() const {
        const RecapHeader& h = c_.header;
        return fmt::format(fmt::runtime(m_.title), h.name.empty() ? m_.untitled_roadmap : h.name,
                           period_name(*m_.style, h.period_label));
    }
    void table_or(const md::Table& t, std::string_view empty) {
        if (t.empty())
            mk_.paragraph(empty);
        else
            mk_.table(t);
    }

    const md::NumberStyle& numbers() const { return m_.style->numbers; }
    // A date in a sentence; tables keep ISO 8601 (Date::iso), which sorts.
    std::string prose(Date d) const { return prose_date(*m_.style, d); }

    std::string named(std::string_view title, std::string_view id) const { return mk_.named(title, id, m_.untitled); }
    std::string named(const RecapEpic& e) const { return named(e.title, e.id); }
    std::string join(const std::vector<std::string>& items, std::string_view separator) const {
        return fmt::format("{}", fmt::join(items, separator));
    }
    std::string texts(const std::vector<std::string>& items, std::string_view separator) const {
        std::vector<std::string> out;
        for (const std::string& i : items) out.push_back(mk_.text(i));
        return join(out, separator);
    }
    std::string date(const std::optional<Date>& d) const { return d ? d->iso() : ""; }
    std::string value(const std::optional<double>& v, const std::string& unit) const {
        return v ? mk_.quantity(*v, unit) : std::string();
    }
    std::string when(const RecapWhen& w) const {
        return w.date ? say(m_.when, w.date->iso(), mk_.text(w.label)) : std::string(m_.not_committed);
    }
    std::string when(const std::optional<RecapWhen>& w) const { return w ? when(*w) : std::string(m_.by_the_baseline); }
    std::string status(const RecapEpic& e) const {
        return std::string(e.removed ? m_.removed : m_.status_words[e.status]);
    }
    std::string owner(const RecapEpic& e) const { return mk_.text(e.owner); }
    // The owner with the contributors, where the recap gives credit.
    std::string people(const RecapEpic& e) const {
        if (e.contributors.empty()) return owner(e);
        return say(m_.owner_with_contributors, e.owner.empty() ? std::string(m_.none) : owner(e),
                   texts(e.contributors, m_.list_separator));
    }
    void item(std::string_view label, std::string value) { facts_.emplace_back(std::string(label), std::move(value)); }

    std::string state(const RecapState& s) const {
        if (!s.date) return std::string(m_.working_tree);
        return s.summary.empty() ? say(m_.commit, mk_.text(s.label), prose(*s.date))
                                 : say(m_.commit_with_summary, mk_.text(s.label), prose(*s.date), mk_.text(s.summary));
    }

    // A caveat in words; its dates as in sentences, the commit and PATH as text.
    std::string note(const RecapNote& n) const {
        std::string_view pattern;
        switch (n.kind) {
            case RecapNote::Kind::cut_after_start:
                pattern = m_.note_cut_after_start;
                break;
            case RecapNote::Kind::cut_after_baseline:
                pattern = m_.note_cut_after_baseline;
                break;
            case RecapNote::Kind::plan_after_start:
                pattern = m_.note_plan_after_start;
                break;
            case RecapNote::Kind::missing_at_baseline:
                pattern = m_.note_missing_at_baseline;
                break;
        }
        return say(pattern, mk_.text(n.commit), prose(n.date), prose(n.start), mk_.text(n.path));
    }

    void header() {
        const RecapHeader& h = c_.header;
        mk_.heading(1, say(m_.title, mk_.text(h.name.empty() ? m_.untitled_roadmap : h.name),
                           mk_.text(period_name(*m_.style, h.period_label))));
        item(m_.period_label, say(m_.period_dates, prose(h.start), prose(h.end)));
        item(m_.baseline_label, state(h.baseline));
        item(m_.end_label, state(h.end_state) + (h.end_state.date ? std::string() : say(m_.read_on, prose(h.read_on))));
        item(m_.changes_label, say(m_.commits_changed, h.commits, m_.count(m_.commits, h.commits)));
        mk_.facts(std::exchange(facts_, {}));
        for (const RecapNote& n : h.notes) mk_.note(fmt::format("{} {}", mk_.strong(m_.note_label), note(n)));
        for (const UnreadableFile& u : h.unreadable) {
            std::string line = u.states > 1 ? say(m_.unreadable_run, mk_.text(u.file), state(u.first), u.line, u.column,
                                                  mk_.text(u.cause), state(u.last), u.states)
                                            : say(m_.unreadable, mk_.text(u.file), state(u.first), u.line, u.column,
                                                  mk_.text(u.cause));
            line += u.used ? say(m_.unreadable_used, state(*u.used)) : std::string(m_.unreadable_none);
            mk_.note(fmt::format("{} {}", mk_.strong(m_.note_label), line));
        }
    }

    // "2 of 5 epics (40%)": every share says what it is a share of.
    std::string share(const RecapCount& n) const {
        return n.share ? say(m_.share, n.count, n.of, m_.count(m_.epics, n.of), md::percent(*n.share, numbers()))
                       : std::to_string(n.count);
    }

    void headline() {
        const RecapHeadline& h = c_.headline;
        mk_.heading(2, m_.headline_heading);
        md::Table t(md::columns(m_.headline_columns), "lr");
        t.row({std::string(m_.planned), std::to_string(h.planned)});
        t.row({std::string(m_.added), std::to_string(h.added)});
        t.row({std::string(m_.delivered), share(h.delivered)});
        if (h.on_time.of)
            t.row({std::string(m_.on_time_label),
                   say(m_.on_time_share, h.on_time.count, h.on_time.of, md::percent(*h.on_time.share, numbers()),
                       m_.count(m_.delivered_epics, h.on_time.of))});
        t.row({std::string(m_.dropped), share(h.dropped)});
        if (h.moved_out.count) t.row({std::string(m_.moved_out), share(h.moved_out)});
        t.row({std::string(m_.carried_over), share(h.carried_over)});
        t.row({std::string(m_.slipped), share(h.slipped)});
        t.row({std::string(m_.mean_score), h.mean_score
                                               ? say(m_.mean_score_of, md::score(h.mean_score, numbers()), h.scored,
                                                     h.key_results, m_.count(m_.key_results, h.key_results))
                                               : ""});
        if (h.north_star) t.row({std::string(m_.north_star_score), md::score(h.north_star_score, numbers())});
        mk_.table(t);
        std::vector<std::string> notes;
        if (h.total) {
            notes.push_back(say(m_.totals, h.total, m_.count(m_.epics, h.total), h.planned, h.added));
            notes.push_back(h.moved_out.count
                                ? say(m_.outcomes_run, h.delivered.count, h.dropped.count, h.moved_out.count,
                                      h.carried_over.count, h.total)
                                : say(m_.outcomes, h.delivered.count, h.dropped.count, h.carried_over.count, h.total));
            notes.emplace_back(m_.slipped_among);
        }
        if (h.delivered_not_judged)
            notes.push_back(say(m_.count(m_.not_judged, h.delivered_not_judged), h.delivered_not_judged));
        if (h.proposals_planned)
            notes.push_back(say(m_.count(m_.proposals_planned, h.proposals_planned), h.proposals_planned));
        if (h.run_items) notes.push_back(say(m_.count(m_.run_items, h.run_items), h.run_items));
        if (h.still_proposed) notes.push_back(say(m_.count(m_.still_proposed, h.still_proposed), h.still_proposed));
        if (h.dropped_before) notes.push_back(say(m_.count(m_.dropped_before, h.dropped_before), h.dropped_before));
        if (h.after_period) notes.push_back(say(m_.count(m_.after_period, h.after_period), h.after_period));
        if (h.anonymous) notes.emplace_back(m_.anonymous);
        if (!notes.empty()) mk_.definition(join(notes, m_.sentence_separator));
        // issue 15: the plan as it stands day by day, from the burn-up's last point.
        if (c_.burn_up) {
            if (mk_.draws()) mk_.figure({chart::burn_up(*c_.burn_up, charts_, "burn-up", charts_.recap_end)}, "");
            mk_.paragraph(fmt::format("{} {}.{}", mk_.strong(m_.burn_up.label), say_burn_up(m_, *c_.burn_up),
                                      m_.burn_up_headline));
        }
    }

    void north_star() {
        mk_.heading(2, m_.north_star_heading);
        if (!c_.north_star) {
            mk_.paragraph(m_.north_star_missing);
            return;
        }
        const RecapNorthStar& ns = *c_.north_star;
        auto or_no_value = [&](const std::optional<double>& v) {
            return v ? value(v, ns.unit) : std::string(m_.no_value);
        };
        std::string line =
            say(m_.north_star_line, mk_.strong(mk_.text(ns.title.empty() ? m_.north_star_untitled : ns.title)),
                or_no_value(ns.start), or_no_value(ns.end), value(ns.target, ns.unit));
        if (ns.target_at_start) line += say(m_.north_star_target_was, value(ns.target_at_start, ns.unit));
        line += ns.score ? say(m_.north_star_score_line, mk_.strong(md::score(ns.score, numbers())),
                               md::percent(*ns.score, numbers()))
                         : std::string(m_.north_star_not_scored);
        mk_.paragraph(line);
    }

    void key_results() {
        mk_.heading(2, m_.key_results_heading);
        if (c_.objectives.empty()) {
            mk_.paragraph(m_.no_key_results);
            return;
        }
        for (const RecapObjective& o : c_.objectives) {
            mk_.heading(3,
                        o.title.empty() && o.id.empty() ? std::string(m_.objective_without_id) : named(o.title, o.id));
            md::Table t(md::columns(m_.key_result_columns), "lrrrrr");
            for (const RecapKeyResult& k : o.key_results) {
                std::string target = value(k.target, k.unit);
                if (k.target_at_start) target = say(m_.target_was, target, value(k.target_at_start, k.unit));
                t.row({named(k.title, k.id), value(k.baseline, k.unit),
                       k.added ? std::string(m_.new_key_result) : value(k.start, k.unit), value(k.end, k.unit), target,
                       md::score(k.score, numbers())});
            }
            const std::size_t n = o.key_results.size();
            mk_.paragraph(o.mean_score ? say(m_.objective_mean, mk_.strong(md::score(o.mean_score, numbers())),
                                             o.measured, n, m_.count(m_.key_results, n))
                                       : std::string(m_.nothing_scored));
            mk_.table(t);
        }
        std::vector<std::string> gone;
        for (const RemovedKeyResult& k : c_.removed_key_results) gone.push_back(named(k.title, k.id));
        if (!gone.empty()) mk_.paragraph(say(m_.removed_key_results, join(gone, m_.list_separator)));
    }

    void delivered() {
        mk_.heading(2, m_.delivered_heading);
        const bool deliverables = std::any_of(c_.delivered.begin(), c_.delivered.end(),
                                              [](const DeliveredEpic& d) { return !d.epic.deliverables.empty(); });
        std::vector<std::string> header = md::columns(m_.delivered_columns);
        if (deliverables) header.emplace_back(m_.deliverables_column);
        md::Table t(header, deliverables ? "lllllll" : "llllll");
        for (const DeliveredEpic& d : c_.delivered) {
            const RecapEpic& e = d.epic;
            std::string timing;
            if (d.days_late)
                timing = *d.days_late == 0 ? std::string(m_.on_time) : say(m_.late, say_days(m_, *d.days_late));
            std::string due = date(d.planned_due);
            if (e.due && e.due != d.planned_due) due += say(m_.due_at_end, e.due->iso());
            std::vector<std::string> row{named(e), mk_.text(e.stream), people(e), due, when(d.done), timing};
            if (deliverables) row.push_back(texts(e.deliverables, m_.part_separator));
            t.row(std::move(row));
        }
        table_or(t, m_.nothing_delivered);
    }

    void slipped() {
        mk_.heading(2, m_.slipped_heading);
        md::Table t(md::columns(m_.slipped_columns), "lllllll");
        for (const SlippedEpic& s : c_.slipped) {
            const RecapEpic& e = s.epic;
            std::vector<std::string> slip, moved;
            if (s.slip_days > 0) slip.push_back(say_days(m_, s.slip_days, true));
            if (s.late_days) slip.push_back(say(m_.done_late, say_days(m_, *s.late_days)));
            if (s.past_due_days) slip.push_back(say(m_.past_due, say_days(m_, *s.past_due_days)));
            for (const DueMove& mv : s.moves) moved.push_back(say(m_.move, when(mv.when), say_days(m_, mv.days, true)));
            t.row({named(e), owner(e), date(s.planned_due), date(e.due), join(slip, m_.part_separator),
                   join(moved, m_.part_separator), status(e)});
        }
        table_or(t, m_.nothing_slipped);
    }

    void dropped() {
        mk_.heading(2, m_.dropped_heading);
        md::Table t(md::columns(m_.dropped_columns), "llllll");
        for (const DroppedEpic& d : c_.dropped) {
            const RecapEpic& e = d.epic;
            t.row({named(e), mk_.text(e.stream), owner(e),
                   std::string(e.removed                          ? m_.removed_from_files
                               : e.status == EpicStatus::proposed ? m_.back_to_backlog
                                                                  : m_.status_dropped),
                   when(d.when), d.reason ? mk_.text(*d.reason) : std::string(e.removed ? "" : m_.no_reason)});
        }
        table_or(t, m_.nothing_dropped);
    }

    void added() {
        mk_.heading(2, m_.added_heading);
        md::Table t(md::columns(m_.added_columns), "lllll");
        for (const AddedEpic& a : c_.added)
            t.row({named(a.epic), mk_.text(a.epic.stream), owner(a.epic),
                   a.from_run       ? say(m_.moved_from_run, when(a.added))
                   : a.from_backlog ? say(m_.from_backlog, when(a.added))
                                    : when(a.added),
                   status(a.epic)});
        table_or(t, m_.nothing_added);
    }

    // issue 14, item 5: only when a proposal was planned during the period.
    void proposals() {
        if (c_.proposals_planned.empty()) return;
        mk_.heading(2, m_.proposals_heading);
        mk_.paragraph(m_.proposals_intro);
        md::Table t(md::columns(m_.proposals_columns), "llllll");
        for (const PlannedProposal& p : c_.proposals_planned)
            t.row({named(p.epic), mk_.text(p.epic.stream), owner(p.epic),
                   p.proposed ? when(*p.proposed) : std::string(m_.proposed_at_baseline), when(p.planned),
                   status(p.epic)});
        mk_.table(t);
    }

    // Only when planned work moved to the run.
    void moved_out() {
        if (c_.moved_out.empty()) return;
        mk_.heading(2, m_.moved_out_heading);
        mk_.paragraph(m_.moved_out_intro);
        md::Table t(md::columns(m_.moved_out_columns), "llllll");
        for (const MovedOutEpic& o : c_.moved_out)
            t.row({named(o.epic), mk_.text(o.from_stream), mk_.text(o.epic.stream), owner(o.epic), when(o.when),
                   status(o.epic)});
        mk_.table(t);
    }

    void carried_over() {
        mk_.heading(2, m_.carried_over_heading);
        md::Table t(md::columns(m_.carried_over_columns), "llllll");
        for (const RecapEpic& e : c_.carried_over)
            t.row({named(e), mk_.text(e.stream), people(e), status(e), date(e.due), mk_.bar(e.progress)});
        table_or(t, m_.nothing_carried_over);
    }

    void goalposts() {
        mk_.heading(2, m_.goalposts_heading);
        md::Table t(md::columns(m_.goalposts_columns), "lrrl");
        auto target = [&](const std::string& v) { return v.empty() ? std::string(m_.none) : mk_.text(v); };
        for (const GoalpostMove& g : c_.goalposts)
            t.row({g.north_star ? say(m_.north_star_named, mk_.text(g.title)) : named(g.title, g.subject),
                   target(g.before), target(g.after), when(g.when)});
        table_or(t, m_.no_goalposts);
    }
};

}  // namespace

std::string render_recap_markdown(const RecapContent& content, Language language) {
    const RecapMessages& m = recap_messages(language);
    MarkdownMarkup markup(m.style->numbers);
    return RecapWriter(content, m, markup).render();
}

std::string render_recap_html(const RecapContent& content, Language language) {
    const RecapMessages& m = recap_messages(language);
    HtmlMarkup markup(m.style->numbers, language, content.generator);
    return RecapWriter(content, m, markup).render();
}

std::string render_recap(const RecapInput& input, Language language) {
    return render_recap_markdown(build_recap(input), language);
}

}  // namespace boussole
