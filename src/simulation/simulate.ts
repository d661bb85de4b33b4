/**
 * Replications: independent runs of the same model from seeds derived from one seed, gathered by
 * replication number so that the answer is the same for any number of workers. KPIs are reported
 * as means with 95% confidence intervals, with the warnings a run has about itself: a warm-up too
 * short (judged by MSER-5), a precision not reached, intervals too wide to decide on.
 */
import { availableParallelism } from 'node:os';
import type { Model } from '../model/model.js';
import { arrivalsPerSecond } from './arrivals-per-second.js';
import { type CompiledModel, compileModel } from './compile.js';
import { contactCenterKpis, type PoolContactCenter } from './contact-center.js';
import { journeyLongerThanRunWarnings, unfinishedWarnings } from './drain.js';
import { inliningFor } from './inlining-budget.js';
import { type KpiDefinition, kpiDefinitions, kpiValues } from './kpis.js';
import { type ModelValue, modelValue } from './net-value.js';
import {
  DEFAULT_MAX_REPLICATIONS,
  nextCheck,
  PRECISION_FIRST,
  type PrecisionOutcome,
  type PrecisionRule,
  precisionKpis,
  shortOfPrecision,
} from './precision.js';
import { rehearses } from './rehearsal.js';
import { Replicator, SimulationCancelled } from './replicator.js';
import type { RunResult } from './run.js';
import { precisionWarnings, type RunWarning, warmupWarnings, wideIntervalWarnings } from './run-warnings.js';
import { type Estimate, estimate } from './stats.js';
import { checkWarmup, type WarmupCheck } from './warmup-check.js';

export { SimulationCancelled };

export interface SimulationOptions {
  replications: number;
  /** Seconds of arrivals per replication. */
  horizon: number;
  /** Seconds at the start whose arrivals are not counted. */
  warmup: number;
  seed: number;
  /** Threads to run on: this one, and workers - 1 worker threads beside it. */
  workers?: number;
  /**
   * How many simulations of about this size the caller runs one after another on the same threads
   * (a sweep's values, a staffing plan's checks; 1 by default): whether V8's wider inlining pays
   * for its compiling is a question of all of them, which the threads, kept warm, run with the
   * code compiled for the first (inlining-budget.ts).
   */
  series?: number;
  /**
   * Run replications in batches until each judged KPI's 95% half-width is at most this share of its
   * mean (0.02 for 2%); `replications` is then the first batch (at least 10).
   */
  precision?: number;
  /** The KPIs the precision is judged on (default DEFAULT_PRECISION_KPIS). */
  precisionKpis?: string[];
  /** The most replications a precision may take (default 200). */
  maxReplications?: number;
  /** `total` grows as a precision rule adds batches. */
  onProgress?: (done: number, total: number) => void;
  /** Stops the run: workers are terminated and the promise rejects with a SimulationCancelled. */
  signal?: AbortSignal;
}

export interface SimulationResult {
  model: { id: string; name: string; scenario?: { id: string; name: string } };
  /** As run: `replications` is how many were. */
  options: Omit<SimulationOptions, 'onProgress' | 'workers' | 'signal'>;
  kpis: KpiDefinition[];
  overall: Record<string, Estimate>;
  segments: Record<string, Record<string, Estimate>>;
  /** Each KPI's value in each replication, for paired comparisons. */
  perReplication: Record<string, number[]>;
  /** Little's law: time-average customers in the journey, and arrival rate x mean time, per replication mean. */
  little: { inSystem: number; lambdaTimesTime: number };
  work: { customers: number; events: number };
  /** With the model's economics: its net value per month in each replication, for what-if comparisons. */
  value?: ModelValue;
  /** Where the queue waits settle against the warm-up given; absent with one replication or almost no customers. */
  warmupCheck?: WarmupCheck;
  /** The precision rule and how it ended, when one was asked for. */
  precision?: PrecisionOutcome;
  warnings: RunWarning[];
  /** Each pool's service level, speed of answer, P(wait), abandonment and occupancy, overall and per hour of the week. */
  contactCenter: PoolContactCenter[];
}

export const defaultWorkers = () => Math.max(1, Math.min(availableParallelism(), 8));

/** The KPIs a simulation of the model reports (their keys, labels and formats). */
export function modelKpis(model: Model, compiled = compileModel(model)): KpiDefinition[] {
  return kpiDefinitions(
    compiled,
    new Map(model.ends.map((e) => [e.id, e.name])),
    model.currency,
    new Map(model.resources.map((r) => [r.id, r.name ?? r.id])),
  );
}

export async function simulate(model: Model, options: SimulationOptions): Promise<SimulationResult> {
  const [result] = await simulateTogether([model], options);
  return result as SimulationResult;
}

/**
 * Several models (a what-if's baseline and scenarios) run replication for replication alike: with
 * a precision rule, each batch goes to every model and the rule judges them all, so that paired
 * comparisons have the same replications on both sides.
 */
export async function simulateTogether(
  models: Model[],
  options: SimulationOptions,
): Promise<SimulationResult[]> {
  const compiled = models.map((m) => compileModel(m));
  const kpis = models.map((m, i) => modelKpis(m, compiled[i]));
  const rule = precisionRule(kpis, options);
  const settings = { horizon: options.horizon, warmup: options.warmup, seed: options.seed };
  const first = rule ? Math.max(PRECISION_FIRST, options.replications) : options.replications;
  const max = rule ? Math.max(first, rule.maxReplications) : first;
  // No more threads than replications in a batch: an idle worker costs its start.
  const threads = Math.max(1, Math.min(options.workers ?? 1, first));
  const customers = first * options.horizon * compiled.reduce((sum, m) => sum + arrivalsPerSecond(m), 0);
  // Settled before the first replication: V8 reads the budget each time it optimizes a function.
  inliningFor(customers * (options.series ?? 1), threads);
  const runner = new Replicator(
    models,
    compiled,
    settings,
    threads,
    rehearses(customers, threads),
    options.signal,
  );
  const results: RunResult[][] = models.map(() => []);
  let done = 0;
  let reached = false;
  try {
    for (let n = 0; n < max && !reached; ) {
      const to = rule ? nextCheck(n, first, max) : max;
      for (let i = 0; i < models.length; i++) {
        const batch = await runner.run(i, n, to, () => options.onProgress?.(++done, to * models.length));
        (results[i] as RunResult[]).push(...batch);
      }
      n = to;
      reached =
        !rule ||
        models.every(
          (_, i) =>
            shortOfPrecision(
              rule,
              kpis[i] as KpiDefinition[],
              overallOf(compiled[i] as CompiledModel, kpis[i] as KpiDefinition[], results[i] as RunResult[]),
            ).length === 0,
        );
    }
  } finally {
    runner.close();
  }
  return models.map((m, i) =>
    summarize(
      m,
      compiled[i] as CompiledModel,
      kpis[i] as KpiDefinition[],
      results[i] as RunResult[],
      options,
      rule,
    ),
  );
}

function precisionRule(kpis: KpiDefinition[][], options: SimulationOptions): PrecisionRule | undefined {
  if (options.precision === undefined) return undefined;
  return {
    share: options.precision,
    kpis: precisionKpis(kpis[0] ?? [], options.precisionKpis),
    maxReplications: options.maxReplications ?? DEFAULT_MAX_REPLICATIONS,
  };
}

function overallOf(
  compiled: CompiledModel,
  kpis: KpiDefinition[],
  results: RunResult[],
): Record<string, Estimate> {
  const values = results.map((r) => kpiValues(compiled, r, null));
  return Object.fromEntries(kpis.map((k) => [k.key, estimate(values.map((v) => v[k.key] ?? Number.NaN))]));
}

function summarize(
  model: Model,
  compiled: CompiledModel,
  kpis: KpiDefinition[],
  results: RunResult[],
  options: SimulationOptions,
  rule: PrecisionRule | undefined,
): SimulationResult {
  const overallValues = results.map((r) => kpiValues(compiled, r, null));
  const perReplication = Object.fromEntries(
    kpis.map((k) => [k.key, overallValues.map((v) => v[k.key] ?? Number.NaN)]),
  );
  const overall = Object.fromEntries(kpis.map((k) => [k.key, estimate(perReplication[k.key] ?? [])]));
  const segments = Object.fromEntries(
    compiled.segmentIds.map((id, g) => {
      const values = results.map((r) => kpiValues(compiled, r, g));
      return [
        id,
        Object.fromEntries(kpis.map((k) => [k.key, estimate(values.map((v) => v[k.key] ?? Number.NaN))])),
      ];
    }),
  );
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const value = modelValue(model, compiled, results);
  const warmupCheck =
    results.length > 1
      ? checkWarmup(
          results.map((r) => r.waitSeries),
          options.warmup,
        )
      : undefined;
  const short = rule ? shortOfPrecision(rule, kpis, overall) : [];
  const precision = rule
    ? { ...rule, reached: short.length === 0, replications: results.length, short }
    : undefined;
  return {
    model: { id: model.id, name: model.name, ...(model.scenario ? { scenario: model.scenario } : {}) },
    options: {
      replications: results.length,
      horizon: options.horizon,
      warmup: options.warmup,
      seed: options.seed,
      ...(rule
        ? { precision: rule.share, precisionKpis: rule.kpis, maxReplications: rule.maxReplications }
        : {}),
    },
    kpis,
    overall,
    segments,
    perReplication,
    little: {
      inSystem: mean(results.map((r) => r.inSystem)),
      lambdaTimesTime: mean(
        overallValues.map(
          (v, i) => ((v.customers ?? 0) / (results[i]?.window ?? 1)) * (v.timeInJourney ?? 0),
        ),
      ),
    },
    work: {
      customers: results.reduce((s, r) => s + r.arrivals, 0),
      events: results.reduce((s, r) => s + r.events, 0),
    },
    ...(value ? { value } : {}),
    ...(warmupCheck ? { warmupCheck } : {}),
    ...(precision ? { precision } : {}),
    warnings: [
      ...warmupWarnings(warmupCheck, options.horizon),
      ...precisionWarnings(precision, kpis),
      ...wideIntervalWarnings(kpis, overall, results.length),
      ...unfinishedWarnings(compiled, results),
      ...journeyLongerThanRunWarnings(
        compiled,
        overall.timeInJourney?.mean ?? 0,
        options.horizon,
        options.warmup,
      ),
    ],
    contactCenter: contactCenterKpis(model, results, options),
  };
}
