/**
 * An absorbing chain's I - Q factored by eliminating states one at a time (Grassmann, Taksar and
 * Heyman's state reduction): removing state k sends each move i -> k on to k's successors,
 * q_ij += q_ik q_kj / s_k, where s_k = 1 - q_kk is summed from what leaves k rather than
 * subtracted from 1. Every number stays a sum of positive terms, so a loop a customer goes round
 * a million times is solved as accurately as a straight line, and no pivoting is needed.
 *
 * The order and the pattern come first (elimination-order.ts), then the arithmetic, in typed
 * arrays laid out as the factor itself: each entry (i, j) the elimination ever holds is one slot
 * of the row of whichever of i and j goes first (q_ij up, q_ji down). A chain whose moves fit an
 * earlier factor's pattern (the same journey with other probabilities, or with some moves led to
 * an end) redoes only the arithmetic on it: zeros where it has no move, the same answers.
 */

import type { Chain } from './chain.js';
import { movesByState, type StateMoves } from './chain-moves.js';
import { stronglyConnected } from './components.js';
import { eliminateDense, pivotOf } from './elimination-dense.js';
import { type EliminationOrder, eliminationOrder } from './elimination-order.js';

/**
 * The factor, position by position (see EliminationOrder): row t lists the state's neighbours
 * still present when it went, with the probability of moving to each (up) and from each (down).
 */
export interface ChainFactor extends EliminationOrder {
  /** By state: s_k, one minus the chance of coming back to k directly in the reduced chain. */
  pivot: Float64Array;
  up: Float64Array;
  down: Float64Array;
  /** By state: its moves into later components, exitTo[exitStart[k]] .. with exitP. */
  exitStart: Int32Array;
  exitTo: Int32Array;
  exitP: Float64Array;
}

/**
 * Factors I - Q for the chain's transient states. States in `cut` keep no moves of their own
 * (the solver's trapped states: whatever enters them stays counted there once). With `like`, the
 * factor reuses its order and pattern when every move of the chain has a place in it.
 */
export function factorChain(
  chain: Chain,
  cut: Uint8Array = new Uint8Array(chain.size),
  like?: EliminationOrder,
): ChainFactor {
  const moves = movesByState(chain, cut);
  const replayed = like && like.n === chain.size ? factorOn(like, moves) : undefined;
  if (replayed) return replayed;
  const components = stronglyConnected({ size: moves.size, first: moves.first, target: moves.to });
  return factorOn(eliminationOrder(moves, components), moves) as ChainFactor;
}

/** The arithmetic on a given order and pattern; undefined when a move has no place in it. */
function factorOn(pattern: EliminationOrder, moves: StateMoves): ChainFactor | undefined {
  const entries = placeMoves(pattern, moves);
  if (!entries) return undefined;
  const { up, down, leak } = entries;
  const pivot = new Float64Array(pattern.n);
  const scratch = { slot: new Int32Array(pattern.n), share: new Float64Array(pattern.n) };
  const { blockStart, denseFrom } = pattern;
  for (let c = 0; c + 1 < blockStart.length; c++) {
    const dense = denseFrom[c] as number;
    for (let t = blockStart[c] as number; t < dense; t++)
      eliminateSparseRow(pattern, t, dense, up, down, leak, pivot, scratch);
    eliminateDense(pattern, dense, blockStart[c + 1] as number, { up, down, leak, pivot });
  }
  return { ...pattern, pivot, up, down, ...entries.exits };
}

/**
 * Puts each move in its slot (a move between components is an exit, and leaves with whatever a
 * row does not hand out), or gives undefined when the pattern has no slot for a move.
 */
function placeMoves(pattern: EliminationOrder, moves: StateMoves) {
  const { n, position, blockStart } = pattern;
  const blockAt = new Int32Array(n);
  for (let c = 0; c + 1 < blockStart.length; c++)
    blockAt.fill(c, blockStart[c] as number, blockStart[c + 1] as number);
  const up = new Float64Array(pattern.neighbour.length);
  const down = new Float64Array(pattern.neighbour.length);
  const leak = new Float64Array(n);
  const exitStart = new Int32Array(n + 1);
  const exitTo: number[] = [];
  const exitP: number[] = [];
  const { first, to, p, total, absorbed } = moves;
  for (let k = 0; k < n; k++) {
    exitStart[k] = exitTo.length;
    // Whatever a row does not hand out (a cut state's whole row, rounding in the others) leaves:
    // that keeps the pivot exactly the dense I - Q's diagonal, 1 - q_kk.
    let leaves = (absorbed[k] as number) + (1 - (total[k] as number));
    const pk = position[k] as number;
    for (let e = first[k] as number; e < (first[k + 1] as number); e++) {
      const j = to[e] as number;
      const q = p[e] as number;
      const pj = position[j] as number;
      const [bk, bj] = [blockAt[pk] as number, blockAt[pj] as number];
      if (bk > bj) return undefined;
      if (bk < bj) {
        exitTo.push(j);
        exitP.push(q);
        leaves += q;
        continue;
      }
      const slot = pk < pj ? entryOf(pattern, bk, pk, pj) : entryOf(pattern, bk, pj, pk);
      if (slot < 0) return undefined;
      if (pk < pj) up[slot] = q;
      else down[slot] = q;
    }
    leak[k] = leaves;
  }
  exitStart[n] = exitTo.length;
  const exits = { exitStart, exitTo: Int32Array.from(exitTo), exitP: Float64Array.from(exitP) };
  return { up, down, leak, exits };
}

/** The slot in row t (component c) of the state at a later position u, or -1. */
function entryOf(
  { order, rowStart, neighbour, denseFrom }: EliminationOrder,
  c: number,
  t: number,
  u: number,
): number {
  if (t >= (denseFrom[c] as number)) return (rowStart[t] as number) + (u - t - 1);
  const j = order[u] as number;
  for (let e = rowStart[t] as number; e < (rowStart[t + 1] as number); e++) if (neighbour[e] === j) return e;
  return -1;
}

/**
 * Eliminates the state at position t: for each pair of its neighbours (a, b), a going first,
 * q_ab += q_ak q_kb / s_k and q_ba += q_bk q_ka / s_k, both in slot (a, b) of a's row; a -> k -> a
 * is left out (a's pivot is summed from what leaves a).
 */
function eliminateSparseRow(
  { order, position, rowStart, neighbour }: EliminationOrder,
  t: number,
  denseFrom: number,
  up: Float64Array,
  down: Float64Array,
  leak: Float64Array,
  pivot: Float64Array,
  { slot, share }: { slot: Int32Array; share: Float64Array },
) {
  const k = order[t] as number;
  const lo = rowStart[t] as number;
  const hi = rowStart[t + 1] as number;
  const leakK = leak[k] as number;
  const s = pivotOf(rowStart, t, leakK, up);
  pivot[k] = s;
  for (let a = lo; a < hi; a++) share[a - lo] = s > 0 ? (down[a] as number) / s : 0;
  for (let a = lo; a < hi; a++) {
    const i = neighbour[a] as number;
    const pa = position[i] as number;
    const shareA = share[a - lo] as number;
    const upA = up[a] as number;
    leak[i] = (leak[i] as number) + shareA * leakK;
    const inDense = pa >= denseFrom;
    if (!inDense)
      for (let e = rowStart[pa] as number; e < (rowStart[pa + 1] as number); e++)
        slot[neighbour[e] as number] = e;
    for (let b = lo; b < hi; b++) {
      const j = neighbour[b] as number;
      const pb = position[j] as number;
      if (pb <= pa) continue;
      const e = inDense ? (rowStart[pa] as number) + (pb - pa - 1) : (slot[j] as number);
      up[e] = (up[e] as number) + shareA * (up[b] as number);
      down[e] = (down[e] as number) + (share[b - lo] as number) * upA;
    }
  }
}
