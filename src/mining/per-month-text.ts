/** How the drivers' contacts a month are had, in words: pure, for the CLI and the web app alike. */
import { formatDuration } from '../model/units.js';

/** The average month (of the Gregorian calendar) the excess per month is counted in, in microseconds. */
export const MONTH_US = 30.436875 * 86_400_000_000;

/**
 * Over a log of several months, its months; over a shorter one, an extrapolation, said as one
 * ("monthly over 0.0 months" read as a figure of nothing).
 */
export function perMonthText(months: number): string {
  if (months >= 1) return `per month over the log's ${months.toFixed(1)} months`;
  return `per month extrapolated from the log's ${formatDuration((months * MONTH_US) / 1e6)}, less than a month: read it with care`;
}
