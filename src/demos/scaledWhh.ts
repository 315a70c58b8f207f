import { initParams, type InitOptions, type RnnParams, type Rng, type Sizes } from '../engine';

/**
 * Parameters whose Whh is ρ·Q with Q orthogonal, so every singular value of Whh is exactly ρ and
 * each step back through a linear RNN scales ‖∂L/∂h‖ by exactly ρ. Q is drawn at radius 1 and
 * scaled here, so the orthogonality never depends on ρ.
 */
export function paramsWithScaledOrthogonalWhh(sizes: Sizes, rng: Rng, radius: number, scheme: InitOptions['scheme'] = 'gaussian'): RnnParams {
  const p = initParams(sizes, rng, { scheme, whh: { kind: 'scaled-orthogonal', radius: 1 } });
  const Whh = p.Whh.data;
  for (let i = 0; i < Whh.length; i++) Whh[i] *= radius;
  return p;
}
