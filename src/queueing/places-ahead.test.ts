/**
 * Clearing the places ahead: the closed form taken past a hundred thousand places agrees with the
 * step-by-step product and sum, and the log-gamma and digamma differences with their definitions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logGamma } from '../model/gamma.js';
import { digammaShift, logGammaShift, placesAhead } from './places-ahead.js';

function stepwise(s: number, serve: number, theta: number, own: number) {
  let survive = 1;
  let meanTime = 0;
  for (let i = 0; i < s; i++) {
    const rate = serve + i * theta;
    survive *= rate / (rate + own);
    meanTime += 1 / rate;
  }
  return { survive, meanTime };
}

describe('clearing the places ahead', () => {
  it('in closed form is the step-by-step product and sum', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100_001, max: 400_000 }),
        fc.double({ min: 1e-4, max: 1, noNaN: true }),
        fc.double({ min: 1e-7, max: 1e-2, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (s, serve, theta, ownShare) => {
          const own = theta * ownShare;
          const closed = placesAhead(s, serve, theta, own);
          const exact = stepwise(s, serve, theta, own);
          // The step-by-step sum of s terms carries s roundings.
          expect(Math.abs(closed.survive - exact.survive)).toBeLessThan(1e-10 * exact.survive + 1e-300);
          expect(closed.meanTime / exact.meanTime).toBeCloseTo(1, 9);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('uses differences of log-gamma and digamma that match their definitions', () => {
    for (const [x, d] of [
      [0.3, 2.5],
      [7, 0.01],
      [42.5, 17],
      [1e6, 3],
    ] as const) {
      expect(logGammaShift(x, d)).toBeCloseTo(logGamma(x + d) - logGamma(x), 8);
    }
    let sum = 0;
    for (let i = 0; i < 1000; i++) sum += 1 / (2.5 + i);
    expect(digammaShift(2.5, 1000)).toBeCloseTo(sum, 12);
  });
});
