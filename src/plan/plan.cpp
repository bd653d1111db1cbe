// The plan as comparable facts, and the semantic changes between two of its states.
#include "boussole/plan.hpp"

#include <cmath>

#include <fmt/format.h>

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

    for (const std::string& id : ib.epic_ids) {
        const EpicRef now = ib.epic(id);
        const Epic& e = *now.epic;
        const std::string stream = text(now.stream->id);
        const EpicRef was = ia.epic(id);
        if (!was.epic) {
            out.push_back(change(ChangeKind::epic_added, id, display(e), "", stream));
            continue;
        }
        const Epic& w = *was.epic;
        if (const std::string before = text(was.stream->id); before != stream)
            out.push_back(change(ChangeKind::epic_moved, id, display(e), before, stream));
        if (w.effective_status() != e.effective_status())
            out.push_back(change(ChangeKind::status_changed, id, display(e),
                                 std::string(to_string(w.effective_status())),
                                 std::string(to_string(e.effective_status()))));
        if (text(w.owner) != text(e.owner))
            out.push_back(change(ChangeKind::owner_changed, id, display(e), text(w.owner), text(e.owner)));
        if (w.due.value != e.due.value) {
            Change c =
                change(ChangeKind::due_changed, id, display(e), w.due ? w.due->iso() : "", e.due ? e.due->iso() : "");
            if (w.due && e.due) c.days = *e.due - *w.due;
            out.push_back(std::move(c));
        }
        // Every other key the format table marks: one generic change, no code per key.
        for (const format::Key& k : format::keys(format::Entity::epic)) {
            if (!k.diffed) continue;
            const auto before = epic_field(w, k.name), after = epic_field(e, k.name);
            if (before == after) continue;
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
