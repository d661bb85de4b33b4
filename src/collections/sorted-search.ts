/** Searches of values sorted ascending, by halving. */

/** How many of the sorted values are below y (or at it too, `orAt`). */
export function countBelow(sorted: ArrayLike<number>, y: number, orAt = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid] as number;
    if (v < y || (orAt && v === y)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The greatest of the sorted values that is at most x; -Infinity when none is. */
export function lastAtMost(sorted: ArrayLike<number>, x: number): number {
  const n = countBelow(sorted, x, true);
  return n === 0 ? Number.NEGATIVE_INFINITY : (sorted[n - 1] as number);
}
