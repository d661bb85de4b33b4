import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Distribution, meanOf, parseDistribution } from './distribution.js';

const parsed = (input: unknown): Distribution | undefined => {
  const r = parseDistribution(input);
  return r.ok ? r.value : undefined;
};

describe('distributions', () => {
  it('reads every kind in its short form, in seconds', () => {
    expect(parsed('5 min')).toEqual({ kind: 'fixed', value: 300 });
    expect(parsed('exp(4 min)')).toEqual({ kind: 'exponential', mean: 240 });
    expect(parsed('lognormal(6 min, 3 min)')).toEqual({ kind: 'lognormal', mean: 360, sd: 180 });
    expect(parsed('gamma(6 min, 3 min)')).toEqual({ kind: 'gamma', mean: 360, sd: 180 });
    expect(parsed('normal(6 min, 2 min)')).toEqual({
      kind: 'normal',
      mean: 360,
      sd: 120,
      min: 0,
      max: Number.POSITIVE_INFINITY,
    });
    expect(parsed('uniform(1 min, 3 min)')).toEqual({ kind: 'uniform', min: 60, max: 180 });
    expect(parsed('tri(1 min, 2 min, 5 min)')).toEqual({ kind: 'triangular', min: 60, mode: 120, max: 300 });
  });

  it('reads the object forms, including empirical with weights', () => {
    expect(parsed({ dist: 'lognormal', mean: '6 min', sd: '3 min' })).toEqual({
      kind: 'lognormal',
      mean: 360,
      sd: 180,
    });
    expect(parsed({ dist: 'empirical', values: ['1 min', '2 min'], weights: [3, 1] })).toEqual({
      kind: 'empirical',
      values: [60, 120],
      weights: [3, 1],
    });
  });

  it('explains impossible or misspelt distributions', () => {
    expect(parseDistribution('lognormal(6 min)')).toMatchObject({
      ok: false,
      message: expect.stringContaining('takes mean, sd'),
    });
    expect(parseDistribution('weibull(2 min, 1 min)')).toMatchObject({
      ok: false,
      message: expect.stringContaining('unknown distribution "weibull"'),
    });
    expect(parseDistribution('uniform(5 min, 1 min)')).toMatchObject({
      ok: false,
      message: expect.stringContaining('min must not exceed its max'),
    });
    expect(parseDistribution('triangular(1 min, 9 min, 5 min)')).toMatchObject({ ok: false });
    expect(parseDistribution('exp(0 s)')).toMatchObject({ ok: false });
    expect(parseDistribution({ dist: 'gamma', mean: '5 min', shape: 2 })).toMatchObject({
      ok: false,
      issues: expect.arrayContaining([expect.objectContaining({ path: ['shape'] })]),
    });
    expect(parseDistribution('uniform(1 d')).toMatchObject({
      ok: false,
      message: expect.stringContaining('cut off at a comma'),
    });
  });

  it('refuses parameters that would give no number to draw: infinite, overflowing or truncated away', () => {
    expect(parseDistribution('exp(1e309 s)')).toMatchObject({
      ok: false,
      message: expect.stringContaining('longer than ten years'),
    });
    expect(parseDistribution('gamma(5 min, 1e-320 s)')).toMatchObject({
      ok: false,
      message: expect.stringContaining('shorter than a microsecond'),
    });
    expect(parseDistribution({ dist: 'normal', mean: '1 s', sd: '1 ms', min: '10 min' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('leave out nearly all of it'),
    });
    expect(parsed({ dist: 'normal', mean: '1 s', sd: '1 s', min: '3 s' })).toBeDefined();
    for (const weights of [[Number.POSITIVE_INFINITY], [1e308, 1e308]]) {
      expect(
        parseDistribution({ dist: 'empirical', values: ['1 s', '2 s'].slice(0, weights.length), weights }),
      ).toMatchObject({
        ok: false,
        issues: [expect.objectContaining({ path: ['weights'] })],
      });
    }
  });

  it('gives the closed-form means', () => {
    expect(meanOf({ kind: 'uniform', min: 60, max: 180 })).toBe(120);
    expect(meanOf({ kind: 'triangular', min: 60, mode: 120, max: 300 })).toBe(160);
    expect(meanOf({ kind: 'empirical', values: [60, 120], weights: [3, 1] })).toBe(75);
    // A normal truncated at its mean: mean + sd * sqrt(2 / pi).
    expect(meanOf({ kind: 'normal', mean: 0, sd: 1, min: 0, max: Number.POSITIVE_INFINITY })).toBeCloseTo(
      Math.sqrt(2 / Math.PI),
      6,
    );
  });

  it('gives a truncated normal mean that matches numerical integration (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: 1, max: 30, noNaN: true }),
        (mean, sd) => {
          const d = { kind: 'normal' as const, mean, sd, min: 0, max: Number.POSITIVE_INFINITY };
          let mass = 0;
          let first = 0;
          const hi = Math.max(mean, 0) + 12 * sd;
          const steps = 20000;
          for (let i = 0; i < steps; i++) {
            const x = ((i + 0.5) * hi) / steps;
            const density = Math.exp(-0.5 * ((x - mean) / sd) ** 2);
            mass += density;
            first += x * density;
          }
          if (mass < 1e-300) return;
          expect(meanOf(d)).toBeCloseTo(first / mass, 3);
        },
      ),
      { numRuns: 50 },
    );
  });
});
