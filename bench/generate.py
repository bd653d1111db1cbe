#!/usr/bin/env python3
"""Writes a large synthetic roadmap: N epics spread over F stream files (deterministic).

usage: bench/generate.py OUT_DIR [--epics 10000] [--files 200] [--unknown N] [--cycle]
The roadmap has no errors: it is meant to time the full rule set. (About a quarter of its epics
get a status-contradicts-tasks warning, a rule that came after it; left so figures stay comparable.)
The worst cases of the rules (issue 17): --unknown N makes N epics depend on an id nobody
declares (a typo of a real one, each different: unknown-reference searches every one for a
suggestion); --cycle makes every epic depend on the one before and the first on the last (one
cycle through all of them: dependency-cycle's largest component).
"""
import argparse
import os
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--epics", type=int, default=10000)
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--unknown", type=int, default=0)
    ap.add_argument("--cycle", action="store_true")
    a = ap.parse_args()
    rnd = random.Random(42)
    os.makedirs(os.path.join(a.out, "streams"), exist_ok=True)
    people = [f"person-{i:03}" for i in range(60)]
    krs = [f"kr-{i:03}" for i in range(100)]
    with open(os.path.join(a.out, "roadmap.yaml"), "w") as f:
        f.write(f"""roadmap:
  name: Synthetic roadmap ({a.epics} epics)
  team: Bench team
  period: 2026-Q4
  north_star: {{title: ARR per rep, metric: m-000, unit: EUR, baseline: 96000, target: 120000, current: 104000}}
  lint:
    themes: {{min: 3, max: {a.files + 1}}}
people:
""")
        for p in people:
            f.write(f"  - {{id: {p}, name: Person {p[-3:]}, role: Ops, email: {p}@example.com}}\n")
        f.write("metrics:\n")
        for i in range(20):
            f.write(f"  - {{id: m-{i:03}, name: Metric {i}, unit: '%', dashboard: https://bi.example.com/m/{i}}}\n")
        f.write("objectives:\n")
        for o in range(20):
            f.write(f"  - id: obj-{o:03}\n    title: Objective number {o}\n    owner: {people[o % 60]}\n    key_results:\n")
            for k in range(5):
                kr = krs[o * 5 + k]
                f.write(f"      - {{id: {kr}, title: Key result {kr}, metric: m-{(o + k) % 20:03}, unit: '%', "
                        f"baseline: {rnd.randint(10, 50)}, target: {rnd.randint(60, 95)}, current: {rnd.randint(10, 70)}}}\n")
    per_file = a.epics // a.files
    epic = 0
    for s in range(a.files):
        kind = "run" if s == 0 else "build"
        with open(os.path.join(a.out, "streams", f"stream-{s:04}.yaml"), "w") as f:
            f.write(f"x-defaults: &d {{owner: {people[s % 60]}, priority: P2}}\n")
            f.write(f"streams:\n  - id: stream-{s:04}\n    title: Theme number {s} of the synthetic plan\n"
                    f"    owner: {people[s % 60]}\n    kind: {kind}\n    epics:\n")
            for e in range(per_file):
                status = rnd.choice(["planned", "in-progress", "blocked", "done"])
                start = rnd.randint(1, 40)
                due = start + rnd.randint(5, 50)
                f.write(f"      - <<: *d\n        id: epic-{epic:06}\n        title: Epic {epic} of stream {s}\n"
                        f"        status: {status}\n        contributors: [{people[(epic + 1) % 60]}, {people[(epic + 7) % 60]}]\n"
                        f"        start: 2026-10-{start:02}\n" if start <= 31 else
                        f"      - <<: *d\n        id: epic-{epic:06}\n        title: Epic {epic} of stream {s}\n"
                        f"        status: {status}\n        contributors: [{people[(epic + 1) % 60]}, {people[(epic + 7) % 60]}]\n"
                        f"        start: 2026-11-{start - 31:02}\n")
                day = due
                month = 10
                for length in (31, 30):
                    if day > length:
                        day -= length
                        month += 1
                f.write(f"        due: 2026-{month:02}-{day:02}\n        key_results: [{krs[epic % 100]}]\n")
                if a.cycle:
                    f.write(f"        depends_on: [epic-{(epic - 1) % (per_file * a.files):06}]\n")
                elif epic < a.unknown:
                    f.write(f"        depends_on: [epic-{epic:06}x]\n")  # a typo: one letter too many
                elif epic > 0 and epic % 3 == 0:
                    f.write(f"        depends_on: [epic-{epic - 1:06}]\n")
                f.write("        deliverables: [A document, A dashboard]\n        tasks:\n")
                for t in range(3):
                    f.write(f"          - {{title: Task {t} of epic {epic}, owner: {people[(epic + t) % 60]}, "
                            f"status: {rnd.choice(['todo', 'doing', 'done'])}}}\n")
                epic += 1


if __name__ == "__main__":
    main()
