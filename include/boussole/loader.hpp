#pragma once
/// Reading a roadmap file or directory into the model. The only code that knows YAML.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "boussole/error.hpp"
#include "boussole/model.hpp"

namespace boussole {

/// A PATH that cannot be read at all (missing, unreadable): a usage error, exit 2.
struct PathError : UsageError {
    using UsageError::UsageError;
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

struct FileLayout;

/// One version of one roadmap file, read on its own (its positions name file 0 until it is
/// placed), with where the items of its lists are, so that the next version can be read item by
/// item.
struct FileVersion {
    std::string relative;                      ///< its path relative to the PATH read
    Roadmap roadmap;                           ///< what this file alone holds
    std::uint32_t file = 0;                    ///< the file index its positions name
    std::shared_ptr<const FileLayout> layout;  ///< private to the loader; null when it cannot be spliced
    bool spliced = false;                      ///< read item by item from the previous version (else read whole)
    std::size_t values_read = 0;               ///< of them, values read again on their lines without a parse
};

/// Reads one version of a file whole.
FileVersion read_file_version(const std::string& relative, std::string_view text);

/// Makes the positions of `version` name file index `file` (the index merge_file_versions gives
/// it), so that merging it there copies it without going over its positions again; the
/// versions read from it name the same index. Nothing to do when they already do.
void place_file_version(FileVersion& version, std::uint32_t file);

/// Reads the version of a file that follows `previous`. When each hunk of lines that changed
/// lies inside consecutive items of one list (the epics of a stream, the key results of an
/// objective) or inside the `roadmap:` block, and both versions parse without a syntax error,
/// only those items (or that block) are parsed again
/// and the rest is kept (moved by the change in length of the hunks before it); otherwise the
/// text is read whole. BOUSSOLE_HISTORY_STATS=1 prints at exit how many versions were read each way. Either way the
/// result equals read_file_version(next_text), placed where `previous` is, but for the order of
/// `load_findings` (which lint sorts): tests/versions_test.cpp checks it on thousands of edits.
FileVersion read_next_file_version(const FileVersion& previous, std::string_view previous_text,
                                   std::string_view next_text);

/// One roadmap of files read on their own, merged in the order given as load_roadmap merges
/// the files it reads; `root` is the PATH they were found under.
Roadmap merge_file_versions(const std::string& root, const std::vector<const FileVersion*>& files);

/// True for a name that a directory walk reads as a roadmap file (`.yaml`/`.yml`) and for
/// which FORMAT.md's rules hold (hidden names start with '.').
bool is_yaml_file_name(std::string_view name);

/// Lists the roadmap files under `path` in reading order, as (path, relative path). Nothing
/// is opened while listing; no symbolic link is followed out of the tree, and each real folder
/// and file is listed once. Each entry skipped that a user may have meant to be read (a link
/// out of the tree, dangling or looping; a named pipe, socket or device with a YAML name; a
/// folder reached again through a link) gets one sentence in `notes` when given.
std::vector<std::pair<std::string, std::string>> list_roadmap_files(const std::string& path,
                                                                    std::vector<std::string>* notes = nullptr);

}  // namespace boussole
