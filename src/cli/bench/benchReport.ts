import type { WorkloadResult } from './runBench';

/**
 * The targets of the engine benchmark: faster than PyTorch 2.x (float64, 1 thread) on every
 * workload, at least 0.6× the speed of numpy + OpenBLAS on (b) and (c), and the sweep (d) under 60 ms.
 */
export interface TargetCheck {
  readonly label: string;
  readonly pass: boolean;
}

export function targetChecks(r: WorkloadResult): TargetCheck[] {
  const w = r.workload, ms = r.engine.medianMs;
  const checks: TargetCheck[] = [{ label: `< PyTorch ${w.pytorchMs} ms`, pass: ms < w.pytorchMs }];
  if (w.id === 'b' || w.id === 'c') {
    const limit = Math.round((10 * w.numpyMs) / 0.6) / 10;
    checks.push({ label: `≥ 0.6× numpy (≤ ${limit} ms)`, pass: ms <= limit });
  }
  if (w.id === 'd') checks.push({ label: '< 60 ms', pass: ms < 60 });
  return checks;
}

/** `--json`: exactly `{ "a": {"medianMs", "gflops"}, … }` (the format scripts read). */
export function benchJson(results: readonly WorkloadResult[]): string {
  const out: Record<string, { medianMs: number; gflops: number }> = {};
  for (const r of results) out[r.workload.id] = { medianMs: r.engine.medianMs, gflops: r.engine.gflops };
  return `${JSON.stringify(out)}\n`;
}

/** A Markdown table (pasteable into the README) with speed-ups and the targets. */
export function benchTable(results: readonly WorkloadResult[]): string {
  const rows = [
    '| workload | engine ms | GFLOP/s | engine, TS fallback ms | plain JS ms (this run) | speed-up vs plain JS | PyTorch 2.x f64 1-thread ms | speed-up vs PyTorch | numpy + OpenBLAS ms | vs numpy | targets |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of results) {
    const w = r.workload;
    const plain = r.plainJs ? fixed(r.plainJs.medianMs) : '—';
    const vsPlain = r.plainJs ? `${(r.plainJs.medianMs / r.engine.medianMs).toFixed(1)}×` : '—';
    const targets = targetChecks(r).map((c) => `${c.pass ? 'PASS' : 'FAIL'} ${c.label}`).join(', ');
    const ts = r.engineTs ? fixed(r.engineTs.medianMs) : '—';
    rows.push(`| (${w.id}) ${w.shape} | ${fixed(r.engine.medianMs)} | ${r.engine.gflops.toFixed(2)} | ${ts} | ${plain} | ${vsPlain} | ${w.pytorchMs} | ${(w.pytorchMs / r.engine.medianMs).toFixed(1)}× | ${w.numpyMs} | ${(w.numpyMs / r.engine.medianMs).toFixed(2)}× | ${targets} |`);
  }
  return `${rows.join('\n')}\n`;
}

function fixed(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}
