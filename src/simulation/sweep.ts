/**
 * A parameter swept over a range of whole values (e.g. the agents on shift, 9..14), simulated at
 * each, with the smallest value that meets a target on a KPI, judged on the 95% interval: "how
 * many agents keep the queue under 30 seconds?". Values that overload a pool are reported as such,
 * not simulated.
 */
import type { Model } from '../model/model.js';
import { parseDuration } from '../model/units.js';
import type { KpiDefinition } from './kpis.js';
import { preflight } from './preflight.js';
import { modelKpis, type SimulationOptions, type SimulationResult, simulate } from './simulate.js';
import { UnknownKpiError } from './unknown-kpi.js';

export { UnknownKpiError };

export interface SweepRange {
  path: string;
  from: number;
  to: number;
  /** The unit each value is written with ("/h" for a rate: 50/h..60/h), when it takes one. */
  unit?: string;
}

/** Value v of a range as the model takes it: a number, or with the range's unit ("50/h"). */
export const sweptValue = (range: SweepRange, v: number): number | string =>
  range.unit ? `${v}${range.unit}` : v;

export interface SweepTarget {
  key: string;
  op: '<=' | '>=';
  value: number;
  /** As written, for messages. */
  text: string;
}

export interface SweepPoint {
  value: number;
  overloaded: boolean;
  result?: SimulationResult;
  /** Whether the whole 95% interval meets the target. */
  meets?: boolean;
}

export interface SweepResult {
  range: SweepRange;
  target?: SweepTarget;
  /** The smallest value that meets the target. */
  answer?: number;
  points: SweepPoint[];
}

type Read<T> = { ok: true; value: T } | { ok: false; message: string };

/** The most values one sweep runs: each is a full set of replications. */
export const MAX_SWEEP_VALUES = 200;

/** "resources.agents.capacity=9..14". */
export function parseSweep(text: string): Read<SweepRange> {
  // A unit after either end, or both alike, is every value's: arrivals.rate=50..60/h.
  const match = /^(.+)=(-?\d+)\s*(\/?[A-Za-z]+)?\.\.(-?\d+)\s*(\/?[A-Za-z]+)?$/.exec(text.trim());
  if (!match)
    return {
      ok: false,
      message: `takes PATH=FROM..TO, e.g. resources.agents.capacity=5..15 or arrivals.rate=50..60/h, not '${text}'`,
    };
  const [path, from, to] = [(match[1] as string).trim(), Number(match[2]), Number(match[4])];
  const [first, last] = [match[3], match[5]];
  if (first && last && first !== last)
    return { ok: false, message: `${from}${first}..${to}${last}: give both ends in one unit` };
  const unit = first ?? last;
  if (to < from || to - from + 1 > MAX_SWEEP_VALUES)
    return {
      ok: false,
      message: `${from}..${to}: give a rising range of at most ${MAX_SWEEP_VALUES} values`,
    };
  return { ok: true, value: { path, from, to, ...(unit ? { unit } : {}) } };
}

/** "queueWait<=30s", "abandonment<=5%", "orders>=40". */
export function parseTarget(text: string): Read<SweepTarget> {
  const match = /^\s*([A-Za-z:_-]+)\s*(<=|>=)\s*(.+)$/.exec(text);
  if (!match)
    return { ok: false, message: `takes KPI<=VALUE or KPI>=VALUE, e.g. queueWait<=30s, not '${text}'` };
  const raw = (match[3] as string).trim();
  const duration = parseDuration(raw);
  const value = raw.endsWith('%')
    ? Number(raw.slice(0, -1)) / 100
    : duration.ok
      ? duration.value
      : Number(raw);
  if (!Number.isFinite(value))
    return { ok: false, message: `'${raw}' is not a number, a duration or a percentage` };
  return {
    ok: true,
    value: { key: match[1] as string, op: match[2] as '<=' | '>=', value, text: text.trim() },
  };
}

/**
 * `modelAt(value)` builds the model with the swept parameter set (and whatever else the caller
 * changes); it throws when the value does not apply. Progress counts replications over the sweep.
 */
export async function sweep(
  modelAt: (value: number) => Model,
  range: SweepRange,
  target: SweepTarget | undefined,
  options: SimulationOptions,
): Promise<SweepResult> {
  sweepKpis(modelAt(range.from), target);
  const points: SweepPoint[] = [];
  const values = range.to - range.from + 1;
  let answer: number | undefined;
  for (let v = range.from; v <= range.to; v++) {
    const model = modelAt(v);
    const done = (v - range.from) * options.replications;
    if (preflight(model, options).length > 0) {
      points.push({ value: v, overloaded: true });
      options.onProgress?.(done + options.replications, values * options.replications);
      continue;
    }
    const result = await simulate(model, {
      ...options,
      series: values,
      ...(options.onProgress
        ? { onProgress: (d: number) => options.onProgress?.(done + d, values * options.replications) }
        : {}),
    });
    let meets: boolean | undefined;
    if (target) {
      const e = result.overall[target.key] as NonNullable<(typeof result.overall)[string]>;
      meets = target.op === '<=' ? e.high <= target.value : e.low >= target.value;
      if (meets && answer === undefined) answer = v;
    }
    points.push({ value: v, overloaded: false, result, ...(meets !== undefined ? { meets } : {}) });
  }
  return { range, ...(target ? { target } : {}), ...(answer !== undefined ? { answer } : {}), points };
}

/** The KPIs a sweep of the model reports; throws UnknownKpiError when the target names none of them. */
export function sweepKpis(model: Model, target: SweepTarget | undefined): KpiDefinition[] {
  const kpis = modelKpis(model);
  if (target && !kpis.some((k) => k.key === target.key))
    throw new UnknownKpiError(
      target.key,
      kpis.map((k) => k.key),
    );
  return kpis;
}
