/**
 * Reach: the probability that a customer ever visits each state of an absorbing chain, exactly,
 * and the probability of coming back to a state once left. Expected visits count a step met twice
 * twice; reach counts the customer once. The two differ by the chance of coming back: visits
 * v = h / (1 - r), so h = v / G_jj, where G_jj is the expected visits to j of a customer who
 * starts at j, read off the chain's selected inverse (selected-inverse.ts) for every step at once.
 */
import { graphOf, stronglyConnected } from './components.js';
import { type Chain, prepare, type Solution, solve, type Transition } from './markov.js';

/** Probability of ever visiting each transient state, from the chain and its solution. */
export function reachOf(chain: Chain, solution: Solution = solve(chain)): Float64Array {
  const { factor, inverse } = prepare(chain);
  const reach = Float64Array.from(solution.visits);
  // A step on no loop is visited at most once: its reach is its visits, with no rounding added.
  const { blockStart, order } = factor;
  const selfLoop = new Uint8Array(chain.size);
  for (const t of chain.transitions) if (t.p > 0 && t.from === t.to) selfLoop[t.from] = 1;
  const trapped = new Set(prepare(chain).trapped);
  for (let c = 0; c + 1 < blockStart.length; c++) {
    const lo = blockStart[c] as number;
    const hi = blockStart[c + 1] as number;
    for (let t = lo; t < hi; t++) {
      const j = order[t] as number;
      if ((hi - lo === 1 && !selfLoop[j]) || trapped.has(j)) continue;
      reach[j] = (solution.visits[j] ?? 0) / (inverse().diagonal[j] as number);
    }
  }
  return reach;
}

/**
 * For each transient state j, the probability that a customer who leaves j comes back to it
 * before the journey ends: the moves out of j, each weighted by the chance of reaching j again
 * from where it leads, h_mj = G_mj / G_jj. A state the solver cuts as trapped gets NaN: its
 * moves are not in the factor (journey-chain.ts's returnProbability answers those one by one).
 */
export function returnsOf(chain: Chain): Float64Array {
  const { factor, inverse, trapped } = prepare(chain);
  const { diagonal, upper, lower } = inverse();
  const { position, rowStart, neighbour } = factor;
  const n = chain.size;
  const leaving = new Float64Array(n);
  const back = new Float64Array(n);
  // Moves m <- j between neighbours, grouped by whichever of the two went first: G_mj is in its row.
  const moves = chain.transitions.filter((t) => t.p > 0);
  const byRow: Transition[][] = Array.from({ length: n }, () => []);
  for (const t of moves) {
    leaving[t.from] = (leaving[t.from] as number) + t.p;
    if (t.to === t.from) back[t.from] = (back[t.from] as number) + t.p;
    else if (t.to >= 0) {
      const first = (position[t.from] as number) < (position[t.to] as number) ? t.from : t.to;
      byRow[position[first] as number]?.push(t);
    }
  }
  const slot = new Int32Array(n).fill(-1);
  for (let t = 0; t < n; t++) {
    const rows = byRow[t] as Transition[];
    if (rows.length === 0) continue;
    for (let e = rowStart[t] as number; e < (rowStart[t + 1] as number); e++)
      slot[neighbour[e] as number] = e;
    const k = factor.order[t] as number;
    for (const move of rows) {
      // From k's row: G_mk for a move k -> m is lower; G_km for a move m -> k is upper.
      const other = move.from === k ? move.to : move.from;
      const e = slot[other] as number;
      if (e < 0 || neighbour[e] !== other) continue;
      const g = move.from === k ? (lower[e] as number) : (upper[e] as number);
      back[move.from] = (back[move.from] as number) + move.p * (g / (diagonal[move.from] as number));
    }
    for (let e = rowStart[t] as number; e < (rowStart[t + 1] as number); e++)
      slot[neighbour[e] as number] = -1;
  }
  const returns = new Float64Array(n);
  for (let j = 0; j < n; j++) returns[j] = (back[j] as number) / ((leaving[j] as number) || 1);
  for (const j of trapped) returns[j] = Number.NaN;
  return returns;
}

/**
 * The strongly connected components a customer can go round: more than one state, or one state
 * that leads to itself.
 */
export function loops(size: number, transitions: readonly Transition[]): number[][] {
  const edges = transitions.filter((t) => t.to >= 0);
  const { start, member } = stronglyConnected(graphOf(size, edges));
  const selfLoop = new Uint8Array(size);
  for (const t of edges) if (t.to === t.from) selfLoop[t.from] = 1;
  const found: number[][] = [];
  for (let c = 0; c + 1 < start.length; c++) {
    const members = [...member.subarray(start[c] as number, start[c + 1] as number)];
    if (members.length > 1 || selfLoop[members[0] as number]) found.push(members);
  }
  return found;
}
