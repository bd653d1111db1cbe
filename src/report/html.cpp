// The HTML markup of the documents: one self-contained page (html.hpp).
#include "report/html.hpp"

#include <cctype>
#include <utility>

#include <fmt/format.h>

#include "boussole/visible.hpp"
#include "report/charts.hpp"

namespace boussole {

namespace html {

std::string escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 8);
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

}  // namespace html

namespace {

// An http(s) URL as an attribute value: bytes that could end it, hide or confuse it (spaces,
// controls, quotes, angle brackets, backslash, backtick) percent-encoded, then escaped.
std::string href(std::string_view url) {
    std::string dest;
    for (char ch : url) {
        const auto c = static_cast<unsigned char>(ch);
        const bool keep = c > 0x20 && c != 0x7f && std::string_view("\"'<>\\`").find(ch) == std::string_view::npos;
        if (keep)
            dest += ch;
        else
            dest += fmt::format("%{:02X}", c);
    }
    return html::escape(dest);
}

bool is_http(std::string_view s) { return s.starts_with("https://") || s.starts_with("http://"); }

// The page's style: a light and a dark palette (text contrast at least 4.5:1 in both), tables
// that scroll sideways inside their box on a phone instead of widening the page, larger type
// on very wide screens, and A4 landscape print with a page break before each section.
constexpr std::string_view page_css = R"css(
:root{color-scheme:light dark;--bg:#ffffff;--fg:#1f2328;--muted:#57606a;--line:#d0d7de;--card:#f6f8fa;--link:#0550ae;--bar:#0072b2;--track:#dfe3e8;--note:#b35900}
@media screen and (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9da7b3;--line:#30363d;--card:#161b22;--link:#79c0ff;--bar:#56b4e9;--track:#30363d;--note:#e69f00}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;overflow-wrap:break-word}
main{max-width:75rem;margin:0 auto;padding:1.5rem 1rem 3rem}
@media (min-width:2400px){html{font-size:22px}}
h1{font-size:1.75rem;line-height:1.25;margin:0 0 .75rem}
h2{font-size:1.3rem;margin:0 0 .75rem;padding-bottom:.3rem;border-bottom:2px solid var(--line)}
h3{font-size:1.08rem;margin:1.5rem 0 .5rem}
p{margin:0 0 .75rem}
a{color:var(--link)}
code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.9em;background:var(--card);padding:0 .2em;border-radius:3px}
header{margin-bottom:1.5rem}
section{margin:2.25rem 0}
dl.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.2rem 1rem;margin:0 0 1rem;padding:.75rem 1rem;background:var(--card);border:1px solid var(--line);border-radius:6px}
dl.facts dt{font-weight:600;color:var(--muted)}
dl.facts dd{margin:0}
@media (max-width:36rem){dl.facts{grid-template-columns:minmax(0,1fr)}dl.facts dd{margin-bottom:.4rem}}
.table{overflow-x:auto;margin:0 0 1rem;border:1px solid var(--line);border-radius:6px;width:fit-content;max-width:100%}
table{border-collapse:collapse;font-size:.94rem}
th,td{padding:.4rem .6rem;text-align:left;vertical-align:top;border-bottom:1px solid var(--line)}
tbody tr:last-child td{border-bottom:0}
th{background:var(--card);font-weight:600}
.r{text-align:right;font-variant-numeric:tabular-nums}
.pct{white-space:nowrap}
.pct::before{content:"";display:inline-block;width:5.5em;height:.7em;margin-right:.4em;border-radius:.35em;background:linear-gradient(90deg,var(--bar) var(--p),var(--track) var(--p))}
ul{margin:0 0 1rem;padding-left:1.4rem}
ul.tasks{list-style:none;padding-left:.2rem}
ul.tasks input{appearance:none;-webkit-appearance:none;display:inline-grid;place-content:center;width:1em;height:1em;margin:0 .45em 0 0;vertical-align:-.12em;border:1.5px solid var(--fg);border-radius:3px;opacity:1}
ul.tasks input:checked::before{content:"\2714";font-size:.8em;line-height:1}
.note{margin:0 0 1rem;padding:.5rem .9rem;border-left:4px solid var(--note);background:var(--card)}
.def{color:var(--muted);font-size:.88rem;max-width:60rem}
figure{margin:0 0 1.25rem}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,26rem),1fr));gap:.75rem 2rem}
figure svg{display:block;width:100%;height:auto}
figcaption{color:var(--muted);font-size:.9rem;margin-top:.3rem}
footer{margin-top:3rem;padding-top:.75rem;border-top:1px solid var(--line);color:var(--muted);font-size:.9rem}
@media print{
@page{size:A4 landscape;margin:12mm}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font-size:10pt;background:#fff;color:#000}
main{max-width:none;padding:0}
section{break-before:page;margin:0}
header+section{break-before:auto}
.table{overflow:visible;border:0}
tr,figure,.note,dl.facts{break-inside:avoid}
h2,h3{break-after:avoid}
a{color:inherit}
}
)css";

}  // namespace

HtmlMarkup::HtmlMarkup(const md::NumberStyle& numbers, Language language, std::string generator)
    : Markup(numbers), language_(language), generator_(std::move(generator)) {}

std::string HtmlMarkup::text(std::string_view raw) const {
    // As in Markdown: line breaks and tabs fold into one space, every character a viewer would
    // act on (controls, bidirectional overrides) is shown as an escape, bare URLs are links.
    std::string folded;
    for (char c : raw) {
        if (c == '\r') continue;
        const char d = c == '\n' || c == '\t' ? ' ' : c;
        if (d == ' ' && (folded.empty() || folded.back() == ' ')) continue;
        folded += d;
    }
    while (!folded.empty() && folded.back() == ' ') folded.pop_back();
    const std::string shown = visible(folded);
    const std::string_view s = shown;
    std::string out;
    std::size_t plain = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool url_start =
            is_http(s.substr(i)) && (i == 0 || std::isalnum(static_cast<unsigned char>(s[i - 1])) == 0);
        if (!url_start) continue;
        std::size_t end = s.find_first_of(" \"'<>\\`", i);
        if (end == std::string_view::npos) end = s.size();
        while (end > i && std::string_view(".,;:!?)").find(s[end - 1]) != std::string_view::npos) --end;
        if (end == i + (s[i + 4] == 's' ? 8 : 7)) continue;  // a scheme alone is no link
        out += html::escape(s.substr(plain, i - plain));
        const std::string_view url = s.substr(i, end - i);
        out += fmt::format("<a href=\"{}\">{}</a>", href(url), html::escape(url));
        plain = end;
        i = end - 1;
    }
    out += html::escape(s.substr(plain));
    return out;
}

std::string HtmlMarkup::strong(std::string_view markup) const { return fmt::format("<strong>{}</strong>", markup); }
std::string HtmlMarkup::strike(std::string_view markup) const { return fmt::format("<s>{}</s>", markup); }

std::string HtmlMarkup::link(std::string_view label, std::string_view url) const {
    if (!is_http(url)) return text(url);
    return fmt::format("<a href=\"{}\">{}</a>", href(url), text(label));
}

std::string HtmlMarkup::email(std::string_view address) const {
    if (!md::plain_email(address)) return text(address);
    return fmt::format("<a href=\"mailto:{0}\">{0}</a>", html::escape(address));
}

std::string HtmlMarkup::bar(double share) const {
    const double s = share < 0 ? 0 : share > 1 ? 1 : share;
    // The bar's length is the percentage written next to it, so the two never disagree.
    return fmt::format(R"(<span class="pct" style="--p:{}%">{}</span>)", md::rounded(s * 100, 0),
                       md::percent(s, numbers()));
}

std::string HtmlMarkup::pattern(std::string_view catalogue) const {
    // A catalogue's own markup: **bold** and `code`; the {n} fields are left for fmt.
    std::string out;
    bool in_strong = false, in_code = false;
    for (std::size_t i = 0; i < catalogue.size(); ++i) {
        if (catalogue.substr(i, 2) == "**") {
            out += in_strong ? "</strong>" : "<strong>";
            in_strong = !in_strong;
            ++i;
        } else if (catalogue[i] == '`') {
            out += in_code ? "</code>" : "<code>";
            in_code = !in_code;
        } else {
            out += html::escape(catalogue.substr(i, 1));
        }
    }
    return out;
}

void HtmlMarkup::close_section() {
    if (in_header_) out_ += "</header>\n";
    if (in_section_) out_ += "</section>\n";
    in_header_ = in_section_ = false;
}

void HtmlMarkup::heading(int level, std::string_view markup) {
    if (level == 1) {
        close_section();
        out_ += "<header>\n";
        in_header_ = true;
    } else if (level == 2) {
        close_section();
        out_ += "<section>\n";
        in_section_ = true;
    }
    out_ += fmt::format("<h{0}>{1}</h{0}>\n", level, markup);
}

void HtmlMarkup::paragraph(std::string_view markup) { out_ += fmt::format("<p>{}</p>\n", markup); }

void HtmlMarkup::facts(const std::vector<std::pair<std::string, std::string>>& label_value) {
    out_ += "<dl class=\"facts\">\n";
    for (const auto& [label, value] : label_value) out_ += fmt::format("<dt>{}</dt><dd>{}</dd>\n", label, value);
    out_ += "</dl>\n";
}

void HtmlMarkup::list(const std::vector<std::string>& items) {
    out_ += "<ul>\n";
    for (const std::string& i : items) out_ += fmt::format("<li>{}</li>\n", i);
    out_ += "</ul>\n";
}

void HtmlMarkup::tasks(const std::vector<Task>& items) {
    out_ += "<ul class=\"tasks\">\n";
    for (const Task& t : items)
        out_ += fmt::format("<li><input type=\"checkbox\" disabled{}>{}</li>\n", t.done ? " checked" : "", t.markup);
    out_ += "</ul>\n";
}

void HtmlMarkup::note(std::string_view markup) {
    out_ += fmt::format("<p class=\"note\" role=\"note\">{}</p>\n", markup);
}

void HtmlMarkup::definition(std::string_view markup) { out_ += fmt::format("<p class=\"def\">{}</p>\n", markup); }

void HtmlMarkup::table(const md::Table& t) {
    out_ += "<div class=\"table\"><table>\n<thead><tr>";
    for (std::size_t i = 0; i < t.header().size(); ++i)
        out_ += fmt::format("<th scope=\"col\"{}>{}</th>", t.right_aligned(i) ? " class=\"r\"" : "", t.header()[i]);
    out_ += "</tr></thead>\n<tbody>\n";
    for (const auto& row : t.rows()) {
        out_ += "<tr>";
        for (std::size_t i = 0; i < row.size(); ++i)
            out_ += fmt::format("<td{}>{}</td>", t.right_aligned(i) ? " class=\"r\"" : "", row[i]);
        out_ += "</tr>\n";
    }
    out_ += "</tbody>\n</table></div>\n";
}

void HtmlMarkup::footer(std::string_view markup) {
    close_section();
    out_ += fmt::format("<footer><p>{}</p></footer>\n", markup);
}

void HtmlMarkup::figure(const std::vector<std::string>& svgs, std::string_view caption_markup) {
    std::vector<const std::string*> drawn;
    for (const std::string& svg : svgs)
        if (!svg.empty()) drawn.push_back(&svg);
    if (drawn.empty()) return;
    // One chart keeps a readable width on a phone: its box scrolls sideways instead. Several
    // (the key results' bullet charts) stand side by side where there is room.
    out_ += drawn.size() == 1 ? "<figure>\n<div class=\"bch-scroll\">\n" : "<figure>\n<div class=\"charts\">\n";
    for (const std::string* svg : drawn) {
        out_ += *svg;
        if (!svg->ends_with('\n')) out_ += '\n';
    }
    out_ += "</div>\n";
    if (!caption_markup.empty()) out_ += fmt::format("<figcaption>{}</figcaption>\n", caption_markup);
    out_ += "</figure>\n";
}

std::string HtmlMarkup::finish(std::string_view title) {
    close_section();
    std::string page = fmt::format(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        // Nothing may be fetched: the page is whole as written (its links open only when clicked).
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "img-src data:\">\n"
        "<meta name=\"color-scheme\" content=\"light dark\">\n"
        "<meta name=\"generator\" content=\"{}\">\n<title>{}</title>\n<style>{}{}</style>\n</head>\n<body>\n<main>\n",
        language_ == Language::fr ? "fr" : "en", html::escape(generator_), html::escape(visible(title)), page_css,
        chart::chart_css());
    page += std::exchange(out_, {});
    page += "</main>\n</body>\n</html>\n";
    return page;
}

}  // namespace boussole
