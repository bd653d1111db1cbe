#include "rules/rule.hpp"

namespace boussole::rules {

// Reported by the loader (types, dates, periods, ids, enumerations, ranges) and by the linter
// for the rule settings under roadmap.lint.
const Rule invalid_value{
    .id = RuleId::invalid_value,
    .default_severity = Severity::error,
    .summary = "wrong type, bad date, bad period, bad id, value outside its enumeration or range",
    .why =
        "A value that cannot be read is a value the reports cannot use: a due date of '2022-13-01' "
        "or a status of 'wip' would make an epic vanish from the at-risk list.",
    .bad = "- id: Billing Automation\n  title: Automate billing set-up\n  status: wip\n  due: 26/08/2022",
    .good = "- id: billing-automation\n  title: Automate billing set-up\n  status: in-progress\n  due: 2022-08-26",
    .check = nullptr,
};

}  // namespace boussole::rules
