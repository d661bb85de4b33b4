/**
 * When in the week customers arrive, read from a log: the customers' first events counted by
 * weekday and hour (in the time the log wrote, its offset kept), as the relative weights of an
 * arrival profile (`arrivals.profile`, hour by hour, mean 1). Only a log that covers at least two
 * weeks, with enough customers for each hour of the week, says this well enough.
 */
import { WEEKDAYS } from '../model/schema.js';
import type { EventStore } from './store.js';

export interface ProfileEntry {
  days: string;
  hours: string;
  weight: number;
}

const HOURS_IN_WEEK = 168;
/** At least this many customers for each hour of the week, on average. */
const PER_HOUR = 10;
// Two weeks of arrivals span a little less than 14 days from first to last.
const TWO_WEEKS = 13 * 86400;

const clock = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** Hour weights (mean 1) as profile entries, a run of equal weights within a day as one entry. */
export function profileEntries(weights: number[]): ProfileEntry[] {
  const entries: ProfileEntry[] = [];
  for (let day = 0; day < 7; day++) {
    let start = 0;
    for (let hour = 1; hour <= 24; hour++) {
      const w = weights[day * 24 + start] ?? 0;
      if (hour < 24 && weights[day * 24 + hour] === w) continue;
      if (w > 0)
        entries.push({ days: WEEKDAYS[day] as string, hours: `${clock(start)}-${clock(hour)}`, weight: w });
      start = hour;
    }
  }
  return entries;
}

export async function arrivalProfile(
  store: EventStore,
  log: string,
): Promise<{ entries: ProfileEntry[] } | { kept: string }> {
  const rows = (
    await store.connection.runAndReadAll(
      `with f as (
         select case_id, min(ts_us + cast(coalesce(tz_offset_min, 0) as bigint) * 60000000) as first
         from events where log = $log group by 1)
       select isodow(make_timestamp(first)) - 1 as day, hour(make_timestamp(first)) as hour, count(*) as n,
         (select (max(first) - min(first)) / 1e6 from f) as span
       from f group by 1, 2`,
      { log },
    )
  ).getRowObjectsJS();
  const counts = new Array<number>(HOURS_IN_WEEK).fill(0);
  let total = 0;
  for (const r of rows) {
    const n = Number(r.n);
    counts[Number(r.day) * 24 + Number(r.hour)] = n;
    total += n;
  }
  const span = Number(rows[0]?.span ?? 0);
  if (span < TWO_WEEKS)
    return {
      kept: `the log covers ${(span / 86400).toFixed(1)} days; a weekly profile needs two weeks or more`,
    };
  if (total < HOURS_IN_WEEK * PER_HOUR)
    return {
      kept: `${total} customers are too few for 168 hours of the week (at least ${HOURS_IN_WEEK * PER_HOUR})`,
    };
  const mean = total / HOURS_IN_WEEK;
  return { entries: profileEntries(counts.map((n) => Number((n / mean).toFixed(2)))) };
}
