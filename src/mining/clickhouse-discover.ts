/**
 * A log discovered on a ClickHouse cluster: each shard names the activities of its events, and
 * then returns its variants and directly-follows edges with every activity as its number in the
 * names of all shards together (in byte order, as DuckDB numbers them); shard-discovery.ts puts
 * them together. Ten million events on two shards of one machine: 48 -> 25 s, most of what is
 * left the shards' own work.
 */
import type { ShardedLog } from './clickhouse-sharded-log.js';
import * as sql from './clickhouse-sql.js';
import type { DiscoverOptions, Discovery } from './discover.js';
import { activitiesKept } from './kept-counts.js';
import {
  byteOrder,
  distinctInByteOrder,
  type ShardAnswers,
  type ShardVariant,
  shardDiscovery,
} from './shard-discovery.js';
import { type ShardEdge, waitOf } from './shard-edges.js';
import { refuseTooManyActivities } from './too-many-activities.js';

export async function clickHouseDiscover(
  { servers, db, parts }: ShardedLog,
  log: string,
  options: DiscoverOptions,
): Promise<Discovery> {
  if (parts.length === 0)
    return shardDiscovery(
      { log, names: [], answers: [], segments: [], channels: [] },
      options.top,
      options.edges,
    );
  const filter: sql.EventFilter = {
    parts,
    ...(options.segment !== undefined ? { segment: options.segment } : {}),
    ...(options.channel !== undefined ? { channel: options.channel } : {}),
  };
  const text = (rows: unknown[][]) => rows.map((r) => String(r[0]));
  const found = await Promise.all(
    servers.map((s) =>
      Promise.all([
        s.rows(
          options.activities === undefined
            ? sql.shardActivities(db, filter)
            : sql.shardActivityCounts(db, filter),
        ),
        s.rows(sql.shardValues(db, 'segment', parts)),
        s.rows(sql.shardValues(db, 'channel', parts)),
      ]),
    ),
  );
  const all = distinctInByteOrder(found.flatMap(([activities]) => text(activities)));
  refuseTooManyActivities(log, all.length, 'log discover');
  const kept = activitiesKept(options.activities);
  const names =
    kept === undefined
      ? all
      : mostFrequentActivities(
          found.map(([activities]) => activities as [string, number][]),
          kept,
        );
  // Only the events of the activities kept, as if the log held no others.
  if (names.length < all.length) filter.activities = names;
  const answers =
    names.length === 0
      ? []
      : await Promise.all(
          servers.map(async (s): Promise<ShardAnswers> => {
            const [variants, edges] = await Promise.all([
              s.rows(sql.shardVariants(db, filter, names)),
              s.rows(sql.shardEdges(db, filter, names)),
            ]);
            return {
              variants: variants as ShardVariant[],
              edges: (edges as [number, number, number[], number[], number[]][]).map(
                ([from, to, seconds, micros, counts]): ShardEdge => [
                  from,
                  to,
                  seconds.map((w, i) => waitOf(w, micros[i] as number)),
                  counts,
                ],
              ),
            };
          }),
        );
  return shardDiscovery(
    {
      log,
      names,
      answers,
      segments: distinctInByteOrder(found.flatMap(([, segments]) => text(segments))),
      channels: distinctInByteOrder(found.flatMap(([, , channels]) => text(channels))),
      moreActivities: all.length - names.length,
    },
    options.top,
    options.edges,
  );
}

/**
 * The `keep` activities with the most events over the shards' counts, equal counts in byte order
 * (as DuckDB's `order by count(*) desc, activity`), themselves in byte order.
 */
function mostFrequentActivities(shards: [string, number][][], keep: number): string[] {
  const counts = new Map<string, number>();
  for (const rows of shards) for (const [name, n] of rows) counts.set(name, (counts.get(name) ?? 0) + n);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || byteOrder(a[0], b[0]))
    .slice(0, keep)
    .map(([name]) => name)
    .sort(byteOrder);
}
