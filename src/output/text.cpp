#include <fmt/format.h>

#include "boussole/output.hpp"
#include "boussole/visible.hpp"

namespace boussole {

namespace {

std::string count(std::size_t n, std::string_view word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

std::string_view color_of(Severity s) {
    switch (s) {
        case Severity::error:
            return "\033[1;31m";
        case Severity::warning:
            return "\033[1;33m";
        default:
            return "\033[1;36m";
    }
}

}  // namespace

std::string summary_line(const LintResult& r) {
    std::string line = fmt::format("{}, {}", count(r.errors, to_string(Severity::error)),
                                   count(r.warnings, to_string(Severity::warning)));
    if (r.infos > 0) line += fmt::format(", {}", count(r.infos, to_string(Severity::info)));
    return fmt::format("{} in {}", line, count(r.files, "file"));
}

std::string render_text(const LintResult& r, bool color) {
    std::string out;
    for (const Diagnostic& d : r.diagnostics) {
        // One diagnostic, one line: values from the roadmap and file names may hold anything.
        const std::string file = visible(d.file), message = visible(d.message), rule = visible(d.rule);
        if (color) {
            out += fmt::format("\033[1m{}:{}:{}:\033[0m {}{}:\033[0m {} \033[2m[{}]\033[0m\n", file, d.line, d.column,
                               color_of(d.severity), to_string(d.severity), message, rule);
        } else {
            out += fmt::format("{}:{}:{}: {}: {} [{}]\n", file, d.line, d.column, to_string(d.severity), message, rule);
        }
    }
    out += summary_line(r);
    out += '\n';
    return out;
}

}  // namespace boussole
