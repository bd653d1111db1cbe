#include "boussole/io.hpp"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fcntl.h>
#include <signal.h>
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

namespace {

// Plain words for an error met while writing data (not while creating the file).
std::string plain_reason(int error_number) {
    switch (error_number) {
        case ENOSPC:
        case EDQUOT:
            return "no space left on device";
        case EIO:
            return "input/output error on the device";
        case EPIPE:
            return "the reader closed its end";
        case EFBIG:
            return "the file would be larger than the system allows";
        case EBADF:
            return "it is closed";
        case EACCES:
        case EPERM:
            return "permission denied";
        case EROFS:
            return "the file system is read-only";
        default:
            return std::strerror(error_number);
    }
}

// Why writing the data to `path` failed, with what to do.
std::string data_failure(const std::string& path, int error_number) {
    switch (error_number) {
        case ENOSPC:
        case EDQUOT:
            return fmt::format("cannot write '{}': no space left on device; free some, or write elsewhere", path);
        case EIO:
            return fmt::format("cannot write '{}': input/output error on the device; check it, or write elsewhere",
                               path);
        case ENXIO:
        case ENODEV:
            return fmt::format(
                "cannot write '{}': no device is behind it (no terminal, or no reader); write "
                "elsewhere",
                path);
        case EFBIG:
            return fmt::format(
                "cannot write '{}': the file would be larger than the system allows ('ulimit -f'); "
                "raise the limit, or write elsewhere",
                path);
        default:
            return fmt::format("cannot write '{}': {}", path, plain_reason(error_number));
    }
}

// Writes all of `content` to `fd`: 0, or the system's error number.
int write_all(int fd, std::string_view content) {
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        written += static_cast<std::size_t>(n);
    }
    return 0;
}

// The temporary file being written, for the signal handler to remove. Set and cleared only
// while the signals are blocked; the handler reads it with async-signal-safe calls only.
char temp_path[PATH_MAX + 1];
volatile std::sig_atomic_t temp_set = 0;
constexpr int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};
struct sigaction previous_actions[std::size(cleanup_signals)];

extern "C" void remove_temp_and_die(int sig) {
    if (temp_set) ::unlink(temp_path);
    struct sigaction dfl {};
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    ::sigaction(sig, &dfl, nullptr);
    ::raise(sig);  // delivered, with its default action, when this handler returns
}

sigset_t cleanup_set() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : cleanup_signals) sigaddset(&set, sig);
    return set;
}

// A temporary file made from `tmpl` (ending in XXXXXX), removed on destruction unless
// committed, and by SIGINT/SIGTERM/SIGHUP while it exists.
class TempFile {
public:
    explicit TempFile(const std::string& tmpl) {
        if (tmpl.size() > PATH_MAX) {
            error_ = ENAMETOOLONG;
            return;
        }
        const sigset_t set = cleanup_set();
        sigset_t old;
        ::pthread_sigmask(SIG_BLOCK, &set, &old);
        std::memcpy(temp_path, tmpl.c_str(), tmpl.size() + 1);
        fd_ = ::mkstemp(temp_path);
        if (fd_ < 0) {
            error_ = errno;
        } else {
            path_ = temp_path;
            temp_set = 1;
            struct sigaction act {};
            act.sa_handler = remove_temp_and_die;
            sigemptyset(&act.sa_mask);
            for (std::size_t i = 0; i < std::size(cleanup_signals); ++i) {
                ::sigaction(cleanup_signals[i], nullptr, &previous_actions[i]);
                // A signal the caller ignores (nohup) stays ignored.
                if (previous_actions[i].sa_handler != SIG_IGN) ::sigaction(cleanup_signals[i], &act, nullptr);
            }
        }
        ::pthread_sigmask(SIG_SETMASK, &old, nullptr);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile() {
        if (fd_ >= 0) ::close(fd_);
        if (!path_.empty()) {
            forget();
            ::unlink(path_.c_str());
        }
    }
    int fd() const { return fd_; }
    int error() const { return error_; }
    // Closes the file: 0, or the system's error number.
    int close() {
        const int rc = ::close(fd_);
        fd_ = -1;
        return rc == 0 ? 0 : errno;
    }
    // Renames the file to `target`: 0, or the system's error number.
    int commit(const std::string& target) {
        if (::rename(path_.c_str(), target.c_str()) != 0) return errno;
        forget();
        path_.clear();
        return 0;
    }

private:
    void forget() {
        const sigset_t set = cleanup_set();
        sigset_t old;
        ::pthread_sigmask(SIG_BLOCK, &set, &old);
        temp_set = 0;
        for (std::size_t i = 0; i < std::size(cleanup_signals); ++i)
            ::sigaction(cleanup_signals[i], &previous_actions[i], nullptr);
        ::pthread_sigmask(SIG_SETMASK, &old, nullptr);
    }
    int fd_ = -1;
    int error_ = 0;
    std::string path_;
};

// Replaces the regular file `real` (or creates it) with `content`; failures name `shown`.
void replace_file(const std::string& real, const std::string& shown, std::string_view content,
                  void (*before_rename)()) {
    const fs::path target(real);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    TempFile tmp((dir / fmt::format(".{}.tmp-XXXXXX", target.filename().string())).string());
    if (tmp.fd() < 0) {
        // Through a link: the folder that matters is the real file's.
        std::string why = write_failure(real, tmp.error());
        if (real != shown)
            why = fmt::format("cannot write '{}' (a symbolic link to '{}'){}", shown, real,
                              why.substr(fmt::format("cannot write '{}'", real).size()));
        throw WriteError(why, tmp.error());
    }
    if (const int err = write_all(tmp.fd(), content)) throw WriteError(data_failure(shown, err), err);
    // An existing file keeps its permission bits (and, for root, its owner); a new one gets
    // those an ordinary new file gets (mkstemp creates it 0600).
    struct stat old {};
    if (::stat(real.c_str(), &old) == 0 && S_ISREG(old.st_mode)) {
        ::fchmod(tmp.fd(), old.st_mode & 0777);
        if (::geteuid() == 0 && ::fchown(tmp.fd(), old.st_uid, old.st_gid) != 0) {
            // Best effort: the file stays root's.
        }
    } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        ::fchmod(tmp.fd(), 0666 & ~mask);
    }
    if (const int err = tmp.close()) throw WriteError(data_failure(shown, err), err);
    if (before_rename) before_rename();
    if (const int err = tmp.commit(real)) throw WriteError(write_failure(shown, err), err);
}

// The descriptor a standard-stream name stands for: /dev/stdout, /dev/stderr, /dev/stdin,
// /dev/fd/N, /proc/self/fd/N; -1 for any other name.
int standard_stream(const std::string& path) {
    if (path == "/dev/stdin") return 0;
    if (path == "/dev/stdout") return 1;
    if (path == "/dev/stderr") return 2;
    for (std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
        if (!path.starts_with(prefix)) continue;
        const std::string_view digits = std::string_view(path).substr(prefix.size());
        if (digits.empty() || digits.size() > 6 || digits.find_first_not_of("0123456789") != std::string_view::npos)
            return -1;
        return std::stoi(std::string(digits));
    }
    return -1;
}

bool stdout_failure_reported = false;

}  // namespace

void write_file_atomically(const std::string& path, std::string_view content, void (*before_rename)()) {
    replace_file(path, path, content, before_rename);
}

std::string link_target(const std::string& path) {
    std::string p = path;
    for (int hops = 0; hops < 40; ++hops) {
        struct stat st {};
        if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return p;
        std::string to(PATH_MAX + 1, '\0');
        const ssize_t n = ::readlink(p.c_str(), to.data(), to.size());
        if (n < 0) return p;
        to.resize(static_cast<std::size_t>(n));
        const fs::path link(p);
        p = fs::path(to).is_absolute() || !link.has_parent_path() ? to : (link.parent_path() / to).string();
    }
    throw WriteError(fmt::format("cannot write '{}': its symbolic links loop; fix them, or write elsewhere", path),
                     ELOOP);
}

void write_output(const std::string& path, std::string_view content) {
    if (const int fd = standard_stream(path); fd >= 0) {
        if (fd == 1 && std::fflush(stdout) != 0) throw WriteError(data_failure(path, errno), errno);
        if (const int err = write_all(fd, content)) throw WriteError(data_failure(path, err), err);
        return;
    }
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) throw WriteError(write_failure(path, EISDIR), EISDIR);
        if (S_ISBLK(st.st_mode))
            throw WriteError(fmt::format("cannot write '{}': it is a disk (a block device), not a file; give a file "
                                         "name, or write elsewhere",
                                         path),
                             ENOTSUP);
        // A character device, a FIFO: written into, as a shell's '>' would.
        const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
        if (fd < 0) throw WriteError(data_failure(path, errno), errno);
        const int err = write_all(fd, content);
        const int close_err = ::close(fd) == 0 ? 0 : errno;
        if (err || close_err) throw WriteError(data_failure(path, err ? err : close_err), err ? err : close_err);
        return;
    }
    replace_file(link_target(path), path, content, nullptr);
}

void write_standard_output(std::string_view content) {
    errno = 0;
    const std::size_t n = std::fwrite(content.data(), 1, content.size(), stdout);
    if (n != content.size() || std::fflush(stdout) != 0) {
        const int err = errno ? errno : EIO;
        stdout_failure_reported = true;
        throw WriteError(fmt::format("cannot write to standard output: {}", plain_reason(err)), err);
    }
}

void write_standard_error(std::string_view text) noexcept {
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
}

std::string close_standard_output() {
    errno = 0;
    const bool failed = std::ferror(stdout) != 0 || std::fflush(stdout) != 0;
    const int err = errno ? errno : EIO;
    const bool close_failed = std::fclose(stdout) != 0 && errno != EBADF;  // EBADF: closed by the caller, unused
    const int close_err = errno ? errno : EIO;
    if (stdout_failure_reported || (!failed && !close_failed)) return {};
    return fmt::format("cannot write to standard output: {}", plain_reason(failed ? err : close_err));
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

[[noreturn]] void too_large(const std::string& path, std::string_view size) {
    throw std::runtime_error(too_large_message(fmt::format("'{}'", path), size));
}

}  // namespace

std::string megabytes(std::size_t bytes) {
    const std::size_t mb = (bytes + (std::size_t{1} << 20) - 1) >> 20;
    return fmt::format("{} MB", mb);
}

std::string too_large_message(const std::string& what, std::string_view size) {
    return fmt::format("{} is {}; a roadmap file may be at most {}: split it, or check it is the right file", what,
                       size, megabytes(max_read_bytes));
}

std::string read_file(const std::string& path) {
    // O_NONBLOCK: opening a named pipe must not wait for a writer; the type is then checked on
    // the opened descriptor, so nothing can be swapped in between the check and the read.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        if (errno == EACCES)
            throw std::runtime_error(
                fmt::format("cannot read '{}': permission denied; give the user running boussole read access to it "
                            "('chmod a+r {}')",
                            path, path));
        throw std::runtime_error(fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
    }
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

std::string uri_path(std::string_view path) {
    std::string out;
    for (const char ch : path) {
        const auto c = static_cast<unsigned char>(ch);
        const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
        if (unreserved)
            out += ch;
        else
            out += fmt::format("%{:02X}", c);
    }
    return out;
}

}  // namespace boussole
