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
/// failure names `path`, never the temporary file.
void write_file_atomically(const std::string& path, std::string_view content);

/// The largest file read whole (16 MiB): a roadmap file is a few KB; past this it is the wrong
/// file, or one that would take memory without bound.
inline constexpr std::size_t max_read_bytes = std::size_t{16} << 20;

/// Reads a whole regular file, at most max_read_bytes of it. The file is opened without
/// blocking and its type checked on the opened descriptor, so a named pipe, a device or a
/// socket is refused (never waited on nor read without end). Throws std::runtime_error with
/// the reason in plain words and what to do.
std::string read_file(const std::string& path);

}  // namespace boussole
