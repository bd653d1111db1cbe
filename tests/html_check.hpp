#pragma once
// What every HTML page boussole writes must hold, whatever the roadmap says (issue 15): user
// text never becomes markup. Used by the hostile-roadmap test and the report_diff fuzz target.
// Returns the first breach, as a sentence, or an empty string.

#include <cctype>
#include <set>
#include <string>
#include <string_view>

namespace test {

inline std::string html_breach(std::string_view page) {
    // Every element the HTML markup (src/report/html.cpp) and the charts (src/report/charts.cpp)
    // write; a tag outside it can only come from the user's text.
    static const std::set<std::string, std::less<>> tags{
        "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "main", "header", "section", "footer", "h1", "h2",
        "h3", "p", "dl", "dt", "dd", "ul", "li", "input", "div", "table", "thead", "tbody", "tr", "th", "td", "strong",
        "s", "code", "a", "figure", "figcaption", "pre", "span",
        // SVG
        "svg", "g", "rect", "line", "path", "polyline", "polygon", "circle", "text", "tspan", "desc", "defs", "pattern",
        "marker", "clipPath", "use"};
    for (std::size_t at = page.find('<'); at != std::string_view::npos; at = page.find('<', at + 1)) {
        std::size_t name = at + 1;
        if (name < page.size() && page[name] == '/') ++name;
        std::size_t end = name;
        while (end < page.size() && (std::isalnum(static_cast<unsigned char>(page[end])) || page[end] == '!')) ++end;
        const std::string_view tag = page.substr(name, end - name);
        if (!tags.contains(tag)) return "an element that is not boussole's: '" + std::string(page.substr(at, 40)) + "'";
        const std::size_t close = page.find('>', at);
        if (close == std::string_view::npos) return "an unclosed tag at the end";
        const std::string_view inside = page.substr(at, close - at);
        // Attributes: no event handler, no script URL, no link that is not http(s), mailto or a fragment.
        for (std::size_t on = inside.find(" on"); on != std::string_view::npos; on = inside.find(" on", on + 1)) {
            std::size_t e = on + 3;
            while (e < inside.size() && std::isalpha(static_cast<unsigned char>(inside[e]))) ++e;
            if (e < inside.size() && inside[e] == '=') return "an event handler: '" + std::string(inside) + "'";
        }
        for (std::string_view attr : {" href=\"", " src=\"", " xlink:href=\""}) {
            const std::size_t h = inside.find(attr);
            if (h == std::string_view::npos) continue;
            if (attr != " href=\"") return "a source attribute: '" + std::string(inside) + "'";
            const std::string_view url = inside.substr(h + attr.size());
            if (!url.starts_with("https://") && !url.starts_with("http://") && !url.starts_with("mailto:") &&
                !url.starts_with("#"))
                return "a link that is not http(s), mailto or a fragment: '" + std::string(inside) + "'";
        }
    }
    return {};
}

}  // namespace test
