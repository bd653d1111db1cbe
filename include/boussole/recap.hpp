#pragma once
/// Reports built from the roadmap's history: the end-of-period recap and the plan diff. Both
/// are pure functions of roadmap states (plan.hpp); reading git is history.hpp's business.

#include <optional>
#include <string>
#include <vector>

#include "boussole/date.hpp"
#include "boussole/plan.hpp"

namespace boussole {

/// What the recap is made from.
struct RecapInput {
    std::vector<PlanState> states;  ///< [0] the baseline, then every change oldest first; back() is the end
    Date today;                     ///< the date of uncommitted changes
    std::string generator = "boussole";
    std::vector<std::string> notes;  ///< caveats shown under the header (a cut history, ...)
};

/// Why no recap can be made (no period at the end nor at the baseline), or empty.
std::optional<std::string> recap_blocker(const RecapInput& input);

/// The end-of-period recap in Markdown. Only call when recap_blocker() is empty.
std::string render_recap(const RecapInput& input);

/// One side of a diff, as named in its output.
struct DiffSide {
    std::string revision;  ///< as the user wrote it, or "working tree"
    std::string commit;    ///< the full commit id; empty for the working tree
};

/// The semantic change list between two states, as text for a terminal.
std::string render_diff_text(const std::vector<Change>& changes, const DiffSide& a, const DiffSide& b,
                             const std::string& path);
/// The same as JSON: {"from", "to", "path", "changes": [...], "summary"}.
std::string render_diff_json(const std::vector<Change>& changes, const DiffSide& a, const DiffSide& b,
                             const std::string& path);
/// The same as Markdown, meant to be posted as a pull-request comment.
std::string render_diff_markdown(const std::vector<Change>& changes, const DiffSide& a, const DiffSide& b,
                                 const std::string& path);

}  // namespace boussole
