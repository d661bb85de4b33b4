/**
 * CSV lines longer than DuckDB reads. Its dialect sniffer fails on one among the lines it samples
 * ("CSV Error on Line: 1", "Error when sniffing file") after spending seconds per MiB on it, so
 * such a line is found first: to refuse the file at that line, or, when bad rows are skipped, to
 * sniff the dialect on the sampled lines without it and read the file with that dialect given,
 * where DuckDB rejects the long line as one row among others.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quoteLiteral as literal } from './sql-text.js';
import { type EventStore, queryRows } from './store.js';

/** DuckDB's max_line_size: a longer line is rejected as a row, or fails its sniffer. */
export const MAX_LINE_BYTES = 2_000_000;
/** The rows DuckDB's sniffer samples (its sample_size). */
const SNIFFED_LINES = 20_480;

/**
 * Calls `visit` with each line of the sampled head of the file: its number, and its bytes in
 * pieces (a long line in several); stops after the sampled lines.
 */
function sampledLines(file: string, visit: (line: number, piece: Buffer, ends: boolean) => boolean): void {
  const chunk = Buffer.alloc(2 ** 20);
  const fd = openSync(file, 'r');
  try {
    let line = 1;
    for (;;) {
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) return;
      let start = 0;
      for (let nl = chunk.indexOf(10, start); nl >= 0 && nl < read; nl = chunk.indexOf(10, start)) {
        if (visit(line, chunk.subarray(start, nl + 1), true)) return;
        line++;
        start = nl + 1;
        if (line > SNIFFED_LINES) return;
      }
      if (start < read && visit(line, chunk.subarray(start, read), false)) return;
    }
  } finally {
    closeSync(fd);
  }
}

/** The number of the first sampled line longer than DuckDB reads; undefined when there is none. */
export function overlongLine(file: string): number | undefined {
  let found: number | undefined;
  let length = 0;
  sampledLines(file, (line, piece, ends) => {
    length += piece.length - (ends ? 1 : 0);
    if (length > MAX_LINE_BYTES) found = line;
    if (ends) length = 0;
    return found !== undefined;
  });
  return found;
}

const unempty = (value: unknown) => (value === '(empty)' ? '' : String(value ?? ''));

/**
 * The read_csv options that give the file's dialect, sniffed from its sampled lines without the
 * over-long ones (copied to a file of their own, removed after).
 */
export async function dialectWithoutOverlong(
  store: EventStore,
  file: string,
  encoding: string,
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'linesight-sniff-'));
  const sample = join(dir, 'sample.csv');
  try {
    const out = openSync(sample, 'w');
    try {
      let pieces: Buffer[] = [];
      let length = 0;
      sampledLines(file, (_line, piece, ends) => {
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
    const [d] = await queryRows(
      store,
      `select * from sniff_csv(${literal(sample)}, all_varchar = true, header = true, encoding = ${literal(encoding)})`,
    );
    const columns = ((d?.Columns ?? []) as { name: string }[])
      .map((c) => `${literal(c.name)}: 'VARCHAR'`)
      .join(', ');
    return [
      'auto_detect = false',
      `delim = ${literal(unempty(d?.Delimiter))}`,
      `quote = ${literal(unempty(d?.Quote))}`,
      `escape = ${literal(unempty(d?.Escape))}`,
      `skip = ${Number(d?.SkipRows ?? 0)}`,
      `columns = {${columns}}`,
    ].join(', ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
