#pragma once
/// The ids of the lint rules, generated from the catalogue (include/boussole/catalogue.def), so that a
/// finding can only name a rule that exists. Free of dependencies: the loader includes it
/// without knowing the rules. The catalogue is found on the `src/` include path, which every
/// target of the project has.

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace boussole {

/// A registered lint rule, in catalogue order.
enum class RuleId {
#define BOUSSOLE_RULE(name, spelling) name,
#include "boussole/catalogue.def"
#undef BOUSSOLE_RULE
};

/// Every rule id's kebab-case spelling (`unknown-key`), indexed by RuleId.
inline constexpr std::array rule_spellings{
#define BOUSSOLE_RULE(name, spelling) std::string_view(spelling),
#include "boussole/catalogue.def"
#undef BOUSSOLE_RULE
};

/// How many rules the catalogue registers.
inline constexpr std::size_t rule_count = rule_spellings.size();

/// The kebab-case spelling of a rule id, as users write it.
constexpr std::string_view to_string(RuleId id) { return rule_spellings[static_cast<std::size_t>(id)]; }

/// The rule id spelt `text`, if there is one.
constexpr std::optional<RuleId> parse_rule_id(std::string_view text) {
    for (std::size_t i = 0; i < rule_count; ++i)
        if (rule_spellings[i] == text) return static_cast<RuleId>(i);
    return std::nullopt;
}

}  // namespace boussole
