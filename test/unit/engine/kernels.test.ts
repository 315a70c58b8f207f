import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createEngine, createRng } from '../../../src/engine';
import { BpttWorkspace } from '../../../src/engine/fast/workspace';
import { FunctionBuilder, F64, I32, V128, sleb, uleb } from '../../../src/engine/fast/wasm/assemble';
import { hasRelaxedSimd } from '../../../src/engine/fast/wasm/instance';
import { BACKENDS, randomProblem } from './support';

/** Set in the child run below: the runtime was started with relaxed SIMD, so 'wasm' must be fused. */
const EXPECT_FMA = process.env.RNN_LAB_EXPECT_FMA === '1';

describe('the WebAssembly assembler', () => {
  test('LEB128 encodings', () => {
    assert.deepEqual(uleb(0), [0]);
    assert.deepEqual(uleb(127), [127]);
    assert.deepEqual(uleb(128), [0x80, 0x01]);
    assert.deepEqual(uleb(624485), [0xe5, 0x8e, 0x26]);
    assert.deepEqual(sleb(-1), [0x7f]);
    assert.deepEqual(sleb(63), [63]);
    assert.deepEqual(sleb(64), [0xc0, 0x00]);
    assert.deepEqual(sleb(-123456), [0xc0, 0xbb, 0x78]);
  });

  test('locals are numbered after the parameters, in the order they are asked for', () => {
    const f = new FunctionBuilder('k', ['a', 'b', 'c'] as const);
    assert.deepEqual(f.param, { a: 0, b: 1, c: 2 });
    assert.equal(f.local(I32), 3);
    assert.deepEqual(f.locals(V128, 2), [4, 5]);
    assert.equal(f.local(F64), 6);
    assert.deepEqual(f.build([]).locals, [I32, V128, V128, F64]);
  });
});

/** The products by definition, one entry at a time. */
function naiveABt(M: number, N: number, K: number, A: Float64Array, aOff: number, lda: number, B: Float64Array, bOff: number, ldb: number): number[][] {
  return Array.from({ length: M }, (_, m) => Array.from({ length: N }, (_, n) => {
    let s = 0;
    for (let k = 0; k < K; k++) s += A[aOff + m * lda + k] * B[bOff + n * ldb + k];
    return s;
  }));
}

describe('matrix products (SIMD kernels with TypeScript edges, and the TypeScript fallback)', () => {
  const rng = createRng(77);
  // Inner size 1 and one-column products are the shapes of the echo tasks (one input, one output).
  const shapes = [[1, 1, 1], [6, 5, 1], [7, 1, 5], [40, 16, 1], [1, 9, 6], [2, 4, 2], [4, 2, 2], [5, 3, 7], [8, 8, 8], [13, 6, 10], [32, 64, 64], [3, 64, 64], [9, 17, 33]];
  for (const kernels of BACKENDS) {
    for (const [M, N, K] of shapes) {
      test(`${kernels}: ${M}×${N} with inner size ${K}, with offsets and strides`, () => {
        const ws = new BpttWorkspace({ kernels });
        const lda = K + 3, ldb = K + 1, ldc = N + 2;
        ws.reserve({ A: 5 + M * lda, B: 2 + N * ldb, C: 1 + M * ldc });
        const a = ws.take('A', 5 + M * lda), b = ws.take('B', 2 + N * ldb), c = ws.take('C', 1 + M * ldc).fill(0.5);
        for (let i = 0; i < a.length; i++) a[i] = rng.between(-1, 1);
        for (let i = 0; i < b.length; i++) b[i] = rng.between(-1, 1);
        const expected = naiveABt(M, N, K, a, 5, lda, b, 2, ldb);
        ws.products.abt(M, N, K, a, 5, lda, b, 2, ldb, c, 1, ldc, false);
        for (let m = 0; m < M; m++) for (let n = 0; n < N; n++) {
          assert.ok(Math.abs(c[1 + m * ldc + n] - expected[m][n]) <= 1e-13 * K, `C[${m}][${n}] = ${c[1 + m * ldc + n]}, expected ${expected[m][n]}`);
        }
        // Padding between rows is untouched; accumulate adds.
        if (ldc > N) assert.equal(c[1 + N], 0.5);
        ws.products.abt(M, N, K, a, 5, lda, b, 2, ldb, c, 1, ldc, true);
        assert.ok(Math.abs(c[1] - 2 * expected[0][0]) <= 1e-13 * K);

        // atb: G (N×K) += Pᵀ·Q over M rows: G[n][k] = Σ_m P[m][n]·Q[m][k]; P and Q rows have strides.
        const ldp = N + 1, ldq = K + 2;
        ws.reserve({ P: 1 + M * ldp, Q: 2 + M * ldq, G: N * K });
        const P = ws.take('P', 1 + M * ldp), Q = ws.take('Q', 2 + M * ldq), G = ws.take('G', N * K);
        for (let i = 0; i < P.length; i++) P[i] = rng.between(-1, 1);
        for (let i = 0; i < Q.length; i++) Q[i] = rng.between(-1, 1);
        G.fill(1);
        ws.products.atbAccumulate(N, K, M, P, 1, ldp, Q, 2, ldq, G, 0, K);
        for (let n = 0; n < N; n++) for (let k = 0; k < K; k++) {
          let sum = 1;
          for (let m = 0; m < M; m++) sum += P[1 + m * ldp + n] * Q[2 + m * ldq + k];
          assert.ok(Math.abs(G[n * K + k] - sum) <= 1e-13 * (M + 1), `G[${n}][${k}] = ${G[n * K + k]}, expected ${sum}`);
        }
        assert.equal(ws.kernels, kernels === 'typescript' ? 'typescript' : kernels === 'wasm-simd' || !hasRelaxedSimd() ? 'wasm-simd' : 'wasm-fma');
      });
    }
  }
});

describe('which kernels run: the caller chooses', () => {
  test('each engine runs the kernels it was created with, whatever other engines in the process chose', () => {
    const simd = createEngine({ kernels: 'wasm-simd' });
    const ts = createEngine({ kernels: 'typescript' });
    assert.equal(simd.kernels, 'wasm-simd');
    assert.equal(ts.kernels, 'typescript');
    assert.equal(createEngine({ kernels: 'typescript' }).kernels, 'typescript', 'an engine created after a WebAssembly one');
    // Both give the same numbers, to rounding.
    const pr = randomProblem(5, { B: 3, T: 7, D: 4, H: 8, O: 3 }, { kind: 'mse', at: 'all' });
    const viaSimd = simd.bptt(pr.params, pr.batch, pr.targets, pr.loss);
    const viaTs = ts.bptt(pr.params, pr.batch, pr.targets, pr.loss);
    assert.ok(Math.abs(viaSimd.gradNorm - viaTs.gradNorm) <= 1e-13 * viaTs.gradNorm);
  });

  test(`'wasm' uses fused multiply-add exactly where the runtime validates relaxed SIMD${EXPECT_FMA ? ' (child run with relaxed SIMD)' : ''}`, () => {
    const engine = createEngine({ kernels: 'wasm' });
    assert.equal(engine.kernels, hasRelaxedSimd() ? 'wasm-fma' : 'wasm-simd');
    if (EXPECT_FMA) assert.equal(engine.kernels, 'wasm-fma', 'started with relaxed SIMD, yet the fused kernels are not in use');
  });

  // Node 20 has relaxed SIMD behind a flag: run this file and the golden cases again with it, so
  // the fused kernels are held to the oracle and to PyTorch here too, not only where they run.
  if (!hasRelaxedSimd() && !EXPECT_FMA) {
    test('the fused multiply-add kernels pass the kernel tests and the golden cases (child Node with relaxed SIMD)', () => {
      const files = [__filename, join(__dirname, 'golden.test.js')];
      const run = spawnSync(process.execPath, ['--experimental-wasm-relaxed-simd', '--test', '--test-reporter=dot', ...files], {
        env: { ...process.env, RNN_LAB_EXPECT_FMA: '1' }, encoding: 'utf8', timeout: 120_000,
      });
      assert.equal(run.status, 0, `the child run failed:\n${run.stdout}\n${run.stderr}`);
    });
  }
});

describe('the elementwise step kernels', () => {
  /** Relative distance in units of float64's epsilon (2⁻⁵²), i.e. about 1 to 2 ulp each. */
  const ulps = (got: number, want: number): number => {
    if (Object.is(got, want)) return 0;
    const spacing = Math.max(Math.abs(want) * Number.EPSILON, Number.MIN_VALUE);
    return Math.abs(got - want) / spacing;
  };
  const special = [0, -0, 1e-300, -5e-324, 1e-9, 0.3999999999999999, 0.4, 0.4000000000000001, 0.5, 1, 2.5, 18.5, 19.1, 20, 20.5, 700, 1e300, Infinity, -Infinity, NaN];
  const grid = Array.from({ length: 4000 }, (_, i) => (i - 2000) / 90); // −22.2 … 22.2, across both formulas
  const xs = [...special, ...special.map((x) => -x), ...grid];

  for (const kernels of BACKENDS) {
    test(`tanh (${kernels}) is within 3ε relative of Math.tanh (and exact on 0, ±∞ and NaN)`, () => {
      const ws = new BpttWorkspace({ kernels });
      const H = 2, R = xs.length / H;
      ws.reserve({ pre: xs.length, bias: H, out: xs.length + 4 });
      const pre = ws.take('pre', xs.length), bias = ws.take('bias', H).fill(0), out = ws.take('out', xs.length + 4);
      pre.set(xs);
      ws.elementwise.tanhRows(R, H, pre, bias, out, 4);
      let worst = { x: 0, ulps: 0 };
      xs.forEach((x, i) => {
        const got = out[4 + i], want = Math.tanh(x + 0); // the kernel adds the bias (0 here): −0 + 0 is +0
        if (Number.isNaN(want)) { assert.ok(Number.isNaN(got), `tanh(${x}) = ${got}`); return; }
        const e = ulps(got, want);
        if (e > worst.ulps) worst = { x, ulps: e };
        if (want === 0 || !Number.isFinite(x)) assert.ok(Object.is(got, want), `tanh(${x}) = ${got}, expected ${want}`);
      });
      assert.ok(worst.ulps <= 3, `tanh(${worst.x}) is ${worst.ulps.toFixed(2)}ε (relative) from Math.tanh`);
    });

    test(`backStep (${kernels}): dh += dhNext, da = dh ⊙ (1 − h²), per-row squared norms`, () => {
      const ws = new BpttWorkspace({ kernels });
      const rng = createRng(12);
      const R = 3, H = 6;
      ws.reserve({ dh: R * H, dhNext: R * H, h: R * H + 2, da: R * H + 1, sq: R + 1 });
      const fill = (a: Float64Array): Float64Array => a.map(() => rng.between(-1, 1));
      const dh = fill(ws.take('dh', R * H)), dhNext = fill(ws.take('dhNext', R * H)), h = fill(ws.take('h', R * H + 2));
      const da = ws.take('da', R * H + 1), sq = ws.take('sq', R + 1);
      const total = dh.map((v, i) => v + dhNext[i]);
      ws.elementwise.backStep(R, H, dh, dhNext, true, h, 2, da, 1, sq, 1);
      for (let r = 0; r < R; r++) {
        let s = 0;
        for (let j = 0; j < H; j++) {
          const i = r * H + j;
          assert.equal(dh[i], total[i]);
          assert.ok(Math.abs(da[1 + i] - total[i] * (1 - h[2 + i] ** 2)) <= 1e-15);
          s += total[i] ** 2;
        }
        assert.ok(Math.abs(sq[1 + r] - s) <= 1e-14 * s, `row ${r}: ${sq[1 + r]} vs ${s}`);
      }
    });
  }
});
