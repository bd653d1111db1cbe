// issue 15: the dashboard's SVG charts (see charts.hpp). Geometry only: every figure comes from
// the content; coordinates are written with one decimal by fmt, so the bytes are the same on
// every machine. User text is cleaned (valid UTF-8, no control or bidirectional character),
// measured roughly, truncated with an ellipsis to the room it has (its whole text in a <title>
// tooltip), then escaped for XML.
#include "report/charts.hpp"
#include "report/html.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace boussole::chart {

namespace {

// ---------------------------------------------------------------------------------------------
// Text.

// Decodes one UTF-8 sequence at s[i]; an invalid one is U+FFFD, one byte long.
char32_t decode(std::string_view s, std::size_t& i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    auto cont = [&](std::size_t k) { return k < s.size() && (b(k) & 0xC0) == 0x80; };
    if (c < 0x80) {
        ++i;
        return c;
    }
    if (c >= 0xC2 && c <= 0xDF && cont(i + 1)) {
        const char32_t cp = (char32_t(c & 0x1F) << 6) | (b(i + 1) & 0x3F);
        i += 2;
        return cp;
    }
    if (c >= 0xE0 && c <= 0xEF && cont(i + 1) && cont(i + 2)) {
        const char32_t cp = (char32_t(c & 0x0F) << 12) | (char32_t(b(i + 1) & 0x3F) << 6) | (b(i + 2) & 0x3F);
        if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
            i += 3;
            return cp;
        }
    }
    if (c >= 0xF0 && c <= 0xF4 && cont(i + 1) && cont(i + 2) && cont(i + 3)) {
        const char32_t cp = (char32_t(c & 0x07) << 18) | (char32_t(b(i + 1) & 0x3F) << 12) |
                            (char32_t(b(i + 2) & 0x3F) << 6) | (b(i + 3) & 0x3F);
        if (cp >= 0x10000 && cp <= 0x10FFFF) {
            i += 4;
            return cp;
        }
    }
    ++i;
    return 0xFFFD;
}

void encode(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::vector<char32_t> code_points(std::string_view s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) out.push_back(decode(s, i));
    return out;
}

// User text as one line a drawing can show: valid UTF-8 (bad bytes become U+FFFD), line breaks,
// tabs and separators folded into one space, other controls (C0, DEL, C1), bidirectional
// controls and the byte-order mark removed, characters XML forbids (U+FFFE, U+FFFF) replaced.
std::string clean(std::string_view s) {
    std::string out;
    bool space = false;
    for (char32_t cp : code_points(s)) {
        const bool folds = cp == '\n' || cp == '\r' || cp == '\t' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
        if (folds || cp == ' ') {
            space = true;
            continue;
        }
        const bool control = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
        const bool bidi = cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
                          (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
        if (control || bidi) continue;
        if (space && !out.empty()) out += ' ';
        space = false;
        encode((cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF) ? char32_t(0xFFFD) : cp, out);
    }
    return out;
}

// Cleaned text escaped for XML text and attribute values (the page's own escaping).
std::string esc(std::string_view cleaned) { return html::escape(cleaned); }

// A code point's rough width in ems in a sans-serif face: wide (CJK, emoji) 1, combining and
// zero-width 0, narrow punctuation 0.32, capitals 0.72, the rest 0.6: on the wide side, so that
// a text measured to fit does, bold included.
double em_width(char32_t cp) {
    if ((cp >= 0x300 && cp <= 0x36F) || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F)) return 0;
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
        (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFF60) || cp >= 0x1F000)
        return 1.0;
    if (cp == ' ' || cp == '.' || cp == ',' || cp == ':' || cp == ';' || cp == 'i' || cp == 'l' || cp == 'j' ||
        cp == '\'' || cp == '|' || cp == '!' || cp == 0xA0 || cp == 0x202F)
        return 0.32;
    if ((cp >= 'A' && cp <= 'Z') || cp == 'm' || cp == 'w' || cp == 'M' || cp == 'W') return 0.72;
    return 0.6;
}

double text_width(std::string_view cleaned, double font) {
    double w = 0;
    for (char32_t cp : code_points(cleaned)) w += em_width(cp);
    return w * font;
}

// Cleaned text cut to `max_px` at `font` px, with an ellipsis when cut.
std::string fit(std::string_view cleaned, double max_px, double font) {
    if (text_width(cleaned, font) <= max_px) return std::string(cleaned);
    const double room = max_px - 0.6 * font;  // the ellipsis
    std::string out;
    double w = 0;
    for (char32_t cp : code_points(cleaned)) {
        w += em_width(cp) * font;
        if (w > room) break;
        encode(cp, out);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "…";
}

// Cleaned text in lines of at most `max_px`, cut between words; at most `max_lines`, the last
// one cut with an ellipsis when the text goes on.
std::vector<std::string> wrap(std::string_view cleaned, double max_px, double font, std::size_t max_lines) {
    std::vector<std::string> lines;
    std::string current;
    std::size_t at = 0;
    while (at <= cleaned.size()) {
        const std::size_t space = std::min(cleaned.find(' ', at), cleaned.size());
        const std::string word(cleaned.substr(at, space - at));
        const std::string longer = current.empty() ? word : current + " " + word;
        if (!current.empty() && text_width(longer, font) > max_px) {
            lines.push_back(current);
            current = word;
        } else {
            current = longer;
        }
        at = space + 1;
    }
    if (!current.empty()) lines.push_back(current);
    if (lines.size() > max_lines) {
        std::string rest = lines[max_lines - 1];
        for (std::size_t i = max_lines; i < lines.size(); ++i) rest += " " + lines[i];
        lines.resize(max_lines);
        lines.back() = fit(rest, max_px, font);
        if (!lines.back().ends_with("…")) lines.back() += "…";
    }
    for (std::string& l : lines) l = fit(l, max_px, font);
    return lines;
}

// A coordinate: one decimal, never "-0.0", never a non-finite value.
std::string num(double v) {
    if (!std::isfinite(v)) v = 0;
    if (std::abs(v) < 0.05) v = 0;
    return fmt::format("{:.1f}", v);
}

double clamp01(double v) { return std::isfinite(v) ? std::clamp(v, 0.0, 1.0) : 0.0; }

// The caller's id prefix as an XML id: letters, digits, '-' and '_' kept, anything else '_',
// a letter first.
std::string safe_id(std::string_view id) {
    std::string out;
    for (char c : id) {
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        out += ok ? c : '_';
    }
    if (out.empty() || !((out[0] >= 'a' && out[0] <= 'z') || (out[0] >= 'A' && out[0] <= 'Z'))) out = "c" + out;
    return out;
}

// ---------------------------------------------------------------------------------------------
// Drawing.

// A <text> element: cleaned `content` cut to `max_px` (0: no limit), its whole text as a
// tooltip when cut.
std::string text(double x, double y, std::string_view cls, std::string_view anchor, std::string_view content,
                 double font, double max_px = 0) {
    const std::string shown = max_px > 0 ? fit(content, max_px, font) : std::string(content);
    std::string out = fmt::format("<text x=\"{}\" y=\"{}\" class=\"{}\"", num(x), num(y), cls);
    if (anchor != "start") out += fmt::format(" text-anchor=\"{}\"", anchor);
    out += ">";
    if (shown != content) out += fmt::format("<title>{}</title>", esc(content));
    return out + esc(shown) + "</text>";
}

// The outer element around a drawing `body` of `w` × `h` units.
std::string svg(std::string_view kind, double w, double h, const std::string& pid, std::string_view title,
                std::string_view desc, std::string_view defs, std::string_view body) {
    std::string out = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bch bch-{0}\" viewBox=\"0 0 {1} {2}\" width=\"100%\" "
        "role=\"img\" aria-labelledby=\"{3}-title {3}-desc\">",
        kind, num(w), num(h), pid);
    out +=
        fmt::format("<title id=\"{}-title\">{}</title><desc id=\"{}-desc\">{}</desc>", pid, esc(title), pid, esc(desc));
    if (!defs.empty()) out += fmt::format("<defs>{}</defs>", defs);
    return out + std::string(body) + "</svg>";
}

// Diagonal hatching (blocked, over the limit) and dots (dropped), coloured by their classes.
std::string patterns(const std::string& pid) {
    return fmt::format(
        "<pattern id=\"{0}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
        "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" class=\"bch-hatch-bg\"/>"
        "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"bch-hatch\"/></pattern>"
        "<pattern id=\"{0}-dots\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\">"
        "<rect width=\"5\" height=\"5\" class=\"bch-dots-bg\"/><circle cx=\"2.5\" cy=\"2.5\" r=\"1\" "
        "class=\"bch-dots\"/></pattern>",
        pid);
}

// A chart with nothing to draw but its frame: its title, and "no data" in words.
std::string no_data(std::string_view kind, const std::string& pid, const std::string& title, const ChartMessages& w) {
    constexpr double W = 480;
    const std::string body = text(2, 16, "bch-title", "start", title, 13, W - 4) +
                             text(2, 38, "bch-note", "start", std::string(w.no_data), 12, W - 4);
    return svg(kind, W, 48, pid, title, std::string(w.no_data), "", body);
}

// The fill attribute of a status that is drawn with a pattern (blocked: hatched, dropped:
// dotted), so it is told apart without colour; empty for the others (their class fills them).
std::string pattern_fill(EpicStatus s, const std::string& pid) {
    if (s == EpicStatus::blocked) return fmt::format(" fill=\"url(#{}-hatch)\"", pid);
    if (s == EpicStatus::dropped) return fmt::format(" fill=\"url(#{}-dots)\"", pid);
    return "";
}

// A legend: swatches and words in rows across `width`, from y; returns the markup and moves y
// past it.
struct LegendItem {
    std::string swatch;  // drawn in a 16 × 10 box at (0, -9): a <g transform> places it
    std::string label;   // cleaned
};

std::string legend(const std::vector<LegendItem>& items, double width, double& y) {
    std::string out;
    double x = 2;
    constexpr double font = 11, gap = 16;
    for (const LegendItem& item : items) {
        const double w = 22 + text_width(item.label, font);
        if (x > 2 && x + w > width) {
            x = 2;
            y += 18;
        }
        out += fmt::format("<g transform=\"translate({},{})\">{}</g>", num(x), num(y), item.swatch);
        out += text(x + 22, y, "bch-legend", "start", item.label, font);
        x += w + gap;
    }
    y += 8;
    return out;
}

std::string rect(double x, double y, double w, double h, std::string_view cls, std::string_view extra = "") {
    return fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"{}\"{}/>", num(x), num(y),
                       num(std::max(0.0, w)), num(std::max(0.0, h)), cls, extra);
}

std::string line(double x1, double y1, double x2, double y2, std::string_view cls) {
    return fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"{}\"/>", num(x1), num(y1), num(x2),
                       num(y2), cls);
}

// ---------------------------------------------------------------------------------------------
// Words.

std::string amount(double v, std::string_view unit, const md::NumberStyle& style) {
    const std::string n = md::number(v, style);
    if (unit.empty()) return n;
    if (unit == "%") return n + std::string(style.percent);
    return n + " " + clean(unit);
}

std::string short_date(const ChartMessages& w, Date d) {
    int year = 0;
    unsigned month = 0, day = 0;
    d.to_civil(year, month, day);
    return say(w.short_date, day, w.short_months.at(month - 1));
}

std::string long_date(const ChartMessages& w, Date d) { return clean(prose_date(*w.style, d)); }

std::string joined(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : std::string(sep)) + p;
    return out;
}

// Axis ticks for the days lo..hi (inclusive): weekly over two months or less, else the first of
// every month (every second or third month over a long period), with lo itself when the first
// tick is far from it.
std::vector<Date> date_ticks(Date lo, Date hi) {
    std::vector<Date> out;
    const int span = hi - lo;
    if (span <= 62) {
        const int step = span <= 7 ? 1 : span <= 21 ? 3 : 7;
        for (Date d = lo; d <= hi; d = d + step) out.push_back(d);
        return out;
    }
    const int months = span / 30;
    const int every = months <= 7 ? 1 : months <= 14 ? 2 : months <= 21 ? 3 : (months + 5) / 6;
    int year = 0;
    unsigned month = 0, day = 0;
    lo.to_civil(year, month, day);
    int index = year * 12 + static_cast<int>(month) - 1 + (day == 1 ? 0 : 1);
    std::vector<Date> firsts;
    for (;; ++index) {
        const Date d = Date::from_civil(index / 12, static_cast<unsigned>(index % 12) + 1, 1);
        if (d > hi) break;
        if (index % every == 0) firsts.push_back(d);
    }
    if (firsts.empty() || firsts.front() - lo >= 10 * every) out.push_back(lo);
    out.insert(out.end(), firsts.begin(), firsts.end());
    return out;
}

// A step of a round value axis from 0 to at least `max`, six steps at most: 1, 2, 5, 10, 20, 50...
int nice_step(int max) {
    int step = 1;
    for (int scale = 1;; scale *= 10)
        for (int m : {1, 2, 5}) {
            step = m * scale;
            if (max <= 6 * step) return step;
        }
}

// ---------------------------------------------------------------------------------------------
// Bullet charts: the North Star and the key results.

constexpr double bullet_w = 480;

std::string bullet(std::string_view kind, const std::string& name, const Measure& m,
                   const std::optional<ValueTrend>& trend, double elapsed, const ChartMessages& w, std::string_view id,
                   bool big) {
    const md::NumberStyle& ns = w.style->numbers;
    const std::string pid = safe_id(id);
    auto value = [&](const std::optional<double>& v) { return v ? amount(*v, m.unit, ns) : std::string(w.no_value); };
    const bool decreasing = m.baseline && m.target && *m.target < *m.baseline;
    const double share = clamp01(elapsed);

    // The words.
    std::vector<std::string> desc{say(w.measure_desc, name, value(m.baseline), value(m.current), value(m.target))};
    if (m.score)
        desc.push_back(say(w.score_desc, md::score(m.score, ns), w.pace[m.pace]));
    else
        desc.emplace_back(m.no_distance ? w.no_distance : w.not_measured);
    desc.push_back(say(w.elapsed_desc, md::percent(share, ns)));
    if (decreasing) desc.emplace_back(w.lower_is_better);
    const bool has_trend = trend && !trend->values.empty();
    if (has_trend) {
        std::vector<std::string> values;
        for (double v : trend->values) values.push_back(amount(v, m.unit, ns));
        desc.push_back(say(w.trend_desc, joined(values, w.list_separator)));
        if (trend->capped) desc.push_back(say(w.trend_capped_desc, trend->values.size()));
    }

    // The drawing.
    const double title_font = big ? 15 : 13, font = 12, small = 11;
    const double x0 = 2, x1 = has_trend ? 372 : bullet_w - 2;
    const double track_w = x1 - x0;
    const std::string score_text = m.score ? say(w.score_label, md::score(m.score, ns), w.pace[m.pace]) : "";
    const double bold = 1.1;  // the title and the score are bold: wider than text_width() measures
    const double score_w = score_text.empty() ? 0 : text_width(score_text, font) * bold;
    // The title and the score on one line when both fit, else the title on up to two lines and
    // the score on a line of its own.
    const bool one_line = text_width(name, title_font) * bold + 16 + score_w <= bullet_w - 4;
    const std::string title_cls = big ? "bch-title bch-big" : "bch-title";
    const double title_y = big ? 20 : 16, title_step = big ? 19 : 17;
    std::string body;
    double score_y = title_y;
    if (one_line) {
        body += text(x0, title_y, title_cls, "start", name, title_font);
    } else {
        const std::vector<std::string> lines = wrap(name, (bullet_w - 4) / bold, title_font, 2);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const bool cut = i + 1 == lines.size() && lines[i].ends_with("…");
            body += fmt::format("<text x=\"{}\" y=\"{}\" class=\"{}\">{}{}</text>", num(x0),
                                num(title_y + title_step * static_cast<double>(i)), title_cls,
                                cut ? fmt::format("<title>{}</title>", esc(name)) : "", esc(lines[i]));
        }
        score_y = title_y + title_step * static_cast<double>(lines.size()) - (score_text.empty() ? title_step : 2);
    }
    const double top = score_y + 10;  // the track's top
    if (!score_text.empty())
        body +=
            text(bullet_w - 2, score_y, fmt::format("bch-score bch-p-{}", to_string(m.pace)), "end", score_text, font);
    if (m.score) {
        body += rect(x0, top, track_w, 22, "bch-track");
        const double bar = clamp01(*m.score) * track_w;
        body += rect(x0, top + 5, bar, 12, fmt::format("bch-bar bch-p-{}", to_string(m.pace)));
        const std::string current = value(m.current);
        const double cw = text_width(current, font);
        const double px = x0 + share * track_w;
        // The current value beside the bar's end, unless the pace marker would cut through it:
        // then inside the bar when it fits there, else just past the marker.
        const double out_x = x0 + bar + 4;
        const bool out_fits = out_x + cw <= x1 - 2;
        const bool crosses = px >= out_x - 3 && px <= out_x + cw + 3;
        if (out_fits && !crosses)
            body += text(out_x, top + 15.5, "bch-val bch-halo", "start", current, font);
        else if (bar >= cw + 8)
            body += text(x0 + bar - 4, top + 15.5, "bch-val-in", "end", current, font);
        else if (px + 5 + cw <= x1 - 2)
            body += text(px + 5, top + 15.5, "bch-val bch-halo", "start", current, font);
        else
            body += text(x0 + bar - 4, top + 15.5, "bch-val-in", "end", current, font);
        body += line(px, top - 4, px, top + 26, "bch-pace-mark");
        const std::string pace_label = say(w.elapsed_label, md::percent(share, ns));
        const double half = text_width(pace_label, small) / 2;
        body += text(std::clamp(px, half + 2, bullet_w - half - 2), top + 54, "bch-small", "middle", pace_label, small);
    } else {
        // No bar to draw: why, in words, where the bar would be (two lines at most).
        const std::vector<std::string> lines =
            wrap(m.no_distance ? w.no_distance : w.not_measured, track_w - 8, font, 2);
        for (std::size_t i = 0; i < lines.size(); ++i)
            body += text(x0 + 4, top + (lines.size() == 1 ? 15 : 9 + 13 * static_cast<double>(i)), "bch-note", "start",
                         lines[i], font);
    }
    body += text(x0, top + 38, "bch-small", "start", say(w.baseline_label, value(m.baseline)), small, track_w / 2);
    body += text(x1, top + 38, "bch-small", "end", say(w.target_label, value(m.target)) + (decreasing ? " ↓" : ""),
                 small, track_w / 2 - 8);

    if (has_trend) {
        // The check-ins in the same direction as the bar: up is toward the target.
        const double sx0 = 392, sx1 = bullet_w - 2, y_base = top + 22, y_target = top;
        const std::vector<double>& vs = trend->values;
        double lo = 0, hi = 1;
        std::optional<double> from, to;
        if (m.baseline && m.target && *m.baseline != *m.target) {
            from = *m.baseline;
            to = *m.target;
        } else {
            const auto [mn, mx] = std::minmax_element(vs.begin(), vs.end());
            if (*mn != *mx) {
                from = *mn;
                to = *mx;
            }
        }
        auto y_of = [&](double v) {
            const double p = from ? std::clamp((v - *from) / (*to - *from), -0.15, 1.15) : 0.5;
            return y_base - (p - lo) / (hi - lo) * (y_base - y_target);
        };
        body += line(sx0, y_target, sx1, y_target, "bch-guide");
        body += line(sx0, y_base, sx1, y_base, "bch-guide bch-guide-base");
        std::string points;
        double lx = sx0, ly = y_of(vs.back());
        for (std::size_t i = 0; i < vs.size(); ++i) {
            lx = vs.size() == 1 ? (sx0 + sx1) / 2
                                : sx0 + (sx1 - sx0) * static_cast<double>(i) / (static_cast<double>(vs.size()) - 1.0);
            ly = y_of(vs[i]);
            points += fmt::format("{}{},{}", points.empty() ? "" : " ", num(lx), num(ly));
        }
        body += fmt::format("<polyline points=\"{}\" class=\"bch-trend\"/>", points);
        body += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"2.5\" class=\"bch-trend-end\"/>", num(lx), num(ly));
        body += text(sx0, top + 38, "bch-small", "start", std::string(w.trend_label), small, sx1 - sx0);
    }
    const double h = top + 60;
    return svg(kind, bullet_w, h, pid, name, joined(desc, " "), "", body);
}

}  // namespace

std::string north_star(const NorthStarFacts& ns, double elapsed, const ChartMessages& words, std::string_view id) {
    const Measure& m = ns.measure;
    if (ns.title.empty() && ns.id.empty() && !m.baseline && !m.current && !m.target) return "";
    const std::string title = clean(ns.title);
    const std::string name = title.empty() ? std::string(words.north_star) : say(words.north_star_title, title);
    return bullet("north-star", name, m, ns.trend, elapsed, words, id, true);
}

std::string key_result(const KeyResultRow& kr, double elapsed, const ChartMessages& words, std::string_view id) {
    const std::string kid = clean(kr.id), title = clean(kr.title);
    const std::string name = kid.empty()     ? (title.empty() ? std::string(words.untitled) : title)
                             : title.empty() ? kid
                                             : say(words.key_result_title, kid, title);
    return bullet("key-result", name, kr.measure, kr.trend, elapsed, words, id, false);
}

// ---------------------------------------------------------------------------------------------
// The burn-up.

std::string burn_up(const BurnUp& b, const ChartMessages& w, std::string_view id, std::string_view end_label) {
    const std::string_view marked = end_label.empty() ? w.report_date : end_label;
    if (b.points.empty()) return "";
    const md::NumberStyle& ns = w.style->numbers;
    const std::string pid = safe_id(id);
    const BurnUpPoint& last = b.points.back();
    int added = 0, dropped = 0, top_value = 1;
    for (const BurnUpPoint& p : b.points) {
        added += p.added;
        dropped += p.dropped;
        top_value = std::max({top_value, p.scope, p.done});
    }
    if (std::all_of(b.points.begin(), b.points.end(), [](const BurnUpPoint& p) { return p.scope <= 0 && p.done <= 0; }))
        return no_data("burn-up", pid, std::string(w.burn_up_title), w);
    std::vector<std::string> desc{
        say(w.burn_up_desc, last.done, last.scope, long_date(w, b.as_of), b.planned, long_date(w, b.start)),
        say(w.changes_desc, added, dropped),
        say(w.even_pace_desc, long_date(w, b.start), last.scope, long_date(w, b.end))};
    if (b.or_before) desc.emplace_back(w.or_before_desc);

    constexpr double W = 560, px0 = 44, px1 = W - 74, py0 = 34, py1 = 226, font = 11;
    const Date lo = std::min(b.start, b.points.front().date);
    const Date hi = std::max({b.end, b.as_of, last.date});
    const double span = std::max(1, hi - lo);
    auto x = [&](Date d) { return px0 + (d - lo) / span * (px1 - px0); };
    // Headroom above the highest line for the labels of additions.
    const int headroom = top_value + std::max(1, top_value / 10);
    const int step = nice_step(headroom);
    const int y_top = (headroom + step - 1) / step * step;
    auto y = [&](double v) { return py1 - v / y_top * (py1 - py0); };

    std::string body;
    // Axes and grid.
    for (int v = 0; v <= y_top; v += step) {
        body += line(px0, y(v), px1, y(v), v == 0 ? "bch-axis" : "bch-grid");
        body += text(px0 - 6, y(v) + 4, "bch-small", "end", md::number(v, ns), font);
    }
    body += fmt::format(
        "<text x=\"12\" y=\"{0}\" transform=\"rotate(-90 12 {0})\" class=\"bch-small\" "
        "text-anchor=\"middle\">{1}</text>",
        num((py0 + py1) / 2), esc(w.epics_axis));
    for (Date d : date_ticks(lo, hi)) {
        body += line(x(d), py1, x(d), py1 + 4, "bch-axis");
        body += text(x(d), py1 + 17, "bch-small", "middle", short_date(w, d), font);
    }
    // The even pace, the scope, what is done.
    body += fmt::format("<path d=\"M{},{}L{},{}\" class=\"bch-bu-pace\"/>", num(x(b.start)), num(y(0)), num(x(b.end)),
                        num(y(last.scope)));
    const double x_end = x(std::max(b.as_of, last.date));
    auto steps = [&](auto member) {
        std::string d = fmt::format("M{},{}", num(x(b.points.front().date)), num(y(b.points.front().*member)));
        for (std::size_t i = 1; i < b.points.size(); ++i)
            d += fmt::format("H{}V{}", num(x(b.points[i].date)), num(y(b.points[i].*member)));
        return d + fmt::format("H{}", num(x_end));
    };
    body += fmt::format("<path d=\"{}\" class=\"bch-bu-scope\"/>", steps(&BurnUpPoint::scope));
    body += fmt::format("<path d=\"{}\" class=\"bch-bu-done\"/>", steps(&BurnUpPoint::done));
    // Labels are placed where they overlap no other: the report date's and the ends' first, then
    // each change's, at one of a few heights near its point, or left out (its marker stays, and
    // the description counts every change) when none is free.
    struct Box {
        double x0, x1, y0, y1;
    };
    std::vector<Box> taken;
    auto box_of = [&](double tx, double ty, std::string_view anchor, const std::string& label) {
        const double tw = text_width(label, font);
        const double left = anchor == "start" ? tx : anchor == "end" ? tx - tw : tx - tw / 2;
        return Box{left - 2, left + tw + 2, ty - font, ty + 3};
    };
    auto free = [&](const Box& c) {
        return std::none_of(taken.begin(), taken.end(),
                            [&](const Box& o) { return c.x0 < o.x1 && o.x0 < c.x1 && c.y0 < o.y1 && o.y0 < c.y1; });
    };
    // The report date.
    const double xr = x(b.as_of);
    body += line(xr, py0 - 6, xr, py1, "bch-today");
    const std::string today = fmt::format("{} · {}", marked, short_date(w, b.as_of));
    const double half = text_width(today, font) / 2;
    const double today_x = std::clamp(xr, half + 2, W - half - 2);
    body += text(today_x, py0 - 12, "bch-small bch-today-label", "middle", today, font);
    taken.push_back(box_of(today_x, py0 - 12, "middle", today));
    // The ends: what is done and the scope at the report date.
    const double yd = y(last.done), ys = y(last.scope);
    body += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" class=\"bch-bu-end\"/>", num(x_end), num(yd));
    const std::string done_label = say(w.done_end, last.done, w.count(w.done_epics, last.done));
    const std::string scope_label = say(w.scope_end, last.scope);
    const bool right = x_end + 8 + std::max(text_width(done_label, font), text_width(scope_label, font)) <= W - 2;
    const double lx = right ? x_end + 8 : x_end - 8;
    const std::string_view anchor = right ? "start" : "end";
    const bool close = std::abs(yd - ys) < 14;
    // Right of the ends, level with them; left of them (no room on the right), the scope's above
    // its line and what is done below its own, off the lines.
    const double scope_y = right ? ys - (close ? 6 : -4) : ys - 7;
    const double done_y = right ? yd + (close ? 12 : 4) : yd + 15;
    const std::string ends = text(lx, scope_y, "bch-small bch-halo", anchor, scope_label, font) +
                             text(lx, done_y, "bch-small bch-strong bch-halo", anchor, done_label, font);
    taken.push_back(box_of(lx, scope_y, anchor, scope_label));
    taken.push_back(box_of(lx, done_y, anchor, done_label));
    // Additions and drops on the scope line: every marker, then the labels that fit.
    std::string markers, labels;
    for (const BurnUpPoint& p : b.points) {
        if (p.added == 0 && p.dropped == 0) continue;
        const double px = x(p.date), py = y(p.scope);
        markers += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" class=\"bch-bu-change\"/>", num(px), num(py));
        taken.push_back({px - 4, px + 4, py - 4, py + 4});
    }
    for (const BurnUpPoint& p : b.points) {
        if (p.added == 0 && p.dropped == 0) continue;
        std::vector<std::string> parts;
        if (p.added > 0) parts.push_back(fmt::format("+{}", p.added));
        if (p.dropped > 0) parts.push_back(fmt::format("\u2212{}", p.dropped));
        const std::string label = joined(parts, " ");
        const double px = x(p.date), py = y(p.scope);
        // Above the point where the scope rose (the line comes from below), below it where it fell.
        const bool rose = p.added >= p.dropped;
        for (int level = 0; level < 3; ++level) {
            const double ly = rose ? py - 8 - 12 * level : py + 16 + 12 * level;
            const Box box = box_of(px, ly, "middle", label);
            if (!free(box) || box.y0 < py0 - 24 || box.y1 > py1) continue;
            labels += text(px, ly, "bch-small bch-bu-change-label bch-halo", "middle", label, font);
            taken.push_back(box);
            break;
        }
    }
    body += markers + ends + labels;

    // The legend.
    double ly = py1 + 40;
    const std::vector<LegendItem> items{
        {"<line x1=\"0\" y1=\"-4\" x2=\"16\" y2=\"-4\" class=\"bch-bu-done\"/>", std::string(w.done_line)},
        {"<line x1=\"0\" y1=\"-4\" x2=\"16\" y2=\"-4\" class=\"bch-bu-scope\"/>", std::string(w.scope_line)},
        {"<line x1=\"0\" y1=\"-4\" x2=\"16\" y2=\"-4\" class=\"bch-bu-pace\"/>", std::string(w.even_pace_line)},
        {"<circle cx=\"8\" cy=\"-4\" r=\"3.5\" class=\"bch-bu-change\"/>", std::string("+ / \u2212")},
        {"<line x1=\"8\" y1=\"-10\" x2=\"8\" y2=\"2\" class=\"bch-today\"/>", std::string(marked)}};
    body += legend(items, W, ly);
    return svg("burn-up", W, ly, pid, std::string(w.burn_up_title), joined(desc, " "), "", body);
}

// ---------------------------------------------------------------------------------------------
// The timeline.

std::string timeline(const TimelineFacts& t, Date as_of, Date start, Date end, const ChartMessages& w,
                     std::string_view id) {
    std::size_t bars = 0;
    Date lo = start, hi = std::max(end, as_of);
    for (const TimelineSection& s : t.sections)
        for (const TimelineBar& bar : s.bars) {
            ++bars;
            lo = std::min({lo, bar.start, bar.end});
            hi = std::max({hi, bar.start, bar.end});
        }
    if (bars == 0) return "";
    const std::string pid = safe_id(id);
    constexpr double W = 840, label_w = 276, px0 = 290, px1 = W - 110, font = 12, small = 11, row = 24;
    const double span = std::max(1, (hi + 1) - lo);
    auto x = [&](Date d) { return px0 + (d - lo) / span * (px1 - px0); };

    struct Place {
        double x_start, x_end, y_mid;
    };
    std::map<std::string, Place> places;
    std::vector<std::string> desc{say(w.timeline_desc, bars, long_date(w, lo), long_date(w, hi), long_date(w, as_of))};
    std::string rows;
    double y = 44;
    for (const TimelineSection& s : t.sections) {
        const std::string stream = clean(s.title.empty() ? s.id : s.title);
        rows +=
            text(4, y + 16, "bch-tl-stream", "start", stream.empty() ? std::string(w.untitled) : stream, font, W - 8);
        desc.push_back(say(w.stream_rows, stream.empty() ? std::string(w.untitled) : stream));
        y += row;
        for (const TimelineBar& bar : s.bars) {
            const std::string title = clean(bar.title.empty() ? bar.id : bar.title);
            const std::string shown = title.empty() ? std::string(w.untitled) : title;
            const double xs = x(bar.start), xe = std::max(xs + 3, x(bar.end + 1));
            std::string bar_desc =
                say(w.bar_desc, shown, w.status_labels[bar.status], long_date(w, bar.start), long_date(w, bar.end));
            if (bar.overdue) bar_desc += w.overdue_desc;
            desc.push_back(bar_desc + ".");
            if (!bar.id.empty() && !places.contains(bar.id)) places[bar.id] = {xs, xe, y + 12};
            rows += "<g class=\"bch-tl-row\">";
            rows += fmt::format("<title>{}</title>", esc(bar_desc));
            rows += text(14, y + 16, "bch-tl-label", "start", shown, font, label_w - 14);
            std::string cls = fmt::format("bch-tl-bar bch-st-{}", to_string(bar.status));
            if (bar.overdue) cls += " bch-tl-overdue";
            rows += rect(xs, y + 5, xe - xs, 14, cls, pattern_fill(bar.status, pid));
            std::vector<std::string> tags;
            std::string tag_cls = "bch-tag";
            if (bar.overdue) {
                tags.emplace_back(w.overdue_tag);
                tag_cls += " bch-tag-overdue";
            }
            if (bar.status == EpicStatus::blocked) {
                tags.emplace_back(w.blocked_tag);
                tag_cls += " bch-tag-blocked";
            }
            if (bar.status == EpicStatus::done) {
                // Done: a check mark inside the bar's start when it has room, else after it.
                if (xe - xs >= 16)
                    rows += text(xs + 3, y + 16, "bch-tag bch-n-done", "start", std::string(w.done_tag), small);
                else
                    tags.emplace_back(w.done_tag);
            }
            if (!tags.empty()) {
                const std::string tag = joined(tags, " · ");
                const double tw = text_width(tag, small);
                if (xe + 5 + tw <= W - 2)
                    rows += text(xe + 5, y + 16, tag_cls + " bch-halo", "start", tag, small);
                else if (xs - 5 - tw >= px0)
                    rows += text(xs - 5, y + 16, tag_cls + " bch-halo", "end", tag, small);
                else
                    rows += text(W - 2, y + 16, tag_cls + " bch-halo", "end", tag, small);
            }
            rows += "</g>";
            y += row;
        }
    }
    const double rows_end = y + 4;

    // The dependencies, over the bars.
    std::string arrows;
    for (const TimelineSection& s : t.sections)
        for (const TimelineBar& bar : s.bars) {
            std::vector<std::string> names;
            for (const std::string& dep : bar.depends_on) {
                const auto from = places.find(dep);
                const auto to = places.find(bar.id);
                if (from == places.end() || to == places.end() || dep == bar.id) continue;
                names.push_back(clean(dep));
                const Place& a = from->second;
                const Place& b = to->second;
                // Out of the prerequisite's end heading down (clear of its label), into the
                // dependent's start from the left.
                const double bend = std::max(14.0, std::abs(b.x_start - a.x_end) / 2);
                const double down = (b.y_mid - a.y_mid) * 0.6;
                arrows += fmt::format(
                    "<path d=\"M{},{}C{},{} {},{} {},{}\" class=\"bch-tl-dep\" marker-end=\"url(#{}-arrow)\"/>",
                    num(a.x_end), num(a.y_mid), num(a.x_end + 8), num(a.y_mid + down), num(b.x_start - bend),
                    num(b.y_mid), num(b.x_start), num(b.y_mid), pid);
            }
            if (!names.empty())
                desc.push_back(say(w.depends_desc, clean(bar.title.empty() ? bar.id : bar.title),
                                   joined(names, w.list_separator)) +
                               ".");
        }

    std::string body;
    for (Date d : date_ticks(lo, hi)) {
        body += line(x(d), 36, x(d), rows_end, "bch-grid");
        body += text(x(d), 32, "bch-small", "middle", short_date(w, d), small);
    }
    body += rows + arrows;
    const double xr = x(as_of);
    body += line(xr, 18, xr, rows_end, "bch-today");
    const std::string today = fmt::format("{} · {}", w.report_date, short_date(w, as_of));
    const double half = text_width(today, small) / 2;
    body += text(std::clamp(xr, half + 2, W - half - 2), 14, "bch-small bch-today-label", "middle", today, small);

    double ly = rows_end + 20;
    const std::vector<LegendItem> items{
        {rect(0, -10, 16, 10, "bch-tl-bar bch-st-planned"), std::string(w.status_labels.planned)},
        {rect(0, -10, 16, 10, "bch-tl-bar bch-st-in-progress"), std::string(w.status_labels.in_progress)},
        {rect(0, -10, 16, 10, "bch-tl-bar bch-st-done"), std::string(w.status_labels.done)},
        {rect(0, -10, 16, 10, "bch-tl-bar bch-st-blocked", pattern_fill(EpicStatus::blocked, pid)),
         std::string(w.blocked_tag)},
        {rect(0, -10, 16, 10, "bch-tl-bar bch-st-in-progress bch-tl-overdue"), std::string(w.overdue_tag)},
        {fmt::format("<path d=\"M0,-5H14\" class=\"bch-tl-dep\" marker-end=\"url(#{}-arrow)\"/>", pid),
         std::string(w.dependency)},
        {"<line x1=\"8\" y1=\"-11\" x2=\"8\" y2=\"2\" class=\"bch-today\"/>", std::string(w.report_date)}};
    body += legend(items, W, ly);
    const std::string defs = patterns(pid) + fmt::format(
                                                 "<marker id=\"{}-arrow\" viewBox=\"0 0 8 8\" refX=\"7\" refY=\"4\" "
                                                 "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
                                                 "<path d=\"M0,0L8,4L0,8z\" class=\"bch-tl-arrow\"/></marker>",
                                                 pid);
    return svg("timeline", W, ly, pid, std::string(w.timeline_title), joined(desc, " "), defs, body);
}

// ---------------------------------------------------------------------------------------------
// Stream health and load.

std::string stream_health(const std::vector<StreamFacts>& streams, const ChartMessages& w, std::string_view id) {
    if (streams.empty()) return "";
    const md::NumberStyle& ns = w.style->numbers;
    const std::string pid = safe_id(id);
    constexpr double W = 480, font = 12, small = 11, tag_room = 110;
    int most = 1;
    for (const StreamFacts& s : streams) {
        int total = 0;
        for (const StatusCount& c : s.epic_counts) total += std::max(0, c.count);
        most = std::max(most, total);
    }
    if (std::all_of(streams.begin(), streams.end(), [](const StreamFacts& s) {
            return std::all_of(s.epic_counts.begin(), s.epic_counts.end(),
                               [](const StatusCount& c) { return c.count <= 0; });
        }))
        return no_data("streams", pid, std::string(w.streams_title), w);
    const double x0 = 2, x1 = W - tag_room;
    const double unit = (x1 - x0) / most;
    std::vector<std::string> desc;
    std::vector<EpicStatus> seen;
    std::string body;
    double y = 4;
    for (const StreamFacts& s : streams) {
        const std::string title = clean(s.title.empty() ? s.id : s.title);
        const std::string shown = title.empty() ? std::string(w.untitled) : title;
        const std::string progress = s.progress ? say(w.progress_label, md::percent(*s.progress, ns)) : "";
        const double pw = progress.empty() ? 0 : text_width(progress, font) + 12;
        body += text(x0, y + 14, "bch-title", "start", shown, 13, W - 4 - pw);
        if (!progress.empty()) body += text(W - 2, y + 14, "bch-strong", "end", progress, font);
        double x = x0;
        std::vector<std::string> counts;
        body += rect(x0, y + 21, x1 - x0, 16, "bch-track");
        for (const StatusCount& c : s.epic_counts) {
            if (c.count <= 0) continue;
            if (std::find(seen.begin(), seen.end(), c.status) == seen.end()) seen.push_back(c.status);
            counts.push_back(say(w.status_count, c.count, w.status_counted[c.status]));
            const double sw = c.count * unit;
            body += rect(x, y + 21, sw, 16, fmt::format("bch-seg bch-st-{}", to_string(c.status)),
                         pattern_fill(c.status, pid));
            const std::string n = md::number(c.count, ns);
            if (sw >= text_width(n, small) + 6)
                body += text(x + sw / 2, y + 33,
                             c.status == EpicStatus::done          ? "bch-seg-n bch-n-done"
                             : c.status == EpicStatus::in_progress ? "bch-seg-n bch-n-light"
                                                                   : "bch-seg-n bch-halo",
                             "middle", n, small);
            x += sw;
        }
        const std::string overdue =
            s.overdue > 0 ? say(w.overdue_count, s.overdue, w.count(w.overdue, s.overdue)) : std::string();
        if (!overdue.empty())
            body += text(x1 + 6, y + 33, "bch-tag bch-tag-overdue", "start", overdue, small, tag_room - 8);
        desc.push_back(say(w.stream_desc, shown,
                           counts.empty() ? std::string(w.no_value) : joined(counts, w.list_separator),
                           s.progress ? say(w.stream_progress_desc, md::percent(*s.progress, ns)) : "",
                           fmt::format("{} {}", s.overdue, w.count(w.overdue, s.overdue))));
        y += 48;
    }
    std::vector<LegendItem> items;
    std::sort(seen.begin(), seen.end(), [](EpicStatus a, EpicStatus b) {
        auto rank = [](EpicStatus s) {
            switch (s) {
                case EpicStatus::done:
                    return 0;
                case EpicStatus::in_progress:
                    return 1;
                case EpicStatus::blocked:
                    return 2;
                case EpicStatus::planned:
                    return 3;
                case EpicStatus::dropped:
                    return 4;
                case EpicStatus::proposed:
                    return 5;
            }
            return 6;
        };
        return rank(a) < rank(b);
    });
    for (EpicStatus s : seen)
        items.push_back({rect(0, -10, 16, 10, fmt::format("bch-seg bch-st-{}", to_string(s)), pattern_fill(s, pid)),
                         std::string(w.status_labels[s])});
    double ly = y + 12;
    body += legend(items, W, ly);
    return svg("streams", W, ly, pid, std::string(w.streams_title), joined(desc, " "), patterns(pid), body);
}

std::string owner_load(const LoadFacts& load, const ChartMessages& w, std::string_view id) {
    if (load.owners.empty()) return "";
    const md::NumberStyle& ns = w.style->numbers;
    const std::string pid = safe_id(id);
    constexpr double W = 480, font = 12, small = 11, label_w = 140, x0 = 148, x1 = W - 150, row = 24;
    double most = std::max(1.0, load.max_open_epics);
    for (const OwnerLoad& o : load.owners) most = std::max(most, static_cast<double>(o.open_epics));
    auto x = [&](double n) { return x0 + std::max(0.0, n) / most * (x1 - x0); };
    std::vector<std::string> desc{say(w.load_desc, md::number(load.max_open_epics, ns))};
    std::string body;
    double y = 24;
    for (const OwnerLoad& o : load.owners) {
        const std::string name = clean(o.name);
        const std::string shown = name.empty() ? std::string(w.untitled) : name;
        body += text(2, y + 16, "bch-tl-label", "start", shown, font, label_w);
        body +=
            rect(x0, y + 5, x(o.open_epics) - x0, 14, o.over_limit ? "bch-ld-bar bch-ld-over" : "bch-ld-bar bch-ld-ok",
                 o.over_limit ? fmt::format(" fill=\"url(#{}-hatch)\"", pid) : "");
        std::string label = md::number(o.open_epics, ns);
        std::string cls = "bch-strong";
        if (o.over_limit) {
            label += " " + std::string(w.over_limit_tag);
            cls = "bch-tag bch-tag-overdue";
        }
        body += text(x(o.open_epics) + 5, y + 16, cls + " bch-halo", "start", label, small, W - 4 - x(o.open_epics));
        desc.push_back(say(w.owner_desc, shown, o.open_epics, w.count(w.open_epics, o.open_epics), o.open_tasks,
                           w.count(w.open_tasks, o.open_tasks)) +
                       (o.over_limit ? std::string(w.over_limit_desc) : "") + ".");
        y += row;
    }
    const double xl = x(load.max_open_epics);
    body += line(xl, 18, xl, y + 2, "bch-limit");
    const std::string limit = say(w.limit_label, md::number(load.max_open_epics, ns));
    const double half = text_width(limit, small) / 2;
    body += text(std::clamp(xl, half + 2, W - half - 2), 13, "bch-small bch-limit-label", "middle", limit, small);
    return svg("load", W, y + 8, pid, std::string(w.load_title), joined(desc, " "), patterns(pid), body);
}

// ---------------------------------------------------------------------------------------------
// The CSS.

std::string chart_css() {
    // Okabe–Ito: blue #0072B2, sky blue #56B4E9, bluish green #009E73, orange #E69F00,
    // vermillion #D55E00, reddish purple #CC79A7; darker shades for text on white.
    return R"css(.bch{display:block;width:100%;height:auto;max-width:47.5rem;overflow:visible;--bch-bg:#fff;--bch-fg:#1f2328;--bch-muted:#57606a;--bch-line:#d0d7de;--bch-track:#eef1f4}
.bch-north-star,.bch-key-result,.bch-streams,.bch-load{max-width:640px}
.bch-timeline{max-width:1280px}
.bch-scroll{overflow-x:auto}
.bch-scroll>.bch-burn-up{min-width:560px}
.bch-scroll>.bch-timeline{min-width:720px}
.bch text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:12px;fill:var(--bch-fg)}
.bch .bch-small,.bch .bch-legend,.bch .bch-tag{font-size:11px}
.bch .bch-small,.bch .bch-legend{fill:var(--bch-muted)}
.bch .bch-title{font-size:13px;font-weight:600}
.bch .bch-big{font-size:15px}
.bch .bch-strong,.bch .bch-score{font-weight:600}
.bch .bch-note{font-style:italic;fill:var(--bch-muted)}
.bch .bch-halo{paint-order:stroke;stroke:var(--bch-bg);stroke-width:3px;stroke-linejoin:round}
.bch-track{fill:var(--bch-track);stroke:var(--bch-line);stroke-width:1}
.bch-bar{stroke:none}
.bch-p-on-track.bch-bar{fill:#009E73}
.bch-p-behind-pace.bch-bar{fill:#E69F00}
.bch-p-at-risk.bch-bar{fill:#D55E00}
.bch-p-no-data.bch-bar{fill:#8c959f}
.bch .bch-p-on-track.bch-score{fill:#00704f}
.bch .bch-p-behind-pace.bch-score{fill:#8a5a00}
.bch .bch-p-at-risk.bch-score{fill:#a8440a}
.bch .bch-val-in{fill:#1f2328;font-weight:600}
.bch .bch-val{font-weight:600}
.bch-pace-mark{stroke:var(--bch-fg);stroke-width:2.5}
.bch-guide{stroke:var(--bch-line);stroke-width:1;stroke-dasharray:3 3}
.bch-guide-base{stroke-dasharray:none}
.bch-trend{fill:none;stroke:#0072B2;stroke-width:2;stroke-linejoin:round}
.bch-trend-end{fill:#0072B2}
.bch-axis{stroke:var(--bch-muted);stroke-width:1}
.bch-grid{stroke:var(--bch-line);stroke-width:1;stroke-dasharray:2 3}
.bch-today{stroke:#CC79A7;stroke-width:2}
.bch .bch-today-label{fill:#9b3d78;font-weight:600}
.bch-bu-done{fill:none;stroke:#0072B2;stroke-width:3;stroke-linejoin:round}
.bch-bu-scope{fill:none;stroke:var(--bch-fg);stroke-width:1.5;stroke-dasharray:6 3}
.bch-bu-pace{fill:none;stroke:#E69F00;stroke-width:2;stroke-dasharray:1.5 3;stroke-linecap:round}
.bch-bu-change{fill:var(--bch-bg);stroke:var(--bch-fg);stroke-width:1.5}
.bch .bch-bu-change-label{fill:var(--bch-fg);font-weight:600}
.bch-bu-end{fill:#0072B2}
.bch .bch-tl-stream{font-weight:700;font-size:12px}
.bch .bch-tl-label{fill:var(--bch-fg)}
.bch-tl-row:hover .bch-tl-label{font-weight:600}
.bch .bch-seg-n{font-size:11px;font-weight:600}
.bch-tl-bar,.bch-seg{stroke:var(--bch-fg);stroke-width:.75}
.bch-ld-bar{stroke:var(--bch-fg);stroke-width:.75}
.bch-ld-ok{fill:#56B4E9}
.bch-st-planned{fill:var(--bch-bg)}
.bch-st-in-progress{fill:#56B4E9}
.bch-st-done{fill:#0072B2}
.bch-st-blocked{stroke:#D55E00;stroke-width:1.5;stroke-dasharray:2 2}
.bch-st-dropped{stroke-dasharray:2 2}
.bch-st-proposed{fill:var(--bch-track);stroke-dasharray:4 2}
.bch-hatch-bg{fill:var(--bch-bg)}
.bch-hatch{stroke:#D55E00;stroke-width:2.5}
.bch-dots-bg{fill:var(--bch-track)}
.bch-dots{fill:var(--bch-muted)}
.bch-tl-overdue{stroke:#D55E00;stroke-width:2.5;stroke-dasharray:5 2.5}
.bch .bch-tag{font-weight:600}
.bch .bch-tag-overdue,.bch .bch-tag-blocked{fill:#a8440a}
.bch .bch-n-done{fill:#fff;stroke:none}
.bch .bch-n-light{fill:#0d1117;stroke:none}
.bch-tl-dep{fill:none;stroke:var(--bch-fg);stroke-width:1.25}
.bch-tl-arrow{fill:var(--bch-fg)}
.bch-ld-over{stroke:#D55E00;stroke-width:1.5}
.bch-limit{stroke:var(--bch-fg);stroke-width:1.5;stroke-dasharray:5 3}
.bch .bch-limit-label{fill:var(--bch-fg);font-weight:600}
@media (prefers-color-scheme:dark){
.bch{--bch-bg:#0d1117;--bch-fg:#e6edf3;--bch-muted:#9da7b3;--bch-line:#3d444d;--bch-track:#21262d}
.bch-p-on-track.bch-bar{fill:#1fb98a}
.bch .bch-p-on-track.bch-score{fill:#3fd0a0}
.bch .bch-p-behind-pace.bch-score{fill:#f0b429}
.bch .bch-p-at-risk.bch-score,.bch .bch-tag-overdue,.bch .bch-tag-blocked{fill:#ff8a4c}
.bch-trend,.bch-bu-done{stroke:#56B4E9}
.bch-trend-end,.bch-bu-end{fill:#56B4E9}
.bch-st-done{fill:#2a8fd0}
.bch .bch-today-label{fill:#e59cc8}
.bch .bch-val-in{fill:#0d1117}
.bch-hatch{stroke:#ff8a4c}
.bch-tl-overdue,.bch-ld-over{stroke:#ff8a4c}
}
@media print{
.bch{max-width:100%;break-inside:avoid;--bch-bg:#fff;--bch-fg:#000;--bch-muted:#333;--bch-line:#999;--bch-track:#eee}
}
)css";
}

}  // namespace boussole::chart
