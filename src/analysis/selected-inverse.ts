/**
 * Entries of G = (I - Q)^-1 (expected visits to j for a customer who starts at i) wherever the
 * factor has an entry, by Takahashi's equations run backwards through the elimination order:
 *
 *   G_kj = sum_m (q_km / s_k) G_mj      G_jk = sum_m G_jm (q_mk / s_k)      (m, j neighbours of k)
 *   G_kk = 1 / s_k + sum_m (q_km / s_k) G_mk
 *
 * Each needs G only between k's neighbours, which elimination made neighbours of each other, so
 * the cost is the factorisation's. Every term is positive: no cancellation. The diagonal gives
 * reach (h = v / G_jj) and, with the moves out of j, the chance of coming back to j.
 */
import type { ChainFactor } from './elimination.js';

export interface SelectedInverse {
  /** By state: G_kk. */
  diagonal: Float64Array;
  /** By factor entry e of row k with neighbour j: G_kj (upper) and G_jk (lower). */
  upper: Float64Array;
  lower: Float64Array;
}

export function selectedInverse(f: ChainFactor): SelectedInverse {
  const { n, order, position, pivot, rowStart, neighbour, up, down } = f;
  const diagonal = new Float64Array(n);
  const upper = new Float64Array(neighbour.length);
  const lower = new Float64Array(neighbour.length);
  // slot[j]: where j stands in the row last scattered.
  const slot = new Int32Array(n);
  for (let t = n - 1; t >= 0; t--) {
    const k = order[t] as number;
    const s = pivot[k] as number;
    const lo = rowStart[t] as number;
    const hi = rowStart[t + 1] as number;
    for (let a = lo; a < hi; a++) {
      const m = neighbour[a] as number;
      const pm = position[m] as number;
      const dm = diagonal[m] as number;
      upper[a] = (upper[a] as number) + (up[a] as number) * dm;
      lower[a] = (lower[a] as number) + dm * (down[a] as number);
      for (let e = rowStart[pm] as number; e < (rowStart[pm + 1] as number); e++)
        slot[neighbour[e] as number] = e;
      for (let b = lo; b < hi; b++) {
        const j = neighbour[b] as number;
        if ((position[j] as number) <= pm) continue;
        // m goes before j, so j is in m's row: G_mj and G_jm are there.
        const e = slot[j] as number;
        const gmj = upper[e] as number;
        const gjm = lower[e] as number;
        upper[b] = (upper[b] as number) + (up[a] as number) * gmj;
        upper[a] = (upper[a] as number) + (up[b] as number) * gjm;
        lower[b] = (lower[b] as number) + gjm * (down[a] as number);
        lower[a] = (lower[a] as number) + gmj * (down[b] as number);
      }
    }
    let g = 1;
    for (let a = lo; a < hi; a++) {
      upper[a] = (upper[a] as number) / s;
      lower[a] = (lower[a] as number) / s;
      g += (up[a] as number) * (lower[a] as number);
    }
    diagonal[k] = s > 0 ? g / s : 0;
  }
  return { diagonal, upper, lower };
}
