/** Mining as the CLI and the server use it. */
export { type Calibration, calibrate } from './calibrate.js';
export { type Conformance, conformance, mapActivities } from './conformance.js';
export { type Discovery, discover } from './discover.js';
export { type CsvColumns, CsvMappingError, importCsv } from './import-csv.js';
export { importOcel } from './import-ocel.js';
export { type ImportProblem, type ImportReport, importXes } from './import-xes.js';
export { type JourneyAnalytics, journeyAnalytics } from './journeys.js';
export {
  DEFAULT_STORE,
  discardImport,
  type EventStore,
  EventWriter,
  listLogs,
  nextSeq,
  openStore,
  parseTimestamp,
  removeDuplicates,
} from './store.js';
