/**
 * Standard exponential numbers by the ziggurat method: Marsaglia and Tsang's 256 layers of equal
 * area under e^-x ("The Ziggurat Method for Generating Random Variables", 2000), drawn in
 * Doornik's form as normal.ts draws the normal (the layer from a uniform of its own, so that a
 * layer and the point in it are independent). 98% of draws end inside a layer's rectangle with
 * one multiplication; the inverse transform, -log(1 - u), paid a logarithm for every draw, and an
 * exponential model draws two of them for each customer (the arrival and the service).
 */
import type { Uniform } from './random.js';

const LAYERS = 256;
/** Where the base layer's tail begins, and each layer's area (Marsaglia and Tsang's constants for 256 layers). */
const R = 7.69711747013105;
const AREA = 3.949659822581572e-3;

/** Layer i spans [0, X[i]) (X[0] the base layer's equivalent width); RATIO[i] = X[i + 1] / X[i]. */
const X = new Float64Array(LAYERS + 1);
const RATIO = new Float64Array(LAYERS);
{
  let f = Math.exp(-R);
  X[0] = AREA / f;
  X[1] = R;
  X[LAYERS] = 0;
  for (let i = 2; i < LAYERS; i++) {
    const x = -Math.log(AREA / (X[i - 1] as number) + f);
    X[i] = x;
    f = Math.exp(-x);
  }
  for (let i = 0; i < LAYERS; i++) RATIO[i] = (X[i + 1] as number) / (X[i] as number);
}

/** The top layer's area as the tables give it: a check that they close (it must equal AREA). */
export const topLayerArea = (): number => {
  const x = X[LAYERS - 1] as number;
  return x * (1 - Math.exp(-x));
};

export function standardExponential(r: Uniform): number {
  const u = r.uniform();
  const i = Math.floor(r.uniform() * LAYERS);
  // Inside the layer's rectangle that lies wholly under the density.
  if (u < (RATIO[i] as number)) return u * (X[i] as number);
  // `+`: what a call V8 has not inlined returns may be anything to it, and merged with the line
  // above it made every draw a boxed number.
  return +outsideRectangle(r, u, i);
}

/**
 * The 2% of draws outside their layer's rectangle, apart so that the draw above is small enough
 * for V8 to inline wherever it is made: taken in the stream's order as one loop would take them.
 */
function outsideRectangle(r: Uniform, first: number, layer: number): number {
  let u = first;
  let i = layer;
  for (;;) {
    // Beyond R the density is R's own shifted (the exponential has no memory).
    if (i === 0) return R - Math.log(1 - r.uniform());
    // In the wedge between the rectangle and the density: accept under the curve.
    const x = u * (X[i] as number);
    const f0 = Math.exp(x - (X[i] as number));
    const f1 = Math.exp(x - (X[i + 1] as number));
    if (f1 + r.uniform() * (f0 - f1) < 1) return x;
    // Rejected: a new draw, as standardExponential makes it.
    u = r.uniform();
    i = Math.floor(r.uniform() * LAYERS);
    if (u < (RATIO[i] as number)) return u * (X[i] as number);
  }
}
