// Fuzz target: up to three versions of a roadmap (cut at NUL bytes) read as successive commits,
// then every document made from them, in English and in French: the status report for both
// audiences (with check-ins, changes and trends found in that history), the diff of the first
// and last versions in text, JSON and Markdown, and the recap over all of them, the report and
// the recap as JSON and HTML too, and the digest (issue 16) in its four formats. Properties: no crash, leak, undefined
// behaviour or exception, every JSON document is the same in both languages (it has no words), and no HTML page makes
// an element, attribute or link of the user's text (tests/html_check.hpp).
#include <cstdint>
#include <string>
#include <vector>

#include "boussole/digest_content.hpp"
#include "boussole/loader.hpp"
#include "boussole/plan.hpp"
#include "boussole/recap.hpp"
#include "boussole/recap_content.hpp"
#include "boussole/report.hpp"
#include "boussole/report_content.hpp"
#include "fuzz.hpp"
#include "html_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace boussole;
    std::vector<PlanState> states;
    int day = 1;
    for (std::string_view text : fuzz::split(data, size, 3)) {
        CommitInfo commit;
        commit.id = std::string(40, static_cast<char>('a' + states.size()));
        commit.short_id = commit.id.substr(0, 7);
        commit.date = Date::from_civil(2026, 10, static_cast<unsigned>(day));
        commit.summary = "version " + std::to_string(states.size() + 1);
        day += 20;
        states.push_back(state_at(commit, Snapshot(load_roadmap_from_string(text, "roadmap.yaml"))));
    }
    const Snapshot& last = states.back().snapshot;
    const Date as_of = Date::from_civil(2026, 11, 15);

    if (!report_blocker(last.roadmap())) {
        ReportOptions options;
        options.as_of = as_of;
        options.check_ins = find_check_ins(last, states, true);
        // Changes and trends over the same states, since the first one.
        Trends trends;
        trends.since_commit = CommitInfo{states.front().label, states.front().label, 0, *states.front().date, ""};
        trends.values = find_value_histories(last, states, true, last.period()->start, &states.front().snapshot);
        options.trends = std::move(trends);
        options.updates = find_update_changes(last, states, true);  // issue 14: the epics' updates
        for (Language language : {Language::en, Language::fr}) {
            options.language = language;
            for (Audience audience : {Audience::team, Audience::leadership}) {
                options.audience = audience;
                fuzz::require(!render_status_report(last.roadmap(), options).empty(), "the report is made");
                // issue 15: the HTML page; user text never becomes markup.
                const std::string page = render_status_html(build_status_report(last.roadmap(), options), language);
                fuzz::require(test::html_breach(page).empty(), "the report's HTML makes no markup of user text");
            }
        }
        // issue 16: the digest over the same history, in every format and language.
        DigestOptions digest;
        digest.as_of = as_of;
        digest.check_ins = options.check_ins;
        digest.updates = options.updates;
        digest.trends = options.trends;
        digest.since_changes = compare(states.front().snapshot, last);
        digest.last_change = CommitInfo{states.back().label, states.back().label, 0, *states.back().date, ""};
        const DigestContent d = build_digest(last.roadmap(), digest);
        for (Language language : {Language::en, Language::fr}) {
            fuzz::require(!render_digest_markdown(d, language).empty(), "the digest is made");
            fuzz::require(!render_digest_text(d, language).empty(), "the digest's text is made");
            fuzz::require(test::html_breach(render_digest_html(d, language)).empty(),
                          "the digest's HTML makes no markup of user text");
            const std::string slack = render_digest_slack(d, language);
            fuzz::require(slack.find("<!") == std::string::npos, "no user text pings a channel in Slack");
            const std::string mail = render_digest_email(d, language);
            for (std::size_t i = mail.find('\n'); i != std::string::npos; i = mail.find('\n', i + 1))
                fuzz::require(i > 0 && mail[i - 1] == '\r', "every line of the e-mail ends with CRLF");
            fuzz::require(mail.find("\r\n\r\n") != std::string::npos, "the e-mail's headers end");
        }

        // JSON: made from the same content, and the same whatever the language.
        for (Audience audience : {Audience::team, Audience::leadership, Audience::sellers}) {
            options.audience = audience;
            options.language = Language::en;
            const StatusReportContent content = build_status_report(last.roadmap(), options);
            const std::string json = render_status_json(content);
            fuzz::require(!json.empty(), "the report's JSON is made");
            options.language = Language::fr;
            fuzz::require(render_status_json(build_status_report(last.roadmap(), options), Language::fr) == json,
                          "the report's JSON does not depend on the language");
        }
    }

    const DiffContent diff = build_diff(states.front().snapshot, last, {"HEAD~1", states.front().label},
                                        {"HEAD", states.back().label}, "roadmap.yaml");
    fuzz::require(diff.changes.size() == compare(states.front().snapshot, last).size(),
                  "the diff lists every change compare() finds");
    const std::string json = render_diff_json(diff);
    fuzz::require(!json.empty(), "the diff's JSON is made");
    fuzz::require(render_diff_json(diff, Language::fr) == json, "the diff's JSON does not depend on the language");
    for (Language language : {Language::en, Language::fr}) {
        (void)render_diff_text(diff, language);
        (void)render_diff_markdown(diff, language);
    }

    RecapInput input;
    input.states = std::move(states);
    input.today = as_of;
    if (!recap_blocker(input)) {
        for (Language language : {Language::en, Language::fr})
            fuzz::require(!render_recap(input, language).empty(), "the recap is made");
        const RecapContent content = build_recap(input);
        for (Language language : {Language::en, Language::fr})
            fuzz::require(test::html_breach(render_recap_html(content, language)).empty(),
                          "the recap's HTML makes no markup of user text");
        const std::string recap_json = render_recap_json(content);
        fuzz::require(!recap_json.empty(), "the recap's JSON is made");
        fuzz::require(render_recap_json(content, Language::fr) == recap_json,
                      "the recap's JSON does not depend on the language");
    }
    return 0;
}
