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

}  // namespace boussole
