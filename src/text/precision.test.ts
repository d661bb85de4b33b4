import { describe, expect, it } from 'vitest';
import { decimalsFor, equalAsShown, fixed, sharedDecimals } from './precision.js';

describe('figures to three significant digits', () => {
  it('calls figures equal when they read the same, and keeps real differences', () => {
    expect(equalAsShown(1.93, 1.925)).toBe(true);
    expect(equalAsShown(1.93, 1.92)).toBe(false);
    expect(equalAsShown(0, 0)).toBe(true);
    expect(equalAsShown(1234, 1238)).toBe(true);
    expect(equalAsShown(1234, 1250)).toBe(false);
    expect(equalAsShown(0.0101, 0.0102)).toBe(false);
  });

  it('writes both sides to the same decimals', () => {
    expect(sharedDecimals(1.93, 1.925)).toBe(2);
    expect(sharedDecimals(0.604, 12.1)).toBe(1);
    expect([decimalsFor(250, 1), decimalsFor(0.0123, 1), decimalsFor(0, 3)]).toEqual([0, 4, 3]);
  });

  it('never writes a negative zero: a z of -0.04 reads 0.0', () => {
    expect([fixed(-0.04, 1), fixed(-0.05, 1), fixed(-0, 2), fixed(0.04, 1), fixed(-1.25, 1)]).toEqual([
      '0.0',
      '-0.1',
      '0.00',
      '0.0',
      '-1.3',
    ]);
  });
});
