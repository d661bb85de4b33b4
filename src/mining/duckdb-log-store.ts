/** The embedded DuckDB store behind the LogStore interface, as the `log` commands used it before. */
import { discover } from './discover.js';
import { fitCounts } from './duckdb-fit-counts.js';
import { journeyEvidence } from './duckdb-journey-evidence.js';
import { duckDbJourneyRows } from './duckdb-journey-rows.js';
import { importLog } from './import-log.js';
import type { LogStore } from './log-store.js';
import {
  closeRemovingEmptyNew,
  type EventStore,
  hasLog,
  listLogs,
  logNames,
  openStore,
  removeLog,
  type StoreAccess,
} from './store.js';

export async function openDuckDbLogStore(
  path: string,
  access: StoreAccess,
): Promise<LogStore & { store: EventStore }> {
  const store = await openStore(path, { access });
  return {
    engine: 'duckdb',
    store,
    importLog: (file, options) => importLog(store, file, options),
    hasLog: (log) => hasLog(store, log),
    logNames: () => logNames(store),
    listLogs: () => listLogs(store),
    removeLog: (log) => removeLog(store, log),
    discover: (log, options) => discover(store, log, options),
    ...fitCounts(store),
    journeyRows: (log) => duckDbJourneyRows(store, log),
    ...journeyEvidence(store),
    close: async (options = { keepEmpty: true }) => {
      if (options.keepEmpty) store.close();
      else await closeRemovingEmptyNew(store);
    },
  };
}
