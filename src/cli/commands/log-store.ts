/**
 * The event store as the `linesight log` commands open it: to read (other readers may be at it
 * too), to write, or to create; why it cannot be opened said as the user's to fix (another process
 * holds it, there is none yet, it is no store), with exit code 1.
 */
import {
  DEFAULT_STORE,
  type EventStore,
  openStore,
  type StoreAccess,
  StoreBusyError,
  StoreOpenError,
} from '../../mining/index.js';
import { InputError } from '../io.js';

export interface StoreOptions {
  db?: string;
  log?: string;
  json?: boolean;
}

export async function opened(options: StoreOptions, access: StoreAccess): Promise<EventStore> {
  try {
    return await openStore(options.db ?? DEFAULT_STORE, { access });
  } catch (error) {
    if (error instanceof StoreBusyError || error instanceof StoreOpenError)
      throw new InputError(error.message, error.hint);
    throw error;
  }
}

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
