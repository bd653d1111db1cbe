#include "boussole/model.hpp"

#include <algorithm>
#include <numeric>

#include "boussole/fields.hpp"
#include "boussole/format.hpp"
#include "boussole/spell.hpp"

namespace boussole {

std::string_view to_string(Severity s) { return severity_spellings[static_cast<std::size_t>(s)]; }

std::optional<Severity> parse_severity(std::string_view t) {
    for (std::size_t i = 0; i < severity_spellings.size(); ++i)
        if (severity_spellings[i] == t) return static_cast<Severity>(i);
    return std::nullopt;
}

std::string severity_choices() {
    std::string out;
    for (std::size_t i = 0; i < severity_spellings.size(); ++i) {
        if (i > 0) out += i + 1 == severity_spellings.size() ? " or " : ", ";
        out += severity_spellings[i];
    }
    return out;
}

std::string_view to_string(EpicStatus s) { return format::epic_statuses[static_cast<std::size_t>(s)]; }

std::string_view to_string(TaskStatus s) { return format::task_statuses[static_cast<std::size_t>(s)]; }

std::string_view to_string(StreamKind k) { return format::stream_kinds[static_cast<std::size_t>(k)]; }

std::string_view to_string(Language l) { return l == Language::fr ? "fr" : "en"; }

std::optional<Language> language_named(std::string_view s) {
    if (s == "en") return Language::en;
    if (s == "fr") return Language::fr;
    return std::nullopt;
}

std::string_view to_string(Cadence c) { return format::cadences[static_cast<std::size_t>(c)]; }

int cadence_days(Cadence c) {
    switch (c) {
        case Cadence::weekly:
            return 7;
        case Cadence::biweekly:
            return 14;
        case Cadence::monthly:
            return 31;
        case Cadence::quarterly:
            return 92;
    }
    return 14;
}

std::string_view to_string(Pace p) {
    switch (p) {
        case Pace::no_data:
            return "no-data";
        case Pace::on_track:
            return "on-track";
        case Pace::behind_pace:
            return "behind-pace";
        case Pace::at_risk:
            return "at-risk";
    }
    return "no-data";
}

Pace pace_of(std::optional<double> score, double elapsed_share) {
    if (!score) return Pace::no_data;
    const double gap = elapsed_share - *score;
    // A small tolerance: a week behind on a quarter is still on track.
    if (gap <= 0.10 + 1e-9) return Pace::on_track;
    if (gap <= 0.25 + 1e-9) return Pace::behind_pace;
    return Pace::at_risk;
}

std::optional<double> key_result_progress(std::optional<double> baseline, std::optional<double> target,
                                          std::optional<double> current) {
    if (!baseline || !target || !current || *target == *baseline) return std::nullopt;
    const double p = (*current - *baseline) / (*target - *baseline);
    // No distance covered is a plain 0, never -0.0 (which a metric that must go down gives).
    return p <= 0.0 ? 0.0 : std::min(p, 1.0);
}

std::optional<double> KeyResult::progress() const {
    return key_result_progress(baseline.value, target.value, current.value);
}

std::vector<std::string> Epic::helpers() const {
    std::vector<std::string> out;
    for (const Field<std::string>& c : contributors)
        if (c && *c != owner.value_or("") && std::find(out.begin(), out.end(), *c) == out.end()) out.push_back(*c);
    return out;
}

double Epic::progress() const {
    std::size_t counted = 0, done = 0;
    for (const Task& t : tasks) {
        const TaskStatus s = t.effective_status();
        if (s == TaskStatus::dropped) continue;
        ++counted;
        if (s == TaskStatus::done) ++done;
    }
    if (counted == 0) return effective_status() == EpicStatus::done ? 1.0 : 0.0;
    return static_cast<double>(done) / static_cast<double>(counted);
}

namespace {
template <class Epics>
std::optional<double> mean_progress(const Epics& epic_lists) {
    double sum = 0;
    std::size_t n = 0;
    for (const std::vector<Epic>* epics : epic_lists) {
        for (const Epic& e : *epics) {
            if (e.effective_status() == EpicStatus::dropped || e.proposed()) continue;
            sum += e.progress();
            ++n;
        }
    }
    if (n == 0) return std::nullopt;
    return sum / static_cast<double>(n);
}
}  // namespace

std::optional<double> Stream::progress() const {
    const std::vector<const std::vector<Epic>*> lists{&epics};
    return mean_progress(lists);
}

std::optional<double> Roadmap::planned_progress() const {
    std::vector<const std::vector<Epic>*> lists;
    for (const Stream& s : streams)
        if (!s.is_run()) lists.push_back(&s.epics);
    return mean_progress(lists);
}

std::vector<std::string> Roadmap::unreadable_files() const {
    std::vector<std::string> out;
    std::vector<bool> named(files.size());
    for (const Finding& f : load_findings) {
        if (f.rule != RuleId::yaml_syntax || f.pos.file >= files.size() || named[f.pos.file]) continue;
        named[f.pos.file] = true;
        out.push_back(files[f.pos.file].display_path + ":" + std::to_string(f.pos.line) + ":" +
                      std::to_string(f.pos.column) + ": " + f.message);
    }
    return out;
}

std::size_t Roadmap::planned_epics() const {
    std::size_t n = 0;
    for (const Stream& s : streams)
        for (const Epic& e : s.epics) n += is_planned_work(s, e) ? 1 : 0;
    return n;
}

namespace {
std::vector<std::string> texts(const Field<std::string>& f) {
    return f ? std::vector<std::string>{*f} : std::vector<std::string>{};
}
std::vector<std::string> texts(const Field<Date>& f) {
    return f ? std::vector<std::string>{f->iso()} : std::vector<std::string>{};
}
std::vector<std::string> texts(const Field<EpicStatus>& f) {
    return f ? std::vector<std::string>{std::string(to_string(*f))} : std::vector<std::string>{};
}
std::vector<std::string> texts(const std::vector<Field<std::string>>& fs) {
    std::vector<std::string> out;
    for (const Field<std::string>& f : fs)
        if (f) out.push_back(*f);
    return out;
}

}  // namespace

std::optional<std::vector<std::string>> epic_field(const Epic& e, std::string_view key) {
    std::optional<std::vector<std::string>> out;
    for_each_field(e, [&](std::string_view name, const auto& field) {
        if (name == key) out = texts(field);
    });
    return out;
}

}  // namespace boussole

namespace boussole {

RoadmapIndex::RoadmapIndex(const Roadmap& r) {
    auto add = [](auto& map, std::vector<std::string>& ids, const Field<std::string>& id, auto entity) {
        if (id && map.emplace(*id, entity).second) ids.push_back(*id);
    };
    for (const Person& p : r.people) add(people, person_ids, p.id, &p);
    for (const Metric& m : r.metrics) add(metrics, metric_ids, m.id, &m);
    for (const Stream& s : r.streams) {
        add(streams, stream_ids, s.id, &s);
        anonymous += s.id ? 0 : 1;
        for (const Epic& e : s.epics) {
            const std::size_t before = epic_ids.size();
            add(epics, epic_ids, e.id, EpicRef{&s, &e, before});
            if (epic_ids.size() > before) epic_refs.push_back(EpicRef{&s, &e, before});
            anonymous += e.id ? 0 : 1;
        }
    }
    for (const Objective& o : r.objectives)
        for (const KeyResult& kr : o.key_results) {
            add(key_results, key_result_ids, kr.id, KeyResultRef{&o, &kr});
            anonymous += kr.id ? 0 : 1;
        }
}

namespace {
template <class Map>
auto lookup(const Map& map, std::string_view id) -> typename Map::mapped_type {
    const auto it = map.find(id);
    return it == map.end() ? typename Map::mapped_type{} : it->second;
}
}  // namespace

const Person* RoadmapIndex::person(std::string_view id) const { return lookup(people, id); }
const Stream* RoadmapIndex::stream(std::string_view id) const { return lookup(streams, id); }
EpicRef RoadmapIndex::epic(std::string_view id) const { return lookup(epics, id); }
KeyResultRef RoadmapIndex::key_result(std::string_view id) const { return lookup(key_results, id); }

std::string_view RoadmapIndex::person_name(std::string_view id) const {
    const Person* p = person(id);
    return p && p->name ? std::string_view(*p->name) : id;
}

namespace {

// The entities of `map` (indexed in the order of `ids`) that `written` most likely stands for:
// the closest by a typo of their id or by their name.
template <class Map>
std::vector<NameMatch> written_as(std::string_view written, const Map& map, const std::vector<std::string>& ids) {
    std::vector<NameMatch> out;
    if (map.contains(std::string(written))) return out;
    const std::size_t limit = typo_limit(written);
    std::size_t best = limit + 1;
    for (const std::string& id : ids) {
        const auto* entity = map.at(id);
        NameMatch m{id, entity->name ? std::string_view(*entity->name) : std::string_view(), false};
        std::size_t d = edit_distance(written, id);
        if (!m.name.empty())
            if (const auto n = name_distance(written, m.name); n && *n < d) {
                d = *n;
                m.by_name = true;
            }
        if (d > limit || d > best) continue;
        if (d < best) out.clear();
        best = d;
        out.push_back(m);
    }
    return out;
}

}  // namespace

std::vector<NameMatch> RoadmapIndex::people_written_as(std::string_view written) const {
    return written_as(written, people, person_ids);
}

std::vector<NameMatch> RoadmapIndex::metrics_written_as(std::string_view written) const {
    return written_as(written, metrics, metric_ids);
}

std::string_view RoadmapIndex::unit_of(const KeyResult& kr) const {
    if (kr.unit) return *kr.unit;
    if (kr.metric)
        if (const Metric* m = lookup(metrics, *kr.metric); m && m->unit) return *m->unit;
    return {};
}

Snapshot::Snapshot() : Snapshot(Roadmap{}) { present_ = false; }

Snapshot::Snapshot(Roadmap roadmap)
    : roadmap_(std::make_shared<const Roadmap>(std::move(roadmap))),
      index_(std::make_shared<const RoadmapIndex>(*roadmap_)),
      present_(true) {}

std::optional<Period> Snapshot::period() const {
    const RoadmapInfo* info = roadmap_->info();
    return info ? info->period.value : std::nullopt;
}

const KeyResult* Snapshot::north_star() const {
    const RoadmapInfo* info = roadmap_->info();
    return info && info->north_star ? &*info->north_star : nullptr;
}

namespace {

using PosFn = std::function<void(SourcePos&)>;

// The positions of every field of an entity (fields.hpp lists them), and of the entity itself.
template <class Entity>
void visit_fields(Entity& entity, const PosFn& fn) {
    fn(entity.pos);
    for_each_field(entity, [&](std::string_view, auto& field) {
        if constexpr (requires { field.pos; }) {
            fn(field.pos);
        } else {
            for (auto& item : field) fn(item.pos);
        }
    });
}

}  // namespace

void for_each_position(Roadmap& r, const PosFn& fn) {
    for (RoadmapInfo& info : r.roadmap_blocks) {
        visit_fields(info, fn);
        if (info.north_star) visit_fields(*info.north_star, fn);
        for (RuleSetting& s : info.lint.rules) fn(s.rule.pos);
        for (auto& [path, option] : info.lint.options) fn(option.pos);
        for_each_field(info.report, [&](std::string_view, auto& field) { fn(field.pos); });
    }
    for (Person& p : r.people) visit_fields(p, fn);
    for (Metric& m : r.metrics) visit_fields(m, fn);
    for (Objective& o : r.objectives) {
        visit_fields(o, fn);
        for (KeyResult& k : o.key_results) visit_fields(k, fn);
    }
    for (Stream& s : r.streams) {
        visit_fields(s, fn);
        for (Epic& e : s.epics) {
            visit_fields(e, fn);
            for (Task& t : e.tasks) visit_fields(t, fn);
        }
    }
    for (Finding& f : r.load_findings) fn(f.pos);
}

namespace {

template <class T>
void append(std::vector<T>& to, std::vector<T>& from) {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
    from.clear();
}

}  // namespace

void append_entities(Roadmap& to, Roadmap& from) {
    append(to.roadmap_blocks, from.roadmap_blocks);
    append(to.people, from.people);
    append(to.metrics, from.metrics);
    append(to.objectives, from.objectives);
    append(to.streams, from.streams);
}

void place_positions(Roadmap& r, std::int64_t lines, std::int64_t columns, std::uint32_t file) {
    for_each_position(r, [&](SourcePos& p) {
        if (!p.valid()) return;
        p.line = static_cast<std::uint32_t>(p.line + lines);
        p.column = static_cast<std::uint32_t>(p.column + columns);
        p.file = file;
    });
}

}  // namespace boussole
