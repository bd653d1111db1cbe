#!/usr/bin/python3
"""boussole's HTML pages in a real browser: Debian's headless Chromium, driven over the DevTools
protocol on a pipe (--remote-debugging-pipe: JSON messages ended by a NUL byte, on file
descriptor 3 to the browser and 4 from it). No dependency beyond the standard library.

One browser for every page given; for each page, loaded from disk (file://):
- no console error or warning (console.error/warn/assert, an uncaught exception, a browser log
  entry of level error: a Content-Security-Policy violation is one);
- no network request but the page's own file:// URL and data: URLs;
- at 390 px (a phone, with the mobile viewport), 1440 px and 3840 px (4K) wide, nothing wider than the window
  (document.documentElement.scrollWidth <= the width), no chart whose text is drawn smaller than
  8 px (an SVG scaled down to the width), and a full-page screenshot at the first two, NAME-390.png
  and NAME-1440.png;
- with prefers-color-scheme: dark, a dark background with readable text (contrast 4.5:1 at least,
  as in light mode), and a screenshot, NAME-dark.png;
- printed (Page.printToPDF) on A4 landscape, NAME.pdf: a PDF whose pages are landscape, more than
  one when the page has several <section>s (the issue: page breaks between sections).

usage: chromium_test.py OUT_DIR FILE.html...     exit 1 with `FILE: cause` on each finding
       chromium_test.py --self-test OUT_DIR DIR  DIR/sample.html passes and every DIR/bad-*.html
                                                 fails with the cause its
                                                 `<!-- expect: chromium_test: TEXT -->` names

Every wait is bounded: a browser that hangs fails the run within TIMEOUT seconds, and is killed.
"""
import base64
import fcntl
import json
import os
import pathlib
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

TIMEOUT = 60  # seconds, for any one answer or event from the browser
WIDTHS = (390, 1440)
WIDE = 3840  # a 4K screen at scale 1: the layout checks only (its screenshot would be large and slow)
HEIGHT = 900
# A4 landscape, in inches. paperWidth/paperHeight are the sheet as printed: the long side as the
# width is landscape already; adding landscape: true turns it back to portrait (seen with
# Chromium 156, on pages without an @page size). The PDF's MediaBox is checked, not trusted.
A4_LANDSCAPE = {"paperWidth": 11.69, "paperHeight": 8.27}


class BrowserError(Exception):
    pass


def chromium_binary():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise BrowserError("no chromium on PATH: install Debian's chromium (.ci/deps)")


class Browser:
    """A headless Chromium on --remote-debugging-pipe, with one page (target) attached, flattened."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="boussole-chromium-")
        to_r, to_w = os.pipe()
        from_r, from_w = os.pipe()
        # The browser reads fd 3 and writes fd 4: move the pipe ends out of the way (fd >= 10), then
        # put them at 3 and 4 in the child, which pass_fds keeps open.
        hi_r = fcntl.fcntl(to_r, fcntl.F_DUPFD_CLOEXEC, 10)
        hi_w = fcntl.fcntl(from_w, fcntl.F_DUPFD_CLOEXEC, 10)

        def child_fds():
            os.dup2(hi_r, 3)
            os.dup2(hi_w, 4)

        args = [chromium_binary(), "--headless=new", "--remote-debugging-pipe", f"--user-data-dir={self.profile}",
                "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-dev-shm-usage", "--mute-audio", "--hide-scrollbars",
                "--force-color-profile=srgb", "about:blank"]
        if os.geteuid() == 0:
            args.insert(1, "--no-sandbox")  # Chromium's sandbox refuses to run as root
        self.log = tempfile.TemporaryFile()
        try:
            self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log,
                                         pass_fds=(3, 4), preexec_fn=child_fds, start_new_session=True)
        finally:
            for fd in (to_r, from_w, hi_r, hi_w):
                os.close(fd)
        self.to, self.frm = to_w, from_r
        self.buffer, self.next_id, self.events, self.session = b"", 0, [], None
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.call(f"{domain}.enable")

    def close(self):
        try:
            if self.proc.poll() is None:
                try:
                    self.session = None
                    self.send("Browser.close")
                    self.proc.wait(timeout=5)
                except (BrowserError, OSError, subprocess.TimeoutExpired):
                    pass
        finally:
            if self.proc.poll() is None:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
            for fd in (self.to, self.frm):
                try:
                    os.close(fd)
                except OSError:
                    pass
            shutil.rmtree(self.profile, ignore_errors=True)

    def stderr_tail(self):
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace").strip()[-2000:]

    def send(self, method, params=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if self.session:
            message["sessionId"] = self.session
        data = json.dumps(message).encode() + b"\0"
        deadline = time.monotonic() + TIMEOUT
        while data:
            if not select.select([], [self.to], [], max(0, deadline - time.monotonic()))[1]:
                raise BrowserError(f"Chromium took no message for {TIMEOUT} s ({method})")
            data = data[os.write(self.to, data):]
        return self.next_id

    def receive(self, deadline, what):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.frm], [], [], left)[0]:
                raise BrowserError(f"no answer from Chromium within {TIMEOUT} s ({what})")
            chunk = os.read(self.frm, 1 << 20)
            if not chunk:
                raise BrowserError(f"Chromium exited ({what}): {self.stderr_tail()}")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method, params=None):
        sent = self.send(method, params)
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self.receive(deadline, method)
            if message.get("id") == sent:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error'].get('message')}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_for(self, event):
        deadline = time.monotonic() + TIMEOUT
        for i, message in enumerate(self.events):
            if message.get("method") == event:
                del self.events[i]
                return message
        while True:
            message = self.receive(deadline, f"waiting for {event}")
            if message.get("method") == event:
                return message
            if "method" in message:
                self.events.append(message)

    def evaluate(self, expression):
        r = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in r:
            raise BrowserError(f"the test's own script failed: {r['exceptionDetails'].get('text')}")
        return r["result"].get("value")


# The colours of the page's text and background, through a canvas (whatever CSS colour syntax the
# page uses), and the elements wider than the window.
COLOURS_JS = r"""(() => {
  const ctx = document.createElement('canvas').getContext('2d');
  const rgba = c => { ctx.clearRect(0, 0, 1, 1); ctx.fillStyle = '#000'; ctx.fillStyle = c; ctx.fillRect(0, 0, 1, 1);
                      return Array.from(ctx.getImageData(0, 0, 1, 1).data); };
  let bg = [255, 255, 255, 255];
  for (const el of [document.body, document.documentElement]) {
    const c = getComputedStyle(el).backgroundColor;
    if (!/^rgba\(0, 0, 0, 0\)$|^transparent$/.test(c)) { bg = rgba(c); break; }
  }
  return {fg: rgba(getComputedStyle(document.body).color), bg: bg};
})()"""
OVERFLOW_JS = r"""((width) => {
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.right > width + 0.5 && !(el.parentElement && el.parentElement.getBoundingClientRect().right > width + 0.5))
      out.push('<' + el.tagName.toLowerCase() + (el.id ? ' id="' + el.id + '"' : '') +
               (el.className && typeof el.className === 'string' ? ' class="' + el.className + '"' : '') +
               '> reaches ' + Math.round(r.right) + ' px');
  }
  return {scrollWidth: document.documentElement.scrollWidth, culprits: out.slice(0, 5)};
})"""


# The smallest text of each chart as drawn: its font size times the SVG's scale on the screen.
CHART_TEXT_JS = r"""(() => {
  const out = [];
  for (const svg of document.querySelectorAll('svg')) {
    if (svg.parentElement && svg.parentElement.closest('svg')) continue;
    let min = Infinity, which = '';
    for (const t of svg.querySelectorAll('text')) {
      const ctm = t.getScreenCTM();
      if (!ctm || !t.textContent.trim()) continue;
      const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(ctm.a, ctm.b);
      if (px < min) { min = px; which = t.textContent.trim(); }
    }
    const title = svg.querySelector('title');
    if (min < Infinity) out.push({chart: title ? title.textContent.trim() : (svg.getAttribute('class') || 'an svg'),
                                  px: min, text: which});
  }
  return out;
})()"""
MIN_CHART_TEXT_PX = 8  # below this, a chart's words and figures cannot be read (a phone's 390 px)


def luminance(rgb):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def pdf_pages(pdf):
    """The page count and the first page's (width, height) in points, from the PDF's page objects
    (Chromium writes them uncompressed)."""
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
    box = re.search(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    size = (float(box.group(3)) - float(box.group(1)), float(box.group(4)) - float(box.group(2))) if box else None
    return pages, size


def screenshot(browser, path, width):
    metrics = browser.call("Page.getLayoutMetrics")
    height = max(1, int(metrics["cssContentSize"]["height"] + 0.5))
    shot = browser.call("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": min(height, 16000), "scale": 1}})
    path.write_bytes(base64.b64decode(shot["data"]))


def problems_in(events, url):
    out = []
    for e in events:
        method, p = e.get("method"), e.get("params", {})
        if method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "warning", "assert"):
            words = " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", []))
            out.append(f"console {p['type']}: {words}")
        elif method == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            out.append(f"uncaught exception: {d.get('exception', {}).get('description') or d.get('text')}")
        elif method == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            out.append(f"browser error ({p['entry'].get('source')}): {p['entry'].get('text')}")
        elif method == "Network.requestWillBeSent":
            requested = p.get("request", {}).get("url", "")
            if requested != url and not requested.startswith("data:"):
                out.append(f"a request to {requested}: the page must not load anything")
    return out


def check_page(browser, page, out_dir):
    page = pathlib.Path(page).resolve()
    url = page.as_uri()
    name = page.stem
    found = []
    browser.events.clear()
    browser.call("Emulation.setEmulatedMedia", {"media": "", "features": []})
    browser.call("Emulation.setDeviceMetricsOverride",
                 {"width": WIDTHS[-1], "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False})
    nav = browser.call("Page.navigate", {"url": url})
    if nav.get("errorText"):
        return [f"Chromium cannot open it: {nav['errorText']}"]
    browser.wait_for("Page.loadEventFired")
    # Let late work (a CSP report, a timer) land before reading the events.
    browser.evaluate("new Promise(r => requestAnimationFrame(() => setTimeout(r, 100)))")
    sections = browser.evaluate("document.querySelectorAll('section').length")

    for width in (*WIDTHS, WIDE):
        browser.call("Emulation.setDeviceMetricsOverride",
                     {"width": width, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": width < 600})
        browser.evaluate("new Promise(r => requestAnimationFrame(() => r()))")
        o = browser.evaluate(f"({OVERFLOW_JS})({width})")
        if o["scrollWidth"] > width:
            found.append(f"at {width} px wide the page is {o['scrollWidth']} px wide (a horizontal scroll): "
                         + ("; ".join(o["culprits"]) or "no one element to blame"))
        for c in browser.evaluate(CHART_TEXT_JS):
            if c["px"] < MIN_CHART_TEXT_PX:
                found.append(f"at {width} px wide the chart \"{c['chart'][:60]}\" draws its text at {c['px']:.1f} px "
                             f"(\"{c['text'][:30]}\"), under {MIN_CHART_TEXT_PX} px: unreadable; let it scroll at a "
                             "readable width, or draw it for the width")
        if width in WIDTHS:
            screenshot(browser, out_dir / f"{name}-{width}.png", width)

    colours = {}
    for scheme in ("light", "dark"):
        browser.call("Emulation.setEmulatedMedia",
                     {"media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]})
        browser.evaluate("new Promise(r => requestAnimationFrame(() => r()))")
        colours[scheme] = c = browser.evaluate(COLOURS_JS)
        ratio = contrast(c["fg"], c["bg"])
        if ratio < 4.5:
            found.append(f"with prefers-color-scheme: {scheme}, the text (rgb{tuple(c['fg'][:3])}) on its "
                         f"background (rgb{tuple(c['bg'][:3])}) has a contrast of {ratio:.1f}:1, under 4.5:1")
        if scheme == "dark":
            screenshot(browser, out_dir / f"{name}-dark.png", WIDTHS[-1])
    if luminance(colours["dark"]["bg"]) > 0.2:
        found.append(f"with prefers-color-scheme: dark, the background stays light "
                     f"(rgb{tuple(colours['dark']['bg'][:3])}): the page does not follow dark mode")
    browser.call("Emulation.setEmulatedMedia", {"media": "", "features": []})

    pdf = base64.b64decode(browser.call("Page.printToPDF", {**A4_LANDSCAPE, "printBackground": True})["data"])
    (out_dir / f"{name}.pdf").write_bytes(pdf)
    pages, size = pdf_pages(pdf)
    if not pdf.startswith(b"%PDF"):
        found.append("printing it gives no PDF")
    elif not size or size[0] <= size[1]:
        found.append(f"printed, its pages are not landscape: {size} points")
    elif sections > 1 and pages < 2:
        found.append(f"printed on A4 landscape it is {pages} page for {sections} sections: no page break "
                     "between sections")
    browser.evaluate("new Promise(r => setTimeout(r, 50))")
    found[:0] = problems_in(browser.events, url)
    return found


def run(out_dir, pages):
    out_dir = pathlib.Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    results = {}
    browser = Browser()
    try:
        for page in pages:
            results[page] = check_page(browser, page, out_dir)
    finally:
        browser.close()
    return results


def hang_test():
    """A page that never finishes loading (a script looping forever) fails within the timeout (3 s
    here), and the browser is killed."""
    global TIMEOUT
    saved, TIMEOUT = TIMEOUT, 3
    browser, out, started = None, [], time.monotonic()
    try:
        browser = Browser()
        started = time.monotonic()
        browser.call("Page.navigate", {"url": "data:text/html,<p>busy<script>for(;;){}</script>"})
        browser.wait_for("Page.loadEventFired")
        out.append("a page looping forever loaded: the hang test tests nothing")
    except BrowserError as e:
        took = time.monotonic() - started
        if "within 3 s" not in str(e) or took > 2 * 3:
            out.append(f"a hung page must fail within the timeout, but: {e} (after {took:.1f} s)")
    finally:
        TIMEOUT = saved
        if browser:
            browser.close()
    if browser and browser.proc.poll() is None:
        out.append("the hung browser is still running after close()")
    return out


def self_test(out_dir, folder):
    folder = pathlib.Path(folder)
    bad = sorted(folder.glob("bad-*.html"))
    results = run(out_dir, [folder / "sample.html", *bad])
    failures = []
    if results[folder / "sample.html"]:
        failures.append("sample.html must pass, but:\n  " + "\n  ".join(results[folder / "sample.html"]))
    expected_somewhere = 0
    for page in bad:
        wants = re.findall(r"<!-- expect: chromium_test: (.*?) -->", page.read_text(encoding="utf-8"))
        found = results[page]
        if not wants:
            if found:
                failures.append(f"{page.name} fails chromium_test but has no expect comment:\n  " + "\n  ".join(found))
            continue
        expected_somewhere += 1
        for want in wants:
            if not any(want in line for line in found):
                failures.append(f"{page.name} must fail with \"{want}\", but chromium_test said:\n  " +
                                ("\n  ".join(found) or "nothing"))
    if not expected_somewhere:
        failures.append(f"no bad-*.html in {folder} expects a chromium_test finding: the checks are not tested")
    failures += hang_test()
    for line in failures:
        print(f"FAIL: {line}")
    print(f"chromium_test self-test: sample.html and {len(bad)} bad pages, {len(failures)} failures")
    return 1 if failures else 0


def main(argv):
    started = time.monotonic()
    try:
        if len(argv) == 4 and argv[1] == "--self-test":
            return self_test(argv[2], argv[3])
        if len(argv) < 3 or argv[1].startswith("-"):
            print(__doc__, file=sys.stderr)
            return 2
        status = 0
        for page, found in run(argv[1], argv[2:]).items():
            for line in found:
                print(f"{page}: {line}")
            print(f"{page}: {'ok' if not found else f'{len(found)} problems'}")
            status |= bool(found)
        print(f"{len(argv) - 2} pages in {time.monotonic() - started:.1f} s; screenshots and PDFs in {argv[1]}")
        return status
    except BrowserError as e:
        print(f"chromium_test.py: {e}")
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
