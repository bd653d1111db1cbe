#pragma once
/// Lint output formats; each builds the whole text in memory.

#include <string>
#include <vector>

#include "boussole/lint.hpp"

namespace boussole {

/// `PATH:LINE:COL: SEVERITY: MESSAGE [RULE-ID]` lines, then a summary line.
std::string render_text(const LintResult& result, bool color);
/// The `json` format of CLI.md.
std::string render_json(const LintResult& result);
/// The summary line, e.g. `2 errors, 3 warnings in 4 files`.
std::string summary_line(const LintResult& result);

// The CI formats name files as code hosts expect: relative to the repository's top, which
// the caller finds (`root`; empty: the paths as given, normalised).

/// GitHub Actions workflow commands (`::error file=...,line=...::message`), one per diagnostic.
std::string render_github(const LintResult& result, const std::string& root = "");
/// A SARIF 2.1.0 log with every rule and every result.
std::string render_sarif(const LintResult& result, const std::string& root = "");
/// A GitLab Code Quality report (a JSON array).
std::string render_gitlab(const LintResult& result, const std::string& root = "");

/// The path of a file relative to `root` when it lies under it (else as given), normalised,
/// with forward slashes.
std::string repository_path(const std::string& path, const std::string& root = "");

/// A fingerprint for each diagnostic, stable across runs and line moves: a hash of the rule,
/// the repository path, the message and its rank among identical ones (32 hex digits).
std::vector<std::string> fingerprints(const LintResult& result, const std::string& root = "");

}  // namespace boussole

namespace boussole {

/// A JSON Schema (draft-07) of one roadmap file, for editors (yaml-language-server).
std::string render_schema();

}  // namespace boussole
