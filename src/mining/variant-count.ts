/**
 * Variants counted within the store's memory limit. A variant is a case's list of activity codes;
 * DuckDB builds those lists in aggregate states it cannot move to disk, about 250 bytes a case, so
 * at 18 million cases (100 million events) one pass needed more than the 4 GiB limit and failed.
 * Cases are therefore listed in as many passes as the limit needs, each over the cases whose hash
 * falls in its share, into a temporary table; counting the lists (grouping on them as keys) spills
 * to disk like any grouping. Small logs take one pass, as before; the answer is the same either way.
 */

import { type EventStore, queryRows } from './store.js';
import { workTable } from './work-table.js';

/** What a case's list state was measured to take, with room to spare (1e7 events failed at 400 MiB in one pass, not in four). */
const BYTES_PER_CASE = 500;

export interface VariantRow {
  trace: number[];
  n: bigint;
  /** All the variants, on every row. */
  variants: bigint;
}

/** Passes for `cases` cases, so that each pass's lists take at most half the memory limit. */
export function variantPasses(cases: number, limit: number): number {
  if (!Number.isFinite(limit) || limit <= 0) return 1;
  return Math.max(1, Math.ceil((cases * BYTES_PER_CASE) / (limit / 2)));
}

/** Codes below this are packed with the position into one integer (see traceSql). */
const CODE_SPAN = 65_536;

/**
 * SQL for a case's activity codes in the order of their positions. DuckDB's ordered aggregate
 * (`list(code order by position)`) sorts every case's rows apart and took 2.5 s at ten million
 * events; listing them unordered and sorting each short list after took 0.7 s. Position and code
 * are packed into one integer for that sort (positions are unique within a case, so the code never
 * decides it); a log of more activities than the packing holds takes the ordered aggregate.
 */
export function traceSql(activities: number): string {
  if (activities > CODE_SPAN) return 'list(code order by position)';
  return `list_transform(list_sort(list(position * ${CODE_SPAN} + code)), x -> (x % ${CODE_SPAN})::integer)`;
}

/** The variants of the steps table (case_key, code, position), most frequent first, ties by trace. */
export function countVariants(
  store: EventStore,
  steps: string,
  sizes: { cases: number; activities: number },
  /** `limit N` for the top N, or '' for all. */
  top: string,
  /** DuckDB's memory limit in bytes. */
  limit: number,
): Promise<VariantRow[]> {
  return rankedVariants(store, steps, variantPasses(sizes.cases, limit), top, sizes.activities);
}

/** The variants of the steps table, listed in `passes` passes over shares of the cases. */
export async function rankedVariants(
  store: EventStore,
  steps: string,
  passes: number,
  /** `limit N` for the top N, or '' for all. */
  top: string,
  /** How many activity codes there are. */
  activities: number,
): Promise<VariantRow[]> {
  const ranked = (traces: string) =>
    `select trace, count(*) as n, count(*) over () as variants from ${traces}
     group by trace order by n desc, trace ${top}`;
  const listed = (where: string) =>
    `select ${traceSql(activities)} as trace from ${steps} ${where} group by case_key`;
  if (passes === 1) return (await queryRows(store, ranked(`(${listed('')})`))) as unknown as VariantRow[];
  const traces = workTable('discover_traces');
  const c = store.connection;
  try {
    await c.run(`create temp table ${traces} (trace integer[])`);
    for (let pass = 0; pass < passes; pass++)
      await c.run(`insert into ${traces} ${listed(`where hash(case_key) % ${passes} = ${pass}`)}`);
    return (await queryRows(store, ranked(traces))) as unknown as VariantRow[];
  } finally {
    await c.run(`drop table if exists ${traces}`);
  }
}
