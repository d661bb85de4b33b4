/**
 * A chain's moves between transient states as compressed rows (typed arrays, no per-state
 * objects): the elimination reads them several times, and a Map per state was most of its
 * garbage. Self-loops are left out (a pivot is summed from what leaves a state) and repeated
 * moves added up, each row in the order its targets first appear.
 */
import type { Chain } from './chain.js';

export interface StateMoves {
  size: number;
  /** State k's moves are to[first[k]] .. to[first[k + 1] - 1], with probabilities p. */
  first: Int32Array;
  to: Int32Array;
  p: Float64Array;
  /** By state: all it hands out (self-loops and ends included), and what goes to ends. */
  total: Float64Array;
  absorbed: Float64Array;
}

/** States in `cut` keep no moves (the solver's trapped states). */
export function movesByState(chain: Chain, cut: Uint8Array): StateMoves {
  const n = chain.size;
  const total = new Float64Array(n);
  const absorbed = new Float64Array(n);
  const count = new Int32Array(n + 1);
  for (const t of chain.transitions) {
    if (t.p <= 0 || cut[t.from]) continue;
    total[t.from] = (total[t.from] as number) + t.p;
    if (t.to < 0) absorbed[t.from] = (absorbed[t.from] as number) + t.p;
    else if (t.to !== t.from) count[t.from + 1] = (count[t.from + 1] as number) + 1;
  }
  for (let k = 0; k < n; k++) count[k + 1] = (count[k + 1] as number) + (count[k] as number);
  const fill = count.slice(0, n);
  const rawTo = new Int32Array(count[n] as number);
  const rawP = new Float64Array(count[n] as number);
  for (const t of chain.transitions) {
    if (t.p <= 0 || cut[t.from] || t.to < 0 || t.to === t.from) continue;
    const at = (fill[t.from] as number)++;
    rawTo[at] = t.to;
    rawP[at] = t.p;
  }
  return mergeRepeats(n, count, rawTo, rawP, total, absorbed);
}

/** Adds up repeated targets within each row, keeping first appearances in order. */
function mergeRepeats(
  n: number,
  rawFirst: Int32Array,
  rawTo: Int32Array,
  rawP: Float64Array,
  total: Float64Array,
  absorbed: Float64Array,
): StateMoves {
  const first = new Int32Array(n + 1);
  const to = new Int32Array(rawTo.length);
  const p = new Float64Array(rawTo.length);
  // at[j]: where j went in the row being merged; valid while rowOf[j] is that row.
  const at = new Int32Array(n);
  const rowOf = new Int32Array(n).fill(-1);
  let w = 0;
  for (let k = 0; k < n; k++) {
    first[k] = w;
    for (let r = rawFirst[k] as number; r < (rawFirst[k + 1] as number); r++) {
      const j = rawTo[r] as number;
      if (rowOf[j] === k) {
        const e = at[j] as number;
        p[e] = (p[e] as number) + (rawP[r] as number);
        continue;
      }
      rowOf[j] = k;
      at[j] = w;
      to[w] = j;
      p[w++] = rawP[r] as number;
    }
  }
  first[n] = w;
  return { size: n, first, to: to.slice(0, w), p: p.slice(0, w), total, absorbed };
}
