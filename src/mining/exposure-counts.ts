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
 * On DuckDB, all in one query of aggregates over the evidence base (evidence-base.ts): each event
 * carries the time of its customer's next inbound contact, so a unit's next contact is the least of
 * its events', and nothing is joined in time. The drivers' units and classes are grouped once each
 * (duckdb-driver-units.ts); a website sign's class and units are its customer-days, one row each.
 * On ClickHouse the same counts per shard, from each customer's sorted contact times
 * (clickhouse-evidence-sql.ts), keyed by name.
 */
import type { DriverUnits } from './duckdb-driver-units.js';
import type { EvidenceBase } from './evidence-base.js';
import { quoteLiteral as literal } from './sql-text.js';
import { type EventStore, queryRows } from './store.js';

/**
 * A website sign on DuckDB: SQL giving rows (cid, day, ts_us, nxt, uts, unxt), each an event (or
 * the events of one unit) of the sign's class, with `uts` and `unxt` its time and next contact when
 * it is the sign's too, else null.
 */
export interface SignRows {
  dim: string;
  rows: string;
}

export interface ExposureCounts {
  dim: string;
  act: string;
  value: string;
  exposed: number;
  /** Exposed customers (not counted for activities, where it would cost as much as all the rest). */
  exposedCustomers: number | undefined;
  exposedContacted: number;
  unexposed: number;
  unexposedContacted: number;
  /** Exposed units followed by a contact within the window after any event of the class. */
  exposedContactedAny: number;
  /** The class's units and those contacted (exposed to this value or not). */
  classUnits: number;
  classContacted: number;
}

/** The counts from the DuckDB store: one query of aggregates over the evidence base. */
export async function duckDbExposureCounts(
  store: EventStore,
  log: string,
  options: { base: EvidenceBase; drivers: DriverUnits; signs: SignRows[]; windowUs: number },
): Promise<ExposureCounts[]> {
  const { base, drivers, signs } = options;
  const w = Math.round(options.windowUs);
  // A sign's class is its customer-days, each holding at most one unit of the sign: one row per
  // customer-day carries both, and nothing is joined.
  const signDays = signs.length
    ? `, sign_days as materialized (
        select s, cid, day, max(ts_us) + ${w} >= min(nxt) as hit, max(uts) as ut, min(unxt) as um
        from (${signs.map((sign, s) => `select ${s} as s, cid, day, ts_us, nxt, uts, unxt from (${sign.rows})`).join('\nunion all\n')})
        group by all)`
    : '';
  const signRows = signs.length
    ? `union all
      select [${signs.map((sign) => literal(sign.dim)).join(', ')}][s + 1], '', 'yes', count(ut),
        count(*) filter (where ut + ${w} >= um), count(*) filter (where ut is not null and hit),
        count(distinct cid) filter (where ut is not null), count(*), count(*) filter (where hit)
      from sign_days group by s having count(ut) > 0`
    : '';
  const rows = await queryRows(
    store,
    `with ${base.ctes},
    ${drivers.ctes}${signDays}
    select * from (${drivers.rows}
    ${signRows}) order by dim, act, value`,
    { log },
  );
  return rows.map((r) => ({
    dim: String(r.dim),
    act: String(r.act),
    value: String(r.value),
    exposed: Number(r.n1),
    exposedCustomers: r.dim === 'activity' ? undefined : Number(r.customers),
    exposedContacted: Number(r.x1),
    unexposed: Number(r.n) - Number(r.n1),
    unexposedContacted: Number(r.x) - Number(r.xa),
    exposedContactedAny: Number(r.xa),
    classUnits: Number(r.n),
    classContacted: Number(r.x),
  }));
}
