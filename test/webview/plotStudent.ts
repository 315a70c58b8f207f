import { probeProblem, PROBE_DEFAULTS, type ProbeControls } from '../../src/demos/probeProblem';
import { globalNorm } from '../../src/engine';
import { probeBackward } from '../../webview/plot/probeBackward';
import { testEngine } from '../support/engine';

/**
 * What a correct student's bptt returns to the plot on these controls (their dhs, dWhh and global
 * norm), computed by the engine: tests post it as the student's result.
 */
export function correctStudent(controls: ProbeControls = PROBE_DEFAULTS): { dhs: number[][]; dWhh: number[][]; gradNorm: number } {
  const b = probeBackward(testEngine, probeProblem(controls));
  const H = b.hs[0].length;
  const W = Array.from(b.grads.Whh.data);
  return {
    dhs: b.dhs.map((v) => Array.from(v)),
    dWhh: Array.from({ length: H }, (_, i) => W.slice(i * H, (i + 1) * H)),
    gradNorm: globalNorm(b.grads),
  };
}
