/**
 * Figures are shown to three significant digits; two figures that read the same at that
 * precision are the same to a reader, so a report must not call one of them ahead.
 */

/** Decimals that keep three significant digits of a figure, at most four. */
export function decimalsFor(figure: number, fallback: number): number {
  const x = Math.abs(figure);
  if (!Number.isFinite(x) || x === 0) return fallback;
  if (x >= 100) return 0;
  return Math.min(4, 2 - Math.floor(Math.log10(x)));
}

/** Whether x and y are within half a unit of the third significant digit of the larger: 1.93 and 1.925 are. */
export function equalAsShown(x: number, y: number): boolean {
  const m = Math.max(Math.abs(x), Math.abs(y));
  if (m === 0) return true;
  const lastDigit = 10 ** (Math.floor(Math.log10(m)) - 2);
  // The relative slack absorbs binary rounding: 1.93 - 1.925 is 0.0050000000000001155.
  return Math.abs(x - y) <= lastDigit / 2 + 1e-9 * m;
}

/** A figure to `decimals`, never "-0.0": a value that rounds to zero reads 0 whatever its sign. */
export function fixed(x: number, decimals: number): string {
  const text = x.toFixed(decimals);
  return Number(text) === 0 ? (0).toFixed(decimals) : text;
}

/** Both figures to the same decimals, three significant digits of the larger: "1.93" and "1.93". */
export function sharedDecimals(x: number, y: number): number {
  return decimalsFor(Math.max(Math.abs(x), Math.abs(y)), 0);
}
