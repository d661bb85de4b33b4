/**
 * CSV lines longer than DuckDB reads. Its dialect sniffer fails on one among the lines it samples
 * ("CSV Error on Line: 1", "Error when sniffing file") after spending seconds per MiB on it, so
 * such a line is found first: to refuse the file at that line, or, when bad rows are skipped, to
 * sniff the dialect on the sampled lines without it (csv-dialect.ts) and read the file with that
 * dialect given, where DuckDB rejects the long line as one row among others.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** DuckDB's max_line_size: a longer line is rejected as a row, or fails its sniffer. */
export const MAX_LINE_BYTES = 2_000_000;
/** The rows DuckDB's sniffer samples (its sample_size). */
export const SNIFFED_LINES = 20_480;

/**
 * Reads the file from its start a MiB at a time, handing `take` each chunk and the bytes read into
 * it, until `take` says to stop; true when the file ended first.
 */
export function readChunks(file: string, take: (chunk: Buffer, read: number) => boolean): boolean {
  const chunk = Buffer.allocUnsafe(2 ** 20);
  const fd = openSync(file, 'r');
  try {
    for (;;) {
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) return true;
      if (take(chunk, read)) return false;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Calls `visit` with each of the first `lines` lines of the file: its number, and its bytes in
 * pieces (a long line in several); stops early when `visit` says so.
 */
export function sampledLines(
  file: string,
  lines: number,
  visit: (line: number, piece: Buffer, ends: boolean) => boolean,
): void {
  let line = 1;
  readChunks(file, (chunk, read) => {
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl >= 0 && nl < read; nl = chunk.indexOf(10, start)) {
      if (visit(line, chunk.subarray(start, nl + 1), true)) return true;
      line++;
      start = nl + 1;
      if (line > lines) return true;
    }
    return start < read && visit(line, chunk.subarray(start, read), false);
  });
}

/** The number of the first sampled line longer than DuckDB reads; undefined when there is none. */
export function overlongLine(file: string): number | undefined {
  let found: number | undefined;
  let length = 0;
  sampledLines(file, SNIFFED_LINES, (line, piece, ends) => {
    length += piece.length - (ends ? 1 : 0);
    if (length > MAX_LINE_BYTES) found = line;
    if (ends) length = 0;
    return found !== undefined;
  });
  return found;
}
