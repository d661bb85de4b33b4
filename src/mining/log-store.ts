/**
 * The event store as the `log` commands use it, whichever engine holds the events: the embedded
 * DuckDB file (the default) or a ClickHouse server or cluster. Both give the same answers, byte
 * for byte once written as JSON.
 */
import type { DiscoverOptions, Discovery } from './discover.js';
import type { LogImport, LogImportOptions } from './import-log.js';
import type { JourneyEvidenceSource } from './journey-evidence.js';
import type { JourneyRowsSource, LifecycleGroup } from './journey-rows.js';
import type { LogProfile } from './log-profile.js';
import type { MappedMoves, MovesQuery } from './mapped-moves.js';
import type { ActivityCount } from './too-many-activities.js';

export interface LogSummary {
  log: string;
  events: number;
  cases: number;
}

/** What conformance and calibration read from a store: aggregated rows, the same on either engine. */
export interface FitCounts extends ActivityCount {
  logProfile(log: string): Promise<LogProfile>;
  mappedMoves(log: string, query: MovesQuery): Promise<MappedMoves>;
  /** Start to complete of each activity (its n-th start with its n-th complete, per customer). */
  lifecycleTimes(log: string): Promise<LifecycleGroup[]>;
}

/**
 * A model discovered from a log reads the rows of JourneyRowsSource and the profile of FitCounts;
 * journey analytics read those of JourneyEvidenceSource.
 */
export interface LogStore extends FitCounts, JourneyRowsSource, JourneyEvidenceSource {
  readonly engine: 'duckdb' | 'clickhouse';
  /** One file into one log, all of it or nothing (see importLog). */
  importLog(file: string, options: LogImportOptions): Promise<LogImport>;
  /** Whether the store holds the log: on ClickHouse from the list of imports alone, counting no event. */
  hasLog(log: string): Promise<boolean>;
  /** The logs' names, in name order, counting no event. */
  logNames(): Promise<string[]>;
  /** Every log with its events and customers, in name order. */
  listLogs(): Promise<LogSummary[]>;
  /** Removes a log; the number of events it held. */
  removeLog(log: string): Promise<number>;
  discover(log: string, options?: DiscoverOptions): Promise<Discovery>;
  /** Closes it; `keepEmpty: false` removes a store this open made and nothing went into. */
  close(options?: { keepEmpty: boolean }): Promise<void>;
}
