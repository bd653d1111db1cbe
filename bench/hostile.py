#!/usr/bin/env python3
"""Writes the hostile-size roadmaps of bench/README.md ("Hostile sizes") into OUT_DIR.

usage: bench/hostile.py OUT_DIR [NAME...]   (default: every tree; deterministic)
Each tree but `epics16` and `streams*` is examples/revops plus one file, hostile.yaml:
  line120k, line240k   x-notes: [0, 1, ...] with 120,000 / 240,000 values on one line
  utf8line             the same with 240,000 non-ASCII values (é0, é1, ...)
  flowmap240k          x-notes: {k0: 0, ...} with 240,000 pairs on one line
  xflow16, xblock16    a 16 MiB list under an x- key, in flow and in block style
  xmap16, xblockmap16  a 16 MiB mapping under an x- key, in flow and in block style
  unk16                a 16 MiB list of one-character values under an unknown key (not x-)
  split30k             a stream {...} whose title is cut by 30,000 commas into 30,000 keys
  epics16              bench/generate.py --epics 30000 --files 1 (a 15.8 MB stream file)
  streams8k            8,000 streams with random titles of 2 to 4 words, one file each
  streams99k           99,000 such streams, one file each (the directory limit is 100,000)
"""
import os
import random
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.join(HERE, "..", "examples", "revops")
MIB = 1 << 20
SIZE = 16 * MIB - 4096  # just under the 16 MiB limit


def fill(prefix, item, suffix):
    parts, total, i = [prefix], len(prefix), 0
    while total < SIZE - 64:
        s = item(i)
        parts.append(s)
        total += len(s)
        i += 1
    parts.append(suffix)
    return "".join(parts)


ONE_FILE = {
    "line120k": lambda: "x-notes: [" + ", ".join(str(i) for i in range(120000)) + "]\n",
    "line240k": lambda: "x-notes: [" + ", ".join(str(i) for i in range(240000)) + "]\n",
    "utf8line": lambda: "x-notes: [" + ", ".join(f"é{i}" for i in range(240000)) + "]\n",
    "flowmap240k": lambda: "x-notes: {" + ", ".join(f"k{i}: {i}" for i in range(240000)) + "}\n",
    "xflow16": lambda: fill("x-notes: [", lambda i: f"{i}, ", "0]\n"),
    "xblock16": lambda: fill("x-notes:\n", lambda i: f"  - {i}\n", ""),
    "xmap16": lambda: fill("x-notes: {", lambda i: f"k{i}: {i}, ", "z: 0}\n"),
    "xblockmap16": lambda: fill("x-notes:\n", lambda i: f"  k{i}: {i}\n", ""),
    "unk16": lambda: "notes: [" + "1," * ((SIZE - 20) // 2) + "1]\n",
    "split30k": lambda: "streams:\n  - {id: x, title: y, " + ", ".join(f"k{i}" for i in range(30000)) + "}\n",
}

WORDS = ("pipeline forecast billing routing renewal quote cash quality data hygiene territory "
         "planning enablement onboarding churn expansion pricing discount approval contract "
         "partner channel lead scoring attribution reporting dashboard migration integration "
         "support success handoff playbook cadence capacity quota commission compensation").split()


def streams(out, n):
    rnd = random.Random(12)
    os.makedirs(os.path.join(out, "streams"))
    with open(os.path.join(out, "roadmap.yaml"), "w") as f:
        f.write(f"roadmap:\n  name: {n} streams\n  period: 2026-Q4\n  lint:\n    themes: {{min: 1, max: {n + 1}}}\n"
                "people:\n  - {id: p, name: P}\n")
    for i in range(n):
        title = " ".join(rnd.choice(WORDS).capitalize() for _ in range(rnd.randint(2, 4)))
        with open(os.path.join(out, "streams", f"s{i:05}.yaml"), "w") as f:
            f.write(f"streams:\n  - {{id: s{i}, title: {title}, owner: p}}\n")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    names = sys.argv[2:] or [*ONE_FILE, "epics16", "streams8k", "streams99k"]
    for name in names:
        d = os.path.join(out, name)
        shutil.rmtree(d, ignore_errors=True)
        if name in ONE_FILE:
            shutil.copytree(EXAMPLE, d)
            with open(os.path.join(d, "hostile.yaml"), "w") as f:
                f.write(ONE_FILE[name]())
        elif name == "epics16":
            subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), d, "--epics", "30000", "--files", "1"],
                           check=True, stdout=subprocess.DEVNULL)
        elif name == "streams8k":
            streams(d, 8000)
        elif name == "streams99k":
            streams(d, 99000)
        else:
            sys.exit(f"unknown tree {name}")


if __name__ == "__main__":
    main()
