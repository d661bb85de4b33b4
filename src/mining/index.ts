/** Mining as the CLI and the server use it. */

export { type LogToSteps, mapLogToSteps, type StepMapping } from './activity-mapping.js';
export { type Calibration, calibrate } from './calibrate.js';
export { isClickHouseStore } from './clickhouse-address.js';
export { type Conformance, conformance } from './conformance.js';
export { type Discovery, discover } from './discover.js';
export { type CsvColumns, columnsFrom, importCsv } from './import-csv.js';
export { importLog, type LogImport, type LogImportOptions } from './import-log.js';
export { importOcel } from './import-ocel.js';
export { importOcelSqlite } from './import-ocel-sqlite.js';
export { importOcelXml } from './import-ocel-xml.js';
export type { ImportProblem, ImportReport } from './import-report.js';
export { importXes } from './import-xes.js';
export { type JourneyOptionText, readJourneyOptions } from './journey-options.js';
export { type Effect, type Finding, type JourneyAnalytics, journeyAnalytics } from './journeys.js';
export { edgesKept, MOST_EDGES } from './kept-counts.js';
export { formatOf, LOG_FORMATS, type LogFormat, logNameOf } from './log-format.js';
export { LogImportError } from './log-import-error.js';
export { discoverLogModel, type LogModel, type LogModelOptions } from './log-model.js';
export { LogModelError } from './log-model-error.js';
export type { LogStore, LogSummary } from './log-store.js';
export { openLogStore } from './open-log-store.js';
export {
  closeRemovingEmptyNew,
  DEFAULT_STORE,
  type EventStore,
  EventWriter,
  listLogs,
  nextSeq,
  openStore,
  removeDuplicates,
  removeLog,
  type StoreAccess,
} from './store.js';
export { StoreBusyError } from './store-busy.js';
export { StoreOpenError } from './store-open-error.js';
export { parseTimestamp } from './timestamp-text.js';
export { MOST_ANALYSED_ACTIVITIES, TooManyActivitiesError } from './too-many-activities.js';
