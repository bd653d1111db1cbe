#pragma once
/// Which field of the model holds each key of the format (boussole/format.hpp): the loader
/// fills them by the key's type, missing-field checks those the format requires. Keys that hold
/// entities (epics, tasks, north_star...) are not fields. A test checks these lists against the
/// format table.

#include <concepts>
#include <string_view>
#include <type_traits>

#include "boussole/model.hpp"

namespace boussole {

/// True when `P` is `T` or `const T`.
template <class P, class T>
concept model_of = std::same_as<std::remove_const_t<P>, T>;

/// Calls fn(key, field) for each field of a person, in the format's order.
template <model_of<Person> P, class Fn>
void for_each_field(P& p, Fn&& fn) {
    fn("id", p.id);
    fn("name", p.name);
    fn("role", p.role);
    fn("email", p.email);
    fn("slack", p.slack);
    fn("responsibilities", p.responsibilities);
}

/// Calls fn(key, field) for each field of a metric, in the format's order.
template <model_of<Metric> M, class Fn>
void for_each_field(M& m, Fn&& fn) {
    fn("id", m.id);
    fn("name", m.name);
    fn("unit", m.unit);
    fn("definition", m.definition);
    fn("dashboard", m.dashboard);
    fn("owner", m.owner);
}

/// Calls fn(key, field) for each field of a key result or the north star, in the format's order.
template <model_of<KeyResult> K, class Fn>
void for_each_field(K& k, Fn&& fn) {
    fn("id", k.id);
    fn("title", k.title);
    fn("metric", k.metric);
    fn("unit", k.unit);
    fn("baseline", k.baseline);
    fn("target", k.target);
    fn("current", k.current);
    fn("checked_on", k.checked_on);
    fn("cadence", k.cadence);
    fn("confidence", k.confidence);
    fn("owner", k.owner);
}

/// Calls fn(key, field) for each field of an objective, in the format's order.
template <model_of<Objective> O, class Fn>
void for_each_field(O& o, Fn&& fn) {
    fn("id", o.id);
    fn("title", o.title);
    fn("owner", o.owner);
}

/// Calls fn(key, field) for each field of a stream, in the format's order.
template <model_of<Stream> S, class Fn>
void for_each_field(S& s, Fn&& fn) {
    fn("id", s.id);
    fn("title", s.title);
    fn("owner", s.owner);
    fn("kind", s.kind);
    fn("description", s.description);
}

/// Calls fn(key, field) for each field of an epic, in the format's order.
template <model_of<Epic> E, class Fn>
void for_each_field(E& e, Fn&& fn) {
    fn("id", e.id);
    fn("title", e.title);
    fn("owner", e.owner);
    fn("contributors", e.contributors);
    fn("status", e.status);
    fn("priority", e.priority);
    fn("start", e.start);
    fn("due", e.due);
    fn("estimate", e.estimate);
    fn("deliverables", e.deliverables);
    fn("depends_on", e.depends_on);
    fn("key_results", e.key_results);
    fn("dropped_reason", e.dropped_reason);
    fn("update", e.update);  // issue 14, item 2
}

/// Calls fn(key, field) for each field of a task, in the format's order.
template <model_of<Task> T, class Fn>
void for_each_field(T& t, Fn&& fn) {
    fn("title", t.title);
    fn("id", t.id);
    fn("owner", t.owner);
    fn("status", t.status);
    fn("due", t.due);
}

/// Calls fn(key, field) for each field of the roadmap block, in the format's order.
template <model_of<RoadmapInfo> R, class Fn>
void for_each_field(R& r, Fn&& fn) {
    fn("name", r.name);
    fn("team", r.team);
    fn("mission", r.mission);
    fn("champion", r.champion);
    fn("period", r.period);
    fn("language", r.language);
}

/// Calls fn(key, field) for each field of the report settings, in the format's order.
template <model_of<ReportSettings> R, class Fn>
void for_each_field(R& r, Fn&& fn) {
    fn("max_open_epics", r.max_open_epics);
    fn("stale_after_days", r.stale_after_days);
}

}  // namespace boussole
