#!/usr/bin/env bash
# Starts the frontend dev server and the backend (run through ./portal start,
# which has set up Node and the dependencies).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

for port in 3000 7007; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    printf 'Port %s is already in use; stop what runs there (another portal?) and try again.\n' "$port" >&2
    exit 1
  fi
done

printf '\n\033[1m==> Starting the portal\033[0m (backend on :7007, frontend dev server on :3000)\n'
yarn start "$@" &
pid=$!
trap 'kill -- -$pid 2>/dev/null || kill $pid 2>/dev/null; exit 0' INT TERM

deadline=$(( $(date +%s) + 300 ))
ready=0
while [ "$(date +%s)" -lt "$deadline" ] && kill -0 "$pid" 2>/dev/null; do
  if curl -fsS -o /dev/null http://localhost:7007/.backstage/health/v1/readiness 2>/dev/null &&
    curl -fsS -o /dev/null http://localhost:3000 2>/dev/null; then
    ready=1
    break
  fi
  sleep 2
done
if [ "$ready" = 1 ]; then
  printf '\n\033[1;32m    The Readiness Portal is ready: open http://localhost:3000\033[0m\n'
  printf '    Sign in as "Guest" (internal) or "Partner guest" (partner view). Ctrl+C stops it.\n\n'
else
  printf '\n\033[33m    The portal did not answer within 5 minutes; read the output above.\033[0m\n' >&2
fi
wait "$pid"
