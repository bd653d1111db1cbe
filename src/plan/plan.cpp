// The plan as comparable facts, and the semantic changes between two of its states.
#include "boussole/plan.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <type_traits>

#include <fmt/format.h>

#include "boussole/fields.hpp"
#include "boussole/format.hpp"

namespace boussole {

namespace {

std::string optional_value(const std::optional<double>& v) { return v ? format_value(*v) : std::string(); }

Change change(ChangeKind kind, std::string subject, std::string title, std::string before, std::string after,
              bool north_star = false) {
    return Change{kind, std::move(subject), std::move(title), std::move(before), std::move(after),
                  "",   std::nullopt,       north_star};
}

std::string text(const Field<std::string>& f) { return f.value_or(""); }
std::string joined(const std::optional<std::vector<std::string>>& texts) {
    return texts ? fmt::format("{}", fmt::join(*texts, ", ")) : std::string();
}
std::string display(const Epic& e) { return e.title ? *e.title : text(e.id); }
std::string display(const KeyResult& k) { return k.title ? *k.title : text(k.id); }
std::string_view view(const Field<std::string>& f) { return f ? std::string_view(*f) : std::string_view(); }

// Whether epic_field() gives a field the same texts in two versions, without building them.
template <class T>
bool same_texts(const Field<T>& a, const Field<T>& b) {
    return a.value == b.value;
}
bool same_texts(const std::vector<Field<std::string>>& a, const std::vector<Field<std::string>>& b) {
    auto i = a.begin(), j = b.begin();
    for (;;) {
        while (i != a.end() && !*i) ++i;
        while (j != b.end() && !*j) ++j;
        if (i == a.end() || j == b.end()) return i == a.end() && j == b.end();
        if (i->value != j->value) return false;
        ++i, ++j;
    }
}

// The fields (fields.hpp) whose texts differ between two versions of an epic. Both are
// visited in the same order, so each field of `a` meets the same field of `b`. Nothing is
// built for an epic that did not change: most epics of most commits (issue 17).
std::vector<std::string_view> differing_fields(const Epic& a, const Epic& b) {
    std::array<const void*, 32> theirs{};
    std::size_t n = 0;
    for_each_field(b, [&](std::string_view, const auto& f) {
        if (n == theirs.size()) throw std::logic_error("differing_fields: an epic has more fields than it holds");
        theirs[n++] = &f;
    });
    std::vector<std::string_view> out;
    std::size_t i = 0;
    for_each_field(a, [&](std::string_view name, const auto& f) {
        using F = std::remove_cvref_t<decltype(f)>;
        if (!same_texts(f, *static_cast<const F*>(theirs[i++]))) out.push_back(name);
    });
    return out;
}

}  // namespace

std::string format_value(double v) {
    if (std::isfinite(v) && v == std::round(v) && std::abs(v) < 1e15)
        return fmt::format("{}", static_cast<long long>(v));
    return fmt::format("{}", v);
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
        case ChangeKind::field_changed:
            return "epic-field-changed";
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

void compare_measure(const KeyResult& a, const KeyResult& b, const std::string& subject, const std::string& title,
                     bool north_star, std::vector<Change>& out) {
    auto measure = [&](ChangeKind kind, const Field<double>& before, const Field<double>& after) {
        if (before.value == after.value) return;
        Change c = change(kind, subject, title, optional_value(before.value), optional_value(after.value), north_star);
        c.before_value = before.value;
        c.after_value = after.value;
        out.push_back(std::move(c));
    };
    measure(ChangeKind::target_changed, a.target, b.target);
    measure(ChangeKind::current_changed, a.current, b.current);
}

}  // namespace

std::vector<Change> compare(const Snapshot& a, const Snapshot& b) {
    std::vector<Change> out;
    // Two states of one roadmap (a commit that changed nothing in it shares the state before).
    if (a.present() == b.present() && &a.roadmap() == &b.roadmap()) return out;
    const RoadmapIndex& ia = a.index();
    const RoadmapIndex& ib = b.index();
    auto period_text = [](const std::optional<Period>& p) {
        return p ? fmt::format("{} ({} to {})", p->label, p->start.iso(), p->end.iso()) : std::string();
    };
    const std::optional<Period> pa = a.period(), pb = b.period();
    if (pa.has_value() != pb.has_value() || (pa && (pa->start != pb->start || pa->end != pb->end)))
        out.push_back(change(ChangeKind::period_changed, "period", "", period_text(pa), period_text(pb)));

    for (const std::string& id : ib.stream_ids)
        if (!ia.stream(id)) {
            const std::string title = text(ib.stream(id)->title);
            out.push_back(change(ChangeKind::stream_added, id, title, "", title));
        }
    for (const std::string& id : ia.stream_ids)
        if (!ib.stream(id)) {
            const std::string title = text(ia.stream(id)->title);
            out.push_back(change(ChangeKind::stream_removed, id, title, title, ""));
        }

    for (std::size_t at = 0; at < ib.epic_ids.size(); ++at) {
        const std::string& id = ib.epic_ids[at];
        const EpicRef& now = ib.epic_refs[at];
        const Epic& e = *now.epic;
        const std::string_view stream = view(now.stream->id);
        // Most epics keep their place from one state to the next: found there without a lookup.
        const EpicRef was = at < ia.epic_ids.size() && ia.epic_ids[at] == id ? ia.epic_refs[at] : ia.epic(id);
        if (!was.epic) {
            out.push_back(change(ChangeKind::epic_added, id, display(e), "", std::string(stream)));
            continue;
        }
        const Epic& w = *was.epic;
        if (const std::string_view before = view(was.stream->id); before != stream)
            out.push_back(change(ChangeKind::epic_moved, id, display(e), std::string(before), std::string(stream)));
        if (w.effective_status() != e.effective_status())
            out.push_back(change(ChangeKind::status_changed, id, display(e),
                                 std::string(to_string(w.effective_status())),
                                 std::string(to_string(e.effective_status()))));
        if (view(w.owner) != view(e.owner))
            out.push_back(change(ChangeKind::owner_changed, id, display(e), text(w.owner), text(e.owner)));
        if (w.due.value != e.due.value) {
            Change c =
                change(ChangeKind::due_changed, id, display(e), w.due ? w.due->iso() : "", e.due ? e.due->iso() : "");
            if (w.due && e.due) c.days = *e.due - *w.due;
            out.push_back(std::move(c));
        }
        // Every other key the format table marks: one generic change, no code per key.
        const std::vector<std::string_view> differing = differing_fields(w, e);
        if (differing.empty()) continue;
        for (const format::Key& k : format::keys(format::Entity::epic)) {
            if (!k.diffed || std::find(differing.begin(), differing.end(), k.name) == differing.end()) continue;
            const auto before = epic_field(w, k.name), after = epic_field(e, k.name);
            Change c = change(ChangeKind::field_changed, id, display(e), joined(before), joined(after));
            c.field = k.name;
            out.push_back(std::move(c));
        }
    }
    for (const std::string& id : ia.epic_ids)
        if (!ib.epic(id).epic) {
            const EpicRef was = ia.epic(id);
            out.push_back(change(ChangeKind::epic_removed, id, display(*was.epic), text(was.stream->id), ""));
        }

    for (const std::string& id : ib.key_result_ids) {
        const KeyResultRef now = ib.key_result(id);
        const KeyResultRef was = ia.key_result(id);
        if (!was.key_result) {
            out.push_back(change(ChangeKind::kr_added, id, display(*now.key_result), "", text(now.objective->id)));
            continue;
        }
        compare_measure(*was.key_result, *now.key_result, id, display(*now.key_result), false, out);
    }
    for (const std::string& id : ia.key_result_ids)
        if (!ib.key_result(id).key_result) {
            const KeyResultRef was = ia.key_result(id);
            out.push_back(change(ChangeKind::kr_removed, id, display(*was.key_result), text(was.objective->id), ""));
        }

    if (a.north_star() && b.north_star()) {
        const KeyResult& ns = *b.north_star();
        compare_measure(*a.north_star(), ns, ns.id ? *ns.id : std::string(undeclared_north_star),
                        ns.title ? *ns.title : "North Star", true, out);
    }
    return out;
}

DiffContent build_diff(const Snapshot& a, const Snapshot& b, DiffSide from, DiffSide to, std::string path) {
    DiffContent d{std::move(path), std::move(from), std::move(to), compare(a, b), 0, {}, {}};
    for (std::size_t i = 0; i < d.changes.size(); ++i) {
        ++d.counts[d.changes[i].kind];
        if (d.changes[i].kind == ChangeKind::target_changed) d.goalposts.push_back(i);
    }
    d.targets_moved = d.goalposts.size();
    return d;
}

}  // namespace boussole
