#pragma once
/// Writing files whole: a failure never leaves half a file.

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

/// Reads a whole file; throws std::runtime_error with the system's reason.
std::string read_file(const std::string& path);

}  // namespace boussole
