#include "load/convert.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <span>
#include <type_traits>

#include <fmt/format.h>

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

    void finding(RuleId rule, SourcePos pos, std::string message) {
        out_.load_findings.push_back({rule, pos, std::move(message)});
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
        collect(map, 0, true);
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
        for (const Entry& e : entries_) {
            if (e.used || e.key->value.starts_with("x-")) continue;
            std::string hint = did_you_mean(e.key->value, known_);
            if (hint.empty()) hint = fmt::format(" (expected {}, or x-... for your own keys)", fmt::join(known_, ", "));
            ctx_.finding(unknown_key, e.key->pos, fmt::format("unknown key '{}' in {}{}", e.key->value, what_, hint));
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
        bool used = false;
    };

    bool has(std::string_view key) const {
        return std::any_of(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.key->value == key; });
    }

    void collect(const Node& map, int depth, bool explicit_keys) {
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
            // Duplicates were reported by the parser: the first one is read.
            if (explicit_keys ? std::none_of(entries_.begin(), entries_.end(),
                                             [&](const Entry& e) { return e.key->value == key->value; })
                              : !has(key->value))
                entries_.push_back({key, value});
        }
        for (const Node* m : merges) merge(*m, depth);
    }

    void merge(const Node& source, int depth) {
        if (depth > 16) {
            ctx_.finding(invalid_value, source.pos, "merge keys ('<<') nested more than 16 deep");
            return;
        }
        if (source.kind == Kind::mapping) {
            collect(source, depth + 1, false);
        } else if (source.kind == Kind::sequence) {
            for (const Node* item : source.children) {
                if (item->kind == Kind::mapping) {
                    collect(*item, depth + 1, false);
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

// Marks the field as written and returns the value node when it holds something.
template <class T>
const Node* begin_field(MapView& m, std::string_view key, Field<T>& f) {
    auto [k, v] = m.take(key);
    if (!k) {
        f.invalid = m.typo_of(key);
        return nullptr;
    }
    f.present = true;
    f.pos = k->pos;
    if (v->is_null()) return nullptr;
    f.pos = v->pos;
    return v;
}

// Marks a written value as rejected (so it is neither used nor reported missing) and says why.
template <class T>
void reject(Ctx& ctx, Field<T>& f, SourcePos where, std::string message) {
    f.invalid = true;
    f.value.reset();
    ctx.finding(invalid_value, where, std::move(message));
}

std::string trimmed(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

void read_string(Ctx& ctx, MapView& m, std::string_view key, Field<std::string>& f) {
    const Node* v = begin_field(m, key, f);
    if (!v) return;
    if (v->kind != Kind::scalar) {
        reject(ctx, f, v->pos, fmt::format("'{}' must be text, not {}", key, yaml::describe(*v)));
        return;
    }
    std::string s = trimmed(v->value);
    if (!s.empty()) f.value = std::move(s);
}

std::optional<double> parse_number(std::string_view text) {
    std::string s;
    s.reserve(text.size());
    for (char c : text)
        if (c != '_') s.push_back(c);  // YAML 1.1 digit separators: 1_000
    std::string_view sv = s;
    if (sv.starts_with('+')) sv.remove_prefix(1);
    if (sv.empty()) return std::nullopt;
    double d = 0;
    const auto [ptr, ec] = std::from_chars(sv.data(), sv.data() + sv.size(), d);
    if (ec != std::errc() || ptr != sv.data() + sv.size() || !std::isfinite(d)) return std::nullopt;
    return d;
}

void read_number(Ctx& ctx, MapView& m, std::string_view key, Field<double>& f) {
    const Node* v = begin_field(m, key, f);
    if (!v) return;
    if (v->kind != Kind::scalar) {
        reject(ctx, f, v->pos, fmt::format("'{}' must be a number, not {}", key, yaml::describe(*v)));
        return;
    }
    const auto d = parse_number(v->value);
    if (!d) {
        std::string hint;
        if (!v->plain && parse_number(v->value)) hint = " (remove the quotes)";
        reject(ctx, f, v->pos, fmt::format("'{}' must be a number, got '{}'{}", key, v->value, hint));
        return;
    }
    if (!v->plain) {
        reject(ctx, f, v->pos,
               fmt::format("'{}' must be a number, got the quoted string '{}' (remove the quotes)", key, v->value));
        return;
    }
    f.value = *d;
}

void read_whole_number(Ctx& ctx, MapView& m, std::string_view key, Field<double>& f) {
    read_number(ctx, m, key, f);
    if (f && (*f < 0 || std::floor(*f) != *f))
        reject(ctx, f, f.pos, fmt::format("'{}' must be a whole number, got {}", key, *f));
}

void read_date(Ctx& ctx, MapView& m, std::string_view key, Field<Date>& f) {
    const Node* v = begin_field(m, key, f);
    if (!v) return;
    if (v->kind == Kind::scalar) {
        if (auto d = Date::parse(trimmed(v->value))) {
            f.value = *d;
            return;
        }
    }
    reject(ctx, f, v->pos,
           fmt::format("'{}' must be a date YYYY-MM-DD, got {}", key,
                       v->kind == Kind::scalar ? fmt::format("'{}'", v->value) : std::string(yaml::describe(*v))));
}

bool valid_id(std::string_view s) {
    if (s.empty()) return false;
    auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!lower_or_digit(s.front())) return false;
    return std::all_of(s.begin(), s.end(), [&](char c) { return lower_or_digit(c) || c == '-' || c == '_'; });
}

std::string slug(std::string_view s) {
    std::string out;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) && u < 0x80) {
            out.push_back(static_cast<char>(std::tolower(u)));
        } else if (!out.empty() && out.back() != '-') {
            out.push_back('-');
        }
    }
    while (!out.empty() && (out.back() == '-' || out.back() == '_')) out.pop_back();
    return out;
}

void read_id(Ctx& ctx, MapView& m, Field<std::string>& f) {
    const Node* v = begin_field(m, "id", f);
    if (!v) return;
    if (v->kind != Kind::scalar) {
        reject(ctx, f, v->pos, fmt::format("'id' must be text, not {}", yaml::describe(*v)));
        return;
    }
    if (!valid_id(v->value)) {
        const std::string suggestion = slug(v->value);
        reject(ctx, f, v->pos,
               fmt::format("id '{}' must be lower-case kebab or snake case ([a-z0-9][a-z0-9_-]*){}", v->value,
                           suggestion.empty() ? std::string() : fmt::format(", e.g. '{}'", suggestion)));
        return;
    }
    f.value = v->value;
}

// One of the spellings of the format table; an enum takes the spelling's index (the enums are
// declared in the table's order), text takes the spelling itself.
template <class T>
void read_enum(Ctx& ctx, MapView& m, std::string_view key, Field<T>& f, std::span<const std::string_view> spellings) {
    const Node* v = begin_field(m, key, f);
    if (!v) return;
    std::vector<std::string> names(spellings.begin(), spellings.end());
    for (std::size_t i = 0; i < spellings.size(); ++i) {
        if (v->kind != Kind::scalar || v->value != spellings[i]) continue;
        if constexpr (std::is_enum_v<T>) {
            f.value = static_cast<T>(i);
        } else {
            f.value = std::string(spellings[i]);
        }
        return;
    }
    const std::string got = v->kind == Kind::scalar ? fmt::format("'{}'", v->value) : std::string(yaml::describe(*v));
    reject(ctx, f, v->pos,
           fmt::format("'{}' must be one of {}, got {}{}", key, fmt::join(names, ", "), got,
                       v->kind == Kind::scalar ? did_you_mean(v->value, names) : std::string()));
}

// A list of strings; each item keeps its position.
void read_string_list(Ctx& ctx, MapView& m, std::string_view key, std::vector<Field<std::string>>& out) {
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
    for (const Node* item : v->children) {
        Field<std::string> f;
        f.present = true;
        f.pos = item->pos;
        if (item->kind != Kind::scalar || item->is_null()) {
            reject(ctx, f, item->pos,
                   fmt::format("each item of '{}' must be text, not {}", key, yaml::describe(*item)));
        } else {
            f.value = trimmed(item->value);
        }
        out.push_back(std::move(f));
    }
}

// Items of a list of mappings: calls `each` on every mapping item.
template <class Fn>
void read_list(Ctx& ctx, const Node* key, const Node* v, std::string_view what, Fn each) {
    if (!key || v->is_null()) return;
    if (v->kind != Kind::sequence) {
        ctx.finding(invalid_value, v->pos, fmt::format("'{}' must be a list, not {}", key->value, yaml::describe(*v)));
        return;
    }
    ctx.spend(v->children.size());
    for (const Node* item : v->children) {
        if (item->kind != Kind::mapping) {
            ctx.finding(invalid_value, item->pos,
                        fmt::format("each item of '{}' must be a mapping ({}), not {}", key->value, what,
                                    yaml::describe(*item)));
            continue;
        }
        each(*item);
    }
}

// ---- entities -------------------------------------------------------------------------------

Person read_person(Ctx& ctx, const Node& n) {
    Person p;
    p.pos = n.pos;
    MapView m(ctx, n, format::key_names(format::Entity::person), "a person");
    read_id(ctx, m, p.id);
    read_string(ctx, m, "name", p.name);
    read_string(ctx, m, "role", p.role);
    read_string(ctx, m, "email", p.email);
    if (p.email && p.email->find('@') == std::string::npos)
        reject(ctx, p.email, p.email.pos, "'email' must be an e-mail address (name@domain)");
    read_string_list(ctx, m, "responsibilities", p.responsibilities);
    return p;
}

Metric read_metric(Ctx& ctx, const Node& n) {
    Metric x;
    x.pos = n.pos;
    MapView m(ctx, n, format::key_names(format::Entity::metric), "a metric");
    read_id(ctx, m, x.id);
    read_string(ctx, m, "name", x.name);
    read_string(ctx, m, "unit", x.unit);
    read_string(ctx, m, "definition", x.definition);
    read_string(ctx, m, "dashboard", x.dashboard);
    if (x.dashboard && !x.dashboard->starts_with("https://") && !x.dashboard->starts_with("http://"))
        reject(ctx, x.dashboard, x.dashboard.pos,
               fmt::format("'dashboard' must be a URL (http:// or https://), got '{}'", *x.dashboard));
    read_string(ctx, m, "owner", x.owner);
    return x;
}

KeyResult read_key_result(Ctx& ctx, const Node& n, std::string_view what, format::Entity entity) {
    KeyResult kr;
    kr.pos = n.pos;
    MapView m(ctx, n, format::key_names(entity), what);
    read_id(ctx, m, kr.id);
    read_string(ctx, m, "title", kr.title);
    read_string(ctx, m, "metric", kr.metric);
    read_string(ctx, m, "unit", kr.unit);
    read_number(ctx, m, "baseline", kr.baseline);
    read_number(ctx, m, "target", kr.target);
    read_number(ctx, m, "current", kr.current);
    read_number(ctx, m, "confidence", kr.confidence);
    if (kr.confidence && (*kr.confidence < 0 || *kr.confidence > 1))
        reject(ctx, kr.confidence, kr.confidence.pos,
               fmt::format("'confidence' must be between 0 and 1, got {}", *kr.confidence));
    read_string(ctx, m, "owner", kr.owner);
    return kr;
}

Objective read_objective(Ctx& ctx, const Node& n) {
    Objective o;
    o.pos = n.pos;
    MapView m(ctx, n, format::key_names(format::Entity::objective), "an objective");
    read_id(ctx, m, o.id);
    read_string(ctx, m, "title", o.title);
    read_string(ctx, m, "owner", o.owner);
    auto [k, v] = m.take("key_results");
    read_list(ctx, k, v, "a key result", [&](const Node& item) {
        o.key_results.push_back(read_key_result(ctx, item, "a key result", format::Entity::key_result));
    });
    return o;
}

Task read_task(Ctx& ctx, const Node& n) {
    Task t;
    t.pos = n.pos;
    MapView m(ctx, n, format::key_names(format::Entity::task), "a task");
    read_string(ctx, m, "title", t.title);
    read_id(ctx, m, t.id);
    read_string(ctx, m, "owner", t.owner);
    read_enum(ctx, m, "status", t.status, format::task_statuses);
    read_date(ctx, m, "due", t.due);
    return t;
}

void read_estimate(Ctx& ctx, MapView& m, Field<std::string>& f) {
    read_string(ctx, m, "estimate", f);
    if (!f) return;
    // A number of days or weeks: 5d, 3w, 1.5w.
    const std::string& e = *f;
    const bool unit = e.size() >= 2 && (e.back() == 'd' || e.back() == 'w');
    const auto amount = unit ? parse_number(std::string_view(e).substr(0, e.size() - 1)) : std::nullopt;
    if (!amount || *amount <= 0 || e.find_first_of("_+-eE") != std::string::npos)
        reject(ctx, f, f.pos, fmt::format("'estimate' must be a duration such as 5d or 3w, got '{}'", e));
}

Epic read_epic(Ctx& ctx, const Node& n) {
    Epic e;
    e.pos = n.pos;
    MapView m(ctx, n, format::key_names(format::Entity::epic), "an epic");
    read_id(ctx, m, e.id);
    read_string(ctx, m, "title", e.title);
    read_string(ctx, m, "owner", e.owner);
    read_string_list(ctx, m, "contributors", e.contributors);
    read_enum(ctx, m, "status", e.status, format::epic_statuses);
    read_enum(ctx, m, "priority", e.priority, format::priorities);
    read_date(ctx, m, "start", e.start);
    read_date(ctx, m, "due", e.due);
    read_estimate(ctx, m, e.estimate);
    read_string_list(ctx, m, "deliverables", e.deliverables);
    read_string_list(ctx, m, "depends_on", e.depends_on);
    read_string_list(ctx, m, "key_results", e.key_results);
    read_string(ctx, m, "dropped_reason", e.dropped_reason);
    auto [k, v] = m.take("tasks");
    read_list(ctx, k, v, "a task", [&](const Node& item) { e.tasks.push_back(read_task(ctx, item)); });
    return e;
}

Stream read_stream(Ctx& ctx, const Node& n) {
    Stream s;
    s.pos = n.pos;
    MapView m(ctx, n, format::key_names(format::Entity::stream), "a stream");
    read_id(ctx, m, s.id);
    read_string(ctx, m, "title", s.title);
    read_string(ctx, m, "owner", s.owner);
    read_enum(ctx, m, "kind", s.kind, format::stream_kinds);
    read_string(ctx, m, "description", s.description);
    auto [k, v] = m.take("epics");
    read_list(ctx, k, v, "an epic", [&](const Node& item) { s.epics.push_back(read_epic(ctx, item)); });
    return s;
}

void read_period(Ctx& ctx, MapView& m, Field<Period>& f) {
    const Node* v = begin_field(m, "period", f);
    if (!v) return;
    if (v->kind == Kind::scalar) {
        if (auto p = Period::parse_named(trimmed(v->value))) {
            f.value = *p;
            return;
        }
        reject(ctx, f, v->pos,
               fmt::format("'period' must be YYYY-Qn, YYYY-Hn or {{start: DATE, end: DATE}}, got '{}'", v->value));
        return;
    }
    if (v->kind != Kind::mapping) {
        reject(
            ctx, f, v->pos,
            fmt::format("'period' must be YYYY-Qn, YYYY-Hn or {{start: DATE, end: DATE}}, not {}", yaml::describe(*v)));
        return;
    }
    MapView pm(ctx, *v, format::key_names(format::Entity::period), "a period");
    Field<Date> start, end;
    read_date(ctx, pm, "start", start);
    read_date(ctx, pm, "end", end);
    if (start && end) {
        f.value = Period{*start, *end, fmt::format("{}..{}", start->iso(), end->iso())};
        return;
    }
    f.invalid = true;
    if (!start.present || !end.present)
        ctx.finding(
            invalid_value, v->pos,
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
                const auto s = sev->kind == Kind::scalar ? parse_severity(sev->value) : std::nullopt;
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
            for (const format::Key& k : format::keys(format::Entity::themes))
                read_whole_number(ctx, tm, k.name, lint.options[fmt::format("themes.{}", k.name)]);
        }
    }
}

RoadmapInfo read_roadmap_block(Ctx& ctx, const Node& n) {
    RoadmapInfo r;
    r.pos = n.pos;
    MapView m(ctx, n, format::key_names(format::Entity::roadmap), "'roadmap'");
    read_string(ctx, m, "name", r.name);
    read_string(ctx, m, "team", r.team);
    read_string(ctx, m, "mission", r.mission);
    read_period(ctx, m, r.period);
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
            read_whole_number(ctx, rm, "max_open_epics", r.report.max_open_epics);
            read_whole_number(ctx, rm, "stale_after_days", r.report.stale_after_days);
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
        read_list(ctx, k, v, "a person", [&](const Node& n) { out.people.push_back(read_person(ctx, n)); });
    }
    {
        auto [k, v] = m.take("metrics");
        read_list(ctx, k, v, "a metric", [&](const Node& n) { out.metrics.push_back(read_metric(ctx, n)); });
    }
    {
        auto [k, v] = m.take("objectives");
        read_list(ctx, k, v, "an objective", [&](const Node& n) { out.objectives.push_back(read_objective(ctx, n)); });
    }
    {
        auto [k, v] = m.take("streams");
        read_list(ctx, k, v, "a stream", [&](const Node& n) { out.streams.push_back(read_stream(ctx, n)); });
    }
}

}  // namespace

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
