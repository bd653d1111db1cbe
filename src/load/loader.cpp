#include "boussole/loader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>

#include "boussole/io.hpp"
#include "boussole/parallel.hpp"
#include "load/convert.hpp"
#include "load/yaml_tree.hpp"

namespace boussole {

namespace fs = std::filesystem;

namespace {

// A roadmap is a few dozen files; a folder with more than this is not one (a home folder, a
// checkout of something else), and reading it would take memory and time without bound.
constexpr std::size_t max_tree_files = 100'000;
struct TooManyFiles {};
// A roadmap is a few folders deep; a folder deeper than this is not read (each level costs
// memory for its path, and a deep tree would take it without bound).
constexpr std::size_t max_tree_depth = 64;

bool inside(const fs::path& root, const fs::path& p) {
    const auto rel = p.lexically_relative(root);
    return !rel.empty() && *rel.begin() != "..";
}

std::string display_join(const std::string& given, const std::string& rel) {
    if (rel.empty()) return given;
    std::string joined = (fs::path(given) / rel).lexically_normal().generic_string();
    return joined;
}

// What a file that is neither a regular file nor a folder is, in a user's words.
std::string_view kind_of(fs::file_type t) {
    switch (t) {
        case fs::file_type::fifo:
            return "a named pipe (FIFO)";
        case fs::file_type::socket:
            return "a socket";
        case fs::file_type::character:
            return "a character device";
        case fs::file_type::block:
            return "a block device";
        default:
            return "not a regular file";
    }
}

// One walk of a tree: the files found, and a note for each entry skipped that a user may have
// meant to be read. Nothing is opened while walking (a named pipe is never waited on), no link
// is followed out of the tree, and each real folder and file is read once, so a loop of links
// ends.
struct Walk {
    fs::path root;                              // canonical
    std::string given;                          // PATH as the user wrote it
    std::map<fs::path, std::string> seen_dirs;  // canonical -> where it was read, as shown
    std::set<fs::path> seen_files;
    std::vector<std::pair<std::string, std::string>> out;
    std::vector<std::string> notes;

    void note(std::string text) { notes.push_back(std::move(text)); }

    // `canon_dir` is `dir` without links: an entry that is no link is at `canon_dir / name`,
    // so only links are resolved (fs::canonical costs the square of the depth: a deep tree
    // would take time without bound).
    void walk(const fs::path& dir, const fs::path& rel_dir, const fs::path& canon_dir) {
        std::error_code ec;
        std::vector<fs::directory_entry> entries;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(*it);
        if (ec) {
            const std::string shown = display_join(given, rel_dir.generic_string());
            if (ec == std::errc::permission_denied)
                throw PathError(fmt::format(
                    "cannot read the folder '{}': permission denied; give the user running boussole read access to "
                    "it ('chmod a+rx {}'), or move it out of the roadmap",
                    shown, shown));
            throw PathError(fmt::format("cannot read the folder '{}': {}", shown, ec.message()));
        }
        // Sorted so that, of two links to one file, the first in byte order is the one kept.
        std::sort(entries.begin(), entries.end());
        for (const fs::directory_entry& e : entries) {
            const std::string name = e.path().filename().string();
            if (name.starts_with('.')) continue;
            const fs::path rel = rel_dir / name;
            const std::string shown = display_join(given, rel.generic_string());
            const bool yaml_name = is_yaml_file_name(name);
            fs::path real = e.path();
            const bool link = e.is_symlink(ec);
            if (link) {
                std::error_code read_ec;
                const std::string target = fs::read_symlink(e.path(), read_ec).string();
                real = fs::canonical(e.path(), ec);
                if (ec == std::errc::too_many_symbolic_link_levels) {
                    note(
                        fmt::format("'{}' is a symbolic link that cannot be followed: a loop of links, or a chain "
                                    "of more than 40; skipped: remove it, or point it at the file itself",
                                    shown));
                    continue;
                }
                if (ec) {
                    note(
                        fmt::format("'{}' is a symbolic link to '{}', which does not exist; skipped: remove the "
                                    "link, or restore what it points to",
                                    shown, target));
                    continue;
                }
                if (!inside(root, real)) {
                    // Said for what could be part of the roadmap: a folder, or a YAML name.
                    if (yaml_name || is_yaml_file_name(real.filename().string()) || fs::is_directory(real, ec))
                        note(
                            fmt::format("'{}' is a symbolic link to '{}', outside the roadmap folder '{}'; not "
                                        "followed: copy what it points to into the roadmap to read it",
                                        shown, target, given));
                    continue;
                }
            }
            const fs::file_status st = fs::status(real, ec);  // stat(2): opens nothing
            if (ec) {
                if (yaml_name)
                    note(
                        fmt::format("'{}' cannot be read ({}); skipped: check its permissions and those of its "
                                    "folders",
                                    shown, ec.message()));
                continue;
            }
            if (fs::is_directory(st)) {
                if (std::distance(rel.begin(), rel.end()) > static_cast<std::ptrdiff_t>(max_tree_depth)) {
                    note(
                        fmt::format("'{}' is more than {} folders deep in the roadmap; not read: a roadmap is a few "
                                    "folders deep, move what it holds higher up",
                                    shown, max_tree_depth));
                    continue;
                }
                const fs::path canon = link ? real : canon_dir / name;
                const auto [it, fresh] = seen_dirs.emplace(canon, shown);
                if (!fresh) {
                    note(
                        fmt::format("'{}' is a symbolic link to the folder '{}', which is read already; not read "
                                    "twice",
                                    shown, it->second));
                    continue;
                }
                walk(real, rel, canon);
            } else if (yaml_name) {
                if (!fs::is_regular_file(st)) {
                    note(fmt::format("'{}' is {}, not a file; skipped: a roadmap file is a regular file", shown,
                                     kind_of(st.type())));
                    continue;
                }
                const fs::path canon = link ? real : canon_dir / name;
                if (!seen_files.insert(canon).second) continue;
                if (out.size() == max_tree_files) throw TooManyFiles{};
                out.emplace_back(e.path().string(), rel.generic_string());
            }
        }
    }
};

struct FileWork {
    std::string path;
    const std::string* text = nullptr;  // held in memory instead of read from `path`
    Roadmap partial;
    std::string read_error;
};

// Parses and converts one text; whatever a library throws on hostile input is a finding.
void read_text(std::string_view text, std::uint32_t index, Roadmap& out) {
    try {
        const yaml::ParsedFile parsed = yaml::parse(text, index);
        out.load_findings = parsed.findings;
        if (parsed.broken) ++out.unparsable_files;
        load::convert_file(parsed, out);
    } catch (const std::exception& e) {
        out.load_findings.push_back(
            {RuleId::yaml_syntax, SourcePos{index, 1, 1, 0}, fmt::format("cannot read this file: {}", e.what())});
        ++out.unparsable_files;
    }
}

void load_one(FileWork& w, std::uint32_t index) {
    if (w.text) {
        read_text(*w.text, index, w.partial);
        return;
    }
    std::string text;
    try {
        text = read_file(w.path);
    } catch (const std::exception& e) {
        w.read_error = e.what();
        return;
    }
    read_text(text, index, w.partial);
}

template <class T>
void append(std::vector<T>& to, std::vector<T>& from) {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

// Appends what one file holds to the roadmap of the files before it.
void append_file(Roadmap& r, Roadmap& p) {
    append_entities(r, p);
    append(r.load_findings, p.load_findings);
    r.unparsable_files += p.unparsable_files;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> list_roadmap_files(const std::string& path,
                                                                    std::vector<std::string>* notes) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
        throw PathError(
            fmt::format("cannot read '{}': {}", path, ec ? ec.message() : std::string("no such file or directory")));
    }
    std::vector<std::pair<std::string, std::string>> out;
    if (fs::is_directory(st)) {
        const fs::path root = fs::canonical(path, ec);
        if (ec) throw PathError(fmt::format("cannot read '{}': {}", path, ec.message()));
        Walk w{root, path, {{root, path}}, {}, {}, {}};
        try {
            w.walk(fs::path(path), fs::path(), root);
            out = std::move(w.out);
            if (notes) *notes = std::move(w.notes);
        } catch (const TooManyFiles&) {
            throw PathError(fmt::format(
                "'{}' holds more than {} YAML files; a roadmap is a few dozen files: check it is the right folder",
                path, max_tree_files));
        }
        // FORMAT.md: byte order of the relative paths ("a-b.yaml" before "a/x.yaml").
        std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    } else {
        out.emplace_back(path, "");
    }
    return out;
}

namespace {

// Parses every file of `work` (in parallel) and merges them in order into one roadmap.
Roadmap load_all(const std::string& path, std::vector<FileWork>& work, const std::vector<std::string>& relative,
                 const LoadOptions& options) {
    parallel_for(work.size(), options.threads,
                 [&](std::size_t i) { load_one(work[i], static_cast<std::uint32_t>(i)); });

    Roadmap r;
    r.root = path;
    for (std::size_t i = 0; i < work.size(); ++i) {
        if (!work[i].read_error.empty()) throw PathError(work[i].read_error);
        r.files.push_back({display_join(path, relative[i]), relative[i]});
        Roadmap& p = work[i].partial;
        append_file(r, p);
    }
    return r;
}

}  // namespace

bool is_yaml_file_name(std::string_view name) {
    return !name.starts_with('.') && (name.ends_with(".yaml") || name.ends_with(".yml"));
}

Roadmap load_roadmap(const std::string& path, const LoadOptions& options) {
    std::vector<std::string> notes;
    const auto files = list_roadmap_files(path, &notes);
    std::vector<FileWork> work(files.size());
    std::vector<std::string> relative(files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
        work[i].path = files[i].first;
        relative[i] = files[i].second;
    }
    Roadmap r = load_all(path, work, relative, options);
    r.notes = std::move(notes);
    return r;
}

Roadmap load_roadmap_from_texts(const std::string& root, const std::vector<FileText>& files,
                                const LoadOptions& options) {
    std::vector<FileWork> work(files.size());
    std::vector<std::string> relative(files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
        work[i].path = display_join(root, files[i].relative);
        work[i].text = &files[i].text;
        relative[i] = files[i].relative;
    }
    return load_all(root, work, relative, options);
}

Roadmap merge_file_versions(const std::string& root, const std::vector<const FileVersion*>& files) {
    Roadmap r;
    r.root = root;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const FileVersion& f = *files[i];
        r.files.push_back({display_join(root, f.relative), f.relative});
        Roadmap p = f.roadmap;
        if (f.file != i) place_positions(p, 0, 0, static_cast<std::uint32_t>(i));
        append_file(r, p);
    }
    return r;
}

Roadmap load_roadmap_from_string(std::string_view text, const std::string& display_path) {
    Roadmap r;
    r.root = display_path;
    r.files.push_back({display_path, ""});
    read_text(text, 0, r);
    return r;
}

}  // namespace boussole
