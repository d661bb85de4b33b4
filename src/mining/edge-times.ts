/**
 * The directly-follows edges' counts and times (mean, median, 90th percentile, least, most) from
 * the steps table, within the store's memory limit. DuckDB's quantile_cont keeps every value of a
 * group in memory it neither counts against the limit nor spills: about 35 bytes a move, 3 GB at
 * 100 million events, which took the process to twice its limit. It is used only while the moves'
 * values fit in a small share of the limit (it is five times as fast: 0.33 s against 1.85 s at ten
 * million events); beyond, the spill-safe route below gives the same figures. There the waits are first counted
 * per edge and value (a grouping, which spills), the running count over them sorted (a window,
 * which spills) finds the values at the two positions each quantile falls between, and these are
 * interpolated as DuckDB does (RN = (n - 1) q; lo (1 - d) + hi d in double, d = RN - floor RN;
 * duckdb-numbers.ts does the same in TypeScript), so the figures are DuckDB's to the last bit.
 */

/**
 * Bytes a move's wait is taken to hold in quantile_cont's states, with room to spare (measured:
 * about 35 for the two quantiles together).
 */
const QUANTILE_BYTES_PER_MOVE = 80;

/** The route for `moves` moves within a limit of `limit` bytes: in memory while it takes at most a quarter of it. */
export function edgeTimesFor(steps: string, moves: number, limit: number): string {
  const fits = Number.isFinite(limit) && moves * QUANTILE_BYTES_PER_MOVE <= limit / 4;
  return fits ? edgeTimesInMemorySql(steps) : edgeTimesSql(steps);
}

/** As edgeTimesSql, with DuckDB's own quantile_cont over every move's wait, held in memory. */
export function edgeTimesInMemorySql(steps: string): string {
  return `
    select code as source, next_code as target, count(*) as n, sum(wait_us::hugeint) as total,
      quantile_cont(wait_us, 0.5) / 1e6 as median, quantile_cont(wait_us, 0.9) / 1e6 as p90,
      min(wait_us)::double / 1e6 as lo, max(wait_us)::double / 1e6 as hi
    from ${steps} where next_code is not null group by source, target order by source, target`;
}

/** SQL giving (source, target, n, total, median, p90, lo, hi) per edge, times in seconds, ordered by edge; spills to disk. */
export function edgeTimesSql(steps: string): string {
  const at = (q: string) => `rn${q}`;
  // The value at 0-based position i is the least value whose running count passes i.
  const valueAt = (position: string) => `min(w) filter (where cum > ${position})`;
  const quantile = (q: string) => `case when floor(${at(q)}) = ceil(${at(q)}) then lo${q}
      else lo${q} * (1 - (${at(q)} - floor(${at(q)}))) + hi${q} * (${at(q)} - floor(${at(q)})) end`;
  return `
    with waits as (
      select code as source, next_code as target, wait_us as w, count(*) as c
      from ${steps} where next_code is not null group by all),
    running as (
      select *, sum(c) over (partition by source, target order by w rows unbounded preceding) as cum,
        sum(c) over (partition by source, target) as n
      from waits),
    placed as (
      select *, (n - 1)::double * 0.5::double as rn5, (n - 1)::double * 0.9::double as rn9 from running),
    edges as (
      select source, target, any_value(n) as n, any_value(rn5) as rn5, any_value(rn9) as rn9,
        sum(w::hugeint * c) as total,
        ${valueAt('floor(rn5)')}::double as lo5, ${valueAt('ceil(rn5)')}::double as hi5,
        ${valueAt('floor(rn9)')}::double as lo9, ${valueAt('ceil(rn9)')}::double as hi9,
        min(w) as lo, max(w) as hi
      from placed group by source, target)
    select source, target, n, total, ${quantile('5')} / 1e6 as median, ${quantile('9')} / 1e6 as p90,
      lo / 1e6 as lo, hi / 1e6 as hi
    from edges order by source, target`;
}
