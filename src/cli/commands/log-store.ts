/**
 * The event store as the `linesight log` commands open it: to read (other readers may be at it
 * too), to write, or to create; why it cannot be opened said as the user's to fix (another process
 * holds it, there is none yet, it is no store), with exit code 1. `--db` names a DuckDB file,
 * `--store` a ClickHouse server or cluster: every `log` command runs on either.
 */
// Each from its own module, not the mining index: a command loads only the parts it runs.
import { isClickHouseStore } from '../../mining/clickhouse-address.js';
import type { LogStore } from '../../mining/log-store.js';
import { openLogStore } from '../../mining/open-log-store.js';
import { DEFAULT_STORE, type StoreAccess } from '../../mining/store.js';
import { StoreBusyError } from '../../mining/store-busy.js';
import { StoreOpenError } from '../../mining/store-open-error.js';
import { TooManyActivitiesError } from '../../mining/too-many-activities.js';
import { InputError, UsageError } from '../io.js';

export interface StoreOptions {
  db?: string;
  /** clickhouse://... */
  store?: string;
  log?: string;
  json?: boolean;
}

function explained(error: unknown): unknown {
  if (
    error instanceof StoreBusyError ||
    error instanceof StoreOpenError ||
    error instanceof TooManyActivitiesError
  )
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
  } catch (error) {
    // A store found busy or out of reach mid-command (a ClickHouse import of the log under way
    // elsewhere, a server gone) is said like one found so when opened.
    throw explained(error);
  } finally {
    await store.close();
  }
}
