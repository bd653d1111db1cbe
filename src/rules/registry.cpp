#include <stdexcept>

#include "rules/rule.hpp"

namespace boussole {

namespace {
#define BOUSSOLE_RULE(name, spelling) &rules::name,
const Rule* const catalogue[] = {
#include "boussole/catalogue.def"
};
#undef BOUSSOLE_RULE
static_assert(std::size(catalogue) == rule_count);
}  // namespace

std::span<const Rule* const> all_rules() { return catalogue; }

const Rule& find_rule(RuleId id) { return *catalogue[static_cast<std::size_t>(id)]; }

const Rule* find_rule(std::string_view id) {
    const std::optional<RuleId> r = parse_rule_id(id);
    return r ? &find_rule(*r) : nullptr;
}

std::vector<std::string> rule_ids() { return {rule_spellings.begin(), rule_spellings.end()}; }

int LintContext::option(const RuleOption& o) const {
    const auto it = option_values.find(o.path);
    if (it == option_values.end()) throw std::logic_error(fmt::format("option '{}' is not declared by a rule", o.path));
    return it->second;
}

}  // namespace boussole
