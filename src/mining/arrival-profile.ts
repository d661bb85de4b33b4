/**
 * When in the week customers arrive, read from a log: the customers' first events counted by
 * weekday and hour (in the time the log wrote, its offset kept), as the relative weights of an
 * arrival profile (`arrivals.profile`, hour by hour, mean 1). Only a log that covers at least two
 * weeks, with enough customers for each hour of the week, says this well enough.
 */
import { WEEKDAYS } from '../model/schema.js';
import { duckDbLogProfile } from './duckdb-fit-counts.js';
import type { LogProfile } from './log-profile.js';
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

/** The profile from a log's customers by the hour of the week they started in. */
export function arrivalProfileOf(profile: LogProfile): { entries: ProfileEntry[] } | { kept: string } {
  const counts = new Array<number>(HOURS_IN_WEEK).fill(0);
  let total = 0;
  for (const [hour, n] of profile.weekHours) {
    counts[hour] = n;
    total += n;
  }
  const span = profile.localFirstSpan
    ? Number(profile.localFirstSpan.max - profile.localFirstSpan.min) / 1e6
    : 0;
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

/** The profile of a log in a DuckDB store. */
export async function arrivalProfile(
  store: EventStore,
  log: string,
): Promise<{ entries: ProfileEntry[] } | { kept: string }> {
  return arrivalProfileOf(await duckDbLogProfile(store, log));
}
