/**
 * How each flow runs between boxes that stand in lanes and columns. Boxes sit in rows; between
 * columns run gutters, above and below the rows of each lane run channels; a flow only ever runs in
 * those, so it never passes through a box:
 *
 *   out of its box's right side ──> down or up a gutter ──> [along a channel to another gutter,
 *   and down or up that one] ──> into its target's left side (or, in the same column, its right)
 *
 * Each flow that has to cross columns takes the channel where it crosses the fewest flows already
 * placed; the flows sharing a gutter or a channel then get their tracks in the order that crosses
 * least (who turns which way where).
 */
import { listIn } from '../collections/list-in.js';
import { PlacedPieces, type Run, type Vertical } from './placed-pieces.js';
import type { EdgeSpec } from './swimlane-spec.js';

/** Where a box stands: its column, its lane, its row within the lane. */
export interface Place {
  column: number;
  lane: number;
  row: number;
}

export type RouteKind = 'side' | 'adjacent' | 'channel';

export interface Route {
  edge: EdgeSpec;
  from: Place;
  to: Place;
  kind: RouteKind;
  /** The gutter right of the source's column; gutter g runs left of column g. */
  exitGutter: number;
  /** The gutter left of the target's column (for a side route, the exit gutter). */
  entryGutter: number;
  /** The channel above row `row` of `lane` (row = the lane's row count: below its last row). */
  channel?: { lane: number; row: number };
}

/** Vertical positions as ordinals: in each lane, a channel, a row, a channel, ..., a channel. */
export class Levels {
  private readonly base: number[] = [];

  constructor(readonly rows: readonly number[]) {
    let at = 0;
    for (const n of rows) {
      this.base.push(at);
      at += 2 * n + 1;
    }
  }

  row(p: Place): number {
    return (this.base[p.lane] ?? 0) + 2 * p.row + 1;
  }

  channel(lane: number, row: number): number {
    return (this.base[lane] ?? 0) + 2 * row;
  }
}

const strictlyIn = (v: number, a: number, b: number) => v > Math.min(a, b) && v < Math.max(a, b);

export function planRoutes(edges: EdgeSpec[], placeOf: Map<string, Place>, levels: Levels): Route[] {
  const routes = edges.map((edge): Route => {
    const from = placeOf.get(edge.from) as Place;
    const to = placeOf.get(edge.to) as Place;
    const exitGutter = from.column + 1;
    // A step that may repeat itself (a retry) loops out of its box's right side and back in.
    if (to.column === from.column || edge.from === edge.to)
      return { edge, from, to, kind: 'side', exitGutter, entryGutter: exitGutter };
    const entryGutter = to.column;
    return {
      edge,
      from,
      to,
      kind: entryGutter === exitGutter ? 'adjacent' : 'channel',
      exitGutter,
      entryGutter,
    };
  });
  const placed = new PlacedPieces();
  for (const r of routes) {
    placed.addStub({ gutter: r.exitGutter, level: levels.row(r.from) });
    placed.addStub({ gutter: r.entryGutter, level: levels.row(r.to) });
    if (r.kind !== 'channel')
      placed.addVertical({ gutter: r.exitGutter, from: levels.row(r.from), to: levels.row(r.to) });
  }
  // The shortest first: they have the fewest ways to go; the long ones then go around them.
  const far = routes
    .filter((r) => r.kind === 'channel')
    .sort((a, b) => Math.abs(a.entryGutter - a.exitGutter) - Math.abs(b.entryGutter - b.exitGutter));
  const taken = new Map<Route, { verticals: Vertical[]; run: Run }>();
  const take = (route: Route) => {
    const choice = bestChannel(route, levels, placed);
    route.channel = { lane: choice.lane, row: choice.row };
    const level = levels.channel(choice.lane, choice.row);
    const verticals = [
      { gutter: route.exitGutter, from: levels.row(route.from), to: level },
      { gutter: route.entryGutter, from: level, to: levels.row(route.to) },
    ];
    const run = {
      lane: choice.lane,
      row: choice.row,
      level,
      from: Math.min(route.exitGutter, route.entryGutter),
      to: Math.max(route.exitGutter, route.entryGutter),
    };
    for (const v of verticals) placed.addVertical(v);
    placed.addRun(run);
    taken.set(route, { verticals, run });
  };
  for (const route of far) take(route);
  // Rip up and route again: each far flow, in turn, takes its best channel knowing all the others.
  for (let pass = 0; pass < 3; pass++)
    for (const route of far) {
      const before = taken.get(route) as { verticals: Vertical[]; run: Run };
      for (const v of before.verticals) placed.removeVertical(v);
      placed.removeRun(before.run);
      take(route);
    }
  return routes;
}

/**
 * The channel between the source's and the target's lanes (one lane beyond on either side) that
 * crosses the fewest flows already placed, then shares its run with the fewest, then is nearest.
 * A crossing in a gutter the new flow passes through is certain; one in the gutters where it turns
 * depends on the order of the tracks there, and counts half.
 *
 * Every placed piece crosses the new flow for a range of channel levels, so the crossings of all
 * levels are summed at once (a difference array over the levels): a choice costs the pieces plus
 * the levels, not their product, which made routing most of a large blueprint's layout. The
 * counts are whole and half numbers, exact in a double, so they do not depend on the order summed.
 */
function bestChannel(route: Route, levels: Levels, placed: PlacedPieces) {
  const low = Math.max(0, Math.min(route.from.lane, route.to.lane) - 1);
  const high = Math.min(levels.rows.length - 1, Math.max(route.from.lane, route.to.lane) + 1);
  const source = levels.row(route.from);
  const target = levels.row(route.to);
  const window = { first: levels.channel(low, 0), last: levels.channel(high, levels.rows[high] ?? 0) };
  const crossings = crossingsByLevel(route, source, target, window, placed);
  const shared = sharedByLevel(route, window, placed);
  let best = { lane: route.from.lane, row: route.from.row, cost: Number.POSITIVE_INFINITY };
  for (let lane = low; lane <= high; lane++) {
    for (let row = 0; row <= (levels.rows[lane] ?? 0); row++) {
      const level = levels.channel(lane, row);
      const travel = Math.abs(source - level) + Math.abs(target - level);
      const at = level - window.first;
      const cost = (crossings[at] as number) * 10 + (shared[at] as number) + travel * 0.1;
      if (cost < best.cost) best = { lane, row, cost };
    }
  }
  return best;
}

/** The levels a flow may take its channel at: those of its lanes and one lane beyond, first to last. */
export interface LevelWindow {
  first: number;
  last: number;
}

/**
 * For each level of the window (index 0: its first), the placed pieces a flow of `route` along a
 * channel there would cross; it leaves its box at level `source` and reaches its target at
 * `target`. Only the window is summed: a diagram's levels are many more than three lanes'.
 */
export function crossingsByLevel(
  route: Route,
  source: number,
  target: number,
  window: LevelWindow,
  placed: PlacedPieces,
): Float64Array {
  const g1 = Math.min(route.exitGutter, route.entryGutter);
  const g2 = Math.max(route.exitGutter, route.entryGutter);
  const { first, last } = window;
  const delta = new Float64Array(last - first + 2);
  /** Adds w to every level in [from, to] within the window. */
  const add = (from: number, to: number, w: number) => {
    const a = Math.max(from, first);
    const b = Math.min(to, last);
    if (a > b) return;
    delta[a - first] = (delta[a - first] as number) + w;
    delta[b + 1 - first] = (delta[b + 1 - first] as number) - w;
  };
  // A flow up or down a gutter is crossed at the levels strictly between its ends.
  for (let g = g1; g <= g2; g++) {
    const w = g === g1 || g === g2 ? 0.5 : 1;
    for (const v of placed.verticalsIn(g)) add(Math.min(v.from, v.to) + 1, Math.max(v.from, v.to) - 1, w);
  }
  // Where the new flow turns, its gutter run from its box to `level` crosses what lies strictly between.
  const turns = [
    { gutter: route.exitGutter, from: source },
    { gutter: route.entryGutter, from: target },
  ];
  const between = (at: number, from: number, w: number) => {
    if (at > from) add(at + 1, last, w);
    else if (at < from) add(first, at - 1, w);
  };
  for (const t of turns) {
    for (const run of placed.runsThrough(t.gutter))
      between(run.level, t.from, run.from === t.gutter || run.to === t.gutter ? 0.5 : 1);
    for (const stub of placed.stubsIn(t.gutter)) between(stub.level, t.from, 0.5);
  }
  const crossings = new Float64Array(last - first + 1);
  let sum = 0;
  for (let i = 0; i < crossings.length; i++) {
    sum += delta[i] as number;
    crossings[i] = sum;
  }
  return crossings;
}

/**
 * For each level of the window, the placed runs along it whose extent overlaps the new flow's:
 * each counted under the first gutter of the overlap.
 */
function sharedByLevel(route: Route, window: LevelWindow, placed: PlacedPieces): Int32Array {
  const g1 = Math.min(route.exitGutter, route.entryGutter);
  const g2 = Math.max(route.exitGutter, route.entryGutter);
  const shared = new Int32Array(window.last - window.first + 1);
  for (let g = g1; g < g2; g++)
    for (const r of placed.runsThrough(g))
      if (r.to > g && g === Math.max(r.from, g1) && r.level >= window.first && r.level <= window.last)
        shared[r.level - window.first] = (shared[r.level - window.first] as number) + 1;
  return shared;
}

/** A run of a flow along a gutter (vertical) or a channel (horizontal), with the places it turns off. */
export interface Piece {
  key: string;
  /** Its extent across: y for a gutter's runs, x for a channel's. */
  from: number;
  to: number;
  /** Where flows leave it towards the lower side (left of a gutter, up from a channel). */
  lowSide: number[];
  /** Where flows leave it towards the higher side (right of a gutter, down from a channel). */
  highSide: number[];
}

/**
 * Where each of the pieces sharing a gutter or a channel runs: first an order that crosses least
 * (a piece nearer the low side crosses the higher one wherever it turns off to the high side inside
 * the other's extent, and the reverse), then each piece as near the low side as its own minimum
 * allows, `spacing` past every overlapping piece before it in that order. Returns each piece's
 * position and each key's farthest position.
 */
export function assignTracks(
  pieces: Piece[],
  /** How close two pieces' extents may come before they need tracks of their own. */
  clearance: number,
  spacing = 1,
  minimum: (piece: Piece) => number = () => 0,
): { of: Map<Piece, number>; extent: Map<string, number> } {
  const of = new Map<Piece, number>();
  const extent = new Map<string, number>();
  const byKey = new Map<string, Piece[]>();
  for (const p of pieces) listIn(byKey, p.key).push(p);
  // A piece turns off only at its ends, so two whose extents share no stretch never cross.
  const cost = (lower: Piece, higher: Piece) =>
    low(lower) < high(higher) && low(higher) < high(lower)
      ? inside(lower.highSide, higher) + inside(higher.lowSide, lower)
      : 0;
  for (const [key, list] of byKey) {
    let far = 0;
    for (const group of overlapping(
      [...list].sort((a, b) => low(a) - low(b)),
      clearance,
    )) {
      const order: Piece[] = [];
      for (const piece of group) order.splice(cheapestPlace(order, piece, cost).at, 0, piece);
      sift(order, cost);
      for (const [i, piece] of order.entries()) {
        let at = minimum(piece);
        for (let e = 0; e < i; e++) {
          const earlier = order[e] as Piece;
          if (overlaps(earlier, piece, clearance)) at = Math.max(at, (of.get(earlier) ?? 0) + spacing);
        }
        of.set(piece, at);
        far = Math.max(far, at);
      }
    }
    extent.set(key, far);
  }
  return { of, extent };
}

const low = (p: Piece) => Math.min(p.from, p.to);

/** How many of the places lie strictly inside the piece's extent. */
function inside(places: number[], piece: Piece): number {
  let n = 0;
  for (const v of places) if (strictlyIn(v, piece.from, piece.to)) n++;
  return n;
}
const high = (p: Piece) => Math.max(p.from, p.to);

/**
 * Pieces sorted by their low end, in groups joined by overlaps (with the clearance): pieces of two
 * groups never cross nor share a track, so each group is ordered alone, with the same order and
 * tracks as among all of them. A channel spans the whole diagram, and ordering its hundreds of
 * pieces together made a 1,000-step blueprint's tracks most of its layout.
 */
function overlapping(sorted: Piece[], clearance: number): Piece[][] {
  const groups: Piece[][] = [];
  let reach = Number.NEGATIVE_INFINITY;
  for (const piece of sorted) {
    if (groups.length === 0 || low(piece) > reach + clearance) groups.push([]);
    (groups[groups.length - 1] as Piece[]).push(piece);
    reach = Math.max(reach, high(piece));
  }
  return groups;
}

/**
 * Where in the order a piece crosses least (the first such place), and how often: placed at `at`, it lies above
 * the pieces before and below the rest, and each step of `at` moves one piece from one side to
 * the other, so the crossings of every place come from one running sum. (Summed again for each
 * place, a gutter of k pieces cost k^3 crossing counts: 21 s for a blueprint of 100 steps with
 * ten branches each.)
 */
export function cheapestPlace(
  order: Piece[],
  piece: Piece,
  cost: (low: Piece, high: Piece) => number,
  /** An index of `order` to leave out, as if the order were without it (the piece itself, moving). */
  skip = -1,
): { at: number; crossings: number } {
  const length = skip < 0 ? order.length : order.length - 1;
  const other = (i: number) => order[skip < 0 || i < skip ? i : i + 1] as Piece;
  let total = 0;
  for (let i = 0; i < length; i++) total += cost(piece, other(i));
  let best = { at: 0, crossings: total };
  for (let at = 1; at <= length; at++) {
    const passed = other(at - 1);
    total += cost(passed, piece) - cost(piece, passed);
    if (total < best.crossings) best = { at, crossings: total };
  }
  return best;
}

/** Pieces that share any of their extent, ends included, need tracks of their own. */
const overlaps = (p: Piece, q: Piece, clearance: number) =>
  low(p) <= high(q) + clearance && low(q) <= high(p) + clearance;

/**
 * Sifting: each piece in turn moves to the place in the order where it crosses least, until no
 * move helps (at most a few passes: each only ever lowers the crossings).
 */
function sift(order: Piece[], cost: (low: Piece, high: Piece) => number): void {
  for (let pass = 0; pass < 4; pass++) {
    let moved = false;
    for (const piece of [...order]) {
      const now = order.indexOf(piece);
      const { at: bestAt, crossings: best } = cheapestPlace(order, piece, cost, now);
      let current = 0;
      for (let i = 0; i < order.length; i++)
        if (i !== now) current += i < now ? cost(order[i] as Piece, piece) : cost(piece, order[i] as Piece);
      if (best < current) {
        order.splice(now, 1);
        order.splice(bestAt, 0, piece);
        moved = true;
      }
    }
    if (!moved) break;
  }
}
