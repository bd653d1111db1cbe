// The value types of the format: for each scalar type, how its text is read (the value or the
// message of an invalid-value) next to the JSON Schema `boussole schema` gives it, so the
// loader and the schema cannot drift apart. Nothing here knows YAML: the loader hands over
// the scalar's text and whether it was quoted.
#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "boussole/format.hpp"
#include "boussole/spell.hpp"

namespace boussole::format {

namespace {

std::string trimmed(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

Read value(Value v) { return {std::move(v), {}}; }
Read error(std::string message) { return {std::nullopt, std::move(message)}; }

// ---- text: any scalar, trimmed; a plain number or boolean reads as text too (`title: 2027`)

constexpr std::string_view text_schema = R"({"type": ["string", "number", "boolean"]})";

Read read_text(const Key&, Scalar s) {
    std::string t = trimmed(s.text);
    return t.empty() ? Read{} : value(std::move(t));
}

std::string not_text(const Key& k, std::string_view described) {
    return fmt::format("'{}' must be text, not {}", k.name, described);
}

// ---- id: [a-z0-9][a-z0-9_-]*, with a suggestion made of the text's letters and digits

bool valid_id(std::string_view s) {
    if (s.empty()) return false;
    auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!lower_or_digit(s.front())) return false;
    return std::all_of(s.begin(), s.end(), [&](char c) { return lower_or_digit(c) || c == '-' || c == '_'; });
}

std::string slug(std::string_view text) {
    std::string out;
    for (char c : fold_to_ascii(text)) {
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

// The pattern without its anchors, as messages show it.
constexpr std::string_view id_shape = id_pattern.substr(1, id_pattern.size() - 2);

std::string id_schema() {
    return fmt::format(R"({{"anyOf": [{{"type": "string", "pattern": "{}"}}, {{"type": "integer", "minimum": 0}}]}})",
                       id_pattern);
}

Read read_id(const Key&, Scalar s) {
    if (valid_id(s.text)) return value(std::string(s.text));
    const std::string suggestion = slug(s.text);
    return error(fmt::format("id '{}' must be lower-case kebab or snake case ({}){}", s.text, id_shape,
                             suggestion.empty() ? std::string() : fmt::format(", e.g. '{}'", suggestion)));
}

// ---- number: plain, with YAML 1.1 digit separators (1_000); a quoted number is rejected, so
// that a spreadsheet paste is noticed

std::optional<double> parse_number(std::string_view text) {
    std::string s;
    s.reserve(text.size());
    for (char c : text)
        if (c != '_') s.push_back(c);
    std::string_view sv = s;
    if (sv.starts_with('+')) sv.remove_prefix(1);
    if (sv.empty()) return std::nullopt;
    double d = 0;
    const auto [ptr, ec] = std::from_chars(sv.data(), sv.data() + sv.size(), d);
    if (ec != std::errc() || ptr != sv.data() + sv.size() || !std::isfinite(d)) return std::nullopt;
    return d;
}

// A number as people type it in a spreadsheet or a French document, which YAML does not read
// as a number: "24,5", "180 000" (also with a no-break or narrow no-break space), "1'000",
// "1.234,5", "58%", "120k", "15 days". What the messages suggest instead.
struct TypedNumber {
    double value = 0;
    std::string unit;             // what followed the number, trimmed ("%", "days", "j"); "k" is applied
    std::string why;              // what differs from YAML's spelling, for the message ("" if nothing)
    std::optional<double> other;  // the other reading of an ambiguous comma ("1,500": 1500 or 1.5)
};

// The spaces and quotes people put between groups of three digits, and their byte lengths.
std::size_t group_separator_at(std::string_view s, std::size_t i) {
    static constexpr std::string_view separators[] = {" ",
                                                      "'",
                                                      "\xC2\xA0" /* no-break space */,
                                                      "\xE2\x80\xAF" /* narrow no-break space */,
                                                      "\xE2\x80\x89" /* thin space */,
                                                      "\xE2\x80\x99" /* right single quote */};
    for (std::string_view sep : separators)
        if (s.substr(i).starts_with(sep)) return sep.size();
    return 0;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::optional<TypedNumber> typed_number(std::string_view text) {
    const std::string t = trimmed(text);
    // The number: a sign, then digits, '.' and ',' between digits, and separators between
    // digits (written 's' in `raw`); what follows is its unit.
    std::string raw;
    std::size_t i = 0;
    const bool negative = i < t.size() && t[i] == '-';
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
    while (i < t.size()) {
        const char c = t[i];
        const bool after_digit = !raw.empty() && is_digit(raw.back());
        if (is_digit(c)) {
            raw.push_back(c);
            ++i;
        } else if ((c == '.' || c == ',' || c == '_') && after_digit && i + 1 < t.size() && is_digit(t[i + 1])) {
            raw.push_back(c == '_' ? 's' : c);
            ++i;
        } else if (const std::size_t n = group_separator_at(t, i);
                   n > 0 && after_digit && i + n < t.size() && is_digit(t[i + n])) {
            raw.push_back('s');
            i += n;
        } else {
            break;
        }
    }
    if (raw.empty()) return std::nullopt;
    TypedNumber out;
    out.unit = trimmed(std::string_view(t).substr(i));
    if (out.unit.size() > 24 || out.unit.find_first_of("0123456789") != std::string::npos) return std::nullopt;

    // Which mark is the decimal point: the last one when both kinds appear, a lone '.', a lone
    // ',' (ambiguous when exactly three digits follow it: "1,500"); the others group thousands.
    const auto commas = std::count(raw.begin(), raw.end(), ',');
    const auto points = std::count(raw.begin(), raw.end(), '.');
    const auto spaces = std::count(raw.begin(), raw.end(), 's');
    const auto last_mark = raw.find_last_of(".,");
    char decimal = 0;
    if (commas > 0 && points > 0) {
        decimal = raw[last_mark];
        if (std::count(raw.begin(), raw.end(), decimal) > 1) return std::nullopt;
    } else if (commas == 1 || points == 1) {
        decimal = commas == 1 ? ',' : '.';
    }
    // Reads `raw` with `point` as the decimal point and the other marks as separators of
    // groups of three digits; nullopt when a group is not three digits long.
    auto reading = [&](char point) -> std::optional<double> {
        std::string n = negative ? "-" : "";
        std::size_t group = std::string::npos;  // digits since the last separator, npos before any
        bool decimals = false;
        for (char c : raw) {
            if (is_digit(c)) {
                n.push_back(c);
                if (group != std::string::npos) ++group;
                continue;
            }
            if (group != std::string::npos && group != 3) return std::nullopt;
            if (decimals) return std::nullopt;  // a separator among the decimals
            if (c == point) {
                n.push_back('.');
                decimals = true;
                group = std::string::npos;
            } else {
                group = 0;
            }
        }
        if (group != std::string::npos && group != 3) return std::nullopt;
        return parse_number(n);
    };
    const bool ambiguous = decimal == ',' && points == 0 && spaces == 0 && raw.size() - last_mark - 1 == 3;
    const auto v = reading(decimal);
    if (!v) return std::nullopt;
    out.value = *v;
    if (ambiguous) {
        // "1,500": a thousands separator in English, a decimal comma in French.
        out.value = reading(0).value_or(*v);
        out.other = *v;
    } else {
        std::vector<std::string_view> why;
        if (decimal == ',') why.push_back("a decimal point, not a comma");
        if (spaces > 0 || commas + points > (decimal ? 1 : 0)) why.push_back("no thousands separator");
        out.why = fmt::format("{}", fmt::join(why, ", "));
    }
    if (out.unit == "k" || out.unit == "K") {
        out.value *= 1000;
        if (out.other) *out.other *= 1000;
        out.unit.clear();
        out.why = out.why.empty() ? "k written out" : out.why + ", k written out";
    }
    return out;
}

// A number as YAML writes it: 24.5, 180000, 0.7.
std::string spell(double d) { return fmt::format("{}", d); }

// Why a typed number is not a number, and how to write it, for key `k` of a number type.
std::string typed_number_message(const Key& k, std::string_view text, const TypedNumber& n) {
    if (k.type == Type::confidence && n.unit == "%")
        return fmt::format("'{}' is a share from 0 to 1, got '{}': write {}", k.name, text, spell(n.value / 100));
    const std::string_view what = k.type == Type::whole_number ? "a whole number" : "a number";
    std::string fix = spell(n.value);
    if (n.other) fix += fmt::format(", or {} if the comma is a decimal point", spell(*n.other));
    if (!n.why.empty()) fix += fmt::format(" ({})", n.why);
    if (!n.unit.empty()) {
        if (k.type == Type::number) {
            fix += fmt::format(", and the unit apart (unit: {})", n.unit);
        } else if (k.type == Type::whole_number) {
            fix += ", without a unit";
        } else {
            return fmt::format("'{}' must be {}, got '{}'", k.name, what, text);
        }
    }
    return fmt::format("'{}' must be {}, got '{}': write {}", k.name, what, text, fix);
}

constexpr std::string_view number_schema = R"({"type": "number"})";

Read read_number(const Key& k, Scalar s) {
    const auto d = parse_number(s.text);
    if (!d) {
        if (const auto n = typed_number(s.text)) return error(typed_number_message(k, s.text, *n));
        return error(fmt::format("'{}' must be a number, got '{}'", k.name, s.text));
    }
    if (!s.plain)
        return error(
            fmt::format("'{}' must be a number, got the quoted string '{}' (remove the quotes)", k.name, s.text));
    return value(*d);
}

std::string not_number(const Key& k, std::string_view described) {
    return fmt::format("'{}' must be a number, not {}", k.name, described);
}

// ---- confidence: a number from 0 to 1

constexpr std::string_view confidence_schema = R"({"type": "number", "minimum": 0, "maximum": 1})";

Read read_confidence(const Key& k, Scalar s) {
    Read r = read_number(k, s);
    if (!r.value) return r;
    const double d = std::get<double>(*r.value);
    // 70 is a percentage written where the format wants a share.
    if (d > 1 && d <= 100 && std::floor(d) == d)
        return error(fmt::format("'{}' is a share from 0 to 1, got {}: write {}", k.name, spell(d), spell(d / 100)));
    if (d < 0 || d > 1) return error(fmt::format("'{}' must be between 0 and 1, got {}", k.name, d));
    return r;
}

// ---- whole number: a non-negative integer

constexpr std::string_view whole_number_schema = R"({"type": "integer", "minimum": 0})";

Read read_whole_number(const Key& k, Scalar s) {
    Read r = read_number(k, s);
    if (!r.value) return r;
    const double d = std::get<double>(*r.value);
    if (d < 0) return error(fmt::format("'{}' must be a whole number, got {}: write 0 or more", k.name, spell(d)));
    if (std::floor(d) != d)
        return error(fmt::format("'{}' must be a whole number, got {}: write {} or {}", k.name, spell(d),
                                 spell(std::floor(d)), spell(std::ceil(d))));
    return r;
}

// ---- date: YYYY-MM-DD naming a real day, plain or quoted

constexpr std::string_view date_schema = R"({"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"})";

// "November has 30 days" for a YYYY-MM-DD whose day does not exist in its month, else "".
std::string day_that_does_not_exist(std::string_view t) {
    const bool shape = t.size() == 10 && t[4] == '-' && t[7] == '-' &&
                       std::all_of(t.begin(), t.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
    if (!shape) return {};
    const int year = std::stoi(std::string(t.substr(0, 4)));
    const int month = std::stoi(std::string(t.substr(5, 2)));
    if (month < 1 || month > 12) return "there is no month " + std::to_string(month);
    static constexpr std::string_view names[] = {"January", "February", "March",     "April",   "May",      "June",
                                                 "July",    "August",   "September", "October", "November", "December"};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int in_month = days[month - 1] + (month == 2 && leap ? 1 : 0);
    return fmt::format("{} {} has {} days", names[month - 1], year, in_month);
}

// "2026-11-03" for a date written the way people write it: 03/11/2026 (day first, as in
// French; month first when the day is over 12), 3.11.2026, 2026/11/3, 2026-11-3, 03/11/26.
// Sets `other` to the month-first reading when both readings are real days.
std::string typed_date(std::string_view text, std::string& other) {
    std::vector<int> parts;
    std::vector<std::size_t> widths;
    std::size_t i = 0;
    char separator = 0;
    while (i < text.size()) {
        std::size_t j = i;
        while (j < text.size() && is_digit(text[j])) ++j;
        if (j == i || j - i > 4) return {};
        parts.push_back(std::stoi(std::string(text.substr(i, j - i))));
        widths.push_back(j - i);
        if (j == text.size()) break;
        if (separator == 0) separator = text[j];
        if (text[j] != separator || (separator != '/' && separator != '.' && separator != '-')) return {};
        i = j + 1;
        if (i == text.size()) return {};
    }
    if (parts.size() != 3) return {};
    auto iso = [](int y, int m, int d) -> std::string {
        const std::string t = fmt::format("{:04}-{:02}-{:02}", y, m, d);
        return Date::parse(t) ? t : std::string();
    };
    if (widths[0] == 4) return iso(parts[0], parts[1], parts[2]);
    if (widths[2] != 4 && widths[2] != 2) return {};
    const int year = widths[2] == 2 ? 2000 + parts[2] : parts[2];
    const std::string day_first = iso(year, parts[1], parts[0]), month_first = iso(year, parts[0], parts[1]);
    if (day_first.empty()) return month_first;
    if (month_first != day_first) other = month_first;
    return day_first;
}

Read read_date(const Key& k, Scalar s) {
    const std::string text = trimmed(s.text);
    if (auto d = Date::parse(text)) return value(*d);
    if (const std::string why = day_that_does_not_exist(text); !why.empty())
        return error(why.starts_with("there is no month")
                         ? fmt::format("'{}' is {}, which is not a date ({})", k.name, text, why)
                         : fmt::format("'{}' is {}, a day that does not exist ({})", k.name, text, why));
    std::string other;
    if (const std::string iso = typed_date(text, other); !iso.empty())
        return error(fmt::format("'{}' must be a date YYYY-MM-DD, got '{}': write {}{}", k.name, s.text, iso,
                                 other.empty() ? "" : fmt::format(", or {} if the month comes first", other)));
    return error(fmt::format("'{}' must be a date YYYY-MM-DD, got '{}'", k.name, s.text));
}

std::string not_date(const Key& k, std::string_view described) {
    return fmt::format("'{}' must be a date YYYY-MM-DD, got {}", k.name, described);
}

// ---- period: YYYY-Qn or YYYY-Hn here; the {start, end} mapping is an entity of its own

constexpr std::string_view period_schema =
    R"({"oneOf": [{"type": "string", "pattern": "^[0-9]{4}-(Q[1-4]|H[12])$"}, {"$ref": "#/definitions/period"}]})";

// "2026-Q4" for a quarter or a half written another way: 2026-q4, Q4 2026, 2026Q4, Q4-2026,
// and the French T4 2026 (trimestre) and S1 2026 (semestre).
std::string typed_period(std::string_view text) {
    std::string t;
    for (char c : text)
        if (c != ' ' && c != '-' && c != '/' && c != '_')
            t.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    auto named = [](std::string_view year, char kind, char n) -> std::string {
        const char k = kind == 'T' ? 'Q' : kind == 'S' ? 'H' : kind;
        const std::string p = fmt::format("{}-{}{}", year, k, n);
        return Period::parse_named(p) ? p : std::string();
    };
    auto all_digits = [](std::string_view y) { return y.size() == 4 && std::all_of(y.begin(), y.end(), is_digit); };
    if (t.size() != 6) return {};
    const std::string_view v = t;
    if (all_digits(v.substr(0, 4))) return named(v.substr(0, 4), v[4], v[5]);
    if (all_digits(v.substr(2, 4))) return named(v.substr(2, 4), v[0], v[1]);
    return {};
}

Read read_period(const Key& k, Scalar s) {
    const std::string text = trimmed(s.text);
    if (auto p = Period::parse_named(text)) return value(*p);
    if (const std::string p = typed_period(text); !p.empty())
        return error(fmt::format("'{}' must be YYYY-Qn, YYYY-Hn or {{start: DATE, end: DATE}}, got '{}': write {}",
                                 k.name, s.text, p));
    return error(fmt::format("'{}' must be YYYY-Qn, YYYY-Hn or {{start: DATE, end: DATE}}, got '{}'", k.name, s.text));
}

std::string not_period(const Key& k, std::string_view described) {
    return fmt::format("'{}' must be YYYY-Qn, YYYY-Hn or {{start: DATE, end: DATE}}, not {}", k.name, described);
}

// ---- duration: a number of days or weeks, 5d, 3w, 1.5w

constexpr std::string_view duration_schema = R"({"type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?[dw]$"})";

// 'd' or 'w' for the ways people write days and weeks, in English and French; 0 otherwise.
char duration_unit(std::string_view unit) {
    const std::string u = fold_to_ascii(unit);
    static constexpr std::string_view days[] = {"d", "day", "days", "j", "jr", "jrs", "jour", "jours"};
    static constexpr std::string_view weeks[] = {"w",   "wk",   "wks",     "week",    "weeks",
                                                 "sem", "sem.", "semaine", "semaines"};
    if (std::find(std::begin(days), std::end(days), u) != std::end(days)) return 'd';
    if (std::find(std::begin(weeks), std::end(weeks), u) != std::end(weeks)) return 'w';
    return 0;
}

Read read_duration(const Key& k, Scalar s) {
    Read r = read_text(k, s);
    if (!r.value) return r;
    const std::string& e = std::get<std::string>(*r.value);
    const bool unit = e.size() >= 2 && (e.back() == 'd' || e.back() == 'w');
    const auto amount = unit ? parse_number(std::string_view(e).substr(0, e.size() - 1)) : std::nullopt;
    if (!amount || *amount <= 0 || e.find_first_of("_+-eE") != std::string::npos) {
        const std::string message = fmt::format("'{}' must be a duration such as 5d or 3w, got '{}'", k.name, e);
        const auto n = typed_number(e);
        if (!n || n->value <= 0 || n->other) return error(message);
        if (n->unit.empty())
            return error(
                fmt::format("{}: write {}d for days or {}w for weeks", message, spell(n->value), spell(n->value)));
        if (const char u = duration_unit(n->unit))
            return error(fmt::format("{}: write {}{}", message, spell(n->value), u));
        return error(message);
    }
    return r;
}

// ---- url: http:// or https://

constexpr std::string_view url_schema = R"({"type": "string", "pattern": "^https?://"})";

Read read_url(const Key& k, Scalar s) {
    Read r = read_text(k, s);
    if (!r.value) return r;
    const std::string& u = std::get<std::string>(*r.value);
    if (!u.starts_with("https://") && !u.starts_with("http://")) {
        // "grafana.example.com/d/arr": an address without its scheme.
        const bool address = u.find("://") == std::string::npos && u.find_first_of(" \t") == std::string::npos &&
                             u.find('.') != std::string::npos && u.find('@') == std::string::npos;
        return error(fmt::format("'{}' must be a URL (http:// or https://), got '{}'{}", k.name, u,
                                 address ? fmt::format(": write https://{}", u) : std::string()));
    }
    return r;
}

// ---- email: name@domain

constexpr std::string_view email_schema = R"({"type": "string", "pattern": "^[^@\\s<>,;:]+@[^@\\s<>,;:]+$"})";

bool valid_email(std::string_view e) {
    const auto at = e.find('@');
    return at != std::string_view::npos && at > 0 && at + 1 < e.size() &&
           e.find('@', at + 1) == std::string_view::npos && e.find_first_of(" \t<>,;:") == std::string_view::npos;
}

// The address inside what people paste: "mailto:lea@x.io", "Léa <lea@x.io>", "lea at x.io", "lea (at) x.io".
std::string typed_email(std::string_view text) {
    std::string e(text);
    if (const auto lt = e.find('<'), gt = e.rfind('>'); lt != std::string::npos && gt != std::string::npos && lt < gt)
        e = e.substr(lt + 1, gt - lt - 1);
    if (e.starts_with("mailto:")) e.erase(0, 7);
    for (std::string_view at : {" (at) ", " [at] ", "(at)", "[at]", " at "})
        if (const auto p = e.find(at); p != std::string::npos) e.replace(p, at.size(), "@");
    e = trimmed(e);
    return valid_email(e) && e != text ? e : std::string();
}

Read read_email(const Key& k, Scalar s) {
    Read r = read_text(k, s);
    if (!r.value) return r;
    const std::string& e = std::get<std::string>(*r.value);
    if (valid_email(e)) return r;
    const std::string fix = typed_email(e);
    return error(fmt::format("'{}' must be an e-mail address (name@domain), got '{}'{}", k.name, e,
                             fix.empty() ? std::string() : fmt::format(": write {}", fix)));
}

// ---- slack_id: a Slack member ID (issue 16)

constexpr std::string_view slack_id_schema = R"({"type": "string", "pattern": "^[UW][A-Z0-9]{2,}$"})";

bool valid_slack_id(std::string_view s) {
    return s.size() >= 3 && (s[0] == 'U' || s[0] == 'W') &&
           std::all_of(s.begin() + 1, s.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

Read read_slack_id(const Key& k, Scalar s) {
    Read r = read_text(k, s);
    if (!r.value) return r;
    const std::string& id = std::get<std::string>(*r.value);
    if (valid_slack_id(id)) return r;
    // "<@U012AB3CD>", "@U012AB3CD", "u012ab3cd": the ID inside what people paste.
    std::string fix(trimmed(id));
    if (fix.starts_with("<@") && fix.ends_with(">")) fix = fix.substr(2, fix.size() - 3);
    if (fix.starts_with("@")) fix.erase(0, 1);
    std::transform(fix.begin(), fix.end(), fix.begin(),
                   [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
    const bool fixable = valid_slack_id(fix) && fix != id;
    return error(fmt::format(
        "'{}' must be a Slack member ID (U or W then capitals and digits, e.g. U012AB3CD), got '{}': {}", k.name, id,
        fixable ? fmt::format("write {}", fix)
                : "in Slack, open the person's profile, then ⋮ › Copy member ID (a display name or @handle cannot be "
                  "mentioned)"));
}

// ---- choice: one of the key's choices, exactly as spelt

std::string choice_schema(const Key& k) {
    std::vector<std::string> quoted;
    for (std::string_view c : k.choices) quoted.push_back(fmt::format("\"{}\"", c));
    return fmt::format(R"({{"type": "string", "enum": [{}]}})", fmt::join(quoted, ", "));
}

// A choice without case, accents, surrounding spaces or the difference between '-', '_' and ' '.
std::string folded_choice(std::string_view text) {
    std::string f = fold_to_ascii(trimmed(text));
    std::replace_if(
        f.begin(), f.end(), [](char c) { return c == '_' || c == ' '; }, '-');
    return f;
}

Read read_choice(const Key& k, Scalar s) {
    for (std::string_view c : k.choices)
        if (s.text == c) return value(std::string(c));
    const std::vector<std::string> names(k.choices.begin(), k.choices.end());
    const std::string message = fmt::format("'{}' must be one of {}, got '{}'", k.name, fmt::join(names, ", "), s.text);
    // `Run`, `Done`, `p1`, `in_progress`: a choice written with another case, accents or word
    // separator is that choice; reported, and read as it, so that no rule after it judges a
    // value the user did not mean (`kind: Run` is a run stream, not a build stream).
    const std::string folded = folded_choice(s.text);
    const auto same =
        std::count_if(names.begin(), names.end(), [&](const std::string& c) { return folded_choice(c) == folded; });
    if (same == 1)
        for (const std::string& c : names)
            if (folded_choice(c) == folded)
                return {c, fmt::format("{}: write '{}' (read as '{}' meanwhile)", message, c, c), {c}};
    Read out = error(message + did_you_mean(s.text, names));
    if (std::optional<std::string> meant = closest_match(s.text, names)) out.suggestions.push_back(std::move(*meant));
    return out;
}

std::string not_choice(const Key& k, std::string_view described) {
    return fmt::format("'{}' must be one of {}, got {}", k.name, fmt::join(k.choices, ", "), described);
}

// ---- the table

struct ScalarType {
    Type type;
    Read (*read)(const Key&, Scalar);
    std::string (*reject_non_scalar)(const Key&, std::string_view described);
    std::string_view schema;  // empty when it depends on the key (see schema_of)
};

constexpr ScalarType scalar_types[] = {
    {Type::text, read_text, not_text, text_schema},
    {Type::id, read_id, not_text, {}},
    {Type::number, read_number, not_number, number_schema},
    {Type::confidence, read_confidence, not_number, confidence_schema},
    {Type::whole_number, read_whole_number, not_number, whole_number_schema},
    {Type::date, read_date, not_date, date_schema},
    {Type::period, read_period, not_period, period_schema},
    {Type::duration, read_duration, not_text, duration_schema},
    {Type::url, read_url, not_text, url_schema},
    {Type::email, read_email, not_text, email_schema},
    {Type::slack_id, read_slack_id, not_text, slack_id_schema},
    {Type::choice, read_choice, not_choice, {}},
};

const ScalarType& scalar_type(Type t) {
    for (const ScalarType& s : scalar_types)
        if (s.type == t) return s;
    throw std::invalid_argument("not a scalar type");
}

}  // namespace

bool is_scalar(Type t) {
    return std::any_of(std::begin(scalar_types), std::end(scalar_types),
                       [&](const ScalarType& s) { return s.type == t; });
}

Read read_scalar(const Key& k, Scalar s) { return scalar_type(k.type).read(k, s); }

std::string reject_non_scalar(const Key& k, std::string_view described) {
    return scalar_type(k.type).reject_non_scalar(k, described);
}

std::string schema_of(const Key& k) {
    switch (k.type) {
        case Type::id:
            return id_schema();
        case Type::choice:
            return choice_schema(k);
        case Type::texts:  // read item by item as text
            return fmt::format(R"({{"type": "array", "items": {}}})", text_schema);
        case Type::ids:  // references: a number-like id (`- 2027`) reads as text too
            return R"({"type": "array", "items": {"type": ["string", "integer"]}})";
        default:
            return std::string(scalar_type(k.type).schema);
    }
}

}  // namespace boussole::format
