#pragma once
/// Calendar dates and periods (ISO YYYY-MM-DD, YYYY-Qn, YYYY-Hn).

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace boussole {

/// A calendar date, stored as days since 1970-01-01.
struct Date {
    int days = 0;

    /// The date for a year, month (1-12) and day (1-31); no validation.
    static Date from_civil(int year, unsigned month, unsigned day);
    /// Parses a strict ISO `YYYY-MM-DD` that names a real calendar day.
    static std::optional<Date> parse(std::string_view text);
    /// Today, in UTC.
    static Date today();

    /// The year, month and day of this date.
    void to_civil(int& year, unsigned& month, unsigned& day) const;
    /// ISO `YYYY-MM-DD`.
    [[nodiscard]] std::string iso() const;

    friend auto operator<=>(const Date&, const Date&) = default;
    friend int operator-(Date a, Date b) { return a.days - b.days; }
    friend Date operator+(Date a, int n) { return Date{a.days + n}; }
};

/// A span of days, both ends inclusive.
struct Period {
    Date start;
    Date end;
    std::string label;  ///< as written when it was `YYYY-Qn` or `YYYY-Hn`, else "START..END"

    /// Parses `YYYY-Qn` or `YYYY-Hn`.
    static std::optional<Period> parse_named(std::string_view text);
    /// Number of days in the period (at least 1 when well ordered).
    [[nodiscard]] int length_days() const { return end - start + 1; }
    /// Days of the period passed at `d`, counting `d` itself (0 before it starts, capped at its length).
    [[nodiscard]] int elapsed_days(Date d) const;
    /// Share of the period elapsed at `d`, in 0..1.
    [[nodiscard]] double elapsed_share(Date d) const;
    /// True when `d` lies inside the period.
    [[nodiscard]] bool contains(Date d) const { return start <= d && d <= end; }

    friend bool operator==(const Period&, const Period&) = default;
};

}  // namespace boussole
