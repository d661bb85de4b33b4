/**
 * An import for another engine, with the very checks of the DuckDB store: the file is read into a
 * DuckDB store of its own in a temporary folder (same readers, same problems by line and field),
 * and its events are then handed on as TabSeparated text, a batch at a time, in file order. The
 * temporary store goes whatever happens.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importLog, type LogImport, type LogImportOptions } from './import-log.js';
import { quoteLiteral } from './sql-text.js';
import { type EventStore, openStore } from './store.js';

/** The file's events as text: under the name `part`, numbered in file order from `from`. */
export type StagedRows = (part: string, from: number) => AsyncIterable<string>;

/** Rows per piece of text handed on: large enough that a piece costs little, small enough to stream. */
const BATCH = 50_000;

/**
 * A column as ClickHouse's TabSeparated reads it: \N for none; backslash, tab, line breaks and
 * NUL escaped. Made by DuckDB, many rows at once: the same in JS took 13 s for a million events.
 */
function tsvField(column: string): string {
  // Backslash first, so that the escapes made after it are not escaped again.
  const escapes: [number, string][] = [
    [92, '\\\\'],
    [9, '\\t'],
    [10, '\\n'],
    [13, '\\r'],
    [0, '\\0'],
  ];
  const escaped = escapes.reduce(
    (sql, [code, written]) => `replace(${sql}, chr(${code}), ${quoteLiteral(written)})`,
    `cast(${column} as varchar)`,
  );
  return `coalesce(${escaped}, '\\N')`;
}

const number = (column: string) => `coalesce(cast(${column} as varchar), '\\N')`;

/** The events table's columns after log and seq, as text: numbers need no escapes. */
const FIELDS = [
  tsvField('case_id'),
  tsvField('activity'),
  number('ts_us'),
  number('tz_offset_min'),
  ...['lifecycle', 'resource', 'channel', 'segment', 'attributes'].map(tsvField),
];

async function* eventText(store: EventStore, log: string, part: string, from: number): AsyncIterable<string> {
  const fields = [quoteLiteral(part), `cast(seq + ${Math.floor(from)} as varchar)`, ...FIELDS];
  const result = await store.connection.stream(
    `select ${fields.join(' || chr(9) || ')} || chr(10) as line from events where log = $log order by seq`,
    { log },
  );
  let lines: string[] = [];
  for await (const rows of result.yieldRowsJs()) {
    for (const [line] of rows) lines.push(line as string);
    if (lines.length >= BATCH) {
      yield lines.join('');
      lines = [];
    }
  }
  if (lines.length > 0) yield lines.join('');
}

export async function stagedImport(
  file: string,
  options: LogImportOptions,
  store: (report: LogImport, rows: StagedRows) => Promise<LogImport>,
): Promise<LogImport> {
  const folder = mkdtempSync(join(tmpdir(), 'linesight-import-'));
  try {
    const staging = await openStore(join(folder, 'staging.duckdb'), { access: 'create' });
    try {
      const report = await importLog(staging, file, options);
      return await store(report, (part, from) => eventText(staging, options.log, part, from));
    } finally {
      staging.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
