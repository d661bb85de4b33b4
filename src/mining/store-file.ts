/**
 * An existing file named as the event store, checked before DuckDB opens it. DuckDB opens a file
 * that ends in .csv, .json or .parquet as a table in a database held in memory: an import "into"
 * such a file reported its events stored and kept none. A pipe named as the store made the open
 * wait for ever, and a device was read.
 */
import { statSync } from 'node:fs';
import { fileHead } from '../fs/file-head.js';
import { StoreOpenError } from './store-open-error.js';

/** Every DuckDB database file carries these bytes from byte 8 on. */
const MAGIC = 'DUCK';
const MAGIC_AT = 8;

const HINT = 'name another file with --db (the first import makes a new store there), or move this one away';

export function checkStoreFile(path: string): void {
  if (!statSync(path).isFile())
    throw new StoreOpenError(
      `cannot open the event store ${path}: it is not a regular file (a folder, a device or a pipe)`,
      HINT,
      false,
    );
  const head = fileHead(path, MAGIC_AT + MAGIC.length);
  if (head.toString('latin1', MAGIC_AT) === MAGIC) return;
  // A text file is most likely a log given where the store goes.
  const text = head.length > 0 && !head.some((b) => b < 9 || (b > 13 && b < 32));
  throw new StoreOpenError(
    `cannot open the event store ${path}: it is ${head.length === 0 ? 'empty' : text ? 'text' : 'another kind of file'}, not a DuckDB database`,
    text ? `to import it, give it as the log: linesight log import ${path}; or ${HINT}` : HINT,
    false,
  );
}
