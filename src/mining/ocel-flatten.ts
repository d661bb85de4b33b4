/**
 * A staged OCEL 2.0 log (ocel-tables.ts) flattened onto one object type, the case notion (e.g. the
 * customer): each event becomes one event of every object of that type it relates to. Its
 * attributes, each a key of the stored event's attributes, so that drivers can be sought on them:
 * - the event's own attributes;
 * - the case object's attributes, each with the value in force at the event's time (OCEL values
 *   carry the time from which they hold), the event's own value kept where both name one;
 * - `ocel:eid`, the event's id; `ocel:qualifier`, its relation to the case; `ocel:objects`, the
 *   other objects it relates to (id, type, qualifier).
 * Events that relate to no object of the case type, or whose type or time cannot be read, are
 * counted as skipped, and the unreadable ones named; what was read and not used is said in notes.
 */

import { grouped } from '../text/grouped.js';
import { logId, storeOptionalColumns } from './event-rows.js';
import { type ImportProblem, type ImportReport, LISTED_PROBLEMS } from './import-report.js';
import { LogImportError } from './log-import-error.js';
import { ocelNotes } from './ocel-notes.js';
import { dropOcelTables, VALUE_TIME } from './ocel-tables.js';
import { quoteLiteral as literal } from './sql-text.js';
import { type EventStore, nextSeq, queryRows } from './store.js';
import { instantSql, tzOffsetSql } from './timestamp-text.js';

const readable = `activity is not null and activity <> '' and ${instantSql('time')} is not null`;

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
    // No object at all: no type to choose, and nothing for a case to be.
    if (types.length === 0)
      throw new LogImportError(
        `${file} holds no objects, so no event belongs to a case`,
        'an OCEL 2.0 log lists its objects (objects) and relates its events to them (relationships)',
      );
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
      select row_number() over (order by e.n, r.object_id, r.qualifier) as f, e.n, e.id, e.activity, e.time,
        ${instantSql('e.time')} as t_us, make_timestamp(t_us)::timestamptz as t, r.object_id as case_id,
        r.qualifier
      from ocel_events e join ocel_relations r on r.n = e.n join ocel_objects o on o.id = r.object_id
      where o.type = ${literal(caseType)} and ${readable}`);
    await c.run(fieldsSql(caseType));
    await storeOptionalColumns(c, ['attributes']);
    // Sorted by name, so that the three formats of one log store the same text.
    await c.run(`
      insert into event_rows (log_id, seq, case_id, activity, ts_us, tz_offset_min, attributes)
      select ${await logId(c, log)}, ${next} + f - 1, case_id, activity, t_us, ${tzOffsetSql('time', 't_us')}, a.attributes
      from ocel_flat join (
        select f, to_json(map_from_entries(list((name, value) order by name))) as attributes
        from (select f, name, arg_max(value, (p, i)) as value from ocel_fields group by f, name)
        group by f) a using (f)`);
    const [counts] = await queryRows(
      store,
      `select (select count(*) from ocel_flat) as events, (select count(distinct case_id) from ocel_flat) as cases,
        (select count(*) from ocel_events where n not in (select n from ocel_flat)) as skipped,
        (select count(*) from ocel_events where n not in (select n from ocel_flat) and ${readable}) as caseless`,
    );
    // Said, not only counted: "8 rows skipped" alone gave no reason.
    const caseless = Number(counts?.caseless ?? 0);
    const notes = [
      ...(caseless > 0
        ? [
            `${grouped(caseless)} event${caseless === 1 ? '' : 's'} relate${caseless === 1 ? 's' : ''} to no object of the type '${caseType}', so belong${caseless === 1 ? 's' : ''} to no case: left out, and counted as skipped`,
          ]
        : []),
      ...(await ocelNotes(store, caseType)),
    ];
    return {
      events: Number(counts?.events ?? 0),
      cases: Number(counts?.cases ?? 0),
      skipped: Number(counts?.skipped ?? 0),
      problems: await unreadableEvents(store),
      ...(notes.length > 0 ? { notes } : {}),
    };
  } finally {
    await dropOcelTables(c);
  }
}

/**
 * Every candidate attribute of each flattened event `f`, with its precedence `p` (the names linesight
 * gives, then the event's own, then the case object's) and its place `i` among the event's own
 * attributes (a name written twice keeps its last value).
 */
function fieldsSql(caseType: string): string {
  return `
    create temp table ocel_fields as
    with own as (
      select n, unnest(a) as v, generate_subscripts(a, 1) as i
      from (select n, from_json(attributes, '[{"name":"VARCHAR","value":"JSON"}]') as a from ocel_events)),
    case_values as (
      select object_id, name, ${VALUE_TIME} as t, arg_max(value, k) as value
      from ocel_object_values
      where object_id in (select id from ocel_objects where type = ${literal(caseType)})
      group by all),
    case_names as (select distinct object_id, name from case_values),
    related as (
      select x.f, to_json(list(json_object('id', r.object_id, 'type', o.type, 'qualifier', r.qualifier)
        order by o.type, r.object_id, r.qualifier)) as objects
      from ocel_flat x join ocel_relations r on r.n = x.n and r.object_id is distinct from x.case_id
        left join ocel_objects o on o.id = r.object_id
      group by x.f)
    select f, coalesce(v.name, '') as name, v.value, 2 as p, i from ocel_flat join own using (n)
    union all
    select x.f, x.name, v.value, 1, 0
    from (select f, case_id, t, name from ocel_flat join case_names on object_id = case_id) x
      asof join case_values v on v.object_id = x.case_id and v.name = x.name and x.t >= v.t
    union all select f, 'ocel:eid', to_json(id), 3, 0 from ocel_flat
    union all select f, 'ocel:qualifier', to_json(qualifier), 3, 0 from ocel_flat
    union all select f, 'ocel:objects', objects, 3, 0 from related`;
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
