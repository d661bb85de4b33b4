/**
 * Where journeys start and where they end, observed against the model, per segment when the log
 * names the model's segments. Starts: each customer's first mapped event, its share set beside
 * the model's start share, with a z score (binomial standard error) and a chi-square test over
 * all starts. Ends: the journeys that end after each step against those the model ends there
 * given how many customers the log shows at the step (its probability of going to an end times
 * its visits; contacts given up in the queue are left out: the queue explains them), with a z
 * score per step and a chi-square test over all of them. A start or an end the model does not
 * have makes the verdict `differs` whatever the test says; with no journey to judge (no event of
 * the log maps to a step) the verdict is `none`, not a test of nothing.
 */

import { compareText } from '../text/compare-text.js';
import { grouped } from '../text/grouped.js';
import { chiSquareTail } from './chi-square.js';

/** The test level: a verdict `differs` is wrong once in a thousand logs that follow the model. */
export const FIT_LEVEL = 0.001;

export interface PlaceFit {
  step: string;
  /** Customers who start (end) here. */
  observed: number;
  /** As a share of the customers (starts) or of the journeys that end (ends). */
  observedShare: number;
  /** What the model makes of the same customers: the start share, or the expected ends' share. */
  modelledShare: number;
  /**
   * Customers the model starts (ends) here, of the same customers: the start share times the
   * customers, or the step's probability of ending times the customers the log shows there.
   */
  expected: number;
  /** (observed - expected) over its standard error; null where the model never starts (ends) here. */
  z: number | null;
}

export interface PlacesFit {
  segment?: string;
  /** Customers (starts) or journeys that end (ends). */
  count: number;
  places: PlaceFit[];
  chiSquare: number;
  df: number;
  /** P(chi-square at least this large | the model). */
  p: number;
  /** `none`: no journey starts (ends) at a mapped step, so there is nothing to test. */
  verdict: 'fits' | 'differs' | 'none';
}

const round = (x: number) => Number(x.toFixed(4));

function verdict(count: number, places: PlaceFit[], chiSquare: number, df: number) {
  if (count === 0) return { chiSquare: 0, df: 0, p: 1, verdict: 'none' } as const;
  const p = chiSquareTail(chiSquare, df);
  const unmodelled = places.some((x) => x.z === null && x.observed > 0);
  return {
    chiSquare: round(chiSquare),
    df,
    p,
    verdict: unmodelled || p < FIT_LEVEL ? 'differs' : 'fits',
  } as const;
}

const byShareThenName = (a: PlaceFit, b: PlaceFit) =>
  b.observed - a.observed || b.modelledShare - a.modelledShare || compareText(a.step, b.step);

/** First events per step against the model's start shares (`modelled`: step to probability). */
export function startFit(
  observed: Map<string, number>,
  modelled: Map<string, number>,
): Omit<PlacesFit, 'segment'> {
  const n = [...observed.values()].reduce((s, k) => s + k, 0);
  const steps = new Set([...observed.keys(), ...[...modelled].filter(([, p]) => p > 0).map(([s]) => s)]);
  let chiSquare = 0;
  let cells = 0;
  const places = [...steps].map((step) => {
    const o = observed.get(step) ?? 0;
    const p = modelled.get(step) ?? 0;
    if (p > 0) {
      chiSquare += (o - n * p) ** 2 / (n * p);
      cells++;
    }
    const se = Math.sqrt((p * (1 - p)) / Math.max(1, n));
    const z = p <= 0 ? null : se > 0 ? round((o / Math.max(1, n) - p) / se) : 0;
    return {
      step,
      observed: o,
      observedShare: n ? round(o / n) : 0,
      modelledShare: round(p),
      expected: round(n * p),
      z,
    };
  });
  places.sort(byShareThenName);
  return { count: n, places, ...verdict(n, places, chiSquare, Math.max(0, cells - 1)) };
}

/**
 * Journeys ending after each step against the model, given the visits: `visits` counts the
 * moves out of each step (contacts given up in a queue left out), `ended` those to the end, and
 * `endP` each step's modelled probability of going to an end.
 */
export function endFit(
  visits: Map<string, number>,
  ended: Map<string, number>,
  endP: Map<string, number>,
): Omit<PlacesFit, 'segment'> {
  const expected = new Map([...visits].map(([step, n]) => [step, n * (endP.get(step) ?? 0)]));
  const count = [...ended.values()].reduce((s, k) => s + k, 0);
  const expectedAll = [...expected.values()].reduce((s, k) => s + k, 0);
  const steps = new Set([...ended.keys(), ...[...expected].filter(([, e]) => e > 0).map(([s]) => s)]);
  let chiSquare = 0;
  let cells = 0;
  const places = [...steps].map((step) => {
    const o = ended.get(step) ?? 0;
    const n = visits.get(step) ?? 0;
    const p = endP.get(step) ?? 0;
    const variance = n * p * (1 - p);
    let z: number | null = null;
    if (p > 0) {
      z = variance > 0 ? round((o - n * p) / Math.sqrt(variance)) : 0;
      if (variance > 0) {
        chiSquare += (o - n * p) ** 2 / variance;
        cells++;
      }
    }
    return {
      step,
      observed: o,
      observedShare: count ? round(o / count) : 0,
      modelledShare: expectedAll ? round((expected.get(step) ?? 0) / expectedAll) : 0,
      expected: round(n * p),
      z,
    };
  });
  places.sort(byShareThenName);
  return { count, places, ...verdict(count, places, chiSquare, cells) };
}

/**
 * Why a fit with no degrees of freedom has a verdict all the same: the model has one place for
 * every journey, so no chi-square can be computed ("chi-square 0.2 on 0 degrees of freedom, p
 * 1.000" read as a test), and the journeys at places the model does not have decide.
 */
export function oneModelledPlace(f: PlacesFit): string | undefined {
  if (f.df > 0 || f.verdict === 'none') return undefined;
  const elsewhere = f.places.filter((p) => p.z === null).reduce((sum, p) => sum + p.observed, 0);
  return `the model has one place for them, so no chi-square; ${elsewhere === 0 ? 'none is' : `${grouped(elsewhere)} ${elsewhere === 1 ? 'is' : 'are'}`} elsewhere`;
}
