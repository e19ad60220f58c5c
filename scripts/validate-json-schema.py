#!/usr/bin/env python3
"""Validates a JSON document (a file, or standard input with '-') against a JSON Schema file.

Usage: scripts/validate-json-schema.py SCHEMA.json DOCUMENT.json|-

Used by the tests to check citecheck's SARIF output against the SARIF 2.1.0 schema (fixtures/schemas/) and its
--format json output against docs/schema/check-output.schema.json. Needs the `jsonschema` package (PyPI), which
scripts/install-deps.sh installs. Exit 0 when valid, 1 with one line per error when not, 2 on bad input.
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("validate-json-schema: the Python package jsonschema is missing (pip install jsonschema)", file=sys.stderr)
    sys.exit(2)


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as handle:
        schema = json.load(handle)
    try:
        if sys.argv[2] == "-":
            document = json.load(sys.stdin)
        else:
            with open(sys.argv[2], encoding="utf-8") as handle:
                document = json.load(handle)
    except json.JSONDecodeError as error:
        print(f"not JSON: {error}", file=sys.stderr)
        return 1
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    errors = sorted(validator_class(schema).iter_errors(document), key=lambda e: list(e.absolute_path))
    for error in errors[:20]:
        where = "/".join(str(part) for part in error.absolute_path) or "(root)"
        print(f"{where}: {error.message[:300]}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
