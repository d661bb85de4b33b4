import { describe, expect, it } from 'vitest';
import { costOf, costText, percentOf, shareOf, shareTotal } from './values.js';

describe('shares as percentages', () => {
  it('shows 0.7 as 70 and writes 7 % as 0.07, without float noise', () => {
    expect(percentOf(0.7)).toBe(70);
    expect(percentOf('15%')).toBe(15);
    expect(percentOf(undefined)).toBeUndefined();
    expect(shareOf('7')).toBe(0.07);
    expect(shareOf('33.3 %')).toBe(0.333);
    expect(shareOf('')).toBeUndefined();
    expect(shareOf('lots')).toBe('lots');
  });

  it('adds the shares up, or says there are none', () => {
    expect(
      shareTotal([
        { id: 'a', share: 0.8 },
        { id: 'b', share: 0.1 },
      ]),
    ).toBe(90);
    expect(
      shareTotal([
        { id: 'a', share: 0.7 },
        { id: 'b', share: 0.2 },
        { id: 'c', share: 0.1 },
      ]),
    ).toBe(100);
    expect(shareTotal([{ id: 'a' }])).toBeUndefined();
  });
});

describe('costs per hour', () => {
  it('reads the amount per hour and the currency, the model currency when none is written', () => {
    expect(costOf('32 EUR/h', 'EUR')).toEqual({ amount: 32, currency: 'EUR' });
    expect(costOf('€300/d', 'USD')).toEqual({ amount: 12.5, currency: 'EUR' });
    expect(costOf('40/h', 'USD')).toEqual({ amount: 40, currency: 'USD' });
    expect(costOf(undefined, 'EUR')).toBeUndefined();
  });

  it('writes what the form holds, and nothing for no amount', () => {
    expect(costText('34', 'usd')).toBe('34 USD/h');
    expect(costText(' ', 'EUR')).toBeUndefined();
  });
});
