import { describe, expect, it } from 'vitest';
import type { Distribution } from '../model/distribution.js';
import { normalUpperTail } from '../model/normal-tail.js';
import { topLayerArea } from './exponential.js';
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

  it('exponential: its distribution function and mean, tail included, and tables that close', () => {
    // A million draws: a wedge that accepted every point it is offered (1% too much mass, set
    // flat where the density falls) moves the mean 6 standard errors.
    const n = 1_000_000;
    const s = compileDistribution({ kind: 'exponential', mean: 300 }, 0);
    const r = new Stream(7, 'sampler-test');
    const xs = Float64Array.from({ length: n }, () => sample(s, r) / 300);
    expect(ksDistance(xs, (x) => 1 - Math.exp(-x))).toBeLessThan(1.95 / Math.sqrt(n));
    expect(Math.abs(mean(xs) - 1)).toBeLessThan(4 / Math.sqrt(n));
    // Beyond R (7.697 means) the ziggurat leaves its layers for the tail: e^-R of the mass, about
    // 450 draws; a tail left out or doubled is 21 standard errors off.
    const R = 7.69711747013105;
    const beyond = xs.filter((x) => x > R).length;
    expect(Math.abs(beyond - n * Math.exp(-R))).toBeLessThan(4 * Math.sqrt(n * Math.exp(-R)));
    expect(xs.filter((x) => x > 2 * R).length).toBeLessThan(3);
    // The layers' recursion ends with a top layer of the same area as every other.
    expect(topLayerArea()).toBeCloseTo(3.949659822581572e-3, 14);
  });

  it("exponential: a customer's draw scales with the mean (common random numbers across scenarios)", () => {
    const keyed = new KeyedUniform();
    const short = compileDistribution({ kind: 'exponential', mean: 60 }, 0);
    const long = compileDistribution({ kind: 'exponential', mean: 90 }, 0);
    for (let c = 0; c < 1000; c++) {
      const a = sample(short, keyed.at(c, 99, 1));
      expect(sample(long, keyed.at(c, 99, 1))).toBeCloseTo(a * 1.5, 9);
    }
  });

  it("a customer's keyed numbers give the same distribution as a stream", () => {
    const s = compileDistribution({ kind: 'normal', mean: 0, sd: 1, min: -Infinity, max: Infinity }, 0);
    const keyed = new KeyedUniform();
    const xs = Float64Array.from({ length: N }, (_, c) => sample(s, keyed.at(c, 12345, 1)));
    expect(ksDistance(xs, phi)).toBeLessThan(KS_CRITICAL);
  });
});
