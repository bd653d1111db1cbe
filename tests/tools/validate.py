#!/usr/bin/python3
"""Validates files against a JSON Schema; prints one line per document: `OK path` or
`FAIL path: message`. YAML files (.yaml, .yml) may hold several documents; dates stay text,
as in YAML 1.2 and yaml-language-server. Needs Debian's python3-jsonschema and python3-yaml.

usage: validate.py SCHEMA FILE...
"""
import json
import sys

import jsonschema
import yaml


class TextDates(yaml.SafeLoader):
    pass


TextDates.yaml_implicit_resolvers = {
    k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"] for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def documents(path):
    with open(path, encoding="utf-8") as f:
        if path.endswith((".yaml", ".yml")):
            return [d for d in yaml.load_all(f, Loader=TextDates) if d is not None]
        return [json.load(f)]


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)
    for path in sys.argv[2:]:
        for doc in documents(path):
            errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
            if errors:
                e = errors[0]
                where = "/".join(str(p) for p in e.absolute_path)
                print(f"FAIL {path}: {where}: {e.message}")
            else:
                print(f"OK {path}")


if __name__ == "__main__":
    main()
