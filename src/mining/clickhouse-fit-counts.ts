/**
 * The counts conformance and calibration read (log-profile.ts, mapped-moves.ts), from ClickHouse:
 * each query runs on every shard over its own events, where a customer's events all are, and
 * returns counts; they are put together by the same code as DuckDB's.
 */

import * as sql from './clickhouse-fit-sql.js';
import { lifecycleGroupsOf } from './clickhouse-journey-rows.js';
import type { ShardedLog } from './clickhouse-sharded-log.js';
import { shardLifecycleTimes } from './clickhouse-sql.js';
import type { LifecycleGroup } from './journey-rows.js';
import {
  type CustomerGroup,
  channelsOf,
  customersOf,
  EMPTY_PROFILE,
  EPOCH_WEEK_HOUR,
  type LogProfile,
  mergeLogProfiles,
  WEEKS_BEFORE_1970_US,
} from './log-profile.js';
import { END, type MappedMoves, type MovesQuery, mergeMappedMoves, START } from './mapped-moves.js';

export async function clickHouseLogProfile({ servers, db, parts }: ShardedLog): Promise<LogProfile> {
  if (parts.length === 0) return EMPTY_PROFILE;
  const answers = await Promise.all(
    servers.map(async (s): Promise<LogProfile> => {
      const [channels, segments, customers] = await Promise.all([
        s.rows(sql.shardActivityChannels(db, parts)),
        s.rows(sql.shardSegments(db, parts)),
        s.rows(sql.shardCustomers(db, parts, WEEKS_BEFORE_1970_US, EPOCH_WEEK_HOUR)),
      ]);
      return {
        ...channelsOf(
          channels.map(([activity, none, channel, kind, n]) => [
            activity,
            Number(none) === 1 ? null : channel,
            kind,
            n,
          ]),
        ),
        segments: segments.map((r) => (r[0] === null ? null : String(r[0]))),
        ...customersOf(customers as CustomerGroup[]),
      };
    }),
  );
  return mergeLogProfiles(answers);
}

/** Start to complete of each activity, each shard's for its customers, added up by activity. */
export async function clickHouseLifecycleTimes({
  servers,
  db,
  parts,
}: ShardedLog): Promise<LifecycleGroup[]> {
  if (parts.length === 0) return [];
  const answers = await Promise.all(servers.map((s) => s.rows(shardLifecycleTimes(db, parts))));
  return answers.flatMap(lifecycleGroupsOf);
}

export async function clickHouseMappedMoves(
  { servers, db, parts }: ShardedLog,
  query: MovesQuery,
): Promise<MappedMoves> {
  const { steps } = query;
  if (parts.length === 0 || steps.length === 0) return { moves: [], cases: 0, fitting: 0, durations: [] };
  const mapped: sql.MappedSteps = {
    parts,
    steps,
    ...(query.segments ? { segments: query.segments } : {}),
    completesOnly: query.completesOnly ?? false,
  };
  const asked: sql.MappedQuery = {};
  if (query.allowed)
    asked.fitting = {
      allowed: query.allowed.map((k) => k.split('\u0000') as [string, string, string]),
      queued: query.queued ?? [],
      start: START,
    };
  const { from = [], to = [] } = query.durations ?? {};
  if (from.length > 0 && to.length > 0) asked.durations = { from, to };
  const answers = await Promise.all(
    servers.map(async (s) => mappedMovesOf(await s.rows(sql.shardMappedMoves(db, mapped, END, asked)))),
  );
  return mergeMappedMoves(answers);
}

/** A shard's counted rows (shardMappedMoves) as its moves, customers and durations. */
export function mappedMovesOf(rows: unknown[][]): MappedMoves {
  const answer: MappedMoves = { moves: [], cases: 0, fitting: 0, durations: [] };
  for (const [kind, group, step, next, abandoned, flag, us, count] of rows) {
    const n = Number(count);
    if (Number(kind) === sql.MAPPED_ROW.move)
      answer.moves.push({
        group: String(group),
        step: String(step),
        next: String(next),
        abandoned: Number(abandoned) === 1,
        first: Number(flag) === 1,
        n,
      });
    else if (Number(kind) === sql.MAPPED_ROW.customer) {
      answer.cases += n;
      if (Number(flag) === 1) answer.fitting += n;
    } else answer.durations.push({ step: String(step), us: BigInt(us as string), n });
  }
  return answer;
}
