#include "git_repo.hpp"

#include <cctype>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <git2.h>

#include "support.hpp"

namespace test {

namespace fs = std::filesystem;

namespace {

void check(int rc, const char* what) {
    if (rc == 0) return;
    const git_error* e = git_error_last();
    throw std::runtime_error(std::string(what) + ": " + (e && e->message ? e->message : "libgit2 error"));
}

git_time_t noon_utc(const std::string& date) {
    std::tm tm{};
    tm.tm_year = std::stoi(date.substr(0, 4)) - 1900;
    tm.tm_mon = std::stoi(date.substr(5, 2)) - 1;
    tm.tm_mday = std::stoi(date.substr(8, 2));
    tm.tm_hour = 12;
    return timegm(&tm);
}

std::string hex(const git_oid& oid) {
    char buf[GIT_OID_HEXSZ + 1];
    git_oid_tostr(buf, sizeof buf, &oid);
    return buf;
}

git_oid oid_of(const std::string& id) {
    git_oid oid;
    check(git_oid_fromstr(&oid, id.c_str()), "parse id");
    return oid;
}

}  // namespace

GitRepo::GitRepo(const std::string& name) : dir_(temp_dir(name)) {
    git_libgit2_init();
    git_repository_init_options opts = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    opts.initial_head = "main";
    check(git_repository_init_ext(&repo_, dir_.c_str(), &opts), "init");
}

GitRepo::~GitRepo() {
    git_repository_free(repo_);
    git_libgit2_shutdown();
}

void GitRepo::write(const std::string& relative, const std::string& content) const {
    test::write(dir_ + "/" + relative, content);
}

void GitRepo::remove(const std::string& relative) const { fs::remove(dir_ + "/" + relative); }

std::string GitRepo::commit(const std::string& message, const std::string& date, std::vector<std::string> parents,
                            bool move_head) {
    git_index* index = nullptr;
    check(git_repository_index(&index, repo_), "index");
    git_strarray all{};
    char star[] = "*";
    char* paths[] = {star};
    all.strings = paths;
    all.count = 1;
    check(git_index_add_all(index, &all, GIT_INDEX_ADD_DEFAULT, nullptr, nullptr), "add");
    check(git_index_update_all(index, &all, nullptr, nullptr), "update");
    check(git_index_write(index), "write index");
    git_oid tree_id;
    check(git_index_write_tree(&tree_id, index), "write tree");
    git_index_free(index);
    git_tree* tree = nullptr;
    check(git_tree_lookup(&tree, repo_, &tree_id), "tree");

    if (parents.empty()) {
        git_oid h;
        if (git_reference_name_to_id(&h, repo_, "HEAD") == 0) parents.push_back(hex(h));
    }
    std::vector<git_commit*> parent_commits;
    for (const std::string& p : parents) {
        git_commit* c = nullptr;
        const git_oid oid = oid_of(p);
        check(git_commit_lookup(&c, repo_, &oid), "parent");
        parent_commits.push_back(c);
    }
    git_signature* sig = nullptr;
    check(git_signature_new(&sig, "Ops Engineer", "ops@example.com", noon_utc(date), 0), "signature");
    git_oid id;
    check(git_commit_create(&id, repo_, move_head ? "HEAD" : nullptr, sig, sig, nullptr, message.c_str(), tree,
                            parent_commits.size(), const_cast<const git_commit**>(parent_commits.data())),
          "commit");
    git_signature_free(sig);
    for (git_commit* c : parent_commits) git_commit_free(c);
    git_tree_free(tree);
    return hex(id);
}

std::string GitRepo::head() const {
    git_oid h;
    check(git_reference_name_to_id(&h, repo_, "HEAD"), "HEAD");
    return hex(h);
}

void GitRepo::tag(const std::string& name, const std::string& commit) const {
    git_object* target = nullptr;
    const git_oid oid = oid_of(commit);
    check(git_object_lookup(&target, repo_, &oid, GIT_OBJECT_COMMIT), "tag target");
    git_oid tag_id;
    check(git_tag_create_lightweight(&tag_id, repo_, name.c_str(), target, 0), "tag");
    git_object_free(target);
}

void GitRepo::delete_object(const std::string& spec) const {
    git_object* o = nullptr;
    check(git_revparse_single(&o, repo_, spec.c_str()), "object to delete");
    const std::string id = hex(*git_object_id(o));
    git_object_free(o);
    if (!fs::remove(dir_ + "/.git/objects/" + id.substr(0, 2) + "/" + id.substr(2)))
        throw std::runtime_error("the object to delete is not a loose object");
}

void GitRepo::truncate_object(const std::string& spec, std::uintmax_t bytes) const {
    git_object* o = nullptr;
    check(git_revparse_single(&o, repo_, spec.c_str()), "object to truncate");
    const std::string id = hex(*git_object_id(o));
    git_object_free(o);
    const std::string file = dir_ + "/.git/objects/" + id.substr(0, 2) + "/" + id.substr(2);
    fs::permissions(file, fs::perms::owner_write, fs::perm_options::add);
    fs::resize_file(file, bytes);
}

void GitRepo::make_shallow(const std::string& boundary) const {
    git_commit* c = nullptr;
    const git_oid oid = oid_of(boundary);
    check(git_commit_lookup(&c, repo_, &oid), "boundary");
    const std::string parent = hex(*git_commit_parent_id(c, 0));
    git_commit_free(c);
    std::ofstream(dir_ + "/.git/shallow") << boundary << "\n";
    if (!fs::remove(dir_ + "/.git/objects/" + parent.substr(0, 2) + "/" + parent.substr(2)))
        throw std::runtime_error("the parent of the shallow boundary is not a loose object");
}

std::string GitRepo::pack() const {
    git_packbuilder* pb = nullptr;
    check(git_packbuilder_new(&pb, repo_), "pack builder");
    git_revwalk* walk = nullptr;
    check(git_revwalk_new(&walk, repo_), "walk");
    check(git_revwalk_push_head(walk), "walk from HEAD");
    check(git_packbuilder_insert_walk(pb, walk), "objects to pack");
    git_revwalk_free(walk);
    const std::string pack_dir = dir_ + "/.git/objects/pack";
    check(git_packbuilder_write(pb, pack_dir.c_str(), 0, nullptr, nullptr), "pack");
    git_packbuilder_free(pb);
    for (const auto& e : fs::directory_iterator(dir_ + "/.git/objects")) {
        const std::string name = e.path().filename().string();
        if (name.size() == 2 && std::isxdigit(static_cast<unsigned char>(name[0])) &&
            std::isxdigit(static_cast<unsigned char>(name[1])))
            fs::remove_all(e.path());
    }
    for (const auto& e : fs::directory_iterator(pack_dir))
        if (e.path().extension() == ".pack") return e.path().string();
    throw std::runtime_error("no pack was written");
}

}  // namespace test
