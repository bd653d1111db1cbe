#pragma once
/// Lint output formats; each builds the whole text in memory.

#include <string>

#include "boussole/lint.hpp"

namespace boussole {

/// `PATH:LINE:COL: SEVERITY: MESSAGE [RULE-ID]` lines, then a summary line.
std::string render_text(const LintResult& result, bool color);
/// The `json` format of CLI.md.
std::string render_json(const LintResult& result);
/// The summary line, e.g. `2 errors, 3 warnings in 4 files`.
std::string summary_line(const LintResult& result);

}  // namespace boussole
