#pragma once
/// The rule catalogue and the linter: model -> rules -> diagnostics.

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "boussole/diagnostic.hpp"
#include "boussole/model.hpp"

namespace boussole {

/// A whole number a rule reads from `roadmap.lint`, declared on the rule that reads it.
struct RuleOption {
    std::string_view path;          ///< where it is written under roadmap.lint: "themes.min"
    int default_value;              ///< used when it is not written, or written out of bounds
    std::string_view description;   ///< what it sets, in a few words
    std::string_view at_most = {};  ///< the path of another option of the rule it may not exceed, if any
};

/// What a check may read.
struct LintContext {
    const Roadmap& roadmap;
    const RoadmapIndex& index;
    const std::map<std::string_view, int>& option_values;  ///< every declared option by path, resolved
    std::span<const Severity> severities = {};             ///< every rule's, indexed by RuleId; empty: all on

    /// The value of an option the running rule declares: roadmap.lint's, else its default.
    [[nodiscard]] int option(const RuleOption& o) const;
    /// Whether the rule `id` reports (its severity is not off): a rule that leaves a finding
    /// for another rule to explain asks first.
    [[nodiscard]] bool reports(RuleId id) const {
        return severities.empty() || severities[static_cast<std::size_t>(id)] != Severity::off;
    }
};

/// Where a check reports; the linter stamps the rule id and severity, not the check.
class Reporter {
public:
    /// Records a problem at `pos`.
    virtual void report(SourcePos pos, std::string message) = 0;
    /// Records a problem at `pos` that the texts of `suggestions` (most likely first) would fix
    /// if written instead of the value at `pos`; the message says them too.
    virtual void report_fixable(SourcePos pos, std::string message, std::vector<std::string> suggestions) {
        (void)suggestions;
        report(pos, std::move(message));
    }

protected:
    ~Reporter() = default;
};

/// One lint rule: its documentation and its check, in one source file.
struct Rule {
    RuleId id;
    Severity default_severity;
    std::string_view summary;  ///< one line: when it fires
    std::string_view why;      ///< why it matters
    std::string_view bad;      ///< a YAML snippet that triggers it
    std::string_view good;     ///< the same snippet, fixed
    /// The check; null for the rules reported while reading the files.
    void (*check)(const LintContext&, Reporter&);
    /// True when the rule needs every file to judge (skipped when a file cannot be parsed).
    bool needs_whole_tree = false;
    /// The settings the check reads through LintContext::option.
    std::span<const RuleOption> options = {};
};

/// Every registered rule, in catalogue order.
std::span<const Rule* const> all_rules();
/// The rule with this id.
const Rule& find_rule(RuleId id);
/// The rule spelt `id`, or null.
const Rule* find_rule(std::string_view id);
/// Every rule id, in catalogue order.
std::vector<std::string> rule_ids();

/// Where the rule `id` is documented: its section of doc/rules.md under the project's home page
/// (`<home>/doc/rules.md#<rule-id>`), as SARIF's helpUri and the language server's
/// codeDescription give it.
std::string rule_documentation_url(RuleId id);
/// The text of doc/rules.md: every rule of the catalogue, in order, one section each (its id as
/// the heading, hence the anchor), with its default severity, summary, why, options and examples.
std::string rules_markdown();

/// How the user configured the linter (command line; the roadmap's own settings are read too).
struct LintOptions {
    std::map<RuleId, Severity> rule_overrides;  ///< `--rule ID=SEVERITY`, wins over the file
};

/// The outcome of a lint: sorted diagnostics and their counts.
struct LintResult {
    std::vector<Diagnostic> diagnostics;
    std::size_t files = 0;
    std::size_t errors = 0, warnings = 0, infos = 0;
    std::vector<std::string> notes;  ///< things the user should know that are not diagnostics
};

/// Runs every rule on `roadmap` and returns its diagnostics with their configured severity.
LintResult lint_roadmap(const Roadmap& roadmap, const LintOptions& options = {});

/// Merges several results into one, sorted (for `lint` with several PATHs).
LintResult merge_results(std::vector<LintResult> results);

}  // namespace boussole
