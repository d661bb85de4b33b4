/**
 * What a scenario changed, element by element: the base model and the model with the scenario
 * applied go in, the steps, backstage activities, flows, pools, roles, systems and the rest that
 * the scenario added, changed (each differing field with its value before and after) or removed
 * come out. Pure and deterministic: base order first, then what only the scenario has. The
 * diagrams mark what it finds, the API serves it and the CLI counts it.
 */
import { DISTRIBUTIONS, type Distribution } from './distribution.js';
import type { Flow, Model } from './model.js';
import { distributionText } from './serialize.js';

export type ElementKind =
  | 'step'
  | 'activity'
  | 'flow'
  | 'resource'
  | 'role'
  | 'department'
  | 'system'
  | 'end'
  | 'stage'
  | 'segment'
  | 'channel'
  | 'process'
  | 'model';

export interface FieldChange {
  /** The field, dotted from the element (`duration`, `fail.p`, `schedule.0.capacity`, `p.business`). */
  path: string;
  /** Absent when the field did not exist on that side. */
  before?: unknown;
  after?: unknown;
  /** For people: "duration 5 min → 3 min". */
  text: string;
}

export interface ElementChange {
  /** Unique across the model: `step:ivr-menu`, `activity:refund/inspect-return`, `flow:next:a>b`. */
  key: string;
  kind: ElementKind;
  /** The element's own id (a flow's is `from>to`; an activity's is its id within its step). */
  id: string;
  /** The step an activity belongs to, or a flow leaves ('start' for the start flows). */
  step?: string;
  fields: FieldChange[];
}

export interface ScenarioDiff {
  added: ElementChange[];
  changed: ElementChange[];
  removed: ElementChange[];
}

interface Element {
  key: string;
  kind: ElementKind;
  id: string;
  step?: string;
  value: unknown;
}

/** The elements the scenario added, changed or removed, compared with `base`. */
export function diffModels(base: Model, scenario: Model): ScenarioDiff {
  const before = elementsOf(base);
  const after = elementsOf(scenario);
  const diff: ScenarioDiff = { added: [], changed: [], removed: [] };
  const entry = (e: Element, fields: FieldChange[]): ElementChange => ({
    key: e.key,
    kind: e.kind,
    id: e.id,
    ...(e.step !== undefined ? { step: e.step } : {}),
    fields,
  });
  for (const [key, b] of before) {
    const a = after.get(key);
    if (!a) diff.removed.push(entry(b, []));
    else {
      const fields = fieldChanges(b.value, a.value);
      if (fields.length > 0) diff.changed.push(entry(a, fields));
    }
  }
  for (const [key, a] of after) if (!before.has(key)) diff.added.push(entry(a, []));
  return diff;
}

/** The changes of one element, by its key. */
export function changeOf(diff: ScenarioDiff, key: string): ElementChange | undefined {
  return diff.changed.find((c) => c.key === key);
}

/** How many of each: what the CLI tells and what the API's summary gives. */
export function diffCounts(diff: ScenarioDiff): { added: number; changed: number; removed: number } {
  return { added: diff.added.length, changed: diff.changed.length, removed: diff.removed.length };
}

export const activityKey = (step: string, activity: string) => `activity:${step}/${activity}`;
export const flowKey = (kind: 'next' | 'fail' | 'start', from: string, to: string) =>
  `flow:${kind}:${from}>${to}`;

/** Every element of the model, by key, with the fields compared (parts with their own key left out). */
function elementsOf(model: Model): Map<string, Element> {
  const out = new Map<string, Element>();
  const put = (kind: ElementKind, id: string, value: unknown, step?: string) => {
    const key = kind === 'activity' ? activityKey(step ?? '', id) : `${kind}:${id}`;
    out.set(key, { key, kind, id, value, ...(step !== undefined ? { step } : {}) });
  };
  const org = model.organization;
  put('model', 'model', { name: model.name, currency: model.currency, arrivals: model.arrivals });
  for (const s of model.stages) put('stage', s.id, s);
  for (const s of model.segments) put('segment', s.id, s);
  for (const c of model.channels) put('channel', c.id, c);
  for (const d of org.departments) {
    const { roles, ...rest } = d;
    put('department', d.id, rest);
    for (const r of roles) put('role', r.id, r);
  }
  for (const s of org.systems) put('system', s.id, s);
  for (const p of model.processes) put('process', p.id, p);
  for (const r of model.resources) put('resource', r.id, r);
  for (const step of model.steps) {
    const { backstage, next: _next, fail, ...rest } = step;
    // Flows are elements of their own: a step is changed by its own fields, a flow by its odds.
    const own = fail ? { ...rest, fail: { ...fail, next: undefined } } : rest;
    put('step', step.id, own);
    for (const a of backstage) put('activity', a.id, a, step.id);
  }
  for (const e of model.ends) put('end', e.id, e);
  for (const flow of flowsOf(model)) out.set(flow.key, flow);
  return out;
}

/** Every flow from one place to another: its chance per segment, and its label. */
function flowsOf(model: Model): Element[] {
  const flows = new Map<string, Element & { value: { p: Record<string, number>; label?: string } }>();
  const add = (kind: 'next' | 'fail' | 'start', from: string, flow: Flow) => {
    for (const [segment, branches] of Object.entries(flow)) {
      for (const b of branches) {
        const key = flowKey(kind, from, b.to);
        const id = `${from}>${b.to}`;
        const found = flows.get(key) ?? { key, kind: 'flow', id, step: from, value: { p: {} } };
        found.value.p[segment] = (found.value.p[segment] ?? 0) + b.p;
        if (b.label !== undefined) found.value.label = b.label;
        flows.set(key, found);
      }
    }
  };
  add('start', 'start', model.start);
  for (const step of model.steps) {
    add('next', step.id, step.next);
    if (step.fail) add('fail', step.id, step.fail.next);
  }
  return [...flows.values()];
}

/** Values compared as a whole: lists of plain values, durations, amounts of money. */
function isLeaf(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every((v) => v === null || typeof v !== 'object');
  const v = value as Record<string, unknown>;
  return isDistribution(v) || 'amount' in v;
}

const DISTRIBUTION_KINDS = new Set<unknown>([...Object.keys(DISTRIBUTIONS), 'empirical']);
const isDistribution = (v: Record<string, unknown>) => DISTRIBUTION_KINDS.has(v.kind);

function fieldChanges(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (before === undefined && after === undefined) return [];
  if (isLeaf(before) || isLeaf(after)) {
    if (JSON.stringify(before) === JSON.stringify(after)) return [];
    return [
      {
        path,
        ...(before !== undefined ? { before } : {}),
        ...(after !== undefined ? { after } : {}),
        text: `${path} ${show(path, before)} → ${show(path, after)}`,
      },
    ];
  }
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.flatMap((k) => fieldChanges(b[k], a[k], path ? `${path}.${k}` : k));
}

/** A value as a reader of the model writes it: odds in percent, durations with units. */
function show(path: string, value: unknown): string {
  if (value === undefined || value === null) return 'none';
  const last = path.split('.').pop() ?? '';
  if (typeof value === 'number' && (last === 'p' || last === 'share' || path.startsWith('p.')))
    return `${Number((value * 100).toFixed(1))}%`;
  if (typeof value === 'object' && value !== null && isDistribution(value as Record<string, unknown>)) {
    const text = distributionText(value as Distribution);
    return typeof text === 'string' ? text : JSON.stringify(text);
  }
  if (typeof value === 'object' && value !== null && 'amount' in value && 'currency' in value)
    return `${String(value.amount)} ${String(value.currency)}`;
  if (Array.isArray(value)) return value.length ? value.map(String).join(', ') : 'none';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
