/**
 * The three standard OCEL 2.0 files (JSON, XML, SQLite) of one log import to the same events,
 * objects and relations, and give the same answers; each file named by its format, or given
 * one; and what is wrong with an XML or SQLite file said as for the others.
 */
import { copyFileSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_LOGS } from '../testing/data.js';
import { type OcelLog, writeOcelJson, writeOcelSqlite, writeOcelXml } from '../testing/ocel-files.js';
import { discover } from './discover.js';
import { importLog } from './import-log.js';
import { journeyAnalytics } from './journeys.js';
import { formatOf, logNameOf } from './log-format.js';
import { LogImportError } from './log-import-error.js';
import { type EventStore, openStore, queryRows } from './store.js';

const EXAMPLE = join(EVENT_LOGS, 'ocel2', 'ocel20_example');
const FORMATS = ['jsonocel', 'xmlocel', 'sqlite'] as const;
const TYPES = ['Invoice', 'Payment', 'Purchase Order', 'Purchase Requisition'];
const HOUR_US = 3_600_000_000n;

const dir = mkdtempSync(join(tmpdir(), 'linesight-ocel-formats-'));
let store: EventStore;
beforeAll(async () => {
  store = await openStore(':memory:');
});
afterAll(() => store.close());

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('the import succeeded');
    },
    (e: unknown) => e as LogImportError,
  );

/** An SQLite database made by these statements, as the bytes of its file. */
async function database(sql: string): Promise<Uint8Array> {
  const db = new (await initSqlJs()).Database();
  db.run(sql);
  const bytes = db.export();
  db.close();
  return bytes;
}

const stored = (log: string) =>
  queryRows(
    store,
    'select case_id, activity, ts_us, tz_offset_min, attributes from events where log = $log order by seq',
    { log },
  );

describe('the OCEL 2.0 example in JSON, XML and SQLite', () => {
  it.each(TYPES)('imports to the same events, objects and relations flattened onto %s', async (type) => {
    const logs = FORMATS.map((f) => `${f}-${type}`);
    const reports = await Promise.all(
      FORMATS.map((f, i) =>
        importLog(store, `${EXAMPLE}.${f}`, { log: logs[i] as string, onError: 'fail', caseType: type }),
      ),
    );
    const [json, xml, sqlite] = reports.map(({ log: _, ...report }) => report);
    expect(json?.events).toBeGreaterThan(0);
    expect(xml).toEqual(json);
    expect(sqlite).toEqual(json);
    const [fromJson, fromXml, fromSqlite] = await Promise.all(logs.map(stored));
    const withoutTime = (rows: Record<string, unknown>[] = []) =>
      rows.map(({ ts_us: _, tz_offset_min: __, ...rest }) => rest);
    // Case, activity, the event's id, the relation's qualifier and the event's attributes.
    expect(withoutTime(fromXml)).toEqual(withoutTime(fromJson));
    expect(withoutTime(fromSqlite)).toEqual(withoutTime(fromJson));
    expect(fromSqlite).toEqual(fromXml);
    // pm4py wrote the XML and SQLite times in local time (CET) with no offset, the JSON ones in UTC.
    expect(fromXml?.map((r) => [r.ts_us, r.tz_offset_min])).toEqual(
      fromJson?.map((r) => [(r.ts_us as bigint) + HOUR_US, null]),
    );
  });

  it('gives the same answers from discover and journeys', async () => {
    const type = 'Purchase Order';
    const answers = await Promise.all(
      FORMATS.map(async (f) => {
        const log = `${f}-${type}`;
        const { log: _, ...discovery } = await discover(store, log);
        return { discovery, journeys: await journeyAnalytics(store, log) };
      }),
    );
    expect(answers[0]?.discovery.events).toBe(5);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });
});

/** The log written in the three formats and imported from each onto `caseType`: reports and stored rows. */
async function importedThrice(name: string, log: OcelLog, caseType: string) {
  const files = FORMATS.map((f) => join(dir, `${name}.${f}`));
  writeOcelJson(files[0] as string, log);
  writeOcelXml(files[1] as string, log);
  await writeOcelSqlite(files[2] as string, log);
  const reports = [];
  for (const [i, file] of files.entries())
    reports.push(await importLog(store, file, { log: `${name}-${FORMATS[i]}`, onError: 'fail', caseType }));
  const rows = await Promise.all(FORMATS.map((f) => stored(`${name}-${f}`)));
  return { reports: reports.map(({ log: _, ...r }) => r), rows };
}

describe("the objects' attributes and relations, in JSON, XML and SQLite alike", () => {
  const values = (...changes: [string, string, string][]) =>
    changes.map(([name, time, value]) => ({ name, time, value }));
  const LOG: OcelLog = {
    objects: [
      {
        id: 'c1',
        type: 'Customer',
        attributes: values(
          ['segment', '1970-01-01T00:00:00Z', 'private'],
          ['product', '1970-01-01T00:00:00Z', 'P03'],
          ['segment', '2024-01-02T00:00:00Z', 'business'],
        ),
        relationships: [{ objectId: 'o1', qualifier: 'places' }],
      },
      { id: 'c2', type: 'Customer', attributes: values(['segment', '2024-01-01T12:00:00Z', 'private']) },
      { id: 'o1', type: 'Order', attributes: values(['amount', '1970-01-01T00:00:00Z', '120']) },
    ],
    events: [
      {
        id: 'e1',
        type: 'View',
        time: '2024-01-01T10:00:00Z',
        attributes: [{ name: 'page', value: 'home' }],
        relationships: [{ objectId: 'c1', qualifier: '' }],
      },
      {
        id: 'e2',
        type: 'View',
        time: '2024-01-03T10:00:00Z',
        relationships: [{ objectId: 'c1', qualifier: '' }],
      },
      {
        id: 'e3',
        type: 'Call',
        time: '2024-01-03T11:00:00Z',
        attributes: [{ name: 'segment', value: 'vip' }],
        relationships: [
          { objectId: 'o1', qualifier: 'about' },
          { objectId: 'c1', qualifier: 'caller' },
        ],
      },
      // Before c2's first value: no segment yet.
      {
        id: 'e4',
        type: 'View',
        time: '2024-01-01T09:00:00Z',
        relationships: [{ objectId: 'c2', qualifier: '' }],
      },
      {
        id: 'e5',
        type: 'View',
        time: '2024-01-01T13:00:00Z',
        relationships: [{ objectId: 'c2', qualifier: '' }],
      },
      {
        id: 'e6',
        type: 'Ship',
        time: '2024-01-04T08:00:00Z',
        relationships: [{ objectId: 'o1', qualifier: '' }],
      },
    ],
  };

  it("stores on each event its case object's attributes as they were at its time, and its other objects", async () => {
    const { reports, rows } = await importedThrice('customers', LOG, 'Customer');
    expect(reports[1]).toEqual(reports[0]);
    expect(reports[2]).toEqual(reports[0]);
    expect(rows[1]).toEqual(rows[0]);
    expect(rows[2]).toEqual(rows[0]);
    const base = { 'ocel:qualifier': '' };
    expect(rows[0]?.map((r) => [r.case_id, r.activity, JSON.parse(String(r.attributes))])).toEqual([
      ['c1', 'View', { ...base, 'ocel:eid': 'e1', page: 'home', product: 'P03', segment: 'private' }],
      ['c1', 'View', { ...base, 'ocel:eid': 'e2', product: 'P03', segment: 'business' }],
      [
        'c1',
        'Call',
        {
          'ocel:eid': 'e3',
          'ocel:qualifier': 'caller',
          'ocel:objects': [{ id: 'o1', type: 'Order', qualifier: 'about' }],
          product: 'P03',
          segment: 'vip',
        },
      ],
      ['c2', 'View', { ...base, 'ocel:eid': 'e4' }],
      ['c2', 'View', { ...base, 'ocel:eid': 'e5', segment: 'private' }],
    ]);
    expect(reports[0]).toEqual({
      events: 5,
      cases: 2,
      skipped: 1,
      problems: [],
      duplicates: 0,
      notes: [
        "1 event relates to no object of the type 'Customer', so belongs to no case: left out, and counted as skipped",
        "1 object-to-object relation read and not used (a journey follows one object, the case): Customer to Order 'places' (1)",
        "attributes of objects other than the case type 'Customer' read and not stored: Order (1 object): amount; each event names the objects it relates to in its attribute 'ocel:objects'",
        "1 event carries an attribute that its Customer object also has ('segment'): the event's own value is stored, the object's is not",
      ],
    });
  });

  it('names the values whose time cannot be read, taken as in force from the start', async () => {
    const untimed: OcelLog = {
      ...LOG,
      objects: [{ id: 'c1', type: 'Customer', attributes: values(['segment', 'soon', 'private']) }],
      events: LOG.events.slice(0, 2),
    };
    const file = join(dir, 'untimed.jsonocel');
    writeOcelJson(file, untimed);
    const report = await importLog(store, file, { log: 'untimed', onError: 'fail', caseType: 'Customer' });
    expect(report.notes).toEqual([
      `1 attribute value of Customer objects has no readable time (the first: object 'c1', 'segment', "soon", not a time): taken as in force from the start`,
    ]);
    const rows = await stored('untimed');
    expect(rows.map((r) => JSON.parse(String(r.attributes)).segment)).toEqual(['private', 'private']);
  });

  it('lets the drivers by attribute read a case attribute as it was when the customer acted', async () => {
    // 40 customers view a product page each day for 20 days; the even ones move from product P01
    // to P07 on day 10, and call after every view of P07.
    const day = (d: number, hour: number) => new Date(Date.UTC(2024, 0, 1 + d, hour)).toISOString();
    const customers = Array.from({ length: 40 }, (_, i) => `c${i}`);
    const log: OcelLog = {
      objects: customers.map((id, i) => ({
        id,
        type: 'Customer',
        attributes: values(
          ['product', '1970-01-01T00:00:00Z', 'P01'],
          ...(i % 2 === 0 ? [['product', day(10, 0), 'P07'] as [string, string, string]] : []),
        ),
      })),
      events: customers.flatMap((id, i) =>
        Array.from({ length: 20 }, (_, d) => [
          {
            id: `${id}-v${d}`,
            type: 'View Product Page',
            time: day(d, 10),
            relationships: [{ objectId: id, qualifier: '' }],
          },
          ...(i % 2 === 0 && d >= 10
            ? [
                {
                  id: `${id}-c${d}`,
                  type: 'Call',
                  time: day(d, 11),
                  relationships: [{ objectId: id, qualifier: '' }],
                },
              ]
            : []),
        ]).flat(),
      ),
    };
    const file = join(dir, 'products.jsonocel');
    writeOcelJson(file, log);
    await importLog(store, file, { log: 'products', onError: 'fail', caseType: 'Customer' });
    const answer = await journeyAnalytics(store, 'products', { contacts: ['Call'] });
    expect(answer.evidence.by).toEqual(['product']);
    const byProduct = answer.attributeDrivers.filter((e) => e.kind === 'product');
    expect(byProduct.map((e) => [e.value, e.exposed, e.exposedContacted, e.significant])).toEqual([
      ['P07', 200, 200, true],
      ['P01', 600, 0, false],
    ]);
  });
});

describe('the format of a log file', () => {
  it('is told by its name, and for .xml by its first element under <log>', () => {
    expect(FORMATS.map((f) => formatOf(`${EXAMPLE}.${f}`))).toEqual(['ocel-json', 'ocel-xml', 'ocel-sqlite']);
    expect(formatOf('log.db')).toBe('ocel-sqlite');
    const ocelXml = join(dir, 'p2p.xml');
    copyFileSync(`${EXAMPLE}.xmlocel`, ocelXml);
    const xesXml = join(dir, 'running.xml');
    copyFileSync(join(EVENT_LOGS, 'running-example.xes'), xesXml);
    expect([formatOf(ocelXml), formatOf(xesXml)]).toEqual(['ocel-xml', 'xes']);
    expect(['p2p.xmlocel', 'p2p.sqlite', 'p2p.db', 'p2p.xml'].map(logNameOf)).toEqual([
      'p2p',
      'p2p',
      'p2p',
      'p2p',
    ]);
  });

  it('can be named when the name does not say it, and the refusal says how', async () => {
    const unnamed = join(dir, 'export.bin');
    copyFileSync(`${EXAMPLE}.sqlite`, unnamed);
    const error = await failure(
      importLog(store, unnamed, { log: 'bin', onError: 'fail', caseType: 'Invoice' }),
    );
    expect(error.hint).toBe(
      'rename the file to its format, or name the format with --format xes|csv|ocel-json|ocel-xml|ocel-sqlite',
    );
    const report = await importLog(store, unnamed, {
      log: 'bin',
      format: 'ocel-sqlite',
      onError: 'fail',
      caseType: 'Invoice',
    });
    const named = await importLog(store, `${EXAMPLE}.sqlite`, {
      log: 'named',
      onError: 'fail',
      caseType: 'Invoice',
    });
    expect(report).toEqual({ ...named, log: 'bin' });
  });
});

describe('OCEL 2.0 XML that cannot be read', () => {
  const importing = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return importLog(store, file, { log: name, onError: 'skip', caseType: 'Customer' });
  };
  const LOG = (events: string) =>
    `<?xml version="1.0"?>\n<log>\n<objects>\n<object id="c1" type="Customer"/>\n</objects>\n<events>\n${events}</events>\n</log>\n`;
  const event = (id: string, time: string) =>
    `<event id="${id}" type="Call" time="${time}">\n<objects><relationship object-id="c1" qualifier=""/></objects>\n</event>\n`;

  it('names the line of an event whose time is no timestamp, and imports the rest', async () => {
    const report = await importing(
      'bad-time.xmlocel',
      LOG(`${event('e1', '2024-01-01T10:00:00Z')}${event('e2', 'later')}`),
    );
    expect(report).toMatchObject({ events: 1, cases: 1, skipped: 1 });
    expect(report.problems).toEqual([
      { line: 10, field: 'time', message: `event 'e2': "later" is not a timestamp` },
    ]);
    const failed = await failure(
      importLog(store, join(dir, 'bad-time.xmlocel'), { log: 'fail', onError: 'fail', caseType: 'Customer' }),
    );
    expect(failed.message).toBe(
      `${join(dir, 'bad-time.xmlocel')}, line 10, time: event 'e2': "later" is not a timestamp`,
    );
    expect(failed.hint).toContain('--on-error skip');
  });

  it('places XML that is not well-formed by its line, and refuses a root that is not <log>', async () => {
    const broken = await failure(
      importing(
        'broken.xmlocel',
        LOG(event('e1', '2024-01-01T10:00:00Z')).replace('</objects>', '</object>'),
      ),
    );
    expect(broken).toBeInstanceOf(LogImportError);
    expect(broken.message).toMatch(/broken\.xmlocel, line 5: not well-formed XML \(/);
    const other = await failure(importing('other.xmlocel', '<bpmn><task/></bpmn>'));
    expect(other.message).toContain(
      'other.xmlocel is XML but no OCEL 2.0 log: its root is <bpmn>, not <log>',
    );
  });
});

describe('OCEL 2.0 SQLite that cannot be read', () => {
  it('says it is no database, or which OCEL tables it lacks', async () => {
    const notDb = join(dir, 'notes.sqlite');
    writeFileSync(notDb, 'these are notes, not a database');
    const error = await failure(importLog(store, notDb, { log: 'n', onError: 'skip', caseType: 'Invoice' }));
    expect(error.message).toBe(`${notDb} is no SQLite database (file is not a database)`);
    const other = join(dir, 'other.sqlite');
    writeFileSync(
      other,
      await database(
        'create table event (ocel_id text, ocel_type text); create table object (ocel_id text, ocel_type text)',
      ),
    );
    const lacking = await failure(
      importLog(store, other, { log: 'o', onError: 'skip', caseType: 'Invoice' }),
    );
    expect(lacking.message).toBe(
      `${other} is an SQLite database but no OCEL 2.0 log: it has no table 'event_object', 'event_map_type'`,
    );
  });

  it('names an event whose time is no timestamp, or whose type has no table, and imports the rest', async () => {
    const file = join(dir, 'bad-time.sqlite');
    writeFileSync(
      file,
      await database(`
        create table event (ocel_id text primary key, ocel_type text);
        create table object (ocel_id text primary key, ocel_type text);
        create table event_object (ocel_event_id text, ocel_object_id text, ocel_qualifier text);
        create table event_map_type (ocel_type text, ocel_type_map text);
        create table event_Call (ocel_id text, ocel_time timestamp, topic text);
        insert into event values ('e1', 'Call'), ('e2', 'Call'), ('e3', 'Visit');
        insert into object values ('c1', 'Customer');
        insert into event_object values ('e1', 'c1', ''), ('e2', 'c1', ''), ('e3', 'c1', '');
        insert into event_map_type values ('Call', 'Call'), ('Visit', 'Visit');
        insert into event_Call values ('e1', '2024-01-01 10:00:00', 'bill'), ('e2', 'soon', 'bill')`),
    );
    const report = await importLog(store, file, { log: 'bad-time', onError: 'skip', caseType: 'Customer' });
    expect(report).toMatchObject({ events: 1, cases: 1, skipped: 2 });
    expect(report.problems).toEqual([
      { line: 0, field: 'event_Call.ocel_time', message: `event 'e2': "soon" is not a timestamp` },
      { line: 0, field: "event_map_type (no table for type 'Visit')", message: "event 'e3' has no time" },
    ]);
    const [row] = await queryRows(store, "select attributes from events where log = 'bad-time'");
    expect(JSON.parse(String(row?.attributes))).toEqual({
      'ocel:eid': 'e1',
      'ocel:qualifier': '',
      topic: 'bill',
    });
  });

  it('refuses a file past the size it reads into memory, before reading it', async () => {
    const huge = join(dir, 'huge.sqlite');
    writeFileSync(huge, '');
    truncateSync(huge, 300 * 2 ** 20);
    const error = await failure(importLog(store, huge, { log: 'h', onError: 'skip', caseType: 'Invoice' }));
    expect(error.message).toBe(
      `${huge} is 300 MiB; linesight reads OCEL 2.0 SQLite files up to 256 MiB (an SQLite file is read into memory whole)`,
    );
  });
});
