/**
 * How events are stored: a table `event_rows` holds the columns every event has, and each optional
 * one (lifecycle, resource, channel, segment, attributes) from the first import whose log has it;
 * the view `events`, which every reading uses, shows all of them, null where a column is not
 * stored. A column every row holds as null still cost DuckDB as much to store as a number column
 * with values: the five of them were 0.75 s of importing ten million events of a CSV that had none
 * (25% of the insert), and most logs have few of them.
 *
 * A row names its log by a number (`log_id`), whose name the table `event_logs` keeps: the name
 * written as text on every row, the same text a million times, took DuckDB 60 to 75 ms a million
 * events to store (it weighs a dictionary for each block of text), a number 10; the view shows the
 * name again, by a join that cost the readings measured nothing (1 to 2 ms at a million events).
 *
 * Writes go to `event_rows`, naming the columns they fill, after `storeOptionalColumns` has added
 * the ones they need and `logId` has given the log its number, in the import's transaction (a
 * rolled-back import adds neither). Stores of the two earlier layouts are taken over when opened to
 * write: one `events` table of every column is renamed `event_rows` (no data moves), and an
 * `event_rows` that names the log on every row is copied once into the numbered layout.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { type TextCompression, textCompression } from './text-compression.js';
import { inTransaction } from './transaction.js';

const requiredColumns = (methods: TextCompression) => `log_id integer not null,
  seq bigint not null,
  case_id varchar not null ${methods.caseId},
  activity varchar not null ${methods.fewValues},
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

/** An optional column's definition: its type, and its compression when it is text. */
const definition = (column: OptionalColumn, methods: TextCompression) =>
  OPTIONAL_TYPES[column] === 'varchar' ? `varchar ${methods.fewValues}` : OPTIONAL_TYPES[column];

/** Makes `event_rows`, `event_logs` and the `events` view in a new store, or takes over an earlier store's layout. */
export async function prepareEventRows(connection: DuckDBConnection): Promise<void> {
  const kinds = await relationKinds(connection);
  const kind = kinds.get('events');
  // The numbered layout is the one with `event_logs` (made with it, in one transaction).
  if (kind === 'VIEW' && kinds.has('event_logs')) return;
  // One transaction: a store is never left half taken over, with no view to read it by.
  await inTransaction(connection, async () => {
    if (kind === 'BASE TABLE') await connection.run('alter table events rename to event_rows');
    if (kind === undefined) {
      await connection.run(`create table event_rows (${requiredColumns(await textCompression(connection))})`);
      await connection.run(`create table event_logs (${LOG_COLUMNS})`);
    } else await numberLogs(connection);
    await defineView(connection, await storedOptional(connection));
  });
}

const LOG_COLUMNS = 'id integer primary key, name varchar not null unique';

/**
 * An `event_rows` of the earlier layout (the log's name on every row) copied into the numbered
 * one, optional columns in the same order, events in log and file order.
 */
async function numberLogs(connection: DuckDBConnection): Promise<void> {
  const optional = await storedOptional(connection);
  await connection.run(`create table event_logs (${LOG_COLUMNS})`);
  await connection.run(
    'insert into event_logs select row_number() over (order by log), log from (select distinct log from event_rows)',
  );
  const methods = await textCompression(connection);
  await connection.run(`create table numbered_event_rows (${requiredColumns(methods)})`);
  for (const column of optional)
    await connection.run(
      `alter table numbered_event_rows add column ${column} ${definition(column, methods)}`,
    );
  await connection.run(`insert into numbered_event_rows
    select l.id, e.* exclude (log) from event_rows e join event_logs l on l.name = e.log order by l.id, e.seq`);
  await connection.run('drop view if exists events');
  await connection.run('drop table event_rows');
  await connection.run('alter table numbered_event_rows rename to event_rows');
}

/**
 * The number of `log` in `event_logs`, given to it when it has none. Called in the transaction that
 * writes the log's first events, so that a rolled-back import leaves no number behind.
 */
export async function logId(connection: DuckDBConnection, log: string): Promise<number> {
  await connection.run(
    `insert into event_logs select coalesce((select max(id) from event_logs), 0) + 1, $log
     where not exists (select 1 from event_logs where name = $log)`,
    { log },
  );
  const reader = await connection.runAndReadAll('select id from event_logs where name = $log', { log });
  return Number(reader.getRowObjectsJS()[0]?.id);
}

/** SQL: the number of the log named by the parameter $log (null when it has none). */
export const LOG_ID = '(select id from event_logs where name = $log)';

/** Adds to `event_rows` the optional columns of `wanted` it lacks (and shows them in `events`). */
export async function storeOptionalColumns(
  connection: DuckDBConnection,
  wanted: readonly OptionalColumn[],
): Promise<void> {
  const stored = await storedOptional(connection);
  const missing = wanted.filter((column) => !stored.includes(column));
  if (missing.length === 0) return;
  const methods = await textCompression(connection);
  for (const column of missing)
    await connection.run(`alter table event_rows add column ${column} ${definition(column, methods)}`);
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
     select l.name as log, e.seq, e.case_id, e.activity, e.ts_us, e.tz_offset_min, ${optional.join(', ')}
     from event_rows e join event_logs l on l.id = e.log_id`,
  );
}

/** The kinds (BASE TABLE, VIEW) of the store's `events` and `event_logs`, in one catalog query. */
export async function relationKinds(connection: DuckDBConnection): Promise<Map<string, string>> {
  const reader = await connection.runAndReadAll(
    `select table_name, table_type from information_schema.tables
     where table_catalog = current_database() and table_schema = 'main' and table_name in ('events', 'event_logs')`,
  );
  return new Map(reader.getRowObjectsJS().map((r) => [String(r.table_name), String(r.table_type)]));
}
