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

constexpr std::string_view number_schema = R"({"type": "number"})";

Read read_number(const Key& k, Scalar s) {
    const auto d = parse_number(s.text);
    if (!d) return error(fmt::format("'{}' must be a number, got '{}'", k.name, s.text));
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
    if (d < 0 || d > 1) return error(fmt::format("'{}' must be between 0 and 1, got {}", k.name, d));
    return r;
}

// ---- whole number: a non-negative integer

constexpr std::string_view whole_number_schema = R"({"type": "integer", "minimum": 0})";

Read read_whole_number(const Key& k, Scalar s) {
    Read r = read_number(k, s);
    if (!r.value) return r;
    const double d = std::get<double>(*r.value);
    if (d < 0 || std::floor(d) != d) return error(fmt::format("'{}' must be a whole number, got {}", k.name, d));
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

Read read_date(const Key& k, Scalar s) {
    const std::string text = trimmed(s.text);
    if (auto d = Date::parse(text)) return value(*d);
    if (const std::string why = day_that_does_not_exist(text); !why.empty())
        return error(why.starts_with("there is no month")
                         ? fmt::format("'{}' is {}, which is not a date ({})", k.name, text, why)
                         : fmt::format("'{}' is {}, a day that does not exist ({})", k.name, text, why));
    return error(fmt::format("'{}' must be a date YYYY-MM-DD, got '{}'", k.name, s.text));
}

std::string not_date(const Key& k, std::string_view described) {
    return fmt::format("'{}' must be a date YYYY-MM-DD, got {}", k.name, described);
}

// ---- period: YYYY-Qn or YYYY-Hn here; the {start, end} mapping is an entity of its own

constexpr std::string_view period_schema =
    R"({"oneOf": [{"type": "string", "pattern": "^[0-9]{4}-(Q[1-4]|H[12])$"}, {"$ref": "#/definitions/period"}]})";

Read read_period(const Key& k, Scalar s) {
    if (auto p = Period::parse_named(trimmed(s.text))) return value(*p);
    return error(fmt::format("'{}' must be YYYY-Qn, YYYY-Hn or {{start: DATE, end: DATE}}, got '{}'", k.name, s.text));
}

std::string not_period(const Key& k, std::string_view described) {
    return fmt::format("'{}' must be YYYY-Qn, YYYY-Hn or {{start: DATE, end: DATE}}, not {}", k.name, described);
}

// ---- duration: a number of days or weeks, 5d, 3w, 1.5w

constexpr std::string_view duration_schema = R"({"type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?[dw]$"})";

Read read_duration(const Key& k, Scalar s) {
    Read r = read_text(k, s);
    if (!r.value) return r;
    const std::string& e = std::get<std::string>(*r.value);
    const bool unit = e.size() >= 2 && (e.back() == 'd' || e.back() == 'w');
    const auto amount = unit ? parse_number(std::string_view(e).substr(0, e.size() - 1)) : std::nullopt;
    if (!amount || *amount <= 0 || e.find_first_of("_+-eE") != std::string::npos)
        return error(fmt::format("'{}' must be a duration such as 5d or 3w, got '{}'", k.name, e));
    return r;
}

// ---- url: http:// or https://

constexpr std::string_view url_schema = R"({"type": "string", "pattern": "^https?://"})";

Read read_url(const Key& k, Scalar s) {
    Read r = read_text(k, s);
    if (!r.value) return r;
    const std::string& u = std::get<std::string>(*r.value);
    if (!u.starts_with("https://") && !u.starts_with("http://"))
        return error(fmt::format("'{}' must be a URL (http:// or https://), got '{}'", k.name, u));
    return r;
}

// ---- email: name@domain

constexpr std::string_view email_schema = R"({"type": "string", "pattern": "@"})";

Read read_email(const Key& k, Scalar s) {
    Read r = read_text(k, s);
    if (r.value && std::get<std::string>(*r.value).find('@') == std::string::npos)
        return error(fmt::format("'{}' must be an e-mail address (name@domain)", k.name));
    return r;
}

// ---- choice: one of the key's choices, exactly as spelt

std::string choice_schema(const Key& k) {
    std::vector<std::string> quoted;
    for (std::string_view c : k.choices) quoted.push_back(fmt::format("\"{}\"", c));
    return fmt::format(R"({{"type": "string", "enum": [{}]}})", fmt::join(quoted, ", "));
}

Read read_choice(const Key& k, Scalar s) {
    for (std::string_view c : k.choices)
        if (s.text == c) return value(std::string(c));
    const std::vector<std::string> names(k.choices.begin(), k.choices.end());
    return error(fmt::format("'{}' must be one of {}, got '{}'{}", k.name, fmt::join(names, ", "), s.text,
                             did_you_mean(s.text, names)));
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
