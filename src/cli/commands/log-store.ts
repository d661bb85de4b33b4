/**
 * The event store as the `linesight log` commands open it: to read (other readers may be at it
 * too), to write, or to create; why it cannot be opened said as the user's to fix (another process
 * holds it, there is none yet, it is no store), with exit code 1. `--db` names a DuckDB file,
 * `--store` a ClickHouse server or cluster; the commands not yet on ClickHouse say so.
 */
import {
  DEFAULT_STORE,
  type EventStore,
  isClickHouseStore,
  type LogStore,
  openLogStore,
  openStore,
  type StoreAccess,
  StoreBusyError,
  StoreOpenError,
} from '../../mining/index.js';
import { InputError, UsageError } from '../io.js';

export interface StoreOptions {
  db?: string;
  /** clickhouse://... */
  store?: string;
  log?: string;
  json?: boolean;
}

function explained(error: unknown): unknown {
  if (error instanceof StoreBusyError || error instanceof StoreOpenError)
    return new InputError(error.message, error.hint);
  return error;
}

/** The store named: --store (ClickHouse) or --db (DuckDB), not both. */
function storeName(options: StoreOptions): string {
  if (options.store === undefined) return options.db ?? DEFAULT_STORE;
  if (options.db !== undefined)
    throw new UsageError(
      '--db and --store name two stores: give one (--db a DuckDB file, --store clickhouse://...)',
    );
  if (!isClickHouseStore(options.store))
    throw new UsageError(
      `--store takes a ClickHouse address, clickhouse://HOST:PORT/DATABASE, not '${options.store}' (a DuckDB file goes with --db)`,
    );
  return options.store;
}

export async function openedLogStore(options: StoreOptions, access: StoreAccess): Promise<LogStore> {
  try {
    return await openLogStore(storeName(options), access);
  } catch (error) {
    throw explained(error);
  }
}

/** A `log` command that runs on either engine. */
export async function withLogStore<T>(
  options: StoreOptions,
  access: StoreAccess,
  run: (store: LogStore) => Promise<T>,
): Promise<T> {
  const store = await openedLogStore(options, access);
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

export async function opened(options: StoreOptions, access: StoreAccess): Promise<EventStore> {
  if (options.store !== undefined)
    throw new UsageError(
      'this command does not run on a ClickHouse store yet (import, list, remove, discover, conformance, calibrate and model do): use a DuckDB store with --db',
    );
  try {
    return await openStore(options.db ?? DEFAULT_STORE, { access });
  } catch (error) {
    throw explained(error);
  }
}

/** A `log` command that runs on the DuckDB store only. */
export async function withStore<T>(
  options: StoreOptions,
  access: StoreAccess,
  run: (store: EventStore) => Promise<T>,
): Promise<T> {
  const store = await opened(options, access);
  try {
    return await run(store);
  } finally {
    store.close();
  }
}
