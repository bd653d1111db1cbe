// The message catalogues: every language has every message (structural), and a French
// document holds no English word of boussole's (a leak).
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstring>
#include <filesystem>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "boussole/format.hpp"
#include "git_repo.hpp"
#include "report/messages.hpp"
#include "support.hpp"

using namespace boussole;
namespace fs = std::filesystem;

namespace {

// A catalogue is its LanguageStyle pointer followed by string_views only (alone, in Plurals, in
// the word structs and in arrays): read as that sequence of texts, in declaration order. A
// member of another type breaks the static_assert, and this reading must be revised with it.
template <class M>
std::vector<std::string_view> texts(const M& m) {
    static_assert(std::is_trivially_copyable_v<M>);
    constexpr std::size_t head = sizeof(const LanguageStyle*), slot = sizeof(std::string_view);
    static_assert((sizeof(M) - head) % slot == 0 && alignof(M) <= slot,
                  "a message catalogue holds only string_views after its style");
    const auto bytes = std::bit_cast<std::array<std::byte, sizeof(M)>>(m);
    std::vector<std::string_view> out;
    for (std::size_t at = head; at < sizeof(M); at += slot) {
        std::string_view s;
        std::memcpy(&s, bytes.data() + at, slot);
        out.push_back(s);
    }
    return out;
}

// The words of a text, lowercased: runs of letters (ASCII and Latin accented ones), digits,
// '_', '.', '-' and '\'' holding a letter, trimmed of '.', '-' and '\'' at their ends; a key
// such as roadmap.report.stale_after_days stays one word. Placeholders ({0}) are no words.
std::set<std::string> words(std::string_view text) {
    std::set<std::string> out;
    std::string word;
    auto flush = [&] {
        while (!word.empty() && (word.back() == '.' || word.back() == '-' || word.back() == '\'')) word.pop_back();
        std::size_t start = 0;
        while (start < word.size() && (word[start] == '.' || word[start] == '-' || word[start] == '\'')) ++start;
        word.erase(0, start);
        if (std::any_of(word.begin(), word.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
            out.insert(word);
        word.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (std::isalnum(c) || c == '_' || c == '.' || c == '-' || c == '\'') {
                word += static_cast<char>(std::tolower(c));
            } else {
                flush();
            }
            ++i;
            continue;
        }
        // Two-byte UTF-8 from U+00C0 to U+024F (Latin letters with accents) belong to words,
        // except × and ÷; everything else (no-break spaces, ’, symbols) separates them.
        const std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        const std::string_view seq = text.substr(i, n);
        const bool letter = n == 2 && seq >= "\u00c0" && seq <= "\u024f" && seq != "\u00d7" && seq != "\u00f7";
        if (letter) {
            word += seq;
        } else {
            flush();
        }
        i += n;
    }
    flush();
    return out;
}

template <class M>
std::set<std::string> catalogue_words(const M& m) {
    std::set<std::string> out;
    for (std::string_view t : texts(m)) {
        const std::string without_placeholders = std::regex_replace(std::string(t), std::regex(R"(\{\d\})"), " ");
        out.merge(words(without_placeholders));
    }
    return out;
}

// The words the English and French catalogues may share: spelled alike in both languages
// (score, mission, date, plan, part, cadence, version, clone, e-mail, « a », « d’ »), or names that
// are not translated: boussole, git and its command git fetch --unshallow, lint, diff, commit,
// id, the priorities (P0), and the format's keys (checked_on, dropped_reason, roadmap.north_star, kind: run, the keys
// diff reports by name). Any other English word in a French catalogue is an untranslated message, and fails "every
// message exists in every language".
const std::set<std::string> same_in_both = {
    "a",
    "boussole",
    "cadence",
    "clone",
    "checked_on",
    "commit",
    "commits",
    "contributors",
    "d",
    "date",
    "deliverables",
    "diff",
    "dropped_reason",
    "e-mail",
    "fetch",
    "git",
    "id",
    "kind",
    "lint",
    "mission",
    "no-history",
    "nov",  // issue 15: the charts' short months (Nov, nov.)  // the report's options, --no-history and --since
    "oct",
    "p0",
    "part",
    "plan",
    "backlog",  // issue 16: the French team's own word for its proposals
    "roadmap.champion",
    "roadmap.north_star",
    "roadmap.report.max_open_epics",
    "roadmap.report.stale_after_days",
    "run",
    "score",
    "since",
    "unshallow",
    "vertical",
    "version"};

std::set<std::string> english_words() {
    std::set<std::string> en = catalogue_words(status_report_en);
    en.merge(catalogue_words(recap_en));
    en.merge(catalogue_words(diff_en));
    en.merge(catalogue_words(chart_en));   // issue 15, charts
    en.merge(catalogue_words(slack_en));   // issue 16, Slack
    en.merge(catalogue_words(digest_en));  // issue 16, digest
    return en;
}

std::set<std::string> french_words() {
    std::set<std::string> fr = catalogue_words(status_report_fr);
    fr.merge(catalogue_words(recap_fr));
    fr.merge(catalogue_words(diff_fr));
    fr.merge(catalogue_words(chart_fr));   // issue 15, charts
    fr.merge(catalogue_words(slack_fr));   // issue 16, Slack
    fr.merge(catalogue_words(digest_fr));  // issue 16, digest
    return fr;
}

// Boussole's English words: those of the English catalogues, but for the ones French shares.
std::set<std::string> english_only() {
    std::set<std::string> out;
    for (const std::string& w : english_words())
        if (!same_in_both.contains(w)) out.insert(w);
    return out;
}

// The words of every file under `dir`: what the user wrote.
std::set<std::string> user_words(const std::string& dir) {
    std::set<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) out.merge(words(test::slurp(e.path().string())));
    return out;
}

// The text of a document for people: Mermaid's syntax left out of its gantt charts (keywords,
// task tags such as `active` and `done`), their titles, sections and task names kept.
std::string prose(const std::string& document) {
    std::string out;
    bool chart = false;
    std::size_t start = 0;
    while (start < document.size()) {
        std::size_t end = document.find('\n', start);
        if (end == std::string::npos) end = document.size();
        std::string line = document.substr(start, end - start);
        start = end + 1;
        if (line == "```mermaid") {
            chart = true;
            continue;
        }
        if (chart && line == "```") {
            chart = false;
            continue;
        }
        if (chart) {
            for (const char* keyword : {"    title ", "    section "})
                if (line.starts_with(keyword)) line = line.substr(std::strlen(keyword));
            if (const auto tags = line.find(" :"); tags != std::string::npos) line.resize(tags);
            if (line.starts_with("    ")) continue;  // gantt, dateFormat, axisFormat, todayMarker
        }
        out += line + "\n";
    }
    return out;
}

// English words of boussole's in `document`, beyond what the user wrote.
std::string leaks(const std::string& document, const std::set<std::string>& user) {
    static const std::set<std::string> english = english_only();
    std::string out;
    for (const std::string& w : words(prose(document)))
        if (english.contains(w) && !user.contains(w)) out += (out.empty() ? "" : " ") + w;
    return out;
}

template <class M>
void check_same_keys(const M& en, const M& fr) {
    const auto a = texts(en), b = texts(fr);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        INFO("message #", i, " (English: \"", a[i], "\", French: \"", b[i], "\")");
        CHECK(a[i].empty() == b[i].empty());
        CHECK_FALSE(b[i].empty());
    }
}

}  // namespace

TEST_SUITE("report") {
    TEST_CASE("every message exists in every language") {
        // Each catalogue is one instance of the same struct, and a missing designated initializer
        // does not compile (-Wmissing-field-initializers); an empty text is a message left out.
        check_same_keys(status_report_en, status_report_fr);
        check_same_keys(recap_en, recap_fr);
        check_same_keys(diff_en, diff_fr);
        check_same_keys(chart_en, chart_fr);    // issue 15, charts
        check_same_keys(slack_en, slack_fr);    // issue 16, Slack
        check_same_keys(digest_en, digest_fr);  // issue 16, digest
        CHECK(texts(digest_en).back() == digest_en.subject);
        CHECK(texts(slack_en).back() == slack_en.more);
        CHECK(&slack_messages(Language::fr) == &slack_fr);
        CHECK(texts(chart_en)[0] == chart_en.short_months[0]);
        CHECK(texts(chart_en).back() == chart_en.recap_end);
        CHECK(&chart_messages(Language::fr) == &chart_fr);
        CHECK(texts(status_report_en).size() > 150);  // the reading finds the messages
        CHECK(texts(diff_en)[0] == diff_en.list_separator);
        CHECK(texts(diff_en).back() == diff_en.posted_by);
        CHECK(status_report_fr.style->language == Language::fr);
        CHECK(&status_report_messages(Language::fr) == &status_report_fr);
        CHECK(&recap_messages(Language::en) == &recap_en);
        CHECK(&diff_messages(Language::fr) == &diff_fr);
        // A French message left in English: its words are English words French does not share.
        const std::set<std::string> english = english_words();
        for (const std::string& w : french_words()) {
            INFO("the French catalogue uses the English word '", w, "'");
            CHECK((!english.contains(w) || same_in_both.contains(w)));
        }
        // Every epic key that diff reports generically has its word in every language.
        for (const format::Key& k : format::keys(format::Entity::epic)) {
            if (!k.diffed) continue;
            for (const DiffMessages* m : {&diff_en, &diff_fr}) {
                INFO(k.name, " in ", to_string(m->style->language));
                CHECK(std::any_of(m->field_names.begin(), m->field_names.end(),
                                  [&](const FieldWord& f) { return f.key == k.name && !f.word.empty(); }));
            }
        }
    }

    TEST_CASE("no message holds a character HTML would read as markup") {
        // The HTML markup (src/report/html.cpp) writes catalogue words as they are, in cells,
        // labels and headings: a '<' or '&' there would be read as a tag or an entity.
        auto check = [](const auto& catalogue) {
            for (std::string_view t : texts(catalogue)) {
                INFO("message \"", t, "\"");
                CHECK(t.find_first_of("<>&") == std::string::npos);
            }
        };
        check(status_report_en), check(status_report_fr), check(recap_en), check(recap_fr);
        check(digest_en), check(digest_fr), check(slack_en), check(slack_fr);  // issue 16
    }

    TEST_CASE("the leak check finds an English word of boussole's, and not user text") {
        const std::set<std::string> english = english_only();
        CHECK(english.contains("overdue"));
        CHECK(english.contains("key"));
        CHECK_FALSE(english.contains("score"));  // written alike in French
        CHECK(words("Roadmap.report.stale_after_days, l’échéance: 59\u00a0%") ==
              std::set<std::string>{"roadmap.report.stale_after_days", "l", "échéance"});
        CHECK(leaks("Chantier en retard (overdue)", {}) == "overdue");
        CHECK(leaks("Chantier Overdue invoices", {"overdue", "invoices"}).empty());
        CHECK(leaks("```mermaid\ngantt\n    title Par axe\n    Tâche :done, active, e1, 2026-10-01, 2026-10-02\n```\n",
                    {})
                  .empty());
        CHECK(leaks("```mermaid\n    section Done\n```\n", {}) == "done");
    }

    TEST_CASE("a French document has the English one's figures, in its own number format") {
        // The numbers of every table row, read back as plain decimals: "104,000" and
        // "104 000" are 104000, "0.43" and "0,43" are 0.43. Tables keep ISO dates in both.
        auto figures = [](const std::string& document, bool french) {
            std::vector<std::string> out;
            const std::regex number(french ? "[0-9](?:[0-9]|\u202f[0-9]|,[0-9])*" : "[0-9](?:[0-9]|[,.][0-9])*");
            std::size_t start = 0;
            while (start < document.size()) {
                const std::size_t end = std::min(document.find('\n', start), document.size());
                const std::string line = document.substr(start, end - start);
                start = end + 1;
                if (!line.starts_with("| ")) continue;
                for (auto it = std::sregex_iterator(line.begin(), line.end(), number); it != std::sregex_iterator();
                     ++it) {
                    std::string n = it->str();
                    if (french) {
                        n = std::regex_replace(n, std::regex("\u202f"), "");
                        std::replace(n.begin(), n.end(), ',', '.');
                    } else {
                        n.erase(std::remove(n.begin(), n.end(), ','), n.end());
                    }
                    out.push_back(n);
                }
            }
            return out;
        };
        for (const std::string audience : {"team", "leadership"}) {
            CAPTURE(audience);
            auto run = [&](const char* lang) {
                return test::boussole({"report", "--no-history", "examples/revops", "--as-of", "2026-11-23",
                                       "--audience", audience, "--lang", lang})
                    .out;
            };
            const auto en = figures(run("en"), false), fr = figures(run("fr"), true);
            CHECK(en.size() > 40);
            CHECK(en == fr);
        }
    }

    TEST_CASE("README's French excerpt is the start of the French example's report") {
        const std::string golden = test::slurp(test::source_dir() + "/tests/golden/report-revops-fr-team.md");
        std::size_t end = 0;
        for (int line = 0; line < 13; ++line) end = golden.find('\n', end) + 1;
        CHECK(test::slurp(test::source_dir() + "/README.md").find(golden.substr(0, end)) != std::string::npos);
    }

    TEST_CASE("a French document holds no English word of boussole's") {
        const std::string example = test::source_dir() + "/examples/revops-fr";
        const std::set<std::string> user = user_words(example);
        for (const std::string audience : {"team", "leadership"}) {
            CAPTURE(audience);
            const auto r = test::boussole(
                {"report", "--no-history", example, "--as-of", "2026-11-23", "--audience", audience, "--lang", "fr"});
            REQUIRE(r.status == 0);
            CHECK(leaks(r.out, user) == "");
        }
        // The history's documents, as tests/quarter_fr_test.py pins them: the user wrote the
        // roadmap and the texts quarter.py writes into it (its quoted strings).
        const std::string data = test::source_dir() + "/tests/data/quarter-fr";
        std::set<std::string> history_user = user_words(data + "/roadmap");
        const std::string script = test::slurp(data + "/quarter.py");
        const std::regex quoted(R"("([^"\\]|\\.)*")");
        for (auto it = std::sregex_iterator(script.begin(), script.end(), quoted); it != std::sregex_iterator(); ++it)
            history_user.merge(words(it->str()));
        for (const char* golden : {"quarter-fr-fr-recap.md", "quarter-fr-fr-diff.txt", "quarter-fr-fr-diff.md",
                                   "quarter-fr-fr-report-team.md", "quarter-fr-fr-report-leadership.md"}) {
            const std::string name = golden;
            CAPTURE(name);
            const std::string path = test::source_dir() + "/tests/golden/" + golden;
            REQUIRE(fs::exists(path));
            // The cause of a file that does not parse is the loader's, quoted: lint messages stay
            // English (README), so it is left out here.
            const std::string document =
                std::regex_replace(test::slurp(path), std::regex("colonne \\d+\u00a0: [^\\n]*?\\. Sa dernière"), "");
            CHECK(leaks(document, history_user) == "");
        }
    }
}

namespace {

// Replaces the one `from` of a file of the repository's roadmap.
void edit(const test::GitRepo& repo, const std::string& file, const std::string& from, const std::string& to) {
    std::string text = test::slurp(repo.dir() + "/roadmap/" + file);
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    REQUIRE(text.find(from, at + 1) == std::string::npos);
    text.replace(at, from.size(), to);
    repo.write("roadmap/" + file, text);
}

}  // namespace

TEST_SUITE("history") {
    TEST_CASE("golden: the French example's quarter in git, its recap and diff in French") {
        // examples/revops-fr committed as the plan, then a quarter: a slip, check-ins, a goalpost
        // moved, an epic done, one added.
        test::GitRepo repo("revops-fr");
        const std::string example = test::source_dir() + "/examples/revops-fr";
        for (const auto& e : fs::recursive_directory_iterator(example))
            if (e.is_regular_file())
                repo.write("roadmap/" + fs::relative(e.path(), example).generic_string(),
                           test::slurp(e.path().string()));
        const std::string plan = repo.commit("Plan du T4", "2026-09-30");
        edit(repo, "streams/routage.yaml", "due: 2026-11-13", "due: 2026-11-27");
        repo.commit("Routage : échéance repoussée de deux semaines", "2026-10-20");
        edit(repo, "objectives.yaml", "current: 74", "current: 81");
        edit(repo, "roadmap.yaml", "current: 104000", "current: 108500");
        repo.commit("Point hebdo : complétude 81 %, 108 500 EUR par commercial", "2026-11-06");
        edit(repo, "objectives.yaml", "target: 4\n", "target: 6\n");
        edit(repo, "streams/facturation.yaml", "status: planned", "status: done");
        repo.commit("Validation des remises livrée ; cible du délai lead revue à 6 h", "2026-11-20");
        edit(repo, "streams/crm.yaml", "    epics:\n",
             "    epics:\n      - id: nettoyage-contacts\n        title: Nettoyer les contacts sans e-mail\n"
             "        owner: lea\n        status: in-progress\n        start: 2026-12-01\n        due: 2026-12-18\n"
             "        key_results: [completude-crm]\n");
        repo.commit("Nouveau chantier : nettoyage des contacts", "2026-12-01");

        const auto recap = test::run({test::binary(), "recap", "roadmap", "--at", "HEAD"}, repo.dir());
        INFO(recap.err);
        REQUIRE(recap.status == 0);
        test::check_golden("recap-revops-fr.md", recap.out);  // roadmap.language: fr, no --lang
        const auto text = test::run({test::binary(), "diff", plan, "HEAD", "roadmap"}, repo.dir());
        REQUIRE(text.status == 0);
        test::check_golden("diff-revops-fr.txt", text.out);
        const auto md =
            test::run({test::binary(), "diff", plan, "HEAD", "roadmap", "--format", "markdown"}, repo.dir());
        REQUIRE(md.status == 0);
        test::check_golden("diff-revops-fr.md", md.out);
        // The figures are those of the English documents; only words and formats differ.
        const auto en = test::run({test::binary(), "diff", plan, "HEAD", "roadmap", "--lang", "en"}, repo.dir());
        CHECK(en.out.find("current 104,000 → 108,500") != std::string::npos);
        CHECK(text.out.find("valeur actuelle 104\u202f000 → 108\u202f500") != std::string::npos);
        CHECK(text.out.find("échéance 2026-11-13 → 2026-11-27 (+14\u00a0jours)") != std::string::npos);
        CHECK(recap.out.find("| Chantiers ajoutés pendant la période | 1 |") != std::string::npos);
        const std::set<std::string> user = user_words(example);
        std::set<std::string> written = user;
        for (const char* added : {"Nettoyer les contacts sans e-mail nettoyage-contacts Routage échéance repoussée de "
                                  "deux semaines Point hebdo complétude Validation des remises livrée cible du délai "
                                  "lead revue à Nouveau chantier nettoyage des contacts Plan du T4 HEAD"})
            written.merge(words(added));
        CHECK(leaks(recap.out, written) == "");
        CHECK(leaks(text.out, written) == "");
        CHECK(leaks(md.out, written) == "");
    }
}
