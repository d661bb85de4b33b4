/**
 * Student's t quantiles against printed tables (R's qt; Abramowitz and Stegun table 26.10), where
 * the old table and its t = 2.0 for 31 to 60 degrees of freedom were up to 2% off.
 */
import { describe, expect, it } from 'vitest';
import { estimate } from './stats.js';
import { incompleteBeta, studentTQuantile, tQuantile } from './student-t.js';

describe("Student's t quantiles", () => {
  it.each([
    [1, 12.7062],
    [2, 4.3027],
    [3, 3.1824],
    [4, 2.7764],
    [5, 2.5706],
    [9, 2.2622],
    [10, 2.2281],
    [19, 2.093],
    [29, 2.0452],
    [30, 2.0423],
    [31, 2.0395],
    [40, 2.0211],
    [45, 2.0141],
    [59, 2.001],
    [60, 2.0003],
    [99, 1.9842],
    [120, 1.9799],
    [199, 1.972],
    [1000, 1.9623],
    [Number.POSITIVE_INFINITY, 1.96],
  ])('t(0.975, %s) = %s', (df, value) => {
    expect(tQuantile(df)).toBeCloseTo(value, 4);
  });

  it('matches the closed forms for 1 and 2 degrees of freedom to 9 significant digits', () => {
    const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
    for (const p of [0.6, 0.9, 0.975, 0.995, 0.9999]) {
      expect(relative(studentTQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)))).toBeLessThan(1e-9);
      expect(relative(studentTQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)))).toBeLessThan(1e-9);
    }
  });

  it('gives other levels, the lower tail by symmetry, and the normal for very many degrees of freedom', () => {
    expect(studentTQuantile(0.995, 10)).toBeCloseTo(3.1693, 4);
    expect(studentTQuantile(0.95, 5)).toBeCloseTo(2.015, 4);
    expect(studentTQuantile(0.025, 7)).toBeCloseTo(-2.3646, 4);
    expect(studentTQuantile(0.5, 7)).toBe(0);
    // Degrees of freedom need not be whole (SciPy's t.ppf(0.975, 2.5)).
    expect(studentTQuantile(0.975, 2.5)).toBeCloseTo(3.574655, 6);
    // Either side of the switch to the expansion in 1/df: the same value to 9 digits.
    expect(studentTQuantile(0.975, 1e5)).toBeCloseTo(studentTQuantile(0.975, 1e5 + 1e-6), 9);
    expect(studentTQuantile(0.975, 1e12)).toBeCloseTo(1.959963985, 8);
  });

  it('refuses what has no quantile', () => {
    expect(studentTQuantile(0.975, 0)).toBeNaN();
    expect(studentTQuantile(1, 5)).toBeNaN();
    expect(studentTQuantile(0, 5)).toBeNaN();
  });

  it('rests on an incomplete beta with known values', () => {
    // I_x(1, b) = 1 - (1 - x)^b and I_x(a, 1) = x^a.
    expect(incompleteBeta(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 12);
    expect(incompleteBeta(0.8, 3, 1)).toBeCloseTo(0.8 ** 3, 12);
    expect(incompleteBeta(0.5, 2.5, 2.5)).toBeCloseTo(0.5, 12);
  });

  it('makes the 95% interval of 41 replications use t(0.975, 40) = 2.0211, not 2.0', () => {
    const values = Array.from({ length: 41 }, (_, i) => i % 2);
    const mean = 20 / 41;
    const variance = values.reduce((a, x) => a + (x - mean) ** 2, 0) / 40;
    expect(estimate(values).halfWidth / Math.sqrt(variance / 41)).toBeCloseTo(2.0211, 4);
  });
});
