#include "load/convert.hpp"

#include <algorithm>
#include <span>
#include <type_traits>
#include <unordered_set>

#include <fmt/format.h>

#include "boussole/fields.hpp"
#include "boussole/format.hpp"
#include "boussole/spell.hpp"

namespace boussole::load {

namespace {

using yaml::Kind;
using yaml::Node;

constexpr RuleId unknown_key = RuleId::unknown_key;
constexpr RuleId invalid_value = RuleId::invalid_value;

struct BudgetExceeded {};

// Reading state for one document. The budget bounds the values read through aliases, so an
// alias bomb costs a finding, not the machine.
class Ctx {
public:
    Ctx(Roadmap& out, std::size_t budget) : out_(out), budget_(budget) {}

    void finding(RuleId rule, SourcePos pos, std::string message, Severity at_most = Severity::error,
                 std::vector<std::string> suggestions = {}) {
        out_.load_findings.push_back({rule, pos, std::move(message), at_most, std::move(suggestions)});
    }
    void spend(std::size_t n) {
        if (n > budget_) throw BudgetExceeded{};
        budget_ -= n;
    }
    Roadmap& out() { return out_; }

private:
    Roadmap& out_;
    std::size_t budget_;
};

// The keys of one mapping, with `<<` merge keys resolved; reports unknown keys when done.
class MapView {
public:
    MapView(Ctx& ctx, const Node& map, const std::vector<std::string>& known, std::string_view what)
        : ctx_(ctx), known_(known), what_(what) {
        collect(map, 0);
        ctx_.spend(entries_.size() + 1);
        for (const Entry& e : entries_) {
            if (e.key->value.starts_with("x-") || std::find(known_.begin(), known_.end(), e.key->value) != known_.end())
                continue;
            if (auto m = closest_match(e.key->value, known_)) typos_.push_back(std::move(*m));
        }
    }
    MapView(const MapView&) = delete;
    MapView& operator=(const MapView&) = delete;
    ~MapView() {
        for (std::size_t i = 0; i < entries_.size(); ++i) {
            const Entry& e = entries_[i];
            if (e.used || e.key->value.starts_with("x-")) continue;
            if (report_split_value(i)) continue;
            std::optional<std::string> meant = closest_match(e.key->value, known_);
            std::string hint = did_you_mean(e.key->value, known_);
            if (hint.empty()) hint = fmt::format(" (expected {}, or x-... for your own keys)", fmt::join(known_, ", "));
            // The key meant, as a fix, unless the mapping has it already (writing it would repeat it).
            std::vector<std::string> suggestions;
            if (meant && std::none_of(entries_.begin(), entries_.end(),
                                      [&](const Entry& other) { return other.key->value == *meant; }))
                suggestions.push_back(std::move(*meant));
            ctx_.finding(unknown_key, e.key->pos, fmt::format("unknown key '{}' in {}{}", e.key->value, what_, hint),
                         Severity::error, std::move(suggestions));
        }
    }

    // True when `key` is absent but an unknown key is a typo of it (`ownr` for `owner`): the
    // value was written, just misspelt, so the field is not reported missing as well.
    bool typo_of(std::string_view key) const { return std::find(typos_.begin(), typos_.end(), key) != typos_.end(); }

    // The value of `key` and the key node, or nulls when absent.
    std::pair<const Node*, const Node*> take(std::string_view key) {
        for (Entry& e : entries_) {
            if (e.key->value == key) {
                e.used = true;
                return {e.key, e.value};
            }
        }
        return {nullptr, nullptr};
    }

private:
    struct Entry {
        const Node* key;
        const Node* value;
        const Node* map;  // the mapping it is written in (merge keys bring others)
        bool used = false;
    };

    // An unknown key without a value, written in a {...} mapping on the line of the value before
    // it, is the rest of that value cut by a comma: `{id: x, title: Formule (usage, NPS client)}`
    // reads title "Formule (usage" and a key "NPS client)". Reports the cut value once, at its
    // first piece, and silences its other pieces; false when entry `i` is not such a piece.
    bool report_split_value(std::size_t i) {
        auto piece = [&](std::size_t j) {
            const Entry& e = entries_[j];
            return !e.used && e.map->flow && e.key->plain && e.value->kind == Kind::null &&
                   e.key->pos.line == entries_[i].key->pos.line && e.map == entries_[i].map;
        };
        if (!piece(i) || i == 0) return false;
        std::size_t first = i;
        // The pieces of one cut value are consecutive: the previous entry's walk back is reused,
        // so a value cut in 100,000 pieces costs one walk, not one per piece.
        if (piece(i - 1) && last_piece_ == i - 1) {
            first = last_first_;
        } else {
            while (first > 0 && piece(first - 1)) --first;
        }
        last_piece_ = i;
        last_first_ = first;
        if (first == 0) return false;
        const Entry& cut = entries_[first - 1];
        if (cut.map != entries_[i].map || cut.value->kind != Kind::scalar || !cut.value->plain ||
            cut.value->pos.line != entries_[i].key->pos.line)
            return false;
        if (first != i) return true;  // reported with the first piece
        std::string whole = cut.value->value;
        for (std::size_t j = first; j < entries_.size() && piece(j); ++j) whole += ", " + entries_[j].key->value;
        ctx_.finding(unknown_key, entries_[i].key->pos,
                     fmt::format("unknown key '{}' in {}: the ',' before it ends the value of '{}' inside {{...}}, "
                                 "which is read as '{}'; quote the whole value: {}: {}",
                                 entries_[i].key->value, what_, cut.key->value, cut.value->value, cut.key->value,
                                 yaml::quoted(whole)));
        return true;
    }

    std::unordered_set<std::string_view> keys_;                         // of entries_: one look-up per key, not a scan
    std::size_t last_piece_ = std::string_view::npos, last_first_ = 0;  // report_split_value's last walk

    bool has(std::string_view key) const {
        return std::any_of(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.key->value == key; });
    }

    void collect(const Node& map, int depth) {
        std::vector<const Node*> merges;
        for (std::size_t i = 0; i + 1 < map.children.size(); i += 2) {
            const Node* key = map.children[i];
            const Node* value = map.children[i + 1];
            if (key->kind != Kind::scalar) {
                ctx_.finding(invalid_value, key->pos,
                             fmt::format("a key must be a plain string, not {}", yaml::describe(*key)));
                continue;
            }
            if (key->plain && key->value == "<<") {
                merges.push_back(value);
                continue;
            }
            // Duplicates were reported by the parser: the first one is read (and a key written
            // in the mapping itself wins over one its merge keys bring, collected after it).
            if (keys_.insert(key->value).second) entries_.push_back({key, value, &map});
        }
        for (const Node* m : merges) merge(*m, depth);
    }

    void merge(const Node& source, int depth) {
        if (depth > 16) {
            ctx_.finding(invalid_value, source.pos, "merge keys ('<<') nested more than 16 deep");
            return;
        }
        if (source.kind == Kind::mapping) {
            collect(source, depth + 1);
        } else if (source.kind == Kind::sequence) {
            for (const Node* item : source.children) {
                if (item->kind == Kind::mapping) {
                    collect(*item, depth + 1);
                } else {
                    ctx_.finding(invalid_value, item->pos, "a merge key ('<<') takes mappings, e.g. '<<: *defaults'");
                }
            }
        } else {
            ctx_.finding(invalid_value, source.pos,
                         "a merge key ('<<') takes a mapping or a list of mappings, e.g. '<<: *defaults'");
        }
    }

    Ctx& ctx_;
    const std::vector<std::string>& known_;
    std::string_view what_;
    std::vector<Entry> entries_;
    std::vector<std::string> typos_;  // known keys that an unknown key here is a likely typo of
};

// ---- scalar readers -------------------------------------------------------------------------

// Marks the field as written and returns the value node when it holds something; for a text
// (`text`), says when an anchor nobody uses took its first word.
template <class T>
const Node* begin_field(Ctx& ctx, MapView& m, std::string_view key, bool text, Field<T>& f) {
    auto [k, v] = m.take(key);
    if (!k) {
        f.invalid = m.typo_of(key);
        return nullptr;
    }
    f.present = true;
    f.pos = k->pos;
    if (text && !v->unused_anchor.empty()) {
        // `title: &Co fix` reads "fix", `title: &Co` nothing: '&' starts an anchor.
        const std::string whole = v->is_null() ? v->unused_anchor : fmt::format("{} {}", v->unused_anchor, v->value);
        ctx.finding(invalid_value, v->pos,
                    fmt::format("'{}' is read as {}: '{}' before it is a YAML anchor, which no alias uses; quote the "
                                "whole value: {}: {}",
                                key, v->is_null() ? "empty" : fmt::format("'{}'", v->value), v->unused_anchor, key,
                                yaml::quoted(whole)));
        if (v->is_null()) f.invalid = true;  // written, not missing
    }
    if (v->is_null()) return nullptr;
    f.pos = v->pos;
    return v;
}

// Marks a written value as rejected (so it is neither used nor reported missing) and says why.
template <class T>
void reject(Ctx& ctx, Field<T>& f, SourcePos where, std::string message, std::vector<std::string> suggestions = {}) {
    f.invalid = true;
    f.value.reset();
    ctx.finding(invalid_value, where, std::move(message), Severity::error, std::move(suggestions));
}

std::string trimmed(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

// `title: Support #revops-help` reads "Support": says so, at most as a warning (the comment
// may be a real one), when the value is text.
void warn_glued_comment(Ctx& ctx, std::string_view key, const Node& v, bool item = false) {
    if (v.glued_comment.empty()) return;
    const std::string whole = yaml::quoted(fmt::format("{} {}", v.value, v.glued_comment));
    ctx.finding(invalid_value, v.glued_comment_pos,
                fmt::format("{}'{}' is read as '{}': ' {}' after it is a comment (' #' always starts one); if it is "
                            "part of the text, quote the whole {}: {}",
                            item ? "an item of " : "", key, v.value, v.glued_comment, item ? "item" : "value",
                            item ? "- " + whole : fmt::format("{}: {}", key, whole)),
                Severity::warning);
}

// ---- fields, read by their key's type (format::read_scalar) ----------------------------------

// A valid value into its field; an enum takes its spelling's index (the model's enums are
// declared in the order of the format table's choices).
template <class T>
void store(Field<T>& f, const format::Key& k, format::Value v) {
    if constexpr (std::is_enum_v<T>) {
        const std::string& s = std::get<std::string>(v);
        f.value = static_cast<T>(std::find(k.choices.begin(), k.choices.end(), s) - k.choices.begin());
    } else {
        f.value = std::get<T>(std::move(v));
    }
}

void read_period_mapping(Ctx& ctx, const Node& v, Field<Period>& f);

// A scalar value written at `pos` into `f` (marked written, its position set), as its key's type
// reads it: the one reading of a value, for a whole file and for read_plain_value().
template <class T>
void read_scalar_into(Ctx& ctx, const format::Key& k, format::Scalar text, SourcePos pos, Field<T>& f) {
    format::Read r = format::read_scalar(k, text);
    if (!r.error.empty() && !r.value) {
        reject(ctx, f, pos, std::move(r.error), std::move(r.suggestions));
        return;
    }
    if (!r.error.empty())  // reported, read as meant
        ctx.finding(invalid_value, pos, std::move(r.error), Severity::error, std::move(r.suggestions));
    if (r.value) store(f, k, std::move(*r.value));
}

template <class T>
void read_field(Ctx& ctx, MapView& m, const format::Key& k, Field<T>& f) {
    const Node* v = begin_field(ctx, m, k.name, k.type == format::Type::text, f);
    if (!v) return;
    if constexpr (std::is_same_v<T, Period>) {
        if (v->kind == Kind::mapping) {
            read_period_mapping(ctx, *v, f);
            return;
        }
    }
    if (v->kind != Kind::scalar) {
        reject(ctx, f, v->pos, format::reject_non_scalar(k, yaml::describe(*v)));
        return;
    }
    if (!v->tag.empty())  // read as YAML says, but the word the tag took is said
        ctx.finding(
            invalid_value, v->pos,
            fmt::format("'{}' is read as '{}': '{}' before it is a YAML tag; quote the whole value: {}: {}", k.name,
                        v->value, v->tag, k.name, yaml::quoted(fmt::format("{} {}", v->tag, v->value))));
    read_scalar_into(ctx, k, {v->value, v->plain}, v->pos, f);
    // An owner or a metric names an id: `owner: sam #lead` reads as meant.
    if (k.type == format::Type::text && k.name != "owner" && k.name != "metric") warn_glued_comment(ctx, k.name, *v);
}

// A list of strings; each item keeps its position.
void read_string_list(Ctx& ctx, MapView& m, std::string_view key, bool text, std::vector<Field<std::string>>& out) {
    auto [k, v] = m.take(key);
    if (!k || v->is_null()) return;
    if (v->kind == Kind::scalar) {
        // Reported, but read as the one item it obviously is, so that the rules after it
        // (references, orphan key results) judge what the user meant.
        ctx.finding(invalid_value, v->pos,
                    fmt::format("'{}' must be a list, e.g. [{}]; read as one item", key, v->value));
        Field<std::string> f;
        f.present = true;
        f.pos = v->pos;
        f.value = trimmed(v->value);
        out.push_back(std::move(f));
        return;
    }
    if (v->kind != Kind::sequence) {
        ctx.finding(invalid_value, v->pos, fmt::format("'{}' must be a list of text, not {}", key, yaml::describe(*v)));
        return;
    }
    ctx.spend(v->children.size());
    out.reserve(out.size() + v->children.size());
    for (const Node* item : v->children) {
        Field<std::string> f;
        f.present = true;
        f.pos = item->pos;
        if (!item->one_line.empty()) {
            reject(ctx, f, item->pos,
                   fmt::format("each item of '{}' must be text; this one holds ': ', so YAML reads it as a mapping: "
                               "quote the whole item: - {}",
                               key, yaml::quoted(item->one_line)));
        } else if (item->kind != Kind::scalar || item->is_null()) {
            reject(ctx, f, item->pos,
                   fmt::format("each item of '{}' must be text, not {}", key, yaml::describe(*item)));
        } else {
            f.value = trimmed(item->value);
            if (text) warn_glued_comment(ctx, key, *item, true);
        }
        out.push_back(std::move(f));
    }
}

// Items of a list of mappings: appends `read_item` of every mapping item to `out`.
template <class T, class Fn>
void read_list(Ctx& ctx, const Node* key, const Node* v, std::string_view what, std::vector<T>& out, Fn read_item) {
    if (!key || v->is_null()) return;
    if (v->kind != Kind::sequence) {
        ctx.finding(invalid_value, v->pos, fmt::format("'{}' must be a list, not {}", key->value, yaml::describe(*v)));
        return;
    }
    ctx.spend(v->children.size());
    // Room for every item at once: no vector left with spare capacity (issue 17: the epics and
    // their tasks are most of the model's memory).
    out.reserve(out.size() + v->children.size());
    for (const Node* item : v->children) {
        if (item->kind != Kind::mapping) {
            ctx.finding(invalid_value, item->pos,
                        fmt::format("each item of '{}' must be a mapping ({}), not {}", key->value, what,
                                    yaml::describe(*item)));
            continue;
        }
        out.push_back(read_item(*item));
    }
}

void read_field(Ctx& ctx, MapView& m, const format::Key& k, std::vector<Field<std::string>>& out) {
    read_string_list(ctx, m, k.name, k.type == format::Type::texts, out);
}

// Every key of `entity` that the model keeps as a field of `x` (boussole/fields.hpp), in the
// table's order; keys holding entities are left to the caller.
template <class T>
void read_fields(Ctx& ctx, MapView& m, format::Entity entity, T& x) {
    for (const format::Key& k : format::keys(entity))
        for_each_field(x, [&](std::string_view name, auto& field) {
            if (name == k.name) read_field(ctx, m, k, field);
        });
}

// ---- entities -------------------------------------------------------------------------------

Person read_person(Ctx& ctx, const Node& n) {
    Person p;
    p.pos = n.pos;
    MapView m(ctx, n, format::key_names(format::Entity::person), "a person");
    read_fields(ctx, m, format::Entity::person, p);
    return p;
}

Metric read_metric(Ctx& ctx, const Node& n) {
    Metric x;
    x.pos = n.pos;
    MapView m(ctx, n, format::key_names(format::Entity::metric), "a metric");
    read_fields(ctx, m, format::Entity::metric, x);
    return x;
}

KeyResult read_key_result(Ctx& ctx, const Node& n, std::string_view what, format::Entity entity) {
    KeyResult kr;
    kr.pos = n.pos;
    MapView m(ctx, n, format::key_names(entity), what);
    read_fields(ctx, m, entity, kr);
    return kr;
}

Objective read_objective(Ctx& ctx, const Node& n) {
    Objective o;
    o.pos = n.pos;
    MapView m(ctx, n, format::key_names(format::Entity::objective), "an objective");
    read_fields(ctx, m, format::Entity::objective, o);
    auto [k, v] = m.take("key_results");
    read_list(ctx, k, v, "a key result", o.key_results,
              [&](const Node& item) { return read_key_result(ctx, item, "a key result", format::Entity::key_result); });
    return o;
}

Task read_task(Ctx& ctx, const Node& n) {
    Task t;
    t.pos = n.pos;
    MapView m(ctx, n, format::key_names(format::Entity::task), "a task");
    read_fields(ctx, m, format::Entity::task, t);
    return t;
}

Epic read_epic(Ctx& ctx, const Node& n) {
    Epic e;
    e.pos = n.pos;
    MapView m(ctx, n, format::key_names(format::Entity::epic), "an epic");
    read_fields(ctx, m, format::Entity::epic, e);
    auto [k, v] = m.take("tasks");
    read_list(ctx, k, v, "a task", e.tasks, [&](const Node& item) { return read_task(ctx, item); });
    return e;
}

Stream read_stream(Ctx& ctx, const Node& n) {
    Stream s;
    s.pos = n.pos;
    MapView m(ctx, n, format::key_names(format::Entity::stream), "a stream");
    read_fields(ctx, m, format::Entity::stream, s);
    auto [k, v] = m.take("epics");
    read_list(ctx, k, v, "an epic", s.epics, [&](const Node& item) { return read_epic(ctx, item); });
    return s;
}

// A period written as {start: DATE, end: DATE}.
void read_period_mapping(Ctx& ctx, const Node& v, Field<Period>& f) {
    using format::Entity;
    MapView pm(ctx, v, format::key_names(Entity::period), "a period");
    Field<Date> start, end;
    read_field(ctx, pm, format::key(Entity::period, "start"), start);
    read_field(ctx, pm, format::key(Entity::period, "end"), end);
    if (start && end) {
        f.value = Period{*start, *end, fmt::format("{}..{}", start->iso(), end->iso())};
        return;
    }
    f.invalid = true;
    if (!start.present || !end.present)
        ctx.finding(
            invalid_value, v.pos,
            fmt::format("a period needs both 'start' and 'end' (missing '{}')", start.present ? "end" : "start"));
}

void read_lint(Ctx& ctx, const Node* key, const Node* v, LintSettings& lint) {
    if (!key || v->is_null()) return;
    if (v->kind != Kind::mapping) {
        ctx.finding(invalid_value, v->pos, fmt::format("'lint' must be a mapping, not {}", yaml::describe(*v)));
        return;
    }
    MapView m(ctx, *v, format::key_names(format::Entity::lint), "'lint'");
    if (auto [rk, rv] = m.take("rules"); rk && !rv->is_null()) {
        if (rv->kind != Kind::mapping) {
            ctx.finding(invalid_value, rv->pos, fmt::format("'rules' must map rule ids to {}", severity_choices()));
        } else {
            ctx.spend(rv->children.size());
            static const std::vector<std::string> severities(severity_spellings.begin(), severity_spellings.end());
            for (std::size_t i = 0; i + 1 < rv->children.size(); i += 2) {
                const Node* id = rv->children[i];
                const Node* sev = rv->children[i + 1];
                if (id->kind != Kind::scalar) continue;
                RuleSetting setting;
                setting.rule.present = true;
                setting.rule.pos = id->pos;
                setting.rule.value = id->value;
                auto s = sev->kind == Kind::scalar ? parse_severity(sev->value) : std::nullopt;
                if (!s && sev->kind == Kind::scalar) {
                    // `Warning`: the severity meant, reported and applied (as an enum value's case).
                    s = parse_severity(trimmed(fold_to_ascii(sev->value)));
                    if (s)
                        ctx.finding(
                            invalid_value, sev->pos,
                            fmt::format("the severity of '{}' must be {}, got '{}': write '{}' (read as '{}' "
                                        "meanwhile)",
                                        id->value, severity_choices(), sev->value, to_string(*s), to_string(*s)));
                }
                if (!s) {
                    ctx.finding(
                        invalid_value, sev->pos,
                        fmt::format("the severity of '{}' must be {}{}", id->value, severity_choices(),
                                    sev->kind == Kind::scalar ? did_you_mean(sev->value, severities) : std::string()));
                    continue;
                }
                setting.severity = *s;
                lint.rules.push_back(std::move(setting));
            }
        }
    }
    if (auto [tk, tv] = m.take("themes"); tk && !tv->is_null()) {
        if (tv->kind != Kind::mapping) {
            ctx.finding(invalid_value, tv->pos, "'themes' must be a mapping such as {min: 3, max: 10}");
        } else {
            MapView tm(ctx, *tv, format::key_names(format::Entity::themes), "'themes'");
            // The rules' options (theme-count's bounds), kept by path for the rules to find.
            for (const format::Key& k : format::keys(format::Entity::themes))
                read_field(ctx, tm, k, lint.options[fmt::format("themes.{}", k.name)]);
        }
    }
}

RoadmapInfo read_roadmap_block(Ctx& ctx, const Node& n) {
    RoadmapInfo r;
    r.pos = n.pos;
    MapView m(ctx, n, format::key_names(format::Entity::roadmap), "'roadmap'");
    read_fields(ctx, m, format::Entity::roadmap, r);
    if (auto [k, v] = m.take("north_star"); k && !v->is_null()) {
        if (v->kind == Kind::mapping) {
            r.north_star = read_key_result(ctx, *v, "the north star", format::Entity::north_star);
            r.north_star->pos = k->pos;
        } else {
            ctx.finding(
                invalid_value, v->pos,
                fmt::format("'north_star' must be a mapping (title, metric, unit, baseline, target, current), not {}",
                            yaml::describe(*v)));
        }
    }
    auto [lk, lv] = m.take("lint");
    read_lint(ctx, lk, lv, r.lint);
    if (auto [k, v] = m.take("report"); k && !v->is_null()) {
        if (v->kind != Kind::mapping) {
            ctx.finding(invalid_value, v->pos, "'report' must be a mapping such as {max_open_epics: 4}");
        } else {
            MapView rm(ctx, *v, format::key_names(format::Entity::report), "'report'");
            read_fields(ctx, rm, format::Entity::report, r.report);
        }
    }
    return r;
}

void read_document(Ctx& ctx, const Node& doc) {
    if (doc.is_null()) return;
    if (doc.kind != Kind::mapping) {
        ctx.finding(
            RuleId::yaml_syntax, doc.pos,
            fmt::format(
                "a roadmap file must hold a mapping at the top (roadmap, people, metrics, objectives, streams), not {}",
                yaml::describe(doc)));
        ++ctx.out().unparsable_files;  // the file contributes nothing: judge the tree once it parses
        return;
    }
    Roadmap& out = ctx.out();
    MapView m(ctx, doc, format::key_names(format::Entity::file), "the top level");
    if (auto [k, v] = m.take("roadmap"); k) {
        if (v->kind == Kind::mapping) {
            out.roadmap_blocks.push_back(read_roadmap_block(ctx, *v));
            out.roadmap_blocks.back().pos = k->pos;  // the block's first line is its key
        } else {
            ctx.finding(
                invalid_value, v->is_null() ? k->pos : v->pos,
                fmt::format("'roadmap' must be a mapping with at least name and period, not {}", yaml::describe(*v)));
        }
    }
    {
        auto [k, v] = m.take("people");
        read_list(ctx, k, v, "a person", out.people, [&](const Node& n) { return read_person(ctx, n); });
    }
    {
        auto [k, v] = m.take("metrics");
        read_list(ctx, k, v, "a metric", out.metrics, [&](const Node& n) { return read_metric(ctx, n); });
    }
    {
        auto [k, v] = m.take("objectives");
        read_list(ctx, k, v, "an objective", out.objectives, [&](const Node& n) { return read_objective(ctx, n); });
    }
    {
        auto [k, v] = m.take("streams");
        read_list(ctx, k, v, "a stream", out.streams, [&](const Node& n) { return read_stream(ctx, n); });
    }
}

}  // namespace

template <class T>
void read_plain_value(const format::Key& k, std::string_view text, SourcePos pos, Field<T>& f,
                      std::vector<Finding>& findings) {
    Roadmap found;
    Ctx ctx(found, 1);
    f = Field<T>{};
    f.present = true;
    f.pos = pos;
    read_scalar_into(ctx, k, {text, true}, pos, f);
    findings.insert(findings.end(), std::make_move_iterator(found.load_findings.begin()),
                    std::make_move_iterator(found.load_findings.end()));
}

template void read_plain_value(const format::Key&, std::string_view, SourcePos, Field<std::string>&,
                               std::vector<Finding>&);
template void read_plain_value(const format::Key&, std::string_view, SourcePos, Field<double>&, std::vector<Finding>&);
template void read_plain_value(const format::Key&, std::string_view, SourcePos, Field<Date>&, std::vector<Finding>&);
template void read_plain_value(const format::Key&, std::string_view, SourcePos, Field<Period>&, std::vector<Finding>&);
template void read_plain_value(const format::Key&, std::string_view, SourcePos, Field<EpicStatus>&,
                               std::vector<Finding>&);
template void read_plain_value(const format::Key&, std::string_view, SourcePos, Field<TaskStatus>&,
                               std::vector<Finding>&);
template void read_plain_value(const format::Key&, std::string_view, SourcePos, Field<StreamKind>&,
                               std::vector<Finding>&);
template void read_plain_value(const format::Key&, std::string_view, SourcePos, Field<Cadence>&, std::vector<Finding>&);
template void read_plain_value(const format::Key&, std::string_view, SourcePos, Field<Language>&,
                               std::vector<Finding>&);

void convert_file(const yaml::ParsedFile& file, Roadmap& out) {
    // Without aliases a file is read once; allow generous sharing (merge keys), never a bomb.
    const std::size_t budget = 8 * file.nodes.size() + 100000;
    for (const Node* doc : file.documents) {
        Ctx ctx(out, budget);
        try {
            read_document(ctx, *doc);
        } catch (const BudgetExceeded&) {
            ctx.finding(
                RuleId::yaml_syntax, doc->pos,
                fmt::format("aliases in this document expand to more than {} values; it is not read further", budget));
            ++out.unparsable_files;
        }
    }
}

}  // namespace boussole::load
