// issue 16: the Monday digest, in every format: one writer of the content of
// digest_content.cpp, words from the digest's catalogue, markup from a Markup — Markdown, plain
// text, the HTML page (the e-mail's rich part), Slack's Block Kit — and the e-mail that carries
// the text and the HTML. Nothing is computed here.
#include <fmt/format.h>

#include "boussole/digest_content.hpp"
#include "report/html.hpp"
#include "report/markdown.hpp"
#include "report/markup.hpp"
#include "report/messages.hpp"
#include "report/mime.hpp"
#include "report/slack.hpp"
#include "report/text.hpp"

namespace boussole {

namespace {

// Whom the digest is for, as its title and the e-mail's subject name them: the team, else the
// roadmap's name.
std::string team_or_name(const DigestContent& c, const DigestMessages& m) {
    if (!c.team.empty()) return c.team;
    return c.name.empty() ? std::string(m.untitled_roadmap) : c.name;
}

class DigestWriter {
public:
    DigestWriter(const DigestContent& c, const DigestMessages& m, Markup& mk) : c_(c), m_(m), mk_(mk) {}

    std::string render() {
        header();
        // Nobody has anything to do: one line says so, with nothing changed too when that is so
        // (then it is the whole digest).
        if (c_.owners.empty())
            mk_.paragraph(c_.changes && c_.changes->empty() ? say(m_.nothing_at_all, prose(c_.since->commit_date))
                                                            : std::string(mk_.pattern(m_.nothing_to_do)));
        for (const OwnerDigest& o : c_.owners) owner(o);
        changes();
        mk_.definition(say(m_.definitions, prose(c_.as_of), prose(c_.week_end), c_.stale_after_days));
        if (c_.changes) mk_.definition(m_.changes_definition);
        mk_.footer(say(m_.footer, mk_.text(c_.footer.generator), c_.footer.files, m_.count(m_.files, c_.footer.files),
                       prose(c_.as_of)));
        return mk_.finish(title_text());
    }

private:
    template <class... Args>
    std::string say(std::string_view pattern, const Args&... args) const {
        return mk_.say(pattern, args...);
    }
    std::string prose(Date d) const { return prose_date(*m_.style, d); }
    std::string days(int n) const { return ::boussole::say(m_.day_count, n, m_.count(m_.days, n)); }
    std::string named(std::string_view title, std::string_view id) const { return mk_.named(title, id, m_.untitled); }
    std::string who() const { return team_or_name(c_, m_); }
    // The title as plain text (an HTML page's <title>, the Slack notification).
    std::string title_text() const { return fmt::format(fmt::runtime(m_.title), who(), prose(c_.as_of)); }

    void header() {
        mk_.heading(1, say(m_.title, mk_.text(who()), prose(c_.as_of)));
        std::vector<std::pair<std::string, std::string>> facts;
        std::string day;
        if (!(c_.as_of < c_.start) && !(c_.end < c_.as_of))
            day = say(m_.period_day, (c_.as_of - c_.start) + 1, (c_.end - c_.start) + 1,
                      mk_.text(c_.period_label.empty() ? fmt::format("{}..{}", c_.start.iso(), c_.end.iso())
                                                       : period_name(*m_.style, c_.period_label)));
        facts.emplace_back(std::string(m_.week_label), say(m_.week, prose(c_.as_of), prose(c_.week_end), day));
        facts.emplace_back(std::string(m_.since_label), since_point());
        mk_.facts(facts);
        for (const std::string& f : c_.unreadable) mk_.note(say(m_.unreadable, mk_.text(f)));
        if (c_.stale_document) mk_.note(say_stale_document(mk_, *m_.style, m_.stale_document, *c_.stale_document));
    }

    std::string since_point() const { return say_since_point(mk_, m_, c_.since); }

    std::string item(std::string_view label, const std::string& subject, const std::string& details) const {
        return say(m_.item, label, subject, details);
    }

    std::string subject(const DigestWork& w) const {
        if (w.kind == DigestWork::Kind::task) return say(m_.task, named(w.title, w.id), named(w.epic_title, w.epic_id));
        return named(w.title, w.id);
    }

    std::string work(std::string_view label, const DigestWork& w) const {
        std::string details;
        if (!w.due)
            details = m_.no_due;
        else if (*w.due < c_.as_of)
            details = say(m_.due_late, prose(*w.due), days(w.days));
        else if (w.days == 0)
            details = say(m_.due_today, prose(*w.due));
        else
            details = say(m_.due_on, prose(*w.due), days(w.days));
        if (w.blocked && !label.empty() && label != m_.blocked_label) details += m_.also_blocked;
        if (w.stream_owner) details += m_.via_stream;
        return item(label, subject(w), details);
    }

    std::string every(const DigestCheckIn& c) const {
        return c.cadence ? say(m_.every_cadence, m_.cadence[*c.cadence], c.every) : say(m_.every_default, c.every);
    }

    std::string check_in(const DigestCheckIn& c) const {
        const std::string what = c.north_star ? say(m_.north_star, named(c.title, c.id)) : named(c.title, c.id);
        switch (c.state) {
            case DigestCheckIn::State::no_value:
                return item(m_.check_in_none_label, what, std::string(m_.no_value));
            case DigestCheckIn::State::late: {
                const std::string last = c.or_before ? say(m_.or_before, prose(*c.last)) : prose(*c.last);
                return item(m_.check_in_late_label, what, say(m_.check_in_late, last, days(c.age), every(c)));
            }
            case DigestCheckIn::State::due:
                break;
        }
        const std::string last = c.or_before ? say(m_.or_before, prose(*c.last)) : prose(*c.last);
        return item(m_.check_in_due_label, what, say(m_.check_in_due, last, every(c), prose(*c.next)));
    }

    void owner(const OwnerDigest& o) {
        mk_.heading(2, o.id.empty() ? std::string(m_.nobody_heading) : mk_.mention(o.name, o.slack));
        std::vector<std::string> items;
        for (const DigestWork& w : o.overdue) items.push_back(work(m_.overdue_label, w));
        for (const DigestWork& w : o.blocked) items.push_back(work(m_.blocked_label, w));
        for (const DigestWork& w : o.due) items.push_back(work(m_.due_label, w));
        for (const DigestCheckIn& c : o.check_ins) items.push_back(check_in(c));
        for (const DigestUpdate& u : o.updates) {
            const std::string last = u.or_before ? say(m_.or_before, prose(u.last)) : prose(u.last);
            items.push_back(
                item(m_.update_label, named(u.title, u.id), say(m_.update_stale, last, days(u.days), u.stale_after)));
        }
        mk_.list(items);
    }

    // "Title (id) — Owner"
    std::string epic(std::string_view title, std::string_view id, std::string_view owner) const {
        std::string s = named(title, id);
        if (!owner.empty()) s += say(m_.owned_by, mk_.text(owner));
        return s;
    }
    std::string epic(const DigestEpic& e) const { return epic(e.title, e.id, e.owner); }
    std::string due_date(const std::optional<Date>& d) const { return d ? prose(*d) : std::string(m_.no_value_short); }

    std::string value(const std::optional<double>& v, const std::string& unit) const {
        return v ? mk_.quantity(*v, unit) : std::string(m_.no_value_short);
    }

    std::string change(const DigestMove& mv) const {
        if (!mv.delta) return "–";
        const std::string signed_change = mk_.signed_quantity(*mv.delta, mv.unit);
        switch (mv.direction) {
            case Direction::better:
                return say(m_.change_better, signed_change);
            case Direction::worse:
                return say(m_.change_worse, signed_change);
            default:
                return signed_change;
        }
    }

    void changes() {
        if (!c_.since) return;  // no history: the header says so
        if (!c_.changes) {
            // The history starts after the day asked: nothing to count from.
            mk_.paragraph(say(m_.no_point, since_point()));
            return;
        }
        const DigestChanges& ch = *c_.changes;
        if (ch.empty() && c_.owners.empty()) return;  // the one line of a week with nothing says it
        mk_.heading(2, say(m_.changes_heading, prose(c_.since->commit_date)));
        if (ch.empty()) {
            mk_.paragraph(m_.no_changes);
            return;
        }
        std::vector<std::string> items;
        for (const DigestEpic& e : ch.done) items.push_back(say("**{0}** {1}", m_.done_label, epic(e)));
        for (const DigestEpic& e : ch.added)
            items.push_back(say("**{0}** {1}{2}", m_.added_label, epic(e),
                                e.proposed       ? std::string(m_.to_backlog)
                                : e.from_backlog ? std::string(m_.from_backlog)
                                                 : std::string()));
        for (const DigestEpic& e : ch.dropped)
            items.push_back(say("**{0}** {1}{2}", m_.dropped_label, epic(e),
                                e.removed        ? std::string(m_.removed)
                                : e.note.empty() ? std::string(m_.no_reason)
                                                 : say(m_.reason, mk_.text(e.note))));
        for (const DigestSlip& s : ch.slipped) {
            const std::string shift =
                ::boussole::say(m_.day_count, fmt::format("+{}", s.days), m_.count(m_.days, s.days));
            items.push_back(item(m_.slipped_label, epic(s.title, s.id, s.owner),
                                 say(m_.slipped, due_date(s.before), due_date(s.after), shift)));
        }
        for (const DigestMove& mv : ch.moved) {
            const std::string what =
                mv.north_star ? say(m_.north_star, named(mv.title, mv.id)) : named(mv.title, mv.id);
            items.push_back(item(m_.moved_label, what,
                                 say(m_.moved, value(mv.before, mv.unit), value(mv.after, mv.unit), change(mv))));
        }
        mk_.list(items);
    }

    const DigestContent& c_;
    const DigestMessages& m_;
    Markup& mk_;
};

}  // namespace

std::string say_stale_document(const Markup& mk, const LanguageStyle& style, const StaleDocumentWords& w,
                               const StaleDocument& s) {
    return mk.say(w.stale, prose_date(style, s.last), mk.text(s.commit), s.days, s.stale_after) +
           (s.champion.empty() ? mk.pattern(w.no_champion) : mk.say(w.champion, mk.strong(mk.text(s.champion))));
}

std::string render_digest_markdown(const DigestContent& c, Language language) {
    const DigestMessages& m = digest_messages(language);
    MarkdownMarkup mk(m.style->numbers);
    return DigestWriter(c, m, mk).render();
}

std::string render_digest_text(const DigestContent& c, Language language) {
    const DigestMessages& m = digest_messages(language);
    TextMarkup mk(m.style->numbers);
    return DigestWriter(c, m, mk).render();
}

std::string render_digest_html(const DigestContent& c, Language language) {
    const DigestMessages& m = digest_messages(language);
    HtmlMarkup mk(m.style->numbers, language, c.footer.generator);
    return DigestWriter(c, m, mk).render();
}

std::string render_digest_slack(const DigestContent& c, Language language) {
    const DigestMessages& m = digest_messages(language);
    SlackMarkup mk(m.style->numbers, std::string(slack_messages(language).more));
    return DigestWriter(c, m, mk).render();
}

std::string render_digest_email(const DigestContent& c, Language language) {
    const DigestMessages& m = digest_messages(language);
    mime::Headers h;
    if (!c.sender_email.empty()) h.from = mime::Address{c.sender_name, c.sender_email};
    for (const OwnerDigest& o : c.owners)
        if (!o.email.empty()) h.to.push_back({o.name, o.email});
    h.subject = fmt::format(fmt::runtime(m.subject), team_or_name(c, m), prose_date(*m.style, c.as_of));
    h.date = c.as_of;
    return mime::message(h, render_digest_text(c, language), render_digest_html(c, language));
}

}  // namespace boussole
