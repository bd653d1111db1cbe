// Unreadable files read at their last readable version: the states the recap and the report
// read go through one UnreadableCarrier, so that a file that does not parse for a while is not
// read as removed and added again.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "boussole/plan.hpp"

namespace boussole {

namespace {

// The first syntax error of each file of `r` that could not be parsed, by file index (the
// files Roadmap::unreadable_files() names).
std::map<std::uint32_t, const Finding*> unreadable_by_file(const Roadmap& r) {
    std::map<std::uint32_t, const Finding*> out;
    for (const Finding& f : r.load_findings)
        if (f.rule == RuleId::yaml_syntax && f.pos.file < r.files.size()) out.try_emplace(f.pos.file, &f);
    return out;
}

template <class T>
void take(std::vector<T>& to, const std::vector<T>& from, std::uint32_t file) {
    for (const T& x : from)
        if (x.pos.file == file) to.push_back(x);
}

// What one file of `r` holds, as a roadmap of its own.
Roadmap part_of(const Roadmap& r, std::uint32_t file) {
    Roadmap out;
    take(out.roadmap_blocks, r.roadmap_blocks, file);
    take(out.people, r.people, file);
    take(out.metrics, r.metrics, file);
    take(out.objectives, r.objectives, file);
    take(out.streams, r.streams, file);
    return out;
}

}  // namespace

struct UnreadableCarrier::Impl {
    PlanState carry(PlanState state) {
        const std::size_t i = states_++;
        const Roadmap& now = state.snapshot.roadmap();
        const auto bad = unreadable_by_file(now);
        const RecapState here{state.label, state.date, state.summary};
        if (bad.empty() || !state.snapshot.present()) {
            for (const SourceFile& f : now.files) last_readable_[f.relative_path] = {state.snapshot, here};
            return state;
        }
        Roadmap carried;
        carried.root = now.root;
        carried.files = now.files;
        carried.load_findings = now.load_findings;
        carried.unparsable_files = now.unparsable_files;
        std::vector<std::pair<std::string, Snapshot>> readable;
        for (std::uint32_t k = 0; k < now.files.size(); ++k) {
            const std::string& path = now.files[k].relative_path;
            const auto b = bad.find(k);
            if (b == bad.end()) {
                Roadmap part = part_of(now, k);
                append_entities(carried, part);
                readable.emplace_back(path, state.snapshot);
                continue;
            }
            // A run of states where this file cannot be read: extend the one of the state before.
            auto o = open_.find(path);
            if (o != open_.end() && o->second.first + 1 == i) {
                UnreadableFile& run = runs_[o->second.second];
                run.last = here;
                ++run.states;
                o->second.first = i;
            }
            const auto used = last_readable_.find(path);
            if (o == open_.end() || o->second.first != i) {
                UnreadableFile run{now.files[k].display_path,
                                   b->second->pos.line,
                                   b->second->pos.column,
                                   b->second->message,
                                   here,
                                   here,
                                   1,
                                   std::nullopt};
                if (used != last_readable_.end()) run.used = used->second.when;
                open_[path] = {i, runs_.size()};
                runs_.push_back(std::move(run));
            }
            if (used == last_readable_.end()) continue;  // never readable before: nothing to stand in for it
            const Roadmap& was = used->second.snapshot.roadmap();
            for (std::uint32_t j = 0; j < was.files.size(); ++j) {
                if (was.files[j].relative_path != path) continue;
                Roadmap part = part_of(was, j);
                for_each_position(part, [k](SourcePos& pos) { pos.file = k; });
                append_entities(carried, part);
            }
        }
        // The readable files of this state are what a later one stands in with.
        for (auto& [path, snapshot] : readable) last_readable_[path] = {snapshot, here};
        state.snapshot = Snapshot(std::move(carried));
        return state;
    }

    struct Readable {
        Snapshot snapshot;
        RecapState when;
    };
    std::vector<UnreadableFile> runs_;
    std::size_t states_ = 0;                                           // how many states were read
    std::map<std::string, Readable> last_readable_;                    // path -> the last state it parsed in
    std::map<std::string, std::pair<std::size_t, std::size_t>> open_;  // path -> (last state, run)
};

UnreadableCarrier::UnreadableCarrier() : impl_(std::make_unique<Impl>()) {}
UnreadableCarrier::UnreadableCarrier(UnreadableCarrier&&) noexcept = default;
UnreadableCarrier& UnreadableCarrier::operator=(UnreadableCarrier&&) noexcept = default;
UnreadableCarrier::~UnreadableCarrier() = default;

PlanState UnreadableCarrier::carry(PlanState state) { return impl_->carry(std::move(state)); }

const std::vector<UnreadableFile>& UnreadableCarrier::unreadable() const { return impl_->runs_; }

}  // namespace boussole
