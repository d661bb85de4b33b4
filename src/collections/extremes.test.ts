import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { least, most } from './extremes.js';

describe('least and most', () => {
  it('give what Math.min and Math.max give', () => {
    fc.assert(
      fc.property(fc.array(fc.double()), (values) => {
        expect(least(values)).toBe(Math.min(...values));
        expect(most(values)).toBe(Math.max(...values));
      }),
      { numRuns: 2000 },
    );
  });

  it('take more values than a spread into arguments can', () => {
    const values = Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 1_000_003);
    expect(() => Math.min(...values)).toThrow(RangeError);
    expect(least(values)).toBe(0);
    expect(most(values)).toBe(values.reduce((a, b) => (b > a ? b : a)));
  });
});
