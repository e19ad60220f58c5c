#!/usr/bin/env python3
"""Runs action.yml's steps on this machine the way a GitHub runner runs a composite action's steps.

Usage: scripts/action/run-locally.py [--input NAME=VALUE]... [--workspace DIR]

Each `run:` step runs with `bash --noprofile --norc -eo pipefail`, in the workspace (default: the working
directory), with its `env:` mapping, GITHUB_OUTPUT, GITHUB_PATH and GITHUB_ACTION_PATH set, after replacing the
expressions `${{ inputs.X }}`, `${{ github.action_path }}`, `${{ github.workspace }}` and
`${{ steps.ID.outputs.X }}`. A `uses:` step (the SARIF upload) cannot run here: it is printed as skipped with the
inputs it would get. Folders a step appends to GITHUB_PATH go on PATH for the later steps, as on GitHub.
Exit status: the first failing step's, else 0. Needs PyYAML.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--input", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--workspace", default=os.getcwd())
    options = parser.parse_args()
    with open(os.path.join(ROOT, "action.yml"), encoding="utf-8") as handle:
        action = yaml.safe_load(handle)
    inputs = {name: str(spec.get("default", "")) for name, spec in (action.get("inputs") or {}).items()}
    for pair in options.input:
        name, _, value = pair.partition("=")
        if name not in inputs:
            print(f"run-locally: action.yml has no input '{name}'", file=sys.stderr)
            return 2
        inputs[name] = value
    steps_outputs: dict[str, dict[str, str]] = {}
    path = os.environ.get("PATH", "")

    def evaluate(text: str) -> str:
        def replace(match: re.Match) -> str:
            expression = match.group(1)
            if expression.startswith("inputs."):
                return inputs[expression[len("inputs."):]]
            if expression == "github.action_path":
                return ROOT
            if expression == "github.workspace":
                return options.workspace
            found = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expression)
            if found:
                return steps_outputs.get(found.group(1), {}).get(found.group(2), "")
            raise SystemExit(f"run-locally: cannot evaluate ${{{{ {expression} }}}} here")
        return EXPRESSION.sub(replace, str(text))

    with tempfile.TemporaryDirectory() as scratch:
        for index, step in enumerate(action["runs"]["steps"]):
            name = step.get("name", f"step {index + 1}")
            if "uses" in step:
                arguments = {key: evaluate(value) for key, value in (step.get("with") or {}).items()}
                print(f"run-locally: skipped '{name}' (uses {step['uses']} with {arguments})", flush=True)
                continue
            output_file = os.path.join(scratch, f"output-{index}")
            path_file = os.path.join(scratch, f"path-{index}")
            open(output_file, "w").close()
            open(path_file, "w").close()
            environment = dict(os.environ)
            environment.update({key: evaluate(value) for key, value in (step.get("env") or {}).items()})
            environment.update({
                "PATH": path, "GITHUB_OUTPUT": output_file, "GITHUB_PATH": path_file,
                "GITHUB_ACTION_PATH": ROOT, "GITHUB_WORKSPACE": options.workspace, "GITHUB_ACTIONS": "true",
            })
            print(f"run-locally: '{name}'", flush=True)
            status = subprocess.run(
                ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", evaluate(step["run"])],
                cwd=options.workspace, env=environment,
            ).returncode
            outputs = {}
            with open(output_file, encoding="utf-8") as handle:
                for line in handle.read().splitlines():
                    key, _, value = line.partition("=")
                    outputs[key] = value
            if "id" in step:
                steps_outputs[step["id"]] = outputs
            with open(path_file, encoding="utf-8") as handle:
                for folder in handle.read().splitlines():
                    path = folder + os.pathsep + path
            if status != 0:
                print(f"run-locally: '{name}' failed with status {status}", flush=True)
                return status
    return 0


if __name__ == "__main__":
    sys.exit(main())
