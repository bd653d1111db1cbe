#pragma once
// textDocument/codeAction: the did-you-mean suggestions of the lint diagnostics as quick fixes.

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "boussole/diagnostic.hpp"
#include "lsp/rename.hpp"

namespace boussole::lsp {

// The quick fixes of the diagnostics of file `file` (`diagnostics`, as lint gave them) that
// overlap the LSP range `from`..`to` (line, character): one per suggestion, replacing the text the diagnostic points at
// with it, linked to the diagnostic as published (`published`), preferred when it is the only
// one. `only` is the request's context.only (null: every kind).
nlohmann::json code_actions(const EditSite& site, std::uint32_t file, const std::vector<Diagnostic>& diagnostics,
                            const std::function<nlohmann::json(const Diagnostic&)>& published,
                            std::pair<long long, long long> from, std::pair<long long, long long> to,
                            const nlohmann::json& only);

}  // namespace boussole::lsp
