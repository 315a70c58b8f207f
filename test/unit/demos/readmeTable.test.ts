// The README's demo table quotes numbers from the demos' captions; the captions are recomputed
// from the reference BPTT by the other tests in this folder. This keeps the README in step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { clippingDemo } from '../../../src/demos/clippingDemo';
import { clippingFacts } from '../../../src/demos/clippingStory';
import { shortNumber } from '../../../src/demos/compare';
import { endToEndRatio, gradientNormsDemo } from '../../../src/demos/gradientNorms';
import { horizonDemo, HORIZON_DEFAULTS } from '../../../src/demos/horizonDemo';
import { predictThenRunDemo } from '../../../src/demos/predictThenRun';
import { repoRoot } from '../../support/repoRoot';
import { testEngine } from '../../support/engine';

const readme = readFileSync(path.join(repoRoot(), 'README.md'), 'utf8');
const row = (demo: string): string => {
  const line = readme.split('\n').find((l) => l.startsWith(`| \`${demo}\` |`));
  assert.ok(line, `README has a row for ${demo}`);
  return line;
};

test('README demo table: clipping numbers are the caption\'s', () => {
  const f = clippingFacts(testEngine, clippingDemo(testEngine));
  const r = row('clipping');
  assert.ok(r.includes(`grew ×${shortNumber(f.start.horizonRatio)} through time`), r);
  assert.ok(r.includes(`mean \\|h\\| ${shortNumber(f.start.meanAbsH)}`), r);
  assert.ok(r.includes(`active on ${Math.round(100 * f.fractionClipped)} % of the steps`), r);
  assert.ok(r.includes(`reaches loss 0.05 at step ${f.firstLow.clipped} instead of ${f.firstLow.unclipped}`), r);
});

test('README demo table: gradient norms, predict-then-run and horizon numbers are the captions\'', () => {
  const g = gradientNormsDemo(testEngine);
  assert.ok(row('gradientNorms').includes(`×${shortNumber(endToEndRatio(g.tanh[g.tanh.length - 1]))} over 60 steps`));
  const p = predictThenRunDemo(testEngine);
  assert.ok(row('predictThenRun').includes(`measured ×${p.factorPerStep.toFixed(2)} per step`));
  assert.ok(row('predictThenRun').includes(`tanh′ averages ${p.meanTanhDerivative.toFixed(2)}`));
  const h = horizonDemo(testEngine);
  const ratio = h.norms[HORIZON_DEFAULTS.delay - 1] / h.norms[0];
  assert.ok(ratio > 3.5e-4 && ratio < 4.5e-4, `${ratio}`);
  assert.ok(row('horizon').includes('carries 4·10⁻⁴ of the lag-1 part'));
});
