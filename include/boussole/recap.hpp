#pragma once
/// The renderers of the reports built from the roadmap's history: the end-of-period recap and
/// the plan diff. Their content is data built in plan/ (recap_content.hpp, plan.hpp); reading
/// git is history.hpp's business.

#include <string>

#include "boussole/plan.hpp"
#include "boussole/recap_content.hpp"

namespace boussole {

/// The end-of-period recap in Markdown, in `language`.
std::string render_recap_markdown(const RecapContent& content, Language language = Language::en);
/// The recap of `input` in Markdown: build_recap() then render_recap_markdown(). Only call when
/// recap_blocker() is empty.
std::string render_recap(const RecapInput& input, Language language = Language::en);
/// The recap's content as JSON, in the shape doc/schema/recap.schema.json defines
/// (`"format": "boussole.recap/1"`). JSON is for programs and has no language: `language` is
/// ignored, so that every format renders alike.
std::string render_recap_json(const RecapContent& content, Language language = Language::en);
/// issue 15: the recap as one self-contained HTML page (inline CSS and SVG charts, no script,
/// nothing fetched), in `language`.
std::string render_recap_html(const RecapContent& content, Language language = Language::en);

/// The semantic change list between two states, as text for a terminal, in `language`.
std::string render_diff_text(const DiffContent& diff, Language language = Language::en);
/// The same as JSON: {"from", "to", "path", "changes": [...], "summary"}; JSON is for programs
/// and has no language (`language` is ignored, so every format renders alike).
std::string render_diff_json(const DiffContent& diff, Language language = Language::en);
/// The same as Markdown, meant to be posted as a pull-request comment, in `language`.
std::string render_diff_markdown(const DiffContent& diff, Language language = Language::en);

}  // namespace boussole
