// The hand-written documentation against the code: the rule table of boussole(1), the rule
// count of README.md, and the keys named by boussole-format(5).

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "boussole/format.hpp"
#include "boussole/lint.hpp"
#include "support.hpp"

using namespace boussole;

namespace {

// roff text as a reader sees it: `\-` is a hyphen, font changes vanish.
std::string plain(std::string s) {
    s = std::regex_replace(s, std::regex(R"(\\f[BIRP])"), "");
    return std::regex_replace(s, std::regex(R"(\\-)"), "-");
}

// The lines of a man page's section `.SH NAME`, up to the next `.SH`.
std::vector<std::string> section(const std::string& page, const std::string& name) {
    std::istringstream in(page);
    std::vector<std::string> out;
    bool inside = false;
    for (std::string line; std::getline(in, line);) {
        if (line.starts_with(".SH "))
            inside = line == ".SH " + name;
        else if (inside)
            out.push_back(line);
    }
    return out;
}

// Words a section sets in bold (`\fBword\fP`, `.B word`, the bold words of `.BR`/`.RB`), the
// `key:` words of its bold text and of its literal blocks (`.nf` .. `.fi`, comments left out).
std::set<std::string> mentioned(const std::vector<std::string>& lines) {
    std::set<std::string> out;
    const std::regex key(R"((?:^|[\s{,])([a-z][a-z0-9_]*):)");
    const auto keys_in = [&](const std::string& text) {
        for (auto it = std::sregex_iterator(text.begin(), text.end(), key); it != std::sregex_iterator(); ++it)
            out.insert((*it)[1]);
    };
    const auto bold = [&](const std::string& text) {
        out.insert(plain(text));
        keys_in(plain(text));
    };
    bool literal = false;
    for (const std::string& line : lines) {
        if (line == ".nf" || line == ".fi") {
            literal = line == ".nf";
            continue;
        }
        if (literal) {
            keys_in(line.substr(0, line.find('#')));
            continue;
        }
        const std::regex inline_bold(R"(\\fB(.*?)\\f[PR])");
        for (auto it = std::sregex_iterator(line.begin(), line.end(), inline_bold); it != std::sregex_iterator(); ++it)
            bold((*it)[1]);
        // .B, .BR, .RB: arguments alternate between bold and roman; quoted ones are one.
        if (line.starts_with(".B ") || line.starts_with(".BR ") || line.starts_with(".RB ")) {
            std::vector<std::string> args;
            const std::regex arg(R"re("([^"]*)"|(\S+))re");
            const std::string rest = line.substr(line.find(' ') + 1);
            for (auto it = std::sregex_iterator(rest.begin(), rest.end(), arg); it != std::sregex_iterator(); ++it)
                args.push_back((*it)[1].matched ? (*it)[1].str() : (*it)[2].str());
            const std::size_t first_bold = line.starts_with(".RB ") ? 1 : 0;
            for (std::size_t i = first_bold; i < args.size(); i += line.starts_with(".B ") ? 1 : 2) bold(args[i]);
        }
    }
    return out;
}

bool key_like(const std::string& w) { return std::regex_match(w, std::regex("[a-z][a-z0-9_]*")); }

}  // namespace

TEST_SUITE("docs") {
    TEST_CASE("boussole(1): the RULES table is the registry: ids, default severities, summaries, in order") {
        const auto lines = section(test::slurp(test::source_dir() + "/man/boussole.1"), "RULES");
        const auto ts = std::find(lines.begin(), lines.end(), ".TS");
        const auto te = std::find(lines.begin(), lines.end(), ".TE");
        REQUIRE(ts != lines.end());
        REQUIRE(te > ts + 2);
        std::vector<std::string> rows(ts + 2, te);  // after .TS and the column format line
        const auto rules = all_rules();
        REQUIRE(rows.size() == rules.size());
        for (std::size_t i = 0; i < rules.size(); ++i) {
            CAPTURE(rows[i]);
            CHECK(plain(rows[i]) == fmt::format("{}\t{}\t{}", to_string(rules[i]->id),
                                                to_string(rules[i]->default_severity), rules[i]->summary));
        }
    }

    TEST_CASE("README.md counts the rules of the registry") {
        const std::string readme = test::slurp(test::source_dir() + "/README.md");
        std::smatch m;
        REQUIRE(std::regex_search(readme, m, std::regex(R"(`boussole rules` lists the (\d+) rules)")));
        CHECK(std::stoul(m[1]) == all_rules().size());
    }

    TEST_CASE("boussole-format(5) names every key of the format with its entity, and no other key") {
        using format::Entity;
        const std::string page = test::slurp(test::source_dir() + "/man/boussole-format.5");
        // Where each entity's keys are documented. The north star has the keys of a key result,
        // which the page says; a period's {start, end} is a value, under VALUES.
        const std::map<Entity, std::string> where{{Entity::file, "DESCRIPTION"},
                                                  {Entity::roadmap, "ROADMAP"},
                                                  {Entity::north_star, "ROADMAP"},
                                                  {Entity::lint, "ROADMAP"},
                                                  {Entity::themes, "ROADMAP"},
                                                  {Entity::report, "ROADMAP"},
                                                  {Entity::period, "VALUES"},
                                                  {Entity::person, "PEOPLE"},
                                                  {Entity::metric, "METRICS"},
                                                  {Entity::objective, "OBJECTIVES"},
                                                  {Entity::key_result, "OBJECTIVES"},
                                                  {Entity::stream, "STREAMS"},
                                                  {Entity::epic, "EPICS"},
                                                  {Entity::task, "TASKS"}};
        std::set<std::string> all_keys, all_choices;
        for (const Entity e : format::entities()) {
            REQUIRE(where.contains(e));
            const std::set<std::string> words = mentioned(section(page, where.at(e)));
            REQUIRE_FALSE(words.empty());  // the section exists
            for (const format::Key& k : format::keys(e)) {
                CAPTURE(format::name(e));
                CAPTURE(k.name);
                CHECK(words.contains(std::string(k.name)));
                all_keys.emplace(k.name);
                all_choices.insert(k.choices.begin(), k.choices.end());
            }
        }
        // Every bold or literal word that looks like a key is one (or a value of a choice), in
        // every section but SEE ALSO (which names pages).
        std::istringstream in(page);
        std::vector<std::string> lines;
        for (std::string line; std::getline(in, line);)
            if (line.starts_with(".SH ") && line != ".SH SEE ALSO")
                for (std::string& l : section(page, line.substr(4))) lines.push_back(std::move(l));
        std::size_t checked = 0;
        for (const std::string& w : mentioned(lines)) {
            if (!key_like(w) || all_choices.contains(w)) continue;
            CAPTURE(w);
            CHECK(all_keys.contains(w));
            ++checked;
        }
        CHECK(checked >= all_keys.size());
    }

    TEST_CASE("doc/rules.md is the rule catalogue, one section per rule, where the outputs link each rule") {
        const std::string path = test::source_dir() + "/doc/rules.md";
        if (std::getenv("BOUSSOLE_UPDATE_GOLDEN")) test::write(path, rules_markdown());
        const std::string page = test::slurp(path);
        INFO(
            "doc/rules.md is out of date with the rule catalogue: regenerate it with "
            "BOUSSOLE_UPDATE_GOLDEN=1 build/tests/boussole_tests -ts=docs");
        CHECK(page == rules_markdown());
        for (const Rule* r : all_rules()) {
            const std::string id(to_string(r->id));
            CAPTURE(id);
            // A heading of the rule's id (its anchor), once, and the link to it.
            CHECK(page.find("\n## " + id + "\n") != std::string::npos);
            CHECK(page.find("\n## " + id + "\n") == page.rfind("\n## " + id + "\n"));
            CHECK(page.find(r->summary) != std::string::npos);
            CHECK(rule_documentation_url(r->id) == std::string(BOUSSOLE_HOMEPAGE) + "doc/rules.md#" + id);
        }
    }
}
