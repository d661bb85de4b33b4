/** Asking a grid of boxes which overlap a box gives what testing every box gives. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoxGrid } from './box-grid.js';
import { type Box, overlaps } from './label-place.js';

// Boxes across a few cells, some many cells wide, some of no or negative size, some not finite.
const coordinate = fc.oneof(
  fc.integer({ min: -600, max: 1200 }),
  fc.double({ min: -600, max: 1200, noNaN: true }),
);
const size = fc.oneof(
  fc.integer({ min: 0, max: 300 }),
  fc.integer({ min: -20, max: 0 }),
  fc.constant(2_000_000),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY),
);
const box: fc.Arbitrary<Box> = fc.record({ x: coordinate, y: coordinate, width: size, height: size });

describe('a grid of boxes', () => {
  it('finds an overlapping box exactly when testing every box finds one, leaving out the one excepted', () => {
    fc.assert(
      fc.property(fc.array(box, { maxLength: 30 }), box, fc.nat(40), (boxes, asked, except) => {
        const grid = new BoxGrid();
        for (const b of boxes) grid.add(b);
        const left = boxes[except];
        const expected = boxes.some((b) => b !== left && overlaps(asked, b));
        expect(grid.some(asked, (b) => overlaps(asked, b), left)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
