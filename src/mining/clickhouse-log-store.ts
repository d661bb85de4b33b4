/**
 * The event store on a ClickHouse server or cluster. linesight sends each per-customer query to
 * every shard's own table and puts together the aggregated rows they return (see
 * shard-discovery.ts); imports go through the Distributed table, which sends each customer's
 * events to one shard. A log is the imports the first shard's `logs_local` names: an import
 * counts once that one row is written, after all its events are in.
 */
import { randomBytes } from 'node:crypto';
import { withActivitiesNote } from './activities-note.js';
import { type ClickHouseAddress, clickHouseCredentials } from './clickhouse-address.js';
import { clickHouseDiscover } from './clickhouse-discover.js';
import {
  clickHouseLifecycleTimes,
  clickHouseLogProfile,
  clickHouseMappedMoves,
} from './clickhouse-fit-counts.js';
import { ClickHouseError, ClickHouseHttp } from './clickhouse-http.js';
import { clickHouseJourneyEvidence } from './clickhouse-journey-evidence.js';
import { clickHouseJourneyRows } from './clickhouse-journey-rows.js';
import type { ShardedLog } from './clickhouse-sharded-log.js';
import * as sql from './clickhouse-sql.js';
import type { DiscoverOptions, Discovery } from './discover.js';
import type { LogImport, LogImportOptions } from './import-log.js';
import type { ExposureQuery, JourneyEvidenceSource } from './journey-evidence.js';
import type { JourneyRows, LifecycleGroup } from './journey-rows.js';
import { LogImportError } from './log-import-error.js';
import type { LogProfile } from './log-profile.js';
import type { LogStore, LogSummary } from './log-store.js';
import type { MappedMoves, MovesQuery } from './mapped-moves.js';
import { byteOrder } from './shard-discovery.js';
import { stagedImport } from './staged-import.js';
import type { StoreAccess } from './store.js';
import { StoreBusyError } from './store-busy.js';
import { StoreOpenError } from './store-open-error.js';

const TABLES = ['events_local', 'logs_local'];

/** Each shard's server, in shard order, and which holds the list of logs (shard 1). */
async function connect(
  address: ClickHouseAddress,
  maxSeconds: number | undefined,
): Promise<ClickHouseHttp[]> {
  const credentials = clickHouseCredentials();
  const servers = address.shards.map((shard) => new ClickHouseHttp(shard, credentials, maxSeconds));
  const { cluster } = address;
  if (cluster === undefined) return servers;
  const numbered = await Promise.all(
    servers.map(async (server) => {
      const [row] = await server.rows(sql.localShard(cluster));
      if (!row)
        throw new StoreOpenError(
          `ClickHouse at ${server.address} is no shard of the cluster '${cluster}'`,
          `list the HTTP address of each shard of '${cluster}' (as its remote_servers name them), or name the cluster the servers have`,
          false,
        );
      return { server, shard: Number(row[0]), shards: Number(row[1]) };
    }),
  );
  const count = numbered[0]?.shards ?? 0;
  const seen = new Set(numbered.map((n) => n.shard));
  if (seen.size !== numbered.length || seen.size !== count)
    throw new StoreOpenError(
      `the store lists ${numbered.length} address(es) for the ${count} shard(s) of '${cluster}' (shards ${[...seen].sort().join(', ')})`,
      `list the HTTP address of every shard once: a customer's events are on one shard, and a shard left out leaves them out`,
      false,
    );
  return numbered.sort((a, b) => a.shard - b.shard).map((n) => n.server);
}

async function prepare(
  servers: ClickHouseHttp[],
  address: ClickHouseAddress,
  access: StoreAccess,
): Promise<void> {
  const db = address.database;
  if (access === 'create') {
    for (const server of servers) {
      await server.run(sql.createDatabase(db));
      await server.run(sql.createEventsLocal(db));
      await server.run(sql.createLogsLocal(db));
      if (address.cluster !== undefined) await server.run(sql.createEventsDistributed(db, address.cluster));
    }
    return;
  }
  for (const server of servers) {
    const names = new Set((await server.rows(sql.tablesPresent(db))).map((r) => String(r[0])));
    if (!TABLES.every((t) => names.has(t)))
      throw new StoreOpenError(
        `there is no linesight event store in the ClickHouse database '${db}' at ${server.address} yet`,
        `import a log first: linesight log import FILE --store clickhouse://${address.shards.join(',')}/${db}${address.cluster ? `?cluster=${address.cluster}` : ''}`,
        true,
      );
  }
}

/** How often an import under way writes its heartbeat... */
const HEARTBEAT_SECONDS = 10;
/** ...and how long without one before another process takes it for dead (a process killed mid-import). */
const STALE_SECONDS = 60;

/** A name for one import's events: the log's name is the user's and may repeat across imports. */
const newPart = () => `p${Date.now().toString(36)}${randomBytes(6).toString('hex')}`;

export class ClickHouseLogStore implements LogStore {
  readonly engine = 'clickhouse';
  /** This process's writes, one at a time (two imports of one log would number their events alike). */
  private writes: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly address: ClickHouseAddress,
    /** In shard order: the first holds the list of logs. */
    private readonly servers: ClickHouseHttp[],
  ) {}

  /** `maxSeconds`: how long each of its queries may run (see ClickHouseHttp). */
  static async open(
    address: ClickHouseAddress,
    access: StoreAccess,
    maxSeconds?: number,
  ): Promise<ClickHouseLogStore> {
    try {
      const servers = await connect(address, maxSeconds);
      await prepare(servers, address, access);
      return new ClickHouseLogStore(address, servers);
    } catch (error) {
      if (error instanceof ClickHouseError)
        throw new StoreOpenError(
          error.message,
          'check the address, the database and the user (LINESIGHT_CLICKHOUSE_USER, LINESIGHT_CLICKHOUSE_PASSWORD)',
          false,
        );
      throw error;
    }
  }

  private get db(): string {
    return this.address.database;
  }

  private get catalog(): ClickHouseHttp {
    return this.servers[0] as ClickHouseHttp;
  }

  private inTurn<T>(write: () => Promise<T>): Promise<T> {
    const turn = this.writes.then(write);
    this.writes = turn.catch(() => undefined);
    return turn;
  }

  private onEachShard<T>(query: (server: ClickHouseHttp) => Promise<T>): Promise<T[]> {
    return Promise.all(this.servers.map(query));
  }

  /** The imports that make up each log. */
  private async parts(): Promise<Map<string, string[]>> {
    const parts = new Map<string, string[]>();
    for (const [log, part] of (await this.catalog.rows(sql.presentParts(this.db))) as [string, string][])
      parts.set(log, [...(parts.get(log) ?? []), part]);
    return parts;
  }

  async hasLog(log: string): Promise<boolean> {
    return (await this.parts()).has(log);
  }

  async logNames(): Promise<string[]> {
    return [...(await this.parts()).keys()].sort(byteOrder);
  }

  async listLogs(): Promise<LogSummary[]> {
    const parts = [...(await this.parts())].flatMap(([log, ps]) => ps.map((part) => ({ log, part })));
    if (parts.length === 0) return [];
    const totals = new Map<string, LogSummary>();
    for (const rows of await this.onEachShard((s) => s.rows(sql.logCounts(this.db, parts))))
      for (const [log, events, cases] of rows as [string, string, string][]) {
        const t = totals.get(log) ?? { log, events: 0, cases: 0 };
        totals.set(log, { log, events: t.events + Number(events), cases: t.cases + Number(cases) });
      }
    return [...totals.values()].sort((a, b) => byteOrder(a.log, b.log));
  }

  removeLog(log: string): Promise<number> {
    return this.inTurn(async () => {
      await this.sweep();
      const other = await this.otherImport(log, []);
      if (other)
        throw new StoreBusyError(
          `clickhouse://${this.address.shards.join(',')}/${this.db}`,
          `importing into the log '${log}' since ${other.since} on the server's clock`,
        );
      const parts = (await this.parts()).get(log) ?? [];
      if (parts.length === 0) return 0;
      const events = (await this.listLogs()).find((l) => l.log === log)?.events ?? 0;
      // One insert, so one moment: the log is whole until then and gone after.
      await this.withdraw(parts.map((part) => ({ log, part })));
      return events;
    });
  }

  /** Marks imports withdrawn, in one insert, then drops their events. */
  private async withdraw(parts: { log: string; part: string }[]): Promise<void> {
    await this.catalog.run(
      sql.markParts(
        this.db,
        parts.map((p) => ({ ...p, present: 0 })),
      ),
    );
    await this.dropParts(parts.map((p) => p.part));
  }

  private async dropParts(parts: string[]): Promise<void> {
    await this.onEachShard(async (s) => {
      for (const part of parts) await s.run(sql.dropPart(this.db, part));
    });
  }

  /**
   * Drops the events of withdrawn imports that a shard still holds: one that was down when its
   * import failed, or when a log was removed, keeps them until a later write finds every shard up.
   */
  private async sweep(): Promise<void> {
    const withdrawn = new Set(
      ((await this.catalog.rows(sql.withdrawnParts(this.db))) as [string][]).map(([p]) => p),
    );
    if (withdrawn.size === 0) return;
    await this.onEachShard(async (s) => {
      const stored = ((await s.rows(sql.storedParts(this.db))) as [string][]).map(([p]) =>
        p.replace(/^'|'$/g, ''),
      );
      for (const part of stored.filter((p) => withdrawn.has(p))) await s.run(sql.dropPart(this.db, part));
    });
  }

  private async nextSeq(parts: string[]): Promise<number> {
    const rows = await this.onEachShard((s) => s.rows(sql.nextSeq(this.db, parts)));
    return Math.max(0, ...rows.map(([row]) => (Number(row?.[1] ?? 0) > 0 ? Number(row?.[0]) : 0)));
  }

  private async partCounts(part: string): Promise<{ events: number; cases: number }> {
    const rows = await this.onEachShard((s) => s.rows(sql.partCounts(this.db, part)));
    return rows.reduce(
      (t, [row]) => ({ events: t.events + Number(row?.[0] ?? 0), cases: t.cases + Number(row?.[1] ?? 0) }),
      { events: 0, cases: 0 },
    );
  }

  async importLog(file: string, options: LogImportOptions): Promise<LogImport> {
    const imported = await this.importParts(file, options);
    return withActivitiesNote(imported, await this.activityCount(options.log));
  }

  private importParts(file: string, options: LogImportOptions): Promise<LogImport> {
    return this.inTurn(() =>
      stagedImport(file, options, async (report, rows) => {
        await this.sweep();
        const log = options.log;
        const earlier = (await this.parts()).get(log) ?? [];
        const part = newPart();
        // Appended to a log, the events go in apart first, and only those that repeat no earlier one into the log's part.
        const staged = earlier.length > 0 ? newPart() : part;
        const begun = [...new Set([part, staged])].map((p) => ({ log, part: p }));
        let beating: NodeJS.Timeout | undefined;
        try {
          // Beating before it is named begun: another process never sees it begun without a heartbeat.
          beating = await this.beat(begun);
          // Begun before the first event is sent: whatever reaches a shard is named somewhere.
          await this.catalog.run(
            sql.markParts(
              this.db,
              begun.map((p) => ({ ...p, present: 2 })),
            ),
          );
          const other = await this.otherImport(
            log,
            begun.map((p) => p.part),
          );
          if (other)
            throw new LogImportError(
              `another import into the log '${log}' is under way (begun at ${other.since} on the ClickHouse server's clock); a log takes one import at a time, so nothing of this one was added`,
              'import again once the other has finished: linesight log list shows the log when it has',
            );
          const table = this.address.cluster === undefined ? 'events_local' : 'events';
          await this.catalog.insert(
            sql.insertEvents(this.db, table),
            rows(staged, earlier.length > 0 ? await this.nextSeq(earlier) : 0),
            {
              insert_distributed_sync: '1',
            },
          );
          if (earlier.length > 0)
            await this.onEachShard(async (s) => {
              await s.run(sql.copyNew(this.db, staged, part, earlier));
              await s.run(sql.dropPart(this.db, staged));
            });
          const counts = await this.partCounts(part);
          // One insert: the import counts (when it added events) and its staging part is withdrawn.
          await this.catalog.run(
            sql.markParts(
              this.db,
              begun.map((p) => ({ ...p, present: p.part === part && counts.events > 0 ? 1 : 0 })),
            ),
          );
          if (counts.events === 0) await this.dropParts([part]);
          return {
            ...report,
            events: counts.events,
            cases: counts.cases,
            log,
            duplicates: report.events - counts.events,
          };
        } catch (error) {
          // Named withdrawn, and dropped where the shards let it be (a later write sweeps the rest).
          await this.withdraw(begun).catch(() => undefined);
          if (error instanceof LogImportError) throw error;
          if (error instanceof ClickHouseError || error instanceof StoreOpenError)
            throw new LogImportError(
              `${options.label ?? file}: could not store it in ClickHouse: ${error.message}; nothing of it was added`,
              'check that every shard runs (scripts/clickhouse.sh status for the local one) and import again',
            );
          throw error;
        } finally {
          clearInterval(beating);
        }
      }),
    );
  }

  /** Writes a heartbeat for an import's parts now and every few seconds until the timer is cleared. */
  private async beat(parts: { log: string; part: string }[]): Promise<NodeJS.Timeout> {
    // Made here, not when the store is opened: a store made by an earlier version has none yet.
    await this.catalog.run(sql.createHeartbeatsLocal(this.db));
    await this.catalog.run(sql.heartbeat(this.db, parts));
    const timer = setInterval(
      () => void this.catalog.run(sql.heartbeat(this.db, parts)).catch(() => undefined),
      HEARTBEAT_SECONDS * 1000,
    );
    timer.unref();
    return timer;
  }

  /**
   * Another process's import into the log, under way (its heartbeat recent), and when it began:
   * an import or a removal then gives way (two imports would number their events alike and each
   * let the other's duplicates in). Imports whose heartbeat stopped died with their process: they
   * are withdrawn, their events dropped. Two imports that begin at the same moment may both give
   * way: neither adds anything, and the next attempt goes through. One without any heartbeat
   * (begun by a version before them) is left as it is.
   */
  private async otherImport(log: string, own: string[]): Promise<{ since: string } | undefined> {
    const others = (
      (await this.catalog.rows(sql.unfinishedImports(this.db, log))) as [string, string | null, string][]
    ).filter(([part]) => !own.includes(part));
    const live = others.find(([, age]) => age !== null && Number(age) <= STALE_SECONDS);
    if (live) return { since: live[2] };
    const dead = others.filter(([, age]) => age !== null).map(([part]) => ({ log, part }));
    if (dead.length > 0) await this.withdraw(dead);
    return undefined;
  }

  async discover(log: string, options: DiscoverOptions = {}): Promise<Discovery> {
    return clickHouseDiscover(await this.sharded(log), log, options);
  }

  private async sharded(log: string): Promise<ShardedLog> {
    return { servers: this.servers, db: this.db, parts: (await this.parts()).get(log) ?? [] };
  }

  async logProfile(log: string): Promise<LogProfile> {
    return clickHouseLogProfile(await this.sharded(log));
  }

  async mappedMoves(log: string, query: MovesQuery): Promise<MappedMoves> {
    return clickHouseMappedMoves(await this.sharded(log), query);
  }

  async lifecycleTimes(log: string): Promise<LifecycleGroup[]> {
    return clickHouseLifecycleTimes(await this.sharded(log));
  }

  async journeyRows(log: string): Promise<JourneyRows> {
    return clickHouseJourneyRows(await this.sharded(log));
  }

  /** Journey analytics' rows (clickhouse-journey-evidence.ts). */
  private readonly evidence: JourneyEvidenceSource = clickHouseJourneyEvidence((log) => this.sharded(log));
  readonly activityCount = (log: string) => this.evidence.activityCount(log);
  readonly journeyLog = (log: string) => this.evidence.journeyLog(log);
  readonly assistedChannels = (log: string) => this.evidence.assistedChannels(log);
  readonly contactCounts: JourneyEvidenceSource['contactCounts'] = (log, rule) =>
    this.evidence.contactCounts(log, rule);
  readonly channelSwitches = (log: string) => this.evidence.channelSwitches(log);
  readonly topicCounts: JourneyEvidenceSource['topicCounts'] = (log, rule, topic, windowUs) =>
    this.evidence.topicCounts(log, rule, topic, windowUs);
  readonly pairCounts: JourneyEvidenceSource['pairCounts'] = (log, rule, windowUs) =>
    this.evidence.pairCounts(log, rule, windowUs);
  readonly nonContactActivities: JourneyEvidenceSource['nonContactActivities'] = (log, rule) =>
    this.evidence.nonContactActivities(log, rule);
  readonly exposureCounts = (log: string, query: ExposureQuery) => this.evidence.exposureCounts(log, query);

  async close(): Promise<void> {
    await this.writes;
  }
}
