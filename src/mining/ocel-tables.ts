/**
 * OCEL 2.0 logs, whichever of the three standard files they come in (JSON, XML, SQLite), staged in
 * the same three temporary tables (objects, events, event-to-object relations) and flattened from
 * there onto one object type, the case notion (e.g. the customer): each event becomes one event of
 * every object of that type it relates to. Events that relate to no such object, or whose type or
 * time cannot be read, are counted as skipped, and the unreadable ones named, never dropped unsaid.
 */
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { type ImportProblem, type ImportReport, LISTED_PROBLEMS } from './import-xes.js';
import { LogImportError } from './log-import-error.js';
import { quoteLiteral as literal } from './sql-text.js';
import { type EventStore, nextSeq, queryRows } from './store.js';
import { tzOffsetSql } from './timestamp-text.js';

const TABLES = ['ocel_flat', 'ocel_relations', 'ocel_events', 'ocel_objects'];

/**
 * The staging tables, empty. `n` is an event's place in the file (its order in the log);
 * `type_field` and `time_field` say where the file holds its type and time, for problems.
 */
export async function createOcelTables(c: DuckDBConnection): Promise<void> {
  await c.run("set TimeZone = 'UTC'");
  await dropOcelTables(c);
  await c.run(`
    create temp table ocel_objects (id varchar, type varchar);
    create temp table ocel_events (n bigint, id varchar, activity varchar, time varchar, attributes json,
      line integer, type_field varchar, time_field varchar);
    create temp table ocel_relations (n bigint, object_id varchar, qualifier varchar)`);
}

export async function dropOcelTables(c: DuckDBConnection): Promise<void> {
  for (const table of TABLES) await c.run(`drop table if exists ${table}`);
}

export interface OcelEvent {
  n: number;
  id: string | null;
  type: string | null;
  time: string | null;
  /** As OCEL 2.0 JSON writes them: [{"name": ..., "value": ...}]. */
  attributes: { name: string; value: unknown }[];
  /** Line in the file, 0 where it has none. */
  line: number;
  typeField: string;
  timeField: string;
}

const put = (a: DuckDBAppender, v: string | null) => (v === null ? a.appendNull() : a.appendVarchar(v));

/** Rows appended to the staging tables as a reader finds them, for readers that stream a file. */
export class OcelStaging {
  private constructor(
    private readonly objects: DuckDBAppender,
    private readonly events: DuckDBAppender,
    private readonly relations: DuckDBAppender,
  ) {}

  static async open(c: DuckDBConnection): Promise<OcelStaging> {
    await createOcelTables(c);
    return new OcelStaging(
      await c.createAppender('ocel_objects'),
      await c.createAppender('ocel_events'),
      await c.createAppender('ocel_relations'),
    );
  }

  object(id: string | null, type: string | null): void {
    put(this.objects, id);
    put(this.objects, type);
    this.objects.endRow();
  }

  event(e: OcelEvent): void {
    const a = this.events;
    a.appendBigInt(BigInt(e.n));
    put(a, e.id);
    put(a, e.type);
    put(a, e.time);
    a.appendVarchar(JSON.stringify(e.attributes));
    a.appendInteger(e.line);
    a.appendVarchar(e.typeField);
    a.appendVarchar(e.timeField);
    a.endRow();
  }

  relation(n: number, objectId: string | null, qualifier: string | null): void {
    this.relations.appendBigInt(BigInt(n));
    put(this.relations, objectId);
    put(this.relations, qualifier);
    this.relations.endRow();
  }

  close(): void {
    for (const a of [this.objects, this.events, this.relations]) {
      a.flushSync();
      a.closeSync();
    }
  }
}

const readable = `activity is not null and activity <> '' and try_cast(time as timestamptz) is not null`;

/** The staged log flattened onto `caseType` and stored as events of `log`; the staging dropped. */
export async function storeOcel(
  store: EventStore,
  file: string,
  log: string,
  caseType: string | undefined,
): Promise<ImportReport> {
  const c = store.connection;
  try {
    const types = (
      await queryRows(store, 'select type, count(*) as n from ocel_objects group by 1 order by 2 desc, 1')
    ).map((r) => ({ type: String(r.type), n: Number(r.n) }));
    if (!caseType || !types.some((t) => t.type === caseType))
      throw new LogImportError(
        caseType
          ? `${file} has no objects of type '${caseType}'`
          : `${file} is object-centric: choose which object type is the case`,
        `name it with --case-type TYPE (the object types, with their counts: ${types.map((t) => `${t.type} (${t.n})`).join(', ')})`,
      );
    const next = await nextSeq(store, log);
    await c.run(`
      create temp table ocel_flat as
      select e.n, e.id, e.activity, e.time, e.attributes, r.object_id as case_id, r.qualifier
      from ocel_events e join ocel_relations r on r.n = e.n join ocel_objects o on o.id = r.object_id
      where o.type = ${literal(caseType)} and ${readable}`);
    await c.run(`
      insert into events
      select ${literal(log)}, ${next} + row_number() over (order by n, case_id, qualifier) - 1, case_id, activity,
        epoch_us(cast(time as timestamptz)), ${tzOffsetSql('time')}, null, null, null, null,
        json_object('ocel:eid', id, 'ocel:qualifier', qualifier, 'attributes', attributes)
      from ocel_flat`);
    const [counts] = await queryRows(
      store,
      `select (select count(*) from ocel_flat) as events, (select count(distinct case_id) from ocel_flat) as cases,
        (select count(*) from ocel_events where n not in (select n from ocel_flat)) as skipped`,
    );
    return {
      events: Number(counts?.events ?? 0),
      cases: Number(counts?.cases ?? 0),
      skipped: Number(counts?.skipped ?? 0),
      problems: await unreadableEvents(store),
    };
  } finally {
    await dropOcelTables(c);
  }
}

/** The first events whose type or time cannot be read, named by where the file holds them. */
async function unreadableEvents(store: EventStore): Promise<ImportProblem[]> {
  const rows = await queryRows(
    store,
    `select id, activity, time, line, type_field, time_field from ocel_events where not (${readable})
     order by n limit ${LISTED_PROBLEMS}`,
  );
  return rows.map((r) => {
    const id = `event '${String(r.id ?? '')}'`;
    const noType = r.activity === null || r.activity === '';
    return {
      line: Number(r.line),
      field: String(noType ? r.type_field : r.time_field),
      message: noType
        ? `${id} has no type (its activity)`
        : r.time === null
          ? `${id} has no time`
          : `${id}: "${String(r.time)}" is not a timestamp`,
    };
  });
}
