// issue 16: the Monday digest's content, computed once from the roadmap, its history and the
// digest's date. Writers (digest_document.cpp) only format what is here.
#include <algorithm>
#include <cmath>
#include <map>

#include "boussole/digest_content.hpp"
#include "report/facts.hpp"

namespace boussole {

namespace {

class DigestBuilder {
public:
    DigestBuilder(const Roadmap& r, const DigestOptions& o)
        : r_(r), o_(o), index_(r), info_(*r.info()), stale_after_(facts::stale_after_days(info_)) {}

    DigestContent build() {
        DigestContent c;
        c.name = info_.name.value_or("");
        c.team = info_.team.value_or("");
        const Period& period = *info_.period;
        if (period.label.find("..") == std::string::npos) c.period_label = period.label;
        c.start = period.start;
        c.end = period.end;
        c.as_of = o_.as_of;
        c.week_end = o_.as_of + (digest_days - 1);
        c.stale_after_days = stale_after_;
        c.unreadable = r_.unreadable_files();
        if (o_.trends) {
            c.since = facts::since(*o_.trends);
            if (o_.trends->since_commit && o_.since_changes) c.changes = changes(*o_.since_changes);
        }
        c.stale_document = stale_document(r_, o_.as_of, o_.last_change);
        if (info_.champion)
            if (const Person* p = index_.person(*info_.champion); p && p->email) {
                c.sender_name = std::string(index_.person_name(*info_.champion));
                c.sender_email = *p->email;
            }
        // The declared people first, in reading order, so that every digest lists them alike.
        for (const std::string& id : index_.person_ids) owner(id);
        work();
        check_ins();
        for (auto& [key, d] : owners_) {
            (void)key;
            const auto by_due = [](const DigestWork& a, const DigestWork& b) { return *a.due < *b.due; };
            std::stable_sort(d.overdue.begin(), d.overdue.end(), by_due);
            std::stable_sort(d.due.begin(), d.due.end(), by_due);
        }
        for (const std::string& id : order_)
            if (!owners_.at(id).empty()) c.owners.push_back(std::move(owners_.at(id)));
        c.footer = {o_.generator, r_.files.size()};
        return c;
    }

private:
    // The person's part, made on first use; "" is the work nobody owns, always last.
    OwnerDigest& owner(const std::string& id) {
        auto [it, added] = owners_.try_emplace(id);
        if (added) {
            OwnerDigest& d = it->second;
            d.id = id;
            if (!id.empty()) {
                d.name = std::string(index_.person_name(id));
                if (const Person* p = index_.person(id)) {
                    d.email = p->email.value_or("");
                    d.slack = p->slack.value_or("");
                }
            }
            if (id.empty() || order_.empty() || !order_.back().empty())
                order_.push_back(id);
            else
                order_.insert(order_.end() - 1, id);  // before the unowned
        }
        return it->second;
    }

    static std::string id_of(const Field<std::string>& f) { return f ? *f : std::string(); }

    void work() {
        const Date as_of = o_.as_of;
        const Date week_end = as_of + (digest_days - 1);
        const auto in_week = [&](const std::optional<Date>& due) {
            return due && !(*due < as_of) && !(week_end < *due);
        };
        // Nobody is asked about unowned work before everybody else is listed.
        std::vector<std::pair<std::string, DigestWork>> unowned;
        for (const Stream& s : r_.streams)
            for (const Epic& e : s.epics) {
                if (!e.open() || e.proposed()) continue;
                const bool via_stream = !e.owner && s.owner;
                const std::string who = e.owner ? *e.owner : id_of(s.owner);
                DigestWork epic{DigestWork::Kind::epic,
                                e.id.value_or(""),
                                e.title.value_or(""),
                                {},
                                {},
                                e.due.value,
                                0,
                                via_stream};
                const bool blocked = e.effective_status() == EpicStatus::blocked;
                if (e.overdue(as_of)) {
                    epic.days = as_of - *e.due;
                    epic.blocked = blocked;
                    owner(who).overdue.push_back(epic);
                } else if (blocked) {
                    epic.blocked = true;
                    if (e.due) epic.days = *e.due - as_of;
                    owner(who).blocked.push_back(epic);
                } else if (in_week(e.due.value)) {
                    epic.days = *e.due - as_of;
                    owner(who).due.push_back(epic);
                }
                for (const Task& t : e.tasks) {
                    if (!facts::open_task(t) || !t.due) continue;
                    // A task without an owner is its epic's owner's (as the load table counts it).
                    const std::string task_owner = t.owner ? *t.owner : who;
                    DigestWork task{DigestWork::Kind::task,
                                    t.id.value_or(""),
                                    t.title.value_or(""),
                                    e.id.value_or(""),
                                    e.title.value_or(""),
                                    t.due.value,
                                    0,
                                    !t.owner && via_stream};
                    if (*t.due < as_of) {
                        task.days = as_of - *t.due;
                        owner(task_owner).overdue.push_back(std::move(task));
                    } else if (in_week(t.due.value)) {
                        task.days = *t.due - as_of;
                        owner(task_owner).due.push_back(std::move(task));
                    }
                }
                if (const auto u = facts::update(s, e, o_.updates, as_of, stale_after_))
                    if (u->stale_days)
                        owner(who).updates.push_back({e.id.value_or(""), e.title.value_or(""), *u->changed->date,
                                                      u->changed->or_before, *u->stale_days, u->stale_after});
            }
    }

    void check_in(const KeyResult& k, const std::optional<std::string>& id, bool north_star, const std::string& who) {
        DigestCheckIn c;
        c.id = k.id.value_or("");
        c.title = k.title.value_or("");
        c.north_star = north_star;
        c.cadence = k.cadence.value;
        c.every = k.cadence ? cadence_days(*k.cadence) : stale_after_;
        if (!k.current) {
            c.state = DigestCheckIn::State::no_value;
            owner(who).check_ins.push_back(std::move(c));
            return;
        }
        const std::optional<CheckInFact> fact = facts::check_in(k, id, o_.check_ins, o_.as_of, stale_after_);
        // Without a date (no history and no checked_on, or changed since the last commit) there is
        // nothing to remind.
        if (!fact || !fact->date) return;
        c.last = fact->date;
        c.or_before = fact->or_before;
        c.every = fact->stale_after;
        c.next = *fact->date + fact->stale_after;
        c.age = o_.as_of - *fact->date;
        if (fact->stale_days) {
            c.state = DigestCheckIn::State::late;
        } else if (!((o_.as_of + (digest_days - 1)) < *c.next)) {
            c.state = DigestCheckIn::State::due;
        } else {
            return;
        }
        owner(who).check_ins.push_back(std::move(c));
    }

    void check_ins() {
        if (info_.north_star) check_in(*info_.north_star, std::string(), true, id_of(info_.north_star->owner));
        for (const Objective& o : r_.objectives)
            for (const KeyResult& k : o.key_results) check_in(k, k.id.value, false, id_of(Roadmap::owner_of(o, k)));
    }

    std::string person(const Field<std::string>& id) const {
        return id ? std::string(index_.person_name(*id)) : std::string();
    }

    DigestChanges changes(const std::vector<Change>& list) const {
        DigestChanges out;
        for (const Change& ch : list) {
            const EpicRef now = index_.epic(ch.subject);
            const Epic* e = now.epic;
            auto epic = [&] {
                DigestEpic d{ch.subject,
                             e && e->title ? *e->title : ch.title,
                             e ? person(e->owner) : std::string(),
                             {},
                             false,
                             false,
                             false};
                return d;
            };
            switch (ch.kind) {
                case ChangeKind::epic_added: {
                    DigestEpic d = epic();
                    d.proposed = e && e->proposed();
                    out.added.push_back(std::move(d));
                    break;
                }
                case ChangeKind::epic_removed: {
                    DigestEpic d = epic();
                    d.removed = true;
                    out.dropped.push_back(std::move(d));
                    break;
                }
                case ChangeKind::status_changed:
                    if (ch.after == to_string(EpicStatus::done)) {
                        out.done.push_back(epic());
                    } else if (ch.after == to_string(EpicStatus::dropped)) {
                        DigestEpic d = epic();
                        if (e) d.note = e->dropped_reason.value_or("");
                        out.dropped.push_back(std::move(d));
                    } else if (ch.before == to_string(EpicStatus::proposed) &&
                               ch.after != to_string(EpicStatus::dropped)) {
                        DigestEpic d = epic();
                        d.from_backlog = true;
                        out.added.push_back(std::move(d));
                    }
                    break;
                case ChangeKind::due_changed:
                    if (ch.days && *ch.days > 0)
                        out.slipped.push_back({ch.subject, epic().title, epic().owner, Date::parse(ch.before),
                                               Date::parse(ch.after), *ch.days});
                    break;
                case ChangeKind::current_changed: {
                    DigestMove m;
                    m.id = ch.north_star ? std::string() : ch.subject;
                    m.title = ch.title;
                    m.north_star = ch.north_star;
                    const KeyResult* k = ch.north_star ? (info_.north_star ? &*info_.north_star : nullptr)
                                                       : index_.key_result(ch.subject).key_result;
                    if (k) {
                        m.unit = std::string(index_.unit_of(*k));
                        if (ch.north_star) m.id = k->id.value_or("");
                    }
                    m.before = ch.before_value;
                    m.after = ch.after_value;
                    if (m.before && m.after && std::isfinite(*m.after - *m.before)) {
                        m.delta = *m.after - *m.before;
                        m.direction =
                            k ? facts::direction(k->baseline.value, k->target.value, *m.delta) : Direction::unknown;
                    }
                    out.moved.push_back(std::move(m));
                    break;
                }
                default:
                    break;
            }
        }
        return out;
    }

    const Roadmap& r_;
    const DigestOptions& o_;
    const RoadmapIndex index_;
    const RoadmapInfo& info_;
    const int stale_after_;
    std::map<std::string, OwnerDigest> owners_;
    std::vector<std::string> order_;  // the owners' order: first met, the unowned ("") last
};

}  // namespace

DigestContent build_digest(const Roadmap& roadmap, const DigestOptions& options) {
    return DigestBuilder(roadmap, options).build();
}

}  // namespace boussole
