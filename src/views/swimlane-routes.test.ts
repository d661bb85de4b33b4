/** How a far flow picks its channel: the crossings it would make, counted for every level at once. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlacedPieces, type Run, type Stub, type Vertical } from './placed-pieces.js';
import { cheapestPlace, crossingsByLevel, type Piece, type Route } from './swimlane-routes.js';

interface Placed {
  verticals: Vertical[];
  runs: Run[];
  stubs: Stub[];
}

const strictlyIn = (v: number, a: number, b: number) => v > Math.min(a, b) && v < Math.max(a, b);

/** The crossings of a flow along a channel at `level`, piece by piece, as the rule says them. */
function direct(route: Route, source: number, target: number, level: number, placed: Placed): number {
  const g1 = Math.min(route.exitGutter, route.entryGutter);
  const g2 = Math.max(route.exitGutter, route.entryGutter);
  const turns = [
    { gutter: route.exitGutter, from: source },
    { gutter: route.entryGutter, from: target },
  ];
  let crossings = 0;
  for (const v of placed.verticals) {
    if (!strictlyIn(level, v.from, v.to)) continue;
    if (v.gutter > g1 && v.gutter < g2) crossings++;
    else if (v.gutter === g1 || v.gutter === g2) crossings += 0.5;
  }
  for (const run of placed.runs)
    for (const t of turns) {
      if (!strictlyIn(run.level, t.from, level)) continue;
      if (strictlyIn(t.gutter, run.from, run.to)) crossings++;
      else if (run.from === t.gutter || run.to === t.gutter) crossings += 0.5;
    }
  for (const stub of placed.stubs)
    for (const t of turns)
      if (stub.gutter === t.gutter && strictlyIn(stub.level, t.from, level)) crossings += 0.5;
  return crossings;
}

describe('channel crossings', () => {
  it('counted for all levels of a window at once are the crossings counted piece by piece at each level', () => {
    // Few gutters and levels, so that pieces often share a gutter, end where the flow turns, or have no length.
    const size = 12;
    const level = fc.integer({ min: 0, max: size - 1 });
    const gutter = fc.integer({ min: 0, max: 6 });
    const placed = fc.record({
      verticals: fc.array(fc.record({ gutter, from: level, to: level }), { maxLength: 12 }),
      // A run goes from one gutter to another further right, as a far flow's does.
      runs: fc.array(
        fc
          .record({ lane: fc.constant(0), row: fc.constant(0), level, from: gutter, to: gutter })
          .filter((r) => r.from !== r.to)
          .map((r) => ({ ...r, from: Math.min(r.from, r.to), to: Math.max(r.from, r.to) })),
        { maxLength: 12 },
      ),
      stubs: fc.array(fc.record({ gutter, level }), { maxLength: 12 }),
    });
    const route = fc.record({ exitGutter: gutter, entryGutter: gutter, source: level, target: level });
    const window = fc
      .record({ a: level, b: level })
      .map(({ a, b }) => ({ first: Math.min(a, b), last: Math.max(a, b) }));
    fc.assert(
      // Filed with others that are then taken out again, as flows routed again are.
      fc.property(placed, placed, route, window, (p, gone, r, w) => {
        const flow = { ...r, kind: 'channel' } as unknown as Route;
        const filed = PlacedPieces.of({ ...p, stubs: [] });
        for (const v of gone.verticals) filed.addVertical(v);
        for (const run of gone.runs) filed.addRun(run);
        for (const s of p.stubs) filed.addStub(s);
        for (const v of gone.verticals) filed.removeVertical(v);
        for (const run of gone.runs) filed.removeRun(run);
        const all = crossingsByLevel(flow, r.source, r.target, w, filed);
        expect(all.length).toBe(w.last - w.first + 1);
        for (let at = w.first; at <= w.last; at++)
          expect(all[at - w.first], `level ${at}`).toBe(direct(flow, r.source, r.target, at, p));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the place of a piece among those sharing its gutter or channel', () => {
  it('is the first where it crosses least, the crossings of each place summed piece by piece', () => {
    // Few positions, so that pieces overlap, turn off inside each other's extent, and tie.
    const at = fc.integer({ min: 0, max: 9 });
    const piece = fc.record({
      key: fc.constant('g'),
      from: at,
      to: at,
      lowSide: fc.array(at, { maxLength: 3 }),
      highSide: fc.array(at, { maxLength: 3 }),
    });
    const cost = (low: Piece, high: Piece) =>
      low.highSide.filter((v) => strictlyIn(v, high.from, high.to)).length +
      high.lowSide.filter((v) => strictlyIn(v, low.from, low.to)).length;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), piece, (order, added) => {
        const crossings = (place: number) =>
          order.reduce((sum, other, i) => sum + (i < place ? cost(other, added) : cost(added, other)), 0);
        const each = Array.from({ length: order.length + 1 }, (_, place) => crossings(place));
        expect(cheapestPlace(order, added, cost)).toEqual({
          at: each.indexOf(Math.min(...each)),
          crossings: Math.min(...each),
        });
        // Leaving one out (the piece being moved) is placing among the rest.
        for (let skip = 0; skip < order.length; skip++)
          expect(cheapestPlace(order, added, cost, skip)).toEqual(
            cheapestPlace(
              order.filter((_, i) => i !== skip),
              added,
              cost,
            ),
          );
      }),
      { numRuns: 2000 },
    );
  });
});
