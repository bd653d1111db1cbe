#pragma once
/// Writing files whole: a failure never leaves half a file.

#include <string>
#include <string_view>

#include "boussole/error.hpp"

namespace boussole {

/// A file that cannot be written (exit 2).
struct WriteError : UsageError {
    using UsageError::UsageError;
};

/// Writes `content` to `path` through a temporary file in the same folder and a rename.
void write_file_atomically(const std::string& path, std::string_view content);

/// Reads a whole file; throws std::runtime_error with the system's reason.
std::string read_file(const std::string& path);

}  // namespace boussole
