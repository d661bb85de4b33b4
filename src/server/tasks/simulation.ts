/**
 * Simulations as the API runs them: each request is planned first (the model with its scenario
 * and changes, the pre-flight checks, the work it is against the server's limits), so that bad
 * parameters and oversized requests are refused before a job starts; the job plans again on its
 * own thread and runs. Results carry each KPI written in its unit beside the numbers.
 */
import type { LoadResult } from '../../model/load.js';
import type { Model } from '../../model/model.js';
import { applyOverrides, parseOverride, whatIfSides } from '../../model/overrides.js';
import {
  DEFAULT_MAX_REPLICATIONS,
  describeWork,
  estimateWork,
  eventLogCsv,
  type KpiDefinition,
  modelKpis,
  precisionKpis,
  preflight,
  readoutInput,
  type SimulationResult,
  type SweepRange,
  type SweepTarget,
  simulateEventLog,
  simulate as simulateModel,
  sweepKpis,
  sweep as sweepModel,
  sweptValue,
  totalWork,
  UnknownKpiError,
  type WorkEstimate,
  whatIf as whatIfModels,
} from '../../simulation/index.js';
import { simulationJson, sweepJson, whatIfJson } from '../../simulation/readout/run-json.js';
import { HttpError } from '../http-error.js';
import { LIMIT_OPTIONS } from '../options.js';
import type { TaskContext } from './context.js';
import { loadSaved } from './load.js';
import { planStaff } from './staffing.js';
import { withinStepVisits } from './step-visit-limit.js';

export interface RunSettings {
  replications: number;
  horizon: number;
  warmup: number;
  seed: number;
  /** Replications until each judged KPI's half-width is at most this share of its mean. */
  precision?: number;
  precisionKpis?: string[];
  maxReplications?: number;
}

export interface RunRequest {
  name: string;
  scenario?: string | undefined;
  /** PATH=VALUE changes. */
  sets: string[];
  settings: RunSettings;
}

export interface SweepRequest extends RunRequest {
  range: SweepRange;
  target?: SweepTarget | undefined;
}

export interface WhatIfRequest extends RunRequest {
  /** The scenarios to compare; all of the model's when absent. */
  scenarios?: string[] | undefined;
}

/** Builds the model with a scenario and changes applied, from one load. */
function variants(ctx: TaskContext, name: string) {
  let loaded: LoadResult | undefined;
  return (scenario: string | undefined, sets: string[]): Model => {
    if (sets.length === 0) return loadSaved(ctx, name, { scenario }).model;
    loaded ??= loadSaved(ctx, name).result;
    const overrides = sets.map((s) => {
      const parsed = parseOverride(s);
      if (!parsed) throw new HttpError(400, `'${s}' is not PATH=VALUE`, 'e.g. resources.agents.capacity=12');
      return parsed;
    });
    const applied = applyOverrides(
      loaded.document as NonNullable<LoadResult['document']>,
      overrides,
      scenario,
    );
    const first = applied.diagnostics.find((d) => d.severity === 'error');
    if (!applied.model || first)
      throw new HttpError(400, first?.message ?? 'the change does not apply', first?.hint);
    return applied.model;
  };
}

/**
 * The settings as run: with a precision rule, the cap on replications is the server's limit when
 * that is below the usual 200, and the work is judged at the cap, the most the rule may run.
 */
function asRun(ctx: TaskContext, s: RunSettings): { run: RunSettings; planned: RunSettings } {
  if (s.precision === undefined) return { run: s, planned: s };
  const maxReplications = s.maxReplications ?? Math.min(DEFAULT_MAX_REPLICATIONS, ctx.limits.maxReplications);
  const run = { ...s, maxReplications };
  return { run, planned: { ...run, replications: Math.max(s.replications, maxReplications) } };
}

/** A precision KPI the model lacks is a 400. */
function checkPrecisionKpis(model: Model, s: RunSettings): void {
  if (s.precision !== undefined) {
    try {
      precisionKpis(modelKpis(model), s.precisionKpis);
    } catch (error) {
      if (!(error instanceof UnknownKpiError)) throw error;
      throw new HttpError(
        400,
        `'precisionKpis' names unknown KPI '${error.key}'`,
        `${error.hint}; the KPIs: ${error.known.join(', ')}`,
      );
    }
  }
}

/** Pre-flight problems (an overloaded pool, no arrivals) are a 422 that says how to fix them. */
function checked(model: Model, s: RunSettings): Model {
  checkPrecisionKpis(model, s);
  const problems = preflight(model, s);
  if (problems.length > 0)
    throw new HttpError(
      422,
      problems.map((p) => p.message).join('; '),
      problems.map((p) => (p.example ? `e.g. ${JSON.stringify(p.example)}` : p.hint)).join('; '),
    );
  return model;
}

/** The request's work against the server's limits, each refusal naming its `serve` option. */
function withinLimits(ctx: TaskContext, work: WorkEstimate): WorkEstimate {
  const { limits } = ctx;
  if (work.replications > limits.maxReplications)
    throw new HttpError(
      422,
      `${work.replications} replications are more than this server's limit of ${limits.maxReplications}`,
      `ask for fewer, or start linesight serve with a larger ${LIMIT_OPTIONS.maxReplications}`,
    );
  if (!(work.customers <= limits.maxCustomers))
    throw new HttpError(
      422,
      `the simulation is ${describeWork(work)}, more than this server's limit of ${limits.maxCustomers.toLocaleString('en')} customers a request`,
      `ask for fewer replications or a shorter horizon, run it with linesight simulate, or start linesight serve with a larger ${LIMIT_OPTIONS.maxCustomers}`,
    );
  return withinStepVisits(limits, work, describeWork(work));
}

const kpiList = (kpis: KpiDefinition[]) =>
  kpis.map((k) => ({ key: k.key, label: k.label, kind: k.kind, better: k.better }));

/** Each KPI's estimate in its own unit, mean ± half-width of the 95% interval, for people to read. */
function kpiTexts(r: SimulationResult): Record<string, string> {
  return Object.fromEntries(
    r.kpis.map((k) => {
      const e = r.overall[k.key];
      return [k.key, e ? k.text(e) : '—'];
    }),
  );
}

const runOptions = (ctx: TaskContext, s: RunSettings) => ({
  ...s,
  workers: ctx.workers,
  onProgress: (done: number, total: number) => ctx.progress(done, total),
});

function planSimulate(request: RunRequest, ctx: TaskContext) {
  const { run, planned } = asRun(ctx, request.settings);
  const model = checked(variants(ctx, request.name)(request.scenario, request.sets), run);
  const work = withinLimits(ctx, estimateWork(model, planned));
  return {
    work,
    run: async () => {
      const r = await simulateModel(model, runOptions(ctx, run));
      // simulate --json's fields, and the KPIs' labels and figures as text for the web app.
      return { ...simulationJson(r), kpis: kpiList(r.kpis), text: kpiTexts(r) };
    },
  };
}

function planSweep(request: SweepRequest, ctx: TaskContext) {
  const variant = variants(ctx, request.name);
  const modelAt = (v: number) =>
    variant(request.scenario, [...request.sets, `${request.range.path}=${sweptValue(request.range, v)}`]);
  // Bad paths, values and KPIs are refused now, not as a failed job.
  const first = modelAt(request.range.from);
  let kpis: KpiDefinition[];
  try {
    kpis = sweepKpis(first, request.target);
  } catch (error) {
    if (!(error instanceof UnknownKpiError)) throw error;
    throw new HttpError(
      400,
      `'target' names unknown KPI '${error.key}'`,
      `${error.hint}; the KPIs: ${error.known.join(', ')}`,
    );
  }
  const { run, planned } = asRun(ctx, request.settings);
  // Not the pre-flight: a sweep is how one finds the values at which a pool is overloaded.
  checkPrecisionKpis(first, run);
  const one = estimateWork(first, planned);
  const values = request.range.to - request.range.from + 1;
  const work = withinLimits(ctx, {
    ...totalWork(Array.from({ length: values }, () => one)),
    replications: one.replications,
  });
  return {
    work,
    run: async () => {
      const r = await sweepModel(modelAt, request.range, request.target, runOptions(ctx, run));
      // simulate --sweep --json's fields, and each value's figures as text for the web app.
      return {
        ...sweepJson(r),
        labels: Object.fromEntries(kpis.map((k) => [k.key, k.label])),
        points: r.points.map((p) => ({
          value: p.value,
          overloaded: p.overloaded,
          ...(p.meets !== undefined ? { meets: p.meets } : {}),
          ...(p.result
            ? { overall: p.result.overall, text: kpiTexts(p.result), warnings: p.result.warnings }
            : {}),
        })),
      };
    },
  };
}

function planWhatIf(request: WhatIfRequest, ctx: TaskContext) {
  const variant = variants(ctx, request.name);
  const saved = loadSaved(ctx, request.name).model;
  const sides = whatIfSides(
    saved.scenarios.map((x) => x.id),
    request.scenarios,
    request.sets,
  );
  if (sides.variants.length === 0)
    throw new HttpError(
      400,
      'the model has no scenarios to compare',
      'name some in "scenarios", add scenarios to the model, or try a change with "set"',
    );
  const base = variant(sides.baseline.scenario, sides.baseline.changes);
  const models = sides.variants.map((side) => variant(side.scenario, side.changes));
  const { run, planned } = asRun(ctx, request.settings);
  for (const m of [base, ...models]) checked(m, run);
  const parts = [base, ...models].map((m) => estimateWork(m, planned));
  const work = withinLimits(ctx, { ...totalWork(parts), replications: planned.replications });
  return {
    work,
    run: async () => {
      const r = await whatIfModels(base, models, runOptions(ctx, run));
      // whatif --json's fields, and beside them the plain data the web app reads with the same
      // functions as the CLI (src/simulation/readout): each scenario's entry holds both.
      const json = whatIfJson(r);
      const readout = readoutInput(r, base.currency);
      return {
        ...json,
        replications: r.baseline.options.replications,
        precision: r.baseline.precision ?? null,
        currency: readout.currency,
        kpis: readout.kpis,
      };
    },
  };
}

const PLANS = { simulate: planSimulate, sweep: planSweep, whatif: planWhatIf, staff: planStaff } as const;
export type JobKind = keyof typeof PLANS;
export type JobRequest<K extends JobKind> = Parameters<(typeof PLANS)[K]>[0];

/** Checks a job's request and says how much work it is, without running it. */
export const planJob = <K extends JobKind>(input: { kind: K; request: JobRequest<K> }, ctx: TaskContext) => ({
  work: (PLANS[input.kind] as (r: JobRequest<K>, c: TaskContext) => { work: WorkEstimate })(
    input.request,
    ctx,
  ).work,
});

/** Runs a job: plans it again on its own thread, then simulates. */
export const runJob = <K extends JobKind>(input: { kind: K; request: JobRequest<K> }, ctx: TaskContext) =>
  (PLANS[input.kind] as (r: JobRequest<K>, c: TaskContext) => { run: () => Promise<unknown> })(
    input.request,
    ctx,
  ).run();

/** One replication's interactions as a CSV event log, within the server's log limits. */
export function eventLog(request: RunRequest, ctx: TaskContext) {
  const { limits } = ctx;
  // A log counts every customer: there is no warm-up to leave out.
  const settings = { ...request.settings, warmup: 0, replications: 1 };
  const model = checked(variants(ctx, request.name)(request.scenario, request.sets), settings);
  const days = settings.horizon / 86400;
  if (days > limits.maxLogDays)
    throw new HttpError(
      422,
      `an event log of ${days.toLocaleString('en')} days is longer than this server's limit of ${limits.maxLogDays} days`,
      `ask for a shorter horizon, write it with linesight simulate --event-log FILE, or start linesight serve with a larger ${LIMIT_OPTIONS.maxLogDays}`,
    );
  const work = estimateWork(model, settings);
  if (!(work.customers <= limits.maxLogCustomers))
    throw new HttpError(
      422,
      `the event log would hold ${describeWork(work)}, more than this server's limit of ${limits.maxLogCustomers.toLocaleString('en')} customers`,
      `ask for a shorter horizon, write it with linesight simulate --event-log FILE, or start linesight serve with a larger ${LIMIT_OPTIONS.maxLogCustomers}`,
    );
  return {
    id: model.id,
    csv: eventLogCsv(simulateEventLog(model, { horizon: settings.horizon, seed: settings.seed })),
  };
}
