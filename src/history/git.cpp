// The roadmap's git history through libgit2: the only file that includes it. Everything is
// read from the object database on one thread; only the parsing of file texts runs in parallel.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <unordered_map>

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>
#include <git2.h>
#include <git2/sys/odb_backend.h>
#include <zlib.h>

#include "boussole/history.hpp"
#include "boussole/io.hpp"
#include "boussole/loader.hpp"
#include "boussole/parallel.hpp"

namespace boussole {

namespace fs = std::filesystem;

namespace {

// libgit2 is initialised once, on first use, and shut down at exit.
struct Library {
    Library() {
        git_libgit2_init();
        // issue 17: objects are not hashed again on every read (12 % of a recap's instructions),
        // as git itself reads them; zlib still checks each object's stream, and a damaged
        // object still fails to inflate or to parse, with its error.
        git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
    }
    ~Library() { git_libgit2_shutdown(); }
    Library(const Library&) = delete;
    Library& operator=(const Library&) = delete;
};
void ensure_library() { static const Library library; }

template <class T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const { Free(p); }
};
using RepoPtr = std::unique_ptr<git_repository, Deleter<git_repository, git_repository_free>>;
using CommitPtr = std::unique_ptr<git_commit, Deleter<git_commit, git_commit_free>>;
using TreePtr = std::unique_ptr<git_tree, Deleter<git_tree, git_tree_free>>;
using EntryPtr = std::unique_ptr<git_tree_entry, Deleter<git_tree_entry, git_tree_entry_free>>;
using BlobPtr = std::unique_ptr<git_blob, Deleter<git_blob, git_blob_free>>;
using ObjectPtr = std::unique_ptr<git_object, Deleter<git_object, git_object_free>>;

std::string hex(const git_oid& oid) {
    char buf[GIT_OID_HEXSZ + 1];
    git_oid_tostr(buf, sizeof buf, &oid);
    return buf;
}

// What PATH is at one commit: nothing, one file (a blob), or a folder (a tree).
struct PathEntry {
    enum Kind { absent, blob, tree } kind = absent;
    git_oid oid{};

    friend bool operator==(const PathEntry& a, const PathEntry& b) {
        return a.kind == b.kind && (a.kind == absent || git_oid_equal(&a.oid, &b.oid));
    }
};

// A file of a tree: its path relative to PATH and its blob.
struct TreeFile {
    std::string relative;
    git_oid blob;
};

struct OidHash {
    std::size_t operator()(const git_oid& o) const {
        std::size_t h = 0;
        std::memcpy(&h, o.id, sizeof h);
        return h;
    }
};
struct OidEq {
    bool operator()(const git_oid& a, const git_oid& b) const { return git_oid_equal(&a, &b) != 0; }
};

}  // namespace

// A damaged object met while reading: its id and, when its header says, its type.
struct DamagedObject {
    std::string id, type;
};

// ---- damaged loose objects ----------------------------------------------------------------------
//
// libgit2 1.5 loops forever inflating a loose object whose file was truncated (zlib wants more
// input that never comes), where git reports the damage at once. This backend is consulted
// before libgit2's own: it inflates the loose object asked for to its end, in bounded time, and
// refuses it when the compressed stream stops early or its length disagrees with its header.
// A sound object is then read by libgit2's loose backend, and a packed or absent one as before.

struct LooseCheck {
    enum Result { absent, sound, damaged } result = absent;
    std::string type;  // "commit", "tree", "blob", "tag", or empty when the header is unreadable
};

LooseCheck check_loose_object(const std::string& file) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return {};
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    z_stream zs{};
    if (inflateInit(&zs) != Z_OK) return {LooseCheck::damaged, ""};
    struct Ender {
        z_stream& zs;
        ~Ender() { inflateEnd(&zs); }
    } ender{zs};
    unsigned char in[16384], out[65536];
    std::string header;
    bool header_done = false;
    std::uint64_t body = 0;
    int ret = Z_OK;
    while (ret != Z_STREAM_END) {
        const ssize_t n = ::read(fd, in, sizeof in);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // the file ends before the compressed stream does
        zs.next_in = in;
        zs.avail_in = static_cast<uInt>(n);
        do {
            zs.next_out = out;
            zs.avail_out = sizeof out;
            ret = inflate(&zs, Z_NO_FLUSH);
            if (ret != Z_OK && ret != Z_STREAM_END && ret != Z_BUF_ERROR) return {LooseCheck::damaged, ""};
            const std::size_t produced = sizeof out - zs.avail_out;
            std::size_t i = 0;
            for (; !header_done && i < produced; ++i) {
                if (out[i] == 0) {
                    header_done = true;
                } else if (header.size() < 64) {
                    header.push_back(static_cast<char>(out[i]));
                } else {
                    return {LooseCheck::damaged, ""};
                }
            }
            body += produced - i;
        } while (zs.avail_out == 0 && ret != Z_STREAM_END);
    }
    const std::size_t space = header.find(' ');
    std::string type = header_done && space != std::string::npos ? header.substr(0, space) : "";
    if (git_object_string2type(type.c_str()) == GIT_OBJECT_INVALID) type.clear();
    if (ret != Z_STREAM_END || type.empty()) return {LooseCheck::damaged, type};
    const std::string size = header.substr(space + 1);
    if (size.empty() || size.find_first_not_of("0123456789") != std::string::npos || size.size() > 19 ||
        std::stoull(size) != body)
        return {LooseCheck::damaged, type};
    return {LooseCheck::sound, type};
}

struct GuardBackend {
    git_odb_backend parent;  // first: libgit2 hands back a pointer to it
    std::string objects;     // the objects folder, with a trailing '/'
    DamagedObject* damaged;  // where the first damaged object met is recorded
};

int guard_object(git_odb_backend* backend, const std::string& hex_id) {
    auto* guard = reinterpret_cast<GuardBackend*>(backend);
    const LooseCheck check = check_loose_object(guard->objects + hex_id.substr(0, 2) + "/" + hex_id.substr(2));
    if (check.result != LooseCheck::damaged) return GIT_PASSTHROUGH;
    if (guard->damaged->id.empty()) *guard->damaged = {hex_id, check.type};
    git_error_set_str(GIT_ERROR_ODB, "damaged loose object");
    return GIT_ERROR;
}

int guard_read(void**, size_t*, git_object_t*, git_odb_backend* backend, const git_oid* oid) {
    return guard_object(backend, hex(*oid));
}

int guard_read_header(size_t*, git_object_t*, git_odb_backend* backend, const git_oid* oid) {
    return guard_object(backend, hex(*oid));
}

int guard_read_prefix(git_oid*, void**, size_t*, git_object_t*, git_odb_backend* backend, const git_oid* short_id,
                      size_t length) {
    if (length < 2) return GIT_PASSTHROUGH;
    const std::string prefix = hex(*short_id).substr(0, length);
    auto* guard = reinterpret_cast<GuardBackend*>(backend);
    std::error_code ec;
    for (fs::directory_iterator it(guard->objects + prefix.substr(0, 2), ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = prefix.substr(0, 2) + it->path().filename().string();
        if (name.size() == GIT_OID_HEXSZ && name.starts_with(prefix))
            if (const int rc = guard_object(backend, name); rc != GIT_PASSTHROUGH) return rc;
    }
    return GIT_PASSTHROUGH;
}

void guard_free(git_odb_backend* backend) { delete reinterpret_cast<GuardBackend*>(backend); }

// Puts the guard in front of `repo`'s object database.
void guard_loose_objects(git_repository* repo, DamagedObject* damaged) {
    git_odb* odb = nullptr;
    if (git_repository_odb(&odb, repo) != 0) return;
    auto* guard = new GuardBackend{};
    git_odb_init_backend(&guard->parent, GIT_ODB_BACKEND_VERSION);
    guard->parent.read = guard_read;
    guard->parent.read_header = guard_read_header;
    guard->parent.read_prefix = guard_read_prefix;
    guard->parent.free = guard_free;
    const char* env = std::getenv("GIT_OBJECT_DIRECTORY");
    guard->objects = env && *env ? std::string(env) + "/" : std::string(git_repository_commondir(repo)) + "objects/";
    guard->damaged = damaged;
    if (git_odb_add_backend(odb, &guard->parent, 1000) != 0) delete guard;
    git_odb_free(odb);
}

// ---- damaged object stores ----------------------------------------------------------------------
//
// libgit2 reads a pack through its index, and an alternate store through objects/info/alternates,
// and reports an object it cannot find there as absent, so a damaged store would read as an
// unknown revision. What a cheap look at the folders shows (no object is read) names the damage.

// The problems of the object store `objects` (a pack without its index, an index without its
// pack, an alternate store that is no folder), and of its alternates, at most `depth` deep.
void store_problems(const fs::path& objects, int depth, std::vector<std::string>& out) {
    std::error_code ec;
    std::set<std::string> packs, indexes;
    for (fs::directory_iterator it(objects / "pack", ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        if (p.extension() == ".pack") packs.insert(p.stem().string());
        if (p.extension() == ".idx") indexes.insert(p.stem().string());
    }
    for (const std::string& p : packs)
        if (!indexes.contains(p))
            out.push_back(fmt::format("the pack '{}' has no index ({}.idx is missing)",
                                      (objects / "pack" / (p + ".pack")).string(), p));
    // A pack ends with the checksum of its content, which its index repeats before its own:
    // a pack truncated or overwritten at its end no longer matches (20 bytes read of each).
    const auto tail = [](const fs::path& file, std::uintmax_t from_end) {
        std::error_code size_ec;
        const std::uintmax_t size = fs::file_size(file, size_ec);
        std::string bytes(20, '\0');
        if (size_ec || size < from_end) return std::string();
        std::ifstream in(file, std::ios::binary);
        in.seekg(static_cast<std::streamoff>(size - from_end));
        return in.read(bytes.data(), 20) ? bytes : std::string();
    };
    for (const std::string& p : packs) {
        if (!indexes.contains(p)) continue;
        const fs::path pack = objects / "pack" / (p + ".pack");
        const std::string pack_sum = tail(pack, 20), index_sum = tail(objects / "pack" / (p + ".idx"), 40);
        if (pack_sum.empty() || pack_sum != index_sum)
            out.push_back(
                fmt::format("the pack '{}' does not match its index: it is truncated or damaged", pack.string()));
    }
    for (const std::string& i : indexes)
        if (!packs.contains(i))
            out.push_back(fmt::format("the pack index '{}' has no pack ({}.pack is missing)",
                                      (objects / "pack" / (i + ".idx")).string(), i));
    std::ifstream alternates(objects / "info" / "alternates");
    for (std::string line; std::getline(alternates, line);) {
        if (line.empty() || line.starts_with('#')) continue;
        fs::path alt(line);
        if (alt.is_relative()) alt = objects / alt;
        if (!fs::is_directory(alt, ec)) {
            out.push_back(fmt::format("objects/info/alternates names the object store '{}', which {}", line,
                                      fs::exists(alt, ec) ? "is not a folder" : "does not exist"));
        } else if (depth > 0) {
            store_problems(alt, depth - 1, out);
        }
    }
}

struct History::Impl {
    RepoPtr repo;
    std::string display, prefix;  // PATH as the user wrote it; PATH relative to the work tree
    bool shallow = false;
    DamagedObject damaged;                     // filled in by the guard of the object database
    std::set<std::string> shallow_boundaries;  // commits whose parents a shallow clone did not fetch
    // Listings of trees already walked, by tree id: commits share most of their trees.
    mutable std::unordered_map<git_oid, std::vector<TreeFile>, OidHash, OidEq> listings;

    // An object of the repository that cannot be read, in a user's words (never libgit2's):
    // what it is, why that happens, what to do.
    [[nodiscard]] HistoryError unreadable(const std::string& what) const {
        if (shallow)
            return HistoryError(fmt::format(
                "{} is not in this shallow clone: its history was cut when it was cloned; 'git fetch --unshallow' "
                "fetches the rest (in CI: fetch-depth: 0 with actions/checkout)",
                what));
        return HistoryError(fmt::format(
            "{} cannot be read from the git repository: the object is missing or damaged; 'git fsck' shows what is "
            "wrong, and fetching or cloning the repository again restores it{}",
            what, store_damage()));
    }

    // "; the object store of the git repository at '...' is damaged: ..." when a look at its
    // folders shows why objects cannot be read, else "".
    [[nodiscard]] std::string store_damage() const {
        std::vector<std::string> problems;
        store_problems(fs::path(git_repository_commondir(repo.get())) / "objects", 5, problems);
        if (problems.empty()) return "";
        return fmt::format("; the object store of the git repository at '{}' is damaged: {}",
                           fs::path(git_repository_commondir(repo.get())).lexically_normal().string(),
                           fmt::join(problems, "; "));
    }

    // When `revision` starts with a name that exists (a branch, a tag, HEAD, a commit id found in
    // the object store's indexes) whose object cannot be read: that object's id; else "".
    [[nodiscard]] std::string unreadable_base(const std::string& revision) const {
        const std::string base = revision.substr(0, revision.find_first_of("~^@:"));
        if (base.empty()) return "";
        git_oid oid{};
        bool found = false;
        git_reference* ref = nullptr;
        if (git_reference_dwim(&ref, repo.get(), base.c_str()) == 0) {
            git_reference* resolved = nullptr;
            if (git_reference_resolve(&resolved, ref) == 0) {
                git_oid_cpy(&oid, git_reference_target(resolved));
                found = true;
                git_reference_free(resolved);
            }
            git_reference_free(ref);
        }
        git_odb* o = nullptr;
        if (git_repository_odb(&o, repo.get()) != 0) return "";
        const std::unique_ptr<git_odb, Deleter<git_odb, git_odb_free>> odb(o);
        if (!found && base.size() >= 4 && base.size() <= GIT_OID_HEXSZ &&
            base.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos) {
            git_oid short_id{};
            found = git_oid_fromstrn(&short_id, base.c_str(), base.size()) == 0 &&
                    git_odb_exists_prefix(&oid, odb.get(), &short_id, base.size()) == 0;
        }
        if (!found) return "";
        std::size_t size = 0;
        git_object_t type = GIT_OBJECT_INVALID;
        if (git_odb_read_header(&size, &type, odb.get(), &oid) != 0) return hex(oid);
        if (size > max_read_bytes) return "";
        git_odb_object* object = nullptr;
        if (git_odb_read(&object, odb.get(), &oid) != 0) return hex(oid);
        git_odb_object_free(object);
        return "";
    }

    CommitPtr lookup(const std::string& id) const {
        git_oid oid;
        git_commit* c = nullptr;
        if (git_oid_fromstr(&oid, id.c_str()) != 0 || git_commit_lookup(&c, repo.get(), &oid) != 0)
            throw unreadable(fmt::format("commit {}", id.substr(0, 7)));
        return CommitPtr(c);
    }

    static CommitInfo info_of(const git_commit* c) {
        CommitInfo info;
        info.id = hex(*git_commit_id(c));
        info.short_id = info.id.substr(0, 7);
        info.time = git_commit_time(c);
        const std::int64_t local = info.time + std::int64_t{git_commit_time_offset(c)} * 60;
        const std::int64_t days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
        info.date = Date{static_cast<int>(days)};
        const char* summary = git_commit_summary(const_cast<git_commit*>(c));
        info.summary = summary ? summary : "";
        return info;
    }

    PathEntry entry_of(const git_commit* c) const {
        git_tree* t = nullptr;
        if (git_commit_tree(&t, c) != 0)
            throw unreadable(fmt::format("the files of commit {}", hex(*git_commit_id(c)).substr(0, 7)));
        const TreePtr tree(t);
        PathEntry pe;
        if (prefix.empty()) {
            pe.kind = PathEntry::tree;
            git_oid_cpy(&pe.oid, git_tree_id(tree.get()));
            return pe;
        }
        git_tree_entry* e = nullptr;
        if (git_tree_entry_bypath(&e, tree.get(), prefix.c_str()) != 0) return pe;
        const EntryPtr entry(e);
        const git_object_t type = git_tree_entry_type(entry.get());
        if (type == GIT_OBJECT_TREE) {
            pe.kind = PathEntry::tree;
        } else if (type == GIT_OBJECT_BLOB && git_tree_entry_filemode(entry.get()) != GIT_FILEMODE_LINK) {
            pe.kind = PathEntry::blob;
        } else {
            return pe;  // a symbolic link or a submodule is not a roadmap
        }
        git_oid_cpy(&pe.oid, git_tree_entry_id(entry.get()));
        return pe;
    }

    // The YAML files under a tree, hidden names skipped, in FORMAT.md's reading order.
    const std::vector<TreeFile>& list(const git_oid& tree_id) const {
        if (const auto it = listings.find(tree_id); it != listings.end()) return it->second;
        git_tree* t = nullptr;
        if (git_tree_lookup(&t, repo.get(), &tree_id) != 0)
            throw unreadable(fmt::format("a folder of '{}' (git tree {})", display, hex(tree_id).substr(0, 7)));
        const TreePtr tree(t);
        std::vector<TreeFile> files;
        const std::size_t n = git_tree_entrycount(tree.get());
        for (std::size_t i = 0; i < n; ++i) {
            const git_tree_entry* e = git_tree_entry_byindex(tree.get(), i);
            const std::string name = git_tree_entry_name(e);
            if (name.starts_with('.')) continue;
            const git_object_t type = git_tree_entry_type(e);
            if (type == GIT_OBJECT_TREE) {
                for (const TreeFile& f : list(*git_tree_entry_id(e)))
                    files.push_back({name + "/" + f.relative, f.blob});
            } else if (type == GIT_OBJECT_BLOB && git_tree_entry_filemode(e) != GIT_FILEMODE_LINK &&
                       is_yaml_file_name(name)) {
                files.push_back({name, *git_tree_entry_id(e)});
            }
        }
        // Byte order of the relative paths ("a-b.yaml" before "a/x.yaml"), as on disk.
        std::sort(files.begin(), files.end(),
                  [](const TreeFile& a, const TreeFile& b) { return a.relative < b.relative; });
        return listings.emplace(tree_id, std::move(files)).first->second;
    }

    std::vector<TreeFile> files_of(const PathEntry& pe) const {
        if (pe.kind == PathEntry::blob) return {{"", pe.oid}};
        if (pe.kind == PathEntry::tree) return list(pe.oid);
        return {};
    }

    // The content of the file `relative` (to PATH) at commit `commit`.
    // A blob past max_read_bytes (the limit of a file on disk) is refused from its header,
    // before its content is inflated into memory.
    std::string read_blob(const git_oid& oid, const std::string& relative, const CommitInfo& commit) const {
        const std::string file = relative.empty() ? display : (fs::path(display) / relative).generic_string();
        const auto missing = [&] {
            return unreadable(
                fmt::format("'{}' at commit {} (git blob {})", file, commit.short_id, hex(oid).substr(0, 7)));
        };
        git_odb* o = nullptr;
        if (git_repository_odb(&o, repo.get()) != 0) throw missing();
        const std::unique_ptr<git_odb, Deleter<git_odb, git_odb_free>> odb(o);
        std::size_t size = 0;
        git_object_t type = GIT_OBJECT_INVALID;
        if (git_odb_read_header(&size, &type, odb.get(), &oid) != 0) throw missing();
        if (size > max_read_bytes)
            throw HistoryError(
                too_large_message(fmt::format("'{}' at commit {}", file, commit.short_id), megabytes(size)) +
                " (boussole reads no version of a file past this limit, in history as on disk)");
        git_blob* b = nullptr;
        if (git_blob_lookup(&b, repo.get(), &oid) != 0) throw missing();
        const BlobPtr blob(b);
        const auto* data = static_cast<const char*>(git_blob_rawcontent(blob.get()));
        return std::string(data, static_cast<std::size_t>(git_blob_rawsize(blob.get())));
    }
};

History::History(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
History::History(History&&) noexcept = default;
History& History::operator=(History&&) noexcept = default;
History::~History() = default;

History History::open(const std::string& path) {
    ensure_library();
    std::error_code ec;
    const fs::path absolute = fs::absolute(path.empty() ? "." : path, ec).lexically_normal();
    // The repository is searched from the nearest folder that exists: PATH may be gone from
    // the working tree and still be read at a revision.
    fs::path start = absolute;
    while (!start.empty() && !fs::is_directory(start, ec)) {
        if (start == start.parent_path()) break;
        start = start.parent_path();
    }
    const std::string shown = path.empty() ? "." : path;
    // GIT_DIR and GIT_WORK_TREE are honoured as git honours them. libgit2 1.5 reads the other
    // variables git reads (GIT_CEILING_DIRECTORIES, GIT_OBJECT_DIRECTORY, ...) with
    // GIT_REPOSITORY_OPEN_FROM_ENV, but refuses that flag when GIT_WORK_TREE or GIT_COMMON_DIR
    // is set: GIT_DIR is then opened directly, and the working tree set below.
    const auto env = [](const char* name) -> std::string {
        const char* value = std::getenv(name);
        return value ? value : "";
    };
    const std::string git_dir = env("GIT_DIR"), work_tree = env("GIT_WORK_TREE");
    const bool from_env = work_tree.empty() && env("GIT_COMMON_DIR").empty();
    if (!git_dir.empty() && !fs::exists(git_dir, ec))
        throw HistoryError(fmt::format(
            "the environment variable GIT_DIR names '{}', which does not exist: unset GIT_DIR, or set it to the "
            "repository's .git folder",
            git_dir));
    git_repository* r = nullptr;
    int rc = 0;
    if (!git_dir.empty()) {
        rc = from_env ? git_repository_open_ext(&r, nullptr, GIT_REPOSITORY_OPEN_FROM_ENV, nullptr)
                      : git_repository_open_ext(&r, git_dir.c_str(),
                                                GIT_REPOSITORY_OPEN_NO_SEARCH | GIT_REPOSITORY_OPEN_NO_DOTGIT, nullptr);
        if (rc != 0)
            throw HistoryError(fmt::format(
                "the environment variable GIT_DIR names '{}', which is not a git repository that can be opened: unset "
                "GIT_DIR, or set it to the repository's .git folder ('git status' says what is wrong)",
                git_dir));
    } else {
        rc = git_repository_open_ext(&r, start.string().c_str(), from_env ? GIT_REPOSITORY_OPEN_FROM_ENV : 0, nullptr);
    }
    if (rc == 0) {
        // As git: GIT_WORK_TREE is the working tree; with GIT_DIR alone and no core.worktree
        // setting, the current folder is, unless the repository is bare.
        std::string tree = work_tree;
        if (tree.empty() && !git_dir.empty() && !git_repository_is_bare(r)) {
            git_config* config = nullptr;
            git_buf value = GIT_BUF_INIT;
            const bool configured = git_repository_config_snapshot(&config, r) == 0 &&
                                    git_config_get_string_buf(&value, config, "core.worktree") == 0;
            git_buf_dispose(&value);
            git_config_free(config);
            if (!configured) tree = fs::current_path(ec).string();
        }
        if (!tree.empty() && (!fs::is_directory(tree, ec) ||
                              git_repository_set_workdir(r, fs::absolute(tree, ec).string().c_str(), 0) != 0)) {
            git_repository_free(r);
            throw HistoryError(fmt::format(
                "the working tree of the git repository, '{}'{}, is not a folder that can be used: set GIT_WORK_TREE "
                "to the folder the roadmap's files are checked out in",
                tree, work_tree.empty() ? "" : " (set by GIT_WORK_TREE)"));
        }
    }
    if (rc != 0) {
        // A .git above PATH that libgit2 will not open: another user's (git's safe.directory
        // check; older libgit2 versions report it as absent) or a damaged one.
        for (fs::path dir = start; !dir.empty(); dir = dir.parent_path()) {
            if (fs::exists(dir / ".git", ec))
                throw HistoryError(fmt::format(
                    "the git repository at '{}' cannot be opened: either another user owns it, and git reads "
                    "another user's repository only when its safe.directory setting lists it ('git config --global "
                    "--add safe.directory {}' if you trust it), or its .git folder is damaged ('git status' there "
                    "says what is wrong)",
                    dir.string(), dir.string()));
            if (dir == dir.parent_path()) break;
        }
        if (rc != GIT_ENOTFOUND)
            throw HistoryError(fmt::format(
                "the git repository holding '{}' cannot be opened: it is damaged or unreadable ('git status' there "
                "says what is wrong)",
                shown));
        throw NotARepository(fmt::format(
            "'{}' is not in a git repository: recap, diff and check-in dates read the roadmap's git history; run "
            "boussole in a clone of the roadmap's repository, or give a PATH inside one",
            shown));
    }
    auto impl = std::make_unique<Impl>();
    impl->repo.reset(r);
    guard_loose_objects(r, &impl->damaged);
    const char* wd = git_repository_workdir(r);
    if (!wd)
        throw HistoryError(fmt::format(
            "the git repository holding '{}' ('{}') is bare: it has no working tree, so no roadmap files to read; run "
            "boussole in a clone of it ('git clone {}')",
            shown, git_repository_path(r), git_repository_path(r)));
    const fs::path workdir = fs::weakly_canonical(fs::path(wd), ec);
    impl->display = shown;
    const fs::path relative = fs::weakly_canonical(absolute, ec).lexically_relative(workdir);
    const std::string rel = relative.generic_string();
    if (rel.empty() || rel.starts_with(".."))
        throw HistoryError(fmt::format(
            "'{}' is outside the working tree of the git repository that holds it, '{}' (set by its core.worktree "
            "setting, or reached through a symbolic link); give a PATH inside that working tree",
            shown, workdir.string()));
    impl->prefix = rel == "." ? "" : rel;
    if (impl->prefix.ends_with('/')) impl->prefix.pop_back();
    impl->shallow = git_repository_is_shallow(r) == 1;
    if (impl->shallow) {
        // The boundaries are listed in .git/shallow; newer libgit2 versions hide their parents
        // (a root), older ones fail to find them: both are a cut.
        std::ifstream list(fs::path(git_repository_path(r)) / "shallow");
        for (std::string line; std::getline(list, line);)
            if (!line.empty()) impl->shallow_boundaries.insert(line);
    }
    return History(std::move(impl));
}

const std::string& History::prefix() const { return impl_->prefix; }
bool History::shallow() const { return impl_->shallow; }

CommitInfo History::resolve(const std::string& revision) const {
    git_object* o = nullptr;
    if (revision.empty() || revision.starts_with('-') ||
        git_revparse_single(&o, impl_->repo.get(), revision.c_str()) != 0) {
        if (!impl_->damaged.id.empty())
            throw HistoryError(fmt::format(
                "revision '{}' cannot be read: git {} {}, on the way to it, cannot be read from the git repository: "
                "the object is damaged; 'git fsck' shows what is wrong",
                revision, impl_->damaged.type.empty() ? "object" : impl_->damaged.type, impl_->damaged.id));
        if (!revision.empty() && !revision.starts_with('-')) {
            if (const std::string id = impl_->unreadable_base(revision); !id.empty())
                throw impl_->unreadable(fmt::format("revision '{}': its git object {}", revision, id));
            if (const std::string why = impl_->store_damage(); !why.empty())
                throw HistoryError(
                    fmt::format("revision '{}' cannot be read (or does not exist){}; 'git fsck' shows what is wrong, "
                                "and fetching or cloning the "
                                "repository again restores it",
                                revision, why));
        }
        throw HistoryError(fmt::format(
            "unknown revision '{}': no commit, branch or tag is called that in this repository; give a commit hash, "
            "a branch or a tag, or one relative to them such as HEAD~3 ('git log --oneline' lists the commits){}",
            revision,
            impl_->shallow ? "; this is a shallow clone, without the history before its cut: 'git fetch --unshallow' "
                             "fetches it"
                           : ""));
    }
    const ObjectPtr object(o);
    git_object* c = nullptr;
    if (git_object_peel(&c, object.get(), GIT_OBJECT_COMMIT) != 0)
        throw HistoryError(fmt::format("revision '{}' names a git {}, not a commit: give a commit, a branch or a tag",
                                       revision, git_object_type2string(git_object_type(object.get()))));
    const ObjectPtr commit(c);
    return Impl::info_of(reinterpret_cast<const git_commit*>(commit.get()));
}

std::optional<CommitInfo> History::head() const {
    if (git_repository_head_unborn(impl_->repo.get()) == 1) return std::nullopt;
    return resolve("HEAD");
}

bool History::descends_from(const CommitInfo& commit, const CommitInfo& ancestor) const {
    if (commit.id == ancestor.id) return true;
    git_oid a, b;
    if (git_oid_fromstr(&a, commit.id.c_str()) != 0 || git_oid_fromstr(&b, ancestor.id.c_str()) != 0) return false;
    return git_graph_descendant_of(impl_->repo.get(), &a, &b) == 1;
}

bool History::has_path(const CommitInfo& commit) const {
    return impl_->entry_of(impl_->lookup(commit.id).get()).kind != PathEntry::absent;
}

CommitInfo History::resolve_at_path(const std::string& revision) const {
    const CommitInfo c = resolve(revision);
    if (!has_path(c))
        throw HistoryError(
            fmt::format("'{}' does not exist at {} ({}, {}): give a revision where it exists, or the PATH the roadmap "
                        "had then",
                        impl_->display, revision, c.short_id, c.date.iso()));
    return c;
}

Mainline History::mainline(const CommitInfo& tip, const MainlineStop& stop) const {
    Mainline m;
    CommitPtr current = impl_->lookup(tip.id);
    PathEntry entry = impl_->entry_of(current.get());
    for (;;) {
        const CommitInfo info = Impl::info_of(current.get());
        CommitPtr parent;
        bool cut = impl_->shallow_boundaries.contains(info.id);
        if (!cut && git_commit_parentcount(current.get()) > 0) {
            git_commit* p = nullptr;
            if (git_commit_lookup(&p, impl_->repo.get(), git_commit_parent_id(current.get(), 0)) != 0) {
                if (!impl_->shallow) throw impl_->unreadable(fmt::format("the parent of commit {}", info.short_id));
                cut = true;  // a shallow clone: the parent was not fetched
            }
            parent.reset(p);
        }
        PathEntry parent_entry;
        if (parent) parent_entry = impl_->entry_of(parent.get());
        // At a cut, whether PATH changed is unknown: the commit stands for everything before it.
        const bool changed = cut || !(entry == parent_entry);
        if (changed) m.commits.push_back(info);
        m.reached_root = !parent && !cut;
        if (stop(info, changed)) {
            if (!changed) m.commits.push_back(info);
            m.reached_stop = true;
            break;
        }
        if (cut) {
            m.cut_at = info;
            break;
        }
        if (!parent) break;
        current = std::move(parent);
        entry = parent_entry;
    }
    std::reverse(m.commits.begin(), m.commits.end());
    return m;
}

void History::each_state(const std::vector<CommitInfo>& commits, const std::function<void(PlanState)>& fn,
                         unsigned threads) const {
    // Each file path is a chain of versions in the order the commits bring them; each version is
    // read from the one before it (read_next_file_version). The commits are taken a window at a
    // time: the window's new versions are read, chains in parallel, then its states are merged
    // and handed over one by one; only each chain's last version outlives its window, so memory
    // does not grow with the number of commits (issue 17).
    struct Last {
        std::string blob, text;
        FileVersion version;
    };
    struct Pending {
        std::vector<std::string> blobs, texts;
        std::vector<FileVersion> versions;
    };
    constexpr std::size_t npos = static_cast<std::size_t>(-1);  // the chain's last version, from a window before
    constexpr std::size_t window = 128;
    // BOUSSOLE_HISTORY_WHOLE=1 reads every version whole (to compare, or should the item-by-item
    // reading ever be in doubt).
    const char* whole_env = std::getenv("BOUSSOLE_HISTORY_WHOLE");
    const bool whole = whole_env && std::string_view(whole_env) == "1";
    std::map<std::string, Last> last;                                                               // by path
    std::optional<std::pair<std::vector<std::pair<std::string, std::string>>, Snapshot>> previous;  // the last state
    for (std::size_t begin = 0; begin < commits.size(); begin += window) {
        const std::size_t end = std::min(commits.size(), begin + window);
        std::map<std::string, Pending> pending;  // by path
        std::vector<std::optional<std::vector<std::pair<std::string, std::size_t>>>> per_commit;
        for (std::size_t i = begin; i < end; ++i) {
            const CommitInfo& c = commits[i];
            const PathEntry pe = impl_->entry_of(impl_->lookup(c.id).get());
            if (pe.kind == PathEntry::absent) {
                per_commit.emplace_back();
                continue;
            }
            std::vector<std::pair<std::string, std::size_t>> parts;
            for (const TreeFile& f : impl_->files_of(pe)) {
                const std::string blob = hex(f.blob);
                Pending& p = pending[f.relative];
                std::size_t at = npos;
                if (!p.blobs.empty() && p.blobs.back() == blob) {
                    at = p.blobs.size() - 1;
                } else if (p.blobs.empty() && last.contains(f.relative) && last.at(f.relative).blob == blob) {
                    at = npos;
                } else {
                    at = p.blobs.size();
                    p.blobs.push_back(blob);
                    p.texts.push_back(impl_->read_blob(f.blob, f.relative, c));
                }
                parts.emplace_back(f.relative, at);
            }
            per_commit.emplace_back(std::move(parts));
        }
        std::vector<std::pair<const std::string*, Pending*>> work;
        for (auto& [path, p] : pending)
            if (!p.texts.empty()) work.emplace_back(&path, &p);
        parallel_for(work.size(), threads, [&](std::size_t w) {
            const std::string& path = *work[w].first;
            Pending& p = *work[w].second;
            const auto before = last.find(path);
            p.versions.reserve(p.texts.size());
            for (std::size_t v = 0; v < p.texts.size(); ++v) {
                const FileVersion* prev = nullptr;
                std::string_view prev_text;
                if (v > 0) {
                    prev = &p.versions[v - 1];
                    prev_text = p.texts[v - 1];
                } else if (before != last.end()) {
                    prev = &before->second.version;
                    prev_text = before->second.text;
                }
                p.versions.push_back(!prev || whole ? read_file_version(path, p.texts[v])
                                                    : read_next_file_version(*prev, prev_text, p.texts[v]));
            }
        });
        for (std::size_t i = begin; i < end; ++i) {
            const auto& parts = per_commit[i - begin];
            if (!parts) {
                fn(state_at(commits[i], Snapshot()));
                previous.reset();
                continue;
            }
            std::vector<std::pair<std::string, std::string>> blobs;  // (path, blob) of each file
            std::vector<const FileVersion*> files;
            for (const auto& [path, at] : *parts) {
                blobs.emplace_back(path, at == npos ? last.at(path).blob : pending.at(path).blobs[at]);
                FileVersion& v = at == npos ? last.at(path).version : pending.at(path).versions[at];
                place_file_version(v, static_cast<std::uint32_t>(files.size()));
                files.push_back(&v);
            }
            // A commit that changed no file of the roadmap (a merge that brought nothing new to
            // it, a change elsewhere in the repository) shares the state before it.
            if (!previous || previous->first != blobs)
                previous.emplace(std::move(blobs), Snapshot(merge_file_versions(impl_->display, files)));
            fn(state_at(commits[i], previous->second));
        }
        for (auto& [path, p] : pending)
            if (!p.versions.empty())
                last[path] = Last{std::move(p.blobs.back()), std::move(p.texts.back()), std::move(p.versions.back())};
    }
}

std::vector<Snapshot> History::snapshots(const std::vector<CommitInfo>& commits, unsigned threads) const {
    std::vector<Snapshot> out;
    out.reserve(commits.size());
    each_state(
        commits, [&](PlanState s) { out.push_back(std::move(s.snapshot)); }, threads);
    return out;
}

std::vector<PlanState> History::states(const std::vector<CommitInfo>& commits) const {
    std::vector<PlanState> out;
    out.reserve(commits.size());
    each_state(commits, [&](PlanState s) { out.push_back(std::move(s)); });
    return out;
}

}  // namespace boussole
