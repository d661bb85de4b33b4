/**
 * Solving with a factored chain (elimination.ts): one pass forward and one back per component,
 * components in topological order, each costing what its factor holds. Row solves give expected
 * visits for a start; column solves give, for every state at once, the chance of some outcome
 * from there (an end reached, a step hit), so one solve answers for every place a customer
 * could be sent.
 */
import type { ChainFactor } from './elimination.js';

/** Solves v (I - Q) = b: expected visits to each state for start probabilities b. */
export function solveRow(f: ChainFactor, b: Float64Array): Float64Array {
  const { order, blockStart, pivot, rowStart, neighbour, up, down, exitStart, exitTo, exitP } = f;
  const v = Float64Array.from(b);
  for (let c = 0; c + 1 < blockStart.length; c++) {
    const lo = blockStart[c] as number;
    const hi = blockStart[c + 1] as number;
    for (let t = lo; t < hi; t++) {
      const k = order[t] as number;
      const s = pivot[k] as number;
      const z = s > 0 ? (v[k] as number) / s : 0;
      v[k] = z;
      if (z === 0) continue;
      for (let e = rowStart[t] as number; e < (rowStart[t + 1] as number); e++)
        v[neighbour[e] as number] = (v[neighbour[e] as number] as number) + (up[e] as number) * z;
    }
    for (let t = hi - 1; t >= lo; t--) {
      const k = order[t] as number;
      const s = pivot[k] as number;
      let sum = 0;
      for (let e = rowStart[t] as number; e < (rowStart[t + 1] as number); e++)
        sum += (down[e] as number) * (v[neighbour[e] as number] as number);
      if (s > 0) v[k] = (v[k] as number) + sum / s;
    }
    for (let t = lo; t < hi; t++) {
      const k = order[t] as number;
      const visits = v[k] as number;
      if (visits === 0) continue;
      for (let e = exitStart[k] as number; e < (exitStart[k + 1] as number); e++)
        v[exitTo[e] as number] = (v[exitTo[e] as number] as number) + visits * (exitP[e] as number);
    }
  }
  return v;
}

/** Solves (I - Q) x = c: with c the moves into an end, the chance of ending there from each state. */
export function solveColumn(f: ChainFactor, c: Float64Array): Float64Array {
  const { order, blockStart, pivot, rowStart, neighbour, up, down, exitStart, exitTo, exitP } = f;
  const x = Float64Array.from(c);
  for (let block = blockStart.length - 2; block >= 0; block--) {
    const lo = blockStart[block] as number;
    const hi = blockStart[block + 1] as number;
    for (let t = lo; t < hi; t++) {
      const k = order[t] as number;
      let sum = x[k] as number;
      for (let e = exitStart[k] as number; e < (exitStart[k + 1] as number); e++)
        sum += (exitP[e] as number) * (x[exitTo[e] as number] as number);
      x[k] = sum;
    }
    for (let t = lo; t < hi; t++) {
      const k = order[t] as number;
      const s = pivot[k] as number;
      const y = x[k] as number;
      if (y === 0 || !(s > 0)) continue;
      for (let e = rowStart[t] as number; e < (rowStart[t + 1] as number); e++)
        x[neighbour[e] as number] = (x[neighbour[e] as number] as number) + ((down[e] as number) / s) * y;
    }
    for (let t = hi - 1; t >= lo; t--) {
      const k = order[t] as number;
      const s = pivot[k] as number;
      let sum = x[k] as number;
      for (let e = rowStart[t] as number; e < (rowStart[t + 1] as number); e++)
        sum += (up[e] as number) * (x[neighbour[e] as number] as number);
      x[k] = s > 0 ? sum / s : 0;
    }
  }
  return x;
}
