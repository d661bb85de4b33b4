import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Calendar } from './calendar.js';

/** The largest double below x (x > 0). */
const justBefore = (x: number) => {
  const bits = new BigInt64Array(Float64Array.of(x).buffer);
  bits[0] = (bits[0] as bigint) - 1n;
  return new Float64Array(bits.buffer)[0] as number;
};

const LANES = 3;
const LANE_TYPE = 5;

interface Event {
  time: number;
  type: number;
  subject: number;
}

/** Pushes and pops interleaved: `null` is a pop. */
const operations = fc.array(
  fc.option(
    fc.record({
      // Few distinct times, so that ties (taken in the order they were pushed) are common; times
      // within the hour, within the calendar's ring of hours and beyond it.
      time: fc.oneof(
        fc.integer({ min: 0, max: 20 }).map((t) => t * 1800),
        // The last double before an hour's end, where a division may round into the next hour.
        fc.integer({ min: 1, max: 2000 }).map((h) => justBefore(h * 3600)),
        fc.double({ min: 0, max: 3600, noNaN: true }),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
      ),
      type: fc.integer({ min: 0, max: 7 }),
      subject: fc.integer({ min: 0, max: 2 ** 28 - 1 }),
      // The event goes to this lane (a segment's next arrival) when the lane has none pending.
      lane: fc.option(fc.integer({ min: 0, max: LANES - 1 }), { freq: 2 }),
    }),
    { freq: 3 },
  ),
  { maxLength: 3000 },
);

describe('the event calendar', () => {
  it('gives events earliest first, ties in the order they came, types and subjects intact, lanes among them', () => {
    fc.assert(
      fc.property(operations, (ops) => {
        const calendar = new Calendar(LANES, LANE_TYPE);
        const laneBusy = [false, false, false];
        // The reference: a list kept sorted by (time, arrival), popped from the front.
        const pending: (Event & { order: number; lane?: number })[] = [];
        let order = 0;
        const take = () => {
          expect(calendar.size).toBe(pending.length);
          const popped = calendar.pop();
          expect(popped).toBe(pending.length > 0);
          const want = pending.shift();
          if (want?.lane !== undefined) laneBusy[want.lane] = false;
          if (want)
            expect({ time: calendar.time, type: calendar.type, subject: calendar.subject }).toEqual({
              time: want.time,
              type: want.type,
              subject: want.subject,
            });
        };
        for (const op of ops) {
          if (op === null) {
            take();
            continue;
          }
          let entry: Event & { order: number; lane?: number };
          if (op.lane !== null && !laneBusy[op.lane]) {
            laneBusy[op.lane] = true;
            calendar.pushLane(op.lane, op.time);
            entry = { time: op.time, type: LANE_TYPE, subject: op.lane, lane: op.lane, order: order++ };
          } else {
            calendar.push(op.time, op.type, op.subject);
            entry = { time: op.time, type: op.type, subject: op.subject, order: order++ };
          }
          const at = pending.findIndex((e) => e.time > entry.time);
          pending.splice(at < 0 ? pending.length : at, 0, entry);
        }
        while (pending.length > 0) take();
        expect(calendar.pop()).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('gives lanes tied in time in the order they were pushed, whatever their numbers', () => {
    const calendar = new Calendar(LANES, LANE_TYPE);
    calendar.push(60, 1, 9);
    for (const lane of [2, 1, 0]) calendar.pushLane(lane, 60);
    calendar.push(60, 1, 8);
    const taken: [number, number][] = [];
    while (calendar.pop()) taken.push([calendar.type, calendar.subject]);
    expect(taken).toEqual([
      [1, 9],
      [LANE_TYPE, 2],
      [LANE_TYPE, 1],
      [LANE_TYPE, 0],
      [1, 8],
    ]);
  });
});
