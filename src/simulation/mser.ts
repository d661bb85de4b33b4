/**
 * MSER, the marginal standard error rule (White 1997; MSER-5 when each observation is the mean of a
 * batch of 5): of the truncation points d, the one that minimises
 *
 *   MSER(d) = sum_{j >= d} (z_j - mean of z_d..z_{n-1})^2 / (n - d)^2,
 *
 * the squared standard error of the mean of what is kept. Dropping a start that is still far from
 * the long-run level lowers it; dropping settled data raises it. Computed from the end backwards
 * with Welford's update, so one pass and no cancellation.
 */

export interface MserPoint {
  /** The first observation kept. */
  index: number;
  /** Observations in the series. */
  length: number;
}

/** The MSER truncation point of a series; at least `keep` observations (5 or more) are always kept. */
export function mserTruncation(z: ArrayLike<number>, keep = 5): MserPoint {
  const n = z.length;
  let mean = 0;
  let squares = 0;
  let best = Number.POSITIVE_INFINITY;
  let index = 0;
  for (let j = n - 1; j >= 0; j--) {
    const k = n - j;
    const x = z[j] as number;
    const delta = x - mean;
    mean += delta / k;
    squares += delta * (x - mean);
    // Ties go to the earliest point: keep as much as the data allow.
    if (k >= Math.min(keep, n) && squares / (k * k) <= best) {
      best = squares / (k * k);
      index = j;
    }
  }
  return { index, length: n };
}
