/**
 * The number in the journey for Little's law: its area over the counted window must be every
 * customer's time in the journey clipped to the window, whether they arrived in the warm-up, ended
 * past the horizon or were still in the journey when the run stopped; and the rows in use at the
 * end must be exactly the customers who never ended, the count the run reports as unfinished.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomerRows } from './customer-rows.js';
import { InJourney } from './in-journey.js';

const WARMUP = 100;
const HORIZON = 1000;

/** A customer's arrival and, unless still in the journey at the end, their time in it. */
const customer = fc.record({
  arrival: fc.double({ min: 0, max: 1200, noNaN: true }),
  time: fc.option(fc.double({ min: 0, max: 600, noNaN: true }), { nil: undefined }),
});

const clipped = (from: number, to: number) => Math.max(0, Math.min(to, HORIZON) - Math.max(from, WARMUP));

describe('the customers in the journey', () => {
  it('have an area that is their time inside the window, ended or not', () => {
    fc.assert(
      fc.property(fc.array(customer, { maxLength: 40 }), (customers) => {
        const journey = new InJourney(WARMUP, HORIZON);
        const still: number[] = [];
        let inside = 0;
        for (const { arrival, time } of customers) {
          if (time === undefined) {
            still.push(arrival);
            inside += clipped(arrival, Number.POSITIVE_INFINITY);
          } else {
            journey.leave(arrival, arrival + time);
            inside += clipped(arrival, arrival + time);
          }
        }
        expect(journey.mean(still) * (HORIZON - WARMUP)).toBeCloseTo(inside, 6);
      }),
      { numRuns: 300 },
    );
  });

  it('are the rows in use, however customers come and go', () => {
    // Each step adds a customer, or removes the one at that place among those in the journey.
    const steps = fc.array(fc.option(fc.nat(), { nil: undefined }), { maxLength: 200 });
    fc.assert(
      fc.property(steps, (moves) => {
        const rows = new CustomerRows(0);
        const inside: number[] = [];
        for (const move of moves) {
          if (move === undefined || inside.length === 0) inside.push(rows.add());
          else rows.remove(inside.splice(move % inside.length, 1)[0] as number);
        }
        expect(rows.inUse()).toEqual([...inside].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });
});
