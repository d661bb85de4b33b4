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
  /** How many levels there are: they run 0 to size - 1. */
  readonly size: number;

  constructor(readonly rows: readonly number[]) {
    let at = 0;
    for (const n of rows) {
      this.base.push(at);
      at += 2 * n + 1;
    }
    this.size = at;
  }

  row(p: Place): number {
    return (this.base[p.lane] ?? 0) + 2 * p.row + 1;
  }

  channel(lane: number, row: number): number {
    return (this.base[lane] ?? 0) + 2 * row;
  }
}

export interface Vertical {
  gutter: number;
  from: number;
  to: number;
}

export interface Run {
  lane: number;
  row: number;
  level: number;
  from: number;
  to: number;
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
  const placed: Placed = { verticals: [], runs: [], stubs: [] };
  for (const r of routes) {
    placed.stubs.push({ gutter: r.exitGutter, level: levels.row(r.from) });
    placed.stubs.push({ gutter: r.entryGutter, level: levels.row(r.to) });
    if (r.kind !== 'channel')
      placed.verticals.push({ gutter: r.exitGutter, from: levels.row(r.from), to: levels.row(r.to) });
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
    placed.verticals.push(...verticals);
    placed.runs.push(run);
    taken.set(route, { verticals, run });
  };
  for (const route of far) take(route);
  // Rip up and route again: each far flow, in turn, takes its best channel knowing all the others.
  for (let pass = 0; pass < 3; pass++)
    for (const route of far) {
      const before = taken.get(route) as { verticals: Vertical[]; run: Run };
      placed.verticals = placed.verticals.filter((v) => !before.verticals.includes(v));
      placed.runs = placed.runs.filter((r) => r !== before.run);
      take(route);
    }
  return routes;
}

/** What the flows placed so far occupy: runs up and down gutters, along channels, and their stubs. */
export interface Placed {
  verticals: Vertical[];
  runs: Run[];
  /** Where flows leave or reach a box, by gutter and level: short runs across the gutter. */
  stubs: { gutter: number; level: number }[];
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
function bestChannel(route: Route, levels: Levels, placed: Placed) {
  const low = Math.max(0, Math.min(route.from.lane, route.to.lane) - 1);
  const high = Math.min(levels.rows.length - 1, Math.max(route.from.lane, route.to.lane) + 1);
  const source = levels.row(route.from);
  const target = levels.row(route.to);
  const crossings = crossingsByLevel(route, source, target, levels.size, placed);
  const shared = sharedByLevel(route, levels.size, placed.runs);
  let best = { lane: route.from.lane, row: route.from.row, cost: Number.POSITIVE_INFINITY };
  for (let lane = low; lane <= high; lane++) {
    for (let row = 0; row <= (levels.rows[lane] ?? 0); row++) {
      const level = levels.channel(lane, row);
      const travel = Math.abs(source - level) + Math.abs(target - level);
      const cost = (crossings[level] as number) * 10 + (shared[level] as number) + travel * 0.1;
      if (cost < best.cost) best = { lane, row, cost };
    }
  }
  return best;
}

/**
 * For each level, the placed pieces a flow of `route` along a channel there would cross; it leaves
 * its box at level `source` and reaches its target at `target`.
 */
export function crossingsByLevel(
  route: Route,
  source: number,
  target: number,
  size: number,
  placed: Placed,
): Float64Array {
  const g1 = Math.min(route.exitGutter, route.entryGutter);
  const g2 = Math.max(route.exitGutter, route.entryGutter);
  const delta = new Float64Array(size + 1);
  /** Adds w to every level in [from, to]. */
  const add = (from: number, to: number, w: number) => {
    if (from > to) return;
    delta[from] = (delta[from] as number) + w;
    delta[to + 1] = (delta[to + 1] as number) - w;
  };
  // A flow up or down a gutter is crossed at the levels strictly between its ends.
  for (const v of placed.verticals) {
    const w = v.gutter > g1 && v.gutter < g2 ? 1 : v.gutter === g1 || v.gutter === g2 ? 0.5 : 0;
    if (w > 0) add(Math.min(v.from, v.to) + 1, Math.max(v.from, v.to) - 1, w);
  }
  // Where the new flow turns, its gutter run from its box to `level` crosses what lies strictly between.
  const turns = [
    { gutter: route.exitGutter, from: source },
    { gutter: route.entryGutter, from: target },
  ];
  const between = (at: number, from: number, w: number) => {
    if (at > from) add(at + 1, size - 1, w);
    else if (at < from) add(0, at - 1, w);
  };
  for (const t of turns) {
    for (const run of placed.runs) {
      const w = strictlyIn(t.gutter, run.from, run.to)
        ? 1
        : run.from === t.gutter || run.to === t.gutter
          ? 0.5
          : 0;
      if (w > 0) between(run.level, t.from, w);
    }
    for (const stub of placed.stubs) if (stub.gutter === t.gutter) between(stub.level, t.from, 0.5);
  }
  const crossings = new Float64Array(size);
  let sum = 0;
  for (let level = 0; level < size; level++) {
    sum += delta[level] as number;
    crossings[level] = sum;
  }
  return crossings;
}

/** For each level, the placed runs along it whose extent overlaps the new flow's. */
function sharedByLevel(route: Route, size: number, runs: Run[]): Int32Array {
  const g1 = Math.min(route.exitGutter, route.entryGutter);
  const g2 = Math.max(route.exitGutter, route.entryGutter);
  const shared = new Int32Array(size);
  for (const r of runs) if (r.from < g2 && g1 < r.to) shared[r.level] = (shared[r.level] as number) + 1;
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
  for (const p of pieces) byKey.set(p.key, [...(byKey.get(p.key) ?? []), p]);
  const cost = (low: Piece, high: Piece) =>
    low.highSide.filter((v) => strictlyIn(v, high.from, high.to)).length +
    high.lowSide.filter((v) => strictlyIn(v, low.from, low.to)).length;
  for (const [key, list] of byKey) {
    const order: Piece[] = [];
    for (const piece of [...list].sort((a, b) => Math.min(a.from, a.to) - Math.min(b.from, b.to)))
      order.splice(cheapestPlace(order, piece, cost).at, 0, piece);
    sift(order, cost);
    let far = 0;
    for (const [i, piece] of order.entries()) {
      let at = minimum(piece);
      for (let e = 0; e < i; e++) {
        const earlier = order[e] as Piece;
        if (overlaps(earlier, piece, clearance)) at = Math.max(at, (of.get(earlier) ?? 0) + spacing);
      }
      of.set(piece, at);
      far = Math.max(far, at);
    }
    extent.set(key, far);
  }
  return { of, extent };
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
): { at: number; crossings: number } {
  let total = 0;
  for (const other of order) total += cost(piece, other);
  let best = { at: 0, crossings: total };
  for (let at = 1; at <= order.length; at++) {
    const passed = order[at - 1] as Piece;
    total += cost(passed, piece) - cost(piece, passed);
    if (total < best.crossings) best = { at, crossings: total };
  }
  return best;
}

/** Pieces that share any of their extent, ends included, need tracks of their own. */
const overlaps = (p: Piece, q: Piece, clearance: number) =>
  Math.min(p.from, p.to) <= Math.max(q.from, q.to) + clearance &&
  Math.min(q.from, q.to) <= Math.max(p.from, p.to) + clearance;

/**
 * Sifting: each piece in turn moves to the place in the order where it crosses least, until no
 * move helps (at most a few passes: each only ever lowers the crossings).
 */
function sift(order: Piece[], cost: (low: Piece, high: Piece) => number): void {
  for (let pass = 0; pass < 4; pass++) {
    let moved = false;
    for (const piece of [...order]) {
      const rest = order.filter((p) => p !== piece);
      const { at: bestAt, crossings: best } = cheapestPlace(rest, piece, cost);
      const now = order.indexOf(piece);
      const current =
        rest.slice(0, now).reduce((s, p) => s + cost(p, piece), 0) +
        rest.slice(now).reduce((s, p) => s + cost(piece, p), 0);
      if (best < current) {
        rest.splice(bestAt, 0, piece);
        order.splice(0, order.length, ...rest);
        moved = true;
      }
    }
    if (!moved) break;
  }
}
