// The plan as comparable facts, and the semantic changes between two of its states.
#include "boussole/plan.hpp"

#include <cmath>

#include <fmt/format.h>

namespace boussole {

namespace {

KrFacts facts_of(const KeyResult& k, const Objective* o) {
    KrFacts f;
    f.id = k.id.value_or("");
    f.title = k.title.value_or("");
    f.unit = k.unit.value_or("");
    if (o) {
        f.objective = o->id.value_or("");
        f.objective_title = o->title.value_or("");
    }
    f.baseline = k.baseline.value;
    f.target = k.target.value;
    f.current = k.current.value;
    return f;
}

template <class T>
void append_all(std::vector<T>& to, const std::vector<T>& from) {
    to.insert(to.end(), from.begin(), from.end());
}

template <class T>
void index_by_id(const std::vector<T>& items, std::unordered_map<std::string, std::size_t>& index) {
    index.clear();
    for (std::size_t i = 0; i < items.size(); ++i)
        if (!items[i].id.empty()) index.emplace(items[i].id, i);  // the first of a duplicate id counts
}

template <class T>
const T* find(const std::vector<T>& items, const std::unordered_map<std::string, std::size_t>& index,
              std::string_view id) {
    const auto it = index.find(std::string(id));
    return it == index.end() ? nullptr : &items[it->second];
}

std::string optional_value(const std::optional<double>& v) { return v ? format_value(*v) : std::string(); }

Change change(ChangeKind kind, std::string subject, std::string title, std::string before, std::string after,
              bool north_star = false) {
    Change c{kind, std::move(subject), std::move(title), std::move(before), std::move(after), std::nullopt, north_star};
    return c;
}

std::string display(const EpicFacts& e) { return e.title.empty() ? e.id : e.title; }

}  // namespace

std::optional<double> KrFacts::score() const { return key_result_progress(baseline, target, current); }

std::string format_value(double v) {
    if (std::isfinite(v) && v == std::round(v) && std::abs(v) < 1e15)
        return fmt::format("{}", static_cast<long long>(v));
    return fmt::format("{}", v);
}

void Snapshot::append(const Snapshot& next) {
    if (!period && next.period) period = next.period;
    if (name.empty()) name = next.name;
    if (!north_star && next.north_star) north_star = next.north_star;
    append_all(streams, next.streams);
    append_all(epics, next.epics);
    append_all(key_results, next.key_results);
    append_all(people, next.people);
    unparsable_files += next.unparsable_files;
    anonymous += next.anonymous;
}

void Snapshot::index() {
    index_by_id(epics, epic_index_);
    index_by_id(key_results, kr_index_);
    index_by_id(streams, stream_index_);
    person_index_.clear();
    for (std::size_t i = 0; i < people.size(); ++i) person_index_.emplace(people[i].first, i);
}

const std::string& Snapshot::person(const std::string& id) const {
    const auto it = person_index_.find(id);
    return it == person_index_.end() ? id : people[it->second].second;
}

const EpicFacts* Snapshot::epic(std::string_view id) const { return find(epics, epic_index_, id); }
const KrFacts* Snapshot::key_result(std::string_view id) const { return find(key_results, kr_index_, id); }
const StreamFacts* Snapshot::stream(std::string_view id) const { return find(streams, stream_index_, id); }

Snapshot snapshot_of(const Roadmap& r) {
    Snapshot s;
    if (const RoadmapInfo* info = r.info()) {
        s.period = info->period.value;
        s.name = info->name.value_or("");
        if (info->north_star) s.north_star = facts_of(*info->north_star, nullptr);
    }
    for (const Stream& st : r.streams) {
        if (st.id) {
            s.streams.push_back({*st.id, st.title.value_or(""), st.kind.value_or(StreamKind::build)});
        } else {
            ++s.anonymous;
        }
        for (const Epic& e : st.epics) {
            if (!e.id) {
                ++s.anonymous;
                continue;
            }
            EpicFacts f;
            f.id = *e.id;
            f.title = e.title.value_or("");
            f.stream = st.id.value_or("");
            f.stream_kind = st.kind.value_or(StreamKind::build);
            f.owner = e.owner.value_or("");
            f.dropped_reason = e.dropped_reason.value_or("");
            f.file = e.pos.file < r.files.size() ? r.files[e.pos.file].relative_path : "";
            f.status = e.effective_status();
            f.due = e.due.value;
            f.progress = e.progress();
            s.epics.push_back(std::move(f));
        }
    }
    for (const Objective& o : r.objectives) {
        for (const KeyResult& k : o.key_results) {
            if (!k.id) {
                ++s.anonymous;
                continue;
            }
            s.key_results.push_back(facts_of(k, &o));
        }
    }
    for (const Person& p : r.people)
        if (p.id && p.name) s.people.emplace_back(*p.id, *p.name);
    s.unparsable_files = r.unparsable_files;
    s.index();
    return s;
}

std::string_view to_string(ChangeKind k) {
    switch (k) {
        case ChangeKind::stream_added:
            return "stream-added";
        case ChangeKind::stream_removed:
            return "stream-removed";
        case ChangeKind::epic_added:
            return "epic-added";
        case ChangeKind::epic_removed:
            return "epic-removed";
        case ChangeKind::epic_moved:
            return "epic-moved";
        case ChangeKind::status_changed:
            return "status-changed";
        case ChangeKind::owner_changed:
            return "owner-changed";
        case ChangeKind::due_changed:
            return "due-changed";
        case ChangeKind::kr_added:
            return "key-result-added";
        case ChangeKind::kr_removed:
            return "key-result-removed";
        case ChangeKind::target_changed:
            return "target-changed";
        case ChangeKind::current_changed:
            return "current-changed";
        case ChangeKind::period_changed:
            return "period-changed";
    }
    return "changed";
}

namespace {

void compare_measure(const KrFacts& a, const KrFacts& b, const std::string& subject, const std::string& title,
                     bool north_star, std::vector<Change>& out) {
    if (a.target != b.target)
        out.push_back(change(ChangeKind::target_changed, subject, title, optional_value(a.target),
                             optional_value(b.target), north_star));
    if (a.current != b.current)
        out.push_back(change(ChangeKind::current_changed, subject, title, optional_value(a.current),
                             optional_value(b.current), north_star));
}

}  // namespace

std::vector<Change> compare(const Snapshot& a, const Snapshot& b) {
    std::vector<Change> out;
    auto period_text = [](const std::optional<Period>& p) {
        return p ? fmt::format("{} ({} to {})", p->label, p->start.iso(), p->end.iso()) : std::string();
    };
    if (a.period.has_value() != b.period.has_value() ||
        (a.period && (a.period->start != b.period->start || a.period->end != b.period->end)))
        out.push_back(change(ChangeKind::period_changed, "period", "", period_text(a.period), period_text(b.period)));

    for (const StreamFacts& s : b.streams)
        if (b.stream(s.id) == &s && !a.stream(s.id))
            out.push_back(change(ChangeKind::stream_added, s.id, s.title, "", s.title));
    for (const StreamFacts& s : a.streams)
        if (a.stream(s.id) == &s && !b.stream(s.id))
            out.push_back(change(ChangeKind::stream_removed, s.id, s.title, s.title, ""));

    for (const EpicFacts& e : b.epics) {
        if (b.epic(e.id) != &e) continue;  // a duplicate id: the first counts
        const EpicFacts* was = a.epic(e.id);
        if (!was) {
            out.push_back(change(ChangeKind::epic_added, e.id, display(e), "", e.stream));
            continue;
        }
        if (was->stream != e.stream)
            out.push_back(change(ChangeKind::epic_moved, e.id, display(e), was->stream, e.stream));
        if (was->status != e.status)
            out.push_back(change(ChangeKind::status_changed, e.id, display(e), std::string(to_string(was->status)),
                                 std::string(to_string(e.status))));
        if (was->owner != e.owner)
            out.push_back(change(ChangeKind::owner_changed, e.id, display(e), was->owner, e.owner));
        if (was->due != e.due) {
            Change c = change(ChangeKind::due_changed, e.id, display(e), was->due ? was->due->iso() : "",
                              e.due ? e.due->iso() : "");
            if (was->due && e.due) c.days = *e.due - *was->due;
            out.push_back(std::move(c));
        }
    }
    for (const EpicFacts& e : a.epics)
        if (a.epic(e.id) == &e && !b.epic(e.id))
            out.push_back(change(ChangeKind::epic_removed, e.id, display(e), e.stream, ""));

    for (const KrFacts& k : b.key_results) {
        if (b.key_result(k.id) != &k) continue;
        const KrFacts* was = a.key_result(k.id);
        const std::string title = k.title.empty() ? k.id : k.title;
        if (!was) {
            out.push_back(change(ChangeKind::kr_added, k.id, title, "", k.objective));
            continue;
        }
        compare_measure(*was, k, k.id, title, false, out);
    }
    for (const KrFacts& k : a.key_results)
        if (a.key_result(k.id) == &k && !b.key_result(k.id))
            out.push_back(change(ChangeKind::kr_removed, k.id, k.title.empty() ? k.id : k.title, k.objective, ""));

    if (a.north_star && b.north_star) {
        compare_measure(*a.north_star, *b.north_star, "north-star",
                        b.north_star->title.empty() ? "North Star" : b.north_star->title, true, out);
    }
    return out;
}

}  // namespace boussole
