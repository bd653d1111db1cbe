// GitHub Actions workflow commands, escaped as the Actions toolkit does (core/src/command.ts).
#include <algorithm>

#include <fmt/format.h>

#include "boussole/output.hpp"
#include "boussole/visible.hpp"

namespace boussole {

namespace {

std::string escape_data(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '%':
                out += "%25";
                break;
            case '\r':
                out += "%0D";
                break;
            case '\n':
                out += "%0A";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string escape_property(std::string_view s) {
    std::string out;
    for (char c : escape_data(s)) {
        switch (c) {
            case ':':
                out += "%3A";
                break;
            case ',':
                out += "%2C";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string_view command(Severity s) {
    switch (s) {
        case Severity::error:
            return "error";
        case Severity::warning:
            return "warning";
        default:
            return "notice";
    }
}

}  // namespace

std::string render_github(const LintResult& r, const std::string& root) {
    std::string out;
    for (const Diagnostic& d : r.diagnostics) {
        // GitHub's endColumn is the last column of the region, inclusive.
        // The log shows the line to people too: control characters visible, then GitHub's escapes.
        const std::uint32_t end_column = std::max(d.column, d.end_column > d.column ? d.end_column - 1 : d.column);
        out += fmt::format("::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n", command(d.severity),
                           escape_property(visible(repository_path(d.file, root))), d.line, d.column, d.end_line,
                           end_column, escape_property(visible(d.rule)), escape_data(visible(d.message)));
    }
    // A plain line for the log, as yamllint prints: annotations alone are easy to miss.
    out += summary_line(r);
    out += '\n';
    return out;
}

}  // namespace boussole
