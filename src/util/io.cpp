#include "boussole/io.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace boussole {

namespace fs = std::filesystem;

std::string write_failure(const std::string& path, int error_number) {
    const fs::path target(path);
    const std::string dir = target.has_parent_path() ? target.parent_path().string() : ".";
    const auto why = [&]() -> std::string {
        switch (error_number) {
            case ENOENT:
                return fmt::format("the folder '{}' does not exist; create it first, or write elsewhere", dir);
            case ENOTDIR:
                return fmt::format("'{}' is not a folder; write elsewhere", dir);
            case EACCES:
            case EPERM:
                return fmt::format("permission denied in the folder '{}'; write elsewhere, or change its permissions",
                                   dir);
            case EISDIR:
                return "it is a folder; give a file name, or move the folder away";
            case EEXIST:
                return "a file of that name is in the way; move it away, or write elsewhere";
            case EROFS:
                return "the file system is read-only; write elsewhere";
            case ENOSPC:
            case EDQUOT:
                return "no space is left on the device; free some, or write elsewhere";
            case ENAMETOOLONG:
                return "the name is too long; choose a shorter one";
            default:
                return std::strerror(error_number);
        }
    };
    return fmt::format("cannot write '{}': {}", path, why());
}

void write_file_atomically(const std::string& path, std::string_view content) {
    const fs::path target(path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string tmpl = (dir / fmt::format(".{}.tmp-XXXXXX", target.filename().string())).string();
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0) {
        const int err = errno;
        throw WriteError(write_failure(path, err), err);
    }
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int err = errno;
            ::close(fd);
            ::unlink(tmpl.c_str());
            throw WriteError(write_failure(path, err), err);
        }
        written += static_cast<std::size_t>(n);
    }
    // Keep the permissions an ordinary new file gets (mkstemp creates it 0600).
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    if (::close(fd) != 0 || std::rename(tmpl.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmpl.c_str());
        throw WriteError(write_failure(path, err), err);
    }
}

namespace {

// What a file that is not a regular file or folder is, in plain words.
std::string_view kind_of(mode_t mode) {
    if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISDIR(mode)) return "a folder";
    return "not a regular file";
}

std::string megabytes(std::size_t bytes) {
    const std::size_t mb = (bytes + (std::size_t{1} << 20) - 1) >> 20;
    return fmt::format("{} MB", mb);
}

[[noreturn]] void too_large(const std::string& path, std::string_view size) {
    throw std::runtime_error(
        fmt::format("'{}' is {}; a roadmap file may be at most {}: split it, or check it is the right file", path, size,
                    megabytes(max_read_bytes)));
}

}  // namespace

std::string read_file(const std::string& path) {
    // O_NONBLOCK: opening a named pipe must not wait for a writer; the type is then checked on
    // the opened descriptor, so nothing can be swapped in between the check and the read.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) throw std::runtime_error(fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        throw std::runtime_error(fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
    if (!S_ISREG(st.st_mode)) {
        throw std::runtime_error(fmt::format("cannot read '{}': it is {}; a roadmap is a YAML file or a folder of them",
                                             path, kind_of(st.st_mode)));
    }
    if (static_cast<std::uintmax_t>(st.st_size) > max_read_bytes)
        too_large(path, megabytes(static_cast<std::size_t>(st.st_size)));
    std::string text;
    text.resize(static_cast<std::size_t>(st.st_size) + 1);
    std::size_t got = 0;
    for (;;) {
        if (got == text.size()) {
            // The file grows while it is read: a bounded read, never more than the limit.
            if (text.size() > max_read_bytes) too_large(path, "more than " + megabytes(max_read_bytes));
            text.resize(std::min(text.size() * 2 + 4096, max_read_bytes + 1));
        }
        const ssize_t n = ::read(fd, text.data() + got, text.size() - got);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw std::runtime_error(fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    text.resize(got);
    return text;
}

}  // namespace boussole
