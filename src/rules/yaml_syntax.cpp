#include "rules/rule.hpp"

namespace boussole::rules {

// Reported by the loader: the parser's errors, invalid UTF-8, hostile input (cycles, alias
// bombs, nesting), and a document that is not a mapping.
const Rule yaml_syntax{
    .id = RuleId::yaml_syntax,
    .default_severity = Severity::error,
    .summary = "a file is not valid YAML, or not a mapping at the top",
    .why =
        "A file that cannot be parsed contributes nothing: every epic in it silently leaves the plan. "
        "The rest of the tree is still checked, but rules that need the whole roadmap wait until it parses.",
    .bad = "streams:\n  - id: crm\n    title: CRM hygiene\n   owner: lea      # one space short: not valid YAML",
    .good = "streams:\n  - id: crm\n    title: CRM hygiene\n    owner: lea",
    .check = nullptr,
};

}  // namespace boussole::rules
