/**
 * The least and the most of many numbers, as Math.min and Math.max give them (Infinity and
 * -Infinity for none, NaN when one is NaN), without spreading them into arguments: a spread of
 * more than about 120,000 values overflows the stack (a PDF of a diagram with that many texts).
 */
export function least(values: Iterable<number>): number {
  let m = Number.POSITIVE_INFINITY;
  for (const v of values) {
    if (Number.isNaN(v)) return Number.NaN;
    if (v < m) m = v;
  }
  return m;
}

export function most(values: Iterable<number>): number {
  let m = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (Number.isNaN(v)) return Number.NaN;
    if (v > m) m = v;
  }
  return m;
}
