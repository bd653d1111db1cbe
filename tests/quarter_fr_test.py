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
git(repo, "checkout", "-q", "main")

# The same date on the roadmap of the end: values committed later are not dated by the report.
r = run(repo, "report", "roadmap", "--as-of", "2026-11-27")
cells = [row.split(" | ")[-1].rstrip(" |") for row in r.stdout.splitlines()
         if row.startswith("| ") and ("(delai-" in row or "(nps-" in row or "(completude-" in row)
         and " | Baseline | " not in row and len(row.split(" | ")) == 10]  # the scorecard's rows, not the metrics'
check(len(cells) == 4 and all(c.startswith("not committed by the report date") for c in cells),
      f"report --as-of 2026-11-27 on the end's files: last check-ins {cells}")
check("last check-in not committed by the report date" in r.stdout, "the North Star's check-in after the report date")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
