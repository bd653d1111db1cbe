#include "lsp/actions.hpp"

#include <fmt/format.h>

namespace boussole::lsp {

using json = nlohmann::json;

namespace {

std::pair<long long, long long> position(const json& p) {
    return {p.at("line").get<long long>(), p.at("character").get<long long>()};
}

// Whether a code action of kind "quickfix" is asked for: no `only`, or a kind it falls under.
bool quickfix_wanted(const json& only) {
    if (!only.is_array()) return true;
    for (const json& k : only)
        if (k == "quickfix" || k == "") return true;
    return false;
}

}  // namespace

json code_actions(const EditSite& site, std::uint32_t file, const std::vector<Diagnostic>& diagnostics,
                  const std::function<json(const Diagnostic&)>& published, std::pair<long long, long long> from,
                  std::pair<long long, long long> to, const json& only) {
    json out = json::array();
    if (!quickfix_wanted(only)) return out;
    for (const Diagnostic& d : diagnostics) {
        if (d.suggestions.empty() || d.end_line != d.line || d.end_column <= d.column) continue;
        const json lsp = published(d);
        if (position(lsp["range"]["end"]) < from || to < position(lsp["range"]["start"]))
            continue;  // no overlap (touching counts: a cursor at either end)
        const SourcePos at{file, d.line, d.column, d.end_column - d.column};
        for (const std::string& s : d.suggestions) {
            const std::optional<TextEdit> edit = replace_scalar(site, at, std::nullopt, s);
            if (!edit) continue;
            out.push_back({{"title", fmt::format("Change '{}' to '{}'", edit->replaced, s)},
                           {"kind", "quickfix"},
                           {"diagnostics", json::array({lsp})},
                           {"isPreferred", d.suggestions.size() == 1},
                           {"edit", workspace_edit(site, {*edit})}});
        }
    }
    return out;
}

}  // namespace boussole::lsp
