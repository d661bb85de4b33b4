/**
 * The rows a journey model is discovered from (journey-rows.ts), from the embedded DuckDB store:
 * the same rows the ClickHouse store returns, added up by the same code. The sums of times and
 * their squares are taken as HUGEINT, exact whatever the log.
 */
import { fitCounts } from './duckdb-fit-counts.js';
import { duckDbLifecycleTimes } from './duckdb-lifecycle-times.js';
import {
  type ActivityChannel,
  type JourneyRows,
  type JourneyRowsSource,
  journeyPaired,
  type LifecycleKind,
} from './journey-rows.js';
import type { FitCounts } from './log-store.js';
import { type EventStore, queryRows } from './store.js';
import { workTable } from './work-table.js';

const text = (x: unknown) => (x === null ? null : String(x));
const big = (x: unknown) => BigInt(x as bigint);
const pair = (activity: unknown, channel: unknown): ActivityChannel => ({
  activity: String(activity),
  channel: text(channel),
});

export async function duckDbJourneyRows(store: EventStore, log: string): Promise<JourneyRows> {
  const params = { log };
  const rows = (sql: string) => queryRows(store, sql, params);
  const events = (
    await rows(
      `select activity, channel,
         case lower(lifecycle) when 'start' then 'start' when 'complete' then 'complete' else 'other' end as kind,
         json_extract_string(attributes, '$.stage') as stage, resource is not null as served, count(*) as n
       from events where log = $log group by all`,
    )
  ).map((r) => ({
    ...pair(r.activity, r.channel),
    lifecycle: r.kind as LifecycleKind,
    stage: text(r.stage),
    served: Boolean(r.served),
    n: Number(r.n),
  }));
  const paired = journeyPaired(events);
  // With start and complete events, the completes make the journey and the pairs time the steps.
  const kept = paired ? "and coalesce(lower(lifecycle), '') <> 'start'" : '';
  const visits = workTable('model_visits');
  await store.connection.run(
    `create temp table ${visits} as
     select first_value(coalesce(segment, '')) over w as segment, activity, channel, ts_us,
       coalesce(json_extract_string(attributes, '$.outcome') = 'abandoned', false) as abandoned,
       row_number() over w as position, lead(activity) over w as next_activity,
       lead(channel) over w as next_channel, lead(ts_us) over w - ts_us as gap_us
     from events where log = $log ${kept} window w as (partition by case_id order by ts_us, seq)`,
    params,
  );
  try {
    return {
      events,
      ...(await journeys(rows, visits)),
      lifecycles: paired ? await duckDbLifecycleTimes(store, log) : [],
    };
  } finally {
    await store.connection.run(`drop table if exists ${visits}`);
  }
}

type Rows = (sql: string) => Promise<Record<string, unknown>[]>;

async function journeys(rows: Rows, visits: string): Promise<Omit<JourneyRows, 'events' | 'lifecycles'>> {
  const starts = await rows(
    `select segment, activity, channel, count(*) as n, min(ts_us) as first, max(ts_us) as last
     from ${visits} where position = 1 group by all`,
  );
  const moves = await rows(
    `select segment, activity, channel, gap_us is null as last, next_activity, next_channel,
       gap_us is null and abandoned as gave_up, count(*) as n
     from ${visits} group by all`,
  );
  const gaps = await rows(
    `select activity, channel, count(*) as visits, count(gap_us) as followed,
       sum(coalesce(gap_us, 0)::hugeint) as gap_sum,
       sum(coalesce(gap_us, 0)::hugeint * coalesce(gap_us, 0)::hugeint) as gap_squares,
       sum(position::hugeint) as positions
     from ${visits} group by all`,
  );
  return {
    starts: starts.map((r) => ({
      ...pair(r.activity, r.channel),
      segment: String(r.segment),
      n: Number(r.n),
      min: big(r.first),
      max: big(r.last),
    })),
    moves: moves.map((r) => ({
      ...pair(r.activity, r.channel),
      segment: String(r.segment),
      next: r.last ? null : pair(r.next_activity, r.next_channel),
      gaveUp: Boolean(r.gave_up),
      n: Number(r.n),
    })),
    visits: gaps.map((r) => ({
      ...pair(r.activity, r.channel),
      visits: Number(r.visits),
      followed: Number(r.followed),
      gapSum: big(r.gap_sum),
      gapSquares: big(r.gap_squares),
      positions: big(r.positions),
    })),
  };
}

/** What a model from a log reads: a LogStore's own rows, or those of a DuckDB store opened as such. */
export function modelCounts(
  store: EventStore | (FitCounts & JourneyRowsSource),
): FitCounts & JourneyRowsSource {
  if ('journeyRows' in store) return store;
  return { ...fitCounts(store), journeyRows: (log) => duckDbJourneyRows(store, log) };
}
