/**
 * An absorbing chain's I - Q factored by eliminating states one at a time (Grassmann, Taksar and
 * Heyman's state reduction): removing state k sends each move i -> k on to k's successors,
 * q_ij += q_ik q_kj / s_k, where s_k = 1 - q_kk is summed from what leaves k rather than
 * subtracted from 1. Every number stays a sum of positive terms, so a loop a customer goes round
 * a million times is solved as accurately as a straight line, and no pivoting is needed.
 *
 * The states are split into strongly connected components first (I - Q is block triangular in
 * their order), so the steps on no loop cost one pass and each loop is factored on its own.
 * Within a loop the order is minimum degree over the moves taken both ways (the state with the
 * fewest neighbours goes first, ties to the lowest index), which keeps the fill small: a journey
 * that is mostly a line with loops back factors in near-linear time, where a dense LU costs n^3.
 * What remains once the neighbours are most of the loop is eliminated as a dense matrix. The
 * pattern is kept symmetric (a move one way reserves the way back at zero) so that the selected
 * inverse (selected-inverse.ts) finds every entry it needs among the factor's own.
 */
import { graphOf, stronglyConnected } from './components.js';
import { DegreeHeap } from './degree-heap.js';
import type { Chain } from './markov.js';

/**
 * The factor, position by position: order[t] is the state eliminated t-th, components one after
 * another in topological order. Row t lists that state's neighbours in its component still
 * present when it went, with the probability of moving to each (up) and from each (down).
 */
export interface ChainFactor {
  n: number;
  order: Int32Array;
  /** Positions blockStart[c] .. blockStart[c + 1] - 1 hold component c. */
  blockStart: Int32Array;
  /**
   * From position denseFrom[c] on, component c was eliminated dense: row t's neighbours are
   * order[t + 1] .. order[blockStart[c + 1] - 1], in that order.
   */
  denseFrom: Int32Array;
  /** position[state]: when it was eliminated. */
  position: Int32Array;
  /** By state: s_k, one minus the chance of coming back to k directly in the reduced chain. */
  pivot: Float64Array;
  rowStart: Int32Array;
  neighbour: Int32Array;
  up: Float64Array;
  down: Float64Array;
  /** By state: its moves into later components, exitTo[exitStart[k]] .. with exitP. */
  exitStart: Int32Array;
  exitTo: Int32Array;
  exitP: Float64Array;
}

/** Each state's moves to other transient states (self-loops left out, repeats added up), and what it hands out. */
function movesByState(chain: Chain, cut: Uint8Array) {
  const moves: Map<number, number>[] = Array.from({ length: chain.size }, () => new Map());
  const total = new Float64Array(chain.size);
  const absorbed = new Float64Array(chain.size);
  for (const t of chain.transitions) {
    if (t.p <= 0 || cut[t.from]) continue;
    total[t.from] = (total[t.from] as number) + t.p;
    if (t.to < 0) absorbed[t.from] = (absorbed[t.from] as number) + t.p;
    else if (t.to !== t.from) {
      const row = moves[t.from] as Map<number, number>;
      row.set(t.to, (row.get(t.to) ?? 0) + t.p);
    }
  }
  return { moves, total, absorbed };
}

/**
 * Factors I - Q for the chain's transient states. States in `cut` keep no moves of their own
 * (the solver's trapped states: whatever enters them stays counted there once).
 */
export function factorChain(chain: Chain, cut: Uint8Array = new Uint8Array(chain.size)): ChainFactor {
  const n = chain.size;
  const { moves, total, absorbed } = movesByState(chain, cut);
  const edges: { from: number; to: number }[] = [];
  for (const [from, row] of moves.entries()) for (const to of row.keys()) edges.push({ from, to });
  const { component, start, member } = stronglyConnected(graphOf(n, edges));
  // Within a component: the moves to eliminate, both ways. Out of it: exits, and part of the leak.
  const out: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  const leak = new Float64Array(n);
  const exitStart = new Int32Array(n + 1);
  const exitTo: number[] = [];
  const exitP: number[] = [];
  for (let k = 0; k < n; k++) {
    exitStart[k] = exitTo.length;
    // Whatever a row does not hand out (a cut state's whole row, rounding in the others) leaves:
    // that keeps the pivot exactly the dense I - Q's diagonal, 1 - q_kk.
    let leaves = (absorbed[k] as number) + (1 - (total[k] as number));
    for (const [j, q] of moves[k] as Map<number, number>) {
      if (component[j] !== component[k]) {
        exitTo.push(j);
        exitP.push(q);
        leaves += q;
        continue;
      }
      (out[k] as Map<number, number>).set(j, ((out[k] as Map<number, number>).get(j) ?? 0) + q);
      if (!(out[j] as Map<number, number>).has(k)) (out[j] as Map<number, number>).set(k, 0);
    }
    leak[k] = leaves;
  }
  exitStart[n] = exitTo.length;
  const factor = newFactor(n);
  const denseFrom = new Int32Array(start.length - 1);
  for (let c = 0; c + 1 < start.length; c++) {
    factor.denseFrom = start[c + 1] as number;
    eliminateComponent(member.subarray(start[c] as number, start[c + 1] as number), out, leak, factor);
    denseFrom[c] = factor.denseFrom;
  }
  return {
    n,
    order: factor.order,
    blockStart: Int32Array.from(start),
    denseFrom,
    position: factor.position,
    pivot: factor.pivot,
    rowStart: factor.rowStart,
    neighbour: Int32Array.from(factor.neighbour),
    up: Float64Array.from(factor.up),
    down: Float64Array.from(factor.down),
    exitStart,
    exitTo: Int32Array.from(exitTo),
    exitP: Float64Array.from(exitP),
  };
}

interface FactorInProgress {
  /** Positions filled so far. */
  t: number;
  /** Where the current component's dense rest began, if it has one. */
  denseFrom: number;
  order: Int32Array;
  position: Int32Array;
  pivot: Float64Array;
  rowStart: Int32Array;
  // Plain lists while growing (one element kind each, which V8 keeps fast); typed at the end.
  neighbour: number[];
  up: number[];
  down: number[];
}

function newFactor(n: number): FactorInProgress {
  return {
    t: 0,
    denseFrom: -1,
    order: new Int32Array(n),
    position: new Int32Array(n).fill(-1),
    pivot: new Float64Array(n),
    rowStart: new Int32Array(n + 1),
    neighbour: [],
    up: [],
    down: [],
  };
}

/**
 * The rest of a component goes dense once it has at least DENSE_FROM states and its fewest
 * neighbours reach an eighth of them: by then it fills in quickly (loops back to anywhere make it
 * an expander), and a dense update costs a fraction of a Map update (measured on the 5,000-step
 * bench model, where half the rest made the factor twice as slow).
 */
const DENSE_FROM = 16;

function eliminateComponent(
  members: Int32Array,
  out: Map<number, number>[],
  leak: Float64Array,
  f: FactorInProgress,
) {
  const heap = new DegreeHeap(out.length);
  for (const k of members) heap.push((out[k] as Map<number, number>).size, k);
  for (let left = members.length; left > 0; left--) {
    let k = -1;
    let degree = 0;
    for (let next = heap.pop(); next; next = heap.pop()) {
      const [d, state] = next;
      if (f.position[state] === -1 && (out[state] as Map<number, number>).size === d) {
        k = state;
        degree = d;
        break;
      }
    }
    if (left >= DENSE_FROM && 8 * (degree + 1) >= left) {
      eliminateDense(
        members.filter((s) => f.position[s] === -1),
        out,
        leak,
        f,
      );
      return;
    }
    const row = out[k] as Map<number, number>;
    let s = leak[k] as number;
    for (const q of row.values()) s += q;
    const near = [...row.keys()];
    record(f, k, s);
    for (const j of near) {
      f.neighbour.push(j);
      f.up.push(row.get(j) as number);
      f.down.push((out[j] as Map<number, number>).get(k) as number);
    }
    f.rowStart[f.t] = f.neighbour.length;
    const leakK = leak[k] as number;
    for (const i of near) {
      const from = out[i] as Map<number, number>;
      const share = s > 0 ? (from.get(k) as number) / s : 0;
      from.delete(k);
      leak[i] = (leak[i] as number) + share * leakK;
      // i -> k -> i is left out: i's pivot is summed from what leaves i.
      for (const j of near) if (j !== i) from.set(j, (from.get(j) ?? 0) + share * (row.get(j) as number));
      heap.push(from.size, i);
    }
    out[k] = new Map();
  }
}

/** Starts state k's row of the factor, with its pivot; its entries follow. */
function record(f: FactorInProgress, k: number, s: number) {
  f.order[f.t] = k;
  f.position[k] = f.t;
  f.rowStart[f.t] = f.neighbour.length;
  f.pivot[k] = s;
  f.t++;
  f.rowStart[f.t] = f.rowStart[f.t - 1] as number;
}

/**
 * The rest of a component as a dense matrix, eliminated in ascending state order: every state is
 * a neighbour of every later one, so row t's neighbours are order[t + 1 ..] to the component's end.
 */
function eliminateDense(
  rest: Int32Array,
  out: Map<number, number>[],
  leak: Float64Array,
  f: FactorInProgress,
) {
  const m = rest.length;
  const local = new Map<number, number>();
  for (const [a, s] of rest.entries()) local.set(s, a);
  const q = new Float64Array(m * m);
  const l = new Float64Array(m);
  for (const [a, s] of rest.entries()) {
    l[a] = leak[s] as number;
    for (const [j, p] of out[s] as Map<number, number>) q[a * m + (local.get(j) as number)] = p;
    out[s] = new Map();
  }
  f.denseFrom = f.t;
  for (let a = 0; a < m; a++) {
    const pivotRow = a * m;
    let s = l[a] as number;
    for (let b = a + 1; b < m; b++) s += q[pivotRow + b] as number;
    record(f, rest[a] as number, s);
    for (let b = a + 1; b < m; b++) {
      f.neighbour.push(rest[b] as number);
      f.up.push(q[pivotRow + b] as number);
      f.down.push(q[b * m + a] as number);
    }
    f.rowStart[f.t] = f.neighbour.length;
    const leakA = l[a] as number;
    for (let i = a + 1; i < m; i++) {
      const share = s > 0 ? (q[i * m + a] as number) / s : 0;
      if (share === 0) continue;
      l[i] = (l[i] as number) + share * leakA;
      // The diagonal takes the way back too, unread: a pivot is summed from what leaves.
      const row = i * m;
      for (let b = a + 1; b < m; b++)
        q[row + b] = (q[row + b] as number) + share * (q[pivotRow + b] as number);
    }
  }
}
