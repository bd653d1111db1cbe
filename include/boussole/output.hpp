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

/// GitHub Actions workflow commands (`::error file=...,line=...::message`), one per diagnostic.
std::string render_github(const LintResult& result);
/// A SARIF 2.1.0 log with every rule and every result.
std::string render_sarif(const LintResult& result);
/// A GitLab Code Quality report (a JSON array).
std::string render_gitlab(const LintResult& result);

/// The path of a file relative to the root of the git work tree that holds the current
/// directory (or to the current directory outside one), with forward slashes: what code
/// hosts expect in annotations.
std::string repository_path(const std::string& path);

/// A fingerprint for each diagnostic, stable across runs and line moves: a hash of the rule,
/// the repository path, the message and its rank among identical ones (32 hex digits).
std::vector<std::string> fingerprints(const LintResult& result);

}  // namespace boussole

namespace boussole {

/// A JSON Schema (draft-07) of one roadmap file, for editors (yaml-language-server).
std::string render_schema();

}  // namespace boussole
