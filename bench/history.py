#!/usr/bin/env python3
"""Writes a git repository holding a roadmap with a long, realistic history (deterministic).

usage: bench/history.py OUT_DIR [--epics 200] [--commits 500] [--files 8] [--years 0]

The roadmap (roadmap/) starts with EPICS epics spread over FILES stream files (one stream per
file; --files 1 puts every stream in one file), plus roadmap.yaml with the North Star and 20
key results. Each of the COMMITS commits then makes one change an ops team makes: a status
moves on, a task is done, a due date slips, a key result is checked in, a target moves, an
epic is added or dropped or deleted, an epic moves to another stream. The commits are spread
from 2026-10-01 to 2026-12-31 (period 2026-Q4, so a recap reads every one of them), about one in ten is a merge of a short
branch, and one in twenty touches a file outside the roadmap. --years Y spreads the same commits
from Y years before 2026-10-01 to 2026-12-31 instead, as in a repository kept for years: the
quarter then holds only its share of them.

The repository is written with `git fast-import` (a benchmark tool, not boussole: boussole
itself reads git only through libgit2).
"""
import argparse
import os
import random
import subprocess

STATUSES = ["planned", "in-progress", "blocked", "done"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--epics", type=int, default=200)
    ap.add_argument("--commits", type=int, default=500)
    ap.add_argument("--files", type=int, default=8)
    ap.add_argument("--years", type=int, default=0, help="spread the commits over this many years before the quarter too")
    a = ap.parse_args()
    rnd = random.Random(7)
    people = [f"person-{i:02}" for i in range(12)]
    n_streams = 8
    streams = [{"id": f"stream-{s}", "title": f"Theme {s}", "kind": "run" if s == 0 else "build", "epics": []}
               for s in range(n_streams)]
    krs = [{"id": f"kr-{k:02}", "baseline": 10, "target": 50 + k, "current": 10 + k} for k in range(20)]
    north_star = {"current": 96000, "target": 120000}
    next_epic = 0

    def new_epic():
        nonlocal next_epic
        e = {"id": f"epic-{next_epic:04}", "title": f"Epic number {next_epic}", "owner": rnd.choice(people),
             "status": "planned", "due": rnd.randint(20, 90), "tasks": [False] * rnd.randint(1, 4),
             "kr": rnd.choice(krs)["id"], "dropped": None}
        next_epic += 1
        return e

    for _ in range(a.epics):
        rnd.choice(streams)["epics"].append(new_epic())

    def day(n):  # day n of the quarter (1 = 2026-10-01) as a date
        months = [(10, 31), (11, 30), (12, 31), (1, 31), (2, 28), (3, 31)]
        for i, (m, length) in enumerate(months):
            if n <= length:
                return f"{2026 if i < 3 else 2027}-{m:02}-{n:02}"
            n -= length
        return "2027-03-31"

    def roadmap_yaml():
        out = ["roadmap:", "  name: Benchmark roadmap", "  team: Bench ops", "  period: 2026-Q4",
               f"  north_star: {{title: ARR per rep, metric: m-0, unit: EUR, baseline: 90000, "
               f"target: {north_star['target']}, current: {north_star['current']}}}",
               "people:"]
        out += [f"  - {{id: {p}, name: Person {p[-2:]}}}" for p in people]
        out += ["metrics:", "  - {id: m-0, name: Metric, unit: '%'}", "objectives:"]
        for o in range(4):
            out += [f"  - id: obj-{o}", f"    title: Objective {o}", f"    owner: {people[o]}", "    key_results:"]
            for k in krs[o * 5:(o + 1) * 5]:
                out.append(f"      - {{id: {k['id']}, title: Key result {k['id']}, metric: m-0, "
                           f"baseline: {k['baseline']}, target: {k['target']}, current: {k['current']}}}")
        return "\n".join(out) + "\n"

    def stream_yaml(group):
        out = ["streams:"]
        for s in group:
            out += [f"  - id: {s['id']}", f"    title: {s['title']}", f"    owner: {people[0]}",
                    f"    kind: {s['kind']}", "    epics:"]
            for e in s["epics"]:
                out += [f"      - id: {e['id']}", f"        title: {e['title']}", f"        owner: {e['owner']}",
                        f"        status: {e['status']}", f"        due: {day(e['due'])}",
                        f"        key_results: [{e['kr']}]"]
                if e["dropped"]:
                    out.append(f"        dropped_reason: {e['dropped']}")
                out.append("        tasks:")
                for t, done in enumerate(e["tasks"]):
                    out.append(f"          - {{title: Task {t} of {e['id']}, status: {'done' if done else 'todo'}}}")
            if not s["epics"]:
                out[-1] = "    epics: []"
        return "\n".join(out) + "\n"

    def files():
        per = max(1, n_streams // max(1, a.files))
        out = {"roadmap/roadmap.yaml": roadmap_yaml()}
        for f in range(0, n_streams, per):
            out[f"roadmap/streams/part-{f // per:02}.yaml"] = stream_yaml(streams[f:f + per])
        return out

    def change():
        live = [(s, e) for s in streams for e in s["epics"]]
        kind = rnd.choices(["status", "task", "due", "checkin", "target", "add", "drop", "delete", "move"],
                           [25, 25, 12, 20, 2, 6, 3, 3, 4])[0]
        if kind == "checkin":
            k = rnd.choice(krs)
            k["current"] = min(k["target"], k["current"] + rnd.randint(1, 3))
            if rnd.random() < 0.2:
                north_star["current"] += 500
            return f"Check in {k['id']}"
        if kind == "target":
            k = rnd.choice(krs)
            k["target"] -= 2
            return f"Lower the target of {k['id']}"
        if kind == "add":
            s = rnd.choice(streams)
            s["epics"].append(new_epic())
            return f"Add {s['epics'][-1]['id']}"
        s, e = rnd.choice(live)
        if kind == "status":
            e["status"] = rnd.choice(STATUSES)
        elif kind == "task":
            e["tasks"][rnd.randrange(len(e["tasks"]))] = True
        elif kind == "due":
            e["due"] += rnd.randint(3, 14)
        elif kind == "drop":
            e["status"], e["dropped"] = "dropped", "Deprioritised by leadership"
        elif kind == "delete":
            s["epics"].remove(e)
        elif kind == "move":
            s["epics"].remove(e)
            rnd.choice(streams)["epics"].append(e)
        return f"{kind} {e['id']}"

    os.makedirs(a.out, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main", a.out], check=True)
    stream = []
    mark = 0
    previous = {}
    start = 1790856000  # 2026-10-01 12:00 UTC: every commit falls in the period, so a recap reads them all
    span = 91 * 86400  # to 2026-12-31
    start -= a.years * 365 * 86400  # --years: a repository kept for years, the quarter its last part
    span += a.years * 365 * 86400

    def emit(message, when, current, parents=(), ref="refs/heads/main", base=None):
        """A commit whose files are `current`, written as changes from `base` (its first parent's files)."""
        nonlocal mark
        base = previous if base is None else base
        mark += 1
        body = message.encode()
        stream.append(f"commit {ref}\nmark :{mark}\n".encode())
        stream.append(f"committer Bench <bench@example.com> {when} +0000\n".encode())
        stream.append(f"data {len(body)}\n".encode() + body + b"\n")
        for i, p in enumerate(parents):
            stream.append(f"{'from' if i == 0 else 'merge'} :{p}\n".encode())
        for path, text in current.items():
            if base.get(path) != text:
                data = text.encode()
                stream.append(f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n")
        for path in base:
            if path not in current:
                stream.append(f"D {path}\n".encode())
        stream.append(b"\n")
        return mark

    head = emit("Plan the quarter", start, files())
    previous = files()
    readme = 0
    for i in range(1, a.commits):
        when = start + span * i // a.commits
        if i % 20 == 0:
            readme += 1
            head = emit("Docs", when, {**previous, "README.md": f"revision {readme}\n"}, (head,))
            previous = {**previous, "README.md": f"revision {readme}\n"}
            continue
        message = change()
        current = {**files(), **({"README.md": previous["README.md"]} if "README.md" in previous else {})}
        if i % 10 == 5:
            # A short branch merged back: the change is made on the branch, then merged.
            branch = emit(message, when - 3600, current, (head,), "refs/heads/topic")
            head = emit(f"Merge topic: {message}", when, current, (head, branch))
            previous = current
        else:
            head = emit(message, when, current, (head,))
            previous = current
    subprocess.run(["git", "-C", a.out, "fast-import", "--quiet"], input=b"".join(stream), check=True)
    subprocess.run(["git", "-C", a.out, "checkout", "-q", "-f", "main"], check=True)
    print(f"{a.out}: {a.commits} commits, {sum(len(s['epics']) for s in streams)} epics at the end, "
          f"{len(files()) - 1} stream file(s)")


if __name__ == "__main__":
    main()
