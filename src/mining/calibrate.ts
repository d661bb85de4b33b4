/**
 * A model calibrated from a log, written as a what-if overlay (a scenario file) so that the
 * model people drew stays as it is and what-ifs can start from reality: the arrival rate from the
 * cases' first events, each step's duration fitted as a lognormal by the method of moments to the
 * time until the customer's next event, and each step's branch probabilities from the moves
 * observed (where every observed move is one the model has). Statistics are computed in SQL.
 */
import type { Model } from '../model/model.js';
import { durationText } from '../model/serialize.js';
import { mapActivities, modelMoves } from './conformance.js';
import type { EventStore } from './store.js';

export interface Calibration {
  scenario: Record<string, unknown>;
  /** What was calibrated and what was not, and why. */
  notes: string[];
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
const MIN_OBSERVATIONS = 5;

export async function calibrate(
  store: EventStore,
  log: string,
  model: Model,
  options: { mapping?: Record<string, string>; base: string },
): Promise<Calibration> {
  const c = store.connection;
  const params = { log };
  const notes: string[] = [];
  const changes: Record<string, unknown>[] = [];
  const activities = (await c.runAndReadAll('select distinct activity from events where log = $log', params))
    .getRowObjectsJS()
    .map((r) => String(r.activity));
  const mapped = mapActivities(model, activities, options.mapping);
  if (Object.keys(mapped).length === 0) {
    return {
      scenario: scenarioOf([], options.base, log),
      notes: ['no activity of the log maps to a step: give a mapping (activity: step id)'],
    };
  }
  // Arrivals: cases per hour over the span of their first events.
  const [span] = (
    await c.runAndReadAll(
      'with f as (select case_id, min(ts_us) as first from events where log = $log group by 1) select count(*) as cases, (max(first) - min(first)) / 1e6 as seconds from f',
      params,
    )
  ).getRowObjectsJS();
  const cases = Number(span?.cases ?? 0);
  const seconds = Number(span?.seconds ?? 0);
  if (cases > 1 && seconds > 0) {
    const rate = `${Number(((cases - 1) / (seconds / 3600)).toPrecision(4))}/h`;
    if (model.arrivals) changes.push({ set: 'arrivals.rate', value: rate });
    else if (model.segments.length === 1)
      changes.push({ set: `segments.${model.segments[0]?.id}.arrivals`, value: { rate } });
    else
      notes.push(
        'arrivals not calibrated: the model gives each segment its own rate, and the log does not say which case is which segment',
      );
    notes.push(`arrival rate ${rate} from ${cases} cases over ${durationText(Math.round(seconds))}`);
  }
  const values = Object.entries(mapped)
    .map(([a, s]) => `(${literal(a)}, ${literal(s)})`)
    .join(', ');
  const moves = `m(activity, step) as (values ${values}),
    seq as (
      select e.case_id, m.step, e.ts_us,
        lead(m.step) over (partition by e.case_id order by e.ts_us, e.seq) as next_step,
        lead(e.ts_us) over (partition by e.case_id order by e.ts_us, e.seq) as next_ts
      from events e join m on m.activity = e.activity where e.log = $log)`;
  // Durations: the time until the customer's next event, fitted by mean and standard deviation.
  const durations = (
    await c.runAndReadAll(
      `with ${moves} select step, count(*) as n, avg(next_ts - ts_us) / 1e6 as mean, stddev_samp(next_ts - ts_us) / 1e6 as sd from seq where next_ts is not null group by step order by step`,
      params,
    )
  ).getRowObjectsJS();
  for (const d of durations) {
    const n = Number(d.n);
    const mean = Number(d.mean);
    const sd = Number(d.sd ?? 0);
    if (n < MIN_OBSERVATIONS || !(mean > 0)) {
      notes.push(`duration of '${d.step}' kept: ${n} observation(s)`);
      continue;
    }
    const m = durationText(Math.round(mean));
    changes.push({
      set: `steps.${d.step}.duration`,
      value: sd > 0 ? `lognormal(${m}, ${durationText(Math.round(sd) || 1)})` : m,
    });
  }
  // Branches: observed shares of each way on, where the model has every way observed.
  const allowed = modelMoves(model);
  const observed = (
    await c.runAndReadAll(
      `with ${moves} select step, coalesce(next_step, '(end)') as next_step, count(*) as n from seq group by 1, 2 order by 1, 2`,
      params,
    )
  ).getRowObjectsJS();
  const byStep = new Map<string, { to: string; n: number }[]>();
  for (const r of observed)
    byStep.set(String(r.step), [
      ...(byStep.get(String(r.step)) ?? []),
      { to: String(r.next_step), n: Number(r.n) },
    ]);
  for (const [stepId, list] of byStep) {
    const step = model.steps.find((s) => s.id === stepId);
    if (!step) continue;
    const total = list.reduce((s, x) => s + x.n, 0);
    if (total < MIN_OBSERVATIONS) continue;
    if (step.fail) {
      notes.push(`branches of '${stepId}' kept: the log does not tell its failures from its other ways on`);
      continue;
    }
    const unknown = list.filter((x) => !((allowed.get(`${stepId}\u0000${x.to}`) ?? 0) > 0));
    if (unknown.length > 0) {
      notes.push(
        `branches of '${stepId}' kept: customers also go to ${unknown.map((x) => x.to).join(', ')}, which the model does not have`,
      );
      continue;
    }
    // Journeys that end after the step go to the step's ends in the model's proportions.
    const ends = model.ends.map((e) => e.id);
    const segment = model.segments[0]?.id ?? '';
    const modelEnds = (step.next[segment] ?? []).filter((b) => ends.includes(b.to));
    const endTotal = modelEnds.reduce((s, b) => s + b.p, 0);
    const branches: { to: string; p: number }[] = [];
    for (const x of list) {
      const share = x.n / total;
      if (x.to === '(end)')
        for (const b of modelEnds) branches.push({ to: b.to, p: (share * b.p) / endTotal });
      else branches.push({ to: x.to, p: share });
    }
    const rounded = branches.map((b) => ({ to: b.to, p: Number(b.p.toFixed(4)) }));
    const last = rounded[rounded.length - 1];
    if (last) last.p = Number((1 - rounded.slice(0, -1).reduce((s, b) => s + b.p, 0)).toFixed(4));
    changes.push({ set: `steps.${stepId}.next`, value: rounded });
  }
  notes.push(`${changes.length} change(s) from ${cases} cases; durations include the waits between events`);
  return { scenario: scenarioOf(changes, options.base, log), notes };
}

function scenarioOf(changes: Record<string, unknown>[], base: string, log: string): Record<string, unknown> {
  return {
    linesight: 1,
    kind: 'scenario',
    base,
    id: 'calibrated',
    name: `Calibrated from ${log}`,
    description:
      'Arrival rate, step durations and branch probabilities estimated from the event log by linesight log calibrate.',
    changes,
  };
}
