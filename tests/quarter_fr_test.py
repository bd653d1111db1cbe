#!/usr/bin/env python3
"""The French team's quarter, end to end: tests/data/quarter-fr/quarter.py scripts its git history
(slips, a drop, an addition, check-ins weekly and monthly, a file renamed, a commit that does not
parse, an epic moved into the run stream); this runs boussole's documents over it and compares
them with tests/golden/quarter-fr-*, whose figures were checked by hand
(tests/data/quarter-fr/README.md). BOUSSOLE_UPDATE_GOLDEN=1 rewrites the goldens instead.

usage: quarter_fr_test.py BOUSSOLE SOURCE_DIR
"""
import os
import pathlib
import subprocess
import sys
import tempfile

boussole, source = os.path.abspath(sys.argv[1]), pathlib.Path(sys.argv[2]).resolve()
golden_dir = source / "tests" / "golden"
update = os.environ.get("BOUSSOLE_UPDATE_GOLDEN") == "1"
env = dict(os.environ, TZ="UTC", LC_ALL="C", GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1")
passed = failed = 0


def run(repo, *args, expect=0):
    r = subprocess.run([boussole, *args], cwd=repo, env=env, capture_output=True, text=True)
    if r.returncode != expect:
        check(False, f"boussole {' '.join(args)}: exit {r.returncode}, expected {expect}\n{r.stderr}")
    return r


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {what}")


def golden(name, text):
    # An HTML page's stylesheet has one golden of its own (page.css), as in tests/support.cpp.
    if name.endswith(".html"):
        start, end = text.index("<style>") + len("<style>"), text.index("</style>")
        golden("page.css", text[start:end])
        text = text[:start] + "/* tests/golden/page.css */" + text[end:]
    path = golden_dir / name
    if update:
        path.write_text(text, encoding="utf-8")
        return
    want = path.read_text(encoding="utf-8") if path.exists() else None
    if want != text:
        (pathlib.Path(tmp) / name).write_text(text, encoding="utf-8")
        check(False, f"{name} differs from the golden: diff -u {path} {pathlib.Path(tmp) / name}")
    else:
        check(True, name)


def git(repo, *args):
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout.strip()


tmp = tempfile.mkdtemp(prefix="quarter-fr-")
repo = pathlib.Path(tmp) / "repo"
subprocess.run([sys.executable, source / "tests/data/quarter-fr/quarter.py", repo], check=True)
commits = {line.split(" ", 1)[1]: line.split(" ", 1)[0]
           for line in git(repo, "log", "--format=%h %ad", "--date=short").splitlines()}

# The roadmap as it stands at the end lints clean.
r = run(repo, "lint", "roadmap")
check(r.stdout.endswith("0 errors, 0 warnings in 8 files\n"), f"lint at the end: {r.stdout}")

# The whole quarter: the recap and the diff from the plan to the end, in English (the roadmap
# sets no language) and in French (--lang fr: quarter-fr-fr-*, the same figures).
for lang, prefix in (([], "quarter-fr"), (["--lang", "fr"], "quarter-fr-fr")):
    golden(f"{prefix}-recap.md", run(repo, "recap", "roadmap", "--at", "HEAD", *lang).stdout)
    golden(f"{prefix}-recap.html", run(repo, "recap", "roadmap", "--at", "HEAD", "--format", "html", *lang).stdout)
    golden(f"{prefix}-diff.txt", run(repo, "diff", commits["2026-09-30"], "HEAD", "roadmap", *lang).stdout)
    golden(f"{prefix}-diff.md",
           run(repo, "diff", commits["2026-09-30"], "HEAD", "roadmap", "--format", "markdown", *lang).stdout)
# A file that did not parse is named with its line in French too, but its cause is a lint message,
# in English: the French recap points to `boussole lint` instead of quoting it.
r = run(repo, "recap", "roadmap", "--at", "HEAD", "--lang", "fr").stdout
check("ligne 9, colonne 1 (`boussole lint` sur ce commit en donne la cause)" in r and "merge-conflict" not in r,
      f"the French recap's note on the unreadable file: {r}")
check("merge-conflict marker" in run(repo, "recap", "roadmap", "--at", "HEAD").stdout,
      "the English recap quotes the cause")
# JSON is for programs: the same bytes whatever the language.
check(run(repo, "diff", commits["2026-09-30"], "HEAD", "roadmap", "--format", "json", "--lang", "fr").stdout ==
      run(repo, "diff", commits["2026-09-30"], "HEAD", "roadmap", "--format", "json").stdout, "diff --format json --lang fr")

# The commit that does not parse is never read as deletions: diff names the file and line.
r = run(repo, "diff", commits["2026-11-02"], commits["2026-11-05"], "roadmap", expect=1)
check("roadmap/streams/devis.yaml:" in r.stderr and "removed" not in r.stdout,
      f"diff over the broken commit: {r.stdout}{r.stderr}")

# The weekly report of 2026-11-27, read on the roadmap as committed on 2026-11-24.
git(repo, "checkout", "-q", commits["2026-11-24"])
for audience in ("team", "leadership"):
    golden(f"quarter-fr-report-{audience}.md",
           run(repo, "report", "roadmap", "--as-of", "2026-11-27", "--audience", audience).stdout)
    golden(f"quarter-fr-fr-report-{audience}.md",
           run(repo, "report", "roadmap", "--as-of", "2026-11-27", "--audience", audience, "--lang", "fr").stdout)
    # issue 15: the dashboard, with its charts drawn from this history (trends, burn-up).
    golden(f"quarter-fr-report-{audience}.html",
           run(repo, "report", "roadmap", "--as-of", "2026-11-27", "--audience", audience, "--format", "html").stdout)
    golden(f"quarter-fr-fr-report-{audience}.html",
           run(repo, "report", "roadmap", "--as-of", "2026-11-27", "--audience", audience, "--format", "html",
               "--lang", "fr").stdout)
git(repo, "checkout", "-q", "main")

# Changes and trends (issue 14, item 1), each figure checked by hand against quarter.py's values
# (tests/data/quarter-fr/README.md): the last three cells of each key result's row are its change
# since the last check-in, since the point named at the top, and its trend since the plan of 09-30.
def trend_cells(text):
    out = {}
    for row in text.splitlines():
        for kr in ("delai-devis", "nps-interne", "completude-crm", "delai-lead"):
            # The scorecard's row: the first to name it (the at-risk table comes later).
            if row.startswith("| ") and f"({kr})" in row and kr not in out:
                out[kr] = tuple(c.strip() for c in row.strip("| ").split(" | ")[-3:])
    return out


def check_trends(text, header, north_star, expected, what):
    check(f"- **Changes since:** {header}\n" in text, f"{what}: the since point: {text}")
    check(north_star in text, f"{what}: the North Star's changes: {north_star}")
    got = trend_cells(text)
    for kr, cells in expected.items():
        check(got.get(kr) == cells, f"{what}: {kr}: {got.get(kr)}, expected {cells}")


# As of 11-27 on the files of 11-24, a week before is 11-20: the commit of that day. Check-ins:
# delai-devis 5 → 4 on 11-06 (−1: it must go down, so better), nps-interne 20 → 26 on 11-02,
# completude-crm 72 → 78 on 11-24 (and 72 at 11-20: +6 since too), delai-lead 12 → 9 on 11-16,
# the North Star 101,000 → 104,000 on 11-16. Trends, each block (v − min) / (max − min) × 7
# rounded: completude 62 64 68 72 78 → 0 0.9 2.6 4.4 7 → ▁▂▄▅█; delai-lead 26 22 12 9 → 7 5.4
# 1.2 0 → █▆▂▁; North Star 96,000 101,000 104,000 → 0 4.4 7 → ▁▅█.
git(repo, "checkout", "-q", commits["2026-11-24"])
check_trends(run(repo, "report", "roadmap", "--as-of", "2026-11-27").stdout,
             f"commit {commits['2026-11-20']} of 2026-11-20, the last one on or before 2026-11-20 (a week before "
             "the report date)",
             "Since its last check-in: +3000 EUR (better); since 2026-11-20: unchanged; trend over the period: ▁▅█.",
             {"delai-devis": ("−1 jours (better)", "unchanged", "█▁"),
              "nps-interne": ("+6 points (better)", "unchanged", "▁█"),
              "completude-crm": ("+6% (better)", "+6% (better)", "▁▂▄▅█"),
              "delai-lead": ("−3 heures (better)", "unchanged", "█▆▂▁")}, "report of 11-27")
git(repo, "checkout", "-q", "main")
# As of 12-18 at the end, a week before is 12-11: the last commit by then is 12-04's. Since it:
# delai-devis 4 → 3, nps-interne 31 → 31 (its check-in, 26 → 31, was on 12-01), completude-crm
# 78 → 84, delai-lead 9 → 6, the North Star 104,000 → 109,000. Trends: delai-devis 5 4 3 →
# █▅▁ (3.5 rounds up); nps 20 26 31 → 0 3.8 7 → ▁▅█; completude 62 64 68 72 78 84 → 0 0.6 1.9
# 3.2 5.1 7 → ▁▂▃▄▆█; delai-lead 26 22 12 9 6 → 7 5.6 2.1 1.05 0 → █▇▃▂▁; North Star 96,000
# 101,000 104,000 109,000 → 0 2.7 4.3 7 → ▁▄▅█.
check_trends(run(repo, "report", "roadmap", "--as-of", "2026-12-18").stdout,
             f"commit {commits['2026-12-04']} of 2026-12-04, the last one on or before 2026-12-11 (a week before "
             "the report date)",
             "Since its last check-in: +5000 EUR (better); since 2026-12-04: +5000 EUR (better); trend over the "
             "period: ▁▄▅█.",
             {"delai-devis": ("−1 jours (better)", "−1 jours (better)", "█▅▁"),
              "nps-interne": ("+5 points (better)", "unchanged", "▁▅█"),
              "completude-crm": ("+6% (better)", "+6% (better)", "▁▂▃▄▆█"),
              "delai-lead": ("−3 heures (better)", "−3 heures (better)", "█▇▃▂▁")}, "report of 12-18")
# The whole quarter, --since a date: the last commit on or before 10-01 is the plan of 09-30.
# In French: numbers grouped by a narrow no-break space, a no-break space before %.
r = run(repo, "report", "roadmap", "--as-of", "2026-12-18", "--since", "2026-10-01", "--lang", "fr").stdout
check(f"- **Évolutions depuis\u00a0:** le commit {commits['2026-09-30']} du 30 septembre 2026, dernier commit au "
      "1er octobre 2026 ou avant (--since)\n" in r, f"--since 2026-10-01 --lang fr: the point: {r}")
check("depuis le 30 septembre 2026\u00a0: +13\u202f000 EUR (en progrès)" in r, "the North Star since the plan, in French")
got = trend_cells(r)
for kr, cell in {"delai-devis": "−2 jours (en progrès)", "nps-interne": "+11 points (en progrès)",
                 "completude-crm": "+22\u00a0% (en progrès)", "delai-lead": "−20 heures (en progrès)"}.items():
    check(got.get(kr, ("", "", ""))[1] == cell, f"--since 2026-10-01 --lang fr: {kr}: {got.get(kr)}, expected {cell}")
# --since a commit after the report date, or a date before the first commit: exit 2, naming it.
r = run(repo, "report", "roadmap", "--as-of", "2026-11-27", "--since", commits["2026-12-04"], expect=2)
check(f"--since '{commits['2026-12-04']}' is commit {commits['2026-12-04']} of 2026-12-04, after the report date" in r.stderr,
      f"--since after the report date: {r.stderr}")
r = run(repo, "report", "roadmap", "--as-of", "2026-11-27", "--since", "2026-09-01", expect=2)
check(f"history starts with commit {commits['2026-09-30']} of 2026-09-30" in r.stderr, f"--since too early: {r.stderr}")

# The same date on the roadmap of the end: values committed later are not dated by the report.
r = run(repo, "report", "roadmap", "--as-of", "2026-11-27")
# The Last check-in column, before the three of changes and trends.
cells = [row.split(" | ")[-4] for row in r.stdout.split("\n## At risk")[0].splitlines()
         if row.startswith("| ") and ("(delai-" in row or "(nps-" in row or "(completude-" in row)
         and " | Baseline | " not in row and len(row.split(" | ")) == 13]  # the scorecard's rows (with changes and trends), not the metrics'
check(len(cells) == 4 and all(c.startswith("not committed by the report date") for c in cells),
      f"report --as-of 2026-11-27 on the end's files: last check-ins {cells}")
check("last check-in not committed by the report date" in r.stdout, "the North Star's check-in after the report date")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
