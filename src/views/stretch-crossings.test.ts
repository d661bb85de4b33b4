/** Crossings of horizontal and vertical stretches, counted by a sweep: the same as pair by pair. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Stretch, stretchCrossings } from './stretch-crossings.js';

/** Every pair of different flows whose stretches cross in the interior of both. */
function pairByPair(horizontal: Stretch[], vertical: Stretch[]): number {
  let n = 0;
  for (const h of horizontal)
    for (const v of vertical)
      if (v.flow !== h.flow && v.at > h.low && v.at < h.high && h.at > v.low && h.at < v.high) n++;
  return n;
}

describe('crossings of stretches', () => {
  it('counted by the sweep are those counted pair by pair', () => {
    // Few coordinates, so that stretches often end on each other, share a line, or have no length.
    const at = fc.integer({ min: 0, max: 8 });
    const stretch = fc
      .record({ flow: fc.integer({ min: 0, max: 3 }), at, p: at, q: at })
      .map(({ flow, at, p, q }) => ({ flow, at, low: Math.min(p, q), high: Math.max(p, q) }));
    fc.assert(
      fc.property(fc.array(stretch, { maxLength: 30 }), fc.array(stretch, { maxLength: 30 }), (h, v) => {
        expect(stretchCrossings(h, v)).toBe(pairByPair(h, v));
      }),
      { numRuns: 3000 },
    );
  });

  it('are counted for a grid of long lines: each of 300 across each of 300 down', () => {
    const lines = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ flow: i, at: i + 0.5, low: -1, high: n }));
    expect(
      stretchCrossings(
        lines(300),
        lines(300).map((s) => ({ ...s, flow: s.flow + 300 })),
      ),
    ).toBe(90_000);
  });
});
