#!/usr/bin/env bash
# Installs what grading's operating-system sandbox needs on Linux: Debian's bubblewrap (`bwrap`).
# Idempotent: when bwrap is already on PATH it only checks. Elsewhere (macOS, Windows) it does nothing.
#
#   bash scripts/install-sandbox.sh
set -euo pipefail
[ "$(uname -s)" = Linux ] || { echo "[sandbox install] not Linux: nothing to install"; exit 0; }
if ! command -v bwrap >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  ok=0
  # Another apt run may hold the lock for a while (e.g. unattended upgrades): retry.
  for _ in $(seq 1 30); do
    if $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends bubblewrap >/dev/null; then
      ok=1; break
    fi
    sleep 5
  done
  [ "$ok" = 1 ] || { echo "apt-get install bubblewrap failed: install it by hand and re-run" >&2; exit 1; }
fi
echo "[sandbox install] ready: $(bwrap --version)"
