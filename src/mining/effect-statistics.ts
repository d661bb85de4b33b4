/**
 * The statistics of an effect: the contact rates of exposed and unexposed units, their ratio (the
 * lift) with a 95 % interval on the log scale (Katz's log-normal approximation), the excess
 * contacts, a two-sided two-proportion z test, and Holm's correction over a family of candidates.
 */
import { normalUpperTail } from '../model/normal-tail.js';

export interface Counts {
  /** Exposed units, and those followed by a contact within the window. */
  exposed: number;
  exposedContacted: number;
  unexposed: number;
  unexposedContacted: number;
}

export interface EffectStatistics {
  rateExposed: number;
  rateUnexposed: number;
  lift: number;
  /** The 95 % interval of the lift. */
  low: number;
  high: number;
  /** Contacts beyond what the unexposed rate predicts for the exposed, in all and per 1,000 exposed. */
  excess: number;
  excessPer1000: number;
  /** Two-sided p-value of the z test, before any correction. */
  p: number;
}

const Z95 = 1.959963984540054;

export function effectStatistics(c: Counts): EffectStatistics {
  const rateExposed = c.exposed ? c.exposedContacted / c.exposed : 0;
  const rateUnexposed = c.unexposed ? c.unexposedContacted / c.unexposed : 0;
  // No units on one side: nothing to compare, so no lift (NaN, null in JSON) and no excess. The
  // half-count correction gave every customer-day that viewed a page a lift of 0.30 (0.22-0.42)
  // against no others at all.
  if (c.exposed === 0 || c.unexposed === 0)
    return {
      rateExposed,
      rateUnexposed,
      lift: Number.NaN,
      low: Number.NaN,
      high: Number.NaN,
      excess: 0,
      excessPer1000: 0,
      p: 1,
    };
  // Half a contact added to each count where one is zero, so that lift and interval stay finite.
  const zero = c.exposedContacted === 0 || c.unexposedContacted === 0;
  const [x1, n1, x0, n0] = zero
    ? [c.exposedContacted + 0.5, c.exposed + 0.5, c.unexposedContacted + 0.5, c.unexposed + 0.5]
    : [c.exposedContacted, c.exposed, c.unexposedContacted, c.unexposed];
  const lift = n1 && n0 ? x1 / n1 / (x0 / n0) : Number.NaN;
  const se = Math.sqrt(Math.max(0, 1 / x1 - 1 / n1 + 1 / x0 - 1 / n0));
  const pooled = (c.exposedContacted + c.unexposedContacted) / Math.max(1, c.exposed + c.unexposed);
  const seDiff = Math.sqrt(
    pooled * (1 - pooled) * (1 / Math.max(1, c.exposed) + 1 / Math.max(1, c.unexposed)),
  );
  const z = seDiff > 0 ? (rateExposed - rateUnexposed) / seDiff : 0;
  const excess = c.exposedContacted - c.exposed * rateUnexposed;
  return {
    rateExposed,
    rateUnexposed,
    lift,
    low: lift * Math.exp(-Z95 * se),
    high: lift * Math.exp(Z95 * se),
    excess,
    excessPer1000: c.exposed ? (excess / c.exposed) * 1000 : 0,
    p: c.exposed && c.unexposed ? 2 * normalUpperTail(Math.abs(z)) : 1,
  };
}

/** Holm's step-down adjusted p-values, in the order given (each at most 1, never below an earlier one's). */
export function holm(p: number[]): number[] {
  const order = p.map((value, i) => ({ value, i })).sort((a, b) => a.value - b.value || a.i - b.i);
  const adjusted = new Array<number>(p.length);
  let running = 0;
  order.forEach(({ value, i }, rank) => {
    running = Math.max(running, Math.min(1, (p.length - rank) * value));
    adjusted[i] = running;
  });
  return adjusted;
}
