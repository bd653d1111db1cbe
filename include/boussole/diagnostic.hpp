#pragma once
/// Severities and diagnostics: findings in the user's roadmap are data, never exceptions.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "boussole/rule_id.hpp"
#include "boussole/source.hpp"

namespace boussole {

/// How much a finding matters; `off` silences a rule.
enum class Severity { off, info, warning, error };

/// The one spelling of each severity, indexed by Severity: what users write and outputs print.
inline constexpr std::array<std::string_view, 4> severity_spellings{"off", "info", "warning", "error"};

/// The lower-case name of a severity (`error`, `warning`, `info`, `off`).
std::string_view to_string(Severity s);
/// Parses `off`, `info`, `warning` or `error`.
std::optional<Severity> parse_severity(std::string_view text);
/// The spellings as a message lists them: "off, info, warning or error".
std::string severity_choices();

/// A problem found while reading or checking, before its severity is decided.
struct Finding {
    RuleId rule;
    SourcePos pos;
    std::string message;
    /// The most this finding is reported as, whatever its rule's severity: a likely mistake the
    /// loader cannot be sure of (a comment that may belong to a title) is at most a warning.
    Severity at_most = Severity::error;
    /// What may replace the text at `pos` to fix it (a did-you-mean's ids, keys or values),
    /// most likely first; empty when the finding suggests nothing. The message says them too.
    std::vector<std::string> suggestions = {};
};

/// A finding with its configured severity and its file resolved for output.
struct Diagnostic {
    std::string file;  ///< display path
    std::uint32_t line = 1;
    std::uint32_t column = 1;
    std::uint32_t end_line = 1;
    std::uint32_t end_column = 2;  ///< the column just after the region (exclusive)
    Severity severity = Severity::error;
    std::string rule;
    std::string message;
    /// The finding's suggestions: texts that may replace the region (line, column ..
    /// end_column) to fix it, most likely first (the language server's quick fixes).
    std::vector<std::string> suggestions = {};
};

}  // namespace boussole
