#pragma once
/// Writing files whole: a failure never leaves half a file.

#include <cstddef>
#include <string>
#include <string_view>

#include "boussole/error.hpp"

namespace boussole {

/// A file that cannot be written (exit 2), with the system's error number when there is one.
struct WriteError : UsageError {
    /// A write error with its message and errno (0 when none).
    explicit WriteError(const std::string& message, int system_error = 0)
        : UsageError(message), error_number(system_error) {}
    int error_number;
};

/// Why `path` cannot be written, in plain words with what to do, from the system's error
/// number: "cannot write 'out/r.md': the folder 'out' does not exist; create it first, ...".
std::string write_failure(const std::string& path, int error_number);

/// Writes `content` to `path` through a temporary file in the same folder and a rename. A
/// failure names `path`, never the temporary file. An existing file keeps its permission bits.
/// While the temporary file exists, SIGINT, SIGTERM and SIGHUP remove it before the process
/// dies of them. `before_rename` (for tests) runs once the content is written and closed.
void write_file_atomically(const std::string& path, std::string_view content, void (*before_rename)() = nullptr);

/// The file `path` finally names once every symbolic link on it is followed (the path itself
/// when it is no link; a dangling link gives the file it would create). Throws WriteError on a
/// loop of links.
std::string link_target(const std::string& path);

/// Writes `content` to the `-o FILE` a user gave, as a shell's `>` would, but whole or not at
/// all: into a character device, a FIFO or a standard stream (/dev/stdout, /dev/stderr,
/// /dev/fd/N, /proc/self/fd/N) directly; into a regular file by replacing the file its links
/// lead to (write_file_atomically). A folder or a block device is refused. Every failure,
/// a failed write or close included, throws WriteError naming `path`.
void write_output(const std::string& path, std::string_view content);

/// Writes `content` to standard output and flushes it; a failure throws WriteError "cannot
/// write to standard output: no space left on device".
void write_standard_output(std::string_view content);

/// Writes `text` to standard error; never fails nor throws (an error message that cannot be
/// shown must not turn into a crash, nor into a second message).
void write_standard_error(std::string_view text) noexcept;

/// Flushes and closes standard output at the end of the program: the error message when that
/// fails and no earlier failure on it was reported, else "".
std::string close_standard_output();

/// The largest file read whole (16 MiB): a roadmap file is a few KB; past this it is the wrong
/// file, or one that would take memory without bound.
inline constexpr std::size_t max_read_bytes = std::size_t{16} << 20;

/// Why a file of `bytes` bytes is not read, with what to do: "<what> is 17 MB; a roadmap file
/// may be at most 16 MB: split it, or check it is the right file". `what` names the file, quoted
/// ("'r.yaml'", "'r.yaml' at commit abc1234"). The one wording of the limit, on disk and in history.
std::string too_large_message(const std::string& what, std::string_view size);
/// `bytes` in whole megabytes, rounded up: "17 MB".
std::string megabytes(std::size_t bytes);

/// Reads a whole regular file, at most max_read_bytes of it. The file is opened without
/// blocking and its type checked on the opened descriptor, so a named pipe, a device or a
/// socket is refused (never waited on nor read without end). Throws std::runtime_error with
/// the reason in plain words and what to do.
std::string read_file(const std::string& path);

/// `path` as a URI reference (RFC 3986): ASCII letters, digits, `-._~` and '/' stay, every
/// other byte is %XX (upper-case hex). SARIF's relative URIs and the language server's
/// `file://` URIs are written with it.
std::string uri_path(std::string_view path);

}  // namespace boussole
