#include "rules/rule.hpp"

namespace boussole::rules {

// Reported by the loader: YAML parsers silently keep one of two equal keys.
const Rule duplicate_key{
    .id = RuleId::duplicate_key,
    .default_severity = Severity::error,
    .summary = "a key appears twice in the same mapping",
    .why =
        "Most YAML readers keep one of the two values without a word, so an edit (often a merge) "
        "is lost. boussole reads the first one and reports the second.",
    .bad = "- id: billing-automation\n  title: Automate billing set-up\n  due: 2022-08-26\n  due: 2022-09-09",
    .good = "- id: billing-automation\n  title: Automate billing set-up\n  due: 2022-09-09",
    .check = nullptr,
};

}  // namespace boussole::rules
