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
import { type EventStore, openStore } from './store.js';

/** The file's events as text: under the name `part`, numbered in file order from `from`. */
export type StagedRows = (part: string, from: number) => AsyncIterable<string>;

/** Rows per piece of text handed on: large enough that a piece costs little, small enough to stream. */
const BATCH = 50_000;

/** A field as ClickHouse's TabSeparated reads it: \N for none, and backslash, tab and line breaks escaped. */
export function tsvField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  return String(value).replace(/[\\\t\n\r\0]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\0',
  );
}

async function* eventText(store: EventStore, log: string, part: string, from: number): AsyncIterable<string> {
  const result = await store.connection.stream(
    `select seq, case_id, activity, ts_us, tz_offset_min, lifecycle, resource, channel, segment, attributes
     from events where log = $log order by seq`,
    { log },
  );
  const name = tsvField(part);
  let lines: string[] = [];
  for await (const rows of result.yieldRowsJs()) {
    for (const [seq, ...rest] of rows)
      lines.push(`${name}\t${BigInt(seq as bigint) + BigInt(from)}\t${rest.map(tsvField).join('\t')}\n`);
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
