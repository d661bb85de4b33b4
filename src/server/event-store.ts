/**
 * The event store behind the server's log routes: the workspace's DuckDB file, or the ClickHouse
 * server or cluster `linesight serve --store clickhouse://...` names. Every log route runs on
 * either (the LogStore interface): upload and import, list, remove, discover, conformance,
 * calibration, a model from a log and journey analytics.
 */

import { ClickHouseError, TIMEOUT_EXCEEDED } from '../mining/clickhouse-http.js';
import type { LogStore, StoreAccess } from '../mining/index.js';
import { StoreOpenError } from '../mining/store-open-error.js';
import { LIMIT_OPTIONS } from './options.js';
import { tookTooLong } from './took-too-long.js';
import type { Workspace } from './workspace.js';

/** The store and its engines load on the first request that needs them, not when the server starts. */
const mining = () => import('../mining/index.js');

export interface ServerEventStore {
  readonly engine: 'duckdb' | 'clickhouse';
  /**
   * Runs `use` on the store opened as asked; `none` when the store is not there yet (given only
   * where the store is read, as creating it makes it be there). A DuckDB store is opened for each request (a `linesight log` command may hold it in
   * between); a store this request made and filled with nothing is not left behind.
   */
  with<T>(access: StoreAccess, use: (store: LogStore) => Promise<T>, none?: () => T): Promise<T>;
  /** Waits for writes under way and lets the store go. */
  close(): Promise<void>;
}

/**
 * `timeout`: milliseconds a request's work may take (--request-timeout). On a DuckDB store its
 * queries are interrupted past them; on ClickHouse each query is stopped by the server past them
 * (in whole seconds, ClickHouse's unit). Either way the request is answered 503, and a write
 * stopped is rolled back whole, as an import that fails is.
 */
export function serverEventStore(
  workspace: Workspace,
  store: string | undefined,
  timeout: number,
): ServerEventStore {
  return store === undefined ? duckDbStore(workspace, timeout) : clickHouseStore(store, timeout);
}

const tookTooLongOnLogs = (timeout: number) =>
  tookTooLong(timeout, LIMIT_OPTIONS.requestTimeout, 'a smaller log, or one segment or channel of it');

/** How often a request past its time interrupts its connection: a query started after one interrupt meets the next. */
const INTERRUPT_EVERY_MS = 20;

const TOO_LATE = Symbol('too late');

/**
 * What `pending` settles to, if it does within `ms`; else TOO_LATE, and `late` is given what it
 * settles to after (a failure then has nobody to tell).
 */
async function inTime<S>(
  pending: Promise<S>,
  ms: number,
  late: (value: S) => unknown,
): Promise<S | typeof TOO_LATE> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<typeof TOO_LATE>((done) => {
    timer = setTimeout(() => done(TOO_LATE), ms);
  });
  try {
    const first = await Promise.race([pending, expired]);
    if (first === TOO_LATE) pending.then(late).catch(() => undefined);
    return first;
  } finally {
    clearTimeout(timer);
  }
}

function duckDbStore(workspace: Workspace, timeout: number): ServerEventStore {
  const path = () => workspace.dataFile('events.duckdb');
  /** Reads open the store read-only, so that a `linesight log` command can read it at the same time. */
  const opened = async <S>(open: () => Promise<S>, canBeMissing: boolean): Promise<S | undefined> => {
    try {
      return await open();
    } catch (error) {
      if (canBeMissing && error instanceof StoreOpenError && error.missing) return undefined;
      throw error;
    }
  };
  return {
    engine: 'duckdb',
    async with(access, use, none) {
      const started = performance.now();
      const keepEmpty = access !== 'create';
      const { openDuckDbLogStore } = await import('../mining/duckdb-log-store.js');
      // Opening can wait: a write for this server's reads of the store to end. The wait counts
      // against the request's time, and a store that opens after the request gave up is let go.
      const store = await inTime(
        opened(() => openDuckDbLogStore(path(), access), none !== undefined),
        timeout,
        (late) => late?.close({ keepEmpty }),
      );
      if (store === TOO_LATE) throw tookTooLongOnLogs(timeout);
      if (store === undefined) return (none as NonNullable<typeof none>)();
      const interrupt = () => store.store.connection.interrupt();
      let interrupting: NodeJS.Timeout | undefined;
      const deadline = setTimeout(
        () => {
          interrupt();
          interrupting = setInterval(interrupt, INTERRUPT_EVERY_MS);
        },
        Math.max(0, timeout - (performance.now() - started)),
      );
      try {
        return await use(store);
      } catch (error) {
        if (interrupting === undefined) throw error;
        throw tookTooLongOnLogs(timeout);
      } finally {
        clearTimeout(deadline);
        clearInterval(interrupting);
        await store.close({ keepEmpty });
      }
    },
    close: async () => undefined,
  };
}

/**
 * One ClickHouse store for the server's life, opened on the first request that finds it (or
 * creates it): it holds no connection, and its imports take turns, so that two uploads into one
 * log at once do not number their events alike.
 */
function clickHouseStore(address: string, timeout: number): ServerEventStore {
  const maxSeconds = Math.max(1, Math.ceil(timeout / 1000));
  let store: LogStore | undefined;
  let opening: Promise<unknown> = Promise.resolve();
  const open = (access: StoreAccess): Promise<LogStore> => {
    const turn = opening.then(async () => {
      store ??= await (await mining()).openLogStore(address, access, { maxSeconds });
      return store;
    });
    opening = turn.catch(() => undefined);
    return turn;
  };
  return {
    engine: 'clickhouse',
    async with(access, use, none) {
      let opened: LogStore;
      try {
        opened = await open(access);
      } catch (error) {
        if (none && error instanceof StoreOpenError && error.missing) return none();
        throw error;
      }
      return use(opened).catch((error: unknown) => {
        if (error instanceof ClickHouseError && error.code === TIMEOUT_EXCEEDED)
          throw tookTooLongOnLogs(timeout);
        throw error;
      });
    },
    close: async () => {
      await opening;
      await store?.close();
    },
  };
}
