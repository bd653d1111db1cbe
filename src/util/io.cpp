#include "boussole/io.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

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

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw std::runtime_error(fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
    return std::move(ss).str();
}

}  // namespace boussole
