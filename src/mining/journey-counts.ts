/**
 * What a journey model is discovered from, counted in SQL over one log: each event becomes a
 * step (its activity, or its activity and channel where the activity is split by channel), each
 * customer's visits are put in order (time, then file order) with the segment of their first
 * event, and from that come the starts, the moves (a journey's last event moves to its end),
 * the times to the next event, the stage the log gives each step, and the arrivals.
 */
import { quoteLiteral as literal } from './sql-text.js';
import { type EventStore, queryRows } from './store.js';
import { workTable } from './work-table.js';

/** A step-to-be: the events of one activity, on one channel or on all of its channels. */
export interface StepNode {
  /** Its key in the counts: a number, as the activity and channel may be any text. */
  node: string;
  activity: string;
  /** The channel of its events (the most common one when it stands for several), null when none. */
  channel: string | null;
  /** Its channels: the (activity, channel) pairs whose events it takes. */
  channels: (string | null)[];
  events: number;
}

/** One observed move: `to` is a node, or null for the journey's end. */
export interface MoveCount {
  segment: string;
  from: string;
  to: string | null;
  /** A last contact the log marks `outcome: abandoned`: the customer gave up in a queue. */
  gaveUp: boolean;
  n: number;
}

export interface TimeStats {
  node: string;
  n: number;
  mean: number;
  sd: number;
}

export interface JourneyCounts {
  cases: number;
  /** Seconds from the first customer's first event to the last customer's first event. */
  span: number;
  /** Customers by segment ('' when the log names none), the largest first. */
  segments: Map<string, number>;
  starts: { segment: string; node: string; n: number }[];
  moves: MoveCount[];
  /**
   * Seconds from a visit to the customer's next event, over all visits, a last visit counting 0
   * (the log shows no time after it); `n` counts the visits followed by an event.
   */
  gaps: TimeStats[];
  /** Share of each node's events that name a resource (who served them). */
  served: Map<string, number>;
  /** Seconds from an activity's start event to its complete event, when the log has lifecycles. */
  lifecycles: TimeStats[];
  /** The stage values the log's `stage` attribute gives each node's events. */
  stageVotes: { node: string; stage: string; n: number }[];
  /** Mean position of each node's visits within their journeys (1 is first), to order the steps. */
  positions: Map<string, number>;
}

/** An activity on a second channel becomes its own step when that channel has this share of it... */
export const SPLIT_SHARE = 0.1;
/** ...and at least this many events. */
export const SPLIT_EVENTS = 20;

/**
 * The steps-to-be from the events per activity and channel: an activity is one step on its most
 * common channel, except that each other channel carrying at least SPLIT_SHARE of its events (and
 * SPLIT_EVENTS) becomes a step of its own; the rarer channels' events join the main step.
 */
export function stepNodes(rows: { activity: string; channel: string | null; n: number }[]): StepNode[] {
  const byActivity = new Map<string, { channel: string | null; n: number }[]>();
  for (const r of rows) byActivity.set(r.activity, [...(byActivity.get(r.activity) ?? []), r]);
  const nodes: StepNode[] = [];
  for (const [activity, list] of [...byActivity].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const sorted = [...list].sort((a, b) => b.n - a.n || String(a.channel).localeCompare(String(b.channel)));
    const all = sorted.reduce((s, r) => s + r.n, 0);
    const own = sorted.filter(
      (r, i) => i === 0 || (r.channel !== null && r.n >= SPLIT_SHARE * all && r.n >= SPLIT_EVENTS),
    );
    for (const r of own) {
      const joined = r === sorted[0] ? sorted.filter((x) => !own.includes(x)) : [];
      nodes.push({
        node: '',
        activity,
        channel: r.channel,
        channels: [r.channel, ...joined.map((x) => x.channel)],
        events: r.n + joined.reduce((s, x) => s + x.n, 0),
      });
    }
  }
  return nodes.map((n, i) => ({ ...n, node: String(i) }));
}

export async function countJourneys(
  store: EventStore,
  log: string,
): Promise<{ nodes: StepNode[]; counts: JourneyCounts }> {
  const params = { log };
  const rows = (sql: string) => queryRows(store, sql, params);
  // With start and complete events, the completes make the journey and the pairs time the steps.
  const [life] = await rows(
    `select count(*) filter (where lower(lifecycle) = 'start') > 0
       and count(*) filter (where lower(lifecycle) = 'complete') > 0 as paired
     from events where log = $log`,
  );
  const paired = Boolean(life?.paired);
  const kept = paired ? "and coalesce(lower(e.lifecycle), '') <> 'start'" : '';
  const nodes = stepNodes(
    (
      await rows(
        `select activity, channel, count(*) as n from events e where log = $log ${kept} group by all order by all`,
      )
    ).map((r) => ({
      activity: String(r.activity),
      channel: r.channel === null ? null : String(r.channel),
      n: Number(r.n),
    })),
  );
  const values = nodes
    .flatMap((n) =>
      n.channels.map(
        (ch) => `(${literal(n.activity)}, ${ch === null ? 'null' : literal(ch)}, ${literal(n.node)})`,
      ),
    )
    .join(', ');
  if (values === '') return { nodes, counts: emptyCounts() };
  const visits = workTable('model_visits');
  await store.connection.run(
    `create temp table ${visits} as
     with n(activity, channel, node) as (values ${values}),
     ev as (
       select e.case_id, e.ts_us, e.seq, coalesce(e.segment, '') as segment, n.node,
         coalesce(json_extract_string(e.attributes, '$.outcome') = 'abandoned', false) as abandoned,
         json_extract_string(e.attributes, '$.stage') as stage, e.resource
       from events e join n on n.activity = e.activity and n.channel is not distinct from e.channel
       where e.log = $log ${kept})
     select case_id, first_value(segment) over w as segment, node, stage, abandoned, ts_us, resource,
       row_number() over w as position, lead(node) over w as next_node, lead(ts_us) over w - ts_us as gap_us
     from ev window w as (partition by case_id order by ts_us, seq)`,
    params,
  );
  try {
    return { nodes, counts: await readCounts(rows, visits, paired) };
  } finally {
    await store.connection.run(`drop table if exists ${visits}`);
  }
}

type Rows = (sql: string) => Promise<Record<string, unknown>[]>;

const stats = (list: Record<string, unknown>[]): TimeStats[] =>
  list.map((r) => ({ node: String(r.node), n: Number(r.n), mean: Number(r.mean), sd: Number(r.sd ?? 0) }));

async function readCounts(rows: Rows, visits: string, paired: boolean): Promise<JourneyCounts> {
  const [span] = await rows(
    `select count(*) as cases, coalesce((max(ts_us) - min(ts_us)) / 1e6, 0) as seconds
     from ${visits} where position = 1`,
  );
  const segments = new Map(
    (
      await rows(
        `select segment, count(*) as n from ${visits} where position = 1 group by 1 order by n desc, segment`,
      )
    ).map((r) => [String(r.segment), Number(r.n)]),
  );
  const starts = (
    await rows(
      `select segment, node, count(*) as n from ${visits} where position = 1 group by all order by all`,
    )
  ).map((r) => ({ segment: String(r.segment), node: String(r.node), n: Number(r.n) }));
  const moves = (
    await rows(
      `select segment, node, next_node, next_node is null and abandoned as gave_up, count(*) as n
       from ${visits} group by all order by all`,
    )
  ).map((r) => ({
    segment: String(r.segment),
    from: String(r.node),
    to: r.next_node === null ? null : String(r.next_node),
    gaveUp: Boolean(r.gave_up),
    n: Number(r.n),
  }));
  const gaps = stats(
    await rows(
      `select node, count(gap_us) as n, avg(coalesce(gap_us, 0)) / 1e6 as mean,
         stddev_samp(coalesce(gap_us, 0)) / 1e6 as sd
       from ${visits} group by 1 order by 1`,
    ),
  );
  const stageVotes = (
    await rows(
      `select node, stage, count(*) as n from ${visits} where stage is not null group by all order by all`,
    )
  ).map((r) => ({ node: String(r.node), stage: String(r.stage), n: Number(r.n) }));
  const positions = new Map(
    (await rows(`select node, avg(position) as p from ${visits} group by 1 order by 1`)).map((r) => [
      String(r.node),
      Number(r.p),
    ]),
  );
  const served = new Map(
    (
      await rows(
        `select node, avg(case when resource is null then 0 else 1 end) as s from ${visits} group by 1 order by 1`,
      )
    ).map((r) => [String(r.node), Number(r.s)]),
  );
  return {
    cases: Number(span?.cases ?? 0),
    span: Number(span?.seconds ?? 0),
    segments,
    starts,
    moves,
    gaps,
    lifecycles: paired ? await lifecycleTimes(rows) : [],
    stageVotes,
    positions,
    served,
  };
}

/** Start to complete of each activity, the n-th start of a customer paired with their n-th complete. */
async function lifecycleTimes(rows: Rows): Promise<TimeStats[]> {
  return stats(
    await rows(
      `with s as (
         select case_id, activity, ts_us, lower(lifecycle) as kind,
           row_number() over (partition by case_id, activity, lower(lifecycle) order by ts_us, seq) as k
         from events where log = $log and lower(lifecycle) in ('start', 'complete')),
       pairs as (
         select a.activity as node, c.ts_us - a.ts_us as us from s a
         join s c on c.case_id = a.case_id and c.activity = a.activity and c.k = a.k and c.kind = 'complete'
         where a.kind = 'start' and c.ts_us >= a.ts_us)
       select node, count(*) as n, avg(us) / 1e6 as mean, stddev_samp(us) / 1e6 as sd from pairs group by 1 order by 1`,
    ),
  );
}

function emptyCounts(): JourneyCounts {
  return {
    cases: 0,
    span: 0,
    segments: new Map(),
    starts: [],
    moves: [],
    gaps: [],
    lifecycles: [],
    stageVotes: [],
    positions: new Map(),
    served: new Map(),
  };
}
