#pragma once
// Throw-away git repositories for the history tests, built with libgit2 (never the git
// command) with fixed author and committer dates, so that commit ids are reproducible.

#include <cstdint>
#include <string>
#include <vector>

struct git_repository;

namespace test {

class GitRepo {
public:
    /// A new repository in a new temporary folder, on branch `main`.
    explicit GitRepo(const std::string& name);
    ~GitRepo();
    GitRepo(const GitRepo&) = delete;
    GitRepo& operator=(const GitRepo&) = delete;

    /// The working tree's folder.
    [[nodiscard]] const std::string& dir() const { return dir_; }
    /// Writes a file of the working tree (folders created).
    void write(const std::string& relative, const std::string& content) const;
    /// Removes a file of the working tree.
    void remove(const std::string& relative) const;

    /// Commits the whole working tree (additions, changes and deletions) on top of `parents`
    /// (default: HEAD, if any) at noon UTC on `date` (YYYY-MM-DD); moves HEAD's branch when
    /// `move_head`. Returns the new commit's id.
    std::string commit(const std::string& message, const std::string& date, std::vector<std::string> parents = {},
                       bool move_head = true);
    /// HEAD's commit id.
    [[nodiscard]] std::string head() const;
    /// A lightweight tag.
    void tag(const std::string& name, const std::string& commit) const;
    /// Makes the repository look like a shallow clone cut at `boundary`: the boundary is listed
    /// in .git/shallow and its parent commit's object is deleted.
    void make_shallow(const std::string& boundary) const;
    /// Deletes the loose object that `spec` names (e.g. "HEAD:roadmap/roadmap.yaml"), as a damaged
    /// repository lacks it.
    void delete_object(const std::string& spec) const;
    /// Truncates the loose object that `spec` names to its first `bytes` bytes, as a disk or a
    /// copy interrupted midway leaves it.
    void truncate_object(const std::string& spec, std::uintmax_t bytes) const;

    /// Packs every object reachable from HEAD into one pack file (with its index) and deletes
    /// the loose objects, as 'git gc' leaves a repository. Returns the pack file's path.
    [[nodiscard]] std::string pack() const;

private:
    std::string dir_;
    git_repository* repo_ = nullptr;
};

}  // namespace test
