/**
 * Standard normal numbers by the ziggurat method, in Doornik's form (J. A. Doornik, "An Improved
 * Ziggurat Method to Generate Normal Random Samples", 2005): 128 layers of equal area under the
 * density; a draw picks a layer and a point in it and, 99% of the time, is done with one
 * multiplication. Box-Muller needed a logarithm, a square root and a cosine for every number,
 * and lognormal and gamma durations made it a tenth of a journey's simulation time.
 */
import type { Uniform } from './random.js';

const LAYERS = 128;
/** Where the base layer's tail begins, and each layer's area (Doornik's constants for 128 layers). */
const R = 3.442619855899;
const AREA = 9.91256303526217e-3;

/** Layer i spans [0, X[i]) (X[0] the base layer's equivalent width); RATIO[i] = X[i + 1] / X[i]. */
const X = new Float64Array(LAYERS + 1);
const RATIO = new Float64Array(LAYERS);
{
  let f = Math.exp(-0.5 * R * R);
  X[0] = AREA / f;
  X[1] = R;
  X[LAYERS] = 0;
  for (let i = 2; i < LAYERS; i++) {
    const x = Math.sqrt(-2 * Math.log(AREA / (X[i - 1] as number) + f));
    X[i] = x;
    f = Math.exp(-0.5 * x * x);
  }
  for (let i = 0; i < LAYERS; i++) RATIO[i] = (X[i + 1] as number) / (X[i] as number);
}

export function standardNormal(r: Uniform): number {
  const u = 2 * r.uniform() - 1;
  const i = Math.floor(r.uniform() * LAYERS);
  // Inside the layer's rectangle that lies wholly under the density.
  if (Math.abs(u) < (RATIO[i] as number)) return u * (X[i] as number);
  // `+`: what a call V8 has not inlined returns may be anything to it, and merged with the line
  // above it made every draw a boxed number.
  return +outsideRectangle(r, u, i);
}

/**
 * The draws outside their layer's rectangle, apart so that the draw above is small enough for V8
 * to inline wherever it is made: taken in the stream's order as one loop would take them.
 */
function outsideRectangle(r: Uniform, first: number, layer: number): number {
  let u = first;
  let i = layer;
  for (;;) {
    if (i === 0) return tail(r, u < 0);
    // In the wedge between the rectangle and the density: accept under the curve.
    const x = u * (X[i] as number);
    const xi = X[i] as number;
    const next = X[i + 1] as number;
    const f0 = Math.exp(-0.5 * (xi * xi - x * x));
    const f1 = Math.exp(-0.5 * (next * next - x * x));
    if (f1 + r.uniform() * (f0 - f1) < 1) return x;
    // Rejected: a new draw, as standardNormal makes it.
    u = 2 * r.uniform() - 1;
    i = Math.floor(r.uniform() * LAYERS);
    if (Math.abs(u) < (RATIO[i] as number)) return u * (X[i] as number);
  }
}

/** Beyond R, by Marsaglia's exponential rejection. */
function tail(r: Uniform, negative: boolean): number {
  for (;;) {
    const x = Math.log(1 - r.uniform()) / R;
    const y = Math.log(1 - r.uniform());
    if (-2 * y >= x * x) return negative ? x - R : R - x;
  }
}
