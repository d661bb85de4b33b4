/**
 * Replications: independent runs of the same model from seeds derived from one seed, spread over
 * worker threads, gathered by replication number so that the answer is the same for any number
 * of workers. KPIs are reported as means with 95% confidence intervals.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Model } from '../model/model.js';
import { compileModel } from './compile.js';
import { contactCenterKpis, type PoolContactCenter } from './contact-center.js';
import { type KpiDefinition, kpiDefinitions, kpiValues } from './kpis.js';
import { type ModelValue, modelValue } from './net-value.js';
import { type RunResult, runReplication } from './run.js';
import { type Estimate, estimate } from './stats.js';

export interface SimulationOptions {
  replications: number;
  /** Seconds of arrivals per replication. */
  horizon: number;
  /** Seconds at the start whose arrivals are not counted. */
  warmup: number;
  seed: number;
  /** Worker threads; 1 runs in this thread. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  /** Stops the run: workers are terminated and the promise rejects with a SimulationCancelled. */
  signal?: AbortSignal;
}

export class SimulationCancelled extends Error {
  constructor() {
    super('the simulation was cancelled');
  }
}

export interface SimulationResult {
  model: { id: string; name: string; scenario?: { id: string; name: string } };
  options: Omit<SimulationOptions, 'onProgress' | 'workers'>;
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
  /** Each pool's service level, speed of answer, P(wait), abandonment and occupancy, overall and per hour of the week. */
  contactCenter: PoolContactCenter[];
}

export const defaultWorkers = () => Math.max(1, Math.min(availableParallelism(), 8));

/** The KPIs a simulation of the model reports (their keys, labels and formats). */
export function modelKpis(model: Model, compiled = compileModel(model)): KpiDefinition[] {
  return kpiDefinitions(compiled, new Map(model.ends.map((e) => [e.id, e.name])), model.currency);
}

export async function simulate(model: Model, options: SimulationOptions): Promise<SimulationResult> {
  const compiled = compileModel(model);
  const runOptions = { horizon: options.horizon, warmup: options.warmup, seed: options.seed };
  const workers = Math.max(1, Math.min(options.workers ?? 1, options.replications));
  const results: RunResult[] = new Array(options.replications);
  let done = 0;
  const progress = () => options.onProgress?.(++done, options.replications);
  if (options.signal?.aborted) throw new SimulationCancelled();
  if (workers === 1) {
    for (let r = 0; r < options.replications; r++) {
      results[r] = runReplication(compiled, { ...runOptions, replication: r });
      progress();
      // Between replications, let the event loop run so that a cancel can arrive.
      if (options.signal) await new Promise((resolve) => setImmediate(resolve));
      if (options.signal?.aborted) throw new SimulationCancelled();
    }
  } else {
    await runInWorkers(
      model,
      runOptions,
      options.replications,
      workers,
      (r, result) => {
        results[r] = result;
        progress();
      },
      options.signal,
    );
  }
  const kpis = modelKpis(model, compiled);
  const overallValues = results.map((r) => kpiValues(compiled, r, null));
  const perReplication = Object.fromEntries(
    kpis.map((k) => [k.key, overallValues.map((v) => v[k.key] ?? Number.NaN)]),
  );
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
  return {
    model: { id: model.id, name: model.name, ...(model.scenario ? { scenario: model.scenario } : {}) },
    options: {
      replications: options.replications,
      horizon: options.horizon,
      warmup: options.warmup,
      seed: options.seed,
    },
    kpis,
    overall: Object.fromEntries(kpis.map((k) => [k.key, estimate(perReplication[k.key] ?? [])])),
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
    contactCenter: contactCenterKpis(model, results, options),
  };
}

/** Deals replications round-robin to the workers; each compiles the model once. */
function runInWorkers(
  model: Model,
  options: { horizon: number; warmup: number; seed: number },
  replications: number,
  count: number,
  onResult: (replication: number, result: RunResult) => void,
  signal?: AbortSignal,
): Promise<void> {
  // Under the TypeScript sources (tests, tsx) the worker is a .ts file and needs tsx's loader.
  const fromSources = import.meta.url.endsWith('.ts');
  const url = new URL(fromSources ? './worker.ts' : './worker.js', import.meta.url);
  const jobs = Array.from({ length: count }, (_, w) =>
    Array.from({ length: replications }, (_, r) => r).filter((r) => r % count === w),
  );
  return Promise.all(
    jobs.map(
      (list) =>
        new Promise<void>((resolve, reject) => {
          const worker = fromSources
            ? new Worker(
                // tsx resolved from here, not from the working folder, which may be anywhere.
                `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`,
                { eval: true },
              )
            : new Worker(url);
          let left = list.length;
          worker.on('message', (message: { replication: number; result: RunResult }) => {
            onResult(message.replication, message.result);
            if (--left === 0) {
              void worker.terminate();
              resolve();
            }
          });
          worker.on('error', reject);
          signal?.addEventListener('abort', () => {
            void worker.terminate();
            reject(new SimulationCancelled());
          });
          worker.postMessage({ model, options, replications: list });
        }),
    ),
  ).then(() => undefined);
}
