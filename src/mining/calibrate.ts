/**
 * A model calibrated from a log, written as a what-if overlay (a scenario file) so that the
 * model people drew stays as it is and what-ifs can start from reality: the arrival rate and
 * segment shares from the customers' first events, where journeys start, each step's branch
 * probabilities and failure rate from the moves observed (per segment where the log names
 * segments), and durations where the log's times measure them. Statistics are computed in SQL;
 * telling failures from other ways on is in flow-estimate.ts.
 *
 * A contact the log marks `outcome: abandoned` (given up in the queue) leads where the queue's
 * abandonment leads, not where the step's flow does, so no branch is counted after it.
 */

import type { Branch, Flow, Model } from '../model/model.js';
import { estimatedDurationText } from '../model/serialize.js';
import { plural } from '../text/plural.js';
import { arrivalProfile } from './arrival-profile.js';
import { END, mapActivities } from './conformance.js';
import { estimateFlow, rounded } from './flow-estimate.js';
import { namesModelSegments, sameForAllSegments } from './log-segments.js';
import { quoteLiteral as literal } from './sql-text.js';
import { type EventStore, queryRows } from './store.js';
import { workTable } from './work-table.js';

export interface Calibration {
  scenario: Record<string, unknown>;
  /** What was calibrated and what was not, and why. */
  notes: string[];
}

const MIN_OBSERVATIONS = 5;

type Change = { set: string; value: unknown };

export async function calibrate(
  store: EventStore,
  log: string,
  model: Model,
  options: { mapping?: Record<string, string>; base: string },
): Promise<Calibration> {
  const c = store.connection;
  const params = { log };
  const rows = (sql: string) => queryRows(store, sql, params);
  const activities = (await rows('select distinct activity from events where log = $log')).map((r) =>
    String(r.activity),
  );
  const mapped = mapActivities(model, activities, options.mapping);
  if (Object.keys(mapped).length === 0) {
    return {
      scenario: scenarioOf([], options.base, log),
      notes: ['no activity of the log maps to a step: give a mapping (activity: step id)'],
    };
  }
  const notes: string[] = [];
  const segmentIds = model.segments.map((s) => s.id);
  // Per segment when the model has several and the log says which customer is which.
  const bySegment = await namesModelSegments(store, log, model);
  if (segmentIds.length > 1 && !bySegment)
    notes.push(
      "the log does not name the model's segments (a segment column with their ids): flows that differ by segment are kept",
    );
  const groups = new Map<string, string[]>(bySegment ? segmentIds.map((s) => [s, [s]]) : [['*', segmentIds]]);

  const values = Object.entries(mapped)
    .map(([a, s]) => `(${literal(a)}, ${literal(s)})`)
    .join(', ');
  // Each customer's visits to mapped steps, in order, with what came next: sorted once, read by
  // every estimate below.
  const visits = workTable('calibrate_visits');
  await c.run(
    `create temp table ${visits} as
     with m(activity, step) as (values ${values})
     select e.case_id, ${bySegment ? 'e.segment' : "'*'"} as grp, m.step, e.ts_us,
       coalesce(json_extract_string(e.attributes, '$.outcome') = 'abandoned', false) as abandoned,
       row_number() over w as position,
       lead(m.step) over w as next_step,
       lead(e.ts_us) over w as next_ts
     from events e join m on m.activity = e.activity where e.log = $log
     window w as (partition by e.case_id order by e.ts_us, e.seq)`,
    params,
  );
  try {
    return await estimateAll({
      store,
      log,
      model,
      base: options.base,
      bySegment,
      groups,
      rows,
      visits,
      notes,
    });
  } finally {
    await c.run(`drop table if exists ${visits}`);
  }
}

/** Every estimate from the sorted visits, as changes with notes. */
async function estimateAll(at: {
  store: EventStore;
  log: string;
  model: Model;
  base: string;
  bySegment: boolean;
  /** The model's segments each group of the visits stands for. */
  groups: Map<string, string[]>;
  rows: Rows;
  /** The temporary table of the customers' visits to mapped steps. */
  visits: string;
  notes: string[];
}): Promise<Calibration> {
  const { store, log, model, base, bySegment, groups, rows, visits, notes } = at;
  const changes: Change[] = [];
  // Notes are read by people: steps and ends by their names.
  const names = new Map<string, string>([...model.steps, ...model.ends].map((x) => [x.id, x.name]));
  const nameOf = (id: string) => names.get(id) ?? id;

  await calibrateArrivals(rows, model, bySegment, changes, notes);
  if (model.arrivals) {
    const profile = await arrivalProfile(store, log);
    if ('kept' in profile) notes.push(`arrival profile kept: ${profile.kept}`);
    else {
      changes.push({ set: 'arrivals.profile', value: profile.entries });
      notes.push(
        `arrival profile: ${profile.entries.length} hour spans of the week, weighted by the customers who started in them`,
      );
    }
  }

  // Where journeys start.
  const starts = countsByGroup(
    await rows(
      `select grp, step as target, count(*) as n from ${visits} where position = 1 group by all order by all`,
    ),
  );
  const start =
    !bySegment && !sameForAllSegments(model.start)
      ? { kept: 'it differs by segment' }
      : estimateFlow({
          stepId: 'start',
          nameOf,
          observed: starts,
          groups,
          next: model.start,
          fail: undefined,
          ends: new Set(),
          minimum: MIN_OBSERVATIONS,
        });
  if ('kept' in start) notes.push(`where journeys start kept: ${start.kept}`);
  else changes.push({ set: 'start', value: flowValue(start.next, groups) });

  // Each step's ways on, and its failure rate.
  const ends = new Set(model.ends.map((e) => e.id));
  const moves = await rows(
    `select step, grp, coalesce(next_step, '${END}') as target, count(*) as n
     from ${visits} where not abandoned group by all order by all`,
  );
  const byStep = new Map<string, Record<string, unknown>[]>();
  for (const r of moves) byStep.set(String(r.step), [...(byStep.get(String(r.step)) ?? []), r]);
  for (const step of model.steps) {
    const observed = countsByGroup(byStep.get(step.id) ?? []);
    if (observed.size === 0) continue;
    // Without segments in the log, one list cannot stand for flows that differ by segment.
    if (!bySegment && !(sameForAllSegments(step.next) && sameForAllSegments(step.fail?.next ?? {}))) continue;
    const estimate = estimateFlow({
      stepId: step.id,
      nameOf,
      observed,
      groups,
      next: step.next,
      fail: step.fail,
      ends,
      minimum: MIN_OBSERVATIONS,
    });
    if ('kept' in estimate) {
      notes.push(`branches of '${step.name}' kept: ${estimate.kept}`);
      continue;
    }
    notes.push(...estimate.notes);
    if (Object.values(step.next).some((branches) => branches.length > 1))
      changes.push({ set: `steps.${step.id}.next`, value: flowValue(estimate.next, groups) });
    if (estimate.fail && step.fail) {
      if (estimate.fail.p !== step.fail.p)
        changes.push({ set: `steps.${step.id}.fail.p`, value: Number(estimate.fail.p.toFixed(4)) });
      if (
        estimate.fail.nextEstimated &&
        Object.values(step.fail.next).some((branches) => branches.length > 1)
      )
        changes.push({ set: `steps.${step.id}.fail.next`, value: flowValue(estimate.fail.next, groups) });
      const repeat = [...observed.values()].reduce((s, counts) => s + (counts.get(step.id) ?? 0), 0);
      const all = [...observed.values()].reduce(
        (s, counts) => s + [...counts.values()].reduce((a, b) => a + b, 0),
        0,
      );
      if (repeat > 0)
        notes.push(
          `'${step.name}' fails ${(100 * estimate.fail.p).toFixed(1)}% of the time; ${(100 * (repeat / all)).toFixed(1)}% of its contacts are repeated`,
        );
    }
  }
  const abandoned = await rows(
    `select step, count(*) filter (where abandoned) as gave_up, count(*) as n from ${visits}
     group by step having count(*) filter (where abandoned) > 0 order by step`,
  );
  for (const r of abandoned)
    notes.push(
      `'${nameOf(String(r.step))}': ${r.gave_up} of ${r.n} contacts given up in the queue (${((100 * Number(r.gave_up)) / Number(r.n)).toFixed(1)}%); the simulator works this out from patience and staffing`,
    );

  await calibrateDurations(rows, visits, model, changes, notes);
  const [cases] = await rows('select count(distinct case_id) as n from events where log = $log');
  notes.push(`${plural(changes.length, 'change')} from ${plural(Number(cases?.n ?? 0), 'case')}`);
  return { scenario: scenarioOf(changes, base, log), notes };
}

type Rows = (sql: string) => Promise<Record<string, unknown>[]>;

function countsByGroup(list: Record<string, unknown>[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const r of list) {
    const g = String(r.grp);
    const counts = out.get(g) ?? new Map<string, number>();
    counts.set(String(r.target), Number(r.n));
    out.set(g, counts);
  }
  return out;
}

/** A flow as the file writes it: one list for every segment, or a list per segment. */
function flowValue(flow: Flow, groups: Map<string, string[]>): unknown {
  const list = (branches: Branch[]) => rounded(branches).map((b) => ({ to: b.to, p: b.p }));
  if (groups.has('*')) return list(flow[(groups.get('*') as string[])[0] as string] ?? []);
  return Object.fromEntries([...groups.keys()].map((g) => [g, list(flow[g] ?? [])]));
}

/** Arrivals per hour over the span of the customers' first events, and each segment's share. */
async function calibrateArrivals(
  rows: Rows,
  model: Model,
  bySegment: boolean,
  changes: Change[],
  notes: string[],
): Promise<void> {
  const [span] = await rows(
    'with f as (select case_id, min(ts_us) as first from events where log = $log group by 1) select count(*) as cases, (max(first) - min(first)) / 1e6 as seconds from f',
  );
  const cases = Number(span?.cases ?? 0);
  const seconds = Number(span?.seconds ?? 0);
  if (cases > 1 && seconds > 0) {
    const rate = `${Number(((cases - 1) / (seconds / 3600)).toPrecision(4))}/h`;
    if (model.arrivals) changes.push({ set: 'arrivals.rate', value: rate });
    else if (model.segments.length === 1)
      changes.push({ set: `segments.${model.segments[0]?.id}.arrivals`, value: { rate } });
    else
      notes.push(
        'arrivals not calibrated: the model gives each segment its own rate; calibrate them one segment at a time',
      );
    notes.push(`arrival rate ${rate} from ${cases} cases over ${estimatedDurationText(seconds)}`);
  }
  if (!bySegment || !model.arrivals) return;
  const shares = await rows(
    'with f as (select case_id, any_value(segment) as segment from events where log = $log group by 1) select segment as to, count(*) as n from f group by 1 order by 1',
  );
  const all = shares.reduce((s, r) => s + Number(r.n), 0);
  const branches = rounded(
    model.segments.map((s) => ({ to: s.id, p: Number(shares.find((r) => r.to === s.id)?.n ?? 0) / all })),
  );
  for (const b of branches) changes.push({ set: `segments.${b.to}.share`, value: b.p });
}

/**
 * Durations, fitted as lognormals by mean and standard deviation, where the time from one
 * contact to the next is the step's own: the step has no queue, and what follows has no planned
 * wait and no opening hours that would push the next contact later.
 */
async function calibrateDurations(
  rows: Rows,
  visits: string,
  model: Model,
  changes: Change[],
  notes: string[],
): Promise<void> {
  const scheduled = new Set(model.resources.filter((r) => r.schedule).map((r) => r.id));
  const clean = model.steps.filter((s) => !s.wait && !(s.pool && scheduled.has(s.pool))).map((s) => s.id);
  const unqueued = model.steps.filter((s) => !s.pool).map((s) => s.id);
  if (clean.length === 0 || unqueued.length === 0) return;
  const list = (ids: string[]) => ids.map(literal).join(', ');
  const durations = await rows(
    `select step, count(*) as n, avg(next_ts - ts_us) / 1e6 as mean, stddev_samp(next_ts - ts_us) / 1e6 as sd
     from ${visits} where not abandoned and next_step in (${list(clean)}) and step in (${list(unqueued)})
     group by step order by step`,
  );
  for (const d of durations) {
    const n = Number(d.n);
    const mean = Number(d.mean);
    const sd = Number(d.sd ?? 0);
    if (n < MIN_OBSERVATIONS || !(mean > 0)) continue;
    const m = estimatedDurationText(mean);
    changes.push({
      set: `steps.${d.step}.duration`,
      value: sd > 0 ? `lognormal(${m}, ${estimatedDurationText(sd)})` : m,
    });
  }
  const queued = model.steps.filter((s) => s.pool).length;
  if (queued > 0)
    notes.push(
      `durations of the ${plural(queued, 'step')} with a queue kept: the log's times between contacts include the wait in the queue`,
    );
}

function scenarioOf(changes: Change[], base: string, log: string): Record<string, unknown> {
  return {
    linesight: 1,
    kind: 'scenario',
    base,
    id: 'calibrated',
    name: `Calibrated from ${log}`,
    description:
      'Arrival rate, segment shares, where journeys start, branch probabilities, failure rates and durations estimated from the event log by linesight log calibrate.',
    changes,
  };
}
