#pragma once
/// issue 16: what the Monday digest says, as typed data: for each person, what they must do in
/// the seven days from the digest's date (due, overdue, blocked, key results to check in,
/// updates gone stale); for the team, what changed since the since point; for the roadmap
/// itself, whether it has gone stale. Built once by build_digest(), then written by one writer
/// through a Markup (Markdown, plain text, HTML for the e-mail, Slack's Block Kit).

#include <optional>
#include <string>
#include <vector>

#include "boussole/date.hpp"
#include "boussole/model.hpp"
#include "boussole/plan.hpp"
#include "boussole/report_content.hpp"

namespace boussole {

/// The days a digest looks ahead: its date and the six days after it (Monday to Sunday).
inline constexpr int digest_days = 7;

/// What a digest depends on besides the roadmap.
struct DigestOptions {
    Date as_of;                          ///< the digest's date: the first day of its week
    Language language = Language::en;    ///< of the words, numbers and dates
    std::string generator = "boussole";  ///< named in the last line
    /// The key results' last check-ins and the epics' update dates, from git history (as the
    /// report reads them); none outside git.
    std::optional<std::map<std::string, CheckIn>> check_ins, updates;
    /// The since point (as the report's) and what changed from it to the working tree; none
    /// outside git.
    std::optional<Trends> trends;
    std::optional<std::vector<Change>> since_changes;
    /// The newest commit by the digest's date that changed the roadmap; none outside git or
    /// when nothing is committed.
    std::optional<CommitInfo> last_change;
};

/// An epic or a task someone must act on.
struct DigestWork {
    enum class Kind { epic, task };
    Kind kind = Kind::epic;
    std::string id, title;            ///< the epic's or the task's, as written
    std::string epic_id, epic_title;  ///< a task's epic
    std::optional<Date> due;
    int days = 0;               ///< overdue: days late; due: days until it is due (0: on the digest's date)
    bool stream_owner = false;  ///< an epic without an owner (or its task), sent to its stream's owner
    bool blocked = false;       ///< an epic that is blocked (in `overdue`, also late)
};

/// A key result (or the North Star) whose check-in falls due this week, is late, or never happened.
struct DigestCheckIn {
    enum class State {
        due,       ///< its interval runs out within the week
        late,      ///< its interval ran out before the digest's date: stale, as the report flags it
        no_value,  ///< it has no current value
    };
    State state = State::due;
    std::string id, title;  ///< as written; the North Star's id as declared (may be empty)
    bool north_star = false;
    std::optional<Date> last;  ///< the last check-in (CheckInFact's date); empty for no_value
    bool or_before = false;    ///< the history read stops at `last`: it may be older
    std::optional<Cadence> cadence;
    int every = 14;            ///< the days allowed between check-ins: the cadence's, else the roadmap's
    std::optional<Date> next;  ///< last + every: the last day the check-in is fresh
    int age = 0;               ///< days since `last`
};

/// An in-progress epic whose written update has gone stale (risk::StaleUpdate in the report).
struct DigestUpdate {
    std::string id, title;
    Date last;  ///< the last commit that changed the update
    bool or_before = false;
    int days = 0;  ///< since `last`
    int stale_after = 14;
};

/// One person's part of the digest. Epics go to their owner (else their stream's owner); a
/// task to its owner (else its epic's); a key result to its owner (else its objective's).
struct OwnerDigest {
    std::string id;                   ///< the person's id; empty for the work nobody owns
    std::string name;                 ///< the declared name, else the id as written
    std::string email, slack;         ///< as declared; empty when none
    std::vector<DigestWork> overdue;  ///< earliest due first
    std::vector<DigestWork> blocked;
    std::vector<DigestWork> due;  ///< due within the week, earliest first
    std::vector<DigestCheckIn> check_ins;
    std::vector<DigestUpdate> updates;
    [[nodiscard]] bool empty() const {
        return overdue.empty() && blocked.empty() && due.empty() && check_ins.empty() && updates.empty();
    }
};

/// An epic in the team's changes.
struct DigestEpic {
    std::string id, title;
    std::string owner;          ///< display name; empty when none
    std::string note;           ///< dropped: its reason as written; added: empty
    bool removed = false;       ///< dropped: taken out of the files rather than marked dropped
    bool proposed = false;      ///< added: to the backlog (status proposed)
    bool from_backlog = false;  ///< added: a proposal taken into the plan
};

/// An epic whose due date moved later.
struct DigestSlip {
    std::string id, title, owner;
    std::optional<Date> before, after;  ///< the due dates; either may be unset
    int days = 0;                       ///< the shift, positive
};

/// A key result (or the North Star) whose current value changed.
struct DigestMove {
    std::string id, title;
    bool north_star = false;
    std::string unit;
    std::optional<double> before, after;
    std::optional<double> delta;  ///< after − before, when both are numbers
    Direction direction = Direction::unknown;
};

/// What changed for the team between the since point and the working tree, from compare().
struct DigestChanges {
    std::vector<DigestEpic> done, added, dropped;
    std::vector<DigestSlip> slipped;
    std::vector<DigestMove> moved;
    [[nodiscard]] bool empty() const {
        return done.empty() && added.empty() && dropped.empty() && slipped.empty() && moved.empty();
    }
};

/// Everything the digest says.
struct DigestContent {
    std::string name, team;                ///< roadmap.name, roadmap.team; empty when not declared
    std::string period_label;              ///< as in ReportHeader
    Date start, end;                       ///< the period
    Date as_of;                            ///< the digest's date
    Date week_end;                         ///< as_of + 6
    std::optional<SinceFacts> since;       ///< the since point (or why there is none); empty without history
    std::optional<DigestChanges> changes;  ///< empty without a since point
    std::optional<StaleDocument> stale_document;
    std::vector<OwnerDigest> owners;      ///< with something to do: declared people in reading order, then others
    std::vector<std::string> unreadable;  ///< files that could not be read (path:line:col: why)
    int stale_after_days = 14;
    /// The e-mail's sender: roadmap.champion, when declared with an e-mail address; else empty.
    std::string sender_name, sender_email;
    ReportFooter footer;
};

/// Computes the digest once. Only call when report_blocker() is empty.
DigestContent build_digest(const Roadmap& roadmap, const DigestOptions& options);

/// The digest in each of its formats, in `language`.
std::string render_digest_markdown(const DigestContent& content, Language language = Language::en);
std::string render_digest_text(const DigestContent& content, Language language = Language::en);
std::string render_digest_slack(const DigestContent& content, Language language = Language::en);
std::string render_digest_email(const DigestContent& content, Language language = Language::en);
/// The e-mail's rich part: the digest as one self-contained HTML page.
std::string render_digest_html(const DigestContent& content, Language language = Language::en);

}  // namespace boussole
