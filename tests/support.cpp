#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "support.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace test {

namespace fs = std::filesystem;

std::string source_dir() { return BOUSSOLE_SOURCE_DIR; }
std::string binary() { return BOUSSOLE_BINARY; }

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string temp_dir(const std::string& name) {
    const fs::path p = fs::temp_directory_path() / ("boussole-test-" + std::to_string(::getpid())) / name;
    fs::remove_all(p);
    fs::create_directories(p);
    return p.string();
}

void write(const std::string& path, const std::string& content) {
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << content;
}

Run run(const std::vector<std::string>& args, const std::string& cwd, const std::vector<std::string>& env,
        int timeout_ms) {
    Run result;
    const std::string base =
        temp_dir("run-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    const std::string out_path = base + "/out", err_path = base + "/err";
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int in = ::open("/dev/null", O_RDONLY);
        ::dup2(in, 0);
        ::dup2(out, 1);
        ::dup2(err, 2);
        if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(127);
        for (const std::string& kv : env) {
            const auto eq = kv.find('=');
            const std::string k = kv.substr(0, eq), v = kv.substr(eq + 1);
            if (v.empty()) {
                ::unsetenv(k.c_str());
            } else {
                ::setenv(k.c_str(), v.c_str(), 1);
            }
        }
        std::vector<char*> argv;
        for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (true) {
        const pid_t r = ::waitpid(pid, &status, WNOHANG);
        if (r == pid) break;
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            result.timed_out = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (result.timed_out) {
        result.status = -1;
    } else if (WIFEXITED(status)) {
        result.status = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        result.status = 128 + WTERMSIG(status);
    }
    result.out = slurp(out_path);
    result.err = slurp(err_path);
    fs::remove_all(base);
    return result;
}

void check_golden(const std::string& name, const std::string& given) {
    std::string actual = given;
    // An HTML page's stylesheet is the same in every page: it has one golden of its own,
    // page.css, and each page's golden holds a marker in its place.
    if (name.ends_with(".html")) {
        const std::size_t open = actual.find("<style>"), close = actual.find("</style>");
        REQUIRE_MESSAGE((open != std::string::npos && close != std::string::npos), name, " has no <style>");
        check_golden("page.css", actual.substr(open + 7, close - open - 7));
        actual.replace(open + 7, close - open - 7, "/* tests/golden/page.css */");
    }
    const std::string path = source_dir() + "/tests/golden/" + name;
    if (std::getenv("BOUSSOLE_UPDATE_GOLDEN")) write(path, actual);
    CAPTURE(path);
    CHECK(fs::exists(path));
    CHECK(actual == slurp(path));
}

Run boussole(const std::vector<std::string>& args, const std::vector<std::string>& env) {
    std::vector<std::string> all{binary()};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<std::string> e{"NO_COLOR=", "GITHUB_ACTIONS="};
    e.insert(e.end(), env.begin(), env.end());
    return run(all, source_dir(), e);
}

}  // namespace test
