/**
 * OCEL 2.0 JSON logs (object-centric), read by DuckDB and flattened onto one object type, the case
 * notion (e.g. the customer): each event becomes one event of every object of that type it relates
 * to. Events that relate to no such object are counted as skipped, never dropped unsaid.
 */
import { basename } from 'node:path';
import { firstInvalidUtf8, positionOfByte } from './file-position.js';
import type { ImportReport } from './import-xes.js';
import { LogImportError } from './log-import-error.js';
import { quoteLiteral as literal } from './sql-text.js';
import { type EventStore, nextSeq } from './store.js';
import { tzOffsetSql } from './timestamp-text.js';

export async function importOcel(
  store: EventStore,
  file: string,
  log: string,
  options: { caseType?: string },
): Promise<ImportReport> {
  const c = store.connection;
  await c.run("set TimeZone = 'UTC'");
  await c.run(
    'drop table if exists ocel_flat; drop table if exists ocel_events; drop table if exists ocel_objects',
  );
  // The document as JSON text, so that times keep the offset they were written with.
  const doc = `(select content::json as j from read_text(${literal(file)}))`;
  try {
    await c.run(
      `create temp table ocel_objects as select o->>'id' as id, o->>'type' as type from (select unnest(from_json(j->'objects', '["JSON"]')) as o from ${doc})`,
    );
    await c.run(
      `create temp table ocel_events as select row_number() over () as n, e->>'id' as id, e->>'type' as activity, e->>'time' as time, e->'attributes' as attributes,
      from_json(coalesce(e->'relationships', '[]'), '[{"objectId":"VARCHAR","qualifier":"VARCHAR"}]') as relationships
    from (select unnest(from_json(j->'events', '["JSON"]')) as e from ${doc})`,
    );
  } catch (error) {
    throw unreadable(file, error as Error);
  }
  const types = (
    await c.runAndReadAll('select type, count(*) as n from ocel_objects group by 1 order by 2 desc, 1')
  )
    .getRowObjectsJS()
    .map((r) => ({ type: String(r.type), n: Number(r.n) }));
  const caseType = options.caseType;
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
    with rel as (select n, id, activity, time, attributes, unnest(relationships) as r from ocel_events)
    select rel.n, rel.id, rel.activity, rel.time, rel.attributes, r.objectId as case_id, r.qualifier as qualifier
    from rel join ocel_objects o on o.id = r.objectId
    where o.type = ${literal(caseType)} and try_cast(rel.time as timestamptz) is not null`);
  await c.run(`
    insert into events
    select ${literal(log)}, ${next} + row_number() over (order by n, case_id) - 1, case_id, activity,
      epoch_us(cast(time as timestamptz)), ${tzOffsetSql('time')}, null, null, null, null,
      json_object('ocel:eid', id, 'ocel:qualifier', qualifier, 'attributes', attributes)
    from ocel_flat`);
  const [counts] = (
    await c.runAndReadAll(
      `select (select count(*) from ocel_flat) as events, (select count(distinct case_id) from ocel_flat) as cases,
        (select count(*) from ocel_events where n not in (select n from ocel_flat)) as skipped`,
    )
  ).getRowObjectsJS();
  // Events skipped for a time that is no timestamp are named; JSON has no lines, so the path says where.
  const problems = (
    await c.runAndReadAll(
      `select n, id, time from ocel_events where try_cast(time as timestamptz) is null order by n`,
    )
  )
    .getRowObjectsJS()
    .map((r) => ({
      line: 0,
      field: `events[${Number(r.n) - 1}].time`,
      message: `event '${String(r.id)}': "${String(r.time ?? '')}" is not a timestamp`,
    }));
  for (const table of ['ocel_flat', 'ocel_events', 'ocel_objects']) await c.run(`drop table ${table}`);
  return {
    events: Number(counts?.events ?? 0),
    cases: Number(counts?.cases ?? 0),
    skipped: Number(counts?.skipped ?? 0),
    problems,
  };
}

const OCEL_HINT = 'an OCEL 2.0 log is one JSON object with objectTypes, eventTypes, objects and events';

/**
 * DuckDB's reason a file is no JSON, placed and in words for people (it speaks of bytes of its
 * input and of read_blob); other errors are left as they are.
 */
function unreadable(file: string, error: Error): Error {
  if (/could not read content of file .* as valid UTF-8/.test(error.message)) {
    const bad = firstInvalidUtf8(file);
    const where = bad
      ? `, line ${bad.line}, byte ${bad.column}: the byte 0x${bad.byte.toString(16).toUpperCase()} is not UTF-8`
      : ' is not UTF-8 text';
    return new LogImportError(
      `${file}${where}`,
      `JSON is UTF-8: convert the file, e.g. iconv -f latin1 -t utf-8 ${basename(file)} > fixed.jsonocel`,
    );
  }
  const json = /Malformed JSON at byte (\d+) of input: ([^.]*)/.exec(error.message);
  if (json) {
    const at = positionOfByte(file, Number(json[1]));
    return new LogImportError(
      `${file}, line ${at.line}, byte ${at.column}: not valid JSON (${json[2]})`,
      OCEL_HINT,
    );
  }
  return error;
}
