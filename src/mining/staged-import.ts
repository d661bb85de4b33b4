/**
 * An import for another engine, with the very checks of the DuckDB store: the file is read into a
 * DuckDB store of its own in a temporary folder (same readers, same problems by line and field),
 * and its events are then handed on as TabSeparated text, a piece at a time. The temporary store
 * goes whatever happens.
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importEvents, type LogImport, type LogImportOptions } from './import-log.js';
import { quoteLiteral } from './sql-text.js';
import { type EventStore, openStore } from './store.js';

/** The file's events as text: under the name `part`, numbered in file order from `from`. */
export type StagedRows = (part: string, from: number) => AsyncIterable<Uint8Array>;

/** Bytes per piece handed on: large enough that a piece costs little, small enough to stream. */
const PIECE = 4 << 20;

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

/**
 * The events as TabSeparated lines in a file beside the staging store, written by DuckDB's COPY in
 * parallel (rows handed to JS one by one took 4.8 CPU s per million events), then read back in
 * pieces. The lines carry their `seq`, so their order in the file does not matter.
 */
async function* eventText(
  store: EventStore,
  folder: string,
  log: string,
  part: string,
  from: number,
): AsyncIterable<Uint8Array> {
  const fields = [quoteLiteral(part), `cast(seq + ${Math.floor(from)} as varchar)`, ...FIELDS];
  const file = join(folder, `${part}.tsv`);
  // One column whose text is written as it is: no quotes, and a delimiter no line holds (control
  // characters are escaped or absent in the lines).
  await store.connection.run(
    `copy (select ${fields.join(' || chr(9) || ')} as line from events where log = ${quoteLiteral(log)})
     to ${quoteLiteral(file)} (format csv, header false, quote '', escape '', delimiter '\x1f')`,
  );
  try {
    yield* createReadStream(file, { highWaterMark: PIECE });
  } finally {
    rmSync(file, { force: true });
  }
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
      const report = await importEvents(staging, file, options);
      return await store(report, (part, from) => eventText(staging, folder, options.log, part, from));
    } finally {
      staging.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
