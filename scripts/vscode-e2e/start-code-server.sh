#!/usr/bin/env bash
# Starts code-server (VS Code server + web workbench) for one test run or one `npm start`:
#   - bound to 127.0.0.1 only, on a free port chosen here, no auth;
#   - throwaway user-data and extensions folders inside RUN_DIR, quiet offline settings;
#   - in its own process group (setsid), so stop-code-server.sh ends the server AND the extension
#     hosts and file watchers it spawns;
#   - TMPDIR inside RUN_DIR (extension hosts leave vscode-ipc-*.sock files there).
#
#   bash scripts/vscode-e2e/start-code-server.sh RUN_DIR [--smoke-driver] [extra code-server args]
#
# --smoke-driver adds `--vscode-option enable-smoke-test-driver`: the workbench then honours the URL
# `payload` (extensionDevelopmentPath / extensionTestsPath) and exposes window.driver; side effect:
# notification toasts are not shown (messages still reach the notification center).
# Writes RUN_DIR/port, RUN_DIR/url, RUN_DIR/cs.pgid, RUN_DIR/cs.log. Exported environment variables
# reach the extension host. Prints the URL on success.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$HERE/env.sh"
RUN_DIR="${1:?usage: start-code-server.sh RUN_DIR [--smoke-driver] [code-server args]}"; shift
extra=()
for a in "$@"; do
  if [ "$a" = --smoke-driver ]; then extra+=(--vscode-option enable-smoke-test-driver); else extra+=("$a"); fi
done
[ -f "$CS_ENTRY" ] || { echo "code-server is not installed: run bash scripts/vscode-e2e/install.sh" >&2; exit 1; }

mkdir -p "$RUN_DIR/user-data/User" "$RUN_DIR/extensions" "$RUN_DIR/tmp"
[ -f "$RUN_DIR/user-data/User/settings.json" ] || cat > "$RUN_DIR/user-data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "chat.disableAIFeatures": true,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "extensions.ignoreRecommendations": true,
  "security.workspace.trust.enabled": false,
  "git.enabled": false,
  "git.autoRepositoryDetection": false
}
JSON

free_port() {
  "$NODE24" -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# A free port can be taken between the check and code-server's bind: try a few.
for attempt in 1 2 3; do
  port=$(free_port)
  printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$port" > "$RUN_DIR/config.yaml"
  t0=$(date +%s%N)
  # `--config` always: without it code-server writes ~/.config/code-server/config.yaml.
  TMPDIR="$RUN_DIR/tmp" setsid "$NODE24" "$CS_ENTRY" \
    --config "$RUN_DIR/config.yaml" \
    --user-data-dir "$RUN_DIR/user-data" \
    --extensions-dir "$RUN_DIR/extensions" \
    --disable-telemetry --disable-update-check --disable-workspace-trust \
    --disable-getting-started-override \
    --reconnection-grace-time 10 \
    ${extra[@]+"${extra[@]}"} > "$RUN_DIR/cs.log" 2>&1 < /dev/null &
  pid=$!
  # The background child of a non-interactive shell is no group leader, so setsid does not fork:
  # pid == pgid of the new session.
  echo "$pid" > "$RUN_DIR/cs.pgid"
  for _ in $(seq 1 300); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/healthz"; then
      echo "$port" > "$RUN_DIR/port"
      echo "http://127.0.0.1:$port/" > "$RUN_DIR/url"
      echo "code-server up at http://127.0.0.1:$port/ after $(( ($(date +%s%N) - t0) / 1000000 )) ms (pgid $pid)" >&2
      echo "http://127.0.0.1:$port/"
      exit 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if grep -q EADDRINUSE "$RUN_DIR/cs.log" && [ "$attempt" -lt 3 ]; then
    bash "$HERE/stop-code-server.sh" "$RUN_DIR" >/dev/null 2>&1 || true
    continue
  fi
  echo "code-server did not answer on 127.0.0.1:$port; its log:" >&2
  tail -30 "$RUN_DIR/cs.log" >&2
  bash "$HERE/stop-code-server.sh" "$RUN_DIR" >/dev/null 2>&1 || true
  exit 1
done
