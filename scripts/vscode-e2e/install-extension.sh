#!/usr/bin/env bash
# Installs a packaged .vsix into RUN_DIR's extensions folder, the way a user would
# (`code-server --install-extension`). Run it before start-code-server.sh RUN_DIR.
#
#   bash scripts/vscode-e2e/install-extension.sh RUN_DIR path/to/ext.vsix
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$HERE/env.sh"
RUN_DIR="${1:?usage: install-extension.sh RUN_DIR VSIX}"; VSIX="${2:?usage: install-extension.sh RUN_DIR VSIX}"
[ -f "$VSIX" ] || { echo "no such .vsix: $VSIX (run npm run package first)" >&2; exit 1; }
mkdir -p "$RUN_DIR/user-data" "$RUN_DIR/extensions" "$RUN_DIR/tmp"
TMPDIR="$RUN_DIR/tmp" "$NODE24" "$CS_ENTRY" --config /dev/null \
  --user-data-dir "$RUN_DIR/user-data" --extensions-dir "$RUN_DIR/extensions" \
  --install-extension "$VSIX" --force 2>&1 | grep -v -E 'ENOTFOUND|^\s*$' || true
ls "$RUN_DIR/extensions" | grep -q . || { echo "installing $VSIX into $RUN_DIR/extensions failed" >&2; exit 1; }
