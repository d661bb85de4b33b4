/**
 * Where the elimination goes, before any number is touched: the states' order and, for each, the
 * neighbours still present when it goes (the factor's pattern). Components of the moves come one
 * after another in topological order; within one the state with the fewest neighbours goes first
 * (ties to the lowest index), over the moves taken both ways, which keeps the fill small: a
 * journey that is mostly a line with loops back factors in near-linear time. What remains once
 * the neighbours are most of the component is taken as dense. The pattern depends on which moves
 * exist, not on their probabilities, so a chain whose moves are the same or fewer can reuse it
 * (elimination.ts) and only redo the arithmetic.
 */
import type { StateMoves } from './chain-moves.js';
import type { Components } from './components.js';
import { DegreeHeap } from './degree-heap.js';

export interface EliminationOrder {
  n: number;
  /** order[t]: the state eliminated t-th; position is its inverse. */
  order: Int32Array;
  position: Int32Array;
  /** Positions blockStart[c] .. blockStart[c + 1] - 1 hold component c. */
  blockStart: Int32Array;
  /**
   * From position denseFrom[c] on, component c is eliminated dense: row t's neighbours are
   * order[t + 1] .. order[blockStart[c + 1] - 1], in that order.
   */
  denseFrom: Int32Array;
  /** Row t's neighbours are neighbour[rowStart[t]] .. neighbour[rowStart[t + 1] - 1]. */
  rowStart: Int32Array;
  neighbour: Int32Array;
}

/**
 * The rest of a component goes dense once it has at least DENSE_FROM states and its fewest
 * neighbours reach an eighth of them: by then it fills in quickly (loops back to anywhere make it
 * an expander), and a dense update costs a fraction of a sparse one (measured on the 5,000-step
 * bench model, where half the rest made the factor twice as slow).
 */
const DENSE_FROM = 16;

interface OrderInProgress {
  t: number;
  /** Tells one row's marks from the last's. */
  stamp: number;
  order: Int32Array;
  position: Int32Array;
  rowStart: Int32Array;
  /** Grown by doubling; the first `filled` hold the rows so far (a dense rest adds m^2 / 2 at once). */
  neighbour: Int32Array;
  filled: number;
}

export function eliminationOrder(
  moves: StateMoves,
  { component, start, member }: Components,
): EliminationOrder {
  const n = moves.size;
  const adjacent = symmetricPattern(moves, component);
  const progress: OrderInProgress = {
    t: 0,
    stamp: 0,
    order: new Int32Array(n),
    position: new Int32Array(n).fill(-1),
    rowStart: new Int32Array(n + 1),
    neighbour: new Int32Array(Math.max(16, 4 * n)),
    filled: 0,
  };
  const mark = new Int32Array(n).fill(-1);
  const denseFrom = new Int32Array(start.length - 1);
  for (let c = 0; c + 1 < start.length; c++)
    denseFrom[c] = orderComponent(
      member.subarray(start[c] as number, start[c + 1] as number),
      adjacent,
      mark,
      progress,
    );
  return {
    n,
    order: progress.order,
    position: progress.position,
    blockStart: Int32Array.from(start),
    denseFrom,
    rowStart: progress.rowStart,
    neighbour: progress.neighbour.slice(0, progress.filled),
  };
}

/**
 * Each state's neighbours within its component, a move either way: a move one way reserves the
 * way back, so that the selected inverse finds every entry it needs among the factor's own.
 */
function symmetricPattern({ size, first, to }: StateMoves, component: Int32Array): number[][] {
  const adjacent: number[][] = Array.from({ length: size }, () => []);
  for (let k = 0; k < size; k++) {
    for (let e = first[k] as number; e < (first[k + 1] as number); e++) {
      const j = to[e] as number;
      if (component[j] !== component[k]) continue;
      const row = adjacent[k] as number[];
      if (!row.includes(j)) row.push(j);
      const back = adjacent[j] as number[];
      if (!back.includes(k)) back.push(k);
    }
  }
  return adjacent;
}

/** Orders one component; returns the position its dense rest starts at (its end if none). */
function orderComponent(
  members: Int32Array,
  adjacent: number[][],
  mark: Int32Array,
  f: OrderInProgress,
): number {
  const heap = new DegreeHeap(adjacent.length);
  for (const k of members) heap.push((adjacent[k] as number[]).length, k);
  for (let left = members.length; left > 0; left--) {
    let k = -1;
    let degree = 0;
    for (let key = heap.pop(); key >= 0; key = heap.pop()) {
      const state = heap.stateOf(key);
      const d = heap.degreeOf(key);
      // A state's degree changes as its neighbours go: an old key is stale and skipped.
      if (f.position[state] === -1 && (adjacent[state] as number[]).length === d) {
        k = state;
        degree = d;
        break;
      }
    }
    if (left >= DENSE_FROM && 8 * (degree + 1) >= left) return orderDense(members, f);
    const near = adjacent[k] as number[];
    record(f, k, near);
    for (const i of near) {
      const row = adjacent[i] as number[];
      // k leaves i's row (the rest keeps its order); k's other neighbours join it.
      const stamp = ++f.stamp;
      let w = 0;
      for (const x of row) {
        if (x === k) continue;
        mark[x] = stamp;
        row[w++] = x;
      }
      row.length = w;
      mark[i] = stamp;
      for (const j of near) if (mark[j] !== stamp) row.push(j);
      heap.push(row.length, i);
    }
    adjacent[k] = [];
  }
  return f.t;
}

/** The component's states not yet placed, ascending: each is a neighbour of every later one. */
function orderDense(members: Int32Array, f: OrderInProgress): number {
  const rest = members.filter((s) => f.position[s] === -1);
  const from = f.t;
  for (const [a, k] of rest.entries()) record(f, k, rest.subarray(a + 1));
  return from;
}

function record(f: OrderInProgress, k: number, near: ArrayLike<number>) {
  f.order[f.t] = k;
  f.position[k] = f.t;
  f.rowStart[f.t] = f.filled;
  if (f.filled + near.length > f.neighbour.length) {
    const grown = new Int32Array(2 * (f.filled + near.length));
    grown.set(f.neighbour.subarray(0, f.filled));
    f.neighbour = grown;
  }
  if (near instanceof Int32Array) f.neighbour.set(near, f.filled);
  else for (let a = 0; a < near.length; a++) f.neighbour[f.filled + a] = near[a] as number;
  f.filled += near.length;
  f.t++;
  f.rowStart[f.t] = f.filled;
}
