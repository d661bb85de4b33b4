/**
 * The dense rest of a component (elimination.ts), four pivots at a time. Eliminating one pivot
 * updates every pair of states after it, so one at a time the whole rest of the triangle goes
 * through memory once per pivot; four at a time it goes through once per four, each entry taking
 * the four updates in the pivots' order, so the sums, and the answers, are the same bit for bit.
 * Within the four, each row is first brought up to date with the pivots before it.
 *
 * Slot (u, v) of the dense rest, positions u < v, is rowStart[u] + (v - u - 1): row u holds the
 * states after it in order, q_uv up and q_vu down.
 */
import type { EliminationOrder } from './elimination-order.js';

export interface DenseNumbers {
  up: Float64Array;
  down: Float64Array;
  /** By state: what leaves it for good (ends, later components, rounding). */
  leak: Float64Array;
  pivot: Float64Array;
}

const PANEL = 4;

/** Eliminates positions from .. to - 1, the dense rest of one component. */
export function eliminateDense(pattern: EliminationOrder, from: number, to: number, numbers: DenseNumbers) {
  const shares = Array.from({ length: PANEL }, () => new Float64Array(to - from));
  let t = from;
  for (; t + PANEL <= to; t += PANEL) {
    for (let p = t; p < t + PANEL; p++) {
      for (let q = t; q < p; q++) applyToRow(pattern, q, p, to, numbers);
      const k = pattern.order[p] as number;
      numbers.pivot[k] = pivotOf(pattern.rowStart, p, numbers.leak[k] as number, numbers.up);
    }
    for (let q = 0; q < PANEL; q++) sharesOf(pattern, t + q, to, numbers, shares[q] as Float64Array);
    updateRest(pattern, t, to, numbers, shares);
  }
  for (; t < to; t++) {
    const k = pattern.order[t] as number;
    numbers.pivot[k] = pivotOf(pattern.rowStart, t, numbers.leak[k] as number, numbers.up);
    for (let p = t + 1; p < to; p++) applyToRow(pattern, t, p, to, numbers);
  }
}

/** s_k from what leaves k: its leak and its moves to the states still present. */
export function pivotOf(rowStart: Int32Array, t: number, leak: number, up: Float64Array): number {
  let s = leak;
  for (let e = rowStart[t] as number; e < (rowStart[t + 1] as number); e++) s += up[e] as number;
  return s;
}

/** Pivot q's update of row p (q < p): q_pu += q_pq q_qu / s_q, q_up += q_uq q_qp / s_q. */
function applyToRow(
  { order, rowStart }: EliminationOrder,
  q: number,
  p: number,
  to: number,
  { up, down, leak, pivot }: DenseNumbers,
) {
  const s = pivot[order[q] as number] as number;
  const base = (rowStart[q] as number) - q - 1;
  const shareP = s > 0 ? (down[base + p] as number) / s : 0;
  const upQP = up[base + p] as number;
  const k = order[p] as number;
  leak[k] = (leak[k] as number) + shareP * (leak[order[q] as number] as number);
  let e = rowStart[p] as number;
  for (let u = p + 1; u < to; u++, e++) {
    up[e] = (up[e] as number) + shareP * (up[base + u] as number);
    down[e] = (down[e] as number) + (s > 0 ? (down[base + u] as number) / s : 0) * upQP;
  }
}

/** q_xq / s_q for every state x after q, at out[x - q - 1]. */
function sharesOf(
  { order, rowStart }: EliminationOrder,
  q: number,
  to: number,
  { down, pivot }: DenseNumbers,
  out: Float64Array,
) {
  const s = pivot[order[q] as number] as number;
  const base = (rowStart[q] as number) - q - 1;
  for (let u = q + 1; u < to; u++) out[u - q - 1] = s > 0 ? (down[base + u] as number) / s : 0;
}

/** The four pivots t .. t + 3 applied to every pair of later states, in the pivots' order. */
function updateRest(
  { order, rowStart }: EliminationOrder,
  t: number,
  to: number,
  { up, down, leak }: DenseNumbers,
  shares: Float64Array[],
) {
  const [s0, s1, s2, s3] = shares as [Float64Array, Float64Array, Float64Array, Float64Array];
  const b0 = (rowStart[t] as number) - t - 1;
  const b1 = (rowStart[t + 1] as number) - t - 2;
  const b2 = (rowStart[t + 2] as number) - t - 3;
  const b3 = (rowStart[t + 3] as number) - t - 4;
  // shares[q][x - (t + q + 1)] is q_x,(t+q) / s: offsets that line x up in all four.
  const o0 = -t - 1;
  const o1 = -t - 2;
  const o2 = -t - 3;
  const o3 = -t - 4;
  const l0 = leak[order[t] as number] as number;
  const l1 = leak[order[t + 1] as number] as number;
  const l2 = leak[order[t + 2] as number] as number;
  const l3 = leak[order[t + 3] as number] as number;
  for (let a = t + PANEL; a < to; a++) {
    const a0 = s0[a + o0] as number;
    const a1 = s1[a + o1] as number;
    const a2 = s2[a + o2] as number;
    const a3 = s3[a + o3] as number;
    const u0 = up[b0 + a] as number;
    const u1 = up[b1 + a] as number;
    const u2 = up[b2 + a] as number;
    const u3 = up[b3 + a] as number;
    const k = order[a] as number;
    leak[k] = (leak[k] as number) + a0 * l0 + a1 * l1 + a2 * l2 + a3 * l3;
    let e = rowStart[a] as number;
    for (let b = a + 1; b < to; b++, e++) {
      let x = up[e] as number;
      x += a0 * (up[b0 + b] as number);
      x += a1 * (up[b1 + b] as number);
      x += a2 * (up[b2 + b] as number);
      x += a3 * (up[b3 + b] as number);
      up[e] = x;
      let y = down[e] as number;
      y += (s0[b + o0] as number) * u0;
      y += (s1[b + o1] as number) * u1;
      y += (s2[b + o2] as number) * u2;
      y += (s3[b + o3] as number) * u3;
      down[e] = y;
    }
  }
}
