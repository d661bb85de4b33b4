/**
 * Start to complete of each activity on the embedded DuckDB store, the n-th start of a customer
 * paired with their n-th complete: counts and exact sums (HUGEINT), as ClickHouse's shards return
 * them (shardLifecycleTimes), read by a discovered model's durations and by calibration's.
 */
import type { LifecycleGroup } from './journey-rows.js';
import { type EventStore, queryRows } from './store.js';

export async function duckDbLifecycleTimes(store: EventStore, log: string): Promise<LifecycleGroup[]> {
  const found = await queryRows(
    store,
    `with s as (
       select case_id, activity, ts_us, lower(lifecycle) as kind,
         row_number() over (partition by case_id, activity, lower(lifecycle) order by ts_us, seq) as k
       from events where log = $log and lower(lifecycle) in ('start', 'complete')),
     pairs as (
       select a.activity, c.ts_us - a.ts_us as us from s a
       join s c on c.case_id = a.case_id and c.activity = a.activity and c.k = a.k and c.kind = 'complete'
       where a.kind = 'start' and c.ts_us >= a.ts_us)
     select activity, count(*) as n, sum(us::hugeint) as total, sum(us::hugeint * us::hugeint) as squares
     from pairs group by 1`,
    { log },
  );
  return found.map((r) => ({
    activity: String(r.activity),
    n: Number(r.n),
    sum: BigInt(r.total as bigint),
    squares: BigInt(r.squares as bigint),
  }));
}
