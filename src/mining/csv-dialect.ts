/**
 * A CSV file's dialect (delimiter, quote, escape, header names) sniffed by DuckDB on a sample of
 * its first lines, for read_csv to be given instead of sniffing the whole file itself. Two kinds of
 * file need it:
 * - a file with a line longer than DuckDB reads (csv-overlong.ts), whose sniffer fails on it;
 * - a wide file. DuckDB's sniffer tries some twenty dialects on every sampled cell, so its time
 *   grows with the columns: 4.5 s of a 6.7 s import for 2,000 rows of 2,000 columns (11 MB),
 *   against 0.1 s for the same rows of 3 columns. Sniffed on a sample of a bounded number of cells,
 *   and read with the dialect given, the same file reads in under a second.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_LINE_BYTES, SNIFFED_LINES, sampledLines } from './csv-overlong.js';
import { quoteLiteral as literal } from './sql-text.js';
import { type EventStore, queryRows } from './store.js';

/** From this many columns on, a file's dialect is sniffed on a sample (DuckDB's own sniff passes a second on 2,000 rows). */
export const WIDE_COLUMNS = 200;
/** The cells a wide file's sample holds at most: 50 lines of 2,000 columns, sniffed in about 0.25 s. */
const SAMPLED_CELLS = 100_000;
/** The fewest lines a sample holds, however wide the file: enough to see its quoting. */
const FEWEST_LINES = 50;
/** The delimiters DuckDB's sniffer tries. */
export const SNIFFER_DELIMITERS = [',', ';', '\t', '|'];
const DELIMITERS = SNIFFER_DELIMITERS.map((d) => d.charCodeAt(0));
const QUOTE = 34;

/**
 * The fields of the file's first line, counted at the delimiter of , ; tab | that it holds most
 * outside double quotes: only to size the sample, so a rough count serves.
 */
export function headerWidth(file: string): number {
  const counts = DELIMITERS.map(() => 0);
  let quoted = false;
  let length = 0;
  sampledLines(file, 1, (_line, piece) => {
    for (const byte of piece) {
      if (byte === QUOTE) quoted = !quoted;
      else if (!quoted) {
        const d = DELIMITERS.indexOf(byte);
        if (d >= 0) counts[d] = (counts[d] as number) + 1;
      }
    }
    length += piece.length;
    return length > MAX_LINE_BYTES;
  });
  return Math.max(...counts) + 1;
}

/** The lines to sniff a file of `columns` columns on: DuckDB's own sample, fewer for a wide file. */
export function sniffedLines(columns: number): number {
  if (columns < WIDE_COLUMNS) return SNIFFED_LINES;
  return Math.min(SNIFFED_LINES, Math.max(FEWEST_LINES, Math.floor(SAMPLED_CELLS / columns)));
}

const unempty = (value: unknown) => (value === '(empty)' ? '' : String(value ?? ''));

/**
 * The read_csv options that give the file's dialect, sniffed on its first `lines` lines without
 * the over-long ones (copied to a file of their own, removed after).
 */
export async function sampledDialect(
  store: EventStore,
  file: string,
  encoding: string,
  lines: number,
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'linesight-sniff-'));
  const sample = join(dir, 'sample.csv');
  try {
    copyLines(file, sample, lines);
    const [d] = await queryRows(
      store,
      `select * from sniff_csv(${literal(sample)}, all_varchar = true, header = true, encoding = ${literal(encoding)})`,
    );
    const columns = ((d?.Columns ?? []) as { name: string }[])
      .map((c) => `${literal(c.name)}: 'VARCHAR'`)
      .join(', ');
    // A sample with no quoted field says nothing of the lines after it: those are read as RFC 4180
    // has them, where a quote opens a field only at its start, so an unquoted 5" screen reads as it is.
    const quoted = unempty(d?.Quote) !== '';
    return [
      'auto_detect = false',
      `delim = ${literal(unempty(d?.Delimiter))}`,
      `quote = ${literal(quoted ? unempty(d?.Quote) : '"')}`,
      `escape = ${literal(quoted ? unempty(d?.Escape) : '"')}`,
      `skip = ${Number(d?.SkipRows ?? 0)}`,
      `columns = {${columns}}`,
    ].join(', ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The first `lines` lines of `file` into `to`, leaving out those longer than DuckDB reads. */
function copyLines(file: string, to: string, lines: number): void {
  const out = openSync(to, 'w');
  try {
    let pieces: Buffer[] = [];
    let length = 0;
    sampledLines(file, lines, (_line, piece, ends) => {
      length += piece.length;
      if (length <= MAX_LINE_BYTES + 1) pieces.push(Buffer.from(piece));
      else pieces = [];
      if (ends) {
        for (const p of pieces) writeSync(out, p);
        pieces = [];
        length = 0;
      }
      return false;
    });
    for (const p of pieces) writeSync(out, p);
  } finally {
    closeSync(out);
  }
}
