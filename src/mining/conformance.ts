/**
 * How well real journeys fit the model: log activities are mapped to steps (by step name or id,
 * or a mapping), then every move a customer makes between mapped events is checked against the
 * model's flow. Fitness is the share of moves the model allows; deviations are the moves
 * customers make that the model lacks, and the model's ways on that nobody takes; branch by
 * branch, the observed share is set beside the modelled probability. The counting is SQL.
 */
import type { Model } from '../model/model.js';
import { quoteLiteral as literal } from './sql-text.js';
import type { EventStore } from './store.js';

export interface Deviation {
  from: string;
  to: string;
  count: number;
}

export interface BranchFit {
  step: string;
  to: string;
  observed: number;
  modelled: number;
  /** Moves out of the step that were observed (the base of `observed`). */
  moves: number;
}

export interface Conformance {
  mappedActivities: Record<string, string>;
  unmappedActivities: string[];
  moves: number;
  allowed: number;
  fitness: number;
  /** Share of cases whose every move the model allows. */
  fittingCases: number;
  cases: number;
  notInModel: Deviation[];
  neverTaken: { from: string; to: string }[];
  branches: BranchFit[];
}

/** The journey's end as the log shows it: no further event (which end, the log does not say). */
export const END = '(end)';

/** Log activity to step id: a mapping first, then the step's id or name, ignoring case. */
export function mapActivities(
  model: Model,
  activities: string[],
  mapping: Record<string, string> = {},
): Record<string, string> {
  const byName = new Map<string, string>();
  for (const s of model.steps) {
    byName.set(s.id.toLowerCase(), s.id);
    byName.set(s.name.toLowerCase(), s.id);
  }
  const out: Record<string, string> = {};
  for (const a of activities) {
    const step = mapping[a] ?? byName.get(a.toLowerCase());
    if (step && model.steps.some((s) => s.id === step)) out[a] = step;
  }
  return out;
}

/** The moves the model allows: step to step, and step to the journey's end, over all segments. */
export function modelMoves(model: Model): Map<string, number> {
  const ends = new Set(model.ends.map((e) => e.id));
  const moves = new Map<string, number>();
  for (const step of model.steps) {
    for (const segment of model.segments) {
      const f = step.fail?.p ?? 0;
      const add = (to: string, p: number) => {
        const key = `${step.id}\u0000${ends.has(to) ? END : to}`;
        moves.set(key, (moves.get(key) ?? 0) + p * segment.share);
      };
      for (const b of step.next[segment.id] ?? []) add(b.to, (1 - f) * b.p);
      for (const b of step.fail?.next[segment.id] ?? []) add(b.to, f * b.p);
    }
  }
  return moves;
}

export async function conformance(
  store: EventStore,
  log: string,
  model: Model,
  mapping: Record<string, string> = {},
): Promise<Conformance> {
  const c = store.connection;
  const params = { log };
  const activities = (
    await c.runAndReadAll('select distinct activity from events where log = $log order by 1', params)
  )
    .getRowObjectsJS()
    .map((r) => String(r.activity));
  const mapped = mapActivities(model, activities, mapping);
  const entries = Object.entries(mapped);
  const allowed = modelMoves(model);
  const allowedValues = [...allowed]
    .filter(([, p]) => p > 0)
    .map(([key, p]) => {
      const [from, to] = key.split('\u0000') as [string, string];
      return `(${literal(from)}, ${literal(to)}, ${p})`;
    });
  // Every move counted, and every case judged, in DuckDB: only the counts per move come back.
  const steps = `m(activity, step) as (values ${entries.map(([a, s]) => `(${literal(a)}, ${literal(s)})`).join(', ')}),
    allowed(step, next_step, p) as (values ${allowedValues.length ? allowedValues.join(', ') : '(null, null, 0)'}),
    steps as (
      select e.case_id, m.step,
        coalesce(lead(m.step) over (partition by e.case_id order by e.ts_us, e.seq), '${END}') as next_step
      from events e join m on m.activity = e.activity where e.log = $log),
    judged as (
      select s.case_id, s.step, s.next_step, a.step is not null as ok
      from steps s left join allowed a on a.step = s.step and a.next_step = s.next_step)`;
  const rows = async (sql: string) => (await c.runAndReadAll(sql, params)).getRowObjectsJS();
  const counted =
    entries.length === 0
      ? []
      : await rows(`with ${steps} select step, next_step, count(*) as n from judged group by all`);
  const [judgedCases] =
    entries.length === 0
      ? [{ cases: 0, fitting: 0 }]
      : await rows(
          `with ${steps} select count(*) as cases, count(*) filter (where fits) as fitting
           from (select case_id, bool_and(ok) as fits from judged group by case_id)`,
        );
  const observed = new Map<string, number>();
  let total = 0;
  let fit = 0;
  for (const r of counted) {
    const key = `${String(r.step)}\u0000${String(r.next_step)}`;
    const n = Number(r.n);
    observed.set(key, n);
    total += n;
    if ((allowed.get(key) ?? 0) > 0) fit += n;
  }
  const caseCount = Number(judgedCases?.cases ?? 0);
  const split = (key: string) => key.split('\u0000') as [string, string];
  const outOf = new Map<string, number>();
  for (const [key, n] of observed) outOf.set(split(key)[0], (outOf.get(split(key)[0]) ?? 0) + n);
  const visited = new Set(counted.map((r) => String(r.step)));
  return {
    mappedActivities: mapped,
    unmappedActivities: activities.filter((a) => !(a in mapped)),
    moves: total,
    allowed: fit,
    fitness: total ? fit / total : 0,
    fittingCases: caseCount ? Number(judgedCases?.fitting ?? 0) / caseCount : 0,
    cases: caseCount,
    notInModel: [...observed]
      .filter(([key]) => !((allowed.get(key) ?? 0) > 0))
      .map(([key, count]) => ({ from: split(key)[0], to: split(key)[1], count }))
      .sort((a, b) => b.count - a.count || a.from.localeCompare(b.from)),
    neverTaken: [...allowed.keys()]
      .filter((key) => visited.has(split(key)[0]) && !observed.has(key))
      .map((key) => ({ from: split(key)[0], to: split(key)[1] })),
    branches: [...allowed]
      .filter(([key]) => visited.has(split(key)[0]))
      .map(([key, p]) => ({
        step: split(key)[0],
        to: split(key)[1],
        observed: (observed.get(key) ?? 0) / (outOf.get(split(key)[0]) || 1),
        modelled: p,
        moves: outOf.get(split(key)[0]) ?? 0,
      }))
      .sort((a, b) => a.step.localeCompare(b.step) || a.to.localeCompare(b.to)),
  };
}
