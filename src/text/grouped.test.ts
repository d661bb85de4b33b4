/** Counts are written as toLocaleString('en-US') writes them, digit for digit. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grouped } from './grouped.js';

describe('grouped', () => {
  it('writes every whole number as toLocaleString does', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: -1000, max: 1000 })),
        (n) => grouped(n) === n.toLocaleString('en-US'),
      ),
      { numRuns: 2000 },
    );
    for (const n of [
      0,
      7,
      999,
      1000,
      -1000,
      123456,
      1234567,
      Number.MAX_SAFE_INTEGER,
      Number.MIN_SAFE_INTEGER,
    ])
      expect(grouped(n)).toBe(n.toLocaleString('en-US'));
  });

  it('leaves fractions, -0 and numbers past the safe integers to toLocaleString', () => {
    for (const n of [1234.5678, -0, 0.5, 2 ** 60, Number.NaN, Number.POSITIVE_INFINITY])
      expect(grouped(n)).toBe(n.toLocaleString('en-US'));
  });
});
