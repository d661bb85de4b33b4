/**
 * How events are stored: a table `event_rows` holds the columns every event has, and each optional
 * one (lifecycle, resource, channel, segment, attributes) from the first import whose log has it;
 * the view `events`, which every reading uses, shows all of them, null where a column is not
 * stored. A column every row holds as null still cost DuckDB as much to store as a number column
 * with values: the five of them were 0.75 s of importing ten million events of a CSV that had none
 * (25% of the insert), and most logs have few of them.
 *
 * Writes go to `event_rows`, naming the columns they fill, after `storeOptionalColumns` has added
 * the ones they need, in the import's transaction (a rolled-back import adds none). A store made
 * before this had `events` as a table of every column: opened to write, it is renamed
 * `event_rows` (no data moves) and the view made over it.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { inTransaction } from './transaction.js';

export const REQUIRED_COLUMNS = `log varchar not null,
  seq bigint not null,
  case_id varchar not null,
  activity varchar not null,
  ts_us bigint not null,
  tz_offset_min integer`;

const OPTIONAL_TYPES = {
  lifecycle: 'varchar',
  resource: 'varchar',
  channel: 'varchar',
  segment: 'varchar',
  attributes: 'json',
} as const;

export type OptionalColumn = keyof typeof OPTIONAL_TYPES;
/** In the order the `events` view shows them. */
export const OPTIONAL_COLUMNS = Object.keys(OPTIONAL_TYPES) as OptionalColumn[];

/** Makes `event_rows` and the `events` view in a new store, or turns an earlier store's `events` table into them. */
export async function prepareEventRows(connection: DuckDBConnection): Promise<void> {
  const kind = await relationKind(connection, 'events');
  if (kind === 'VIEW') return;
  // One transaction: a store is never left with its table renamed and no view to read it by.
  await inTransaction(connection, async () => {
    if (kind === 'BASE TABLE') await connection.run('alter table events rename to event_rows');
    else await connection.run(`create table if not exists event_rows (${REQUIRED_COLUMNS})`);
    await defineView(connection, await storedOptional(connection));
  });
}

/** Adds to `event_rows` the optional columns of `wanted` it lacks (and shows them in `events`). */
export async function storeOptionalColumns(
  connection: DuckDBConnection,
  wanted: readonly OptionalColumn[],
): Promise<void> {
  const stored = await storedOptional(connection);
  const missing = wanted.filter((column) => !stored.includes(column));
  if (missing.length === 0) return;
  for (const column of missing)
    await connection.run(`alter table event_rows add column ${column} ${OPTIONAL_TYPES[column]}`);
  await defineView(connection, [...stored, ...missing]);
}

/**
 * The optional columns `event_rows` holds, in its own order (the order an appender fills them).
 * Read with `describe`: the first query of a process on duckdb_columns() took 12 ms, describe 2.
 */
export async function storedOptional(connection: DuckDBConnection): Promise<OptionalColumn[]> {
  const reader = await connection.runAndReadAll('describe event_rows');
  const names = reader.getRowObjectsJS().map((r) => String(r.column_name));
  return names.filter((name): name is OptionalColumn => name in OPTIONAL_TYPES);
}

async function defineView(connection: DuckDBConnection, stored: readonly OptionalColumn[]): Promise<void> {
  const optional = OPTIONAL_COLUMNS.map((column) =>
    stored.includes(column) ? column : `null::${OPTIONAL_TYPES[column]} as ${column}`,
  );
  await connection.run(
    `create or replace view events as
     select log, seq, case_id, activity, ts_us, tz_offset_min, ${optional.join(', ')} from event_rows`,
  );
}

async function relationKind(connection: DuckDBConnection, name: string): Promise<string | undefined> {
  const reader = await connection.runAndReadAll(
    `select table_type from information_schema.tables
     where table_catalog = current_database() and table_schema = 'main' and table_name = '${name}'`,
  );
  const [row] = reader.getRowObjectsJS();
  return row ? String(row.table_type) : undefined;
}
