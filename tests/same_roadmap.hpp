#pragma once
// Two roadmaps hold the same thing: every entity, value and position, and the same findings in
// any order (lint sorts them). Used by the incremental reader's test and its fuzz target.

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "boussole/model.hpp"

namespace test {

inline bool same_roadmap(const boussole::Roadmap& a, const boussole::Roadmap& b) {
    auto findings = [](const boussole::Roadmap& r) {
        std::vector<std::tuple<std::string, std::uint32_t, std::uint32_t, std::uint32_t, std::uint32_t, std::string>>
            out;
        for (const boussole::Finding& f : r.load_findings)
            out.emplace_back(std::string(to_string(f.rule)), f.pos.file, f.pos.line, f.pos.column, f.pos.length,
                             f.message);
        std::sort(out.begin(), out.end());
        return out;
    };
    return a.roadmap_blocks == b.roadmap_blocks && a.people == b.people && a.metrics == b.metrics &&
           a.objectives == b.objectives && a.streams == b.streams && a.unparsable_files == b.unparsable_files &&
           findings(a) == findings(b);
}

}  // namespace test
