/**
 * The event store: one embedded DuckDB database per workspace, one `events` table for every log
 * imported into it. Timestamps are kept as microseconds since the epoch (UTC) with the offset the
 * source wrote, so that order is exact and local time can be shown again; `seq` keeps the file
 * order, which breaks ties as other tools do.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type DuckDBAppender, type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

export interface EventRow {
  caseId: string;
  activity: string;
  /** Microseconds since 1970-01-01 UTC. */
  timestamp: bigint;
  /** Minutes east of UTC as written in the source, or null when it named none. */
  offset: number | null;
  lifecycle: string | null;
  resource: string | null;
  channel: string | null;
  segment: string | null;
  /** Every other attribute of the event and its case, as JSON. */
  attributes: string | null;
}

export interface EventStore {
  connection: DuckDBConnection;
  close(): void;
}

export const DEFAULT_STORE = '.linesight/events.duckdb';

const SCHEMA = `
create table if not exists events (
  log varchar not null,
  seq bigint not null,
  case_id varchar not null,
  activity varchar not null,
  ts_us bigint not null,
  tz_offset_min integer,
  lifecycle varchar,
  resource varchar,
  channel varchar,
  segment varchar,
  attributes json
)`;

/**
 * The databases open in this process, one per file, with how many stores share each. The server
 * opens a store per request, often several at once: two DuckDB instances on one file do not see
 * each other's writes and can corrupt it. The count is kept in JS, in step, so that the last store
 * to close closes the database before anyone can open it again.
 */
const open = new Map<string, { instance: Promise<DuckDBInstance>; stores: number }>();

/**
 * A new database with the events table. The table is made once, when the database opens: stores
 * that made it as they opened, at the same time on one database, clashed in its catalog.
 */
async function created(path: string): Promise<DuckDBInstance> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  try {
    await connection.run(SCHEMA);
  } finally {
    connection.closeSync();
  }
  return instance;
}

async function database(path: string): Promise<{ instance: DuckDBInstance; release: () => void }> {
  if (path === ':memory:') {
    const instance = await created(path);
    return { instance, release: () => instance.closeSync() };
  }
  const key = resolve(path);
  let entry = open.get(key);
  if (!entry) {
    entry = { instance: created(path), stores: 0 };
    open.set(key, entry);
  }
  entry.stores++;
  const shared = entry;
  const instance = await shared.instance;
  return {
    instance,
    release: () => {
      if (--shared.stores > 0) return;
      if (open.get(key) === shared) open.delete(key);
      instance.closeSync();
    },
  };
}

export async function openStore(path: string = DEFAULT_STORE): Promise<EventStore> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const { instance, release } = await database(path);
  const connection = await instance.connect();
  return {
    connection,
    close: () => {
      connection.closeSync();
      release();
    },
  };
}

/**
 * The rows a query gives, as plain objects. Of `params`, only those the statement names ($log) are
 * bound: DuckDB refuses a parameter a statement does not use.
 */
export async function queryRows(
  store: EventStore,
  sql: string,
  params: Record<string, string | number> = {},
): Promise<Record<string, unknown>[]> {
  const used = Object.fromEntries(Object.entries(params).filter(([name]) => sql.includes(`$${name}`)));
  const reader = await store.connection.runAndReadAll(sql, Object.keys(used).length > 0 ? used : undefined);
  return reader.getRowObjectsJS();
}

/** Appends rows of one log, numbering them after what the log already holds. */
export class EventWriter {
  private constructor(
    private readonly appender: DuckDBAppender,
    private readonly log: string,
    private seq: number,
  ) {}

  static async open(store: EventStore, log: string): Promise<EventWriter> {
    const next = await nextSeq(store, log);
    return new EventWriter(await store.connection.createAppender('events'), log, next);
  }

  write(row: EventRow): void {
    const a = this.appender;
    a.appendVarchar(this.log);
    a.appendBigInt(BigInt(this.seq++));
    a.appendVarchar(row.caseId);
    a.appendVarchar(row.activity);
    a.appendBigInt(row.timestamp);
    if (row.offset === null) a.appendNull();
    else a.appendInteger(row.offset);
    for (const v of [row.lifecycle, row.resource, row.channel, row.segment, row.attributes]) {
      if (v === null) a.appendNull();
      else a.appendVarchar(v);
    }
    a.endRow();
  }

  get written(): number {
    return this.seq;
  }

  private closed = false;

  /** Flushes what was written; safe to call again (an error path closes before discarding). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.appender.flushSync();
    this.appender.closeSync();
  }
}

/** Takes back a failed import: every event it appended has a seq from `fromSeq` on. */
export async function discardImport(store: EventStore, log: string, fromSeq: number): Promise<void> {
  await store.connection.run('delete from events where log = $log and seq >= $from', { log, from: fromSeq });
}

/**
 * Removes the events of a log from `fromSeq` on that repeat an earlier import's (same case,
 * activity, time and lifecycle): appending a file twice must not count its events twice.
 */
export async function removeDuplicates(store: EventStore, log: string, fromSeq: number): Promise<number> {
  // A log's first import has nothing earlier to repeat.
  if (fromSeq === 0) return 0;
  const reader = await store.connection.runAndReadAll(
    `delete from events e where e.log = $log and e.seq >= $from and exists (
       select 1 from events o where o.log = e.log and o.seq < $from and o.case_id = e.case_id and o.activity = e.activity
         and o.ts_us = e.ts_us and o.lifecycle is not distinct from e.lifecycle)
     returning 1`,
    { log, from: fromSeq },
  );
  return reader.currentRowCount;
}

/** Removes a log and every event of it; the number of events removed. */
export async function removeLog(store: EventStore, log: string): Promise<number> {
  const reader = await store.connection.runAndReadAll('delete from events where log = $log returning 1', {
    log,
  });
  return reader.currentRowCount;
}

export async function listLogs(store: EventStore): Promise<{ log: string; events: number; cases: number }[]> {
  const rows = (
    await store.connection.runAndReadAll(
      'select log, count(*) as events, count(distinct case_id) as cases from events group by log order by log',
    )
  ).getRowObjectsJS();
  return rows.map((r) => ({ log: String(r.log), events: Number(r.events), cases: Number(r.cases) }));
}

export async function nextSeq(store: EventStore, log: string): Promise<number> {
  const [row] = await queryRows(store, 'select coalesce(max(seq) + 1, 0) as n from events where log = $log', {
    log,
  });
  return Number(row?.n ?? 0);
}
