#pragma once
/// Reading a roadmap file or directory into the model. The only code that knows YAML.

#include <stdexcept>
#include <string>
#include <string_view>

#include "boussole/model.hpp"

namespace boussole {

/// A PATH that cannot be read at all (missing, unreadable): a usage error, exit 2.
struct PathError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Options for reading a roadmap.
struct LoadOptions {
    unsigned threads = 0;  ///< parser threads; 0 = one per core
};

/// Reads the file or directory `path` (FORMAT.md: order, hidden files, links, documents).
/// Problems in the files become `Roadmap::load_findings`; throws PathError when `path`
/// itself cannot be read.
Roadmap load_roadmap(const std::string& path, const LoadOptions& options = {});

/// Reads one YAML text as if it were a file named `display_path` (for tests and tools).
Roadmap load_roadmap_from_string(std::string_view text, const std::string& display_path = "roadmap.yaml");

/// Lists the roadmap files under `path` in reading order, as (absolute path, relative path).
std::vector<std::pair<std::string, std::string>> list_roadmap_files(const std::string& path);

}  // namespace boussole
