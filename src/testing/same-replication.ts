/**
 * Two replications of one model that must give the same figures, up to the order sums were added
 * in: the simulator's shortcuts (steps done alone, pools served in turn) against the calendar
 * that a traced run keeps for every step.
 */
import { expect } from 'vitest';
import type { RunResult } from '../simulation/run.js';

const ARRAYS = ['sums', 'ends', 'visits', 'outcomes', 'busy', 'available', 'abandons', 'contact'] as const;

export function expectSameReplication(shortcut: RunResult, calendar: RunResult): void {
  for (const key of ARRAYS) {
    const a = shortcut[key];
    const b = calendar[key];
    expect(a.length, key).toBe(b.length);
    for (let i = 0; i < a.length; i++) {
      const x = a[i] as number;
      const y = b[i] as number;
      if (Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(y)))
        expect(`${key}[${i}] = ${x}`).toBe(`${key}[${i}] = ${y}`);
    }
  }
  expect(shortcut.inSystem).toBeCloseTo(calendar.inSystem, 6);
  expect(shortcut.events).toBe(calendar.events);
  expect(shortcut.arrivals).toBe(calendar.arrivals);
  expect(shortcut.unfinished).toBe(calendar.unfinished);
  expect(shortcut.waitSeries.counts).toEqual(calendar.waitSeries.counts);
  const waits = shortcut.waitSeries.sums;
  calendar.waitSeries.sums.forEach((w, i) => {
    expect(waits[i]).toBeCloseTo(w, 6);
  });
}
