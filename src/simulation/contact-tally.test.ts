/**
 * The contact-center sums by pool and hour of the week, and each pool's queue entries over the
 * week read from them (poolContactSums: what the abandonment rate divides by).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { poolContactSums } from './contact-center.js';
import { CONTACT_SUMS, ENTRIES, HOURS_PER_WEEK } from './contact-sums.js';
import { ContactTally } from './contact-tally.js';

describe('ContactTally', () => {
  it("counts each pool's queue entries, whatever hours of the week they fell in", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.tuple(fc.nat(3), fc.nat(HOURS_PER_WEEK - 1)), { maxLength: 300 }),
        (pools, entries) => {
          const tally = new ContactTally(pools, new Float64Array(pools).fill(20));
          const expected = new Float64Array(pools);
          for (const [p, hour] of entries) {
            if (p >= pools) continue;
            tally.entry(p, hour);
            expected[p] = (expected[p] as number) + 1;
          }
          const read = Array.from({ length: pools }, (_, p) => poolContactSums(tally.sums, p)[ENTRIES]);
          expect(read).toEqual([...expected]);
        },
      ),
    );
  });

  it('files an entry under its pool and hour', () => {
    const tally = new ContactTally(2, new Float64Array([20, 20]));
    tally.entry(1, 5);
    tally.entry(1, 5);
    expect(tally.sums[(1 * HOURS_PER_WEEK + 5) * CONTACT_SUMS.length + ENTRIES]).toBe(2);
    expect([0, 1].map((p) => poolContactSums(tally.sums, p)[ENTRIES])).toEqual([0, 2]);
  });
});
