#!/usr/bin/env bash
# `npm test`: every tier, in order, each one run even when an earlier one failed:
#   install (real-VS-Code prerequisites) · build · typecheck · lint · unit · webview (Chromium) ·
#   integration (inside VS Code) · ui (VS Code driven from outside) · start (`npm start` as the
#   README runs it: served on 127.0.0.1, stopped by --check and by Ctrl+C, nothing left running).
# Prints each tier's result, counts and time, then `all tiers: N passed, M failed` (tests summed;
# install/build/typecheck/lint count as one check each). The UI driver's self-test (it exercises VS
# Code's own Markdown preview, not RNN Lab) has its own row and line, `harness self-test: …`, outside
# that total; a failure there still fails the run. Exits non-zero when anything failed.
# Full logs: test-results/logs/<tier>.log. Screenshots: test-results/screens/.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
LOGS="$ROOT/test-results/logs"
mkdir -p "$LOGS"
trap 'echo; echo "interrupted"; exit 130' INT TERM

names=(); states=(); passes=(); fails=(); secs=(); harness=()
t_all=$(date +%s)

# tier NAME KIND COMMAND...   KIND: check (pass/fail = 1 check) | node-test | summary:PREFIX
tier() {
  local name="$1" kind="$2"; shift 2
  local log="$LOGS/$name.log" t0 rc p f line
  echo
  echo "=================== $name: $*"
  t0=$(date +%s)
  "$@" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  case "$kind" in
    check)
      if [ "$rc" = 0 ]; then p=1; f=0; else p=0; f=1; fi ;;
    node-test)
      # node:test's spec reporter ends with "ℹ pass N" / "ℹ fail M".
      p=$(grep -aE '^ℹ pass [0-9]+' "$log" | tail -1 | awk '{print $3}')
      f=$(grep -aE '^ℹ fail [0-9]+' "$log" | tail -1 | awk '{print $3}') ;;
    summary:*)
      # e.g. "vscode integration: 3 passed, 0 failed (VS Code 1.139.1)" or "ui: 2 passed, 0 failed"
      line=$(grep -aE "^${kind#summary:}: [0-9]+ passed, [0-9]+ failed" "$log" | tail -1)
      p=$(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$line")
      f=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line") ;;
  esac
  # No summary means the tier broke before reporting: that is one failure, never a silent pass.
  if [ -z "${p:-}" ] || [ -z "${f:-}" ]; then p=${p:-0}; f=1; fi
  [ "$rc" != 0 ] && [ "$f" = 0 ] && f=1
  names+=("$name"); passes+=("$p"); fails+=("$f"); secs+=($(( $(date +%s) - t0 ))); harness+=(0)
  if [ "$rc" = 0 ] && [ "$f" = 0 ]; then states+=(ok); else states+=(FAILED); fi
}

# harness_row NAME TIER PREFIX: the harness self-test counts a tier's runner printed on their own
# line ("PREFIX: N passed, M failed"), as a row outside the product total. Missing line = 1 failure.
harness_row() {
  local name="$1" log="$LOGS/$2.log" prefix="$3" line p f
  line=$(grep -aE "^${prefix}: [0-9]+ passed, [0-9]+ failed" "$log" 2>/dev/null | tail -1)
  p=$(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$line")
  f=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")
  if [ -z "$line" ]; then p=0; f=1; fi
  names+=("$name"); passes+=("$p"); fails+=("$f"); secs+=(0); harness+=(1)
  if [ "$f" = 0 ]; then states+=(ok); else states+=(FAILED); fi
}

tier install      check   bash scripts/vscode-e2e/install.sh
tier install-sandbox check bash scripts/install-sandbox.sh
tier build        check   npm run build
tier typecheck    check   npm run typecheck
tier lint         check   npm run lint
tier unit         node-test npm run test:unit
tier webview      node-test npm run test:webview
tier integration  "summary:vscode integration" npm run test:integration
tier ui           summary:ui npm run test:ui
harness_row ui-harness ui "ui harness self-test"
tier start        node-test npm run test:start

echo
echo "=================== summary"
total_p=0; total_f=0; harness_p=0; harness_f=0; any_failed=0
for i in "${!names[@]}"; do
  note=""; [ "${harness[$i]}" = 1 ] && note="  (harness self-test, not in the total)"
  printf '%-12s %-7s %4s passed %4s failed %5ss%s\n' "${names[$i]}" "${states[$i]}" "${passes[$i]}" "${fails[$i]}" "${secs[$i]}" "$note"
  if [ "${harness[$i]}" = 1 ]; then
    harness_p=$(( harness_p + passes[i] )); harness_f=$(( harness_f + fails[i] ))
  else
    total_p=$(( total_p + passes[i] )); total_f=$(( total_f + fails[i] ))
  fi
  [ "${states[$i]}" = ok ] || any_failed=1
done
echo "total time: $(( $(date +%s) - t_all ))s; logs in test-results/logs/, screenshots in test-results/screens/"
echo "harness self-test: $harness_p passed, $harness_f failed"
echo "all tiers: $total_p passed, $total_f failed"
[ "$any_failed" = 0 ] && [ "$total_f" = 0 ]
