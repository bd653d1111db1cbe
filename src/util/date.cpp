#include "boussole/date.hpp"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>

namespace boussole {

// Howard Hinnant's days_from_civil / civil_from_days.
Date Date::from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return Date{era * 146097 + static_cast<int>(doe) - 719468};
}

void Date::to_civil(int& year, unsigned& month, unsigned& day) const {
    const int z = days + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    day = doy - (153 * mp + 2) / 5 + 1;
    month = mp < 10 ? mp + 3 : mp - 9;
    year = static_cast<int>(yoe) + era * 400 + (month <= 2 ? 1 : 0);
}

namespace {
bool digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}
bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
}  // namespace

std::optional<Date> Date::parse(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    if (!digits(t.substr(0, 4)) || !digits(t.substr(5, 2)) || !digits(t.substr(8, 2))) return std::nullopt;
    const int y = to_int(t.substr(0, 4));
    const int m = to_int(t.substr(5, 2));
    const int d = to_int(t.substr(8, 2));
    static constexpr int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1) return std::nullopt;
    const int max_day = month_days[m - 1] + (m == 2 && leap(y) ? 1 : 0);
    if (d > max_day) return std::nullopt;
    return from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

Date Date::today() {
    const auto now = std::chrono::system_clock::now();
    const auto days = std::chrono::floor<std::chrono::days>(now).time_since_epoch().count();
    return Date{static_cast<int>(days)};
}

std::string Date::iso() const {
    int y = 0;
    unsigned m = 0, d = 0;
    to_civil(y, m, d);
    return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

std::optional<Period> Period::parse_named(std::string_view t) {
    if (t.size() != 7 || t[4] != '-' || !digits(t.substr(0, 4)) || !digits(t.substr(6, 1))) return std::nullopt;
    const int y = to_int(t.substr(0, 4));
    const int n = t[6] - '0';
    unsigned first_month = 0, months = 0;
    if (t[5] == 'Q' && n >= 1 && n <= 4) {
        first_month = static_cast<unsigned>(3 * (n - 1) + 1);
        months = 3;
    } else if (t[5] == 'H' && n >= 1 && n <= 2) {
        first_month = static_cast<unsigned>(6 * (n - 1) + 1);
        months = 6;
    } else {
        return std::nullopt;
    }
    const Date start = Date::from_civil(y, first_month, 1);
    const unsigned next_month = first_month + months;
    const Date next =
        next_month > 12 ? Date::from_civil(y + 1, next_month - 12, 1) : Date::from_civil(y, next_month, 1);
    return Period{start, next + -1, std::string(t)};
}

int Period::elapsed_days(Date d) const {
    if (d < start) return 0;
    return std::min(d - start + 1, length_days());
}

double Period::elapsed_share(Date d) const {
    const int len = length_days();
    if (len <= 0) return 0.0;
    return static_cast<double>(elapsed_days(d)) / len;
}

}  // namespace boussole
