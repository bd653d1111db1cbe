#pragma once
// How the JSON documents of the status report and the recap write a value: the one spelling of
// a number, a date, an absent value, shared so that both read alike. Members keep the order they
// are written in (ordered_json), the order of the content structs and of the schemas. Only files
// of src/report include this (it needs nlohmann-json).

#include <cmath>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "boussole/date.hpp"
#include "boussole/plan.hpp"

namespace boussole::json_value {

using json = nlohmann::ordered_json;

// A number as a JSON number: whole ones as integers (104000, not 104000.0), others as the
// shortest decimal that reads back as the same double; not finite (which JSON cannot hold) as null.
inline json number(double v) {
    if (!std::isfinite(v)) return nullptr;
    if (v == std::round(v) && std::abs(v) < 1e15) return static_cast<long long>(v);
    return v;
}
inline json number(const std::optional<double>& v) { return v ? number(*v) : json(nullptr); }

// A text as written, or null when it was not written (empty).
inline json text(std::string_view s) { return s.empty() ? json(nullptr) : json(std::string(s)); }

// A date as ISO 8601 (YYYY-MM-DD), or null.
inline json date(Date d) { return d.iso(); }
inline json date(const std::optional<Date>& d) { return d ? json(d->iso()) : json(nullptr); }

// An optional whole number, or null.
inline json whole(const std::optional<int>& n) { return n ? json(*n) : json(nullptr); }

// A list of texts as written.
template <class Strings>
json texts(const Strings& list) {
    json out = json::array();
    for (const auto& s : list) out.push_back(std::string(s));
    return out;
}

// issue 15, burnup: the burn-up of planned work, alike in the report and the recap; null when none.
inline json burn_up(const std::optional<BurnUp>& b) {
    if (!b) return nullptr;
    json points = json::array();
    for (const BurnUpPoint& p : b->points)
        points.push_back(
            {{"date", date(p.date)}, {"scope", p.scope}, {"done", p.done}, {"added", p.added}, {"dropped", p.dropped}});
    return {{"start", date(b->start)}, {"end", date(b->end)},       {"as_of", date(b->as_of)},
            {"planned", b->planned},   {"or_before", b->or_before}, {"points", points}};
}

}  // namespace boussole::json_value
