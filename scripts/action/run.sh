#!/usr/bin/env bash
# Step 2 of action.yml: run citecheck on CITECHECK_PATHS (spaces or new lines between paths) with CITECHECK_ARGS.
#   CITECHECK_FORMAT=github  findings as workflow annotations (::error file=…,line=…::) in the log
#   CITECHECK_FORMAT=sarif   findings in CITECHECK_SARIF_FILE for code scanning
# Always exits 0 so that the SARIF upload runs; the exit status goes to the step's `exit-code` output and
# finish.sh fails the job with it.
set -uo pipefail
format="${CITECHECK_FORMAT:-github}"
read -r -d '' -a paths <<< "${CITECHECK_PATHS:-.}" || true
read -r -a args <<< "${CITECHECK_ARGS:-}" || true
[ "${#paths[@]}" -gt 0 ] || paths=(.)

case "$format" in
  github)
    citecheck --format github "${args[@]}" -- "${paths[@]}"
    status=$?
    echo "sarif-file=" >> "${GITHUB_OUTPUT:?}"
    ;;
  sarif)
    sarif="${CITECHECK_SARIF_FILE:-citecheck.sarif}"
    mkdir -p "$(dirname "$sarif")"
    citecheck --format sarif --output-file "$sarif" "${args[@]}" -- "${paths[@]}"
    status=$?
    if [ -s "$sarif" ]; then
      echo "sarif-file=$sarif" >> "${GITHUB_OUTPUT:?}"
      echo "citecheck: SARIF report written to $sarif"
    else
      echo "sarif-file=" >> "${GITHUB_OUTPUT:?}"
    fi
    ;;
  *)
    echo "::error::citecheck action: format must be github or sarif, not '$format'"
    status=2
    echo "sarif-file=" >> "${GITHUB_OUTPUT:?}"
    ;;
esac
echo "exit-code=$status" >> "${GITHUB_OUTPUT:?}"
exit 0
