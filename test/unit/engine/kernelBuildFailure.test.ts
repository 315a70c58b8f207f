import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createEngine } from '../../../src/engine';
import { plainBptt } from '../../../src/engine/reference/plainBptt';
import { randomProblem } from './support';

// Its own test file, so its own bundle: no kernel module was compiled before this test breaks the
// compiler (as a webview's Content Security Policy without 'wasm-unsafe-eval' does).
test('a kernel module that cannot be built is logged once, with the reason, and TypeScript runs instead', () => {
  // The test tier's types have no DOM and no WebAssembly: reach it as a plain property.
  const g = globalThis as unknown as { WebAssembly: Record<string, unknown> };
  const wasm = g.WebAssembly;
  const refused = class {
    constructor() {
      throw new Error('WebAssembly.Module(): Wasm code generation disallowed by embedder');
    }
  };
  const lines: string[] = [];
  g.WebAssembly = { ...wasm, validate: wasm.validate, Module: refused };
  try {
    const first = createEngine({ kernels: 'wasm-simd', log: (m) => lines.push(m) });
    const second = createEngine({ kernels: 'wasm-simd', log: (m) => lines.push(m) });
    assert.equal(first.kernels, 'typescript');
    assert.equal(second.kernels, 'typescript');
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0], /SIMD kernels could not be built \(Error: .*disallowed by embedder\); the TypeScript products are used instead/);
    const pr = randomProblem(9, { B: 2, T: 5, D: 3, H: 6, O: 2 }, { kind: 'mse', at: 'all' });
    const got = first.bptt(pr.params, pr.batch, pr.targets, pr.loss);
    const want = plainBptt(pr.params, pr.batch, pr.targets, pr.loss);
    assert.ok(Math.abs(got.gradNorm - want.gradNorm) <= 1e-12 * want.gradNorm);
  } finally {
    g.WebAssembly = wasm;
  }
});
