#!/usr/bin/python3
"""Writes every page of the HTML dashboard from the shipped examples, for the tests with real
consumers (html_test.py, chromium_test.py) and the benchmark (bench/dashboard).

Each example (examples/revops in English, examples/revops-fr in French) is committed in a git
repository of its own as the plan of 2026-09-30, then the quarter the `history` suite's golden
recap-revops-fr.md scripts (tests/messages_test.cpp): a due date slips two weeks (10-20), a weekly
check-in (11-06), an epic done and a target moved (11-20), an epic added (12-01). On it:
`report --format html` for each audience (team, leadership, sellers) as of 2026-12-04, and
`recap --format html --at HEAD`. Dates, authors and time zone are fixed, so the bytes are stable.
A third quarter, "hostile", is the English one whose plan has words that try to break out of the
page (HOSTILE below): its pages must pass the same checks.

usage: html_pages.py BOUSSOLE SOURCE_DIR OUT_DIR [--format html|markdown]
Writes OUT_DIR/{revops,revops-fr,hostile}-{team,leadership,sellers,recap,digest}.{html|md} (the
digest's page is the HTML part of its e-mail, also kept whole as .eml) (and the
repositories in OUT_DIR/repos); prints the pages' paths. Each page is written a second time with
another time zone and locale, and must be the same bytes.
"""
import email
import email.policy
import os
import pathlib
import shutil
import subprocess
import sys

AS_OF = "2026-12-04"
AUDIENCES = ("team", "leadership", "sellers")
ENV = dict(os.environ, GIT_AUTHOR_NAME="Camille Martin", GIT_AUTHOR_EMAIL="camille.martin@example.com",
           GIT_COMMITTER_NAME="Camille Martin", GIT_COMMITTER_EMAIL="camille.martin@example.com",
           GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1", TZ="UTC", LC_ALL="C")

# The quarter, per example: (date, message, [(file, from, to), ...]); the French one is
# messages_test.cpp's, the English one its translation on examples/revops's file names.
NEW_EPIC = ("    epics:\n",
            "    epics:\n      - id: {id}\n        title: {title}\n        owner: lea\n        status: in-progress\n"
            "        start: 2026-12-01\n        due: 2026-12-18\n        key_results: [{kr}]\n")
# The hostile quarter: the English example whose words try to break out of the page (markup in a
# title, a name and an update, CDATA and comment ends, a javascript: dashboard, which lint rejects
# but the report still reads, and a word too long for a phone).
HOSTILE = [
    ("streams/crm.yaml", "title: Deduplicate accounts across the three countries",
     "title: \"Dedup </title><script>alert(1)</script> & <svg onload=alert(2)> ]]> --> \\\"q\\\" 's\""),
    ("people.yaml", "name: Camille Martin", "name: \"Camille <img src=https://evil.example/p.png> Martin\""),
    ("metrics.yaml", "dashboard: https://bi.example.com/revops/arr-per-rep", "dashboard: \"javascript:alert(document.domain)\""),
    ("objectives.yaml", "title: Median quote turnaround",
     "title: Median quote turnaround (Angebotsdurchlaufzeitmedianberechnungsverfahrensüberarbeitungskommission)"),
    ("streams/routing.yaml", "update: \"Done: routing matrix and assignment rules. Next: round-robin inside each team.\"",
     "update: \"<style>@import url(https://evil.example/x.css)</style><a href=javascript:alert(3)>Done</a> &amp; &lt;next&gt;\""),
]
QUARTERS = {
    "revops": ("en", [
        ("2026-09-30", "Q4 plan", []),
        ("2026-10-20", "Routing: due date two weeks later",
         [("streams/routing.yaml", "due: 2026-11-13", "due: 2026-11-27")]),
        ("2026-11-06", "Weekly check-in: completeness 81%, 108,500 EUR per seller",
         [("objectives.yaml", "current: 74", "current: 81"), ("roadmap.yaml", "current: 104000", "current: 108500")]),
        ("2026-11-20", "Discount approval shipped; lead response target revised to 6 h",
         [("objectives.yaml", "target: 4\n", "target: 6\n"), ("streams/billing.yaml", "status: planned", "status: done")]),
        ("2026-12-01", "New epic: contact clean-up",
         [("streams/crm.yaml", NEW_EPIC[0], NEW_EPIC[1].format(id="contact-cleanup", title="Clean up contacts without an e-mail",
                                                             kr="crm-completeness"))]),
    ]),
    "revops-fr": ("fr", [
        ("2026-09-30", "Plan du T4", []),
        ("2026-10-20", "Routage : échéance repoussée de deux semaines",
         [("streams/routage.yaml", "due: 2026-11-13", "due: 2026-11-27")]),
        ("2026-11-06", "Point hebdo : complétude 81 %, 108 500 EUR par commercial",
         [("objectives.yaml", "current: 74", "current: 81"), ("roadmap.yaml", "current: 104000", "current: 108500")]),
        ("2026-11-20", "Validation des remises livrée ; cible du délai lead revue à 6 h",
         [("objectives.yaml", "target: 4\n", "target: 6\n"), ("streams/facturation.yaml", "status: planned", "status: done")]),
        ("2026-12-01", "Nouveau chantier : nettoyage des contacts",
         [("streams/crm.yaml", NEW_EPIC[0], NEW_EPIC[1].format(id="nettoyage-contacts",
                                                             title="Nettoyer les contacts sans e-mail", kr="completude-crm"))]),
    ]),
}
QUARTERS["hostile"] = ("en", [("2026-09-30", "Q4 plan, in hostile words", HOSTILE), *QUARTERS["revops"][1][1:]])
FOLDER = {"revops": "revops", "revops-fr": "revops-fr", "hostile": "revops"}


def git(repo, *args, date=None):
    env = dict(ENV)
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{date}T10:00:00+00:00"
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, stdout=subprocess.DEVNULL)


def script_quarter(source, example, repo):
    """The example committed as the plan, then its quarter; returns the repository."""
    if repo.exists():
        shutil.rmtree(repo)
    shutil.copytree(source / "examples" / FOLDER[example], repo / "roadmap")
    git(repo, "init", "-q", "-b", "main")
    for date, message, edits in QUARTERS[example][1]:
        for path, old, new in edits:
            f = repo / "roadmap" / path
            text = f.read_text(encoding="utf-8")
            if text.count(old) != 1:
                sys.exit(f"html_pages.py: examples/{FOLDER[example]}/{path}: expected one '{old.strip()}', found "
                         f"{text.count(old)} (the example changed: update QUARTERS)")
            f.write_text(text.replace(old, new), encoding="utf-8")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "--allow-empty", "-m", message, date=date)
    return repo


def pages(boussole, source, out, fmt="html", stable=False, quarters=tuple(QUARTERS)):
    """Writes every page; returns their paths. Exits naming the command on a failure."""
    out.mkdir(parents=True, exist_ok=True)
    ext = {"html": "html", "markdown": "md"}[fmt]
    written = []
    for example in quarters:
        lang = QUARTERS[example][0]
        repo = script_quarter(source, example, out / "repos" / example)
        commands = [(f"{example}-{a}", ["report", "roadmap", "--as-of", AS_OF, "--audience", a]) for a in AUDIENCES]
        commands.append((f"{example}-recap", ["recap", "roadmap", "--at", "HEAD"]))
        # issue 16: the digest's e-mail, whose HTML part is a page like the others (what a mail
        # reader shows); in Markdown, the digest itself.
        commands.append((f"{example}-digest", ["digest", "roadmap", "--as-of", AS_OF]))
        for name, args in commands:
            target = out / f"{name}.{ext}"
            mail = name.endswith("-digest") and fmt == "html"
            cmd = [boussole, *args, "--lang", lang, "--format", "email" if mail else fmt, "-o", str(target)]
            r = subprocess.run(cmd, cwd=repo, env=ENV, capture_output=True, text=True, timeout=120)
            if r.returncode != 0:
                sys.exit(f"html_pages.py: `boussole {' '.join(cmd[1:])}` in {repo}: exit {r.returncode}\n{r.stderr}")
            if mail:
                message = email.message_from_bytes(target.read_bytes(), policy=email.policy.default)
                html = [p for p in message.iter_parts() if p.get_content_type() == "text/html"]
                if len(html) != 1:
                    sys.exit(f"html_pages.py: the digest's e-mail in {repo} has no HTML part")
                target.with_suffix(".eml").write_bytes(target.read_bytes())
                target.write_text(html[0].get_content(), encoding="utf-8")
            if stable:
                # The same bytes 14 hours east of UTC (the commits of 10:00 UTC fall on the next
                # day there), in another locale, with the output on standard output.
                other = dict(ENV, TZ="Pacific/Kiritimati", LC_ALL="C.UTF-8", LANG="fr_FR.UTF-8")
                again = subprocess.run(cmd[:-2], cwd=repo, env=other, capture_output=True, timeout=120)
                written_bytes = target.with_suffix(".eml").read_bytes() if mail else target.read_bytes()
                if again.returncode != 0 or again.stdout != written_bytes:
                    sys.exit(f"html_pages.py: `boussole {' '.join(cmd[1:-2])}` in {repo} writes other bytes with "
                             f"TZ=Pacific/Kiritimati and LC_ALL=C.UTF-8 (exit {again.returncode}): "
                             "the output must not depend on the machine")
            written.append(target)
    return written


def main(argv):
    if len(argv) not in (4, 6) or (len(argv) == 6 and argv[4] != "--format"):
        print(__doc__, file=sys.stderr)
        return 2
    fmt = argv[5] if len(argv) == 6 else "html"
    for path in pages(os.path.abspath(argv[1]), pathlib.Path(argv[2]).resolve(), pathlib.Path(argv[3]).resolve(), fmt,
                      stable=True):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
