/**
 * Absorbing Markov chains, solved exactly: expected visits to each transient state before
 * absorption (v = s (I - Q)^-1) and absorption probabilities. States that can never be absorbed
 * (a loop with no way out) are cut off as a trap of their own, so that every answer stays finite
 * and the trap's probability can be reported rather than crash the solve.
 *
 * The solve eliminates states in a sparse, fill-reducing order (elimination.ts), exact to
 * rounding and near-linear in the chain's size; a chain's factor is kept for every later solve
 * on the same moves. Dense LU with partial pivoting is kept as the reference it is checked against.
 */

import type { Chain, Transition } from './chain.js';
import { type ChainFactor, factorChain } from './elimination.js';
import { solveColumn, solveRow } from './factor-solve.js';
import { type SelectedInverse, selectedInverse } from './selected-inverse.js';

export type { Chain, Transition };

export interface Solution {
  /** Expected visits to each transient state. */
  visits: Float64Array;
  /** Probability of ending in each absorbing state. */
  absorbed: Float64Array;
  /** Probability of entering a loop with no way out, and the states in it. */
  trapped: number;
  trappedStates: number[];
}

export const absorbingIndex = (k: number) => -1 - k;

/** States from which no absorbing state can be reached. */
export function trappedStates(chain: Chain): number[] {
  const incoming: number[][] = Array.from({ length: chain.size }, () => []);
  const canLeave = new Uint8Array(chain.size);
  const queue: number[] = [];
  for (const t of chain.transitions) {
    if (t.p <= 0) continue;
    if (t.to < 0) {
      if (!canLeave[t.from]) {
        canLeave[t.from] = 1;
        queue.push(t.from);
      }
    } else incoming[t.to]?.push(t.from);
  }
  while (queue.length > 0) {
    const s = queue.pop() as number;
    for (const from of incoming[s] ?? []) {
      if (!canLeave[from]) {
        canLeave[from] = 1;
        queue.push(from);
      }
    }
  }
  const trapped: number[] = [];
  for (let s = 0; s < chain.size; s++) if (!canLeave[s]) trapped.push(s);
  return trapped;
}

/** A chain made ready to solve: its trapped states, and I - Q factored with those cut. */
export interface Prepared {
  trapped: number[];
  factor: ChainFactor;
  /** G = (I - Q)^-1 on the factor's pattern, computed when first asked for. */
  inverse(): SelectedInverse;
  /** Per absorbing state, the chance of ending there from each transient state; computed when first asked for. */
  endChances(): Float64Array[];
}

// A chain's moves are never changed once built, so its factor serves every solve on them.
const preparedChains = new WeakMap<readonly Transition[], Prepared & { size: number }>();

/**
 * The moves built last under each name for an owner (a model): a chain rebuilt with the same moves
 * (the journey with queues where no one gives up, a fixed-point round that changed nothing) gets
 * the earlier array back, and with it the factor already made for it.
 */
const recentMoves = new WeakMap<object, Map<string, Transition[]>>();

/** The moves a name held before, for a chain rebuilt with other probabilities: likely the same pattern. */
const previousMoves = new WeakMap<readonly Transition[], Transition[]>();

export function reuseMoves(owner: object, name: string, transitions: Transition[]): Transition[] {
  let byName = recentMoves.get(owner);
  if (!byName) {
    byName = new Map();
    recentMoves.set(owner, byName);
  }
  const known = byName.get(name);
  if (known && sameMoves(known, transitions)) return known;
  if (known) {
    previousMoves.set(transitions, known);
    // Only the last link: each array kept the one before alive, and with it its factor, so that
    // a fixed point of 200 rounds on a model of thousands of steps held 200 factors (2 GB).
    previousMoves.delete(known);
  }
  byName.set(name, transitions);
  return transitions;
}

/** How many earlier move arrays `transitions` keeps alive through the links above. */
export function keptBehind(transitions: readonly Transition[]): number {
  let n = 0;
  for (let at = previousMoves.get(transitions); at; at = previousMoves.get(at)) n++;
  return n;
}

function sameMoves(a: readonly Transition[], b: readonly Transition[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i] as Transition, b[i] as Transition];
    if (x.from !== y.from || x.to !== y.to || x.p !== y.p) return false;
  }
  return true;
}

export function prepare(chain: Chain): Prepared {
  const known = preparedChains.get(chain.transitions);
  if (known && known.size === chain.size) return known;
  const trapped = trappedStates(chain);
  const cut = new Uint8Array(chain.size);
  for (const s of trapped) cut[s] = 1;
  const like = chain.like ?? previousMoves.get(chain.transitions);
  const factor = factorChain(chain, cut, like ? preparedChains.get(like)?.factor : undefined);
  let inverse: SelectedInverse | undefined;
  let endChances: Float64Array[] | undefined;
  const ready = {
    size: chain.size,
    trapped,
    factor,
    inverse: () => {
      inverse ??= selectedInverse(factor);
      return inverse;
    },
    endChances: () => {
      endChances ??= endChancesOf(chain, cut, factor);
      return endChances;
    },
  };
  preparedChains.set(chain.transitions, ready);
  return ready;
}

function endChancesOf(chain: Chain, cut: Uint8Array, factor: ChainFactor): Float64Array[] {
  const into = Array.from({ length: chain.absorbing }, () => new Float64Array(chain.size));
  for (const t of chain.transitions) {
    const column = into[-1 - t.to];
    if (column && t.p > 0 && !cut[t.from]) column[t.from] = (column[t.from] ?? 0) + t.p;
  }
  return into.map((column) => solveColumn(factor, column));
}

export function solve(chain: Chain, method: 'auto' | 'dense' = 'auto'): Solution {
  const prepared = method === 'dense' ? undefined : prepare(chain);
  const trapped = prepared?.trapped ?? trappedStates(chain);
  const isTrapped = new Uint8Array(chain.size);
  for (const s of trapped) isTrapped[s] = 1;
  const b = new Float64Array(chain.size);
  const absorbed = new Float64Array(chain.absorbing);
  for (const s of chain.start) {
    if (s.to >= 0) b[s.to] = (b[s.to] ?? 0) + s.p;
    else absorbed[-1 - s.to] = (absorbed[-1 - s.to] ?? 0) + s.p;
  }
  // Trapped states stop: whatever enters them is counted once, as trapped.
  const visits = prepared
    ? solveRow(prepared.factor, b)
    : solveDense(
        chain.size,
        chain.transitions.filter((t) => t.p > 0 && !isTrapped[t.from]),
        b,
      );
  let trappedMass = 0;
  for (const s of trapped) trappedMass += visits[s] ?? 0;
  for (const t of chain.transitions)
    if (t.to < 0 && t.p > 0 && !isTrapped[t.from])
      absorbed[-1 - t.to] = (absorbed[-1 - t.to] ?? 0) + (visits[t.from] ?? 0) * t.p;
  return { visits, absorbed, trapped: trappedMass, trappedStates: trapped };
}

/** Solves v (I - Q) = b, i.e. (I - Q)^T v = b, by dense LU with partial pivoting: the reference. */
function solveDense(n: number, transitions: Transition[], b: Float64Array): Float64Array {
  return solveFactored(factorDense(n, transitions), b);
}

/** (I - Q)^T for the transitions between states 0..n-1, factored as LU with partial pivoting. */
interface Factored {
  n: number;
  lu: Float64Array;
  /** Row swaps made while factoring, in order: row k was swapped with row pivots[k]. */
  pivots: Int32Array;
}

function factorDense(n: number, transitions: readonly Transition[]): Factored {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) a[i * n + i] = 1;
  // Row i of (I - Q)^T holds -Q[j][i] for every j that leads to i.
  for (const t of transitions) if (t.to >= 0) a[t.to * n + t.from] = (a[t.to * n + t.from] ?? 0) - t.p;
  const pivots = new Int32Array(n);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    let best = Math.abs(a[col * n + col] ?? 0);
    for (let r = col + 1; r < n; r++) {
      const v = Math.abs(a[r * n + col] ?? 0);
      if (v > best) {
        best = v;
        pivot = r;
      }
    }
    pivots[col] = pivot;
    if (best === 0) continue;
    if (pivot !== col) {
      for (let c = 0; c < n; c++) {
        const tmp = a[col * n + c] ?? 0;
        a[col * n + c] = a[pivot * n + c] ?? 0;
        a[pivot * n + c] = tmp;
      }
    }
    const d = a[col * n + col] ?? 1;
    for (let r = col + 1; r < n; r++) {
      const f = (a[r * n + col] ?? 0) / d;
      // The multiplier stays below the diagonal, where the eliminated value was.
      a[r * n + col] = f;
      if (f === 0) continue;
      for (let c = col + 1; c < n; c++) a[r * n + c] = (a[r * n + c] ?? 0) - f * (a[col * n + c] ?? 0);
    }
  }
  return { n, lu: a, pivots };
}

/** Solves (I - Q)^T x = b with a factored matrix; a zero pivot (a state no one reaches) gives 0. */
function solveFactored({ n, lu, pivots }: Factored, b: Float64Array): Float64Array {
  const x = Float64Array.from(b);
  // Whole rows were swapped while factoring (multipliers too), so the swaps apply to b first.
  for (let col = 0; col < n; col++) {
    const pivot = pivots[col] ?? col;
    const tmp = x[col] ?? 0;
    x[col] = x[pivot] ?? 0;
    x[pivot] = tmp;
  }
  for (let col = 0; col < n; col++)
    for (let r = col + 1; r < n; r++) x[r] = (x[r] ?? 0) - (lu[r * n + col] ?? 0) * (x[col] ?? 0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = x[r] ?? 0;
    for (let c = r + 1; c < n; c++) sum -= (lu[r * n + c] ?? 0) * (x[c] ?? 0);
    const d = lu[r * n + r] ?? 0;
    x[r] = d === 0 ? 0 : sum / d;
  }
  return x;
}
