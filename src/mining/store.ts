/**
 * The event store: one embedded DuckDB database per workspace, one `events` view (of the table
 * `event_rows`, event-rows.ts) for every log imported into it. Timestamps are kept as
 * microseconds since the epoch (UTC) with the offset the source wrote, so that order is exact and
 * local time can be shown again; `seq` keeps the file order, which breaks ties as other tools do.
 */
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import {
  LOG_ID,
  logId,
  OPTIONAL_COLUMNS,
  type OptionalColumn,
  prepareEventRows,
  relationKinds,
  storedOptional,
  storeOptionalColumns,
} from './event-rows.js';
import { acquire, type Database, DEFAULT_STORE, type StoreAccess } from './store-databases.js';
import { limitBytes } from './store-memory.js';
import { StoreOpenError } from './store-open-error.js';
import { inTransaction } from './transaction.js';

export { DEFAULT_STORE, type StoreAccess };

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

/**
 * The events' table and view (event-rows.ts), made once, as the database opens (stores that made
 * them as they opened, at the same time on one database, clashed in its catalog); read-only, a
 * check that they are there.
 */
async function prepare(connection: DuckDBConnection, readOnly: boolean, path: string): Promise<void> {
  if (!readOnly) {
    await prepareEventRows(connection);
    return;
  }
  if (!(await relationKinds(connection)).has('events'))
    throw new StoreOpenError(
      `${path} is a DuckDB database but no linesight event store (it has no events table)`,
      'name the store with --db, or move this file away',
      false,
    );
}

const databases = new WeakMap<EventStore, Database>();

/**
 * Opens the store at `path`: `create` (the default) makes it when missing, `write` and `read`
 * need it to exist, and `read` lets other processes read it at the same time. Throws a
 * StoreBusyError when another process holds it, a StoreOpenError when it is missing or unreadable.
 * To write, it waits until the stores this process has open on it read-only are closed.
 */
export async function openStore(
  path: string = DEFAULT_STORE,
  options: { access?: StoreAccess } = {},
): Promise<EventStore> {
  const db = await acquire(path, options.access ?? 'create', prepare);
  let connection: DuckDBConnection;
  try {
    connection = await (await db.instance).connect();
  } catch (error) {
    db.release();
    throw error;
  }
  const store: EventStore = {
    connection,
    close: () => {
      connection.closeSync();
      db.release();
    },
  };
  databases.set(store, db);
  return store;
}

function databaseOf(store: EventStore): Database {
  const db = databases.get(store);
  if (!db) throw new Error('not a store from openStore');
  return db;
}

/**
 * Runs `write` when this process's earlier writes to the store's database are done: two imports
 * of one log at once would number their events alike, and a removal during an import would miss
 * what the import has not yet committed. Not to be nested: the inner one would wait for ever.
 */
export function inWriteTurn<T>(store: EventStore, write: () => Promise<T>): Promise<T> {
  const db = databaseOf(store);
  const turn = db.writes.then(write);
  db.writes = turn.catch(() => undefined);
  return turn;
}

/**
 * Closes a store and, when it was made by this open and holds no event, removes it with the
 * folders made for it: an import that failed into a new store leaves nothing behind. While other
 * stores of this process share its database, it is only closed.
 */
export async function closeRemovingEmptyNew(store: EventStore): Promise<void> {
  const db = databaseOf(store);
  try {
    if (db.made && db.stores === 1) {
      db.draining = true;
      const [row] = await queryRows(store, 'select not exists (select 1 from events) as empty');
      if (row?.empty === true) {
        // Everything into the file, so that closing it writes no log beside it.
        await store.connection.run('checkpoint');
        db.discardOnClose();
      }
    }
  } finally {
    store.close();
  }
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

/**
 * Characters of text held in the appender before it is flushed whatever its rows: it fills a
 * chunk of 2,048 rows in native memory before it writes one, outside V8's heap and DuckDB's
 * memory limit, and 2,048 events of a megabyte each took 7 GB (a 3 MB gzip upload).
 */
const FLUSH_CHARS = 16 << 20;

/** Appends rows of one log, numbering them after what the log already holds. */
export class EventWriter {
  private held = 0;

  private constructor(
    private readonly appender: DuckDBAppender,
    /** The log's number in `event_logs`. */
    private readonly log: number,
    private seq: number,
    /** The row's optional fields in the order `event_rows` holds them. */
    private readonly optional: readonly OptionalColumn[],
  ) {}

  /** Within the import's transaction: every optional column is added to the store (an XES log may fill any). */
  static async open(store: EventStore, log: string): Promise<EventWriter> {
    const next = await nextSeq(store, log);
    await storeOptionalColumns(store.connection, OPTIONAL_COLUMNS);
    const optional = await storedOptional(store.connection);
    const id = await logId(store.connection, log);
    return new EventWriter(await store.connection.createAppender('event_rows'), id, next, optional);
  }

  write(row: EventRow): void {
    const a = this.appender;
    a.appendInteger(this.log);
    a.appendBigInt(BigInt(this.seq++));
    a.appendVarchar(row.caseId);
    a.appendVarchar(row.activity);
    a.appendBigInt(row.timestamp);
    if (row.offset === null) a.appendNull();
    else a.appendInteger(row.offset);
    for (const column of this.optional) this.text(row[column]);
    a.endRow();
    this.held += row.caseId.length + row.activity.length;
    if (this.held > FLUSH_CHARS) {
      a.flushSync();
      this.held = 0;
    }
  }

  private text(v: string | null): void {
    if (v === null) this.appender.appendNull();
    else {
      this.appender.appendVarchar(v);
      this.held += v.length;
    }
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

/**
 * Removes the events of a log from `fromSeq` on that repeat an earlier import's (same case,
 * activity, time and lifecycle): appending a file twice must not count its events twice.
 */
export async function removeDuplicates(store: EventStore, log: string, fromSeq: number): Promise<number> {
  // A log's first import has nothing earlier to repeat.
  if (fromSeq === 0) return 0;
  // Counted by DuckDB, not by `returning`: returning a row per event took 8 s for 300,000, against 0.4 s.
  // On the table, not the view, which cannot be deleted from; lifecycles compared where it holds them.
  const lifecycle = (await storedOptional(store.connection)).includes('lifecycle')
    ? 'and o.lifecycle is not distinct from e.lifecycle'
    : '';
  const result = await store.connection.run(
    `delete from event_rows e where e.log_id = ${LOG_ID} and e.seq >= $from and exists (
       select 1 from event_rows o where o.log_id = e.log_id and o.seq < $from and o.case_id = e.case_id and o.activity = e.activity
         and o.ts_us = e.ts_us ${lifecycle})`,
    { log, from: fromSeq },
  );
  return Number(result.rowsChanged);
}

/** Removes a log and every event of it, after any write under way; the number of events removed. */
export function removeLog(store: EventStore, log: string): Promise<number> {
  return inWriteTurn(store, () =>
    inTransaction(store.connection, async () => {
      const removed = await store.connection.run(`delete from event_rows where log_id = ${LOG_ID}`, { log });
      await store.connection.run('delete from event_logs where name = $log', { log });
      return Number(removed.rowsChanged);
    }),
  );
}

export async function hasLog(store: EventStore, log: string): Promise<boolean> {
  return (await queryRows(store, 'select 1 from events where log = $log limit 1', { log })).length > 0;
}

/** The logs' names in byte order, as listLogs gives them. */
export async function logNames(store: EventStore): Promise<string[]> {
  return (await queryRows(store, 'select distinct log from events order by log')).map((r) => String(r.log));
}

export async function listLogs(store: EventStore): Promise<{ log: string; events: number; cases: number }[]> {
  const rows = (
    await store.connection.runAndReadAll(
      'select log, count(*) as events, count(distinct case_id) as cases from events group by log order by log',
    )
  ).getRowObjectsJS();
  return rows.map((r) => ({ log: String(r.log), events: Number(r.events), cases: Number(r.cases) }));
}

/** Customers with events of the log from `fromSeq` on: those an import added. */
export async function customersFrom(store: EventStore, log: string, fromSeq: number): Promise<number> {
  const [row] = await queryRows(
    store,
    'select count(distinct case_id) as n from events where log = $log and seq >= $from',
    { log, from: fromSeq },
  );
  return Number(row?.n ?? 0);
}

/** The bytes DuckDB may hold before it spills (see store-memory.ts); NaN when it does not say. */
export async function memoryLimitBytes(store: EventStore): Promise<number> {
  const [setting] = await queryRows(store, "select current_setting('memory_limit') as m");
  return limitBytes(String(setting?.m ?? ''));
}

export async function nextSeq(store: EventStore, log: string): Promise<number> {
  const [row] = await queryRows(store, 'select coalesce(max(seq) + 1, 0) as n from events where log = $log', {
    log,
  });
  return Number(row?.n ?? 0);
}
