#!/usr/bin/env python3
"""citecheck vs PyPI citeguard (refaudit.parser.parse_reference_metadata), side by side:
field accuracy on the PLOS set with one comparison for both (see eval-parser.py), then speed on
20,000 PubMed citation strings. Usage: bench/compare-citeguard.py [--binary PATH] [--speed N]"""
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
args = sys.argv[1:]
if "--speed" not in args:
    args += ["--speed", "20000"]
sys.exit(subprocess.call([sys.executable, os.path.join(here, "eval-parser.py"), "--data", "plos", "--citeguard", *args]))
