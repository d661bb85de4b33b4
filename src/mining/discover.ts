/**
 * Discovery in SQL over the event store: the directly-follows graph with counts and times, start
 * and end activities, and variants. Events are ordered within a case by time, then by file order
 * (as pm4py does), with window functions partitioned by case, plain enough for a warehouse engine.
 */
import type { EventStore } from './store.js';

export interface DfgEdge {
  from: string;
  to: string;
  count: number;
  /** Seconds between the two events: mean, median, 90th percentile, min, max. */
  mean: number;
  median: number;
  p90: number;
  min: number;
  max: number;
}

export interface Variant {
  activities: string[];
  count: number;
  share: number;
  cumulative: number;
}

export interface Discovery {
  log: string;
  events: number;
  cases: number;
  dfg: DfgEdge[];
  start: Record<string, number>;
  end: Record<string, number>;
  variants: Variant[];
  /** Variants beyond `top`, left out of `variants`. */
  moreVariants: number;
}

export interface DiscoverOptions {
  /** Only events whose segment or channel is this. */
  segment?: string;
  channel?: string;
  top?: number;
}

/** The log's events in case order, as a SQL common table expression `ordered`. */
export function orderedEvents(filter: string): string {
  return `ordered as (
    select case_id, activity, ts_us, segment, channel, resource, attributes,
      row_number() over (partition by case_id order by ts_us, seq) as position,
      lead(activity) over (partition by case_id order by ts_us, seq) as next_activity,
      lead(ts_us) over (partition by case_id order by ts_us, seq) as next_ts_us
    from events where ${filter}
  )`;
}

export async function discover(
  store: EventStore,
  log: string,
  options: DiscoverOptions = {},
): Promise<Discovery> {
  const params: Record<string, string> = { log };
  let filter = 'log = $log';
  if (options.segment !== undefined) {
    filter += ' and segment = $segment';
    params.segment = options.segment;
  }
  if (options.channel !== undefined) {
    filter += ' and channel = $channel';
    params.channel = options.channel;
  }
  const rows = async <T>(sql: string) =>
    (await store.connection.runAndReadAll(sql, params)).getRowObjectsJS() as T[];
  const [counts] = await rows<{ events: bigint; cases: bigint }>(
    `select count(*) as events, count(distinct case_id) as cases from events where ${filter}`,
  );
  const dfg = await rows<{
    source: string;
    target: string;
    n: bigint;
    mean: number;
    median: number;
    p90: number;
    lo: number;
    hi: number;
  }>(`
    with ${orderedEvents(filter)}
    select activity as source, next_activity as target, count(*) as n,
      avg(next_ts_us - ts_us) / 1e6 as mean,
      quantile_cont(next_ts_us - ts_us, 0.5) / 1e6 as median,
      quantile_cont(next_ts_us - ts_us, 0.9) / 1e6 as p90,
      min(next_ts_us - ts_us) / 1e6 as lo, max(next_ts_us - ts_us) / 1e6 as hi
    from ordered where next_activity is not null
    group by 1, 2 order by 1, 2`);
  const ends = await rows<{ kind: string; activity: string; n: bigint }>(`
    with ${orderedEvents(filter)},
    bounds as (select case_id, max(position) as last from ordered group by case_id)
    select 'start' as kind, activity, count(*) as n from ordered where position = 1 group by 2
    union all
    select 'end', o.activity, count(*) from ordered o join bounds b on o.case_id = b.case_id and o.position = b.last group by 2
    order by 1, 2`);
  const variants = await rows<{ trace: string[]; n: bigint }>(`
    with ${orderedEvents(filter)},
    traces as (select case_id, list(activity order by position) as trace from ordered group by case_id)
    select trace, count(*) as n from traces group by trace order by n desc, trace`);
  const cases = Number(counts?.cases ?? 0);
  let cumulative = 0;
  const all = variants.map((v) => {
    const count = Number(v.n);
    cumulative += count;
    return {
      activities: v.trace,
      count,
      share: cases ? count / cases : 0,
      cumulative: cases ? cumulative / cases : 0,
    };
  });
  const top = options.top ?? all.length;
  return {
    log,
    events: Number(counts?.events ?? 0),
    cases,
    dfg: dfg.map((e) => ({
      from: e.source,
      to: e.target,
      count: Number(e.n),
      mean: e.mean,
      median: e.median,
      p90: e.p90,
      min: e.lo,
      max: e.hi,
    })),
    start: Object.fromEntries(ends.filter((e) => e.kind === 'start').map((e) => [e.activity, Number(e.n)])),
    end: Object.fromEntries(ends.filter((e) => e.kind === 'end').map((e) => [e.activity, Number(e.n)])),
    variants: all.slice(0, top),
    moreVariants: Math.max(0, all.length - top),
  };
}
