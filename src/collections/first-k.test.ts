import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstK } from './first-k.js';

describe('the first k items in an order', () => {
  it('are those a whole sort gives, equal items in list order', () => {
    // Pairs ordered by their first number only, so that equal ones show whether list order is kept.
    const byFirst = (a: [number, number], b: [number, number]) => a[0] - b[0];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.nat()), { maxLength: 60 }),
        fc.integer({ min: -1, max: 70 }),
        (items, k) => {
          const plain = [...items].sort(byFirst).slice(0, Math.max(0, k));
          expect(firstK(items, k, byFirst)).toEqual(plain);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
