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

# Runs a command with its output in test-results/<log>.log; prints the end of
# the log when it fails
logged() {
  local log="$RESULTS/$1.log"
  shift
  if "$@" >"$log" 2>&1; then
    printf '    output: %s\n' "${log#"$ROOT"/}"
    return 0
  fi
  local rc=$?
  tail -n 40 "$log"
  printf '    full output: %s\n' "${log#"$ROOT"/}"
  return "$rc"
}

services() {
  node scripts/check-services.mjs
}

run_step "services (PostgreSQL, Redis) and test inputs" services
run_step "prettier" yarn prettier --check --loglevel warn .
run_step "type check" yarn tsc
run_step "lint" yarn backstage-cli repo lint
run_step "API definitions lint (Redocly, redocly.yaml)" logged api-lint yarn lint:api
run_step "API reference docs (docs/api)" logged api-docs yarn build:api-docs
run_step "unit and integration tests (Jest)" env CI=true yarn backstage-cli repo test \
  --json --outputFile="$RESULTS/jest.json"
run_step "frontend build" logged frontend-build yarn workspace app build
run_step "browser and production tests (Playwright)" env CI=true yarn playwright test

step "Summary"
node scripts/test-summary.mjs
