#!/usr/bin/python3
"""PyYAML's C loader (libyaml) on every YAML file under a folder, one thread, nothing else:
the floor of another popular stack, for bench/run (issue 17).

usage: bench/pyyaml_parse.py DIR
"""
import os
import sys

import yaml


def main():
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:
        sys.exit("bench/pyyaml_parse.py: this PyYAML has no C loader (install Debian's python3-yaml)")
    documents = 0
    for folder, _, files in sorted(os.walk(sys.argv[1])):
        for name in sorted(files):
            if name.endswith((".yaml", ".yml")):
                with open(os.path.join(folder, name), "rb") as f:
                    documents += sum(1 for _ in yaml.load_all(f, Loader=loader))
    print(documents)


if __name__ == "__main__":
    main()
