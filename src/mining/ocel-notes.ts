/**
 * What an OCEL 2.0 log holds that its flattening onto the case read and did not use, in words for
 * the import's report: a log is one object type's journeys, so relations between objects and the
 * attributes of the other objects have no place in it; nothing of the file goes unsaid.
 */

import { grouped } from '../text/grouped.js';
import { VALUE_TIME } from './ocel-tables.js';
import { quoteLiteral as literal } from './sql-text.js';
import { type EventStore, queryRows } from './store.js';

/** Kinds listed one by one in a note, the commonest first. */
const LISTED = 5;

const plural = (n: number, one: string, many = `${one}s`) => `${grouped(n)} ${n === 1 ? one : many}`;

const listed = (items: string[], total: number) =>
  `${items.join('; ')}${total > items.length ? `; and ${total - items.length} more` : ''}`;

/** Each note a sentence; none when the log holds nothing unused. */
export async function ocelNotes(store: EventStore, caseType: string): Promise<string[]> {
  // One after the other: the queries share the store's one connection.
  const notes: (string | undefined)[] = [];
  notes.push(await objectRelations(store));
  notes.push(await otherObjectsValues(store, caseType));
  notes.push(await shadowedValues(store, caseType));
  notes.push(await untimedValues(store, caseType));
  return notes.filter((n): n is string => n !== undefined);
}

async function objectRelations(store: EventStore): Promise<string | undefined> {
  const kinds = await queryRows(
    store,
    `select coalesce(s.type, '(no such object)') as source, coalesce(t.type, '(no such object)') as target,
       coalesce(r.qualifier, '') as qualifier, count(*) as n
     from ocel_o2o r left join ocel_objects s on s.id = r.source_id left join ocel_objects t on t.id = r.target_id
     group by all order by n desc, source, target, qualifier`,
  );
  const total = kinds.reduce((sum, k) => sum + Number(k.n), 0);
  if (total === 0) return undefined;
  const items = kinds
    .slice(0, LISTED)
    .map((k) => `${k.source} to ${k.target}${k.qualifier ? ` '${k.qualifier}'` : ''} (${Number(k.n)})`);
  return `${plural(total, 'object-to-object relation')} read and not used (a journey follows one object, the case): ${listed(items, kinds.length)}`;
}

async function otherObjectsValues(store: EventStore, caseType: string): Promise<string | undefined> {
  const types = await queryRows(
    store,
    `select o.type, count(distinct v.object_id) as objects, list(distinct v.name order by v.name) as names
     from ocel_object_values v join ocel_objects o on o.id = v.object_id
     where o.type is distinct from ${literal(caseType)} group by o.type order by o.type`,
  );
  if (types.length === 0) return undefined;
  const items = types
    .slice(0, LISTED)
    .map(
      (t) =>
        `${String(t.type ?? '(no type)')} (${plural(Number(t.objects), 'object')}): ${(t.names as string[]).join(', ')}`,
    );
  return `attributes of objects other than the case type '${caseType}' read and not stored: ${listed(items, types.length)}; each event names the objects it relates to in its attribute 'ocel:objects'`;
}

async function shadowedValues(store: EventStore, caseType: string): Promise<string | undefined> {
  const names = await queryRows(
    store,
    `select name, count(*) as events from (
       select f, name from ocel_fields where p in (1, 2) group by f, name having count(distinct p) = 2)
     group by name order by events desc, name`,
  );
  if (names.length === 0) return undefined;
  const events = names.reduce((sum, r) => sum + Number(r.events), 0);
  const one = events === 1;
  return `${plural(events, 'event')} ${one ? 'carries an attribute that its' : 'carry attributes that their'} ${caseType} object also has (${names.map((r) => `'${r.name}'`).join(', ')}): the event's own value is stored, the object's is not`;
}

async function untimedValues(store: EventStore, caseType: string): Promise<string | undefined> {
  const rows = await queryRows(
    store,
    `select object_id, name, time, count(*) over () as n from ocel_object_values
     where ${VALUE_TIME} = '-infinity'::timestamptz
       and object_id in (select id from ocel_objects where type = ${literal(caseType)})
     order by k limit 1`,
  );
  const [first] = rows;
  if (!first) return undefined;
  const time = first.time === null ? 'no time' : `"${first.time}", not a time`;
  const n = Number(first.n);
  return `${plural(n, 'attribute value')} of ${caseType} objects ${n === 1 ? 'has' : 'have'} no readable time (the first: object '${first.object_id}', '${first.name}', ${time}): taken as in force from the start`;
}
