import { EngineInputError, requireFiniteNumber, requirePositiveInteger } from './errors';
import type { RnnParams, Sizes } from './params';
import type { Rng } from './random';
import { zerosMatrix, type Matrix } from './tensor';

/**
 * How to draw the initial weights.
 * - `uniform`: U(±√(3/fanIn)) (variance 1/fanIn); `gaussian`: N(0, 1/fanIn).
 * - `whh`: leave Whh as drawn, rescale it to a chosen spectral radius ρ, or make it ρ·Q with Q
 *   orthogonal (every eigenvalue then has modulus exactly ρ: the cleanest vanishing/exploding demo).
 */
export interface InitOptions {
  readonly scheme: 'uniform' | 'gaussian';
  readonly whh?: { readonly kind: 'as-drawn' } | { readonly kind: 'spectral-radius' | 'scaled-orthogonal'; readonly radius: number };
  /** Biases are drawn from U(±biasScale); 0 gives zero biases. */
  readonly biasScale?: number;
  /** h0 is zero unless given. */
  readonly h0?: Float64Array;
}

export function initParams(sizes: Sizes, rng: Rng, options: InitOptions): RnnParams {
  const D = requirePositiveInteger('sizes.D', sizes.D);
  const H = requirePositiveInteger('sizes.H', sizes.H);
  const O = requirePositiveInteger('sizes.O', sizes.O);
  if (options.scheme !== 'uniform' && options.scheme !== 'gaussian') {
    throw new EngineInputError('options.scheme', `must be "uniform" or "gaussian", got ${JSON.stringify(options.scheme)}`);
  }
  const draw = (rows: number, cols: number): Matrix => {
    const m = zerosMatrix(rows, cols);
    const scale = options.scheme === 'uniform' ? Math.sqrt(3 / cols) : Math.sqrt(1 / cols);
    for (let i = 0; i < m.data.length; i++) {
      m.data[i] = options.scheme === 'uniform' ? rng.between(-scale, scale) : scale * rng.normal();
    }
    return m;
  };
  const biasScale = options.biasScale ?? 0;
  const bias = (n: number): Float64Array => {
    const v = new Float64Array(n);
    if (biasScale !== 0) for (let i = 0; i < n; i++) v[i] = rng.between(-biasScale, biasScale);
    return v;
  };
  const Wxh = draw(H, D);
  const whh = options.whh ?? { kind: 'as-drawn' };
  let Whh: Matrix;
  if (whh.kind === 'as-drawn') {
    Whh = draw(H, H);
  } else {
    const radius = requireFiniteNumber('options.whh.radius', whh.radius);
    if (radius < 0) throw new EngineInputError('options.whh.radius', `must be ≥ 0, got ${radius}`);
    Whh = whh.kind === 'scaled-orthogonal' ? scaledOrthogonal(H, radius, rng) : withSpectralRadius(draw(H, H), radius);
  }
  const bh = bias(H);
  const Why = draw(O, H);
  const by = bias(O);
  const h0 = options.h0 ? options.h0.slice() : new Float64Array(H);
  if (h0.length !== H) throw new EngineInputError('options.h0', `must have length H = ${H}, got ${h0.length}`);
  return { Wxh, Whh, bh, Why, by, h0 };
}

/** ρ·Q with Q orthogonal: Gram–Schmidt on a Gaussian matrix (rows orthonormal). */
export function scaledOrthogonal(H: number, radius: number, rng: Rng): Matrix {
  // Orthonormal rows first (projections must use unit rows), scaled by ρ at the end.
  const q = zerosMatrix(H, H);
  for (let i = 0; i < H; i++) {
    for (;;) {
      const row = new Float64Array(H);
      for (let j = 0; j < H; j++) row[j] = rng.normal();
      for (let k = 0; k < i; k++) {
        let dot = 0;
        for (let j = 0; j < H; j++) dot += row[j] * q.data[k * H + j];
        for (let j = 0; j < H; j++) row[j] -= dot * q.data[k * H + j];
      }
      let norm = 0;
      for (let j = 0; j < H; j++) norm += row[j] * row[j];
      norm = Math.sqrt(norm);
      if (norm < 1e-8) continue; // a (practically impossible) dependent draw: draw again
      for (let j = 0; j < H; j++) q.data[i * H + j] = row[j] / norm;
      break;
    }
  }
  for (let i = 0; i < q.data.length; i++) q.data[i] *= radius;
  return q;
}

/**
 * The spectral radius max|λ| of a square matrix, estimated by power iteration: the geometric-mean
 * growth of ‖Aᵏv‖ over many steps, which converges even when the dominant eigenvalues are a
 * complex pair (where the plain norm ratio oscillates).
 */
export function spectralRadius(m: Matrix, iterations = 400): number {
  const H = m.rows;
  let v = new Float64Array(H).fill(1 / Math.sqrt(H));
  let logGrowth = 0;
  const warmup = Math.floor(iterations / 4);
  for (let k = 0; k < iterations; k++) {
    const w = new Float64Array(H);
    for (let i = 0; i < H; i++) {
      let s = 0;
      for (let j = 0; j < H; j++) s += m.data[i * H + j] * v[j];
      w[i] = s;
    }
    let norm = 0;
    for (let i = 0; i < H; i++) norm += w[i] * w[i];
    norm = Math.sqrt(norm);
    if (norm === 0) return 0;
    if (k >= warmup) logGrowth += Math.log(norm);
    for (let i = 0; i < H; i++) w[i] /= norm;
    v = w;
  }
  return Math.exp(logGrowth / (iterations - warmup));
}

function withSpectralRadius(m: Matrix, radius: number): Matrix {
  const current = spectralRadius(m);
  if (current === 0) return m;
  const scale = radius / current;
  for (let i = 0; i < m.data.length; i++) m.data[i] *= scale;
  return m;
}
