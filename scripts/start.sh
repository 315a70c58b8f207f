#!/usr/bin/env bash
# `npm start`: build and package RNN Lab, then open VS Code with it installed on a fresh sample
# workspace, the way a student would use it.
#   - desktop VS Code when `code` is on PATH (its own user-data and extensions folders, so your
#     normal VS Code setup is untouched);
#   - otherwise VS Code in the browser: code-server on 127.0.0.1 (installed on first use into the
#     user's cache folder), with the URL printed and opened where a browser can be.
# Ctrl+C stops everything this started. RNN_LAB_START_BACKEND=code-server forces the browser way.
#   --no-open  prints the URL without opening a browser (and keeps serving until Ctrl+C);
#   --check    the browser way, then stops as soon as the workbench URL answers HTTP 200 with RNN Lab
#              installed: exit 0 and nothing left running (a newcomer's first check; the tests use it).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E2E="$ROOT/scripts/vscode-e2e"
open_browser=1; check=0
for a in "$@"; do
  case "$a" in
    --no-open) open_browser=0 ;;
    --check) open_browser=0; check=1 ;;
    *) echo "npm start: unknown option $a (known: --no-open, --check)" >&2; exit 2 ;;
  esac
done
cd "$ROOT"

echo "== building and packaging RNN Lab"
npm run --silent package > /dev/null
VSIX="$ROOT/dist/rnn-lab.vsix"
[ -f "$VSIX" ] || { echo "npm run package did not produce $VSIX" >&2; exit 1; }

RUN_DIR="$(mktemp -d "${TMPDIR:-/tmp}/rnnlab-start-XXXXXX")"
WS="$RUN_DIR/rnn-lab-practice"
mkdir -p "$WS"
cat > "$WS/README.md" <<'MD'
# RNN Lab practice folder

1. Click the RNN Lab icon in the activity bar to open the lesson.
2. Run **RNN Lab: Scaffold Lab Files** from the command palette (F1) to write the lab here.
3. Fill in `rnn.ts`, then run **RNN Lab: Check Lab**.
MD

desktop_group=""
stop_all() {
  trap - EXIT INT TERM HUP
  echo
  echo "== stopping"
  if [ -n "$desktop_group" ]; then kill -TERM -- "-$desktop_group" 2>/dev/null || true; fi
  bash "$E2E/stop-code-server.sh" "$RUN_DIR" || true
  rm -rf "$RUN_DIR"
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

if [ "$check" = 0 ] && command -v code >/dev/null 2>&1 && [ "${RNN_LAB_START_BACKEND:-}" != code-server ]; then
  profile=(--user-data-dir "$RUN_DIR/user-data" --extensions-dir "$RUN_DIR/extensions")
  code "${profile[@]}" --install-extension "$VSIX" --force
  echo "== opening VS Code on $WS (close the window or press Ctrl+C to stop)"
  setsid code "${profile[@]}" --new-window --wait "$WS" &
  desktop_group=$!
  wait "$desktop_group" || true
  exit 0
fi

bash "$E2E/install.sh"
bash "$E2E/install-extension.sh" "$RUN_DIR" "$VSIX"
installed="$(cd "$RUN_DIR/extensions" && ls -d rnn-lab-edu.rnn-lab-* 2>/dev/null | head -1)"
[ -n "$installed" ] || { echo "RNN Lab is not in $RUN_DIR/extensions after installing $VSIX" >&2; exit 1; }
base_url="$(bash "$E2E/start-code-server.sh" "$RUN_DIR")"
url="${base_url}?folder=$(node -e 'process.stdout.write(encodeURIComponent(process.argv[1]))' "$WS")"
echo
echo "  RNN Lab ($installed) is running in VS Code (code-server, 127.0.0.1 only):"
echo "    $url"
[ "$check" = 1 ] || echo "  Press Ctrl+C to stop."
echo
if [ "$check" = 1 ]; then
  status="$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)"
  if [ "$status" != 200 ]; then
    echo "== check FAILED: $url answered HTTP ${status:-nothing}; code-server's log:" >&2
    tail -20 "$RUN_DIR/cs.log" >&2
    exit 1
  fi
  echo "== check passed: the workbench answered HTTP 200 with RNN Lab installed"
  exit 0
fi
if [ "$open_browser" = 1 ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; } && command -v xdg-open >/dev/null 2>&1; then
  xdg-open "$url" >/dev/null 2>&1 || echo "  (could not open a browser: open the URL yourself)"
fi
pg="$(cat "$RUN_DIR/cs.pgid")"
while kill -0 "$pg" 2>/dev/null; do sleep 1; done
echo "code-server stopped by itself; its log:" >&2
tail -20 "$RUN_DIR/cs.log" >&2
exit 1
