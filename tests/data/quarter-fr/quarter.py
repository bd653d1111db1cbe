#!/usr/bin/env python3
"""Scripts a quarter of history for the French roadmap beside this file.

usage: quarter.py DEST

Makes DEST a git repository whose first-parent history is the team's quarter, one commit per
week or event, each dated: slips, a drop, an addition, weekly key-result check-ins, a monthly
one, a file renamed, a commit whose file does not parse (merge-conflict markers) and an epic
moved into the run stream. The figures it leads to are checked by hand in README.md beside
this file; the `quarter-fr` test compares boussole's documents with goldens of them.
"""
import os
import pathlib
import shutil
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent


def git(dest, *args, date=None):
    env = dict(os.environ, GIT_AUTHOR_NAME="Hélène Laurent", GIT_AUTHOR_EMAIL="helene.laurent@example.fr",
               GIT_COMMITTER_NAME="Hélène Laurent", GIT_COMMITTER_EMAIL="helene.laurent@example.fr",
               GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1", TZ="UTC")
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{date}T10:00:00+00:00"
    subprocess.run(["git", *args], cwd=dest, env=env, check=True, stdout=subprocess.DEVNULL)


def replace(dest, path, old, new):
    f = dest / "roadmap" / path
    text = f.read_text(encoding="utf-8")
    if text.count(old) != 1:
        sys.exit(f"quarter.py: {path}: expected one '{old}', found {text.count(old)}")
    f.write_text(text.replace(old, new), encoding="utf-8")


def kr(dest, path, key_result, value):
    """Sets `current` of the key result (or the North Star) whose block starts with `key_result`."""
    f = dest / "roadmap" / path
    lines = f.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() == key_result)
    at = next(i for i in range(start, len(lines)) if lines[i].strip().startswith("current:"))
    indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
    lines[at] = f"{indent}current: {value}"
    f.write_text("\n".join(lines), encoding="utf-8")


def move_epic(dest, src, dst, epic, after):
    """Cuts the epic `epic` out of `src` and pastes it after the line `after` of `dst`."""
    s = dest / "roadmap" / src
    lines = s.read_text(encoding="utf-8").split("\n")
    first = lines.index(f"      - id: {epic}")
    end = first + 1
    while end < len(lines) and not lines[end].startswith("      - id: "):
        end += 1
    block = lines[first:end]
    while block and block[-1] == "":
        block.pop()
    del lines[first:end]
    s.write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8")
    d = dest / "roadmap" / dst
    text = d.read_text(encoding="utf-8")
    if text.count(after) != 1:
        sys.exit(f"quarter.py: {dst}: expected one '{after}'")
    d.write_text(text.replace(after, after + "\n" + "\n".join(block)), encoding="utf-8")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    dest = pathlib.Path(sys.argv[1])
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copytree(HERE / "roadmap", dest / "roadmap")
    git(dest, "init", "-q", "-b", "main")

    def commit(date, message):
        git(dest, "add", "-A")
        git(dest, "commit", "-q", "-m", message, date=date)

    commit("2026-09-30", "Plan du T4")

    replace(dest, "streams/crm.yaml", "        status: planned\n        priority: P0\n        start: 2026-10-01",
            "        status: in-progress\n        priority: P0\n        start: 2026-10-01")
    replace(dest, "streams/leads.yaml", "        status: planned\n        priority: P0",
            "        status: in-progress\n        priority: P0")
    replace(dest, "streams/devis.yaml", "        status: planned\n        priority: P1\n        start: 2026-10-05",
            "        status: in-progress\n        priority: P1\n        start: 2026-10-05")
    commit("2026-10-05", "Démarrage : dédoublonnage, routage et modèles CPQ")

    kr(dest, "objectives.yaml", "- id: completude-crm", 64)
    kr(dest, "objectives.yaml", "- id: delai-lead", 22)
    commit("2026-10-09", "Point hebdo : complétude 64 %, délai lead 22 h")

    replace(dest, "streams/crm.yaml", '{title: "Règles de rapprochement (SIREN, domaine)", status: todo}',
            '{title: "Règles de rapprochement (SIREN, domaine)", status: done}')
    commit("2026-10-16", "Règles de rapprochement livrées")

    replace(dest, "streams/crm.yaml", "        status: in-progress\n        priority: P0\n        start: 2026-10-01",
            "        status: done\n        priority: P0\n        start: 2026-10-01")
    replace(dest, "streams/crm.yaml", '{title: "Fusion de 1 800 comptes en double", status: todo}',
            '{title: "Fusion de 1 800 comptes en double", status: done}')
    replace(dest, "streams/crm.yaml", "        status: planned\n        priority: P0\n        start: 2026-10-19",
            "        status: in-progress\n        priority: P0\n        start: 2026-10-19")
    kr(dest, "objectives.yaml", "- id: completude-crm", 68)
    commit("2026-10-23", "Dédoublonnage terminé ; champs obligatoires démarrés")

    replace(dest, "streams/leads.yaml", "        status: in-progress\n        priority: P0", "        status: done\n        priority: P0")
    replace(dest, "streams/leads.yaml", "        due: 2026-11-13", "        due: 2026-11-27")
    kr(dest, "objectives.yaml", "- id: delai-lead", 12)
    commit("2026-10-29", "Routage livré ; le scoring glisse de deux semaines")

    kr(dest, "objectives.yaml", "- id: nps-interne", 26)
    kr(dest, "roadmap.yaml", "north_star:", 101000)
    replace(dest, "streams/crm.yaml", "        status: planned\n        priority: P2", "        status: in-progress\n        priority: P2")
    commit("2026-11-02", "NPS d'octobre : 26 ; territoires démarrés")

    good = (dest / "roadmap/streams/devis.yaml").read_text(encoding="utf-8")
    replace(dest, "streams/devis.yaml", "        status: in-progress\n        priority: P1\n        start: 2026-10-05",
            "<<<<<<< HEAD\n        status: in-progress\n=======\n        status: done\n>>>>>>> modeles-cpq\n"
            "        priority: P1\n        start: 2026-10-05")
    commit("2026-11-05", "Fusion de la branche modeles-cpq")

    (dest / "roadmap/streams/devis.yaml").write_text(good, encoding="utf-8")
    replace(dest, "streams/devis.yaml", "        status: in-progress\n        priority: P1\n        start: 2026-10-05",
            "        status: done\n        priority: P1\n        start: 2026-10-05")
    kr(dest, "objectives.yaml", "- id: delai-devis", 4)
    commit("2026-11-06", "Conflit résolu : modèles CPQ livrés")

    git(dest, "mv", "roadmap/streams/leads.yaml", "roadmap/streams/routage.yaml")
    commit("2026-11-09", "leads.yaml devient routage.yaml")

    move_epic(dest, "streams/devis.yaml", "streams/run.yaml", "signature-facturation", "    epics:")
    commit("2026-11-12", "La reprise signature → facturation passe au run")

    kr(dest, "objectives.yaml", "- id: completude-crm", 72)
    kr(dest, "objectives.yaml", "- id: delai-lead", 9)
    kr(dest, "roadmap.yaml", "north_star:", 104000)
    commit("2026-11-16", "Point hebdo : complétude 72 %, délai lead 9 h")

    replace(dest, "streams/crm.yaml", "        status: in-progress\n        priority: P2",
            "        status: dropped\n        dropped_reason: \"Reporté à 2027 : validation des pays attendue en janvier\"\n"
            "        priority: P2")
    commit("2026-11-19", "Territoires 2027 abandonnés pour ce trimestre")

    replace(dest, "streams/devis.yaml", "    epics:\n",
            "    epics:\n      - id: alertes-renouvellement\n        title: Alertes de renouvellement à 90 jours\n"
            "        owner: louis\n        status: in-progress\n        priority: P1\n        start: 2026-11-20\n"
            "        due: 2026-12-18\n        key_results: [nps-interne]\n\n")
    commit("2026-11-20", "Nouvel epic : alertes de renouvellement")

    replace(dest, "objectives.yaml", "        current: 4\n", "        current: 4\n        checked_on: 2026-11-23\n")
    commit("2026-11-23", "Point hebdo : délai devis toujours à 4 jours")

    replace(dest, "streams/crm.yaml", "        status: in-progress\n        priority: P0\n        start: 2026-10-19",
            "        status: done\n        priority: P0\n        start: 2026-10-19")
    kr(dest, "objectives.yaml", "- id: completude-crm", 78)
    commit("2026-11-24", "Champs obligatoires en production")

    kr(dest, "objectives.yaml", "- id: nps-interne", 31)
    commit("2026-12-01", "NPS de novembre : 31")

    replace(dest, "streams/routage.yaml", "        status: planned\n        priority: P2", "        status: done\n        priority: P2")
    commit("2026-12-04", "Scoring des leads livré")

    kr(dest, "objectives.yaml", "- id: delai-devis", 3)
    kr(dest, "objectives.yaml", "- id: completude-crm", 84)
    kr(dest, "objectives.yaml", "- id: delai-lead", 6)
    kr(dest, "roadmap.yaml", "north_star:", 109000)
    commit("2026-12-18", "Point hebdo : devis 3 j, complétude 84 %, délai lead 6 h")


if __name__ == "__main__":
    main()
