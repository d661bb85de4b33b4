/** Readout figures are written as Intl.NumberFormat('en-US') writes them, digit for digit. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedGrouped } from './fixed-grouped.js';

const intl = (n: number, decimals: number) =>
  new Intl.NumberFormat('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: true,
  }).format(n);

/** Values as readouts meet them, and the ones where rounding is decided by a single digit. */
const values = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -1e7, max: 1e7, noNaN: true }),
  // Thousandths and halves of the last place: 1.005, 2.5, -0.125.
  fc.integer({ min: -10_000_000, max: 10_000_000 }).map((k) => k / 1000),
  fc.integer({ min: -100_000, max: 100_000 }).map((k) => (k + 0.5) / 100),
  fc.integer({ min: -60, max: 60 }).map((e) => 10 ** e),
  fc.constantFrom(0, -0, 0.5, 9.995, 99.5, 999_999.995, Number.MAX_VALUE, Number.MIN_VALUE, 5e-324),
);

describe('fixedGrouped', () => {
  it('writes every finite number as Intl.NumberFormat does, at 0 to 6 decimals', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: 0, max: 6 }), (n, decimals) => {
        expect(fixedGrouped(n, decimals)).toBe(intl(n, decimals));
      }),
      { numRuns: 20_000 },
    );
  });

  it('rounds the shortest decimal form half away from zero, and keeps the sign of what rounds to zero', () => {
    expect(fixedGrouped(1.005, 2)).toBe('1.01');
    expect(fixedGrouped(2.5, 0)).toBe('3');
    expect(fixedGrouped(-2.5, 0)).toBe('-3');
    expect(fixedGrouped(999_999.995, 2)).toBe('1,000,000.00');
    expect(fixedGrouped(1234567.891, 1)).toBe('1,234,567.9');
    expect(fixedGrouped(0.0004, 3)).toBe('0.000');
    expect(fixedGrouped(-0.0004, 3)).toBe('-0.000');
    expect(fixedGrouped(-0, 1)).toBe('-0.0');
    expect(fixedGrouped(1e21, 0)).toBe('1,000,000,000,000,000,000,000');
    expect(fixedGrouped(1.5e-7, 6)).toBe('0.000000');
    expect(fixedGrouped(5e-7, 6)).toBe('0.000001');
  });
});
