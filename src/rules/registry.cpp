#include <algorithm>

#include "rules/rule.hpp"

namespace boussole {

namespace {
#define BOUSSOLE_RULE(name) &rules::name,
const Rule* const catalogue[] = {
#include "rules/catalogue.def"
};
#undef BOUSSOLE_RULE
}  // namespace

std::span<const Rule* const> all_rules() { return catalogue; }

const Rule* find_rule(std::string_view id) {
    const auto it =
        std::find_if(std::begin(catalogue), std::end(catalogue), [&](const Rule* r) { return r->id == id; });
    return it == std::end(catalogue) ? nullptr : *it;
}

std::vector<std::string> rule_ids() {
    std::vector<std::string> ids;
    for (const Rule* r : catalogue) ids.emplace_back(r->id);
    return ids;
}

}  // namespace boussole
