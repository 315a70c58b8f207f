#!/usr/bin/env bash
# Stops a code-server started by start-code-server.sh: TERM to its whole process group (server,
# extension hosts, file watchers), KILL whatever is left after 5 s. Safe to call twice.
#
#   bash scripts/vscode-e2e/stop-code-server.sh RUN_DIR
set -uo pipefail
RUN_DIR="${1:?usage: stop-code-server.sh RUN_DIR}"
f="$RUN_DIR/cs.pgid"
[ -f "$f" ] || exit 0
pg=$(cat "$f")
case "$pg" in ''|*[!0-9]*) rm -f "$f"; exit 0 ;; esac
alive() { pgrep -g "$pg" >/dev/null 2>&1; }
if alive; then
  kill -TERM -- "-$pg" 2>/dev/null || true
  for _ in $(seq 1 50); do alive || break; sleep 0.1; done
  alive && kill -KILL -- "-$pg" 2>/dev/null || true
fi
rm -f "$f"
