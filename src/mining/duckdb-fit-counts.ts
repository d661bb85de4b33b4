/**
 * The counts conformance and calibration read (log-profile.ts, mapped-moves.ts), from the
 * embedded DuckDB store: the same rows the ClickHouse store returns, put together by the same code.
 */

import type { StepMapping } from './activity-mapping.js';
import { duckDbActivityCount } from './duckdb-activity-count.js';
import { duckDbLifecycleTimes } from './duckdb-lifecycle-times.js';
import {
  type CustomerGroup,
  channelsOf,
  customersOf,
  EPOCH_WEEK_HOUR,
  type LogProfile,
  mergeLogProfiles,
  WEEKS_BEFORE_1970_US,
} from './log-profile.js';
import type { FitCounts } from './log-store.js';
import { END, type MappedMoves, type MovesQuery, mergeMappedMoves, START } from './mapped-moves.js';
import { quoteLiteral as literal } from './sql-text.js';
import { type EventStore, queryRows } from './store.js';
import { workTable } from './work-table.js';

export async function duckDbLogProfile(store: EventStore, log: string): Promise<LogProfile> {
  const rows = (sql: string) => queryRows(store, sql, { log });
  const [channels, segments, customers] = [
    await rows(
      `select activity, channel,
         case lower(lifecycle) when 'start' then 'start' when 'complete' then 'complete' else 'other' end as kind,
         count(*) as n
       from events where log = $log group by all`,
    ),
    await rows('select distinct segment from events where log = $log'),
    // Each customer once: when they started (UTC and as the log wrote it) and their segment.
    await rows(
      `select ((local_first + ${WEEKS_BEFORE_1970_US}) // 3600000000 + ${EPOCH_WEEK_HOUR}) % 168 as hour, segment, count(*) as n,
         min(first) as min_first, max(first) as max_first, min(local_first) as min_local, max(local_first) as max_local
       from (select case_id, min(ts_us) as first,
               min(ts_us + cast(coalesce(tz_offset_min, 0) as bigint) * 60000000) as local_first, min(segment) as segment
             from events where log = $log group by case_id)
       group by all`,
    ),
  ];
  return mergeLogProfiles([
    {
      ...channelsOf(channels.map((r) => [r.activity, r.channel, r.kind, r.n])),
      segments: segments.map((r) => (r.segment === null ? null : String(r.segment))),
      ...customersOf(
        customers.map(
          (r): CustomerGroup => [r.hour, r.segment, r.n, r.min_first, r.max_first, r.min_local, r.max_local],
        ),
      ),
    },
  ]);
}

const values = (rows: string[][]) => rows.map((r) => `(${r.map(literal).join(', ')})`).join(', ');

/** An event's group: the model segment its segment value stands for, or '*' for all. */
const groupOf = (segments: [string, string][] | undefined) =>
  segments
    ? `case coalesce(e.segment, '') ${segments.map(([v, id]) => `when ${literal(v)} then ${literal(id)}`).join(' ')} end`
    : "'*'";

/** The mapping as rows (activity, for every channel, channel, step). */
const stepRows = (steps: StepMapping[]) =>
  steps
    .map(
      (s) =>
        `(${literal(s.activity)}, ${s.channel === undefined}, ${s.channel == null ? 'null' : literal(s.channel)}, ${literal(s.step)})`,
    )
    .join(', ');

/** The customers in `steps`, and those whose every move is allowed (or given up in the queue). */
function fittingCases(steps: string, allowedKeys: string[], queued: string[]): string {
  const allowed = allowedKeys.map((k) => k.split('\u0000'));
  const inQueue =
    queued.length > 0 ? `x.abandoned and x.step in (${queued.map(literal).join(', ')})` : 'false';
  return `with allowed(grp, step, next_step) as (values ${allowed.length ? values(allowed) : '(null, null, null)'})
    select count(*) as cases, count(*) filter (where fits) as fitting from (
      select x.case_id, bool_and((${inQueue} or a.grp is not null) and (not x.first or s.grp is not null)) as fits
      from ${steps} x
      left join allowed a on a.grp = x.grp and a.step = x.step and a.next_step = x.next_step
      left join allowed s on x.first and s.grp = x.grp and s.step = ${literal(START)} and s.next_step = x.step
      group by x.case_id)`;
}

export async function duckDbMappedMoves(
  store: EventStore,
  log: string,
  query: MovesQuery,
): Promise<MappedMoves> {
  if (query.steps.length === 0) return { moves: [], cases: 0, fitting: 0, durations: [] };
  const c = store.connection;
  const params = { log };
  const rows = (sql: string) => queryRows(store, sql, params);
  // Each customer's mapped events in order with what came next: sorted once, read by each count below.
  const steps = workTable('mapped_steps');
  await c.run(
    `create temp table ${steps} as
     with m(activity, every_channel, channel, step) as (values ${stepRows(query.steps)})
     select e.case_id, ${groupOf(query.segments)} as grp, m.step,
       coalesce(lead(m.step) over w, ${literal(END)}) as next_step, lead(e.ts_us) over w - e.ts_us as us,
       row_number() over w = 1 as first,
       coalesce(json_extract_string(e.attributes, '$.outcome') = 'abandoned', false) as abandoned
     from events e join m on m.activity = e.activity and (m.every_channel or m.channel is not distinct from e.channel)
     where e.log = $log ${query.completesOnly ? "and coalesce(lower(e.lifecycle), '') <> 'start'" : ''}
     window w as (partition by e.case_id order by e.ts_us, e.seq)`,
    params,
  );
  try {
    const moves = await rows(
      `select grp, step, next_step, abandoned, first, count(*) as n from ${steps} group by all`,
    );
    const [cases] = query.allowed ? await rows(fittingCases(steps, query.allowed, query.queued ?? [])) : [];
    const { from = [], to = [] } = query.durations ?? {};
    const durations =
      from.length > 0 && to.length > 0
        ? await rows(
            `select step, us, count(*) as n from ${steps}
             where not abandoned and us is not null and step in (${from.map(literal).join(', ')})
               and next_step in (${to.map(literal).join(', ')})
             group by all`,
          )
        : [];
    return mergeMappedMoves([
      {
        moves: moves.map((r) => ({
          group: String(r.grp),
          step: String(r.step),
          next: String(r.next_step),
          abandoned: Boolean(r.abandoned),
          first: Boolean(r.first),
          n: Number(r.n),
        })),
        cases: Number(cases?.cases ?? 0),
        fitting: Number(cases?.fitting ?? 0),
        durations: durations.map((r) => ({
          step: String(r.step),
          us: BigInt(r.us as bigint),
          n: Number(r.n),
        })),
      },
    ]);
  } finally {
    await c.run(`drop table if exists ${steps}`);
  }
}

/** A store's counts: a LogStore's own, or those of a DuckDB store opened as such. */
export function fitCounts(store: EventStore | FitCounts): FitCounts {
  if ('mappedMoves' in store) return store;
  return {
    activityCount: (log) => duckDbActivityCount(store, log),
    logProfile: (log) => duckDbLogProfile(store, log),
    mappedMoves: (log, query) => duckDbMappedMoves(store, log, query),
    lifecycleTimes: (log) => duckDbLifecycleTimes(store, log),
  };
}
