// Writing files whole: a signal during a write leaves no temporary file behind.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "boussole/io.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {
int to_raise = 0;
}  // namespace

TEST_SUITE("cli") {
    TEST_CASE("a temporary file is removed when SIGINT, SIGTERM or SIGHUP stops a write") {
        for (const int sig : {SIGINT, SIGTERM, SIGHUP}) {
            CAPTURE(sig);
            const std::string dir = test::temp_dir("cli-signal-" + std::to_string(sig));
            test::write(dir + "/status.md", "old\n");
            to_raise = sig;
            const pid_t child = ::fork();
            REQUIRE(child >= 0);
            if (child == 0) {
                // The signal arrives once the whole content is in the temporary file, before the rename.
                boussole::write_file_atomically(dir + "/status.md", "new\n", [] { ::raise(to_raise); });
                ::_exit(0);
            }
            int status = 0;
            REQUIRE(::waitpid(child, &status, 0) == child);
            CHECK(WIFSIGNALED(status));
            CHECK(WTERMSIG(status) == sig);
            std::vector<std::string> names;
            for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
            CHECK(names == std::vector<std::string>{"status.md"});
            CHECK(test::slurp(dir + "/status.md") == "old\n");
        }
    }
}
