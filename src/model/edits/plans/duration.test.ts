import { describe, expect, it } from 'vitest';
import { durationText, plainDuration, showsPlain } from './duration.js';

describe('plainDuration', () => {
  it('splits a plain duration into the number and the unit the select offers', () => {
    expect(plainDuration('4 min')).toEqual({ amount: 4, unit: 'min' });
    expect(plainDuration('90s')).toEqual({ amount: 90, unit: 's' });
    expect(plainDuration('1.5 hours')).toEqual({ amount: 1.5, unit: 'h' });
    expect(plainDuration('2 days')).toEqual({ amount: 2, unit: 'd' });
    expect(plainDuration(0)).toEqual({ amount: 0, unit: 'min' });
  });

  it('leaves distributions and units the select lacks to the text box', () => {
    expect(plainDuration('lognormal(4 min, 2 min)')).toBeUndefined();
    expect(plainDuration('exp(6 min)')).toBeUndefined();
    expect(plainDuration('500 ms')).toBeUndefined();
    expect(plainDuration('2 w')).toBeUndefined();
    expect(plainDuration({ dist: 'lognormal', mean: '6 min', sd: '3 min' })).toBeUndefined();
    expect(showsPlain('exp(6 min)')).toBe(false);
    expect(showsPlain(undefined)).toBe(true);
    expect(showsPlain('4 min')).toBe(true);
  });
});

describe('durationText', () => {
  it('writes the number with its unit, and nothing for an empty number', () => {
    expect(durationText('4', 'min')).toBe('4 min');
    expect(durationText(' 2.50 ', 'h')).toBe('2.5 h');
    expect(durationText('', 's')).toBeUndefined();
  });

  it('round-trips what it reads', () => {
    for (const text of ['4 min', '90 s', '1.5 h', '3 d']) {
      const plain = plainDuration(text);
      expect(plain && durationText(String(plain.amount), plain.unit)).toBe(text);
    }
  });
});
