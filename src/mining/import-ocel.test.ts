/**
 * OCEL 2.0 JSON, flattened onto a chosen object type: checked against the file read independently
 * (plain JSON.parse), for every object type of pm4py's purchase-to-pay example.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_LOGS } from '../testing/data.js';
import { discover } from './discover.js';
import { importOcel } from './import-ocel.js';
import { LogImportError } from './log-import-error.js';
import { type EventStore, openStore } from './store.js';

const FILE = join(EVENT_LOGS, 'ocel2/ocel20_example.jsonocel');

interface Ocel {
  objects: {
    id: string;
    type: string;
    attributes?: { name: string; time: string; value: string }[];
    relationships?: { objectId: string }[];
  }[];
  events: {
    id: string;
    type: string;
    time: string;
    attributes?: { name: string; value: string }[];
    relationships?: { objectId: string }[];
  }[];
}
const ocel = JSON.parse(readFileSync(FILE, 'utf8')) as Ocel;
const typeOf = new Map(ocel.objects.map((o) => [o.id, o.type]));
const objectOf = new Map(ocel.objects.map((o) => [o.id, o]));

/** The object's attributes as they stood at `time`: each its latest value written for then or before. */
function inForce(objectId: string, time: string): Record<string, string> {
  const values = (objectOf.get(objectId)?.attributes ?? []).filter(
    (v) => Date.parse(v.time) <= Date.parse(time),
  );
  return Object.fromEntries(
    values.sort((a, b) => Date.parse(a.time) - Date.parse(b.time)).map((v) => [v.name, v.value]),
  );
}

/** What flattening onto `type` must give: one event per (event, related object of that type). */
function expected(type: string) {
  const rows = ocel.events.flatMap((e) =>
    (e.relationships ?? [])
      .filter((r) => typeOf.get(r.objectId) === type)
      .map((r) => ({
        case: r.objectId,
        activity: e.type,
        time: e.time,
        attributes: {
          ...inForce(r.objectId, e.time),
          ...Object.fromEntries((e.attributes ?? []).map((a) => [a.name, a.value])),
        },
      })),
  );
  const related = new Set(
    ocel.events
      .filter((e) => (e.relationships ?? []).some((r) => typeOf.get(r.objectId) === type))
      .map((e) => e.id),
  );
  return { rows, cases: new Set(rows.map((r) => r.case)).size, skipped: ocel.events.length - related.size };
}

let store: EventStore;
beforeAll(async () => {
  store = await openStore(':memory:');
});
afterAll(() => store.close());

describe('OCEL 2.0 JSON import', () => {
  it('asks for the case type, naming the object types with their counts', async () => {
    const error = await importOcel(store, FILE, 'none', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LogImportError);
    expect((error as LogImportError).hint).toContain('Purchase Order (2)');
    await expect(importOcel(store, FILE, 'none', { caseType: 'Parcel' })).rejects.toThrow(
      "no objects of type 'Parcel'",
    );
  });

  it('says a log of no objects has no case to choose, not an empty list of types', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'linesight-ocel-')), 'empty.jsonocel');
    writeFileSync(file, '{}');
    await expect(importOcel(store, file, 'empty', {})).rejects.toThrow(
      'holds no objects, so no event belongs to a case',
    );
  });

  it.each([...new Set(ocel.objects.map((o) => o.type))])(
    'flattens onto %s exactly as the file says',
    async (type) => {
      const log = `p2p-${type}`;
      const want = expected(type);
      const report = await importOcel(store, FILE, log, { caseType: type });
      const relations = ocel.objects.reduce((n, o) => n + (o.relationships?.length ?? 0), 0);
      expect(report).toEqual({
        events: want.rows.length,
        cases: want.cases,
        skipped: want.skipped,
        problems: [],
        notes: [
          // The skipped are said to be the events of no case, not only counted.
          ...(want.skipped > 0
            ? [
                `${want.skipped} event${want.skipped === 1 ? '' : 's'} relate${want.skipped === 1 ? 's' : ''} to no object of the type '${type}', so belong${want.skipped === 1 ? 's' : ''} to no case: left out, and counted as skipped`,
              ]
            : []),
          expect.stringMatching(new RegExp(`^${relations} object-to-object relations read and not used`)),
          expect.stringContaining(`other than the case type '${type}'`),
        ],
      });
      const stored = (
        await store.connection.runAndReadAll(
          'select case_id, activity, ts_us, tz_offset_min, attributes from events where log = $log order by seq',
          { log },
        )
      ).getRowObjectsJS();
      expect(stored.map((r) => [r.case_id, r.activity])).toEqual(
        [...want.rows].map((r) => [r.case, r.activity]),
      );
      expect(stored.map((r) => Number(r.ts_us) / 1000)).toEqual(want.rows.map((r) => Date.parse(r.time)));
      // The event's attributes and its case object's as they stood at the event's time.
      const attributes = stored.map((r) =>
        Object.fromEntries(
          Object.entries(JSON.parse(String(r.attributes))).filter(([k]) => !k.startsWith('ocel:')),
        ),
      );
      expect(attributes).toEqual(want.rows.map((r) => r.attributes));
      // The offset the file wrote (+00:00) is kept.
      expect(stored.every((r) => r.tz_offset_min === 0)).toBe(true);
      const d = await discover(store, log);
      expect(Object.values(d.start).reduce((a, b) => a + b, 0)).toBe(want.cases);
    },
  );
});

describe('OCEL events that cannot be read', () => {
  it('are skipped and named by their path, never dropped unsaid', async () => {
    const doc = {
      objectTypes: [{ name: 'Customer', attributes: [] }],
      eventTypes: [{ name: 'Call', attributes: [] }],
      objects: [{ id: 'c1', type: 'Customer' }],
      events: [
        {
          id: 'e1',
          type: 'Call',
          time: '2024-01-01T10:00:00Z',
          relationships: [{ objectId: 'c1', qualifier: '' }],
        },
        { id: 'e2', type: 'Call', time: 'later', relationships: [{ objectId: 'c1', qualifier: '' }] },
      ],
    };
    const dir = mkdtempSync(join(tmpdir(), 'linesight-ocel-'));
    const file = join(dir, 'bad-time.jsonocel');
    writeFileSync(file, JSON.stringify(doc));
    const report = await importOcel(store, file, 'bad-time', { caseType: 'Customer' });
    expect(report).toMatchObject({ events: 1, cases: 1, skipped: 1 });
    expect(report.problems).toEqual([
      { line: 0, field: 'events[1].time', message: `event 'e2': "later" is not a timestamp` },
    ]);
  });
});

describe('OCEL files that are not JSON', () => {
  const dir = mkdtempSync(join(tmpdir(), 'linesight-ocel-'));
  const importing = (name: string, bytes: Buffer | string) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return importOcel(store, file, name, { caseType: 'Customer' }).catch((e: unknown) => e as LogImportError);
  };

  it('are placed by line and byte where the JSON breaks (DuckDB counted bytes of its input)', async () => {
    const error = await importing(
      'broken.jsonocel',
      '{\n  "objects": [\n    {"id": "c1" "type": "Customer"}\n  ],\n  "events": []\n}\n',
    );
    expect(error).toBeInstanceOf(LogImportError);
    expect((error as LogImportError).message).toMatch(/broken\.jsonocel, line 3, byte \d+: not valid JSON/);
    expect((error as LogImportError).hint).toContain('one JSON object');
  });

  it('name the first byte that is not UTF-8 and how to convert (DuckDB said to use read_blob)', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('{"objects": [\n {"id": "caf'),
      Buffer.from([0xe9]),
      Buffer.from('", "type": "Customer"}], "events": []}'),
    ]);
    const error = (await importing('latin1.jsonocel', latin1)) as LogImportError;
    expect(error.message).toMatch(/latin1\.jsonocel, line 2, byte 13: the byte 0xE9 is not UTF-8$/);
    expect(error.hint).toContain('iconv -f latin1 -t utf-8 latin1.jsonocel');
  });
});
