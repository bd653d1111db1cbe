#include <doctest/doctest.h>

#include "boussole/date.hpp"

using boussole::Date;
using boussole::Period;

TEST_SUITE("dates") {
    TEST_CASE("ISO dates parse only when they name a real day") {
        CHECK(Date::parse("2024-02-29").has_value());
        CHECK_FALSE(Date::parse("2023-02-29").has_value());
        CHECK_FALSE(Date::parse("2026-13-01").has_value());
        CHECK_FALSE(Date::parse("2026-04-31").has_value());
        CHECK_FALSE(Date::parse("2026-1-01").has_value());
        CHECK_FALSE(Date::parse(" 2026-01-01").has_value());
        CHECK_FALSE(Date::parse("2026-01-00").has_value());
        CHECK_FALSE(Date::parse("").has_value());
        CHECK(Date::parse("1970-01-01")->days == 0);
        CHECK(Date::parse("2000-03-01")->iso() == "2000-03-01");
        CHECK(*Date::parse("2026-12-31") - *Date::parse("2026-10-01") == 91);
    }

    TEST_CASE("quarters and halves") {
        const auto q3 = Period::parse_named("2022-Q3");
        REQUIRE(q3);
        CHECK(q3->start.iso() == "2022-07-01");
        CHECK(q3->end.iso() == "2022-09-30");
        CHECK(q3->length_days() == 92);
        const auto q4 = Period::parse_named("2026-Q4");
        REQUIRE(q4);
        CHECK(q4->end.iso() == "2026-12-31");
        const auto h1 = Period::parse_named("2024-H1");
        REQUIRE(h1);
        CHECK(h1->start.iso() == "2024-01-01");
        CHECK(h1->end.iso() == "2024-06-30");
        CHECK(h1->length_days() == 182);
        CHECK(Period::parse_named("2024-H2")->end.iso() == "2024-12-31");
        CHECK(Period::parse_named("2023-Q1")->end.iso() == "2023-03-31");
        CHECK_FALSE(Period::parse_named("2022-Q5"));
        CHECK_FALSE(Period::parse_named("2022-Q0"));
        CHECK_FALSE(Period::parse_named("2022-H3"));
        CHECK_FALSE(Period::parse_named("22-Q1"));
        CHECK_FALSE(Period::parse_named("2022-q1"));
    }

    TEST_CASE("elapsed share counts the report day and stays within the period") {
        const Period q4 = *Period::parse_named("2026-Q4");
        CHECK(q4.elapsed_days(*Date::parse("2026-09-30")) == 0);
        CHECK(q4.elapsed_days(*Date::parse("2026-10-01")) == 1);
        CHECK(q4.elapsed_days(*Date::parse("2026-11-20")) == 51);
        CHECK(q4.elapsed_days(*Date::parse("2027-02-01")) == 92);
        CHECK(q4.elapsed_share(*Date::parse("2026-11-20")) == doctest::Approx(51.0 / 92.0));
        CHECK(q4.elapsed_share(*Date::parse("2027-01-01")) == 1.0);
        CHECK(q4.elapsed_share(*Date::parse("2020-01-01")) == 0.0);
        const Period reversed{*Date::parse("2026-12-31"), *Date::parse("2026-10-01"), "x"};
        CHECK(reversed.elapsed_share(*Date::parse("2026-11-01")) == 0.0);
    }
}
