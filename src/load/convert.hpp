#pragma once
// From the YAML tree of one file to a partial roadmap (merged later in reading order).

#include "boussole/model.hpp"
#include "load/yaml_tree.hpp"

namespace boussole::load {

// Converts every document of `file` into `out` (whose lists it appends to).
void convert_file(const yaml::ParsedFile& file, Roadmap& out);

}  // namespace boussole::load
