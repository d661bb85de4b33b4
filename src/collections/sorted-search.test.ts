/** Searches of ascending values by halving: the same answers as looking at every value. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countBelow, lastAtMost } from './sorted-search.js';

describe('searches of sorted values', () => {
  it('count the values below (or at) a point, and find the last at most it, as a scan does', () => {
    const values = fc
      .array(fc.integer({ min: -5, max: 5 }), { maxLength: 20 })
      .map((v) => v.sort((a, b) => a - b));
    fc.assert(
      fc.property(values, fc.integer({ min: -7, max: 7 }), (sorted, x) => {
        expect(countBelow(sorted, x)).toBe(sorted.filter((v) => v < x).length);
        expect(countBelow(Float64Array.from(sorted), x, true)).toBe(sorted.filter((v) => v <= x).length);
        expect(lastAtMost(sorted, x)).toBe(
          Math.max(Number.NEGATIVE_INFINITY, ...sorted.filter((v) => v <= x)),
        );
      }),
      { numRuns: 2000 },
    );
  });
});
