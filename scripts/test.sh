#!/usr/bin/env bash
# The whole test suite (run through ./portal test, which has set up Node, the
# dependencies, Chromium and mkdocs). Every step runs even when an earlier one
# failed, so one run shows everything that is wrong; the exit code is non-zero
# when anything failed. The last line is "N passed, N failed".
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

RESULTS="$ROOT/test-results"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
export READINESS_TEST_RESULTS="$RESULTS"

# Store tests run on SQLite and on this PostgreSQL; a missing one fails the run
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"
export READINESS_REQUIRE_POSTGRES=1
# Real-world inputs (k6 outputs, OpenAPI documents, ...) that tests read
export READINESS_CORPUS="${READINESS_CORPUS:-$(cd "$ROOT/.." && pwd)/shared/corpus}"
export READINESS_REDIS_URL="${READINESS_REDIS_URL:-redis://127.0.0.1:6379}"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
STATUS_FILE="$RESULTS/steps.tsv"
: >"$STATUS_FILE"

run_step() {
  local name="$1"
  shift
  step "$name"
  local start rc
  start=$(date +%s)
  "$@"
  rc=$?
  local took=$(($(date +%s) - start))
  if [ "$rc" = 0 ]; then
    printf '    \033[32m%s passed\033[0m (%d s)\n' "$name" "$took"
    printf '%s\tpassed\t%d\n' "$name" "$took" >>"$STATUS_FILE"
  else
    printf '    \033[31m%s FAILED\033[0m (exit %d, %d s)\n' "$name" "$rc" "$took"
    printf '%s\tfailed\t%d\n' "$name" "$took" >>"$STATUS_FILE"
  fi
}

services() {
  node scripts/check-services.mjs
}

# The whole-repository checks and the frontend build do not depend on each
# other, and most of them keep one core busy: they run two at a time, each
# into its own log, and are reported in this order once all have ended.
CHECKS=()
start_check() {
  local name="$1" log="$2"
  shift 2
  while [ "$(jobs -rp | wc -l)" -ge 2 ]; do wait -n; done
  CHECKS+=("$name|$log")
  (
    start=$(date +%s)
    "$@" >"$RESULTS/$log.log" 2>&1
    printf '%s\t%s\n' "$?" "$(($(date +%s) - start))" >"$RESULTS/$log.status"
  ) &
}
report_checks() {
  wait
  local entry name log rc took
  for entry in "${CHECKS[@]}"; do
    name="${entry%%|*}"
    log="${entry#*|}"
    step "$name"
    IFS=$'\t' read -r rc took <"$RESULTS/$log.status"
    if [ "$rc" = 0 ]; then
      printf '    output: test-results/%s.log\n' "$log"
      printf '    \033[32m%s passed\033[0m (%d s)\n' "$name" "$took"
      printf '%s\tpassed\t%d\n' "$name" "$took" >>"$STATUS_FILE"
    else
      tail -n 40 "$RESULTS/$log.log"
      printf '    full output: test-results/%s.log\n' "$log"
      printf '    \033[31m%s FAILED\033[0m (exit %d, %d s)\n' "$name" "$rc" "$took"
      printf '%s\tfailed\t%d\n' "$name" "$took" >>"$STATUS_FILE"
    fi
  done
}

run_step "services (PostgreSQL, Redis) and test inputs" services
checks_started=$(date +%s)
start_check "lint" lint yarn backstage-cli repo lint
start_check "type check" tsc yarn tsc
start_check "prettier" prettier yarn prettier --check --loglevel warn .
start_check "API definitions lint (Redocly, redocly.yaml)" api-lint yarn lint:api
start_check "API reference docs (docs/api)" api-docs yarn build:api-docs
start_check "frontend build" frontend-build yarn workspace app build
report_checks
printf '\n    checks and build took %d s together\n' "$(($(date +%s) - checks_started))"
run_step "unit and integration tests (Jest)" env CI=true yarn backstage-cli repo test \
  --json --outputFile="$RESULTS/jest.json"
run_step "browser and production tests (Playwright)" env CI=true yarn playwright test

step "Summary"
node scripts/test-summary.mjs
