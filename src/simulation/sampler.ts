/**
 * Distributions compiled to numbers, and drawn from a stream without allocating: the kind as a
 * small integer and its parameters precomputed (a lognormal's mu and sigma, a gamma's shape and
 * scale), so that a draw is a switch and a little arithmetic.
 */
import type { Distribution } from '../model/distribution.js';
import { standardExponential } from './exponential.js';
import { standardNormal } from './normal.js';
import type { Uniform as Stream } from './random.js';

/**
 * The kinds of distribution. A plain object of constants, not a TypeScript enum: an enum compiles
 * to a mutable module variable, which optimized code loads and checks at every `case` of a draw.
 */
export const Kind = {
  Fixed: 0,
  Exponential: 1,
  Lognormal: 2,
  Gamma: 3,
  Normal: 4,
  Uniform: 5,
  Triangular: 6,
  Empirical: 7,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

export interface Sampler {
  kind: Kind;
  a: number;
  b: number;
  c: number;
  d: number;
  /** Empirical: values and cumulative weights. */
  values: Float64Array;
  cumulative: Float64Array;
  mean: number;
}

const EMPTY = new Float64Array(0);

/**
 * Every sampler is made here, with the same fields in the same order. Made by spreading a base
 * object, samplers of different kinds had different hidden classes in V8, and `sample`, which
 * reads them on every draw, went megamorphic (a generic lookup per field read) in a model that
 * mixes kinds of distribution.
 */
function sampler(
  kind: Kind,
  mean: number,
  a = 0,
  b = 0,
  c = 0,
  d = 0,
  values = EMPTY,
  cumulative = EMPTY,
): Sampler {
  return { kind, a, b, c, d, values, cumulative, mean };
}

export function compileDistribution(d: Distribution, mean: number): Sampler {
  switch (d.kind) {
    case 'fixed':
      return sampler(Kind.Fixed, mean, d.value);
    case 'exponential':
      return sampler(Kind.Exponential, mean, d.mean);
    case 'lognormal': {
      const sigma2 = Math.log(1 + (d.sd * d.sd) / (d.mean * d.mean));
      return sampler(Kind.Lognormal, mean, Math.log(d.mean) - sigma2 / 2, Math.sqrt(sigma2));
    }
    case 'gamma': {
      const shape = (d.mean * d.mean) / (d.sd * d.sd);
      return sampler(Kind.Gamma, mean, shape, (d.sd * d.sd) / d.mean);
    }
    case 'normal':
      return sampler(Kind.Normal, mean, d.mean, d.sd, d.min, d.max);
    case 'uniform':
      return sampler(Kind.Uniform, mean, d.min, d.max);
    case 'triangular':
      return sampler(Kind.Triangular, mean, d.min, d.mode, d.max);
    case 'empirical': {
      const total = d.weights.reduce((x, y) => x + y, 0);
      const cumulative = new Float64Array(d.weights.length);
      let run = 0;
      for (let i = 0; i < d.weights.length; i++) {
        run += (d.weights[i] ?? 0) / total;
        cumulative[i] = run;
      }
      return sampler(Kind.Empirical, mean, 0, 0, 0, 0, Float64Array.from(d.values), cumulative);
    }
  }
}

/**
 * A draw. The kinds most models use are taken here and the rest in `sampleOther`: kept this small,
 * V8 inlines the draw where it is made, which a switch over every kind was too large for.
 */
export function sample(s: Sampler, r: Stream): number {
  const kind = s.kind;
  if (kind === Kind.Exponential) return s.a * standardExponential(r);
  if (kind === Kind.Fixed) return s.a;
  if (kind === Kind.Lognormal) return Math.exp(s.a + s.b * standardNormal(r));
  // `+`: what a function V8 has not inlined returns may be anything to the compiler, and one
  // such branch made every draw's result a boxed number wherever `sample` was inlined.
  return +sampleOther(s, kind, r);
}

type OtherKind = Exclude<Kind, typeof Kind.Exponential | typeof Kind.Fixed | typeof Kind.Lognormal>;

function sampleOther(s: Sampler, kind: OtherKind, r: Stream): number {
  switch (kind) {
    case Kind.Gamma:
      return gamma(s.a, r) * s.b;
    case Kind.Normal: {
      // Rejection from the untruncated normal; a truncation that keeps little mass falls back to uniform.
      for (let i = 0; i < 1000; i++) {
        const x = s.a + s.b * standardNormal(r);
        if (x >= s.c && x <= s.d) return x;
      }
      return Math.min(s.d, Math.max(s.c, s.a));
    }
    case Kind.Uniform:
      return s.a + (s.b - s.a) * r.uniform();
    case Kind.Triangular: {
      const u = r.uniform();
      const split = (s.b - s.a) / (s.c - s.a);
      return u < split
        ? s.a + Math.sqrt(u * (s.c - s.a) * (s.b - s.a))
        : s.c - Math.sqrt((1 - u) * (s.c - s.a) * (s.c - s.b));
    }
    case Kind.Empirical: {
      const u = r.uniform();
      const n = s.cumulative.length;
      for (let i = 0; i < n; i++) if (u < (s.cumulative[i] ?? 1)) return s.values[i] ?? 0;
      return s.values[n - 1] ?? 0;
    }
  }
}

/** Marsaglia and Tsang's method; shapes below 1 by the boost u^(1/shape). */
function gamma(shape: number, r: Stream): number {
  if (shape < 1) return gamma(shape + 1, r) * (1 - r.uniform()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(r);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = r.uniform();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}
