#!/usr/bin/python3
"""A MIME message (boussole digest --format email) against Python's email package.

Checks, each finding printed as `FILE: cause`:
  - CRLF line ends only (no bare CR or LF), no line over 998 bytes (RFC 5322 2.1.1), header lines
    of printable ASCII (anything else as RFC 2047 encoded-words) of at most 78 characters;
  - the message parses with email.message_from_bytes(policy=email.policy.default) without a
    defect, in the message, its parts or its headers;
  - Date (a valid RFC 5322 date), MIME-Version 1.0, Subject and To present, each header once, no
    header but Date, From, To, Subject, MIME-Version, Content-Type (an injected one, such as Bcc,
    is a finding);
  - a multipart/alternative body of exactly text/plain then text/html, both charset=utf-8, their
    bytes valid UTF-8, quoted-printable lines of at most 76 characters (RFC 2045 6.7);
  - the HTML part read by html.parser: every end tag closes the element open, none left open;
  - with --from/--to: the decoded addresses (display name and address) are exactly those given,
    in order ("Name <address>" or a bare address); with --subject-contains: the decoded subject
    holds each text.

usage: mail_check.py [--from ADDR] [--to ADDR]... [--subject-contains TEXT]... [--write-html FILE] MESSAGE
       mail_check.py --self-test   good messages pass; a bad message per defect fails with its cause

Python 3 standard library only.
"""
import argparse
import email
import email.header
import email.policy
import email.utils
import html.parser
import quopri
import re
import sys

ALLOWED_HEADERS = ["date", "from", "to", "subject", "mime-version", "content-type"]
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class HtmlBalance(html.parser.HTMLParser):
    """Every end tag must close the element open; none may stay open."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open = []
        self.errors = []
        self.elements = 0

    def handle_starttag(self, tag, attrs):
        self.elements += 1
        if tag not in VOID_ELEMENTS:
            self.open.append((tag, self.getpos()[0]))

    def handle_startendtag(self, tag, attrs):
        self.elements += 1

    def handle_endtag(self, tag):
        if tag in VOID_ELEMENTS:
            return
        if not self.open or self.open[-1][0] != tag:
            expected = f"</{self.open[-1][0]}>" if self.open else "no end tag"
            self.errors.append(f"HTML part line {self.getpos()[0]}: </{tag}> where {expected} was expected")
            return
        self.open.pop()


def parse_expected(text):
    """'Name <address>' or 'address' as (name, address)."""
    m = re.fullmatch(r"\s*(.*?)\s*<([^<>]+)>\s*", text)
    return (m.group(1), m.group(2)) if m else ("", text.strip())


def show(addresses):
    return ", ".join(f"{n} <{a}>" if n else a for n, a in addresses) or "none"


def check_lines(raw):
    findings = []
    for i, b in enumerate(raw):
        if b == 0x0A and (i == 0 or raw[i - 1] != 0x0D):
            line = raw.count(b"\n", 0, i) + 1
            findings.append(f"bare LF at byte {i} (line {line}): every line must end with CRLF")
            break
    for i, b in enumerate(raw):
        if b == 0x0D and (i + 1 == len(raw) or raw[i + 1] != 0x0A):
            findings.append(f"bare CR at byte {i}: every line must end with CRLF")
            break
    if raw and not raw.endswith(b"\r\n"):
        findings.append("the message does not end with CRLF")
    end = raw.find(b"\r\n\r\n")
    header_end = raw.count(b"\r\n", 0, end) + 1 if end >= 0 else 0
    if end < 0:
        findings.append("no blank line ends the header section")
    for n, line in enumerate(raw.split(b"\r\n"), start=1):
        if len(line) > 998:
            findings.append(f"line {n} is {len(line)} bytes, over RFC 5322's limit of 998")
        if n <= header_end:
            if any(b > 0x7E or (b < 0x20 and b != 0x09) for b in line):
                findings.append(f"header line {n} holds a raw non-ASCII or control byte "
                                "(non-ASCII text must be an RFC 2047 encoded-word)")
            elif len(line) > 78:
                findings.append(f"header line {n} is {len(line)} characters, over 78: fold it")
    return findings


def check_parts(path, msg, write_html):
    findings = []
    if msg.get_content_type() != "multipart/alternative":
        return [f"the body is {msg.get_content_type()}, not multipart/alternative with text and HTML alternatives"]
    parts = list(msg.iter_parts())
    types = [p.get_content_type() for p in parts]
    if types != ["text/plain", "text/html"]:
        findings.append(f"the alternatives are {types or 'none'}: expected text/plain then text/html, in that order")
    for part in parts:
        ctype = part.get_content_type()
        if part.defects:
            findings.append(f"{ctype} part: defects {[type(d).__name__ for d in part.defects]}")
        charset = part.get_content_charset()
        if charset != "utf-8":
            findings.append(f"{ctype} part: charset is {charset}, not utf-8")
        cte = part.get("Content-Transfer-Encoding", "7bit").lower()
        if cte == "quoted-printable":
            for n, line in enumerate(part.get_payload(decode=False).split("\n"), start=1):
                line = line.rstrip("\r")
                if len(line) > 76:
                    findings.append(f"{ctype} part: quoted-printable line {n} is {len(line)} characters, "
                                    "over RFC 2045's 76")
                    break
        body = part.get_payload(decode=True) or b""
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as e:
            findings.append(f"{ctype} part: its bytes are not UTF-8 ({e.reason} at byte {e.start})")
            continue
        if ctype == "text/html":
            checker = HtmlBalance()
            checker.feed(text)
            checker.close()
            findings += checker.errors
            findings += [f"HTML part: <{tag}> opened on line {line} is never closed" for tag, line in checker.open]
            if checker.elements == 0:
                findings.append("HTML part: no HTML element in it")
            if write_html:
                with open(write_html, "w", encoding="utf-8") as f:
                    f.write(text)
    return findings


def check(path, raw, expect_from=None, expect_to=None, subject_contains=(), write_html=None):
    findings = check_lines(raw)
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    if msg.defects:
        findings.append(f"message defects: {[type(d).__name__ for d in msg.defects]}")
    names = [k.lower() for k in msg.keys()]
    for name in sorted(set(names)):
        if name not in ALLOWED_HEADERS:
            findings.append(f"unexpected header {name!r} (an injected header?)")
        elif names.count(name) > 1:
            findings.append(f"header {name!r} appears {names.count(name)} times")
    for name in ["date", "mime-version", "subject", "to"]:
        if name == "to" and expect_to == []:  # --no-to: a roadmap without addresses
            continue
        if name not in names:
            findings.append(f"no {name} header")
    for name, value in msg.items():
        if getattr(value, "defects", None):
            findings.append(f"{name} header defects: {[type(d).__name__ for d in value.defects]}")
    if "date" in names and msg["Date"].datetime is None:
        findings.append(f"Date {str(msg['Date'])!r} is not an RFC 5322 date")
    if "mime-version" in names and str(msg["MIME-Version"]).strip() != "1.0":
        findings.append("MIME-Version is not 1.0")
    findings += check_parts(path, msg, write_html)

    def addresses(name):
        header = msg[name]
        return [(a.display_name, a.addr_spec) for a in header.addresses] if header is not None else []

    if expect_to is not None:
        want = [parse_expected(t) for t in expect_to]
        got = addresses("To")
        if got != want:
            findings.append(f"To decodes to [{show(got)}], expected [{show(want)}]")
    if expect_from is not None:
        want = [parse_expected(expect_from)]
        got = addresses("From")
        if got != want:
            findings.append(f"From decodes to [{show(got)}], expected [{show(want)}]")
    subject = str(msg["Subject"]) if msg["Subject"] is not None else ""
    for text in subject_contains:
        if text not in subject:
            findings.append(f"Subject {subject!r} does not contain {text!r}")
    return [f"{path}: {f}" for f in findings]


# --- self-test: a good message passes; each bad one fails with its cause


def build(headers=None, parts=None, eol=b"\r\n", close=True, extra_headers=()):
    """A message by hand: `headers` as (name, value) already encoded, `parts` as
    (content type, charset, body bytes encoded quoted-printable)."""
    if headers is None:
        headers = [
            ("Date", "Mon, 30 Nov 2026 00:00:00 +0000"),
            ("From", email.utils.formataddr(("Boussole", "boussole@example.com"))),
            ("To", email.utils.formataddr(("Hélène Dupont", "helene@example.com"), charset="utf-8")),
            ("Subject", email.header.Header("Digest de la semaine — équipe", "utf-8").encode()),
            ("MIME-Version", "1.0"),
            ("Content-Type", 'multipart/alternative; boundary="=_b"'),
        ]
    headers = list(headers) + list(extra_headers)
    if parts is None:
        parts = [("text/plain", "utf-8", "Bonjour Hélène\n".encode()),
                 ("text/html", "utf-8", "<p>Bonjour <b>Hélène</b></p>\n".encode())]
    out = b""
    for name, value in headers:
        out += f"{name}: {value}".encode("utf-8") + b"\r\n"
    out += b"\r\n"
    for ctype, charset, body in parts:
        out += f"--=_b\r\nContent-Type: {ctype}; charset={charset}\r\n".encode()
        out += b"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        out += quopri.encodestring(body).replace(b"\n", b"\r\n") + b"\r\n"
    if close:
        out += b"--=_b--\r\n"
    return out.replace(b"\r\n", eol)


def replace_header(name, value):
    default = build()
    head = default[:default.find(b"\r\n\r\n")].decode().split("\r\n")
    pairs = [tuple(h.split(": ", 1)) for h in head]
    return [(n, value if n == name else v) for n, v in pairs]


GOOD_EXPECT = {"expect_from": "Boussole <boussole@example.com>", "expect_to": ["Hélène Dupont <helene@example.com>"],
               "subject_contains": ["semaine — équipe"]}


def bad_cases():
    text = ("text/plain", "utf-8", "Bonjour\n".encode())
    page = ("text/html", "utf-8", b"<p>Bonjour</p>\n")
    yield "bare LF", build(eol=b"\n"), {}
    yield "bare CR", build().replace(b"Bonjour", b"Bon\rjour", 1), {}
    yield "over RFC 5322's limit of 998", build(headers=replace_header("Subject", "x" * 1200)), {}
    yield "raw non-ASCII", build(headers=replace_header("Subject", "Digest de la semaine — équipe")), {}
    yield "over 78: fold it", build(headers=replace_header("Subject", "y" * 90)), {}
    yield "expected text/plain then text/html", build(parts=[text]), {}
    yield "expected text/plain then text/html", build(parts=[page, text]), {}
    yield "not utf-8", build(parts=[("text/plain", "iso-8859-1", b"caf\xe9\n"), page]), {}
    yield "bytes are not UTF-8", build(parts=[("text/plain", "utf-8", b"caf\xe9\n"), page]), {}
    yield "not multipart/alternative", build(
        headers=replace_header("Content-Type", "text/plain; charset=utf-8"), parts=[]), {}
    yield "unexpected header 'bcc'", build(extra_headers=[("Bcc", "evil@example.com")]), {}
    yield "appears 2 times", build(extra_headers=[("Subject", "again")]), {}
    yield "no date header", build(headers=[h for h in replace_header("Date", "") if h[0] != "Date"]), {}
    yield "is not an RFC 5322 date", build(headers=replace_header("Date", "next Monday")), {}
    yield "over RFC 2045's 76", build(parts=[text, page]).replace(
        b"<p>Bonjour</p>", b"<p>" + b"w" * 100 + b"</p>"), {}
    yield "</p> where </b> was expected", build(parts=[text, ("text/html", "utf-8", b"<p><b>x</p>\n")]), {}
    yield "is never closed", build(parts=[text, ("text/html", "utf-8", b"<main><p>x</p>\n")]), {}
    yield "defects", build(close=False), {}
    yield "To decodes to", build(), {"expect_to": ["Helene Dupont <helene@example.com>"]}
    yield "To decodes to", build(), {"expect_to": ["Hélène Dupont <helene@example.com>", "x@example.com"]}
    yield "From decodes to", build(), {"expect_from": "Boussole <other@example.com>"}
    yield "does not contain", build(), {"subject_contains": ["semaine — equipe"]}
    yield "no to header", build(headers=[h for h in replace_header("To", "") if h[0] != "To"]), {}


def self_test():
    failures = []
    good = check("good", build(), **GOOD_EXPECT)
    if good:
        failures.append(f"the good message fails: {good}")
    cases = list(bad_cases())
    for cause, raw, expect in cases:
        findings = check("bad", raw, **expect)
        if not any(cause in f for f in findings):
            failures.append(f"a bad message ({cause!r}) does not fail with its cause; findings: {findings}")
    for f in failures:
        print(f"mail_check self-test: {f}", file=sys.stderr)
    print(f"mail_check self-test: 1 good and {len(cases)} bad messages, {len(failures)} failures")
    return 1 if failures else 0


def main(argv):
    parser = argparse.ArgumentParser(description="Check a MIME message as boussole's digest writes it.")
    parser.add_argument("--self-test", action="store_true")
    parser.add_argument("--from", dest="expect_from")
    parser.add_argument("--to", dest="expect_to", action="append")
    parser.add_argument("--subject-contains", action="append", default=[])
    parser.add_argument("--no-to", action="store_true",
                        help="expect no To header (nobody with something to do declares an address)")
    parser.add_argument("--write-html")
    parser.add_argument("message", nargs="?")
    args = parser.parse_args(argv[1:])
    if args.self_test:
        return self_test()
    if not args.message:
        parser.error("a MESSAGE file is required")
    with open(args.message, "rb") as f:
        raw = f.read()
    expect_to = [] if args.no_to else args.expect_to
    findings = check(args.message, raw, args.expect_from, expect_to, args.subject_contains, args.write_html)
    for f in findings:
        print(f, file=sys.stderr)
    if not findings:
        print(f"{args.message}: a valid message")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
