/**
 * OCEL 2.0 SQLite logs (tables event, object, event_object, event_map_type and one event_<Type>
 * table per event type with its time and attributes), read with sql.js (SQLite in WebAssembly:
 * DuckDB's sqlite extension would be a download, Node 20 has no node:sqlite) into the OCEL
 * staging tables and flattened from there (see ocel-flatten.ts).
 *
 * sql.js holds the whole database in memory, so files are refused past a size; the rows are
 * stepped through one at a time and appended to DuckDB as they come, never gathered in an array.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import type { ImportReport } from './import-report.js';
import { LogImportError } from './log-import-error.js';
import { storeOcel } from './ocel-flatten.js';
import { dropOcelTables, OcelStaging } from './ocel-tables.js';
import type { EventStore } from './store.js';

/** sql.js copies the file into WebAssembly memory, which cannot grow past a few GiB. */
export const MAX_SQLITE_BYTES = 256 * 2 ** 20;

const REQUIRED = ['event', 'object', 'event_object', 'event_map_type'];

const OCEL_SQLITE_HINT = `an OCEL 2.0 SQLite log has the tables ${REQUIRED.join(', ')} and one event_<Type> table per event type`;

// Loaded on first use: commands and the server that never read SQLite do not pay for it.
let engine: Promise<SqlJsStatic> | undefined;

/** Each row of `sql` in turn, as an array of its columns. */
function eachRow(db: Database, sql: string, params: SqlValue[], visit: (row: SqlValue[]) => void): void {
  const statement = db.prepare(sql, params);
  try {
    while (statement.step()) visit(statement.get());
  } finally {
    statement.free();
  }
}

const text = (v: SqlValue | undefined) => (v === null || v === undefined ? null : String(v));
const quoteName = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function openDatabase(file: string): Promise<{ db: Database; tables: Set<string> }> {
  const size = statSync(file).size;
  if (size > MAX_SQLITE_BYTES)
    throw new LogImportError(
      `${file} is ${(size / 2 ** 20).toFixed(0)} MiB; linesight reads OCEL 2.0 SQLite files up to ${MAX_SQLITE_BYTES / 2 ** 20} MiB (an SQLite file is read into memory whole)`,
      'export the log as OCEL 2.0 XML, which is read as a stream, or import a part of it',
    );
  engine ??= import('sql.js').then((m) => m.default());
  const db = new (await engine).Database(readFileSync(file));
  let tables: Set<string>;
  try {
    tables = new Set<string>();
    eachRow(db, "select name from sqlite_master where type = 'table'", [], ([name]) =>
      tables.add(String(name)),
    );
  } catch (error) {
    db.close();
    throw new LogImportError(`${file} is no SQLite database (${(error as Error).message})`, OCEL_SQLITE_HINT);
  }
  const missing = REQUIRED.filter((t) => !tables.has(t));
  if (missing.length > 0) {
    db.close();
    throw new LogImportError(
      `${file} is an SQLite database but no OCEL 2.0 log: it has no table ${missing.map((t) => `'${t}'`).join(', ')}`,
      OCEL_SQLITE_HINT,
    );
  }
  return { db, tables };
}

/** Every event with its time and attributes from its type's table; `n` is its rowid, the log's order. */
function readEvents(db: Database, tables: Set<string>, staging: OcelStaging): void {
  const covered: string[] = [];
  const types: [string, string][] = [];
  eachRow(db, 'select ocel_type, ocel_type_map from event_map_type order by ocel_type', [], ([type, map]) => {
    if (tables.has(`event_${map}`)) types.push([String(type), `event_${map}`]);
  });
  for (const [type, table] of types) {
    covered.push(type);
    const columns: string[] = [];
    eachRow(db, `select name from pragma_table_info(?)`, [table], ([name]) => columns.push(String(name)));
    const rest = columns.filter((c) => c !== 'ocel_id' && c !== 'ocel_time');
    const select = ['t.ocel_time', ...rest.map((c) => `t.${quoteName(c)}`)].join(', ');
    eachRow(
      db,
      `select e.rowid, e.ocel_id, e.ocel_type, ${select} from event e left join ${quoteName(table)} t on t.ocel_id = e.ocel_id where e.ocel_type = ?`,
      [type],
      ([n, id, activity, time, ...values]) =>
        staging.event({
          n: Number(n),
          id: text(id),
          type: text(activity),
          time: text(time),
          // A table has a column for each attribute of its type: an event without a value holds null.
          attributes: rest.flatMap((name, i) =>
            values[i] === null ? [] : [{ name, value: attributeValue(values[i]) }],
          ),
          line: 0,
          typeField: 'event.ocel_type',
          timeField: `${table}.ocel_time`,
        }),
    );
  }
  // Events of a type without a table of its own have no time: staged all the same, to be named.
  eachRow(
    db,
    `select rowid, ocel_id, ocel_type from event where ocel_type is null or ocel_type not in (${covered.map(() => '?').join(', ') || "''"})`,
    covered,
    ([n, id, activity]) =>
      staging.event({
        n: Number(n),
        id: text(id),
        type: text(activity),
        time: null,
        attributes: [],
        line: 0,
        typeField: 'event.ocel_type',
        timeField: `event_map_type (no table for type '${text(activity) ?? ''}')`,
      }),
  );
}

/**
 * The objects' attribute values from their type's table: a row with no `ocel_changed_field` sets
 * every attribute it has a value for (an object's first row), any other only the one it names.
 */
function readObjectValues(db: Database, tables: Set<string>, staging: OcelStaging): void {
  if (!tables.has('object_map_type')) return;
  const types: string[] = [];
  eachRow(db, 'select ocel_type_map from object_map_type order by ocel_type', [], ([map]) => {
    if (tables.has(`object_${map}`)) types.push(`object_${map}`);
  });
  for (const table of types) {
    const columns: string[] = [];
    eachRow(db, 'select name from pragma_table_info(?)', [table], ([name]) => columns.push(String(name)));
    const names = columns.filter((c) => !['ocel_id', 'ocel_time', 'ocel_changed_field'].includes(c));
    const changed = columns.includes('ocel_changed_field') ? 'ocel_changed_field' : 'null';
    const select = ['ocel_id', 'ocel_time', changed, ...names.map(quoteName)].join(', ');
    eachRow(
      db,
      `select ${select} from ${quoteName(table)} order by rowid`,
      [],
      ([id, time, field, ...values]) =>
        names.forEach((name, i) => {
          const value = values[i];
          if (field === null ? value !== null && value !== undefined : field === name)
            staging.objectValue(text(id), name, text(time), attributeValue(value));
        }),
    );
  }
}

/** SQLite's numbers and texts as they are; a blob as its bytes in hex. */
const attributeValue = (v: SqlValue | undefined) =>
  v instanceof Uint8Array ? Buffer.from(v).toString('hex') : (v ?? null);

export async function importOcelSqlite(
  store: EventStore,
  file: string,
  log: string,
  options: { caseType?: string },
): Promise<ImportReport> {
  const { db, tables } = await openDatabase(file);
  const staging = await OcelStaging.open(store.connection);
  try {
    eachRow(db, 'select ocel_id, ocel_type from object', [], ([id, type]) =>
      staging.object(text(id), text(type)),
    );
    readObjectValues(db, tables, staging);
    if (tables.has('object_object'))
      eachRow(
        db,
        'select ocel_source_id, ocel_target_id, ocel_qualifier from object_object',
        [],
        ([s, t, q]) => staging.objectRelation(text(s), text(t), text(q)),
      );
    readEvents(db, tables, staging);
    eachRow(
      db,
      'select e.rowid, r.ocel_object_id, r.ocel_qualifier from event_object r join event e on e.ocel_id = r.ocel_event_id',
      [],
      ([n, objectId, qualifier]) => staging.relation(Number(n), text(objectId), text(qualifier)),
    );
  } catch (error) {
    staging.close();
    await dropOcelTables(store.connection);
    throw error instanceof LogImportError
      ? error
      : new LogImportError(`${file}: ${(error as Error).message}`, OCEL_SQLITE_HINT);
  } finally {
    db.close();
  }
  staging.close();
  return storeOcel(store, file, log, options.caseType);
}
