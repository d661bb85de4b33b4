/**
 * OCEL 2.0 logs, whichever of the three standard files they come in (JSON, XML, SQLite), staged in
 * the same temporary tables: objects with their attribute values over time, events, event-to-object
 * relations and object-to-object relations; flattened from there onto the case (ocel-flatten.ts).
 */
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';

/** The staging tables, and the tables the flattening makes from them: all dropped after an import. */
export const OCEL_TABLES = [
  'ocel_fields',
  'ocel_flat',
  'ocel_o2o',
  'ocel_object_values',
  'ocel_relations',
  'ocel_events',
  'ocel_objects',
];

/**
 * The staging tables, empty. `n` is an event's place in the file (its order in the log);
 * `type_field` and `time_field` say where the file holds its type and time, for problems. An
 * object's attribute values each hold from their `time` on; `k` is their order in the file, which
 * decides between two values written for the same time.
 */
export async function createOcelTables(c: DuckDBConnection): Promise<void> {
  await c.run("set TimeZone = 'UTC'");
  await dropOcelTables(c);
  await c.run(`
    create temp table ocel_objects (id varchar, type varchar);
    create temp table ocel_object_values (k bigint, object_id varchar, name varchar, time varchar, value json);
    create temp table ocel_o2o (source_id varchar, target_id varchar, qualifier varchar);
    create temp table ocel_events (n bigint, id varchar, activity varchar, time varchar, attributes json,
      line integer, type_field varchar, time_field varchar);
    create temp table ocel_relations (n bigint, object_id varchar, qualifier varchar)`);
}

/** An object value's time; one that cannot be read holds from the start: the value is the object's, only its time is lost. */
export const VALUE_TIME = `coalesce(try_cast(time as timestamptz), '-infinity'::timestamptz)`;

export async function dropOcelTables(c: DuckDBConnection): Promise<void> {
  for (const table of OCEL_TABLES) await c.run(`drop table if exists ${table}`);
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
  private values = 0;

  private constructor(
    private readonly objects: DuckDBAppender,
    private readonly objectValues: DuckDBAppender,
    private readonly o2o: DuckDBAppender,
    private readonly events: DuckDBAppender,
    private readonly relations: DuckDBAppender,
  ) {}

  static async open(c: DuckDBConnection): Promise<OcelStaging> {
    await createOcelTables(c);
    return new OcelStaging(
      await c.createAppender('ocel_objects'),
      await c.createAppender('ocel_object_values'),
      await c.createAppender('ocel_o2o'),
      await c.createAppender('ocel_events'),
      await c.createAppender('ocel_relations'),
    );
  }

  object(id: string | null, type: string | null): void {
    put(this.objects, id);
    put(this.objects, type);
    this.objects.endRow();
  }

  /** One value of an object's attribute, in force from `time` on; called in the file's order. */
  objectValue(objectId: string | null, name: string, time: string | null, value: unknown): void {
    const a = this.objectValues;
    a.appendBigInt(BigInt(this.values++));
    put(a, objectId);
    a.appendVarchar(name);
    put(a, time);
    a.appendVarchar(JSON.stringify(value ?? null));
    a.endRow();
  }

  objectRelation(sourceId: string | null, targetId: string | null, qualifier: string | null): void {
    put(this.o2o, sourceId);
    put(this.o2o, targetId);
    put(this.o2o, qualifier);
    this.o2o.endRow();
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
    for (const a of [this.objects, this.objectValues, this.o2o, this.events, this.relations]) {
      a.flushSync();
      a.closeSync();
    }
  }
}
