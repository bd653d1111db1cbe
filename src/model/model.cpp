#include "boussole/model.hpp"

#include "boussole/format.hpp"

#include <algorithm>
#include <numeric>

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

std::string_view to_string(Pace p) {
    switch (p) {
        case Pace::no_data:
            return "no data";
        case Pace::on_track:
            return "on track";
        case Pace::behind_pace:
            return "behind pace";
        case Pace::at_risk:
            return "at risk";
    }
    return "no data";
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
    return std::clamp(p, 0.0, 1.0);
}

std::optional<double> KeyResult::progress() const {
    return key_result_progress(baseline.value, target.value, current.value);
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
            if (e.effective_status() == EpicStatus::dropped) continue;
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

std::optional<double> Roadmap::progress() const {
    std::vector<const std::vector<Epic>*> lists;
    lists.reserve(streams.size());
    for (const Stream& s : streams) lists.push_back(&s.epics);
    return mean_progress(lists);
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

using EpicReader = std::vector<std::string> (*)(const Epic&);
// One line per epic key that can be read as text (tasks cannot).
constexpr std::pair<std::string_view, EpicReader> epic_readers[] = {
    {"id", [](const Epic& e) { return texts(e.id); }},
    {"title", [](const Epic& e) { return texts(e.title); }},
    {"owner", [](const Epic& e) { return texts(e.owner); }},
    {"contributors", [](const Epic& e) { return texts(e.contributors); }},
    {"status", [](const Epic& e) { return texts(e.status); }},
    {"priority", [](const Epic& e) { return texts(e.priority); }},
    {"start", [](const Epic& e) { return texts(e.start); }},
    {"due", [](const Epic& e) { return texts(e.due); }},
    {"estimate", [](const Epic& e) { return texts(e.estimate); }},
    {"deliverables", [](const Epic& e) { return texts(e.deliverables); }},
    {"depends_on", [](const Epic& e) { return texts(e.depends_on); }},
    {"key_results", [](const Epic& e) { return texts(e.key_results); }},
    {"dropped_reason", [](const Epic& e) { return texts(e.dropped_reason); }},
};
}  // namespace

std::optional<std::vector<std::string>> epic_field(const Epic& e, std::string_view key) {
    for (const auto& [name, read] : epic_readers)
        if (name == key) return read(e);
    return std::nullopt;
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
            add(epics, epic_ids, e.id, EpicRef{&s, &e});
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
    const auto it = map.find(std::string(id));
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

template <class T>
void visit(Field<T>& f, const PosFn& fn) {
    fn(f.pos);
}
template <class T>
void visit(std::vector<Field<T>>& fs, const PosFn& fn) {
    for (Field<T>& f : fs) fn(f.pos);
}

void visit(KeyResult& k, const PosFn& fn) {
    fn(k.pos);
    for (auto* f : {&k.id, &k.title, &k.metric, &k.unit, &k.owner}) visit(*f, fn);
    for (auto* f : {&k.baseline, &k.target, &k.current, &k.confidence}) visit(*f, fn);
}

void visit(Task& t, const PosFn& fn) {
    fn(t.pos);
    for (auto* f : {&t.id, &t.title, &t.owner}) visit(*f, fn);
    visit(t.status, fn);
    visit(t.due, fn);
}

void visit(Epic& e, const PosFn& fn) {
    fn(e.pos);
    for (auto* f : {&e.id, &e.title, &e.owner, &e.priority, &e.estimate, &e.dropped_reason}) visit(*f, fn);
    for (auto* f : {&e.contributors, &e.deliverables, &e.depends_on, &e.key_results}) visit(*f, fn);
    visit(e.status, fn);
    visit(e.start, fn);
    visit(e.due, fn);
    for (Task& t : e.tasks) visit(t, fn);
}

}  // namespace

void for_each_position(Roadmap& r, const PosFn& fn) {
    for (RoadmapInfo& info : r.roadmap_blocks) {
        fn(info.pos);
        for (auto* f : {&info.name, &info.team, &info.mission}) visit(*f, fn);
        visit(info.period, fn);
        if (info.north_star) visit(*info.north_star, fn);
        for (RuleSetting& s : info.lint.rules) visit(s.rule, fn);
        for (auto& [path, option] : info.lint.options) visit(option, fn);
        for (auto* f : {&info.report.max_open_epics, &info.report.stale_after_days}) visit(*f, fn);
    }
    for (Person& p : r.people) {
        fn(p.pos);
        for (auto* f : {&p.id, &p.name, &p.role, &p.email}) visit(*f, fn);
        visit(p.responsibilities, fn);
    }
    for (Metric& m : r.metrics) {
        fn(m.pos);
        for (auto* f : {&m.id, &m.name, &m.unit, &m.definition, &m.dashboard, &m.owner}) visit(*f, fn);
    }
    for (Objective& o : r.objectives) {
        fn(o.pos);
        for (auto* f : {&o.id, &o.title, &o.owner}) visit(*f, fn);
        for (KeyResult& k : o.key_results) visit(k, fn);
    }
    for (Stream& s : r.streams) {
        fn(s.pos);
        for (auto* f : {&s.id, &s.title, &s.owner, &s.description}) visit(*f, fn);
        visit(s.kind, fn);
        for (Epic& e : s.epics) visit(e, fn);
    }
    for (Finding& f : r.load_findings) fn(f.pos);
}

}  // namespace boussole
