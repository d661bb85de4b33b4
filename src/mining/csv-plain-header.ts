/**
 * A plain CSV's column names read from its header, for read_csv to be given them with the dialect
 * (`auto_detect = false`) instead of sniffing the file: the sniffer's pass over its sample took 25
 * to 65 ms of staging a million-row file, and the names are what the staging's reading of each
 * row's time needs before the file is read (import-csv.ts, STAGED_TIME). Given only where they are
 * the names DuckDB would give: each written in ASCII, not empty, with no space at either end, and
 * none twice (DuckDB trims a name, calls an empty one column<i> and a repeated one name_1). For any
 * other header, undefined: the file is sniffed as before.
 */
import { fileHead } from '../fs/file-head.js';
import { quoteLiteral } from './sql-text.js';

/** The most bytes a header read here may have: a longer one is left to the sniffer. */
const HEAD_BYTES = 1 << 16;
const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];

export function plainHeaderNames(file: string, delimiter: string): string[] | undefined {
  const head = fileHead(file, HEAD_BYTES);
  const end = head.indexOf(10);
  if (end < 0 && head.length === HEAD_BYTES) return undefined;
  const marked = BYTE_ORDER_MARK.every((byte, i) => head[i] === byte);
  const line = head.subarray(marked ? 3 : 0, end < 0 ? head.length : end);
  if (line.some((byte) => byte >= 0x80)) return undefined;
  const names = line.toString('latin1').replace(/\r$/, '').split(delimiter);
  const kept = names.every((name) => name !== '' && name === name.trim());
  return kept && new Set(names).size === names.length ? names : undefined;
}

/** read_csv's options for a plain file whose header names are known: no sniffing, every column text. */
export const namedColumns = (names: readonly string[]): string =>
  `auto_detect = false, columns = {${names.map((name) => `${quoteLiteral(name)}: 'VARCHAR'`).join(', ')}}`;
