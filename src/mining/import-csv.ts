/**
 * CSV event logs, read by DuckDB (delimiter and quoting detected, UTF-8 or Latin-1), with the
 * columns for case, activity and timestamp found by their usual names or given. Rows DuckDB cannot
 * split, and rows without a case, an activity or a readable timestamp, are reported with their
 * line and field; `onError` decides whether they are skipped or stop the import.
 *
 * The file is read once, as text, into a temporary table whose row ids are the file order (a
 * window numbering the rows of the scan instead took three times as long on ten million rows),
 * checked there, and moved into the store.
 */

import { fileHead } from '../fs/file-head.js';
import { plural } from '../text/plural.js';
import { headerWidth, sampledDialect, sniffedLines, WIDE_COLUMNS } from './csv-dialect.js';
import { guessedColumn } from './csv-guesses.js';
import { overlongLine } from './csv-overlong.js';
import { plainDialect } from './csv-plain-dialect.js';
import { namedColumns, plainHeaderNames } from './csv-plain-header.js';
import { rejectedLines } from './csv-rejects.js';
import { CSV_ROLES } from './csv-roles.js';
import { logId, OPTIONAL_COLUMNS, type OptionalColumn, storeOptionalColumns } from './event-rows.js';
import { isGzip } from './gzip-magic.js';
import { type ImportProblem, type ImportReport, LISTED_PROBLEMS } from './import-report.js';
import { LogImportError } from './log-import-error.js';
import { withQueryProgress } from './query-progress.js';
import { quoteLiteral as literal, quoteIdentifier as quote } from './sql-text.js';
import { customersFrom, type EventStore, nextSeq, queryRows } from './store.js';
import { instantSql, tzOffsetSql } from './timestamp-text.js';

export interface CsvColumns {
  case?: string;
  activity?: string;
  timestamp?: string;
  channel?: string;
  resource?: string;
  segment?: string;
  lifecycle?: string;
}

/** The columns a user can name, taken from options such as `--case` or `?case=` (given ones only). */
export function columnsFrom(given: Partial<Record<keyof CsvColumns, string | undefined>>): CsvColumns {
  return Object.fromEntries(CSV_ROLES.flatMap((role) => (given[role] ? [[role, given[role]]] : [])));
}

/** UTF-8 when the first 64 KiB decode as UTF-8 (up to the last whole line), else Latin-1. */
function encodingOf(file: string): string {
  const size = 1 << 16;
  const head = fileHead(file, size);
  const text = head.length === size ? head.subarray(0, head.lastIndexOf(10) + 1 || size) : head;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(text);
    return 'utf-8';
  } catch {
    return 'latin-1';
  }
}

/**
 * The file line of staged row `row` (from 0): the header is line 1, and the lines DuckDB could
 * not split (ascending) are not staged, so each one at or before the row moves it down a line.
 */
function lineOf(row: number, skippedLines: number[]): number {
  let line = row + 2;
  for (const skipped of skippedLines) if (skipped <= line) line++;
  return line;
}

/** Which column plays each role: the one given, or the first usual name found. */
function mapColumns(file: string, columns: string[], given: CsvColumns = {}) {
  const listed = columns.map((x) => `'${x}'`).join(', ');
  const pick = (role: keyof CsvColumns, required: boolean): string | undefined => {
    const named = given[role];
    if (named !== undefined) {
      if (!columns.includes(named))
        throw new LogImportError(
          `${file} has no column '${named}' for the ${role}`,
          `the columns are ${listed}`,
          { role, columns },
        );
      return named;
    }
    const found = guessedColumn(role, columns);
    if (!found && required)
      throw new LogImportError(
        `cannot tell which column of ${file} holds the ${role}`,
        `name it with --${role} COLUMN (the columns are ${listed})`,
        { role, columns },
      );
    return found;
  };
  return {
    case: pick('case', true) as string,
    activity: pick('activity', true) as string,
    timestamp: pick('timestamp', true) as string,
    channel: pick('channel', false),
    resource: pick('resource', false),
    segment: pick('segment', false),
    lifecycle: pick('lifecycle', false),
  };
}

/**
 * SQL: the text is there and holds more than spaces; never null. A text from "!" up cannot be
 * blank, so only the rare one below it (empty, or starting with a space or a control character)
 * is trimmed. A CASE evaluates its later branches only on the rows that reach them, where an OR
 * of the same tests (null, empty, starts with a space and trims to nothing) cost every row the
 * string functions: the row filter, the timestamp's test with it, took 101 against 49 ms at a
 * million rows (the insert 436 against 385 ms).
 */
const filledSql = (text: string) =>
  `(case when ${text} >= '!' then true when ${text} is null then false else trim(${text}) <> '' end)`;

type Progress = ((fraction: number) => void) | undefined;

/** Reading the file is the first half of the work, storing it the second. */
const half = (onProgress: Progress, start: number) =>
  onProgress && ((f: number) => onProgress(start + f / 2));

/**
 * Reads, checks and stores a CSV log: staged, then stored, then the staging dropped. Not in a
 * transaction of its own: importLog runs the storing in one, for the store to hold all or nothing.
 */
export async function importCsv(
  store: EventStore,
  file: string,
  log: string,
  options: {
    columns?: CsvColumns;
    onError: 'skip' | 'fail';
    onProgress?: (fraction: number) => void;
    /** Rows from which they are stored in any order (UNORDERED_ROWS unless given). */
    unorderedFrom?: number;
  },
): Promise<ImportReport> {
  const staged = await stageCsv(store, file, options.onError, options.onProgress, options.columns);
  try {
    const from = await nextSeq(store, log);
    const report = await storeStagedCsv(store, file, log, { ...options, ...staged });
    const { countCustomers, ...stored } = report;
    return { ...stored, cases: await (countCustomers?.() ?? customersFrom(store, log, from)) };
  } finally {
    await dropStagedCsv(store);
  }
}

/** How a file was staged: when its rows' instants and offsets were read with it (STAGED_TIME), its own columns. */
export interface StagedCsv {
  timedColumns?: string[];
}

/**
 * The staged columns of each row's instant and UTC offset, read from its time as the file is
 * staged. Read in the insert instead, where a row is kept only if its time is readable, each time
 * was read twice, in the filter and for the stored column (DuckDB pushes a filter on a computed
 * column down to the scan, as the computation): staging and inserting a million rows took 425 to
 * 436 ms this way, 454 to 514 the other. Only for a plain file whose header names its columns
 * (csv-plain-header.ts): the time's column must be known before the file is read, and asking
 * DuckDB its names would sniff the file once more (25 to 65 ms).
 */
const STAGED_TIME = 'linesight_staged_time_us';
const STAGED_OFFSET = 'linesight_staged_offset_min';

/** SQL for the staging's select list: STAGED_TIME and STAGED_OFFSET of the file's time column, or '' when a column of the file has one of their names. */
function stagedTimeSql(file: string, names: string[], given?: CsvColumns): string {
  if (names.includes(STAGED_TIME) || names.includes(STAGED_OFFSET)) return '';
  const time = quote(mapColumns(file, names, given).timestamp);
  const instant = instantSql(time);
  return `, ${instant} as ${STAGED_TIME}, ${tzOffsetSql(time, instant)} as ${STAGED_OFFSET}`;
}

/**
 * The file, read once as text into a temporary table of this connection, whose row ids are the
 * file order. Outside any transaction: in a table made inside one, DuckDB numbers the rows from
 * 2^55 on, apart from the file order. `columns` are the ones the user named, for the time's.
 */
export async function stageCsv(
  store: EventStore,
  file: string,
  onError: 'skip' | 'fail',
  onProgress?: Progress,
  columns?: CsvColumns,
): Promise<StagedCsv> {
  if (isGzip(file))
    throw new LogImportError(
      `${file} is gzip-compressed, not CSV text`,
      'unpack it first (gunzip -k FILE) and import the CSV it holds; a compressed XES log imports as it is, named .xes.gz',
    );
  const width = headerWidth(file);
  // A plain sample (csv-plain-dialect.ts) has no line too long, so only another is searched for one.
  const plain = width < WIDE_COLUMNS ? plainDialect(file) : undefined;
  const long = plain ? undefined : overlongLine(file);
  // The header cannot be skipped: without it no row has columns.
  if (long && (onError === 'fail' || long === 1))
    throw new LogImportError(
      `${file}, line ${long}: the line is longer than 2,000,000 bytes, more than a row of an event log can be`,
      'check the file around that line (an unclosed quote or missing line breaks run many rows into one), or import with --on-error skip',
    );
  const c = store.connection;
  const encoding = encodingOf(file);
  // Given to read_csv when known: found in JS for a plain file (with its header's names, where
  // they are the ones DuckDB would give, and then nothing is sniffed), sniffed on a sample for a
  // long line or a wide file; any other file DuckDB sniffs as it reads.
  const names = plain && plainHeaderNames(file, plain.delimiter);
  const given = plain
    ? `${plain.options}${names ? `, ${namedColumns(names)}` : ''}`
    : long || width >= WIDE_COLUMNS
      ? await sampledDialect(store, file, encoding, sniffedLines(width))
      : undefined;
  const read = `${literal(file)}, all_varchar = true, header = true, encoding = ${literal(encoding)}${given ? `, ${given}` : ''}`;
  await c.run("set TimeZone = 'UTC'");
  const times = names ? stagedTimeSql(file, names, columns) : '';
  // The rejects tables are this import's own: DuckDB keeps them across scans of a connection.
  await c.run('drop table if exists csv_rejects; drop table if exists csv_rejects_scan');
  await withQueryProgress(c, half(onProgress, 0), () =>
    c.run(
      `create or replace temp table csv_staging as select *${times} from read_csv(${read}, store_rejects = true, rejects_table = 'csv_rejects', rejects_scan = 'csv_rejects_scan')`,
    ),
  );
  return times && names ? { timedColumns: names } : {};
}

export async function dropStagedCsv(store: EventStore): Promise<void> {
  await store.connection.run(
    'drop table if exists csv_staging; drop table if exists csv_rejects; drop table if exists csv_rejects_scan',
  );
}

/**
 * From this many rows on, a file's events are stored in whatever order DuckDB's threads finish
 * them (see storedInAnyOrder).
 */
const UNORDERED_ROWS = 8_000_000;

/**
 * Runs `write` with DuckDB free to store the rows of a large file in any order. The events carry
 * their file order in `seq`, and every reading orders by it. Kept in scan order, the insert leaves
 * the staged table's partly filled row groups, which DuckDB merged as the store closed once there
 * were enough of them: 1.7 s more at ten million events, none at five, while in any order the
 * threads' own row groups took 0.1 s more at one to five million. The setting is the database's:
 * it is taken back at once, writes to a database go one at a time, and a reading that needs an
 * order says so (`order by`), so one planned meanwhile is unaffected.
 */
async function storedInAnyOrder<T>(store: EventStore, large: boolean, write: () => Promise<T>): Promise<T> {
  if (!large) return write();
  await store.connection.run('set preserve_insertion_order = false');
  try {
    return await write();
  } finally {
    await store.connection.run('reset preserve_insertion_order');
  }
}

/**
 * What storing a staged file gives. When every row was stored, `countCustomers` counts its customers
 * on the staged text, faster than on the stored events (0.33 against 0.51 s at ten million rows);
 * called only while the staged table stands, and only when nothing else changed what was stored.
 */
export type StoredCsv = Omit<ImportReport, 'cases'> & { countCustomers?: () => Promise<number> };

/** The staged rows checked (problems by line and field) and the good ones stored as events of `log`. */
export async function storeStagedCsv(
  store: EventStore,
  file: string,
  log: string,
  options: {
    columns?: CsvColumns;
    onError: 'skip' | 'fail';
    onProgress?: Progress;
    /** Rows from which they are stored in any order (UNORDERED_ROWS unless given). */
    unorderedFrom?: number;
    /** The file's columns, when the staging read the times with it (stageCsv's answer). */
    timedColumns?: string[];
  },
): Promise<StoredCsv> {
  const c = store.connection;
  const rows = (sql: string) => queryRows(store, sql);
  const timed = options.timedColumns !== undefined;
  const columns =
    options.timedColumns ?? (await rows('describe csv_staging')).map((r) => String(r.column_name));
  const map = mapColumns(file, columns, options.columns);
  const mapped = new Set(Object.values(map).filter(Boolean));
  const rest = columns.filter((col) => !mapped.has(col) && col !== 'column0' && col !== '');
  const [caseId, activity, time] = [quote(map.case), quote(map.activity), quote(map.timestamp)];
  const ts = timed ? STAGED_TIME : instantSql(time);
  const noCase = `not ${filledSql(caseId)}`;
  const noActivity = `not ${filledSql(activity)}`;
  const good = `${filledSql(caseId)} and ${filledSql(activity)} and ${ts} is not null`;
  const bad = `not (${good})`;
  const unsplittable = await rejectedLines(store, columns.length, LISTED_PROBLEMS);
  // Every unsplittable line, as numbers only: each moves the staged rows after it down a line.
  const skippedLines = (await rows('select distinct line from csv_rejects order by line')).map((r) =>
    Number(r.line),
  );
  const next = await nextSeq(store, log);
  // Only the optional columns the file has are stored (event-rows.ts).
  const optional: { column: OptionalColumn; value: string }[] = OPTIONAL_COLUMNS.flatMap((column) => {
    const from = column === 'attributes' ? undefined : map[column];
    return from ? [{ column, value: quote(from) }] : [];
  });
  if (rest.length > 0)
    optional.push({
      column: 'attributes',
      value: `json_object(${rest.map((col) => `${literal(col)}, ${quote(col)}`).join(', ')})`,
    });
  await storeOptionalColumns(
    c,
    optional.map((o) => o.column),
  );
  const id = await logId(c, log);
  const columnList = [
    'log_id',
    'seq',
    'case_id',
    'activity',
    'ts_us',
    'tz_offset_min',
    ...optional.map((o) => o.column),
  ];
  // The good rows stored first: in a file without a bad row (most of them) the rows stored are all
  // there are, and the scan for problems, a second pass over every row, is left out.
  const [staged] = await rows('select count(*) as n from csv_staging');
  const stagedRows = Number(staged?.n ?? 0);
  const stored = await withQueryProgress(c, half(options.onProgress, 0.5), () =>
    storedInAnyOrder(store, stagedRows >= (options.unorderedFrom ?? UNORDERED_ROWS), () =>
      c.run(`
    insert into event_rows (${columnList.join(', ')})
    select ${id}, ${next} + rowid, ${caseId}, ${activity}, ${ts}, ${timed ? STAGED_OFFSET : tzOffsetSql(time, ts)}${optional.map((o) => `, ${o.value}`).join('')}
    from csv_staging where ${good}`),
    ),
  );
  const events = Number(stored.rowsChanged);
  const bads = stagedRows - events;
  // The first rows with a problem (counted all above, listed up to the limit).
  const unreadable =
    bads === 0
      ? []
      : await rows(`
    select rowid as row,
      case when ${noCase} then ${literal(map.case)} when ${noActivity} then ${literal(map.activity)}
           else ${literal(map.timestamp)} end as field,
      case when ${noCase} then 'the case is empty' when ${noActivity} then 'the activity is empty'
           else '"' || coalesce(${time}, '') || '" is not a timestamp' end as message
    from csv_staging where ${bad} order by rowid limit ${LISTED_PROBLEMS}`);
  const skipped = skippedLines.length + bads;
  const problems: ImportProblem[] = [
    ...unsplittable,
    ...unreadable.map((r) => ({
      line: lineOf(Number(r.row), skippedLines),
      field: String(r.field),
      message: String(r.message),
    })),
  ]
    .sort((a, b) => a.line - b.line)
    .slice(0, LISTED_PROBLEMS);
  if (options.onError === 'fail' && skipped > 0) {
    // Nothing of the file stays: its good rows are taken out again (importLog's transaction would
    // roll them back too; importCsv alone has none).
    await c.run(`delete from event_rows where log_id = ${id} and seq >= ${next}`);
    const first = problems[0] as ImportProblem;
    throw new LogImportError(
      `${file}, line ${first.line}, ${first.field}: ${first.message}`,
      `${plural(skipped, 'row has', 'rows have')} problems; fix them, or import with --on-error skip`,
    );
  }
  const notes = await openQuotes(store, [caseId, activity], skippedLines);
  const noted = notes.length > 0 ? { notes } : {};
  if (skipped > 0) return { events, skipped, problems, ...noted };
  const countCustomers = async () =>
    Number((await rows(`select count(distinct ${caseId}) as n from csv_staging`))[0]?.n ?? 0);
  return { events, skipped, problems, countCustomers, ...noted };
}

/**
 * A case or activity that opens a double quote and does not close it: DuckDB's sniffer then reads
 * the file as unquoted, and `"A` is stored as written. Said, with the first line, since a quote
 * left open in the file is the likely cause (a value never starts so in a quoted file).
 */
async function openQuotes(store: EventStore, columns: string[], skippedLines: number[]): Promise<string[]> {
  // Starting with a quote is a range of texts, '"' up to '#' (the next byte), which DuckDB compares
  // without a function call: the check took 11 ms at a million rows, against 21 with starts_with.
  const open = columns.map((c) => `(${c} >= '"' and ${c} < '#' and not ends_with(${c}, '"'))`).join(' or ');
  const [found] = await queryRows(
    store,
    `select count(*) as n, min(rowid) as first from csv_staging where ${open}`,
  );
  const n = Number(found?.n ?? 0);
  if (n === 0) return [];
  return [
    `${plural(n, 'row has', 'rows have')} a case or activity that opens a double quote and does not close it (the first on line ${lineOf(Number(found?.first), skippedLines)}): the file may have a quote left open; ${n === 1 ? 'it was' : 'they were'} imported as written`,
  ];
}
