// issue 16: the Monday digest — its content asserted on directly (who gets what, the week's
// bounds, check-ins, the team's changes, the stale roadmap), its formats on the shipped example
// (goldens), and its limits (Slack) on a generated roadmap far too big for one message.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "boussole/digest_content.hpp"
#include "boussole/loader.hpp"
#include "html_check.hpp"
#include "support.hpp"

using namespace boussole;

namespace {

Date day(const char* iso) { return *Date::parse(iso); }

// Monday 2026-11-23 to Sunday 2026-11-29 is the digest's week.
constexpr const char* roadmap_yaml = R"(roadmap:
  name: Payments
  team: Core
  champion: ana
  period: 2026-Q4
  north_star: {title: Revenue, unit: EUR, baseline: 100, target: 200, current: 120, owner: ana, checked_on: 2026-11-20}
  report: {stale_after_days: 10}
people:
  - {id: ana, name: Ana Lima, email: ana@example.com, slack: U0ANA0001}
  - {id: bo, email: bo@example.com}
  - {id: cy, name: Cy Idle}
objectives:
  - id: grow
    title: Grow
    owner: ana
    key_results:
      - {id: k-none, title: No value yet, baseline: 0, target: 100}
      - {id: k-late, title: Late, baseline: 0, target: 10, current: 4, checked_on: 2026-11-12, owner: bo}
      - {id: k-due, title: Due, baseline: 0, target: 10, current: 4, checked_on: 2026-11-19, cadence: weekly}
      - {id: k-fresh, title: Fresh, baseline: 0, target: 10, current: 4, checked_on: 2026-11-23, cadence: weekly}
      - {id: k-edge, title: Edge, baseline: 0, target: 10, current: 4, checked_on: 2026-11-13}
streams:
  - id: build
    title: Build
    owner: ana
    epics:
      - {id: overdue, title: Overdue, owner: bo, status: in-progress, due: 2026-11-20}
      - {id: stuck, title: Stuck, owner: bo, status: blocked, due: 2026-12-20}
      - {id: stuck-late, title: Stuck late, owner: bo, status: blocked, due: 2026-11-22}
      - {id: first-day, title: First day, owner: bo, due: 2026-11-23}
      - {id: last-day, title: Last day, owner: bo, due: 2026-11-29}
      - {id: next-week, title: Next week, owner: bo, due: 2026-11-30}
      - {id: done, title: Done, owner: bo, status: done, due: 2026-11-24}
      - {id: dropped, title: Dropped, owner: bo, status: dropped, dropped_reason: no budget, due: 2026-11-24}
      - {id: idea, title: Idea, owner: bo, status: proposed, due: 2026-11-24}
      - id: orphan
        title: Orphan
        due: 2026-11-25
        tasks:
          - {title: Orphan task, due: 2026-11-24}
          - {title: Cy's task, owner: cy, due: 2026-11-21}
          - {title: Later task, owner: cy, due: 2026-12-24}
          - {title: Done task, owner: cy, status: done, due: 2026-11-21}
)";

DigestContent digest(const std::string& yaml = roadmap_yaml, DigestOptions o = {}) {
    if (o.as_of == Date{}) o.as_of = day("2026-11-23");
    return build_digest(load_roadmap_from_string(yaml), o);
}

const OwnerDigest* owner(const DigestContent& c, const std::string& id) {
    for (const OwnerDigest& o : c.owners)
        if (o.id == id) return &o;
    return nullptr;
}

std::vector<std::string> ids(const std::vector<DigestWork>& list) {
    std::vector<std::string> out;
    for (const DigestWork& w : list) out.push_back(w.kind == DigestWork::Kind::task ? "task:" + w.title : w.id);
    return out;
}

std::vector<std::string> ids(const std::vector<DigestCheckIn>& list) {
    std::vector<std::string> out;
    for (const DigestCheckIn& c : list) out.push_back(c.north_star ? std::string("north-star") : c.id);
    return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_SUITE("digest") {
    TEST_CASE("each person gets their work of the week, and nobody gets anything twice") {
        const DigestContent c = digest();
        CHECK(c.as_of == day("2026-11-23"));
        CHECK(c.week_end == day("2026-11-29"));
        // Declared people in reading order; Cy, who owns two tasks, is listed too.
        Strings order;
        for (const OwnerDigest& o : c.owners) order.push_back(o.id);
        CHECK(order == Strings{"ana", "bo", "cy"});

        const OwnerDigest& bo = *owner(c, "bo");
        CHECK(ids(bo.overdue) == Strings{"overdue", "stuck-late"});  // earliest due first
        CHECK(bo.overdue[0].days == 3);
        CHECK(bo.overdue[1].blocked);  // blocked and late: listed once, as overdue, and said blocked
        CHECK(ids(bo.blocked) == Strings{"stuck"});
        CHECK(bo.blocked[0].days == 27);
        // The week is the digest's date and the six days after it, both ends in.
        CHECK(ids(bo.due) == Strings{"first-day", "last-day"});
        CHECK(bo.due[0].days == 0);
        CHECK(bo.due[1].days == 6);
        CHECK(ids(bo.check_ins) == Strings{"k-late"});  // its own owner, not the objective's
        CHECK(bo.email == "bo@example.com");
        CHECK(bo.name == "bo");  // declared without a name: the id

        // An epic without an owner goes to its stream's owner; its task without one too.
        const OwnerDigest& ana = *owner(c, "ana");
        CHECK(ids(ana.due) == Strings{"task:Orphan task", "orphan"});
        CHECK(ana.due[0].stream_owner);
        CHECK(ana.due[1].stream_owner);
        CHECK(ana.slack == "U0ANA0001");
        // Check-ins: the North Star is fresh (3 days of 10); no value; weekly due (last 11-19,
        // fresh until 11-26); weekly checked on the day (fresh until 11-30: not this week);
        // k-edge checked 11-13, 10 days ago: fresh until 11-23, so due, not late.
        CHECK(ids(ana.check_ins) == Strings{"k-none", "k-due", "k-edge"});
        CHECK(ana.check_ins[0].state == DigestCheckIn::State::no_value);
        CHECK(ana.check_ins[1].state == DigestCheckIn::State::due);
        CHECK(ana.check_ins[1].next == day("2026-11-26"));
        CHECK(ana.check_ins[1].every == 7);
        CHECK(ana.check_ins[2].state == DigestCheckIn::State::due);
        CHECK(ana.check_ins[2].next == day("2026-11-23"));
        const DigestCheckIn& late = owner(c, "bo")->check_ins[0];
        CHECK(late.state == DigestCheckIn::State::late);
        CHECK(late.age == 11);
        CHECK(late.every == 10);

        const OwnerDigest& cy = *owner(c, "cy");
        CHECK(ids(cy.overdue) == Strings{"task:Cy's task"});
        CHECK(cy.overdue[0].epic_id == "orphan");
        CHECK(cy.due.empty());  // the later task is not this week's, the done one is done

        // Done, dropped and proposed epics ask nothing of anybody.
        for (const OwnerDigest& o : c.owners)
            for (const auto* list : {&o.overdue, &o.blocked, &o.due})
                for (const DigestWork& w : *list) {
                    CHECK(w.id != "done");
                    CHECK(w.id != "dropped");
                    CHECK(w.id != "idea");
                }
    }

    TEST_CASE("a day later, the first day's epic is overdue and the edge check-in is late") {
        DigestOptions o;
        o.as_of = day("2026-11-24");
        const DigestContent c = digest(roadmap_yaml, o);
        CHECK(ids(owner(c, "bo")->overdue) == Strings{"overdue", "stuck-late", "first-day"});
        CHECK(ids(owner(c, "bo")->due) == Strings{"last-day", "next-week"});
        // The week now ends on 11-30: the North Star (checked 11-20, every 10 days) and k-fresh
        // (checked 11-23, weekly) fall due on its last day.
        const OwnerDigest& ana = *owner(c, "ana");
        CHECK(ids(ana.check_ins) == Strings{"north-star", "k-none", "k-due", "k-fresh", "k-edge"});
        REQUIRE(ana.check_ins.size() == 5);
        CHECK(ana.check_ins[0].next == day("2026-11-30"));
        CHECK(ana.check_ins[3].next == day("2026-11-30"));
        CHECK(ana.check_ins[4].state == DigestCheckIn::State::late);
        CHECK(ana.check_ins[4].age == 11);
    }

    TEST_CASE("nobody's work has a section of its own, last") {
        const std::string yaml = R"(roadmap: {name: R, period: 2026-Q4}
streams:
  - id: s
    title: S
    epics:
      - {id: e, title: E, due: 2026-11-20}
      - {id: f, title: F, owner: zed, due: 2026-11-24}
)";
        const DigestContent c = digest(yaml);
        REQUIRE(c.owners.size() == 2);
        CHECK(c.owners[0].id == "zed");  // an owner nobody declared: named by the id
        CHECK(c.owners[1].id.empty());
        CHECK(ids(c.owners[1].overdue) == Strings{"e"});
        const std::string md = render_digest_markdown(c);
        CHECK(md.find("## zed\n") != std::string::npos);
        CHECK(md.find("## Nobody's\n") != std::string::npos);
        CHECK(md.find("## zed") < md.find("## Nobody's"));
    }

    TEST_CASE("a week with nothing to say says so in one line") {
        const std::string yaml = R"(roadmap: {name: R, team: Quiet, period: 2026-Q4}
streams:
  - {id: s, title: S, epics: [{id: e, title: E, owner: a, due: 2026-12-20}]}
)";
        DigestContent c = digest(yaml);
        CHECK(c.owners.empty());
        std::string md = render_digest_markdown(c);
        CHECK(md.find("Nothing is due, overdue, blocked or waiting for a check-in this week.\n") != std::string::npos);
        CHECK(md.find("## ") == std::string::npos);
        // With history and no change either, the one line says both.
        c.since = SinceFacts{};
        c.since->commit = "abc1234";
        c.since->commit_date = day("2026-11-16");
        c.changes = DigestChanges{};
        md = render_digest_markdown(c);
        CHECK(md.find("Nothing is due, overdue, blocked or waiting for a check-in this week, and nothing changed since "
                      "2026-11-16.\n") != std::string::npos);
        CHECK(md.find("## ") == std::string::npos);
        CHECK(render_digest_markdown(c, Language::fr).find("et rien n’a changé depuis le 16 novembre 2026.") !=
              std::string::npos);
        // Nobody has anything to do but something changed: the line, then the changes.
        c.changes->done.push_back({"e", "E", "", "", false, false, false});
        md = render_digest_markdown(c);
        const auto line = md.find("Nothing is due, overdue, blocked or waiting for a check-in this week.\n");
        REQUIRE(line != std::string::npos);
        CHECK(line < md.find("## What changed since 2026-11-16\n\n- **Done:** E (e)\n"));
    }

    TEST_CASE("the team's changes come from compare(): done, added, dropped with its reason, slipped, moved") {
        const std::string before = R"(roadmap: {name: R, period: 2026-Q4}
people: [{id: a, name: Al}]
objectives:
  - id: o
    title: O
    key_results:
      - {id: up, title: Up, unit: "%", baseline: 10, target: 50, current: 20}
      - {id: down, title: Down, unit: days, baseline: 10, target: 2, current: 8}
streams:
  - id: s
    title: S
    epics:
      - {id: ship, title: Ship, owner: a, status: in-progress, due: 2026-11-20}
      - {id: cut, title: Cut, owner: a, due: 2026-12-20}
      - {id: gone, title: Gone, owner: a, due: 2026-12-20}
      - {id: slip, title: Slip, owner: a, due: 2026-11-13}
      - {id: pull, title: Pull, owner: a, due: 2026-12-13}
      - {id: idea, title: Idea, owner: a, status: proposed}
)";
        const std::string after = R"(roadmap: {name: R, period: 2026-Q4}
people: [{id: a, name: Al}]
objectives:
  - id: o
    title: O
    key_results:
      - {id: up, title: Up, unit: "%", baseline: 10, target: 50, current: 26}
      - {id: down, title: Down, unit: days, baseline: 10, target: 2, current: 9}
streams:
  - id: s
    title: S
    epics:
      - {id: ship, title: Ship, owner: a, status: done, due: 2026-11-20}
      - {id: cut, title: Cut, owner: a, status: dropped, dropped_reason: "no budget", due: 2026-12-20}
      - {id: slip, title: Slip, owner: a, due: 2026-11-27}
      - {id: pull, title: Pull, owner: a, due: 2026-12-06}
      - {id: idea, title: Idea, owner: a, status: planned, due: 2026-12-18}
      - {id: new, title: New, owner: a, due: 2026-12-18}
      - {id: later, title: Later, status: proposed}
)";
        const Snapshot a(load_roadmap_from_string(before)), b(load_roadmap_from_string(after));
        DigestOptions o;
        o.as_of = day("2026-11-23");
        o.trends = Trends{};
        o.trends->since_commit = CommitInfo{"abcdef0123", "abcdef0", 0, day("2026-11-16"), "last week"};
        o.since_changes = compare(a, b);
        const DigestContent c = build_digest(b.roadmap(), o);
        REQUIRE(c.changes);
        const DigestChanges& ch = *c.changes;
        auto epic_ids = [](const std::vector<DigestEpic>& l) {
            Strings out;
            for (const DigestEpic& e : l) out.push_back(e.id);
            return out;
        };
        CHECK(epic_ids(ch.done) == Strings{"ship"});
        CHECK(ch.done[0].owner == "Al");
        CHECK(epic_ids(ch.added) == Strings{"idea", "new", "later"});
        CHECK(ch.added[0].from_backlog);
        CHECK_FALSE(ch.added[1].proposed);
        CHECK(ch.added[2].proposed);
        CHECK(epic_ids(ch.dropped) == Strings{"cut", "gone"});
        CHECK(ch.dropped[0].note == "no budget");
        CHECK(ch.dropped[1].removed);
        REQUIRE(ch.slipped.size() == 1);  // pulled in is not a slip
        CHECK(ch.slipped[0].id == "slip");
        CHECK(ch.slipped[0].days == 14);
        REQUIRE(ch.moved.size() == 2);
        CHECK(ch.moved[0].id == "up");
        CHECK(*ch.moved[0].delta == 6);
        CHECK(ch.moved[0].direction == Direction::better);
        CHECK(ch.moved[1].id == "down");
        CHECK(*ch.moved[1].delta == 1);
        CHECK(ch.moved[1].direction == Direction::worse);  // it must go down

        const std::string md = render_digest_markdown(c);
        for (const char* line : {
                 "## What changed since 2026-11-16\n",
                 "- **Done:** Ship (ship) — Al\n",
                 "- **Added:** Idea (idea) — Al, from the backlog\n",
                 "- **Added:** Later (later), to the backlog\n",
                 "- **Dropped:** Cut (cut) — Al: no budget\n",
                 "- **Dropped:** Gone (gone), taken out of the roadmap\n",  // its owner is in the state before
                 "- **Slipped:** Slip (slip) — Al: due 2026-11-13 → 2026-11-27 (+14 days)\n",
                 "- **Moved:** Up (up): 20% → 26% (+6%, better)\n",
                 "- **Moved:** Down (down): 8 days → 9 days (+1 days, worse)\n",
             }) {
            INFO(std::string(line));
            CHECK(md.find(line) != std::string::npos);
        }
        const std::string fr = render_digest_markdown(c, Language::fr);
        for (const char* line : {
                 "## Ce qui a changé depuis le 16 novembre 2026\n",
                 "- **Repoussé\u00a0:** Slip (slip) — Al\u00a0: échéance du 13 novembre 2026 → 27 novembre 2026 "
                 "(+14\u00a0jours)\n",
                 "- **Évolution\u00a0:** Up (up)\u00a0: 20\u00a0% → 26\u00a0% (+6\u00a0%, en progrès)\n",
                 "- **Abandonné\u00a0:** Cut (cut) — Al\u00a0: no budget\n",
             }) {
            INFO(std::string(line));
            CHECK(fr.find(line) != std::string::npos);
        }
    }

    TEST_CASE("the roadmap goes stale one day after its threshold, and the champion is named") {
        const Roadmap r = load_roadmap_from_string(roadmap_yaml);  // stale_after_days: 10
        const CommitInfo last{"0123456789", "0123456", 0, day("2026-11-13"), "last"};
        CHECK_FALSE(stale_document(r, day("2026-11-23"), last));  // 10 days: not more than 10
        const auto s = stale_document(r, day("2026-11-24"), last);
        REQUIRE(s);
        CHECK(s->days == 11);
        CHECK(s->stale_after == 10);
        CHECK(s->champion == "Ana Lima");
        CHECK(s->commit == "0123456");
        CHECK_FALSE(stale_document(r, day("2026-11-24"), std::nullopt));  // no history, no judgement

        DigestOptions o;
        o.as_of = day("2026-11-24");
        o.last_change = last;
        const std::string md = render_digest_markdown(digest(roadmap_yaml, o));
        CHECK(md.find("> No commit has changed this roadmap since 2026-11-13 (commit 0123456): 11 days, more than the "
                      "10 of roadmap.report.stale_after_days, so what it says may be out of date. Its champion, **Ana "
                      "Lima**, keeps it current.\n") != std::string::npos);
        // It opens the digest: before any person's section.
        CHECK(md.find("> No commit") < md.find("## "));
        // The report says it in its header too.
        ReportOptions ro;
        ro.as_of = day("2026-11-24");
        ro.last_change = last;
        const StatusReportContent rc = build_status_report(r, ro);
        REQUIRE(rc.stale_document);
        CHECK(render_markdown(rc).find("> No commit has changed this roadmap since 2026-11-13") <
              render_markdown(rc).find("## North Star"));
        // Without a champion, the line says where to name one.
        std::string yaml = roadmap_yaml;
        yaml.replace(yaml.find("  champion: ana\n"), 15, "");
        const auto none = stale_document(load_roadmap_from_string(yaml), day("2026-11-24"), last);
        REQUIRE(none);
        CHECK(none->champion.empty());
        o.last_change = last;
        CHECK(render_digest_markdown(digest(yaml, o)).find("Name its keeper in roadmap.champion.") !=
              std::string::npos);
    }

    TEST_CASE("Slack mentions people by member ID; the e-mail goes to those with something to do") {
        const DigestContent c = digest();
        const nlohmann::json slack = nlohmann::json::parse(render_digest_slack(c));
        const std::string all = slack.dump();
        CHECK(all.find("<@U0ANA0001>") != std::string::npos);
        CHECK(all.find("Ana Lima") == std::string::npos);   // mentioned, not named
        CHECK(all.find("*Cy Idle*") != std::string::npos);  // no member ID: named
        CHECK(slack["text"] == "Core: the week of 2026-11-23");
        const std::string mail = render_digest_email(c);
        CHECK(mail.find("To: Ana Lima <ana@example.com>, bo <bo@example.com>\r\n") != std::string::npos);
        CHECK(mail.find("From: Ana Lima <ana@example.com>\r\n") != std::string::npos);  // the champion
        CHECK(mail.find("Subject: Core: the week of 2026-11-23\r\n") != std::string::npos);
        // Cy has something to do but no address: not a recipient (the command warns).
        const std::string to = mail.substr(mail.find("To: "), mail.find("\r\nSubject:") - mail.find("To: "));
        CHECK(to.find("Cy") == std::string::npos);
    }

    TEST_CASE("a digest too big for one Slack message folds the rest into its last line, exactly") {
        // 60 people with 5 overdue epics each: 300 items, far over 50 blocks.
        std::string yaml = "roadmap: {name: Big, period: 2026-Q4}\npeople:\n";
        for (int p = 0; p < 60; ++p)
            yaml += fmt::format("  - {{id: p{}, name: Person {}, slack: U0P{:04}}}\n", p, p, p);
        yaml += "streams:\n  - id: s\n    title: S\n    epics:\n";
        for (int p = 0; p < 60; ++p)
            for (int e = 0; e < 5; ++e)
                yaml += fmt::format(
                    "      - {{id: e{}-{}, title: Epic with a long enough title {} {}, owner: p{}, due: "
                    "2026-11-{:02}}}\n",
                    p, e, p, e, p, 1 + e);
        const DigestContent c = digest(yaml);
        REQUIRE(c.owners.size() == 60);
        const nlohmann::json slack = nlohmann::json::parse(render_digest_slack(c));
        const auto& blocks = slack["blocks"];
        CHECK(blocks.size() <= 50);
        // The work items shown ("• " lines) and the N of "…and N more" add up to the 300 items
        // and the two lines after them, the definitions and the footer, which are folded too.
        long shown = 0;
        long more = -1;
        for (const auto& b : blocks) {
            if (b["type"] == "section") {
                const std::string t = b["text"]["text"];
                for (std::size_t at = t.find("• "); at != std::string::npos; at = t.find("• ", at + 1)) ++shown;
                CHECK(t.size() <= 3000);
            }
            if (b["type"] == "context")
                for (const auto& e : b["elements"]) {
                    const std::string t = e["text"];
                    if (t.starts_with("…and ")) more = std::stol(t.substr(std::string("…and ").size()));
                }
        }
        REQUIRE(more > 0);
        CHECK(shown > 0);
        CHECK(shown + more == 300 + 2);
        const std::string path = test::temp_dir("digest-slack") + "/big.json";
        test::write(path, render_digest_slack(c));
        const test::Run check =
            test::run({"/usr/bin/python3", test::source_dir() + "/tests/tools/slack_check.py", path});
        CHECK_MESSAGE(check.status == 0, check.out, check.err);
    }

    TEST_CASE("hostile text stays text in every format, and the real checkers accept the messages") {
        const std::string dir = test::temp_dir("digest-hostile");
        for (const char* lang : {"en", "fr"}) {
            CAPTURE(lang);
            auto run = [&](const char* format) {
                const auto r = test::boussole({"digest", "--no-history", "tests/data/hostile-roadmap", "--as-of",
                                               "2026-11-23", "--format", format, "--lang", lang});
                CHECK(r.status == 0);
                return r.out;
            };
            const std::string slack = run("slack");
            test::write(dir + "/hostile.json", slack);
            const auto s = test::run(
                {"/usr/bin/python3", test::source_dir() + "/tests/tools/slack_check.py", dir + "/hostile.json"});
            CHECK_MESSAGE(s.status == 0, s.out, s.err);
            // No user text makes a mention, a channel ping or a link of its own in Slack.
            const nlohmann::json payload = nlohmann::json::parse(slack);
            for (const auto& b : payload["blocks"]) {
                const std::string t = b.contains("text") ? std::string(b["text"]["text"]) : std::string();
                CHECK(t.find("<!") == std::string::npos);
            }
            const std::string mail = run("email");
            test::write(dir + "/hostile.eml", mail);
            const auto m = test::run({"/usr/bin/python3", test::source_dir() + "/tests/tools/mail_check.py",
                                      dir + "/hostile.eml", "--no-to", "--write-html", dir + "/hostile.html"});
            CHECK_MESSAGE(m.status == 0, m.out, m.err);
            // The HTML part holds only boussole's own markup.
            CHECK(test::html_breach(test::slurp(dir + "/hostile.html")).empty());
        }
    }

    TEST_CASE("golden: the example's digest in every format and both languages") {
        for (const char* format : {"markdown", "text", "slack", "email"})
            for (const char* lang : {"en", "fr"}) {
                CAPTURE(format);
                CAPTURE(lang);
                // The French example is the French team's own roadmap (roadmap.language: fr).
                const std::string example = std::string(lang) == "fr" ? "examples/revops-fr" : "examples/revops";
                const auto r =
                    test::boussole({"digest", "--no-history", example, "--as-of", "2026-11-30", "--format", format});
                CHECK(r.status == 0);
                const std::string ext = std::string(format) == "markdown" ? "md"
                                        : std::string(format) == "text"   ? "txt"
                                        : std::string(format) == "slack"  ? "json"
                                                                          : "eml";
                test::check_golden(fmt::format("digest-revops-{}.{}", lang, ext), r.out);
                // The machine's zone and locale change no byte.
                const auto elsewhere =
                    test::boussole({"digest", "--no-history", example, "--as-of", "2026-11-30", "--format", format},
                                   {"TZ=Pacific/Kiritimati", "LC_ALL=fr_FR.UTF-8", "LANG=fr_FR.UTF-8"});
                CHECK(elsewhere.out == r.out);
            }
    }
}
