import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BpttWorkspace, bptt } from '../../../src/engine';
import { plainBptt } from '../../../src/engine/reference/plainBptt';
import { randomProblem } from './support';

// Its own test file, so its own bundle: no kernel module was compiled before this test breaks the
// compiler (as a webview's Content Security Policy without 'wasm-unsafe-eval' does).
test('a kernel module that cannot be built is logged once, with the reason, and TypeScript runs instead', () => {
  const wasm = globalThis.WebAssembly;
  const refused = class {
    constructor() {
      throw new wasm.CompileError('WebAssembly.Module(): Wasm code generation disallowed by embedder');
    }
  };
  const lines: string[] = [];
  globalThis.WebAssembly = { ...wasm, Module: refused } as unknown as typeof WebAssembly;
  try {
    const first = new BpttWorkspace({ kernels: 'wasm-simd', log: (m) => lines.push(m) });
    const second = new BpttWorkspace({ kernels: 'wasm-simd', log: (m) => lines.push(m) });
    assert.equal(first.kernels, 'typescript');
    assert.equal(second.kernels, 'typescript');
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0], /SIMD kernels could not be built \(CompileError: .*disallowed by embedder\); the TypeScript products are used instead/);
    const pr = randomProblem(9, { B: 2, T: 5, D: 3, H: 6, O: 2 }, { kind: 'mse', at: 'all' });
    const got = bptt(pr.params, pr.batch, pr.targets, pr.loss, first);
    const want = plainBptt(pr.params, pr.batch, pr.targets, pr.loss);
    assert.ok(Math.abs(got.gradNorm - want.gradNorm) <= 1e-12 * want.gradNorm);
  } finally {
    globalThis.WebAssembly = wasm;
  }
});
