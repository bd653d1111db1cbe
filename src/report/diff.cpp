// `boussole diff`: the content of build_diff() as text, JSON or Markdown, words from a message
// catalogue. Nothing is computed here.
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "boussole/format.hpp"
#include "boussole/recap.hpp"
#include "boussole/visible.hpp"
#include "report/markdown.hpp"
#include "report/messages.hpp"

namespace boussole {

namespace {

// The words of changes, shared by the text and Markdown outputs.
struct DiffWords {
    const DiffMessages& m;

    std::string side(const DiffSide& s) const {
        if (s.commit.empty()) return std::string(m.working_tree);
        const std::string commit = s.commit.substr(0, 7);
        return s.is_hash() ? commit : say(m.side, s.revision, commit);
    }

    // What the change is about: "epic cpq-rollout \"CPQ rollout\"".
    std::string subject(const Change& c) const {
        if (c.north_star)
            return c.subject == undeclared_north_star ? say(m.north_star_subject, c.title)
                                                      : say(m.north_star_subject_id, c.subject, c.title);
        std::string_view what;
        switch (c.kind) {
            case ChangeKind::stream_added:
            case ChangeKind::stream_removed:
                what = m.stream;
                break;
            case ChangeKind::kr_added:
            case ChangeKind::kr_removed:
            case ChangeKind::target_changed:
            case ChangeKind::current_changed:
                what = m.key_result;
                break;
            case ChangeKind::period_changed:
                return std::string(m.period);
            default:
                what = m.epic;
                break;
        }
        if (c.title.empty() || c.title == c.subject) return say(m.subject, what, c.subject);
        return say(m.subject_named, what, c.subject, c.title);
    }

    // The change in words, after its subject: "added in stream billing", "due 2026-11-01 → ...".
    std::string what(const Change& c) const {
        const std::string before = or_none(c.before), after = or_none(c.after);
        switch (c.kind) {
            case ChangeKind::stream_added:
                return std::string(m.added);
            case ChangeKind::stream_removed:
                return std::string(m.removed);
            case ChangeKind::epic_added:
                return c.after.empty() ? std::string(m.added) : say(m.added_in_stream, c.after);
            case ChangeKind::epic_removed:
                return c.before.empty() ? std::string(m.removed) : say(m.removed_from_stream, c.before);
            case ChangeKind::epic_moved:
                return say(m.moved, before, after);
            case ChangeKind::status_changed:
                return say(m.status_changed, status(c.before), status(c.after));
            case ChangeKind::owner_changed:
                return say(m.owner_changed, before, after);
            case ChangeKind::due_changed:
                return say(m.due_changed, before, after,
                           c.days ? say(m.due_shift, say_days(m, *c.days, true)) : std::string());
            case ChangeKind::field_changed:
                return say(m.field_changed, field(c.field), before, after);
            case ChangeKind::kr_added:
                return c.after.empty() ? std::string(m.added) : say(m.added_to_objective, c.after);
            case ChangeKind::kr_removed:
                return c.before.empty() ? std::string(m.removed) : say(m.removed_from_objective, c.before);
            case ChangeKind::target_changed:
                return say(m.target_changed, measure(c.before_value, before), measure(c.after_value, after));
            case ChangeKind::current_changed:
                return say(m.current_changed, measure(c.before_value, before), measure(c.after_value, after));
            case ChangeKind::period_changed:
                return say(m.period_changed, before, after);
        }
        return "";
    }

    std::string count_line(const DiffContent& d) const {
        std::string line = say(m.count_line, d.changes.size(), m.count(m.changes, d.changes.size()));
        if (d.targets_moved) line += say(m.targets_moved, d.targets_moved, m.count(m.targets, d.targets_moved));
        return line;
    }

    std::string or_none(const std::string& s) const { return s.empty() ? std::string(m.none) : s; }

    // A measure as the language writes numbers (104,000 or 104 000), else its text as written.
    std::string measure(const std::optional<double>& value, const std::string& written) const {
        return value ? md::number(*value, m.style->numbers) : written;
    }

    // A key of the format in the catalogue's words; a key it lacks as written.
    std::string field(const std::string& key) const {
        for (const FieldWord& f : m.field_names)
            if (f.key == key) return std::string(f.word);
        return key;
    }

    // An epic status as the format spells it (`in-progress`), in the catalogue's words.
    std::string status(const std::string& spelling) const {
        for (std::size_t i = 0; i < format::epic_statuses.size(); ++i)
            if (format::epic_statuses[i] == spelling) return std::string(m.status_words[static_cast<EpicStatus>(i)]);
        return or_none(spelling);
    }
};

enum class Mark { added, removed, goalposts, changed };

Mark mark(ChangeKind k) {
    switch (k) {
        case ChangeKind::stream_added:
        case ChangeKind::epic_added:
        case ChangeKind::kr_added:
            return Mark::added;
        case ChangeKind::stream_removed:
        case ChangeKind::epic_removed:
        case ChangeKind::kr_removed:
            return Mark::removed;
        case ChangeKind::target_changed:
            return Mark::goalposts;
        default:
            return Mark::changed;
    }
}

}  // namespace

std::string render_diff_text(const DiffContent& d, Language language) {
    const DiffWords w{diff_messages(language)};
    // Paths, revisions and values may hold anything: one change, one line, no control character.
    std::string out = say(w.m.text_header, visible(d.path), visible(w.side(d.from)), visible(w.side(d.to)));
    if (d.changes.empty()) return out + std::string(w.m.no_change) + "\n";
    out += w.count_line(d) + "\n";
    static constexpr char signs[] = {'+', '-', '!', '~'};
    for (const Change& c : d.changes)
        out +=
            fmt::format("{} {} {}\n", signs[static_cast<int>(mark(c.kind))], visible(w.subject(c)), visible(w.what(c)));
    return out;
}

std::string render_diff_json(const DiffContent& d, Language /*language*/) {
    using nlohmann::json;
    auto side = [](const DiffSide& s) {
        return json{{"revision", s.revision}, {"commit", s.commit.empty() ? json(nullptr) : json(s.commit)}};
    };
    auto text = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
    // A number as a JSON number: whole ones as integers (104000, not 104000.0).
    auto number = [](const std::optional<double>& v) -> json {
        if (!v) return nullptr;
        if (std::isfinite(*v) && *v == std::round(*v) && std::abs(*v) < 1e15) return static_cast<long long>(*v);
        return *v;
    };
    // Measures as numbers; every other value is text as written.
    const auto measured = [](ChangeKind k) {
        return k == ChangeKind::target_changed || k == ChangeKind::current_changed;
    };
    json list = json::array();
    for (const Change& c : d.changes) {
        json j{{"kind", to_string(c.kind)},
               {"subject", c.subject},
               {"title", c.title},
               {"before", measured(c.kind) ? number(c.before_value) : text(c.before)},
               {"after", measured(c.kind) ? number(c.after_value) : text(c.after)},
               {"north_star", c.north_star},
               {"goalposts_moved", c.kind == ChangeKind::target_changed}};
        if (!c.field.empty()) j["field"] = c.field;
        if (c.days) j["days"] = *c.days;
        list.push_back(std::move(j));
    }
    json counts = json::object();
    for (const auto& [kind, n] : d.counts) counts[std::string(to_string(kind))] = n;
    const json doc{
        {"path", d.path}, {"from", side(d.from)}, {"to", side(d.to)}, {"changes", list}, {"summary", counts}};
    return json_document(doc);
}

std::string render_diff_markdown(const DiffContent& d, Language language) {
    const DiffWords w{diff_messages(language)};
    const DiffMessages& m = w.m;
    // The comment marks the comment, so that a workflow can find and update its earlier one.
    std::string out = fmt::format("<!-- boussole-diff -->\n# {}\n\n", m.heading);
    out += say(m.comparing, md::text(w.side(d.from)), md::text(w.side(d.to)), md::text(d.path));
    if (d.changes.empty()) return out + std::string(m.no_change) + std::string(m.sentence_end) + "\n";
    out += w.count_line(d) + std::string(m.sentence_end) + "\n\n";
    std::vector<std::string> moved;
    for (const std::size_t i : d.goalposts) moved.push_back(md::text(w.subject(d.changes[i])));
    if (!moved.empty())
        out += fmt::format("> **{}** {}\n\n", m.goalposts_label,
                           say(m.goalposts_moved, fmt::join(moved, m.list_separator)));
    md::Table t({std::string(m.columns[0]), std::string(m.columns[1]), std::string(m.columns[2])}, "lll");
    // Text symbols, as the status report's, not emoji: U+2795 and U+2796 show as empty boxes
    // where no emoji font is installed.
    static constexpr std::string_view marks[] = {"+", "−", "⚑", "✎"};
    for (const Change& c : d.changes)
        t.row({std::string(marks[static_cast<int>(mark(c.kind))]), md::text(w.subject(c)), md::text(w.what(c))});
    out += t.render();
    out += fmt::format("\n*{}*\n", m.posted_by);
    return out;
}

}  // namespace boussole
