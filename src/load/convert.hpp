#pragma once
// From the YAML tree of one file to a partial roadmap (merged later in reading order).

#include <string_view>
#include <vector>

#include "boussole/format.hpp"
#include "boussole/model.hpp"
#include "load/yaml_tree.hpp"

namespace boussole::load {

// Converts every document of `file` into `out` (whose lists it appends to).
void convert_file(const yaml::ParsedFile& file, Roadmap& out);

// Reads `text`, a plain scalar of one line written at `pos` (not empty or null, with no tag,
// anchor or comment), as the value of key `k` into `f`, as the whole reading reads it there; its
// findings are appended to `findings`. The item-by-item reader re-reads a changed value so,
// without a parse. Defined for the field types of the model.
template <class T>
void read_plain_value(const format::Key& k, std::string_view text, SourcePos pos, Field<T>& f,
                      std::vector<Finding>& findings);

}  // namespace boussole::load
