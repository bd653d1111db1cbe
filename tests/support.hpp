#pragma once
// Helpers shared by the tests: paths, files, and running the real binary.

#include <string>
#include <vector>

namespace test {

/// The project's source folder.
std::string source_dir();
/// The built boussole binary.
std::string binary();
/// A file's whole content.
std::string slurp(const std::string& path);
/// A new empty folder under the system's temporary folder, removed by nobody (tests are few).
std::string temp_dir(const std::string& name);
/// Writes a file, creating its folders.
void write(const std::string& path, const std::string& content);

struct Run {
    int status = -1;  ///< exit status, or 128 + signal, or -1 on time-out
    bool timed_out = false;
    std::string out, err;
};

/// Runs `args` (args[0] is the program) in `cwd` with extra environment `env` ("K=V"; "K=" unsets K),
/// killing it after `timeout_ms`.
Run run(const std::vector<std::string>& args, const std::string& cwd = "", const std::vector<std::string>& env = {},
        int timeout_ms = 20000);

/// Checks `actual` against tests/golden/NAME; with BOUSSOLE_UPDATE_GOLDEN set, rewrites it instead.
void check_golden(const std::string& name, const std::string& actual);

/// Runs boussole with `args` from the source folder.
Run boussole(const std::vector<std::string>& args, const std::vector<std::string>& env = {});

}  // namespace test
