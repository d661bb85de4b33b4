/** The HTTP API, as the web app calls it. Errors carry the server's message and hint. */

import type { ComparedMetric } from '../../src/analysis/compare';
import type { QueueAnalysis } from '../../src/analysis/queues';
import type { Conformance } from '../../src/mining/conformance';
import type { JourneyAnalytics } from '../../src/mining/journeys';
import type { WhatIfReadoutInput } from '../../src/simulation/readout/side-by-side';
import type { RunRemedy, RunWarning as SimulationRunWarning } from '../../src/simulation/run-warnings';
import type { Estimate } from '../../src/simulation/stats';

export type { Conformance, Estimate, JourneyAnalytics, RunRemedy };
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly hint?: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** One segment's or one channel's events of a log. */
export interface LogSlice {
  segment?: string;
  channel?: string;
}

/** Query parameters (a log's slice, an upload's columns) as `&key=value` pairs, each value encoded; those not given are left out. */
export const queryParams = (params: { [key: string]: string | undefined } | LogSlice) =>
  Object.entries(params)
    .filter(([, v]) => v)
    .map(([k, v]) => `&${k}=${encodeURIComponent(v as string)}`)
    .join('');

/** What the user reads when a call fails: the error, and the hint in brackets. */
export function problemText(error: unknown): string {
  const a = error as ApiError;
  return `${a.message}${a.hint ? ` (${a.hint})` : ''}`;
}

export interface Choice {
  id: string;
  name: string;
}

/** A validation, and when the model is valid what the diagram pickers can offer. */
export interface Checked {
  ok: boolean;
  diagnostics: Diagnostic[];
  outline?: { segments: Choice[]; roles: Choice[]; scenarios: Choice[] };
}

export interface Diagnostic {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  hint?: string;
  line: number;
  column: number;
  path: string;
}

async function call<T>(
  url: string,
  init: RequestInit = {},
  as: 'json' | 'text' | 'response' = 'json',
): Promise<{ body: T; response: Response }> {
  const response = await fetch(url, init);
  if (!response.ok) {
    const problem = await response.json().catch(() => ({ error: response.statusText }));
    throw new ApiError(response.status, problem.error ?? response.statusText, problem.hint, problem.details);
  }
  if (as === 'response') return { body: response as T, response };
  return { body: (as === 'json' ? await response.json() : await response.text()) as T, response };
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export const api = {
  models: () =>
    call<
      {
        name: string;
        title: string | null;
        kind: string | null;
        ok: boolean;
        errors: number;
        steps: number | null;
        stages: string[];
        scenarios: { id: string; name: string }[];
      }[]
    >('/api/models').then((r) => r.body),
  model: (name: string) =>
    call<{ text: string; etag: string; diagnostics: Diagnostic[] }>(
      `/api/models/${encodeURIComponent(name)}`,
    ).then((r) => r.body),
  save: (name: string, text: string, etag: string | undefined) =>
    call<{ etag: string; ok: boolean; diagnostics: Diagnostic[] }>(
      `/api/models/${encodeURIComponent(name)}`,
      {
        method: 'PUT',
        headers: { 'content-type': 'text/yaml', ...(etag ? { 'if-match': etag } : {}) },
        body: text,
      },
    ).then((r) => r.body),
  /** What a new model can start from: 'blank', 'starter', 'example:FILE', 'bpmn'. */
  templates: () => call<{ from: string; name: string }[]>('/api/templates').then((r) => r.body),
  /** A new model, never over another: 409 when the name is taken. */
  create: (name: string, from: string, bpmn?: string) =>
    call<NewModel>('/api/models', json({ name, from, ...(bpmn ? { bpmn } : {}) })).then((r) => r.body),
  duplicate: (name: string, to: string) =>
    call<NewModel>(`/api/models/${encodeURIComponent(name)}/duplicate`, json({ to })).then((r) => r.body),
  rename: (name: string, to: string, etag: string) =>
    call<{ name: string; etag: string }>(`/api/models/${encodeURIComponent(name)}/rename`, {
      ...json({ to }),
      headers: { 'content-type': 'application/json', 'if-match': etag },
    }).then((r) => r.body),
  remove: (name: string, etag: string) =>
    call<string>(
      `/api/models/${encodeURIComponent(name)}`,
      { method: 'DELETE', headers: { 'if-match': etag } },
      'text',
    ).then(() => undefined),
  validate: (name: string, text: string) =>
    call<Checked>(`/api/validate?name=${encodeURIComponent(name)}`, json({ text })).then((r) => r.body),
  /** The model as scenario `id` makes it (YAML), or undefined while the text has no such scenario. */
  scenarioView: (name: string, text: string, id: string) =>
    call<Checked & { view?: string }>(
      `/api/validate?name=${encodeURIComponent(name)}&scenario=${encodeURIComponent(id)}`,
      json({ text }),
    ).then((r) => r.body.view),
  render: (
    name: string,
    text: string,
    view: string,
    options: { segment?: string; role?: string; scenario?: string },
  ) => call<string>('/api/render', json({ name, text, view, ...options }), 'text').then((r) => r.body),
  /** A diagram of the editor's text as a file to save: its bytes, and the name the server gives it. */
  renderFile: async (
    name: string,
    text: string,
    view: string,
    options: { segment?: string; role?: string; scenario?: string },
    format: 'svg' | 'png' | 'pdf',
  ) => {
    const { response } = await call<Response>(
      '/api/render',
      json({ name, text, view, ...options, format }),
      'response',
    );
    const file = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
    // Characters the PNG or PDF draws as empty boxes (see missing-glyphs.ts).
    const missing = [...decodeURIComponent(response.headers.get('x-linesight-missing-characters') ?? '')];
    return { blob: await response.blob(), file: file ?? `diagram.${format}`, missing };
  },
  analyze: (name: string, text: string, scenario = '') =>
    call<{ findings: Finding[]; queues?: Queues }>(
      '/api/analyze',
      json({ name, text, ...(scenario ? { scenario } : {}) }),
    ).then((r) => r.body),
  staff: (name: string, body: Record<string, unknown>) =>
    call<{ id: string }>(`/api/models/${encodeURIComponent(name)}/staff`, json(body)).then((r) => r.body),
  whatif: (name: string, body: Record<string, unknown>) =>
    call<{ id: string }>(`/api/models/${encodeURIComponent(name)}/whatif`, json(body)).then((r) => r.body),
  simulate: (name: string, body: Record<string, unknown>) =>
    call<{ id: string }>(`/api/models/${encodeURIComponent(name)}/simulate`, json(body)).then((r) => r.body),
  sweep: (name: string, body: Record<string, unknown>) =>
    call<{ id: string }>(`/api/models/${encodeURIComponent(name)}/sweep`, json(body)).then((r) => r.body),
  job: (id: string) => call<Job>(`/api/jobs/${id}`).then((r) => r.body),
  cancel: (id: string) => call<Job>(`/api/jobs/${id}`, { method: 'DELETE' }).then((r) => r.body),
  compare: (ours: string, theirs: string) =>
    call<Comparison>(
      `/api/compare?ours=${encodeURIComponent(ours)}&theirs=${encodeURIComponent(theirs)}`,
    ).then((r) => r.body),
  logs: () => call<{ log: string; events: number; cases: number }[]>('/api/logs').then((r) => r.body),
  removeLog: (log: string) =>
    call<{ log: string; events: number }>(`/api/logs/${encodeURIComponent(log)}`, { method: 'DELETE' }).then(
      (r) => r.body,
    ),
  upload: (
    name: string,
    format: string,
    file: File,
    caseType: string,
    columns: Record<string, string> = {},
  ) =>
    call<{
      log: string;
      events: number;
      cases: number;
      skipped: number;
      duplicates: number;
      problems: { line: number; field: string; message: string }[];
      /** What the file holds that was read and not used. */
      notes?: string[];
    }>(
      `/api/logs?name=${encodeURIComponent(name)}&format=${format}${queryParams({ caseType, ...columns })}`,
      { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: file },
    ).then((r) => r.body),
  /** The log's discovery; with `activities`, of the events of that many of its most frequent activities only. */
  discover: (log: string, only: LogSlice = {}, activities?: number) =>
    call<{
      events: number;
      cases: number;
      variants: { activities: string[]; count: number; share: number }[];
      segments: string[];
      channels: string[];
      /** The most frequent directly-follows edge (one asked for), and how many more there are: how many the graph could draw. */
      dfg: unknown[];
      moreEdges: number;
      /** Every activity kept, with how often it occurs. */
      activities: Record<string, number>;
    }>(
      `/api/logs/${encodeURIComponent(log)}/discover?top=10&edges=1${queryParams({
        ...only,
        ...(activities === undefined ? {} : { activities: String(activities) }),
      })}`,
    ).then((r) => r.body),
  journeys: (log: string) =>
    call<JourneyAnalytics>(`/api/logs/${encodeURIComponent(log)}/journeys`).then((r) => r.body),
  conformance: (log: string, model: string, mapping: Record<string, string>) =>
    call<Conformance>(`/api/logs/${encodeURIComponent(log)}/conformance`, json({ model, mapping })).then(
      (r) => r.body,
    ),
  logModel: (log: string) =>
    call<{ file: string; steps: number; notes: string[]; warnings: string[] }>(
      `/api/logs/${encodeURIComponent(log)}/model`,
      json({}),
    ).then((r) => r.body),
  calibrate: (log: string, model: string, mapping: Record<string, string>) =>
    call<{ file: string; notes: string[] }>(
      `/api/logs/${encodeURIComponent(log)}/calibrate`,
      json({ model, mapping }),
    ).then((r) => r.body),
};

/** A model just made: its name, ETag, diagnostics and, from a BPMN file, the importer's warnings. */
export interface NewModel {
  name: string;
  etag: string;
  ok: boolean;
  diagnostics: Diagnostic[];
  warnings?: string[];
}

export interface Finding {
  id: string;
  kind: string;
  severity: string;
  title: string;
  because: string;
  suggestion: string;
  steps: string[];
}

/** The queues at the pools as the analysis gives them: figures from queueing formulas, approximate. */
export type Queues = Pick<QueueAnalysis, 'basis' | 'pools' | 'warnings'>;

/** A job on the server (a simulation, a what-if, a sweep) with its result when done. */
export interface JobOf<Result> {
  id: string;
  state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  /** Its place in the server's queue while it waits (1 runs next). */
  place?: number;
  done: number;
  total: number;
  error?: string;
  result?: Result;
}

/** Whether a job is still to finish: waiting in the queue or running. */
export const active = (job: { state: string } | null | undefined) =>
  job?.state === 'queued' || job?.state === 'running';

/** What a waiting job's user reads: its place in the server's queue. */
export const waitingText = (job: JobOf<unknown> | null | undefined) =>
  job?.state === 'queued' ? `Waiting for the server: place ${job.place ?? '?'} in the queue` : '';

/** A simulation of the model as it is: each KPI's estimate, and written in its unit. */
export type SimulationJob = JobOf<{
  kpis: { key: string; label: string; better: string }[];
  overall: Record<string, Estimate>;
  text: Record<string, string>;
  options: { replications: number };
  /** What the run says about itself: a warm-up too short, a precision not reached, intervals too wide. */
  warnings: RunWarning[];
}>;

/** A run's warning about its own figures, with what to run instead; `side` names a what-if's model. */
export type RunWarning = SimulationRunWarning & { side?: string };

/** A sweep job: one point per value, each KPI written as mean ± half-width (and simulate --sweep --json's fields). */
export type SweepJob = JobOf<{
  path: string;
  target: { key: string; text: string } | null;
  answer: number | null;
  /** Each KPI's label, by key. */
  labels: Record<string, string>;
  points: { value: number; overloaded: boolean; meets?: boolean; text?: Record<string, string> }[];
}>;

/** A what-if job: the run's warnings, the baseline's estimates, and the KPIs and scenarios as the readout functions read them. */
export type Job = JobOf<
  WhatIfReadoutInput & {
    replications: number;
    warnings: RunWarning[];
    baseline: { overall: Record<string, Estimate> };
  }
>;

export interface Comparison {
  theirs: { name: string; competitor?: string };
  stages: {
    stage: string;
    name: string;
    inOurs: boolean;
    inTheirs: boolean;
    metrics: {
      key: string;
      label: string;
      oursText: string;
      theirsText: string;
      ahead: ComparedMetric['ahead'];
    }[];
  }[];
  stagesWeLead: string[];
  stagesTheyLead: string[];
  onlyOurs: string[];
  onlyTheirs: string[];
}
