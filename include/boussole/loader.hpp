#pragma once
/// Reading a roadmap file or directory into the model. The only code that knows YAML.

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

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

/// One roadmap file held in memory (read from git history): its path relative to the PATH
/// read (empty when PATH is the file itself) and its bytes.
struct FileText {
    std::string relative;
    std::string text;
};

/// Reads files held in memory exactly as load_roadmap reads files on disk, in the order given;
/// `root` is the PATH they were found under (display paths are built from it).
Roadmap load_roadmap_from_texts(const std::string& root, const std::vector<FileText>& files,
                                const LoadOptions& options = {});

/// True for a name that a directory walk reads as a roadmap file (`.yaml`/`.yml`) and for
/// which FORMAT.md's rules hold (hidden names start with '.').
bool is_yaml_file_name(std::string_view name);

/// Lists the roadmap files under `path` in reading order, as (absolute path, relative path).
std::vector<std::pair<std::string, std::string>> list_roadmap_files(const std::string& path);

}  // namespace boussole
