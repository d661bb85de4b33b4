/**
 * The stationary distribution of the number in an M/M/c+M system (theta > 0), far enough into its
 * tail to be exact to rounding: the analysis and staffing both start from it.
 */
export function birthDeath(c: number, mu: number, lambda: number, theta: number): Float64Array {
  const limit = c + Math.ceil(50 + (20 * lambda) / theta);
  const p: number[] = [1];
  let total = 1;
  for (let n = 1; n <= limit; n++) {
    const next = ((p[n - 1] as number) * lambda) / (Math.min(n, c) * mu + Math.max(n - c, 0) * theta);
    p.push(next);
    total += next;
    // Keep the numbers in range for large c: only the ratios matter.
    if (total > 1e250) {
      for (let k = 0; k < p.length; k++) p[k] = (p[k] as number) / total;
      total = 1;
    }
    if (n > c && next < 1e-17 * total) break;
  }
  return Float64Array.from(p, (x) => x / total);
}
