/**
 * The CSV lines DuckDB could not split into the header's columns, as problems people can act on:
 * one per line, with the field and the value where DuckDB names them. DuckDB gives a line one
 * reject per column it found wrong, and none of them says how many fields the row has in words
 * ("Expected Number of Columns: 4 Found: 3" on a row of 2), nor which field a line too long to
 * read is (it gives none).
 */

import { grouped } from '../text/grouped.js';
import { MAX_LINE_BYTES } from './csv-overlong.js';
import type { ImportProblem } from './import-report.js';
import { type EventStore, queryRows } from './store.js';

interface Reject {
  line: number;
  type: string;
  firstColumn: number | null;
  lastColumn: number | null;
  column: string | null;
  text: string;
  message: string;
}

const shown = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}...` : text);

/** What is wrong with one rejected line, said against the header's `width` fields. */
export function rejectProblem(r: Reject, width: number): ImportProblem {
  const fields = (n: number) => `${n} field${n === 1 ? '' : 's'}`;
  switch (r.type) {
    case 'MISSING COLUMNS':
      return {
        line: r.line,
        field: 'row',
        message: `the row has ${fields(r.firstColumn ?? 0)}, the header has ${width}: "${shown(r.text)}"`,
      };
    case 'TOO MANY COLUMNS':
      return {
        line: r.line,
        field: 'row',
        message: `the row has ${fields(r.lastColumn ?? width + 1)}, the header has ${width}: "${shown(r.text)}"`,
      };
    case 'LINE SIZE OVER MAXIMUM':
      return {
        line: r.line,
        field: 'row',
        message: `the line is longer than ${grouped(MAX_LINE_BYTES)} bytes, more than a row of an event log can be (an unclosed quote or missing line breaks run rows into one)`,
      };
    case 'INVALID ENCODING':
      return {
        line: r.line,
        field: r.column ?? 'row',
        message: `"${shown(r.text)}" has bytes that are not text in the file's encoding`,
      };
    default:
      return {
        line: r.line,
        field: r.column ?? 'row',
        message: `${r.message || r.type.toLowerCase()}: "${shown(r.text)}"`,
      };
  }
}

/** The first `limit` rejected lines of the staged scan, in file order. */
export async function rejectedLines(
  store: EventStore,
  width: number,
  limit: number,
): Promise<ImportProblem[]> {
  const rows = await queryRows(
    store,
    `select line, min(error_type) as type, min(column_idx) as first_column, max(column_idx) as last_column,
       arg_min(column_name, coalesce(column_idx, 0)) as column_name, min(left(csv_line, 200)) as text,
       arg_min(split_part(error_message, chr(10), 1), coalesce(column_idx, 0)) as message
     from csv_rejects group by line order by line limit ${limit}`,
  );
  return rows.map((r) =>
    rejectProblem(
      {
        line: Number(r.line),
        type: String(r.type ?? ''),
        firstColumn: r.first_column === null ? null : Number(r.first_column),
        lastColumn: r.last_column === null ? null : Number(r.last_column),
        column: r.column_name === null || r.column_name === undefined ? null : String(r.column_name),
        text: String(r.text ?? ''),
        message: String(r.message ?? ''),
      },
      width,
    ),
  );
}
