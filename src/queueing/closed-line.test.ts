/**
 * Callers who find the line closed come back in the quarter hour after it opens: the weekly rates
 * the SIPP analysis works on, with their arrivals moved there, must be exactly what moving each
 * closed minute's callers one by one gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WEEK_MINUTES } from '../model/week.js';
import { deferClosedArrivals, type WeeklyArrivals } from './closed-line.js';

const REOPEN = 15;

/** Each closed minute's callers added, one minute of the quarter hour after the opening at a time. */
function oneByOne(q: WeeklyArrivals): { rates: Float64Array[]; closedWait: Float64Array } {
  const open = new Int32Array(WEEK_MINUTES).fill(-1);
  let upcoming = -1;
  for (let pass = 0; pass < 2; pass++)
    for (let m = WEEK_MINUTES - 1; m >= 0; m--) {
      open[m] = upcoming;
      if ((q.capacity[m] as number) > 0) upcoming = m;
    }
  const closedWait = new Float64Array(q.classes.length);
  const rates = q.classes.map((k, i) => {
    const rate = Float64Array.from(k.rate);
    for (let m = 0; m < WEEK_MINUTES; m++) {
      if ((q.capacity[m] as number) > 0 || (k.rate[m] as number) <= 0) continue;
      rate[m] = 0;
      const o = open[m] as number;
      if (o < 0) continue;
      const customers = (k.rate[m] as number) * 60;
      closedWait[i] =
        (closedWait[i] as number) +
        customers * (((o - m + WEEK_MINUTES) % WEEK_MINUTES) * 60 - 30 + (REOPEN * 60) / 2);
      for (let r = 0; r < REOPEN; r++) {
        const at = (o + r) % WEEK_MINUTES;
        rate[at] = (rate[at] as number) + customers / (REOPEN * 60);
      }
    }
    return rate;
  });
  return { rates, closedWait };
}

/** A week painted in stretches: [first minute, minutes long, value], later stretches over earlier ones. */
const painted = (
  base: number,
  stretches: [number, number, number][],
  make: (n: number) => Float64Array | Int32Array,
) => {
  const week = make(WEEK_MINUTES).fill(base);
  for (const [from, length, value] of stretches)
    for (let m = from; m < from + length; m++) week[m % WEEK_MINUTES] = value;
  return week;
};

describe('closed minutes deferred to the opening', () => {
  it('give the same bits as moving every minute one by one, whatever the shifts and rates', () => {
    const minute = fc.integer({ min: 0, max: WEEK_MINUTES - 1 });
    // Openings short and long, some shorter than the quarter hour, some across Sunday midnight.
    const shift = fc.tuple(minute, fc.integer({ min: 1, max: 600 }), fc.integer({ min: 0, max: 4 }));
    const shifts = fc.array(shift, { maxLength: 12 });
    const rate = fc.double({ min: 0, max: 0.05, noNaN: true });
    const profile = fc.tuple(
      rate,
      fc.array(fc.tuple(minute, fc.integer({ min: 1, max: 3000 }), rate), { maxLength: 10 }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1),
        shifts,
        fc.array(profile, { minLength: 1, maxLength: 3 }),
        (base, s, classes) => {
          const q: WeeklyArrivals = {
            capacity: painted(base, s, (n) => new Int32Array(n)) as Int32Array,
            classes: classes.map(([b, stretches]) => ({
              rate: painted(b, stretches, (n) => new Float64Array(n)) as Float64Array,
            })),
          };
          const fast = deferClosedArrivals(q);
          const slow = oneByOne(q);
          expect(fast.closedWait).toEqual(slow.closedWait);
          for (const [i, r] of slow.rates.entries())
            for (let m = 0; m < WEEK_MINUTES; m++)
              if (!Object.is(fast.rates[i]?.[m], r[m]))
                expect(`minute ${m}: ${fast.rates[i]?.[m]}`).toBe(`minute ${m}: ${r[m]}`);
        },
      ),
      { numRuns: 300 },
    );
  });
});
