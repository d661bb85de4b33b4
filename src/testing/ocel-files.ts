/**
 * One OCEL 2.0 log written as each of the standard's three files (JSON, XML, SQLite), for tests
 * that the three read alike. The SQLite file follows pm4py's layout: an object's first row sets
 * all its attributes (no `ocel_changed_field`), each later row changes the one it names.
 */
import { writeFileSync } from 'node:fs';
import initSqlJs from 'sql.js';

export interface OcelValue {
  name: string;
  /** ISO 8601; the object's first values come first. */
  time: string;
  value: string;
}

export interface OcelObject {
  id: string;
  type: string;
  attributes?: OcelValue[];
  relationships?: { objectId: string; qualifier: string }[];
}

export interface OcelEventSpec {
  id: string;
  type: string;
  time: string;
  attributes?: { name: string; value: string }[];
  relationships: { objectId: string; qualifier: string }[];
}

export interface OcelLog {
  objects: OcelObject[];
  events: OcelEventSpec[];
}

const typesOf = <T extends { type: string }>(items: T[]) => [...new Set(items.map((i) => i.type))].sort();

const namesOf = (items: { type: string; attributes?: { name: string }[] }[], type: string) => [
  ...new Set(items.filter((i) => i.type === type).flatMap((i) => (i.attributes ?? []).map((a) => a.name))),
];

export function writeOcelJson(file: string, log: OcelLog): void {
  const declared = (items: OcelObject[] | OcelEventSpec[]) =>
    typesOf(items as { type: string }[]).map((name) => ({
      name,
      attributes: namesOf(items, name).map((a) => ({ name: a, type: 'string' })),
    }));
  writeFileSync(
    file,
    JSON.stringify({
      objectTypes: declared(log.objects),
      eventTypes: declared(log.events),
      objects: log.objects,
      events: log.events,
    }),
  );
}

const esc = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const relations = (rs: { objectId: string; qualifier: string }[] = []) =>
  `<objects>${rs.map((r) => `<relationship object-id="${esc(r.objectId)}" qualifier="${esc(r.qualifier)}"/>`).join('')}</objects>`;

export function writeOcelXml(file: string, log: OcelLog): void {
  const objects = log.objects.map(
    (o) =>
      `<object id="${esc(o.id)}" type="${esc(o.type)}"><attributes>${(o.attributes ?? [])
        .map((a) => `<attribute name="${esc(a.name)}" time="${esc(a.time)}">${esc(a.value)}</attribute>`)
        .join('')}</attributes>${relations(o.relationships)}</object>`,
  );
  const events = log.events.map(
    (e) =>
      `<event id="${esc(e.id)}" type="${esc(e.type)}" time="${esc(e.time)}"><attributes>${(e.attributes ?? [])
        .map((a) => `<attribute name="${esc(a.name)}">${esc(a.value)}</attribute>`)
        .join('')}</attributes>${relations(e.relationships)}</event>`,
  );
  writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8"?>\n<log>\n<objects>\n${objects.join('\n')}\n</objects>\n<events>\n${events.join('\n')}\n</events>\n</log>\n`,
  );
}

const table = (kind: string, type: string) => `"${kind}_${type.replace(/[^A-Za-z0-9]/g, '')}"`;
const column = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function writeOcelSqlite(file: string, log: OcelLog): Promise<void> {
  const db = new (await initSqlJs()).Database();
  const run = (sql: string, params: (string | null)[] = []) => db.run(sql, params);
  run('create table event (ocel_id text primary key, ocel_type text)');
  run('create table object (ocel_id text primary key, ocel_type text)');
  run('create table event_object (ocel_event_id text, ocel_object_id text, ocel_qualifier text)');
  run('create table object_object (ocel_source_id text, ocel_target_id text, ocel_qualifier text)');
  run('create table event_map_type (ocel_type text, ocel_type_map text)');
  run('create table object_map_type (ocel_type text, ocel_type_map text)');
  for (const type of typesOf(log.objects)) {
    const names = namesOf(log.objects, type);
    run('insert into object_map_type values (?, ?)', [type, table('', type).slice(2, -1)]);
    run(
      `create table ${table('object', type)} (ocel_id text, ocel_time timestamp, ocel_changed_field text${names.map((n) => `, ${column(n)} text`).join('')})`,
    );
  }
  for (const type of typesOf(log.events)) {
    const names = namesOf(log.events, type);
    run('insert into event_map_type values (?, ?)', [type, table('', type).slice(2, -1)]);
    run(
      `create table ${table('event', type)} (ocel_id text, ocel_time timestamp${names.map((n) => `, ${column(n)} text`).join('')})`,
    );
  }
  for (const o of log.objects) {
    run('insert into object values (?, ?)', [o.id, o.type]);
    for (const r of o.relationships ?? [])
      run('insert into object_object values (?, ?, ?)', [o.id, r.objectId, r.qualifier]);
    const [first, ...later] = o.attributes ?? [];
    const initial = (o.attributes ?? []).filter((a) => a.time === first?.time);
    const rows = [
      { time: first?.time ?? '1970-01-01T00:00:00Z', changed: null, values: initial },
      ...later.slice(initial.length - 1).map((a) => ({ time: a.time, changed: a.name, values: [a] })),
    ];
    for (const row of rows)
      run(
        `insert into ${table('object', o.type)} (ocel_id, ocel_time, ocel_changed_field${row.values.map((v) => `, ${column(v.name)}`).join('')}) values (?, ?, ?${', ?'.repeat(row.values.length)})`,
        [o.id, row.time, row.changed, ...row.values.map((v) => v.value)],
      );
  }
  for (const e of log.events) {
    run('insert into event values (?, ?)', [e.id, e.type]);
    for (const r of e.relationships)
      run('insert into event_object values (?, ?, ?)', [e.id, r.objectId, r.qualifier]);
    const values = e.attributes ?? [];
    run(
      `insert into ${table('event', e.type)} (ocel_id, ocel_time${values.map((v) => `, ${column(v.name)}`).join('')}) values (?, ?${', ?'.repeat(values.length)})`,
      [e.id, e.time, ...values.map((v) => v.value)],
    );
  }
  writeFileSync(file, db.export());
  db.close();
}
