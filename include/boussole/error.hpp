#pragma once
/// Why a command stops before it is done, with the exit status CLI.md gives it. Findings in the
/// user's roadmap are data (Diagnostic), never errors; these are caught once, in `main`.

#include <stdexcept>
#include <string>

namespace boussole {

/// A failure that ends the command with `exit_status` and the message `what()`.
struct Error : std::runtime_error {
    /// An error with its exit status.
    Error(int status, const std::string& message) : std::runtime_error(message), exit_status(status) {}
    int exit_status;
};

/// Exit 2: bad arguments, a missing or unreadable path, an unknown revision, an output that
/// cannot be written.
struct UsageError : Error {
    /// A usage error with its message.
    explicit UsageError(const std::string& message) : Error(2, message) {}
};

/// Exit 1: the roadmap has errors that stop the command (a report without a period, ...).
struct RoadmapError : Error {
    /// A roadmap error with its message.
    explicit RoadmapError(const std::string& message) : Error(1, message) {}
};

}  // namespace boussole
