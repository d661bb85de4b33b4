/**
 * Exposure counts: for candidates that share a class (the views of a product page, by product;
 * the searches, with or without a result; any event, by activity), how many units were exposed to
 * each candidate and how many of them were followed by an inbound contact within the window, and the
 * same for the units of the class that were not exposed to it.
 *
 * The unit is the customer-day (UTC): a customer's events of the class on one day count once, so
 * that ten reloads of a page are one exposure. A unit is contacted when the customer's next inbound
 * contact after its first event comes no later than the window after its last. Unexposed units are
 * the class's customer-days without the candidate, contacted when the next contact after their
 * first event of the class comes within the window after the last.
 *
 * All in one DuckDB query: an as-of join finds each unit's next contact, so nothing pairs events.
 */
import { type EventStore, queryRows } from './store.js';

/** SQL giving rows (dim, act, value, case_id, ts_us): the events of a class and their candidate value. */
export type ExposureSql = string;

export interface ExposureCounts {
  dim: string;
  act: string;
  value: string;
  exposed: number;
  exposedCustomers: number;
  exposedContacted: number;
  unexposed: number;
  unexposedContacted: number;
  /** Exposed units followed by a contact within the window after any event of the class. */
  exposedContactedAny: number;
  /** The class's units and those contacted (exposed to this value or not). */
  classUnits: number;
  classContacted: number;
}

const DAY_US = 86_400_000_000;

export async function exposureCounts(
  store: EventStore,
  log: string,
  options: { inbound: string; exposures: ExposureSql[]; windowUs: number; minExposed: number },
): Promise<{ counts: ExposureCounts[]; belowMinimum: number }> {
  if (options.exposures.length === 0) return { counts: [], belowMinimum: 0 };
  const w = Math.round(options.windowUs);
  const rows = await queryRows(
    store,
    `
    with ic as materialized (select case_id, ts_us from events where log = $log and ${options.inbound}),
    ex as (${options.exposures.join('\nunion all\n')}),
    units as materialized (
      select dim, act, value, case_id, ts_us // ${DAY_US} as day, min(ts_us) as t1, max(ts_us) as t2
      from ex group by all),
    hit as (
      select u.*, c.ts_us as next_contact from units u asof left join ic c on u.case_id = c.case_id and c.ts_us > u.t1),
    flagged as materialized (
      select dim, act, value, case_id,
        coalesce(next_contact <= t2 + ${w}, false) as contacted,
        coalesce(min(next_contact) over d <= max(t2) over d + ${w}, false) as contacted_any,
        row_number() over d = 1 as first_of_day
      from hit window d as (partition by dim, act, case_id, day)),
    per_class as (
      select dim, act, count(*) filter (where first_of_day) as n, count(*) filter (where first_of_day and contacted_any) as x
      from flagged group by all),
    per_value as (
      select dim, act, value, count(*) as n1, count(*) filter (where contacted) as x1,
        count(*) filter (where contacted_any) as xa, count(distinct case_id) as customers
      from flagged group by all)
    select v.dim, v.act, v.value, v.n1, v.x1, v.xa, v.customers, c.n, c.x
    from per_value v join per_class c using (dim, act)
    order by v.dim, v.act, v.value`,
    { log },
  );
  const counts = rows.map((r) => ({
    dim: String(r.dim),
    act: String(r.act),
    value: String(r.value),
    exposed: Number(r.n1),
    exposedCustomers: Number(r.customers),
    exposedContacted: Number(r.x1),
    unexposed: Number(r.n) - Number(r.n1),
    unexposedContacted: Number(r.x) - Number(r.xa),
    exposedContactedAny: Number(r.xa),
    classUnits: Number(r.n),
    classContacted: Number(r.x),
  }));
  const kept = counts.filter((c) => c.exposed >= options.minExposed);
  return { counts: kept, belowMinimum: counts.length - kept.length };
}
