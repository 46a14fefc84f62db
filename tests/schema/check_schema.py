#!/usr/bin/python3
"""Validates every example spec against `stackplan schema` with a real JSON Schema 2020-12
validator (Debian's python3-jsonschema), and checks that the schema rejects bad specs.

usage: check_schema.py STACKPLAN_BINARY SOURCE_DIR
"""
import glob
import json
import os
import subprocess
import sys

import jsonschema
import yaml


def load_yaml(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def main():
    binary, source = sys.argv[1], sys.argv[2]
    schema = json.loads(subprocess.run([binary, "schema"], check=True, capture_output=True,
                                       text=True).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failures = 0

    examples = sorted(glob.glob(os.path.join(source, "examples", "*", "stack.yaml")))
    if len(examples) != 5:
        print(f"expected 5 examples, found {len(examples)}")
        return 1
    examples.append(os.path.join(source, "tests", "contract", "product-example.yaml"))
    for path in examples:
        errors = list(validator.iter_errors(load_yaml(path)))
        for e in errors:
            print(f"FAIL {os.path.relpath(path, source)}: {e.json_path}: {e.message}")
        failures += len(errors)
        if not errors:
            print(f"ok   {os.path.relpath(path, source)}")

    # Specs the schema alone must reject (unknown keys, enums, types, ranges, patterns).
    must_fail = ["unknown-key", "unknown-key-nested", "enum-engine", "unknown-region",
                 "type-integer", "range-port", "required-keys", "name-pattern",
                 "instance-type-syntax", "db-class-syntax", "scenario-not-mapping",
                 "secret-reference"]
    for name in must_fail:
        path = os.path.join(source, "tests", "errors", name + ".yaml")
        if validator.is_valid(load_yaml(path)):
            print(f"FAIL tests/errors/{name}.yaml: the schema accepted it")
            failures += 1
        else:
            print(f"ok   tests/errors/{name}.yaml rejected")

    print(f"{len(examples) + len(must_fail) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
