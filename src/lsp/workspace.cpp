#include "lsp/workspace.hpp"

#include <algorithm>
#include <filesystem>

#include "boussole/io.hpp"

namespace boussole::lsp {

namespace fs = std::filesystem;

namespace {

std::string normal(const std::string& path) { return fs::path(path).lexically_normal().generic_string(); }

void read_disk(WorkspaceFile& f) {
    try {
        f.disk = read_file(f.path);
        f.read_error.clear();
    } catch (const std::exception& e) {
        f.disk.reset();
        f.read_error = e.what();
    }
}

}  // namespace

void Workspace::set_root(const std::string& root, const std::string& display) {
    root_ = root.empty() ? root : normal(root);
    display_ = display.empty() ? root_ : display;
    files_.clear();
    dirty_ = true;
    if (has_root()) relist();
}

void Workspace::relist() {
    dirty_ = true;
    notes_.clear();
    if (!has_root()) return;
    std::vector<std::pair<std::string, std::string>> listed;
    try {
        listed = list_roadmap_files(root_, &notes_);
    } catch (const Error& e) {
        notes_.push_back(e.what());
    }
    std::vector<WorkspaceFile> next;
    next.reserve(listed.size());
    for (auto& [path, relative] : listed) {
        const std::string p = normal(path);
        const auto old =
            std::find_if(files_.begin(), files_.end(), [&](const WorkspaceFile& f) { return f.path == p; });
        if (old != files_.end() && old->relative == relative) {
            next.push_back(std::move(*old));
            continue;
        }
        WorkspaceFile f{p, relative, std::nullopt, {}, std::nullopt, {}};
        read_disk(f);
        next.push_back(std::move(f));
    }
    files_ = std::move(next);
}

void Workspace::reread(const std::string& path) {
    for (WorkspaceFile& f : files_)
        if (f.path == normal(path)) {
            read_disk(f);
            dirty_ = true;
        }
}

void Workspace::open(const std::string& path, OpenDocument doc) {
    open_[normal(path)] = std::move(doc);
    dirty_ = true;
}

OpenDocument* Workspace::document(const std::string& path) {
    const auto it = open_.find(normal(path));
    return it == open_.end() ? nullptr : &it->second;
}

const OpenDocument* Workspace::document(const std::string& path) const {
    const auto it = open_.find(normal(path));
    return it == open_.end() ? nullptr : &it->second;
}

void Workspace::close(const std::string& path) {
    open_.erase(normal(path));
    dirty_ = true;
}

const std::string* Workspace::text_of(const WorkspaceFile& f) const {
    if (const auto it = open_.find(f.path); it != open_.end()) return &it->second.text;
    return f.disk ? &*f.disk : nullptr;
}

const WorkspaceFile* Workspace::file(const std::string& path) const {
    const std::string p = normal(path);
    for (const WorkspaceFile& f : files_)
        if (f.path == p) return &f;
    return nullptr;
}

Roadmap Workspace::roadmap() {
    std::vector<const FileVersion*> versions;
    read_.clear();
    for (std::size_t i = 0; i < files_.size(); ++i) {
        WorkspaceFile& f = files_[i];
        const std::string* text = text_of(f);
        if (text == nullptr) continue;  // unreadable: said in notes()
        if (!f.version || f.version->relative != f.relative) {
            f.version = read_file_version(f.relative, *text);
            f.version_text = *text;
        } else if (f.version_text != *text) {
            f.version = read_next_file_version(*f.version, f.version_text, *text);
            f.version_text = *text;
        }
        versions.push_back(&*f.version);
        read_.push_back(i);
    }
    Roadmap r = merge_file_versions(display_, versions);
    r.notes = notes_;
    for (const WorkspaceFile& f : files_)
        if (!f.read_error.empty() && open_.find(f.path) == open_.end()) r.notes.push_back(f.read_error);
    dirty_ = false;
    return r;
}

}  // namespace boussole::lsp
