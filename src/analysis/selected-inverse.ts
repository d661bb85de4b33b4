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
  const { n, blockStart, denseFrom } = f;
  const inverse = {
    diagonal: new Float64Array(n),
    upper: new Float64Array(f.neighbour.length),
    lower: new Float64Array(f.neighbour.length),
  };
  // slot[j]: where j stands in the sparse row last scattered.
  const slot = new Int32Array(n);
  for (let c = blockStart.length - 2; c >= 0; c--) {
    const lo = blockStart[c] as number;
    const dense = denseFrom[c] as number;
    for (let t = (blockStart[c + 1] as number) - 1; t >= lo; t--) {
      if (t >= dense) denseRow(f, inverse, t);
      else sparseRow(f, inverse, t, dense, slot);
      finish(f, inverse, t);
    }
  }
  return inverse;
}

/**
 * Row t's sums over pairs of its neighbours (m, j), m eliminated before j, so that j is in m's
 * row: G_mj and G_jm are entry e there. In a dense row every later state is a neighbour, in
 * order, so e follows from the positions alone.
 */
function denseRow(f: ChainFactor, { diagonal, upper, lower }: SelectedInverse, t: number) {
  const { rowStart, neighbour, up, down } = f;
  const lo = rowStart[t] as number;
  const hi = rowStart[t + 1] as number;
  for (let a = lo; a < hi; a++) {
    const dm = diagonal[neighbour[a] as number] as number;
    const upA = up[a] as number;
    const downA = down[a] as number;
    let upperA = (upper[a] as number) + upA * dm;
    let lowerA = (lower[a] as number) + dm * downA;
    // m is at position t + 1 + (a - lo); its row starts with the state right after it.
    let e = rowStart[t + 1 + (a - lo)] as number;
    for (let b = a + 1; b < hi; b++, e++) {
      const gmj = upper[e] as number;
      const gjm = lower[e] as number;
      upper[b] = (upper[b] as number) + upA * gmj;
      lower[b] = (lower[b] as number) + gjm * downA;
      upperA += (up[b] as number) * gjm;
      lowerA += gmj * (down[b] as number);
    }
    upper[a] = upperA;
    lower[a] = lowerA;
  }
}

function sparseRow(
  f: ChainFactor,
  { diagonal, upper, lower }: SelectedInverse,
  t: number,
  denseFrom: number,
  slot: Int32Array,
) {
  const { position, rowStart, neighbour, up, down } = f;
  const lo = rowStart[t] as number;
  const hi = rowStart[t + 1] as number;
  for (let a = lo; a < hi; a++) {
    const m = neighbour[a] as number;
    const pm = position[m] as number;
    const dm = diagonal[m] as number;
    upper[a] = (upper[a] as number) + (up[a] as number) * dm;
    lower[a] = (lower[a] as number) + dm * (down[a] as number);
    const inDense = pm >= denseFrom;
    if (!inDense)
      for (let e = rowStart[pm] as number; e < (rowStart[pm + 1] as number); e++)
        slot[neighbour[e] as number] = e;
    for (let b = lo; b < hi; b++) {
      const j = neighbour[b] as number;
      const pj = position[j] as number;
      if (pj <= pm) continue;
      const e = inDense ? (rowStart[pm] as number) + (pj - pm - 1) : (slot[j] as number);
      const gmj = upper[e] as number;
      const gjm = lower[e] as number;
      upper[b] = (upper[b] as number) + (up[a] as number) * gmj;
      upper[a] = (upper[a] as number) + (up[b] as number) * gjm;
      lower[b] = (lower[b] as number) + gjm * (down[a] as number);
      lower[a] = (lower[a] as number) + gmj * (down[b] as number);
    }
  }
}

/** Divides row t's sums by its pivot and gives G_kk. */
function finish(f: ChainFactor, { diagonal, upper, lower }: SelectedInverse, t: number) {
  const { order, pivot, rowStart, up } = f;
  const k = order[t] as number;
  const s = pivot[k] as number;
  let g = 1;
  for (let a = rowStart[t] as number; a < (rowStart[t + 1] as number); a++) {
    upper[a] = (upper[a] as number) / s;
    lower[a] = (lower[a] as number) / s;
    g += (up[a] as number) * (lower[a] as number);
  }
  diagonal[k] = s > 0 ? g / s : 0;
}
