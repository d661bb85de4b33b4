/**
 * One way in for every log format, used alike by the library, the CLI and the server: the format
 * by its file name (or as given), the importer for it, duplicates already in the store taken out,
 * all in one transaction: on any failure, or a kill at any moment, the store holds the log as it
 * was before or as it is after, never a part of the file nor its events twice; a failure comes
 * with an error that says what to fix.
 */
import { statSync } from 'node:fs';
import { problemText, regularFileProblem } from '../model/read-file.js';
import { plural } from '../text/plural.js';
import { withActivitiesNote } from './activities-note.js';
import { duckDbActivityCount } from './duckdb-activity-count.js';
import {
  type CsvColumns,
  dropStagedCsv,
  type StagedCsv,
  type StoredCsv,
  stageCsv,
  storeStagedCsv,
} from './import-csv.js';
import type { ImportReport } from './import-report.js';
import { formatOf, LOG_FORMATS, type LogFormat } from './log-format.js';
import { LogImportError } from './log-import-error.js';
import {
  customersFrom,
  type EventStore,
  EventWriter,
  inWriteTurn,
  nextSeq,
  removeDuplicates,
} from './store.js';
import { inTransaction } from './transaction.js';

export interface LogImportOptions {
  log: string;
  /** By the file name when absent (see formatOf). */
  format?: LogFormat;
  onError: 'skip' | 'fail';
  /** Which column (CSV) or attribute (XES: channel and segment) plays each role. */
  columns?: CsvColumns;
  /** XES: keep only these lifecycle transitions (e.g. complete). */
  lifecycle?: string[];
  /** OCEL: the object type that is the case. */
  caseType?: string;
  /** What to call the file in messages (an upload's name rather than where it was saved). */
  label?: string;
  onProgress?: (fraction: number) => void;
  /** XES: the most bytes of XML to read, gzip undone (the server's bound on an upload). */
  maxBytes?: number;
}

export interface LogImport extends ImportReport {
  log: string;
  /** Events already in the store from an earlier import, not added again. */
  duplicates: number;
}

const EMPTY_HINTS: Record<LogFormat, string> = {
  csv: 'a CSV log has a header row, then one row per event',
  xes: 'an XES log is a <log> element holding <trace> elements with their <event>s',
  'ocel-json': 'an OCEL 2.0 log is a JSON object with objectTypes, eventTypes, objects and events',
  'ocel-xml': 'an OCEL 2.0 XML log is a <log> element with object-types, event-types, objects and events',
  'ocel-sqlite':
    'an OCEL 2.0 SQLite log is a database with the tables event, object, event_object and others',
};

const HINTS: Record<LogFormat, string> = {
  csv: 'check that the file is CSV with a header row',
  xes: 'check that the file is XES (IEEE 1849) and complete',
  'ocel-json': 'check that the file is OCEL 2.0 JSON (objectTypes, eventTypes, objects, events)',
  'ocel-xml': 'check that the file is OCEL 2.0 XML (<log> with object-types, event-types, objects, events)',
  'ocel-sqlite': 'check that the file is an OCEL 2.0 SQLite database',
};

// Each reader is loaded when its format comes: with the ClickHouse store's modules, the XML parser
// and the OCEL readers took about 20 ms of every command that opens a store (`log list` 0.23 →
// 0.20 s), and CSV needs none of them.
const OCEL_READERS = {
  'ocel-json': async () => (await import('./import-ocel.js')).importOcel,
  'ocel-xml': async () => (await import('./import-ocel-xml.js')).importOcelXml,
  'ocel-sqlite': async () => (await import('./import-ocel-sqlite.js')).importOcelSqlite,
};

async function importByFormat(
  store: EventStore,
  file: string,
  format: LogFormat,
  o: LogImportOptions,
  staged?: StagedCsv,
): Promise<StoredCsv> {
  if (format === 'csv')
    return storeStagedCsv(store, file, o.log, {
      ...staged,
      onError: o.onError,
      ...(o.columns ? { columns: o.columns } : {}),
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    });
  const reader = OCEL_READERS[format as keyof typeof OCEL_READERS];
  if (reader) {
    const read = await reader();
    const report = await read(store, file, o.log, o.caseType ? { caseType: o.caseType } : {});
    const first = report.problems[0];
    if (o.onError === 'fail' && first)
      throw new LogImportError(
        `${file}, ${first.line ? `line ${first.line}, ` : ''}${first.field}: ${first.message}`,
        `${plural(report.problems.length, 'event has', 'events have')} problems; fix them, or import with --on-error skip`,
      );
    return report;
  }
  const size = statSync(file).size;
  const { importXes } = await import('./import-xes.js');
  const writer = await EventWriter.open(store, o.log);
  try {
    return await importXes(file, writer, {
      onError: o.onError,
      ...(o.lifecycle ? { lifecycle: o.lifecycle } : {}),
      ...(o.columns?.channel ? { channelKey: o.columns.channel } : {}),
      ...(o.columns?.segment ? { segmentKey: o.columns.segment } : {}),
      ...(o.maxBytes !== undefined ? { maxBytes: o.maxBytes } : {}),
      ...(o.onProgress ? { onProgress: (bytes: number) => o.onProgress?.(size ? bytes / size : 1) } : {}),
    });
  } finally {
    writer.close();
  }
}

export async function importLog(
  store: EventStore,
  file: string,
  options: LogImportOptions,
): Promise<LogImport> {
  const imported = await importEvents(store, file, options);
  return withActivitiesNote(imported, await duckDbActivityCount(store, options.log));
}

/**
 * An option of another format is refused, not left unread: `--lifecycle complete` on a CSV, or
 * `--case-type` on an XES, imported every event as if it had not been given.
 */
function refuseOptionsOfOtherFormats(label: string, format: LogFormat, options: LogImportOptions): void {
  if (options.lifecycle && format !== 'xes')
    throw new LogImportError(
      `${label} is ${format.startsWith('ocel-') ? 'OCEL' : format.toUpperCase()}, not XES: it has no lifecycle transitions for --lifecycle to keep`,
      'leave out --lifecycle (it keeps the transitions of an XES log)',
    );
  if (options.caseType && !format.startsWith('ocel-'))
    throw new LogImportError(
      `${label} is ${format.toUpperCase()}, not OCEL: it has no object types for --case-type to name`,
      'leave out --case-type (it names the object type that is the case in an OCEL 2.0 log)',
    );
}

/**
 * The import without the note on the log's activities: what staging for another engine uses
 * (staged-import.ts), whose store counts the activities of the whole log, not of the file.
 */
export async function importEvents(
  store: EventStore,
  file: string,
  options: LogImportOptions,
): Promise<LogImport> {
  const label = options.label ?? file;
  // Not a folder, a FIFO or a device: the readers would fail on it, block or read for ever. Checked
  // first: a folder named as the log is no file of the wrong format.
  const problem = regularFileProblem(file);
  if (problem) throw new LogImportError(problemText(label, problem), problem.hint);
  const format = options.format ?? formatOf(file);
  if (!format)
    throw new LogImportError(
      `cannot import ${label}: linesight reads .xes, .xes.gz, .csv and OCEL 2.0 (.jsonocel, .xmlocel, .sqlite)`,
      `rename the file to its format, or name the format with --format ${LOG_FORMATS.join('|')}`,
    );
  refuseOptionsOfOtherFormats(label, format, options);
  // A log of no name could be neither named nor removed afterwards (`log remove ''` is refused).
  if (options.log.trim() === '')
    throw new LogImportError(
      `the log to import ${label} into has no name`,
      'name it with --log NAME, or leave --log out to name it after the file',
    );
  const size = statSync(file).size;
  if (size === 0) throw new LogImportError(`${label} is empty`, EMPTY_HINTS[format]);
  const explained = async <T>(read: () => Promise<T>) => {
    try {
      return await read();
    } catch (error) {
      throw importError(error, file, label, format, options.onError);
    }
  };
  return inWriteTurn(store, async () => {
    try {
      // Staged before the transaction begins (see stageCsv); a kill while staging leaves the store untouched.
      const staged =
        format === 'csv'
          ? await explained(() => stageCsv(store, file, options.onError, options.onProgress, options.columns))
          : undefined;
      return await inTransaction(store.connection, async () => {
        const from = await nextSeq(store, options.log);
        const report = await explained(() => importByFormat(store, file, format, options, staged));
        if (report.events === 0)
          throw report.skipped > 0 ? nothingReadable(label, report) : noEvents(label, format, options);
        const duplicates = await removeDuplicates(store, options.log, from);
        // Counted in the store, once the duplicates are out: two traces of one case are one
        // customer, a trace with no event stored none, an event only repeated adds no one. A CSV
        // stored whole and without duplicates has had them counted already.
        const { countCustomers, ...stored } = report;
        const cases = await (duplicates === 0 && countCustomers
          ? countCustomers()
          : customersFrom(store, options.log, from));
        return { ...stored, events: report.events - duplicates, cases, log: options.log, duplicates };
      });
    } finally {
      if (format === 'csv') await dropStagedCsv(store);
    }
  });
}

/** A file none of whose events could be read is no import: the first problems say why. */
function nothingReadable(label: string, report: Pick<ImportReport, 'skipped' | 'problems'>): LogImportError {
  const first = report.problems
    .slice(0, 3)
    .map((p) => `${p.line ? `line ${p.line}, ` : ''}${p.field}: ${p.message}`);
  return new LogImportError(
    `${label}: none of its ${plural(report.skipped, 'event')} could be imported${first.length > 0 ? `; ${first.join('; ')}` : ''}`,
    report.problems.length > 0
      ? 'fix these rows (the same problem is likely on every row: a column named wrongly, a date format)'
      : 'check that the file holds events of the case type named',
  );
}

/**
 * A file that parses but holds no event is no import either: stored as a log of nothing, it would
 * be listed by `log import` as done and then named missing by every command that reads it.
 */
function noEvents(label: string, format: LogFormat, options: LogImportOptions): LogImportError {
  if (options.lifecycle)
    return new LogImportError(
      `${label} holds no event of the lifecycle transitions ${options.lifecycle.join(', ')}, so nothing was imported`,
      'import without --lifecycle to see every transition the log has',
    );
  if (format === 'ocel-json' || format === 'ocel-xml' || format === 'ocel-sqlite')
    return new LogImportError(
      `${label} holds no event${options.caseType ? ` of an object of the type '${options.caseType}'` : ''}, so nothing was imported`,
      options.caseType ? 'name another object type with --case-type' : EMPTY_HINTS[format],
    );
  return new LogImportError(
    format === 'csv'
      ? `${label} has a header row but no event rows, so nothing was imported`
      : `${label} holds no trace with an event, so nothing was imported`,
    EMPTY_HINTS[format],
  );
}

/** What went wrong, in the words of the file as the user knows it (an upload by its label). */
function importError(
  error: unknown,
  file: string,
  label: string,
  format: LogFormat,
  onError: 'skip' | 'fail',
): LogImportError {
  if (error instanceof LogImportError)
    return new LogImportError(error.message.replaceAll(file, label), error.hint, error.column);
  const first = (error as Error).message.split('\n')[0] ?? 'unreadable';
  return new LogImportError(
    `${label}: ${first.replaceAll(file, label)}`,
    format === 'xes' && onError === 'fail' ? 'fix the event, or import with --on-error skip' : HINTS[format],
  );
}
