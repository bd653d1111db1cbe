#pragma once
// The facts of successive versions of one roadmap file, without parsing each version whole.
//
// Most commits change a few lines inside one epic or one key result. When the lines that
// differ from the previous version lie inside consecutive items of one list (the epics of a
// stream, the key results of an objective), only those items are parsed again, by the same
// loader, and the facts of the rest are kept. This is exact under conditions checked on the
// text (no anchors, aliases, tabs, directives or document markers; the changed lines keep
// the list's block layout; the items parse cleanly and as many as their dashes), and any
// other change is parsed whole. tests/plan_test.cpp compares both ways on many edits.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "boussole/plan.hpp"

namespace boussole::incremental {

// One item of a block list: its lines [begin, end) (0-based, the dash line first) and whether
// it has facts (an id).
struct Item {
    std::size_t begin = 0, end = 0;
    bool has_fact = false;
};

// A block list of epics or of key results, with what its items' facts need from around it.
struct ItemList {
    enum Kind { epics, key_results } kind = epics;
    bool splittable = false;
    std::size_t dash = 0;  // the column of its dashes
    std::vector<Item> items;
    std::string owner_id, owner_title;  // the stream's, or the objective's
    StreamKind stream_kind = StreamKind::build;
};

// One version of a file: its facts and where its items are.
struct FileState {
    std::string relative;
    Snapshot facts;      // indexed
    bool clean = false;  // parsed without a syntax error: its items may be spliced
    std::vector<ItemList> lists;
};

// Parses a whole version.
FileState parse_whole(const std::string& relative, std::string_view text);

// The state of `next_text` from the previous version's, when only items changed; else empty.
std::optional<FileState> splice(const FileState& previous, std::string_view previous_text, std::string_view next_text);

// The state of `next_text`: spliced from the previous version when possible, else parsed whole.
FileState next_version(const FileState& previous, std::string_view previous_text, std::string_view next_text);

}  // namespace boussole::incremental
