/**
 * Runs long enough in replications: `precision: 0.02` runs them in batches until each judged KPI's
 * 95% half-width is at most 2% of its mean (a sequential stopping rule, Law and Kelton's relative
 * precision), up to a cap. Replication r always has the same seed and the batches have a fixed
 * size, so a seed gives the same replications, and the same answer, for any number of workers.
 */
import type { KpiDefinition } from './kpis.js';
import type { Estimate } from './stats.js';
import { UnknownKpiError } from './unknown-kpi.js';

/** Replications added at a time once the first batch is in. */
export const PRECISION_BATCH = 10;
/** The fewest replications a precision is judged on: fewer give a half-width too rough to stop on. */
export const PRECISION_FIRST = 10;
export const DEFAULT_MAX_REPLICATIONS = 200;
/** The KPIs judged when none are named: the ones a decision reads first. */
export const DEFAULT_PRECISION_KPIS = ['timeInJourney', 'queueWait', 'orders', 'costPerOrder', 'experience'];

export interface PrecisionRule {
  /** The largest half-width allowed, as a share of the KPI's mean (0.02 for 2%). */
  share: number;
  /** The KPIs' keys. */
  kpis: string[];
  maxReplications: number;
}

export interface PrecisionOutcome extends PrecisionRule {
  reached: boolean;
  replications: number;
  /** The judged KPIs still wider than asked, widest first, with their half-width as a share of the mean. */
  short: { key: string; label: string; relative: number }[];
}

type Read<T> = { ok: true; value: T } | { ok: false; message: string };

/** "2%" or 0.02: a share above 0 and below 1. */
export function parsePrecision(input: unknown): Read<number> {
  const text = typeof input === 'number' ? String(input) : typeof input === 'string' ? input.trim() : '';
  const match = /^(\d+(?:\.\d*)?|\.\d+)\s*(%?)$/.exec(text);
  const value = match ? Number(match[1]) / (match[2] ? 100 : 1) : Number.NaN;
  if (!(value > 0 && value < 1))
    return { ok: false, message: `takes a share of the mean such as 2% or 0.02, not '${String(input)}'` };
  return { ok: true, value };
}

/** The rule's KPIs, checked against the model's; throws UnknownKpiError for a name the model has not. */
export function precisionKpis(kpis: KpiDefinition[], names: string[] | undefined): string[] {
  const known = new Set(kpis.map((k) => k.key));
  if (!names || names.length === 0) return DEFAULT_PRECISION_KPIS.filter((k) => known.has(k));
  for (const name of names) if (!known.has(name)) throw new UnknownKpiError(name, [...known]);
  return [...new Set(names)];
}

/** A half-width as a share of the mean: 0 for a KPI known exactly, infinite for one centred on 0. */
export function relativeHalfWidth(e: Estimate): number {
  if (e.halfWidth === 0) return 0;
  return e.halfWidth / Math.abs(e.mean);
}

/** The rule's KPIs wider than it allows; a KPI with no value in any replication (no orders, say) has nothing to judge. */
export function shortOfPrecision(
  rule: PrecisionRule,
  kpis: KpiDefinition[],
  estimates: Record<string, Estimate>,
): PrecisionOutcome['short'] {
  return rule.kpis
    .map((key) => {
      const e = estimates[key];
      const label = kpis.find((k) => k.key === key)?.label ?? key;
      return { key, label, relative: e && e.n > 0 ? relativeHalfWidth(e) : 0 };
    })
    .filter((x) => !(x.relative <= rule.share))
    .sort((a, b) => b.relative - a.relative);
}

/** How many replications the next check is at: the first batch, then fixed steps, never past the cap. */
export function nextCheck(done: number, first: number, max: number): number {
  return Math.min(max, done === 0 ? first : done + PRECISION_BATCH);
}
