import { cpus, loadavg } from 'node:os';
import { UsageError, parseArgs, type CliCommand } from './command';
import { benchJson, benchTable, targetChecks } from './bench/benchReport';
import { timeWorkload } from './bench/runBench';
import { makeWorkloads } from './bench/workloads';

const KERNELS_IN_USE = {
  'wasm-fma': 'WebAssembly SIMD kernels with fused multiply-add (relaxed SIMD)',
  'wasm-simd': 'WebAssembly SIMD kernels (this Node has no relaxed SIMD: no fused multiply-add)',
  typescript: 'TypeScript kernels (WebAssembly could not be used here)',
} as const;

/** `rnn-lab bench [--json]`: times forward + full BPTT on the four benchmark workloads. */
export const benchCommand: CliCommand = {
  name: 'bench',
  summary: 'time forward + full BPTT on the four benchmark workloads (median ms, GFLOP/s)',
  help: [
    'usage: rnn-lab bench [--json] [--runs N] [--budget-ms N]',
    '',
    'Times the engine on the workloads of docs/engine-bench.md with seeded data:',
    '  (a) B=1 T=100 D=8 H=64 O=8   (b) B=32 T=100 D=8 H=64 O=8   (c) B=32 T=200 D=32 H=128 O=32',
    '  (d) the sweep T=1..200, a fresh B=1 sequence per T, loss at the last step',
    'and prints the median milliseconds and GFLOP/s, next to the engine without its WebAssembly SIMD',
    'kernels, a plain-JS-loops BPTT measured in the same run and the PyTorch 2.x and numpy anchors,',
    'with the targets passed or failed. Timings are wall-clock: run it on an otherwise idle machine.',
    '',
    '  --json     print only {"a":{"medianMs":…,"gflops":…},…} (no baseline is timed)',
    '  --runs N   at least N timed runs per measurement (default 7)',
    '  --budget-ms N   keep timing each measurement for about N ms beyond that (default 1500)',
  ].join('\n'),
  async run(args, io, engine) {
    const { flags } = parseArgs('bench', args, { json: 'boolean', runs: 'value', 'budget-ms': 'value' });
    const minRuns = flags.runs === undefined ? 7 : Number(flags.runs);
    if (!Number.isInteger(minRuns) || minRuns < 1 || minRuns > 1000) {
      throw new UsageError(`rnn-lab bench: --runs must be an integer from 1 to 1000, got ${JSON.stringify(flags.runs)}`);
    }
    const budgetMs = flags['budget-ms'] === undefined ? 1500 : Number(flags['budget-ms']);
    if (!Number.isFinite(budgetMs) || budgetMs < 0) {
      throw new UsageError(`rnn-lab bench: --budget-ms must be a number ≥ 0, got ${JSON.stringify(flags['budget-ms'])}`);
    }
    const json = flags.json === true;
    const results = makeWorkloads().map((w) => {
      const r = timeWorkload(w, { baseline: !json, minRuns, budgetMs });
      if (!json) io.err(`(${w.id}) ${r.engine.medianMs.toFixed(2)} ms\n`);
      return r;
    });
    if (json) {
      io.out(benchJson(results));
      return 0;
    }
    const cpu = cpus()[0]?.model ?? 'unknown CPU';
    const kernels = KERNELS_IN_USE[engine.kernels];
    const load = loadavg().map((l) => l.toFixed(2)).join(' ');
    io.out(`Machine: ${cpus().length} cores, ${cpu}, Node ${process.versions.node}; engine: ${kernels}; load average after: ${load}\n\n${benchTable(results)}`);
    const failed = results.flatMap(targetChecks).filter((c) => !c.pass).length;
    io.out(failed === 0 ? '\nAll targets met.\n' : `\n${failed} target(s) missed.\n`);
    return 0;
  },
};
