#!/usr/bin/python3
"""boussole's HTML pages against real consumers, file by file:

1. html5lib's strict HTML5 parser (the WHATWG parsing algorithm) reports no parse error;
2. HTML Tidy (`tidy -q -e`) reports no error and no warning but those listed in TIDY_ACCEPTED;
3. every <svg>...</svg> is well-formed XML (`xmllint --noout`, with the SVG namespace added
   where the inline form leaves it out);
4. the page is self-contained: no <script>, no <link>, no <base>, nothing loaded from a URL that is
   not data: (src, srcset, poster, data of img, source, iframe, object, embed, video, audio, track,
   input), no url() in CSS but data: and a local #id, no @import, no href in SVG but a local #id
   that exists; no id used twice; a Content-Security-Policy meta tag that forbids every other origin
   (default-src 'none', nothing but 'unsafe-inline' styles and data: images); every <a href> is
   http(s), mailto: or a #fragment that exists in the page; <html lang> is set; every chart (an
   <svg> that is not aria-hidden) has a non-empty <title> and <desc>.

usage: html_test.py FILE.html...      exit 1 with `FILE:LINE: cause` on each finding
       html_test.py --self-test DIR   DIR/sample.html passes and every DIR/bad-*.html fails with the
                                      cause its `<!-- expect: html_test: TEXT -->` comment names (and
                                      not with one an `<!-- expect-not: html_test: TEXT -->` names)

Run it with Debian's /usr/bin/python3 (python3-html5lib from apt; .ci/deps installs it).
"""
import html.parser
import pathlib
import re
import subprocess
import sys

try:
    import html5lib
except ImportError:
    sys.exit("html_test.py: html5lib is missing: install python3-html5lib (.ci/deps) and run with /usr/bin/python3")

# Tidy 5.6 predates parts of HTML5 and of inline SVG. The warnings accepted, each for valid HTML5:
TIDY_ACCEPTED = [
    # Tidy reads SVG's <title> (a chart's accessible name, which aria-labelledby points to by id)
    # as HTML's <title>, which it thinks takes no id. Accepted inside an <svg> only.
    (re.compile(r'^<title> proprietary attribute "id"$'), "in-svg"),
]
# Tidy options that are about Tidy's own pretty-printing, not validity: HTML5 allows an empty
# <span> or <td>, which Tidy would otherwise warn it "trims".
TIDY_OPTIONS = ["--drop-empty-elements", "no"]

SVG_NS = "http://www.w3.org/2000/svg"
LOADING_ATTRIBUTES = {"src", "srcset", "poster", "data", "background", "formaction", "action", "ping", "manifest"}
CSS_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.I | re.S)


class Findings:
    def __init__(self, path):
        self.path, self.items = path, []

    def add(self, line, cause):
        self.items.append((line, cause))

    def lines(self):
        return [f"{self.path}:{line}: {cause}" for line, cause in sorted(self.items, key=lambda i: i[0])]


def line_of(text, offset):
    return text.count("\n", 0, offset) + 1


# 1. html5lib, strict: the first parse error raises; its position is the last one recorded.
def check_html5lib(text, f):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        parser.parse(text)
    except html5lib.html5parser.ParseError as e:
        line = parser.errors[-1][0][0] if parser.errors else 1
        f.add(line, f"HTML5 parse error (html5lib): {e}")


# 2. Tidy.
def without_comments(text):
    """The text with each HTML comment blanked out (its line breaks kept, so offsets and lines hold)."""
    return re.sub(r"<!--.*?-->", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)


def svg_ranges(text):
    """(start offset, end offset) of every outermost <svg>...</svg> outside comments."""
    out, depth, start = [], 0, 0
    for m in re.finditer(r"<(/?)svg\b[^>]*?(/?)>", without_comments(text), re.I):
        closing, selfclosing = m.group(1) == "/", m.group(2) == "/"
        if not closing:
            if depth == 0:
                start = m.start()
            if not selfclosing:
                depth += 1
            elif depth == 0:
                out.append((start, m.end()))
        elif depth > 0:
            depth -= 1
            if depth == 0:
                out.append((start, m.end()))
    if depth > 0:
        out.append((start, len(text)))  # never closed: xmllint says so
    return out


def check_tidy(path, text, f):
    svg_lines = [(line_of(text, a), line_of(text, b)) for a, b in svg_ranges(text)]

    def where_ok(where, line):
        if where == "in-svg":
            return any(a <= line <= b for a, b in svg_lines)
        return False

    r = subprocess.run(["tidy", "-q", "-e", *TIDY_OPTIONS, str(path)], capture_output=True, text=True, timeout=60)
    for row in r.stderr.splitlines():
        m = re.match(r"line (\d+) column \d+ - (Warning|Error): (.*)$", row)
        if not m:
            if row.strip():
                f.add(1, f"tidy: {row.strip()}")
            continue
        line, kind, what = int(m.group(1)), m.group(2), m.group(3)
        accepted = kind == "Warning" and any(pattern.match(what) and where_ok(where, line)
                                             for pattern, where in TIDY_ACCEPTED)
        if not accepted:
            f.add(line, f"tidy {kind.lower()}: {what}")
    if r.returncode == 2 and not any(c.startswith("tidy error") for _, c in f.items):
        f.add(1, "tidy exits 2 (errors) without naming one")


# 3. Every SVG through xmllint.
def check_svgs(text, f):
    for start, end in svg_ranges(text):
        first = line_of(text, start)
        svg = text[start:end]
        if not re.match(r"<svg\b[^>]*\sxmlns\s*=", svg, re.I):
            svg = svg.replace("<svg", f'<svg xmlns="{SVG_NS}"', 1)  # same line: line numbers hold
        r = subprocess.run(["xmllint", "--noout", "-"], input=svg, capture_output=True, text=True, timeout=60)
        if r.returncode != 0:
            m = re.search(r"^-:(\d+): (.*)$", r.stderr, re.M)
            line = first + int(m.group(1)) - 1 if m else first
            cause = m.group(2).strip() if m else r.stderr.strip().splitlines()[0]
            f.add(line, f"the SVG that starts on line {first} is not well-formed XML (xmllint): {cause}")


# 4. Self-containment, links and the accessible names of charts (the standard library's tolerant
# parser: it gives each tag's line).
class Scan(html.parser.HTMLParser):
    def __init__(self, f):
        super().__init__(convert_charrefs=True)
        self.f, self.stack, self.ids = f, [], set()
        self.fragments = []  # (line, id, what) to check once every id is known
        self.csp = []  # (line, content)
        self.html_lang = None
        self.svg_depth = 0
        self.charts = []  # [line, has title, has desc, hidden]
        self.in_style = False
        self.style_line = 0
        self.text_target = None

    def handle_starttag(self, tag, attrs):
        self.start(tag, attrs, closing=False)

    def handle_startendtag(self, tag, attrs):
        self.start(tag, attrs, closing=True)

    def start(self, tag, attrs, closing):
        line = self.getpos()[0]
        a = {k.lower(): (v or "") for k, v in attrs}
        if "id" in a:
            if a["id"] in self.ids:
                # Tidy names a repeated id in HTML, not in SVG, where two charts that share one
                # (a title, a hatching pattern) would name or fill each other.
                self.f.add(line, f"id=\"{a['id']}\" is used twice: aria-labelledby and url(#...) then point to the "
                                 "first one (give each chart its own ids)")
            self.ids.add(a["id"])
        if tag == "html":
            self.html_lang = a.get("lang", "")
        if tag == "script":
            self.f.add(line, "a <script>: the page must show everything without one (and the CSP forbids it)")
        if tag == "link":
            self.f.add(line, f"a <link rel=\"{a.get('rel', '')}\" href=\"{a.get('href', '')}\">: "
                             "everything must be inline (CSS in <style>, images as data: URLs)")
        if tag == "base":
            self.f.add(line, "a <base>: it changes where every link points")
        if tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
            self.f.add(line, "a <meta http-equiv=\"refresh\">: the page must not navigate by itself")
        if tag == "meta" and a.get("http-equiv", "").lower() == "content-security-policy":
            self.csp.append((line, a.get("content", "")))
        for name in LOADING_ATTRIBUTES & a.keys():
            for url in split_srcset(a[name]) if name == "srcset" else [a[name]]:
                if not url.strip().lower().startswith("data:"):
                    self.f.add(line, f"<{tag} {name}=\"{url}\">: loads from outside the page; "
                                     "embed it as a data: URL or draw it inline")
        if "style" in a:
            self.css(a["style"], line, f"the style attribute of <{tag}>")
        if self.svg_depth:
            for name in ("href", "xlink:href"):
                if name in a:
                    self.local_ref(line, a[name], f"<{tag} {name}> in an SVG")
            for name, value in a.items():
                if name != "style" and "url(" in value.lower():
                    self.css(value, line, f"the {name} attribute of <{tag}> in an SVG")
            if tag in ("title", "desc") and self.svg_depth == 1 and not closing:
                self.text_target = (tag, [])
        elif tag == "a" and "href" in a:
            href = a["href"].strip()
            if href.startswith("#"):
                self.fragments.append((line, href[1:], "the link"))
            elif not re.match(r"(?i)(https?://[^\s/]|mailto:)", href):
                self.f.add(line, f"<a href=\"{href}\">: a link must be http(s)://, mailto: or a #fragment "
                                 "of this page (a relative or file: link breaks once the page is e-mailed)")
        if tag == "svg":
            if self.svg_depth == 0:
                self.charts.append([line, False, False, a.get("aria-hidden") == "true"])
            if not closing:
                self.svg_depth += 1
        if tag == "style" and not closing:
            self.in_style, self.style_line = True, line
        if not closing and tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "svg" and self.svg_depth:
            self.svg_depth -= 1
        if tag == "style":
            self.in_style = False
        if self.text_target and tag == self.text_target[0]:
            if "".join(self.text_target[1]).strip():
                self.charts[-1][1 if tag == "title" else 2] = True
            self.text_target = None

    def handle_data(self, data):
        if self.in_style:
            self.css(data, self.getpos()[0], "the <style>")
        if self.text_target:
            self.text_target[1].append(data)

    def css(self, css, line, where):
        for m in re.finditer(r"@import\b", css, re.I):
            self.f.add(line + css.count("\n", 0, m.start()), f"@import in {where}: every rule must be inline")
        for m in CSS_URL.finditer(css):
            url = m.group(2).strip()
            at = line + css.count("\n", 0, m.start())
            if url.startswith("#"):
                self.fragments.append((at, url[1:], f"url({url}) in {where}"))
            elif not url.lower().startswith("data:"):
                self.f.add(at, f"url({url}) in {where}: loads from outside the page; use a data: URL")

    def local_ref(self, line, ref, what):
        if ref.startswith("#") and len(ref) > 1:
            self.fragments.append((line, ref[1:], what))
        else:
            self.f.add(line, f"{what} is \"{ref}\": an SVG may only point to an element of the page (#id)")

    def finish(self):
        for line, ident, what in self.fragments:
            if ident not in self.ids:
                self.f.add(line, f"{what} points to #{ident}, which no element of the page has as its id")
        if not self.html_lang:
            self.f.add(1, "<html> has no lang attribute: screen readers cannot tell the page's language")
        for line, title, desc, hidden in self.charts:
            if not hidden and not (title and desc):
                self.f.add(line, "a chart (<svg>) without a non-empty <title> and <desc> as its children: its "
                                 "figures must be readable as text (or aria-hidden=\"true\" if it is decoration)")
        check_csp(self.csp, self.f)


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def split_srcset(value):
    # "a.png 1x, data:... 2x": each candidate's URL (data: URLs hold commas, so split on ", " only).
    return [c.strip().split(" ")[0] for c in re.split(r",\s+", value) if c.strip()]


def check_csp(csps, f):
    if not csps:
        f.add(1, "no <meta http-equiv=\"Content-Security-Policy\">: the page must forbid every request "
                 "(content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\")")
        return
    for line, content in csps:
        directives = {}
        for part in content.split(";"):
            words = part.split()
            if words:
                directives[words[0].lower()] = [w.lower() for w in words[1:]]
        if directives.get("default-src") != ["'none'"]:
            f.add(line, f"the Content-Security-Policy \"{content}\" must start from default-src 'none'")
        for name, sources in directives.items():
            allowed = {"style-src": {"'unsafe-inline'"}, "img-src": {"data:"}, "font-src": {"data:"}}.get(name, set())
            extra = [s for s in sources if s != "'none'" and s not in allowed]
            if extra:
                f.add(line, f"the Content-Security-Policy allows {' '.join(extra)} for {name}: "
                            "nothing may load but inline styles and data: images")


def check(path):
    path = pathlib.Path(path)
    f = Findings(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as e:
        f.add(1, f"not UTF-8: {e}")
        return f.lines()
    except OSError as e:
        return [f"{path}: cannot read it: {e.strerror}"]
    check_html5lib(text, f)
    check_tidy(path, text, f)
    check_svgs(text, f)
    scan = Scan(f)
    scan.feed(text)
    scan.close()
    scan.finish()
    return f.lines()


def self_test(folder):
    """sample.html passes; each bad-*.html fails with the cause its expect comment names."""
    folder = pathlib.Path(folder)
    failures = []
    found = check(folder / "sample.html")
    if found:
        failures.append("sample.html must pass, but:\n  " + "\n  ".join(found))
    bad = sorted(folder.glob("bad-*.html"))
    expected_somewhere = 0
    for page in bad:
        text = page.read_text(encoding="utf-8")
        wants = re.findall(r"<!-- expect: html_test: (.*?) -->", text)
        found = check(page)
        for unwanted in re.findall(r"<!-- expect-not: html_test: (.*?) -->", text):
            if any(unwanted in line for line in found):
                failures.append(f"{page.name} must not fail with \"{unwanted}\", but html_test said:\n  " + "\n  ".join(found))
        if not wants:
            if found:
                failures.append(f"{page.name} fails html_test but has no expect comment:\n  " + "\n  ".join(found))
            continue
        expected_somewhere += 1
        for want in wants:
            if not any(want in line for line in found):
                failures.append(f"{page.name} must fail with \"{want}\", but html_test said:\n  " +
                                ("\n  ".join(found) or "nothing"))
    if not expected_somewhere:
        failures.append(f"no bad-*.html in {folder} expects an html_test finding: the checks are not tested")
    for line in failures:
        print(f"FAIL: {line}")
    print(f"html_test self-test: sample.html and {len(bad)} bad pages, {len(failures)} failures")
    return 1 if failures else 0


def main(argv):
    if len(argv) == 3 and argv[1] == "--self-test":
        return self_test(argv[2])
    if len(argv) < 2 or argv[1].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    status = 0
    for path in argv[1:]:
        found = check(path)
        for line in found:
            print(line)
        status |= bool(found)
        if not found:
            print(f"{path}: ok")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
