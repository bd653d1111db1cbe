#pragma once
// What every rule file includes: the Rule type, the catalogue's declarations, and helpers.

#include <fmt/format.h>

#include "boussole/lint.hpp"

namespace boussole::rules {

#define BOUSSOLE_RULE(name, spelling) extern const Rule name;
#include "boussole/catalogue.def"
#undef BOUSSOLE_RULE

// "epic 'x'" when the entity has an id, else "an epic".
inline std::string name_of(std::string_view kind, const Field<std::string>& id) {
    if (id) return fmt::format("{} '{}'", kind, *id);
    const bool vowel = !kind.empty() && std::string_view("aeiou").find(kind.front()) != std::string_view::npos;
    return fmt::format("{} {}", vowel ? "an" : "a", kind);
}

// Where an earlier occurrence is, for "first at ..." messages: the line, and the file when
// it is another one.
inline std::string where(const Roadmap& r, SourcePos first, SourcePos here) {
    if (first.file == here.file || first.file >= r.files.size()) return fmt::format("line {}", first.line);
    return fmt::format("{}:{}", r.files[first.file].display_path, first.line);
}

// Where a roadmap-wide problem is reported: the roadmap block, else the first file's top.
inline SourcePos roadmap_pos(const Roadmap& r) {
    if (const RoadmapInfo* info = r.info()) return info->pos;
    return SourcePos{0, 1, 1, 0};
}

// Calls fn(stream, epic) for every epic in reading order.
template <class Fn>
void for_each_epic(const Roadmap& r, Fn fn) {
    for (const Stream& s : r.streams)
        for (const Epic& e : s.epics) fn(s, e);
}

// Calls fn(objective_or_null, key_result) for every key result, the north star included.
template <class Fn>
void for_each_key_result(const Roadmap& r, Fn fn, bool with_north_star) {
    if (with_north_star)
        if (const RoadmapInfo* info = r.info(); info && info->north_star) fn(nullptr, *info->north_star);
    for (const Objective& o : r.objectives)
        for (const KeyResult& kr : o.key_results) fn(&o, kr);
}

}  // namespace boussole::rules
