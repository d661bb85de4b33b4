/**
 * The tally's two ways of adding a customer who ends: one at a time (`customer`), and, in a model
 * whose customers take one path, with the counts of their segment's first (`alike`). Fed the same
 * customers in the same order, the two must give the same sums, ends and outcome cells to the
 * bit, whatever the times and however the segments interleave: a one-path model's results rest on it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomerRows } from './customer-rows.js';
import { CUSTOMER_SUMS, CustomerTally } from './customer-tally.js';

interface Ending {
  segment: number;
  contacts: number;
  calls: number;
  failures: number;
  abandoned: number;
  steps: number;
  end: number;
  effort: number;
  emotion: number;
  emotions: number;
  time: number;
  queueWait: number;
  plannedWait: number;
}

const SEGMENTS = 3;
const STEPS = 4;
const ENDS = 3;
const SUCCESS = [true, false, true];

/** How the customers of a segment end in a model whose customers take one path: all alike. */
const likeness = fc.record({
  contacts: fc.integer({ min: 0, max: 2 }),
  calls: fc.integer({ min: 0, max: 1 }),
  failures: fc.constantFrom(0, 1, 12),
  abandoned: fc.constantFrom(0, 1),
  steps: fc.integer({ min: 1, max: 3 }),
  end: fc.integer({ min: 0, max: ENDS - 1 }),
  effort: fc.constantFrom(2, 3.5, 0.1 + 0.2),
  emotion: fc.constantFrom(-1.5, 0, 2),
  emotions: fc.integer({ min: 0, max: 2 }),
});
const times = fc.record({
  time: fc.double({ min: 0, max: 1e7, noNaN: true }),
  queueWait: fc.double({ min: 0, max: 1e5, noNaN: true }),
  plannedWait: fc.double({ min: 0, max: 1e6, noNaN: true }),
});
/** Customers of the segments in any order, each ending as their segment's do, after times of their own. */
const customers = fc.array(likeness, { minLength: SEGMENTS, maxLength: SEGMENTS }).chain((kinds) =>
  fc.array(
    fc
      .tuple(fc.integer({ min: 0, max: SEGMENTS - 1 }), times)
      .map(([segment, t]): Ending => ({ ...(kinds[segment] as Ending), segment, ...t })),
    { minLength: 1, maxLength: 200 },
  ),
);

function put(rows: CustomerRows, e: Ending): number {
  const c = rows.add();
  rows.seg[c] = e.segment;
  rows.contacts[c] = e.contacts;
  rows.calls[c] = e.calls;
  rows.failures[c] = e.failures;
  rows.abandoned[c] = e.abandoned;
  rows.steps[c] = e.steps;
  rows.waits[c * 2] = e.queueWait;
  rows.waits[c * 2 + 1] = e.plannedWait;
  rows.feel[c * 3] = e.effort * e.steps;
  rows.feel[c * 3 + 1] = e.emotion * e.emotions;
  rows.feel[c * 3 + 2] = e.emotions;
  return c;
}

function tallied(endings: Ending[], inRuns: boolean): CustomerTally {
  const tally = new CustomerTally(SEGMENTS, STEPS, ENDS);
  const rows = new CustomerRows(0);
  for (const e of endings) {
    const c = put(rows, e);
    const success = SUCCESS[e.end] === true;
    if (inRuns) tally.alike(rows, c, e.end, success, e.time);
    else tally.customer(rows, c, e.end, success, e.time);
    rows.remove(c);
  }
  if (inRuns) tally.close();
  return tally;
}

/** The arrays as bit patterns, so that -0 and 0 or two roundings of a sum differ. */
const bits = (a: Float64Array) => Array.from(new BigUint64Array(a.slice().buffer));

describe('customers of a one-path model, tallied alike', () => {
  it('give the same sums, ends and outcome cells, to the bit, as customers tallied one at a time', () => {
    fc.assert(
      fc.property(customers, (endings) => {
        const one = tallied(endings, false);
        const runs = tallied(endings, true);
        expect(bits(runs.sums)).toEqual(bits(one.sums));
        expect(bits(runs.ends)).toEqual(bits(one.ends));
        expect(bits(runs.outcomes)).toEqual(bits(one.outcomes));
      }),
      { numRuns: 300 },
    );
  });

  it('are all counted once the tally is closed, and only once', () => {
    const ending = { segment: 1, contacts: 1, calls: 1, failures: 0, abandoned: 0, steps: 2, end: 0 };
    const feel = { effort: 2, emotion: 1, emotions: 1, time: 60, queueWait: 5, plannedWait: 0 };
    const tally = tallied(
      Array.from({ length: 7 }, () => ({ ...ending, ...feel })),
      true,
    );
    const sum = (name: (typeof CUSTOMER_SUMS)[number]) =>
      tally.sums[CUSTOMER_SUMS.length + CUSTOMER_SUMS.indexOf(name)];
    const names = ['customers', 'orders', 'contacts', 'firstContactResolved', 'steps'] as const;
    expect(names.map((name) => sum(name))).toEqual([7, 7, 7, 7, 14]);
    expect(tally.ends[ENDS + 0]).toBe(7);
    tally.close();
    expect(names.map((name) => sum(name))).toEqual([7, 7, 7, 7, 14]);
  });
});
