/** The chi-square tail against values from tables (R's pchisq(x, df, lower.tail = FALSE)). */
import { describe, expect, it } from 'vitest';
import { logGamma } from '../model/gamma.js';
import { chiSquareTail } from './chi-square.js';

describe('chi-square tail', () => {
  it('matches the tables', () => {
    expect(chiSquareTail(3.841459, 1)).toBeCloseTo(0.05, 6);
    expect(chiSquareTail(10.82757, 1)).toBeCloseTo(0.001, 7);
    expect(chiSquareTail(5.991465, 2)).toBeCloseTo(0.05, 6);
    expect(chiSquareTail(18.30704, 10)).toBeCloseTo(0.05, 6);
    // Two degrees of freedom per step: Q(2, x / 2) = e^(-x/2) (1 + x/2) exactly.
    expect(chiSquareTail(0.5, 4)).toBeCloseTo(1.25 * Math.exp(-0.25), 12);
    expect(chiSquareTail(200, 30)).toBeLessThan(1e-25);
    expect(chiSquareTail(0, 3)).toBe(1);
  });
  it('has ln Γ of integers as ln of factorials', () => {
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 10);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 10);
  });
});
