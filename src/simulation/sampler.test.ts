import { describe, expect, it } from 'vitest';
import type { Distribution } from '../model/distribution.js';
import { normalUpperTail } from '../model/normal-tail.js';
import { KeyedUniform, Stream } from './random.js';
import { compileDistribution, sample } from './sampler.js';

const N = 200_000;
/** Kolmogorov-Smirnov's critical distance at the 0.1% level for N draws. */
const KS_CRITICAL = 1.95 / Math.sqrt(N);

const draws = (d: Distribution, seed = 7): Float64Array => {
  const s = compileDistribution(d, 0);
  const r = new Stream(seed, 'sampler-test');
  return Float64Array.from({ length: N }, () => sample(s, r));
};

/** The largest distance between the draws' empirical distribution and `cdf`. */
function ksDistance(xs: Float64Array, cdf: (x: number) => number): number {
  const sorted = xs.slice().sort();
  let d = 0;
  sorted.forEach((x, i) => {
    const f = cdf(x);
    d = Math.max(d, Math.abs(f - i / sorted.length), Math.abs((i + 1) / sorted.length - f));
  });
  return d;
}

const mean = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: Float64Array) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) * (x - m), 0) / (xs.length - 1));
};
const phi = (x: number) => 1 - normalUpperTail(x);

describe('samplers draw from the distributions they name', () => {
  it('normal: its distribution function, tails included', () => {
    const xs = draws({ kind: 'normal', mean: 0, sd: 1, min: -Infinity, max: Infinity });
    expect(ksDistance(xs, phi)).toBeLessThan(KS_CRITICAL);
    // Beyond 3.44 sd the ziggurat leaves its layers for the tail: its mass must be there too.
    const beyond = xs.filter((x) => Math.abs(x) > 3.442619855899).length / N;
    expect(beyond).toBeCloseTo(2 * normalUpperTail(3.442619855899), 3);
  });

  it('normal truncated to [min, max]: the conditional distribution, never outside', () => {
    const xs = draws({ kind: 'normal', mean: 10, sd: 4, min: 8, max: 20 });
    expect(xs.every((x) => x >= 8 && x <= 20)).toBe(true);
    const lo = phi((8 - 10) / 4);
    const mass = phi((20 - 10) / 4) - lo;
    expect(ksDistance(xs, (x) => (phi((x - 10) / 4) - lo) / mass)).toBeLessThan(KS_CRITICAL);
  });

  it('lognormal: the mean and sd asked for, and a normal logarithm', () => {
    const xs = draws({ kind: 'lognormal', mean: 360, sd: 180 });
    expect(mean(xs)).toBeCloseTo(360, -1);
    expect(Math.abs(sd(xs) / 180 - 1)).toBeLessThan(0.02);
    const sigma2 = Math.log(1 + 0.25);
    const mu = Math.log(360) - sigma2 / 2;
    expect(ksDistance(xs, (x) => phi((Math.log(x) - mu) / Math.sqrt(sigma2)))).toBeLessThan(KS_CRITICAL);
  });

  it('gamma: the mean and sd asked for, with shapes above and below 1', () => {
    for (const [m, s] of [
      [300, 100],
      [60, 120],
    ] as const) {
      const xs = draws({ kind: 'gamma', mean: m, sd: s });
      // Within four standard errors of the mean; the sd of a skewed gamma is itself noisy.
      expect(Math.abs(mean(xs) - m)).toBeLessThan((4 * s) / Math.sqrt(N));
      expect(Math.abs(sd(xs) / s - 1)).toBeLessThan(0.04);
    }
  });

  it('exponential: its distribution function', () => {
    const xs = draws({ kind: 'exponential', mean: 300 });
    expect(ksDistance(xs, (x) => 1 - Math.exp(-x / 300))).toBeLessThan(KS_CRITICAL);
  });

  it("a customer's keyed numbers give the same distribution as a stream", () => {
    const s = compileDistribution({ kind: 'normal', mean: 0, sd: 1, min: -Infinity, max: Infinity }, 0);
    const keyed = new KeyedUniform();
    const xs = Float64Array.from({ length: N }, (_, c) => sample(s, keyed.at(c, 12345, 1)));
    expect(ksDistance(xs, phi)).toBeLessThan(KS_CRITICAL);
  });
});
