/**
 * The rows a journey model is discovered from (journey-rows.ts), from ClickHouse: each query runs
 * on every shard over its own events, where a customer's events all are, and returns counts; they
 * are added up by the same code as DuckDB's: rows per activity and channel, not per customer.
 */
import type { ShardedLog } from './clickhouse-sharded-log.js';
import * as sql from './clickhouse-sql.js';
import {
  type ActivityChannel,
  type JourneyRows,
  joinedJourneyRows,
  journeyPaired,
  type LifecycleGroup,
  type LifecycleKind,
  type MoveGroup,
  type StartGroup,
  type VisitGroup,
} from './journey-rows.js';

const EMPTY: JourneyRows = { events: [], starts: [], moves: [], visits: [], lifecycles: [] };

/** An activity and channel from the activity, the no-channel flag and the channel ('' when none). */
const pair = (activity: unknown, noChannel: unknown, channel: unknown): ActivityChannel => ({
  activity: String(activity),
  channel: Number(noChannel) === 1 ? null : String(channel),
});

/**
 * A value's raw JSON text (as visitParamExtractRaw gives it, '' when the key is missing) as
 * DuckDB's json_extract_string reads it: a string unquoted, null as no value, anything else as written.
 */
export function jsonValueText(raw: string): string | null {
  if (raw === '' || raw === 'null') return null;
  return raw.startsWith('"') ? String(JSON.parse(raw)) : raw;
}

/** A shard's start-to-complete rows (shardLifecycleTimes) as groups. */
export const lifecycleGroupsOf = (rows: unknown[][]): LifecycleGroup[] =>
  rows.map(([activity, n, ...sums]) => {
    const { sum, squares } = piecedSums(sums);
    return { activity: String(activity), n: Number(n), sum, squares };
  });

/** A sum and sum of squares from the columns of the SQL's exactSums (sums of 16-bit pieces and of their products). */
export function piecedSums(columns: unknown[]): { sum: bigint; squares: bigint } {
  const at = (i: number) => BigInt(String(columns[i]));
  const sum = [0, 1, 2, 3].reduce((s, k) => s + (at(k) << BigInt(16 * k)), 0n);
  const squares = sql.PIECE_PAIRS.reduce(
    (s, [j, k], i) => s + (((j === k ? 1n : 2n) * at(4 + i)) << BigInt(16 * (j + k))),
    0n,
  );
  return { sum, squares };
}

/**
 * A shard's journeys grouped by move (shardJourneyGroups) as its starts, moves and visits: each
 * group a move, the visits of its activity and channel (followed unless last), and the starts
 * among them (its first events). The groups are finer than the starts' and visits', which the
 * steps add up (journey-counts.ts) as they add up shards'.
 */
export function journeyGroupsOf(rows: unknown[][]): Pick<JourneyRows, 'starts' | 'moves' | 'visits'> {
  const starts: StartGroup[] = [];
  const moves: MoveGroup[] = [];
  const visits: VisitGroup[] = [];
  for (const row of rows) {
    const [segment, activity, noChannel, channel, last, nextActivity, nextNo, next, gaveUp, n] = row;
    const [firsts, firstMin, firstMax, positions, ...sums] = row.slice(10);
    const at = pair(activity, noChannel, channel);
    const count = Number(n);
    const isLast = Number(last) === 1;
    moves.push({
      ...at,
      segment: String(segment),
      next: isLast ? null : pair(nextActivity, nextNo, next),
      gaveUp: Number(gaveUp) === 1,
      n: count,
    });
    const { sum, squares } = piecedSums(sums);
    visits.push({
      ...at,
      visits: count,
      followed: isLast ? 0 : count,
      gapSum: sum,
      gapSquares: squares,
      positions: BigInt(String(positions)),
    });
    if (Number(firsts) > 0)
      starts.push({
        ...at,
        segment: String(segment),
        n: Number(firsts),
        min: BigInt(String(firstMin)),
        max: BigInt(String(firstMax)),
      });
  }
  return { starts, moves, visits };
}

export async function clickHouseJourneyRows({ servers, db, parts }: ShardedLog): Promise<JourneyRows> {
  if (parts.length === 0) return EMPTY;
  const events = (await Promise.all(servers.map((s) => s.rows(sql.shardModelEvents(db, parts))))).flatMap(
    (rows) =>
      rows.map(([activity, noChannel, channel, kind, stage, served, n]) => ({
        ...pair(activity, noChannel, channel),
        lifecycle: kind as LifecycleKind,
        stage: jsonValueText(String(stage)),
        served: Number(served) === 1,
        n: Number(n),
      })),
  );
  const paired = journeyPaired(events);
  const answers = await Promise.all(
    servers.map(async (s): Promise<JourneyRows> => {
      const [groups, lifecycles] = await Promise.all([
        s.rows(sql.shardJourneyGroups(db, parts, paired)),
        paired ? s.rows(sql.shardLifecycleTimes(db, parts)) : [],
      ]);
      return { events: [], ...journeyGroupsOf(groups), lifecycles: lifecycleGroupsOf(lifecycles) };
    }),
  );
  return joinedJourneyRows([{ ...EMPTY, events }, ...answers]);
}
