#!/usr/bin/env python3
"""The Monday digest (issue 16) over the French team's scripted quarter (tests/data/quarter-fr):
five Mondays inside the quarter, one on a variant branch of December (a task due and one overdue, a
stale update, blocked epics, a key result without a value, a value moving the wrong way) and one
after a gap with no commit, each run on the roadmap as committed by that day, in French and
English. Every item of every person's section and every team change is the one worked out by hand
in tests/data/quarter-fr/README.md ("The digest, checked by hand"): right people, right items,
nothing else. The Markdown of each Monday and, for
2026-11-30, the text, Slack and e-mail formats are compared with tests/golden/digest-quarter-fr-*;
every Slack payload goes through tests/tools/slack_check.py (with its mentions checked) and every
e-mail through tests/tools/mail_check.py (To, From, Subject), whose HTML part lands in
BUILD/screenshots/ for a person to open. Everything is run twice, under TZ=Pacific/Kiritimati
LC_ALL=fr_FR.UTF-8 and under the default environment, and must be the same bytes.
BOUSSOLE_UPDATE_GOLDEN=1 rewrites the goldens instead.

usage: digest_quarter_test.py BOUSSOLE SOURCE_DIR BUILD_DIR
"""
import datetime
import importlib.util
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

boussole, source, build = (os.path.abspath(sys.argv[1]), pathlib.Path(sys.argv[2]).resolve(),
                           pathlib.Path(sys.argv[3]).resolve())
golden_dir = source / "tests" / "golden"
tools = source / "tests" / "tools"
update = os.environ.get("BOUSSOLE_UPDATE_GOLDEN") == "1"
base_env = dict(os.environ, GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1")
for k in ("LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LC_NUMERIC", "LC_TIME", "TZ"):
    base_env.pop(k, None)
passed = failed = 0
tmp = pathlib.Path(tempfile.mkdtemp(prefix="digest-quarter-"))


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {what}")


# The other environment: a time zone 14 hours ahead of UTC (where Monday starts on Sunday at 10:00
# UTC) and a French locale, built into a private LOCPATH when the machine has none.
odd_env = dict(base_env, TZ="Pacific/Kiritimati", LC_ALL="fr_FR.UTF-8")
if "fr_FR.utf8" not in subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split():
    locpath = tmp / "locales"
    locpath.mkdir()
    made = shutil.which("localedef") and subprocess.run(
        ["localedef", "-i", "fr_FR", "-f", "UTF-8", str(locpath / "fr_FR.UTF-8")], capture_output=True).returncode in (0, 1)
    if made and (locpath / "fr_FR.UTF-8").exists():
        odd_env["LOCPATH"] = str(locpath)
    else:
        print("note: no fr_FR.UTF-8 locale here and none could be built: the second run differs by TZ only")


def run(repo, *args, env=None):
    """boussole's output under both environments: they must be the same bytes."""
    outs = []
    for e in (base_env, odd_env) if env is None else (env,):
        r = subprocess.run([boussole, *args], cwd=repo, env=e, capture_output=True)
        check(r.returncode == 0, f"boussole {' '.join(args)}: exit {r.returncode}\n{r.stderr.decode()}")
        outs.append(r.stdout)
    check(all(o == outs[0] for o in outs), f"boussole {' '.join(args)}: TZ=Pacific/Kiritimati LC_ALL=fr_FR.UTF-8 "
          "changes the bytes")
    return outs[0].decode("utf-8")


def golden(name, text):
    path = golden_dir / name
    if update:
        path.write_bytes(text.encode("utf-8"))
        return
    want = path.read_bytes().decode("utf-8") if path.exists() else None
    if want != text:
        (tmp / name).write_bytes(text.encode("utf-8"))
        check(False, f"{name} differs from the golden: diff -u {path} {tmp / name}")
    else:
        check(True, name)


def git(repo, *args):
    return subprocess.run(["git", *args], cwd=repo, env=dict(base_env, TZ="UTC"), check=True, capture_output=True,
                          text=True).stdout.strip()


def sections(markdown):
    """{heading: [item, ...]} of the `## ` sections, in order; an item is a `- ` line without its dash."""
    out, current = {}, None
    for line in markdown.splitlines():
        if line.startswith("## "):
            current = line[3:]
            out[current] = []
        elif line.startswith("# "):
            current = None
        elif current is not None and line.startswith("- "):
            out[current].append(line[2:])
    return out


repo = tmp / "repo"
subprocess.run([sys.executable, source / "tests/data/quarter-fr/quarter.py", repo], check=True)
commits = {line.split(" ", 1)[1]: line.split(" ", 1)[0]
           for line in git(repo, "log", "--format=%h %ad", "--date=short").splitlines()}


def commit_by(day):
    """The last commit on or before `day`: the roadmap as it stood that Monday."""
    return commits[max(d for d in commits if d <= day)]


# The quarter has no task with a due date, no written update, nothing blocked, no key result
# without a value and no value moving the wrong way: a variant branch from the commit of 11-24
# (README.md, "A variant of December") has them, with quarter.py's own helpers.
spec = importlib.util.spec_from_file_location("quarter", source / "tests/data/quarter-fr/quarter.py")
quarter = importlib.util.module_from_spec(spec)
spec.loader.exec_module(quarter)
git(repo, "checkout", "-q", "-b", "variante", commits["2026-11-24"])
quarter.replace(repo, "streams/devis.yaml", "        key_results: [nps-interne]\n",
                "        key_results: [nps-interne]\n"
                "        update: \"Maquette des alertes validée avec deux commerciaux\"\n"
                "        tasks:\n"
                "          - {title: \"Liste des contrats à 90 jours\", status: todo, due: 2026-12-16}\n"
                "          - {title: \"Modèle d'e-mail d'alerte\", owner: theo, status: todo, due: 2026-12-10}\n")
quarter.replace(repo, "objectives.yaml", "      - id: delai-lead\n",
                "      - id: taux-conversion\n"
                "        title: Leads convertis en opportunités\n"
                "        metric: completude-crm\n"
                "        unit: \"%\"\n"
                "        baseline: 12\n"
                "        target: 18\n"
                "      - id: delai-lead\n")
quarter.git(repo, "add", "-A")
quarter.git(repo, "commit", "-q", "-m", "Variante : mise à jour, tâches datées, nouveau résultat clé", date="2026-11-25")
quarter.replace(repo, "streams/routage.yaml", "        status: planned\n        priority: P2",
                "        status: blocked\n        priority: P2")
quarter.replace(repo, "streams/routage.yaml", "        due: 2026-11-27", "        due: 2026-12-18")
quarter.replace(repo, "streams/run.yaml", "        status: planned\n", "        status: blocked\n")
quarter.kr(repo, "objectives.yaml", "- id: completude-crm", 75)
quarter.git(repo, "add", "-A")
quarter.git(repo, "commit", "-q", "-m", "Variante : scoring et signature bloqués, complétude en recul", date="2026-12-09")
git(repo, "checkout", "-q", "main")


HELENE, THEO, INES, LOUIS = "Hélène Laurent", "Théo Lefèvre", "Inès Moreau", "Louis Girard"
SLACK = {HELENE: "<@U0HELENE1>", THEO: "<@U0THEO002>", INES: "<@U0INES003>", LOUIS: "Louis Girard"}
EMAIL = {HELENE: "helene.laurent@example.fr", THEO: "theo.lefevre@example.fr", INES: "ines.moreau@example.fr",
         LOUIS: "louis.girard@example.fr"}
NS = "the North Star, CA annuel signé par commercial"
DEVIS = "Délai médian d'envoi d'un devis (delai-devis)"
NPS = "NPS interne : les commerciaux recommandent RevOps (nps-interne)"
COMPLETUDE = "Opportunités ouvertes complètes (completude-crm)"
LEAD = "Délai de premier contact d'un lead (delai-lead)"
EVERY = "every 14 days"
MONTHLY = "monthly (31 days)"

# What each Monday's digest must say, worked out by hand in tests/data/quarter-fr/README.md: per
# person, every item in order (overdue, blocked, due, check-ins, stale updates); the team's changes;
# the since point's commit date. Nobody else has a section.
MONDAYS = {
    "2026-10-19": {
        "people": {
            HELENE: [f"**Check-in late:** {NS}: last check-in 2026-09-30, 19 days ago, {EVERY}"],
            THEO: ["**Due this week:** Dédoublonnage : comptes France, Royaume-Uni et États-Unis (dedoublonnage): "
                   "due 2026-10-23, in 4 days",
                   f"**Check-in due:** {COMPLETUDE}: last check-in 2026-10-09, {EVERY}: measure it again by 2026-10-23"],
            INES: [f"**Check-in due:** {LEAD}: last check-in 2026-10-09, {EVERY}: measure it again by 2026-10-23"],
            LOUIS: [f"**Check-in late:** {DEVIS}: last check-in 2026-09-30, 19 days ago, {EVERY}"],
        },
        "since": "2026-10-09",
        "changes": [],  # a task done on 10-16 is no change of an epic: "Nothing changed."
    },
    "2026-11-02": {
        "people": {
            THEO: [f"**Check-in due:** {COMPLETUDE}: last check-in 2026-10-23, {EVERY}: measure it again by 2026-11-06"],
            LOUIS: ["**Due this week:** Modèles de devis CPQ (remises et validations) (modeles-cpq): due 2026-11-06, "
                    "in 4 days",
                    f"**Check-in late:** {DEVIS}: last check-in 2026-09-30, 33 days ago, {EVERY}"],
        },
        "since": "2026-10-23",
        "changes": [
            f"**Done:** Routage des leads entrants en moins d'une heure (routage-leads) — {INES}",
            f"**Slipped:** Scoring des leads \\#priorité (scoring-leads) — {INES}: due 2026-11-13 → 2026-11-27 "
            "(+14 days)",
            f"**Moved:** {NPS}: 20 points → 26 points (+6 points, better)",
            f"**Moved:** {LEAD}: 22 heures → 12 heures (−10 heures, better)",
            f"**Moved:** {NS}: 96,000 EUR → 101,000 EUR (+5000 EUR, better)",
        ],
    },
    "2026-11-09": {
        "people": {
            THEO: [f"**Check-in late:** {COMPLETUDE}: last check-in 2026-10-23, 17 days ago, {EVERY}"],
            INES: [f"**Check-in due:** {LEAD}: last check-in 2026-10-29, {EVERY}: measure it again by 2026-11-12"],
        },
        "since": "2026-11-02",
        "changes": [
            f"**Done:** Modèles de devis CPQ (remises et validations) (modeles-cpq) — {LOUIS}",
            f"**Moved:** {DEVIS}: 5 jours → 4 jours (−1 jours, better)",
        ],
    },
    "2026-11-23": {
        "people": {
            THEO: ["**Overdue:** Champs obligatoires à chaque étape de l'opportunité (champs-obligatoires): "
                   "due 2026-11-20, 3 days late"],
            INES: ["**Due this week:** Scoring des leads \\#priorité (scoring-leads): due 2026-11-27, in 4 days"],
        },
        "since": "2026-11-16",
        "changes": [
            f"**Added:** Alertes de renouvellement à 90 jours (alertes-renouvellement) — {LOUIS}",
            f"**Dropped:** Territoires 2027 : le modèle dans le CRM (modele-territoires) — {HELENE}: Reporté à 2027 : "
            "validation des pays attendue en janvier",
        ],
    },
    "2026-11-30": {
        "people": {
            HELENE: [f"**Check-in due:** {NS}: last check-in 2026-11-16, {EVERY}: measure it again by 2026-11-30",
                     f"**Check-in due:** {NPS}: last check-in 2026-11-02, {MONTHLY}: measure it again by 2026-12-03"],
            INES: ["**Overdue:** Scoring des leads \\#priorité (scoring-leads): due 2026-11-27, 3 days late",
                   f"**Check-in due:** {LEAD}: last check-in 2026-11-16, {EVERY}: measure it again by 2026-11-30"],
            LOUIS: ["**Due this week:** Signature → facturation : plus de ressaisie (signature-facturation): "
                    "due 2026-12-04, in 4 days"],
        },
        "since": "2026-11-23",
        "changes": [
            f"**Done:** Champs obligatoires à chaque étape de l'opportunité (champs-obligatoires) — {THEO}",
            f"**Moved:** {COMPLETUDE}: 72% → 78% (+6%, better)",
        ],
    },
    # On the variant branch (README.md, "A variant of December").
    "2026-12-14": {
        "branch": "variante",
        "people": {
            HELENE: [f"**Check-in late:** {NS}: last check-in 2026-11-16, 28 days ago, {EVERY}",
                     f"**Check-in late:** {NPS}: last check-in 2026-11-02, 42 days ago, {MONTHLY}"],
            THEO: ["**Overdue:** task “Modèle d'e-mail d'alerte” of Alertes de renouvellement à 90 jours "
                   "(alertes-renouvellement): due 2026-12-10, 4 days late",
                   "**Check in:** Leads convertis en opportunités (taux-conversion): no current value yet: enter the "
                   "first measure"],
            INES: ["**Blocked:** Scoring des leads \\#priorité (scoring-leads): due 2026-12-18, in 4 days",
                   f"**Check-in late:** {LEAD}: last check-in 2026-11-16, 28 days ago, {EVERY}"],
            LOUIS: ["**Overdue:** Signature → facturation : plus de ressaisie (signature-facturation): due 2026-12-04, "
                    "10 days late, and blocked",
                    "**Due this week:** task “Liste des contrats à 90 jours” of Alertes de renouvellement à 90 jours "
                    "(alertes-renouvellement): due 2026-12-16, in 2 days",
                    "**Due this week:** Alertes de renouvellement à 90 jours (alertes-renouvellement): due 2026-12-18, "
                    "in 4 days",
                    f"**Check-in late:** {DEVIS}: last check-in 2026-11-23, 21 days ago, {EVERY}",
                    "**Update stale:** Alertes de renouvellement à 90 jours (alertes-renouvellement): its written "
                    "update last changed 2026-11-25, 19 days ago, more than 14 days: say where it stands"],
        },
        "since": "2026-11-25",
        "changes": [
            f"**Slipped:** Scoring des leads \\#priorité (scoring-leads) — {INES}: due 2026-11-27 → 2026-12-18 "
            "(+21 days)",
            f"**Moved:** {COMPLETUDE}: 78% → 75% (−3%, worse)",
        ],
    },
    # After the quarter, 17 days after the last commit: the roadmap has gone stale.
    "2027-01-04": {
        "people": {
            HELENE: [f"**Check-in late:** {NS}: last check-in 2026-12-18, 17 days ago, {EVERY}",
                     f"**Check-in late:** {NPS}: last check-in 2026-12-01, 34 days ago, {MONTHLY}"],
            THEO: [f"**Check-in late:** {COMPLETUDE}: last check-in 2026-12-18, 17 days ago, {EVERY}"],
            INES: [f"**Check-in late:** {LEAD}: last check-in 2026-12-18, 17 days ago, {EVERY}"],
            LOUIS: ["**Overdue:** Signature → facturation : plus de ressaisie (signature-facturation): due 2026-12-04, "
                    "31 days late",
                    "**Overdue:** Alertes de renouvellement à 90 jours (alertes-renouvellement): due 2026-12-18, "
                    "17 days late",
                    f"**Check-in late:** {DEVIS}: last check-in 2026-12-18, 17 days ago, {EVERY}"],
        },
        "since": "2026-12-18",
        "changes": [],
        "stale": ("> No commit has changed this roadmap since 2026-12-18 (commit {commit}): 17 days, more than the 14 "
                  "of roadmap.report.stale_after_days, so what it says may be out of date. Its champion, "
                  "**Hélène Laurent**, keeps it current."),
        "stale_fr": ("> Aucun commit n’a modifié cette feuille de route depuis le 18 décembre 2026 (commit {commit})"
                     "\u00a0: 17\u00a0jours, au-delà des 14 de roadmap.report.stale_after_days, elle n’est donc "
                     "peut-être plus à jour. Sa tenue à jour revient à **Hélène Laurent**."),
    },
}

# The French words of each English label, for the French digests' sections.
LABELS_FR = {"**Check-in late:**": "**Relevé en retard\u00a0:**", "**Check-in due:**": "**Relevé à faire\u00a0:**",
             "**Due this week:**": "**À rendre cette semaine\u00a0:**", "**Overdue:**": "**En retard\u00a0:**",
             "**Done:**": "**Terminé\u00a0:**", "**Added:**": "**Ajouté\u00a0:**", "**Dropped:**": "**Abandonné\u00a0:**",
             "**Slipped:**": "**Repoussé\u00a0:**", "**Moved:**": "**Évolution\u00a0:**",
             "**Blocked:**": "**Bloqué\u00a0:**", "**Check in:**": "**Premier relevé\u00a0:**",
             "**Update stale:**": "**Mise à jour périmée\u00a0:**"}
SUBJECT_EN = "Revenue Operations (France, Royaume-Uni, États-Unis): the week of {0}"
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre"]


def fr_date(iso):
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{'1er' if d == 1 else d} {FR_MONTHS[m - 1]} {y}"


def subject_of(day, lang):
    return (SUBJECT_EN.format(day) if lang == "en" else
            f"Revenue Operations (France, Royaume-Uni, États-Unis)\u00a0: la semaine du {fr_date(day)}")


def check_markdown(day, lang, text, want):
    what = f"digest {day} --lang {lang}"
    # The week, Monday to Sunday, and the day of the quarter (1 October is day 1 of 92); after the
    # quarter, no day of it.
    monday = datetime.date.fromisoformat(day)
    sunday = (monday + datetime.timedelta(days=6)).isoformat()
    n = (monday - datetime.date(2026, 10, 1)).days + 1
    if lang == "en":
        week = f"- **Week:** {day} to {sunday}" + (f", day {n} of 92 of 2026-Q4" if n <= 92 else "")
    else:
        week = (f"- **Semaine\u00a0:** du {fr_date(day)} au {fr_date(sunday)}" +
                (f", jour {n} sur 92 du T4 2026" if n <= 92 else ""))
    check(week in text.splitlines(), f"{what}: the week's line, expected {week!r}")
    got = sections(text)
    since_heading = (f"What changed since {want['since']}" if lang == "en"
                     else f"Ce qui a changé depuis le {fr_date(want['since'])}")
    people = list(want["people"])
    # The right people in the people's order, then the team's changes, and nothing else.
    check(list(got) == people + [since_heading], f"{what}: sections {list(got)}, expected {people + [since_heading]}")
    for person, items in want["people"].items():
        if lang == "en":
            check(got.get(person) == items, f"{what}: {person}: {got.get(person)}, expected {items}")
        else:
            # The same items, in the same order, under the French labels, naming the same thing.
            mine = got.get(person, [])
            check(len(mine) == len(items), f"{what}: {person}: {len(mine)} items, expected {len(items)}: {mine}")
            for fr, en in zip(mine, items):
                label = en[:en.index("**", 2) + 2]
                ident = re.search(r"\(([a-z-]+)\)", en)
                check(fr.startswith(LABELS_FR[label] + " ") and
                      (ident.group(0) in fr if ident else "l’indicateur phare" in fr),
                      f"{what}: {person}: {fr!r} is not {en!r}")
    changes = got.get(since_heading)
    if lang == "en":
        check(changes == want["changes"], f"{what}: changes {changes}, expected {want['changes']}")
    else:
        check(changes is not None and len(changes) == len(want["changes"]),
              f"{what}: changes {changes}, expected {len(want['changes'])}")
        for fr, en in zip(changes or [], want["changes"]):
            label = en[:en.index("**", 2) + 2]
            ident = re.search(r"\(([a-z-]+)\)", en)
            check(fr.startswith(LABELS_FR[label] + " ") and (ident.group(0) in fr if ident else "l’indicateur phare" in fr),
                  f"{what}: change {fr!r} is not {en!r}")
    if not want["changes"]:
        nothing = "Nothing changed." if lang == "en" else "Rien n’a changé."
        check(f"\n## {since_heading}\n\n{nothing}\n" in text, f"{what}: no change should say so: {text}")
    stale = want.get("stale" if lang == "en" else "stale_fr")
    stale_lines = [line for line in text.splitlines() if line.startswith("> ")]
    if stale:
        check(stale_lines == [stale.format(commit=commits["2026-12-18"])],
              f"{what}: the stale roadmap's line {stale_lines}")
    else:
        check(stale_lines == [], f"{what}: no note expected, got {stale_lines}")


def check_slack(day, lang, payload, want, name):
    path = tmp / name
    path.write_text(payload, encoding="utf-8")
    r = subprocess.run([sys.executable, tools / "slack_check.py", str(path)], capture_output=True, text=True)
    check(r.returncode == 0, f"slack_check {name}: {r.stdout}{r.stderr}")
    message = json.loads(payload)
    headings = [b["text"]["text"].split("\n", 1)[0] for b in message["blocks"] if b["type"] == "section"]
    people = [f"*{SLACK[p]}*" for p in want["people"]]
    # Each person with something to do is mentioned by their member id, Louis (none) by name, in
    # the heading of their own section; nobody else is.
    check([h for h in headings if h in {f"*{m}*" for m in SLACK.values()}] == people,
          f"{name}: the people's headings {headings}, expected {people}")
    for p, mention in SLACK.items():
        if p not in want["people"] and mention.startswith("<@"):
            check(mention not in payload, f"{name}: {p} has nothing to do but is mentioned")
    check(message["text"] == subject_of(day, lang), f"{name}: the notification text {message['text']!r}")


def check_mail(day, lang, message, want, name):
    path = tmp / name
    path.write_bytes(message.encode("utf-8"))
    (build / "screenshots").mkdir(parents=True, exist_ok=True)
    html = build / "screenshots" / name.replace(".eml", ".html")
    args = [sys.executable, tools / "mail_check.py", "--from", f"{HELENE} <{EMAIL[HELENE]}>",
            "--subject-contains", subject_of(day, lang), "--write-html", str(html)]
    for p in want["people"]:
        args += ["--to", f"{p} <{EMAIL[p]}>"]
    r = subprocess.run([*args, str(path)], capture_output=True, text=True)
    check(r.returncode == 0, f"mail_check {name}: {r.stdout}{r.stderr}")


for day, want in MONDAYS.items():
    git(repo, "checkout", "-q", want["branch"] if "branch" in want else commit_by(day))
    for lang, suffix in (("fr", ""), ("en", "-en")):
        base = f"digest-quarter-fr-{day}{suffix}"
        md = run(repo, "digest", "roadmap", "--as-of", day, "--lang", lang)
        golden(f"{base}.md", md)
        check_markdown(day, lang, md, want)
        check_slack(day, lang, run(repo, "digest", "roadmap", "--as-of", day, "--lang", lang, "--format", "slack"),
                    want, f"{base}.json")
        mail = run(repo, "digest", "roadmap", "--as-of", day, "--lang", lang, "--format", "email")
        check_mail(day, lang, mail, want, f"{base}.eml")
        if day == "2026-11-30":
            golden(f"{base}.txt", run(repo, "digest", "roadmap", "--as-of", day, "--lang", lang, "--format", "text"))
            golden(f"{base}.json",
                   run(repo, "digest", "roadmap", "--as-of", day, "--lang", lang, "--format", "slack"))
            golden(f"{base}.eml", mail)
git(repo, "checkout", "-q", "main")

print(f"{passed} passed, {failed} failed")
if not failed:
    shutil.rmtree(tmp)
sys.exit(1 if failed else 0)
