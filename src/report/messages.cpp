// What the catalogues of every language share: word lookups, prose dates, the choice of a
// catalogue by Language.
#include "report/messages.hpp"

#include "boussole/report.hpp"

#include <algorithm>

namespace boussole {

std::string_view EpicStatusWords::operator[](EpicStatus s) const {
    switch (s) {
        case EpicStatus::planned:
            return planned;
        case EpicStatus::in_progress:
            return in_progress;
        case EpicStatus::blocked:
            return blocked;
        case EpicStatus::done:
            return done;
        case EpicStatus::dropped:
            return dropped;
        case EpicStatus::proposed:
            return proposed;
    }
    return planned;
}

std::string_view PaceWords::operator[](Pace p) const {
    switch (p) {
        case Pace::no_data:
            return no_data;
        case Pace::on_track:
            return on_track;
        case Pace::behind_pace:
            return behind_pace;
        case Pace::at_risk:
            return at_risk;
    }
    return no_data;
}

std::string_view CadenceWords::operator[](Cadence c) const {
    switch (c) {
        case Cadence::weekly:
            return weekly;
        case Cadence::biweekly:
            return biweekly;
        case Cadence::monthly:
            return monthly;
        case Cadence::quarterly:
            return quarterly;
    }
    return weekly;
}

std::string prose_date(const LanguageStyle& style, Date d) {
    if (style.prose_date.empty()) return d.iso();
    int year = 0;
    unsigned month = 0, day = 0;
    d.to_civil(year, month, day);
    const std::string day_text =
        day == 1 && !style.first_day.empty() ? std::string(style.first_day) : std::to_string(day);
    return say(style.prose_date, day_text, style.months.at(month - 1), year);
}

std::string period_name(const LanguageStyle& style, std::string_view label) {
    // YYYY-Qn or YYYY-Hn, as Period::parse_named reads them.
    const bool named = label.size() == 7 && label[4] == '-' && (label[5] == 'Q' || label[5] == 'H') &&
                       std::all_of(label.begin(), label.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }) &&
                       label[6] >= '1' && label[6] <= (label[5] == 'Q' ? '4' : '2');
    if (!named) return std::string(label);
    return say(label[5] == 'Q' ? style.quarter : style.half, label.substr(0, 4), label.substr(6, 1));
}

const StatusReportMessages& status_report_messages(Language l) {
    return l == Language::fr ? status_report_fr : status_report_en;
}
const RecapMessages& recap_messages(Language l) { return l == Language::fr ? recap_fr : recap_en; }
const DiffMessages& diff_messages(Language l) { return l == Language::fr ? diff_fr : diff_en; }
const DigestMessages& digest_messages(Language l) { return l == Language::fr ? digest_fr : digest_en; }  // issue 16

// issue 15, charts
const ChartMessages& chart_messages(Language l) { return l == Language::fr ? chart_fr : chart_en; }

// issue 16, Slack
const SlackMessages& slack_messages(Language l) { return l == Language::fr ? slack_fr : slack_en; }

// issue 18: the report's figures, written as the report writes them, for the language server's hover.
std::string report_number(double value, Language language) {
    return md::number(value, status_report_messages(language).style->numbers);
}
std::string report_score(std::optional<double> score, Language language) {
    return md::score(score, status_report_messages(language).style->numbers);
}

}  // namespace boussole
