#pragma once
// textDocument/hover: what an id is (with the figures `boussole report` shows), and why a rule
// matters on a diagnostic's range.

#include <string>
#include <string_view>

#include "boussole/date.hpp"
#include "boussole/model.hpp"
#include "lsp/symbols.hpp"

namespace boussole::lsp {

// Markdown about the entity `use` names: a person's name, role and load; a key result's
// baseline → current → target and score; an epic's status, owner and due date; a metric's
// definition and dashboard. Figures are the report's of `roadmap` on `as_of`, written as it
// writes them. Empty when nothing of that id is declared.
std::string hover_id(const Roadmap& roadmap, const IdUse& use, Date as_of);

// Markdown about rule `rule` (its id as a diagnostic's code): when it fires and why it matters,
// as `boussole rules ID` says. Empty for an unknown id.
std::string hover_rule(std::string_view rule);

}  // namespace boussole::lsp
