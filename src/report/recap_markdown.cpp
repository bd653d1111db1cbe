// The end-of-period recap in Markdown: the content of build_recap() (src/plan/recap.cpp), words
// from a message catalogue, markup and escaping from markdown.hpp. Nothing is computed here.
#include <algorithm>

#include <fmt/format.h>

#include "boussole/recap.hpp"
#include "report/markdown.hpp"
#include "report/messages.hpp"

namespace boussole {

namespace {

class RecapMarkdown : md::Document {
public:
    RecapMarkdown(const RecapContent& c, const RecapMessages& m) : c_(c), m_(m) {}

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
        out_ += fmt::format("*{}*\n", say(m_.footer, c_.generator, c_.states, m_.count(m_.states, c_.states)));
        return std::move(out_);
    }

private:
    const RecapContent& c_;
    const RecapMessages& m_;

    const md::NumberStyle& numbers() const { return m_.style->numbers; }
    // A date in a sentence; tables keep ISO 8601 (Date::iso), which sorts.
    std::string prose(Date d) const { return prose_date(*m_.style, d); }

    std::string named(std::string_view title, std::string_view id) const { return md::named(title, id, m_.untitled); }
    std::string named(const RecapEpic& e) const { return named(e.title, e.id); }
    std::string join(const std::vector<std::string>& items, std::string_view separator) const {
        return fmt::format("{}", fmt::join(items, separator));
    }
    std::string texts(const std::vector<std::string>& items, std::string_view separator) const {
        std::vector<std::string> out;
        for (const std::string& i : items) out.push_back(md::text(i));
        return join(out, separator);
    }
    std::string date(const std::optional<Date>& d) const { return d ? d->iso() : ""; }
    std::string value(const std::optional<double>& v, const std::string& unit) const {
        return v ? md::quantity(*v, unit, numbers()) : std::string();
    }
    std::string when(const RecapWhen& w) const {
        return w.date ? say(m_.when, w.date->iso(), md::text(w.label)) : std::string(m_.not_committed);
    }
    std::string when(const std::optional<RecapWhen>& w) const { return w ? when(*w) : std::string(m_.by_the_baseline); }
    std::string status(const RecapEpic& e) const {
        return std::string(e.removed ? m_.removed : m_.status_words[e.status]);
    }
    std::string owner(const RecapEpic& e) const { return md::text(e.owner); }
    // The owner with the contributors, where the recap gives credit.
    std::string people(const RecapEpic& e) const {
        if (e.contributors.empty()) return owner(e);
        return say(m_.owner_with_contributors, e.owner.empty() ? std::string(m_.none) : owner(e),
                   texts(e.contributors, m_.list_separator));
    }
    void item(std::string_view label, std::string_view value) { out_ += fmt::format("- **{}** {}\n", label, value); }

    std::string state(const RecapState& s) const {
        if (!s.date) return std::string(m_.working_tree);
        return s.summary.empty() ? say(m_.commit, md::text(s.label), prose(*s.date))
                                 : say(m_.commit_with_summary, md::text(s.label), prose(*s.date), md::text(s.summary));
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
        return say(pattern, md::text(n.commit), prose(n.date), prose(n.start), md::text(n.path));
    }

    void header() {
        const RecapHeader& h = c_.header;
        out_ += fmt::format("# {}\n\n", say(m_.title, md::text(h.name.empty() ? m_.untitled_roadmap : h.name),
                                            md::text(period_name(*m_.style, h.period_label))));
        item(m_.period_label, say(m_.period_dates, prose(h.start), prose(h.end)));
        item(m_.baseline_label, state(h.baseline));
        item(m_.end_label, state(h.end_state) + (h.end_state.date ? std::string() : say(m_.read_on, prose(h.read_on))));
        item(m_.changes_label, say(m_.commits_changed, h.commits, m_.count(m_.commits, h.commits)));
        out_ += "\n";
        for (const RecapNote& n : h.notes) paragraph(fmt::format("> **{}** {}", m_.note_label, note(n)));
        for (const UnreadableFile& u : h.unreadable) {
            std::string line = u.states > 1 ? say(m_.unreadable_run, md::text(u.file), state(u.first), u.line, u.column,
                                                  md::text(u.cause), state(u.last), u.states)
                                            : say(m_.unreadable, md::text(u.file), state(u.first), u.line, u.column,
                                                  md::text(u.cause));
            line += u.used ? say(m_.unreadable_used, state(*u.used)) : std::string(m_.unreadable_none);
            paragraph(fmt::format("> **{}** {}", m_.note_label, line));
        }
    }

    // "2 of 5 epics (40%)": every share says what it is a share of.
    std::string share(const RecapCount& n) const {
        return n.share ? say(m_.share, n.count, n.of, m_.count(m_.epics, n.of), md::percent(*n.share, numbers()))
                       : std::to_string(n.count);
    }

    void headline() {
        const RecapHeadline& h = c_.headline;
        section(m_.headline_heading);
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
        paragraph(t.render());
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
        if (!notes.empty()) paragraph(join(notes, m_.sentence_separator));
        // issue 15: the plan as it stands day by day, from the burn-up's last point.
        if (c_.burn_up)
            paragraph(fmt::format("**{}** {}.{}", m_.burn_up.label, say_burn_up(m_, *c_.burn_up), m_.burn_up_headline));
    }

    void north_star() {
        section(m_.north_star_heading);
        if (!c_.north_star) {
            paragraph(m_.north_star_missing);
            return;
        }
        const RecapNorthStar& ns = *c_.north_star;
        auto or_no_value = [&](const std::optional<double>& v) {
            return v ? value(v, ns.unit) : std::string(m_.no_value);
        };
        std::string line = say(m_.north_star_line,
                               fmt::format("**{}**", md::text(ns.title.empty() ? m_.north_star_untitled : ns.title)),
                               or_no_value(ns.start), or_no_value(ns.end), value(ns.target, ns.unit));
        if (ns.target_at_start) line += say(m_.north_star_target_was, value(ns.target_at_start, ns.unit));
        line += ns.score ? say(m_.north_star_score_line, fmt::format("**{}**", md::score(ns.score, numbers())),
                               md::percent(*ns.score, numbers()))
                         : std::string(m_.north_star_not_scored);
        paragraph(line);
    }

    void key_results() {
        section(m_.key_results_heading);
        if (c_.objectives.empty()) {
            paragraph(m_.no_key_results);
            return;
        }
        for (const RecapObjective& o : c_.objectives) {
            subsection(o.title.empty() && o.id.empty() ? std::string(m_.objective_without_id) : named(o.title, o.id));
            md::Table t(md::columns(m_.key_result_columns), "lrrrrr");
            for (const RecapKeyResult& k : o.key_results) {
                std::string target = value(k.target, k.unit);
                if (k.target_at_start) target = say(m_.target_was, target, value(k.target_at_start, k.unit));
                t.row({named(k.title, k.id), value(k.baseline, k.unit),
                       k.added ? std::string(m_.new_key_result) : value(k.start, k.unit), value(k.end, k.unit), target,
                       md::score(k.score, numbers())});
            }
            const std::size_t n = o.key_results.size();
            paragraph(o.mean_score ? say(m_.objective_mean, fmt::format("**{}**", md::score(o.mean_score, numbers())),
                                         o.measured, n, m_.count(m_.key_results, n))
                                   : std::string(m_.nothing_scored));
            paragraph(t.render());
        }
        std::vector<std::string> gone;
        for (const RemovedKeyResult& k : c_.removed_key_results) gone.push_back(named(k.title, k.id));
        if (!gone.empty()) paragraph(say(m_.removed_key_results, join(gone, m_.list_separator)));
    }

    void delivered() {
        section(m_.delivered_heading);
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
            std::vector<std::string> row{named(e), md::text(e.stream), people(e), due, when(d.done), timing};
            if (deliverables) row.push_back(texts(e.deliverables, m_.part_separator));
            t.row(std::move(row));
        }
        paragraph(t.empty() ? std::string(m_.nothing_delivered) : t.render());
    }

    void slipped() {
        section(m_.slipped_heading);
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
        paragraph(t.empty() ? std::string(m_.nothing_slipped) : t.render());
    }

    void dropped() {
        section(m_.dropped_heading);
        md::Table t(md::columns(m_.dropped_columns), "llllll");
        for (const DroppedEpic& d : c_.dropped) {
            const RecapEpic& e = d.epic;
            t.row({named(e), md::text(e.stream), owner(e),
                   std::string(e.removed                          ? m_.removed_from_files
                               : e.status == EpicStatus::proposed ? m_.back_to_backlog
                                                                  : m_.status_dropped),
                   when(d.when), d.reason ? md::text(*d.reason) : std::string(e.removed ? "" : m_.no_reason)});
        }
        paragraph(t.empty() ? std::string(m_.nothing_dropped) : t.render());
    }

    void added() {
        section(m_.added_heading);
        md::Table t(md::columns(m_.added_columns), "lllll");
        for (const AddedEpic& a : c_.added)
            t.row({named(a.epic), md::text(a.epic.stream), owner(a.epic),
                   a.from_run       ? say(m_.moved_from_run, when(a.added))
                   : a.from_backlog ? say(m_.from_backlog, when(a.added))
                                    : when(a.added),
                   status(a.epic)});
        paragraph(t.empty() ? std::string(m_.nothing_added) : t.render());
    }

    // issue 14, item 5: only when a proposal was planned during the period.
    void proposals() {
        if (c_.proposals_planned.empty()) return;
        section(m_.proposals_heading);
        paragraph(m_.proposals_intro);
        md::Table t(md::columns(m_.proposals_columns), "llllll");
        for (const PlannedProposal& p : c_.proposals_planned)
            t.row({named(p.epic), md::text(p.epic.stream), owner(p.epic),
                   p.proposed ? when(*p.proposed) : std::string(m_.proposed_at_baseline), when(p.planned),
                   status(p.epic)});
        paragraph(t.render());
    }

    // Only when planned work moved to the run.
    void moved_out() {
        if (c_.moved_out.empty()) return;
        section(m_.moved_out_heading);
        paragraph(m_.moved_out_intro);
        md::Table t(md::columns(m_.moved_out_columns), "llllll");
        for (const MovedOutEpic& o : c_.moved_out)
            t.row({named(o.epic), md::text(o.from_stream), md::text(o.epic.stream), owner(o.epic), when(o.when),
                   status(o.epic)});
        paragraph(t.render());
    }

    void carried_over() {
        section(m_.carried_over_heading);
        md::Table t(md::columns(m_.carried_over_columns), "llllll");
        for (const RecapEpic& e : c_.carried_over)
            t.row({named(e), md::text(e.stream), people(e), status(e), date(e.due), md::bar(e.progress, numbers())});
        paragraph(t.empty() ? std::string(m_.nothing_carried_over) : t.render());
    }

    void goalposts() {
        section(m_.goalposts_heading);
        md::Table t(md::columns(m_.goalposts_columns), "lrrl");
        auto target = [&](const std::string& v) { return v.empty() ? std::string(m_.none) : md::text(v); };
        for (const GoalpostMove& g : c_.goalposts)
            t.row({g.north_star ? say(m_.north_star_named, md::text(g.title)) : named(g.title, g.subject),
                   target(g.before), target(g.after), when(g.when)});
        paragraph(t.empty() ? std::string(m_.no_goalposts) : t.render());
    }
};

}  // namespace

std::string render_recap_markdown(const RecapContent& content, Language language) {
    return RecapMarkdown(content, recap_messages(language)).render();
}

std::string render_recap(const RecapInput& input, Language language) {
    return render_recap_markdown(build_recap(input), language);
}

}  // namespace boussole
