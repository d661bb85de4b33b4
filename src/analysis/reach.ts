/**
 * Reach: the probability that a customer ever visits each state of an absorbing chain, exactly.
 * Expected visits count a step met twice twice; reach counts the customer once. The two differ
 * by the chance of coming back: visits v = h / (1 - r), so h = v / G_jj, where G_jj is the
 * expected visits to j of a customer who starts at j. A return to j never leaves j's strongly
 * connected component (what leaves it cannot come back), so G_jj is read off the component alone:
 * one LU factorisation per loop, and nothing at all for the steps on no loop (h = v there).
 */
import {
  type Chain,
  factorDense,
  type Solution,
  solve,
  solveFactored,
  type Transition,
  trappedStates,
} from './markov.js';

/** Probability of ever visiting each transient state, from the chain and its solution. */
export function reachOf(chain: Chain, solution: Solution = solve(chain)): Float64Array {
  const trapped = new Set(trappedStates(chain));
  // As the solver does: whatever enters a trapped state stays counted there once.
  const transitions = chain.transitions.filter((t) => t.p > 0 && t.to >= 0 && !trapped.has(t.from));
  const reach = Float64Array.from(solution.visits);
  for (const component of loops(chain.size, transitions)) {
    const local = new Map(component.map((s, i) => [s, i]));
    const inside: Transition[] = [];
    for (const t of transitions) {
      const from = local.get(t.from);
      const to = local.get(t.to);
      if (from !== undefined && to !== undefined) inside.push({ from, to, p: t.p });
    }
    const factored = factorDense(component.length, inside);
    const unit = new Float64Array(component.length);
    for (const [i, state] of component.entries()) {
      unit.fill(0);
      unit[i] = 1;
      const returns = solveFactored(factored, unit)[i] ?? 1;
      reach[state] = (solution.visits[state] ?? 0) / returns;
    }
  }
  return reach;
}

/**
 * The strongly connected components a customer can go round: more than one state, or one state
 * that leads to itself. Tarjan's algorithm without recursion, so a long chain of steps cannot
 * overflow the stack.
 */
export function loops(size: number, transitions: readonly Transition[]): number[][] {
  const out: number[][] = Array.from({ length: size }, () => []);
  const selfLoop = new Uint8Array(size);
  for (const t of transitions) {
    if (t.to < 0) continue;
    out[t.from]?.push(t.to);
    if (t.to === t.from) selfLoop[t.from] = 1;
  }
  const index = new Int32Array(size).fill(-1);
  const low = new Int32Array(size);
  const onStack = new Uint8Array(size);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let root = 0; root < size; root++) {
    if ((index[root] ?? 0) >= 0) continue;
    const work: [number, number][] = [[root, 0]];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const frame = work[work.length - 1] as [number, number];
      const [v, next] = frame;
      const edges = out[v] ?? [];
      if (next < edges.length) {
        frame[1] = next + 1;
        const w = edges[next] as number;
        if ((index[w] ?? 0) < 0) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v] ?? 0, index[w] ?? 0);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]] ?? 0, low[v] ?? 0);
      if (low[v] !== index[v]) continue;
      const component: number[] = [];
      let w: number;
      do {
        w = stack.pop() as number;
        onStack[w] = 0;
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || selfLoop[v]) components.push(component.sort((a, b) => a - b));
    }
  }
  return components;
}
