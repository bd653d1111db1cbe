#include "rules/rule.hpp"

namespace boussole::rules {

// Reported by the loader, with the closest known key as a suggestion.
const Rule unknown_key{
    .id = RuleId::unknown_key,
    .default_severity = Severity::error,
    .summary = "a key is not in the format and does not start with x-",
    .why =
        "A typo such as 'ownr:' would otherwise drop the owner without a word. "
        "Keys of your own are welcome when they start with 'x-'.",
    .bad = "- id: billing-automation\n  title: Automate billing set-up\n  ownr: sam",
    .good =
        "- id: billing-automation\n  title: Automate billing set-up\n  owner: sam\n  x-jira: OPS-142    # your own key",
    .check = nullptr,
};

}  // namespace boussole::rules
