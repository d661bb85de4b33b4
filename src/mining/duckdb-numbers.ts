/**
 * The mean and quantiles of whole numbers (waits in microseconds) to the last bit as DuckDB gives
 * them, so that a log discovered on another engine reads the same byte for byte. DuckDB's avg of a
 * BIGINT sums exactly and divides in x87 long double (64-bit significand), then rounds to double;
 * its quantile_cont interpolates between the two nearest values in double, as lo (1 - d) + hi d.
 */

const bitLength = (n: bigint) => n.toString(2).length;

/** n rounded to `bits` significant bits, half to even; with the binary exponent it was shifted by. */
function roundToBits(n: bigint, bits: number): { significand: bigint; shift: number } {
  const shift = bitLength(n) - bits;
  if (shift <= 0) return { significand: n, shift: 0 };
  const kept = n >> BigInt(shift);
  const rest = n - (kept << BigInt(shift));
  const half = 1n << BigInt(shift - 1);
  const up = rest > half || (rest === half && (kept & 1n) === 1n);
  return { significand: up ? kept + 1n : kept, shift };
}

/** sum / count as DuckDB's avg(BIGINT) returns it (sum and count whole, count > 0, sum >= 0). */
export function duckdbMean(sum: bigint, count: bigint): number {
  if (sum === 0n) return 0;
  // A quotient with 64 significant bits and its remainder, rounded half to even (long double)...
  let k = 64 - (bitLength(sum) - bitLength(count));
  const quotient = (s: number) =>
    s >= 0
      ? [(sum << BigInt(s)) / count, (sum << BigInt(s)) % count]
      : [sum / (count << BigInt(-s)), sum % (count << BigInt(-s))];
  let [q, r] = quotient(k) as [bigint, bigint];
  while (bitLength(q) > 64) [q, r] = quotient(--k) as [bigint, bigint];
  while (bitLength(q) < 64) [q, r] = quotient(++k) as [bigint, bigint];
  const divisor = k >= 0 ? count : count << BigInt(-k);
  if (2n * r > divisor || (2n * r === divisor && (q & 1n) === 1n)) q += 1n;
  // ...then to double's 53 bits, rounded again.
  const { significand, shift } = roundToBits(q, 53);
  return Number(significand) * 2 ** (shift - k);
}

/**
 * quantile_cont(q) of sorted values given as distinct values, ascending, and how many of each, n
 * values in all. DuckDB: RN = (n - 1) q, and between the values at floor and ceil of RN,
 * lo (1 - d) + hi d with d = RN - floor (lo + (hi - lo) d differs from it in the last bit in one
 * case in twenty).
 */
export function duckdbQuantileCont(
  values: ArrayLike<number | bigint>,
  counts: ArrayLike<number>,
  n: number,
  q: number,
): number {
  const rn = (n - 1) * q;
  const frn = Math.floor(rn);
  const crn = Math.ceil(rn);
  const lo = Number(valueAt(values, counts, frn));
  if (frn === crn) return lo;
  const hi = Number(valueAt(values, counts, crn));
  const d = rn - frn;
  return lo * (1 - d) + hi * d;
}

/** The value at 0-based position `index` of the expanded sorted list. */
function valueAt(
  values: ArrayLike<number | bigint>,
  counts: ArrayLike<number>,
  index: number,
): number | bigint {
  let seen = 0;
  for (let i = 0; i < values.length; i++) {
    seen += counts[i] as number;
    if (index < seen) return values[i] as number | bigint;
  }
  throw new Error(`position ${index} past the ${seen} values`);
}
