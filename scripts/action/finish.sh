#!/usr/bin/env bash
# Step 4 of action.yml: fail the job with citecheck's exit status (1 findings, 2 usage or input error).
set -euo pipefail
code="${CITECHECK_EXIT_CODE:-2}"
case "$code" in
  0) echo "citecheck: nothing at or above --fail-on" ;;
  1) echo "::error::citecheck found problems in the references (see the annotations or code scanning)" ;;
  *) echo "::error::citecheck could not check every post (exit $code; see the log)" ;;
esac
exit "$code"
