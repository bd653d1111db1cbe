#!/usr/bin/env python3
"""Checks every #include of src/ and include/boussole/ against the layer table that
CMakeLists.txt writes (build/layers.tsv): a file may include its own layer's headers, the
public headers of the layers below it (transitively), and only the third-party headers its
layer is allowed. A public header must belong to exactly one layer; a private header
(src/<folder>/x.hpp) only to its own layer. Prints one line per violation and a summary."""
import os
import re
import sys

STANDARD = re.compile(r"^[a-z_0-9]+$")  # the C++ standard library: <vector>, <cstdio>
POSIX = {"fcntl.h", "unistd.h", "sys/stat.h", "sys/types.h", "sys/wait.h", "signal.h", "poll.h", "errno.h"}


def main(source_dir, table_path):
    layers = {}
    for line in open(table_path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        name, folders, headers, depends, external = (line.rstrip("\n").split("\t") + [""] * 5)[:5]
        split = lambda s: [x for x in s.split(",") if x]
        layers[name] = dict(folders=split(folders), headers=split(headers), depends=split(depends),
                            external=split(external))

    def below(name, seen=None):
        seen = set() if seen is None else seen
        for d in layers[name]["depends"]:
            if d not in seen:
                seen.add(d)
                below(d, seen)
        return seen

    header_layer, folder_layer, problems = {}, {}, []
    for name, l in layers.items():
        for h in l["headers"]:
            if h in header_layer:
                problems.append(f"boussole/{h} is declared in two layers: {header_layer[h]} and {name}")
            header_layer[h] = name
        for f in l["folders"]:
            folder_layer[f] = name
    public_dir = os.path.join(source_dir, "include", "boussole")
    for h in sorted(os.listdir(public_dir)):
        if h not in header_layer:
            problems.append(f"include/boussole/{h} belongs to no layer: name it in a boussole_layer() of CMakeLists.txt")

    files = []
    for h in sorted(os.listdir(public_dir)):
        files.append((os.path.join("include", "boussole", h), header_layer.get(h)))
    for folder in sorted(os.listdir(os.path.join(source_dir, "src"))):
        path = os.path.join(source_dir, "src", folder)
        if not os.path.isdir(path):
            continue
        if folder not in folder_layer:
            problems.append(f"src/{folder}/ belongs to no layer: name it in a boussole_layer() of CMakeLists.txt")
            continue
        for f in sorted(os.listdir(path)):
            if f.endswith((".cpp", ".hpp", ".def")):
                files.append((os.path.join("src", folder, f), folder_layer[folder]))

    include = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
    checked = 0
    for rel, layer in files:
        if layer is None:
            continue
        allowed = {layer} | below(layer)
        for n, text in enumerate(open(os.path.join(source_dir, rel), encoding="utf-8"), 1):
            m = include.match(text)
            if not m:
                continue
            checked += 1
            target = m.group(2)
            where = f"{rel}:{n}"
            if target.startswith("boussole/"):
                h = target[len("boussole/"):]
                owner = header_layer.get(h)
                if owner is None:
                    problems.append(f"{where}: includes {target}, which belongs to no layer")
                elif owner not in allowed:
                    problems.append(f"{where}: the {layer} layer may not include {target} (layer {owner}); "
                                    f"it may use {', '.join(sorted(allowed))}")
            elif m.group(1) == '"' or "/" in target and target.split("/")[0] in folder_layer:
                folder = target.split("/")[0]
                owner = folder_layer.get(folder)
                if owner != layer:
                    problems.append(f"{where}: includes {target}, a private header of src/{folder}/; "
                                    f"only the {owner} layer may")
            elif STANDARD.match(target) or target in POSIX:
                pass  # the C++ and C standard libraries, POSIX
            else:
                ok = any(target.startswith(e) for l in allowed for e in layers[l]["external"])
                if not ok:
                    problems.append(f"{where}: the {layer} layer may not include <{target}>: only "
                                    + (", ".join(f"{l} ({', '.join(layers[l]['external'])})"
                                                 for l in layers if layers[l]["external"]) or "none"))
    for p in problems:
        print(p)
    print(f"{checked} includes in {len(files)} files checked against {len(layers)} layers")
    print(f"{checked - len(problems) if checked >= len(problems) else 0} passed, {len(problems)} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
