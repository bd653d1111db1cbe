// The rules' documentation page (doc/rules.md) and where each rule's section is, for the outputs
// that link to it (SARIF's helpUri, the language server's codeDescription).
#include <fmt/format.h>

#include "boussole/lint.hpp"

namespace boussole {

std::string rule_documentation_url(RuleId id) {
    return fmt::format("{}doc/rules.md#{}", BOUSSOLE_HOMEPAGE, to_string(id));
}

std::string rules_markdown() {
    std::string out =
        "# Lint rules\n\n"
        "<!-- Generated from the rule catalogue (src/rules/): do not edit. The docs test fails when it is out of "
        "date; regenerate it with BOUSSOLE_UPDATE_GOLDEN=1 build/tests/boussole_tests -ts=docs -->\n\n"
        "Every rule `boussole lint` runs, in catalogue order; `boussole rules ID` prints the same help. A rule's "
        "severity is set under `roadmap.lint.rules` in the roadmap, or with `--rule ID=SEVERITY`.\n";
    for (const Rule* r : all_rules()) {
        out += fmt::format("\n## {}\n\n**{}** by default. Fires when {}.\n\n{}\n", to_string(r->id),
                           to_string(r->default_severity), r->summary, r->why);
        if (!r->options.empty()) {
            out += "\nOptions, under `roadmap.lint`:\n\n";
            for (const RuleOption& o : r->options)
                out += fmt::format("- `{}`: {} (default {}{})\n", o.path, o.description, o.default_value,
                                   o.at_most.empty() ? "" : fmt::format(", at most `{}`", o.at_most));
        }
        out += fmt::format("\nBad:\n\n```yaml\n{}\n```\n\nGood:\n\n```yaml\n{}\n```\n", r->bad, r->good);
    }
    return out;
}

}  // namespace boussole
