// `boussole diff`: the semantic change list between two states, as text, JSON or Markdown.
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "boussole/recap.hpp"
#include "report/markdown.hpp"

namespace boussole {

namespace {

bool goalposts(const Change& c) { return c.kind == ChangeKind::target_changed; }

std::string side_name(const DiffSide& s) {
    if (s.commit.empty()) return s.revision;
    if (s.revision.size() >= 4 && s.commit.starts_with(s.revision)) return s.commit.substr(0, 7);  // a hash
    return fmt::format("{} ({})", s.revision, s.commit.substr(0, 7));
}

// What the change is about: "epic cpq-rollout \"CPQ rollout\"".
std::string subject_text(const Change& c) {
    if (c.north_star) return fmt::format("North Star \"{}\"", c.title);
    std::string_view what;
    switch (c.kind) {
        case ChangeKind::stream_added:
        case ChangeKind::stream_removed:
            what = "stream";
            break;
        case ChangeKind::kr_added:
        case ChangeKind::kr_removed:
        case ChangeKind::target_changed:
        case ChangeKind::current_changed:
            what = "key result";
            break;
        case ChangeKind::period_changed:
            return "period";
        default:
            what = "epic";
            break;
    }
    if (c.title.empty() || c.title == c.subject) return fmt::format("{} {}", what, c.subject);
    return fmt::format("{} {} \"{}\"", what, c.subject, c.title);
}

std::string or_none(const std::string& s) { return s.empty() ? "none" : s; }

std::string days_text(const Change& c) { return c.days ? fmt::format(" ({})", md::days(*c.days, true)) : ""; }

// The change in words, after its subject: "added in stream billing", "due 2026-11-01 → ...".
std::string what_text(const Change& c) {
    switch (c.kind) {
        case ChangeKind::stream_added:
            return "added";
        case ChangeKind::stream_removed:
            return "removed";
        case ChangeKind::epic_added:
            return c.after.empty() ? "added" : fmt::format("added in stream {}", c.after);
        case ChangeKind::epic_removed:
            return c.before.empty() ? "removed" : fmt::format("removed (was in stream {})", c.before);
        case ChangeKind::epic_moved:
            return fmt::format("moved from stream {} to stream {}", or_none(c.before), or_none(c.after));
        case ChangeKind::status_changed:
            return fmt::format("status {} → {}", c.before, c.after);
        case ChangeKind::owner_changed:
            return fmt::format("owner {} → {}", or_none(c.before), or_none(c.after));
        case ChangeKind::due_changed:
            return fmt::format("due {} → {}{}", or_none(c.before), or_none(c.after), days_text(c));
        case ChangeKind::kr_added:
            return c.after.empty() ? "added" : fmt::format("added to objective {}", c.after);
        case ChangeKind::kr_removed:
            return c.before.empty() ? "removed" : fmt::format("removed (was in objective {})", c.before);
        case ChangeKind::target_changed:
            return fmt::format("target {} → {}: the goalposts moved", or_none(c.before), or_none(c.after));
        case ChangeKind::current_changed:
            return fmt::format("current {} → {}", or_none(c.before), or_none(c.after));
        case ChangeKind::period_changed:
            return fmt::format("{} → {}", or_none(c.before), or_none(c.after));
    }
    return "changed";
}

char sign(const Change& c) {
    switch (c.kind) {
        case ChangeKind::stream_added:
        case ChangeKind::epic_added:
        case ChangeKind::kr_added:
            return '+';
        case ChangeKind::stream_removed:
        case ChangeKind::epic_removed:
        case ChangeKind::kr_removed:
            return '-';
        case ChangeKind::target_changed:
            return '!';
        default:
            return '~';
    }
}

std::string count_line(const std::vector<Change>& changes) {
    std::size_t moved = 0;
    for (const Change& c : changes) moved += goalposts(c) ? 1 : 0;
    std::string line = fmt::format("{} change{}", changes.size(), changes.size() == 1 ? "" : "s");
    if (moved) line += fmt::format(", {} target{} moved", moved, moved == 1 ? "" : "s");
    return line;
}

}  // namespace

std::string render_diff_text(const std::vector<Change>& changes, const DiffSide& a, const DiffSide& b,
                             const std::string& path) {
    std::string out = fmt::format("{}: {} → {}: ", path, side_name(a), side_name(b));
    if (changes.empty()) return out + "no change to the plan\n";
    out += count_line(changes) + "\n";
    for (const Change& c : changes) out += fmt::format("{} {} {}\n", sign(c), subject_text(c), what_text(c));
    return out;
}

std::string render_diff_json(const std::vector<Change>& changes, const DiffSide& a, const DiffSide& b,
                             const std::string& path) {
    using nlohmann::json;
    auto side = [](const DiffSide& s) {
        return json{{"revision", s.revision}, {"commit", s.commit.empty() ? json(nullptr) : json(s.commit)}};
    };
    json list = json::array();
    std::map<std::string, std::size_t> counts;
    for (const Change& c : changes) {
        json j{{"kind", to_string(c.kind)},
               {"subject", c.subject},
               {"title", c.title},
               {"before", c.before.empty() ? json(nullptr) : json(c.before)},
               {"after", c.after.empty() ? json(nullptr) : json(c.after)},
               {"north_star", c.north_star},
               {"goalposts_moved", goalposts(c)}};
        if (c.days) j["days"] = *c.days;
        list.push_back(std::move(j));
        ++counts[std::string(to_string(c.kind))];
    }
    const json doc{{"path", path}, {"from", side(a)}, {"to", side(b)}, {"changes", list}, {"summary", counts}};
    return doc.dump(2) + "\n";
}

std::string render_diff_markdown(const std::vector<Change>& changes, const DiffSide& a, const DiffSide& b,
                                 const std::string& path) {
    // The comment marks the comment, so that a workflow can find and update its earlier one.
    std::string out = "<!-- boussole-diff -->\n# Roadmap changes\n\n";
    out += fmt::format("Comparing {} with {} for {}: ", md::text(side_name(a)), md::text(side_name(b)), md::text(path));
    if (changes.empty()) return out + "no change to the plan.\n";
    out += count_line(changes) + ".\n\n";
    std::vector<std::string> moved;
    for (const Change& c : changes)
        if (goalposts(c)) moved.push_back(md::text(subject_text(c)));
    if (!moved.empty())
        out += fmt::format("> **Goalposts moved:** the target of {} changed.\n\n", fmt::join(moved, ", "));
    md::Table t({"±", "What", "Change"}, "lll");
    for (const Change& c : changes) {
        const std::string mark = sign(c) == '+' ? "➕" : sign(c) == '-' ? "➖" : sign(c) == '!' ? "⚑" : "✎";
        t.row({mark, md::text(subject_text(c)), md::text(what_text(c))});
    }
    out += t.render();
    out += "\n*Posted by boussole diff.*\n";
    return out;
}

}  // namespace boussole
