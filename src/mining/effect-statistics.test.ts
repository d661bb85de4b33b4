/** The statistics of an effect, against values worked out by hand. */
import { describe, expect, it } from 'vitest';
import { normalUpperTail } from '../model/normal-tail.js';
import { effectStatistics, holm } from './effect-statistics.js';

describe('effect statistics', () => {
  it('gives the lift, its log-normal interval, the excess contacts and the z test', () => {
    // 30 of 100 exposed and 15 of 100 unexposed: lift 2, se of log lift sqrt(1/30 - 1/100 + 1/15 - 1/100).
    const s = effectStatistics({
      exposed: 100,
      exposedContacted: 30,
      unexposed: 100,
      unexposedContacted: 15,
    });
    const se = Math.sqrt(1 / 30 - 1 / 100 + 1 / 15 - 1 / 100);
    expect(s.lift).toBeCloseTo(2, 12);
    expect(s.low).toBeCloseTo(2 * Math.exp(-1.959964 * se), 5);
    expect(s.high).toBeCloseTo(2 * Math.exp(1.959964 * se), 5);
    expect(s.excess).toBeCloseTo(15, 12);
    expect(s.excessPer1000).toBeCloseTo(150, 12);
    // Pooled rate 0.225: z = 0.15 / sqrt(0.225 * 0.775 * 0.02) = 2.5400, p = 0.01109.
    expect(s.p).toBeCloseTo(2 * normalUpperTail(0.15 / Math.sqrt(0.225 * 0.775 * 0.02)), 12);
    expect(s.p).toBeCloseTo(0.01109, 4);
  });

  it('stays finite when nobody exposed made contact', () => {
    const s = effectStatistics({ exposed: 12, exposedContacted: 0, unexposed: 1000, unexposedContacted: 50 });
    expect(Number.isFinite(s.lift) && Number.isFinite(s.high)).toBe(true);
    expect(s.low).toBeLessThan(1);
  });

  it('knows the normal tail and corrects a family of p-values by Holm', () => {
    expect(normalUpperTail(1.959964)).toBeCloseTo(0.025, 6);
    expect(normalUpperTail(-1)).toBeCloseTo(0.841345, 6);
    expect(holm([0.01, 0.04, 0.03])).toEqual([0.03, 0.06, 0.06]);
    expect(holm([0.5, 0.001])).toEqual([0.5, 0.002]);
  });
});

describe('an effect with no units on one side', () => {
  it('has no lift, interval or excess, and is no driver: there is nothing to compare it with', () => {
    // Every customer-day viewed the page: 24 of 80 called, and there are no others.
    const s = effectStatistics({ exposed: 80, exposedContacted: 24, unexposed: 0, unexposedContacted: 0 });
    expect([s.lift, s.low, s.high]).toEqual([Number.NaN, Number.NaN, Number.NaN]);
    expect(s).toMatchObject({ rateExposed: 0.3, excess: 0, p: 1 });
  });
});
