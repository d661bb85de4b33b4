/**
 * The embedded DuckDB store behind the LogStore interface, as the `log` commands used it before.
 * Each kind of work loads its modules at its first call: `log discover` need not load the import's
 * (CSV, XES, OCEL), nor `log import` the journeys' and fits' ones; loading them all took 14 ms of
 * every `log` command's start (193 against 179 ms for a discover on a tiny store).
 */
import type { JourneyEvidenceSource } from './journey-evidence.js';
import type { JourneyRowsSource } from './journey-rows.js';
import type { FitCounts, LogStore } from './log-store.js';
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

type Method = (...args: never[]) => Promise<unknown>;

/**
 * Methods named by `names` that load `source` at the first call of any of them and call its own.
 * The names are a record of every key, so that a method added to the interface and not here is a
 * type error rather than a method missing at run time.
 */
function later<T extends { [K in keyof T]: Method }>(
  source: () => Promise<T>,
  names: Record<keyof T, true>,
): T {
  let loaded: Promise<T> | undefined;
  const methods: Partial<Record<keyof T, Method>> = {};
  for (const name of Object.keys(names) as (keyof T)[])
    methods[name] = async (...args: never[]) => {
      loaded ??= source();
      const target = await loaded;
      return target[name](...args);
    };
  return methods as T;
}

export async function openDuckDbLogStore(
  path: string,
  access: StoreAccess,
): Promise<LogStore & { store: EventStore }> {
  const store = await openStore(path, { access });
  const fits = later<FitCounts>(async () => (await import('./duckdb-fit-counts.js')).fitCounts(store), {
    activityCount: true,
    logProfile: true,
    mappedMoves: true,
    lifecycleTimes: true,
  });
  const evidence = later<JourneyEvidenceSource>(
    async () => (await import('./duckdb-journey-evidence.js')).journeyEvidence(store),
    {
      activityCount: true,
      journeyLog: true,
      assistedChannels: true,
      contactCounts: true,
      channelSwitches: true,
      topicCounts: true,
      pairCounts: true,
      nonContactActivities: true,
      exposureCounts: true,
    },
  );
  const rows = later<JourneyRowsSource>(
    async () => {
      const { duckDbJourneyRows } = await import('./duckdb-journey-rows.js');
      return { journeyRows: (log) => duckDbJourneyRows(store, log) };
    },
    { journeyRows: true },
  );
  return {
    engine: 'duckdb',
    store,
    importLog: async (file, options) => (await import('./import-log.js')).importLog(store, file, options),
    hasLog: (log) => hasLog(store, log),
    logNames: () => logNames(store),
    listLogs: () => listLogs(store),
    removeLog: (log) => removeLog(store, log),
    discover: async (log, options) => (await import('./discover.js')).discover(store, log, options),
    ...fits,
    ...rows,
    ...evidence,
    close: async (options = { keepEmpty: true }) => {
      if (options.keepEmpty) store.close();
      else await closeRemovingEmptyNew(store);
    },
  };
}
