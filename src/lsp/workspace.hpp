#pragma once
// The one workspace model of the server: the roadmap's files with their texts (the editor's
// unsaved text over the disk's), each read on its own and merged into the Roadmap that lint and
// every later feature (completion, definition, references, hover, rename) read.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "boussole/lint.hpp"
#include "boussole/loader.hpp"

namespace boussole::lsp {

// A document the editor has open: its text replaces the file's until it is closed.
struct OpenDocument {
    std::string uri;  // as the client spelt it (diagnostics are published under it)
    std::string text;
    long long version = 0;
};

// One file of the roadmap as last read.
struct WorkspaceFile {
    std::string path;                 // absolute, normalised
    std::string relative;             // relative to the roadmap PATH ("" when PATH is the file)
    std::optional<std::string> disk;  // the text on disk; empty when it could not be read
    std::string read_error;           // why not, in a user's words
    std::optional<FileVersion> version;
    std::string version_text;  // the text `version` was read from
};

class Workspace {
public:
    // The roadmap PATH (absolute): lists and reads its files. Empty: no roadmap. `display` is the
    // PATH as messages spell it (as `boussole lint` run in the workspace folder gives it, e.g.
    // "roadmap"); empty: the absolute PATH.
    void set_root(const std::string& root, const std::string& display = {});
    [[nodiscard]] const std::string& root() const { return root_; }
    [[nodiscard]] bool has_root() const { return !root_.empty(); }

    // Lists the tree again (files created or deleted) and rereads the files on disk that were
    // named (changed); a listed file not read before is read.
    void relist();
    void reread(const std::string& path);

    void open(const std::string& path, OpenDocument doc);
    // The open document at `path`, or null.
    OpenDocument* document(const std::string& path);
    [[nodiscard]] const OpenDocument* document(const std::string& path) const;
    void close(const std::string& path);

    // The text lint reads for a roadmap file: the open document's, else the disk's.
    [[nodiscard]] const std::string* text_of(const WorkspaceFile& f) const;

    // Reads what changed since the last call (only the changed files, item by item when it can)
    // and returns the roadmap merged from every file, as `boussole lint` would read it.
    Roadmap roadmap();

    [[nodiscard]] const std::vector<WorkspaceFile>& files() const { return files_; }
    // The files the last roadmap() read, in its order (Roadmap::files[i] is files()[read()[i]]).
    [[nodiscard]] const std::vector<std::size_t>& read() const { return read_; }
    [[nodiscard]] const WorkspaceFile* file(const std::string& path) const;
    // Whether anything changed since the last roadmap().
    [[nodiscard]] bool dirty() const { return dirty_; }
    // Sentences about the tree (entries skipped while listing, files that cannot be read).
    [[nodiscard]] const std::vector<std::string>& notes() const { return notes_; }

private:
    std::string root_, display_;
    std::vector<WorkspaceFile> files_;
    std::map<std::string, OpenDocument> open_;
    std::vector<std::string> notes_;
    std::vector<std::size_t> read_;
    bool dirty_ = true;
};

}  // namespace boussole::lsp
