/**
 * Optional columns are stored only once a log brings them, and every reading sees the same events
 * as before: through the `events` view, nulls where a column is not stored; stores of the two
 * earlier layouts (one `events` table of every column; `event_rows` naming the log on every row) are
 * read as they are and taken over when written.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { discover } from './discover.js';
import { storedOptional } from './event-rows.js';
import { importLog } from './import-log.js';
import { LogImportError } from './log-import-error.js';
import { type EventStore, listLogs, openStore, queryRows, removeLog } from './store.js';

const dir = mkdtempSync(join(tmpdir(), 'linesight-event-rows-'));
const stores: EventStore[] = [];
afterAll(() => {
  for (const s of stores) s.close();
});
const open = async (name: string, access: 'create' | 'read' = 'create') => {
  const s = await openStore(join(dir, name), { access });
  stores.push(s);
  return s;
};
const csv = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const rowsOf = (store: EventStore, log: string) =>
  queryRows(
    store,
    'select case_id, activity, lifecycle, resource, channel, segment, attributes from events where log = $log order by seq',
    { log },
  );

/** The compression of each text column's blocks (constant blocks aside), after a checkpoint. */
const methodsOf = async (store: EventStore) => {
  await store.connection.run('checkpoint');
  return (await queryRows(
    store,
    `select column_name as c, list(distinct compression order by compression) as m
     from pragma_storage_info('event_rows') where column_name in ('case_id', 'activity', 'resource')
     and compression <> 'Constant' group by 1 order by 1`,
  )) as { c: string; m: string[] }[];
};

describe('the stored event columns', () => {
  it('stores no optional column a log lacks, and adds each when a log brings it, in the order they came', async () => {
    const store = await open('grow.duckdb');
    const plain = csv(
      'plain.csv',
      'case_id,activity,timestamp\nc1,A,2024-01-01 10:00:00\nc1,B,2024-01-01 11:00:00\n',
    );
    await importLog(store, plain, { log: 'plain', onError: 'fail' });
    expect(await storedOptional(store.connection)).toEqual([]);
    expect(await rowsOf(store, 'plain')).toEqual([
      {
        case_id: 'c1',
        activity: 'A',
        lifecycle: null,
        resource: null,
        channel: null,
        segment: null,
        attributes: null,
      },
      {
        case_id: 'c1',
        activity: 'B',
        lifecycle: null,
        resource: null,
        channel: null,
        segment: null,
        attributes: null,
      },
    ]);
    const channels = csv(
      'channels.csv',
      'case_id,activity,timestamp,channel,note\nc2,Call,2024-01-02 09:00:00,phone,late\n',
    );
    await importLog(store, channels, { log: 'channels', onError: 'fail', columns: { channel: 'channel' } });
    expect(await storedOptional(store.connection)).toEqual(['channel', 'attributes']);
    expect(await rowsOf(store, 'channels')).toEqual([
      {
        case_id: 'c2',
        activity: 'Call',
        lifecycle: null,
        resource: null,
        channel: 'phone',
        segment: null,
        attributes: '{"note":"late"}',
      },
    ]);
    // The earlier log reads as before: null in the columns added since.
    expect((await rowsOf(store, 'plain')).map((r) => r.channel)).toEqual([null, null]);
    // An XES log fills them all: its writer appends in the table's own order (channel and
    // attributes came first), each value in its own column.
    const xes = join(dir, 'filled.xes');
    writeFileSync(
      xes,
      `<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0">
  <trace>
    <string key="concept:name" value="c3"/>
    <event>
      <string key="concept:name" value="Ship"/>
      <string key="lifecycle:transition" value="complete"/>
      <string key="org:resource" value="Ann"/>
      <string key="via" value="mail"/>
      <string key="tier" value="gold"/>
      <int key="weight" value="3"/>
      <date key="time:timestamp" value="2024-01-03T10:00:00.000+01:00"/>
    </event>
  </trace>
</log>
`,
    );
    await importLog(store, xes, {
      log: 'filled',
      onError: 'fail',
      columns: { channel: 'via', segment: 'tier' },
    });
    expect(await storedOptional(store.connection)).toEqual([
      'channel',
      'attributes',
      'lifecycle',
      'resource',
      'segment',
    ]);
    const [shipped] = await rowsOf(store, 'filled');
    expect({ ...shipped, attributes: JSON.parse(String(shipped?.attributes)) }).toEqual({
      case_id: 'c3',
      activity: 'Ship',
      lifecycle: 'complete',
      resource: 'Ann',
      channel: 'mail',
      segment: 'gold',
      attributes: { tier: 'gold', via: 'mail', weight: '3' },
    });
  });

  it('stores case ids with FSST and text of few values in a dictionary, also after the store is reopened', async () => {
    // A log where DuckDB's own choice is the other one for each column: ten case ids (a
    // dictionary) and every activity different (FSST). Named, the methods make imports faster
    // (text-compression.ts); the test holds them to the table as it is reopened and grown.
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `c${i % 10},step number ${i} of the journey,2024-01-01 10:00:00,agent ${i}`,
    );
    const file = csv('methods.csv', `case_id,activity,timestamp,resource\n${rows.join('\n')}\n`);
    const first = await openStore(join(dir, 'methods.duckdb'), { access: 'create' });
    await importLog(first, file, { log: 'a', onError: 'fail' });
    first.close();
    const store = await open('methods.duckdb');
    await importLog(store, file, { log: 'b', onError: 'fail' });
    expect(await methodsOf(store)).toEqual([
      { c: 'activity', m: ['Dictionary'] },
      { c: 'case_id', m: ['FSST'] },
      { c: 'resource', m: ['Dictionary'] },
    ]);
    expect((await discover(store, 'b')).events).toBe(3000);
  });

  it('writes a store made in the format of DuckDB 1.4 as it is, naming no compression it lacks', async () => {
    const path = join(dir, 'format-1.4.duckdb');
    const db = await DuckDBInstance.create(path, { storage_compatibility_version: 'v1.4.0' });
    db.closeSync();
    const store = await open('format-1.4.duckdb');
    const file = csv(
      'format.csv',
      'case_id,activity,timestamp,resource,channel\nc1,A,2024-01-01 10:00:00,ann,web\nc1,B,2024-01-01 11:00:00,bob,phone\n',
    );
    await importLog(store, file, { log: 'f', onError: 'fail' });
    expect(await storedOptional(store.connection)).toEqual(['resource', 'channel']);
    expect((await rowsOf(store, 'f')).map((r) => [r.activity, r.resource, r.channel])).toEqual([
      ['A', 'ann', 'web'],
      ['B', 'bob', 'phone'],
    ]);
    expect((await methodsOf(store)).flatMap((r) => r.m)).not.toContain('FSST');
  });

  it('adds no column and no log number for an import that fails', async () => {
    const store = await open('failed.duckdb');
    const bad = csv(
      'bad.csv',
      'case_id,activity,timestamp,resource\nc1,A,2024-01-01 10:00:00,ann\nc1,B,never,bob\n',
    );
    await expect(importLog(store, bad, { log: 'bad', onError: 'fail' })).rejects.toBeInstanceOf(
      LogImportError,
    );
    expect(await storedOptional(store.connection)).toEqual([]);
    expect(await listLogs(store)).toEqual([]);
    // Nor a number for the log: it is given in the import's transaction.
    expect(await queryRows(store, 'select count(*)::integer as n from event_logs')).toEqual([{ n: 0 }]);
  });

  it('finds repeated events by lifecycle where it is stored, and by the rest where it is not', async () => {
    const store = await open('repeats.duckdb');
    const text = 'case_id,activity,timestamp\nc1,A,2024-01-01 10:00:00\nc1,B,2024-01-01 11:00:00\n';
    await importLog(store, csv('r1.csv', text), { log: 'r', onError: 'fail' });
    expect(await importLog(store, csv('r2.csv', text), { log: 'r', onError: 'fail' })).toMatchObject({
      events: 0,
      duplicates: 2,
    });
    const withLifecycle = (value: string) =>
      csv(`l-${value}.csv`, `case_id,activity,timestamp,lifecycle\nc1,A,2024-01-01 10:00:00,${value}\n`);
    const columns = { lifecycle: 'lifecycle' };
    expect(
      await importLog(store, withLifecycle('start'), { log: 'r', onError: 'fail', columns }),
    ).toMatchObject({
      events: 1,
      duplicates: 0,
    });
    expect(
      await importLog(store, withLifecycle('start'), { log: 'r', onError: 'fail', columns }),
    ).toMatchObject({
      events: 0,
      duplicates: 1,
    });
    expect((await discover(store, 'r')).events).toBe(3);
    expect(await removeLog(store, 'r')).toBe(3);
    expect(await listLogs(store)).toEqual([]);
  });

  it('reads a store of the earlier layout as it is, and takes it over when it is written', async () => {
    const path = join(dir, 'earlier.duckdb');
    const db = await DuckDBInstance.create(path);
    const c = await db.connect();
    await c.run(`create table events (log varchar not null, seq bigint not null, case_id varchar not null,
      activity varchar not null, ts_us bigint not null, tz_offset_min integer, lifecycle varchar, resource varchar,
      channel varchar, segment varchar, attributes json)`);
    await c.run(`insert into events values
      ('old', 0, 'c1', 'A', 1704103200000000, 60, 'complete', 'ann', 'web', 'gold', '{"k":1}'),
      ('old', 1, 'c1', 'B', 1704106800000000, 60, 'complete', 'bob', null, 'gold', null)`);
    c.closeSync();
    db.closeSync();
    const reading = await open('earlier.duckdb', 'read');
    const before = await rowsOf(reading, 'old');
    expect(before).toHaveLength(2);
    const read = await discover(reading, 'old');
    reading.close();
    stores.splice(stores.indexOf(reading), 1);

    const writing = await open('earlier.duckdb');
    expect(await storedOptional(writing.connection)).toEqual([
      'lifecycle',
      'resource',
      'channel',
      'segment',
      'attributes',
    ]);
    expect(await rowsOf(writing, 'old')).toEqual(before);
    expect(await discover(writing, 'old')).toEqual(read);
    const more = csv('more.csv', 'case_id,activity,timestamp\nc9,Z,2024-01-03 10:00:00\n');
    await importLog(writing, more, { log: 'new', onError: 'fail' });
    expect((await listLogs(writing)).map((l) => [l.log, l.events])).toEqual([
      ['new', 1],
      ['old', 2],
    ]);
  });

  it('takes over a store that names the log on every row: each log numbered, events and readings unchanged', async () => {
    const path = join(dir, 'named.duckdb');
    const db = await DuckDBInstance.create(path);
    const c = await db.connect();
    await c.run(`create table event_rows (log varchar not null, seq bigint not null, case_id varchar not null,
      activity varchar not null, ts_us bigint not null, tz_offset_min integer, channel varchar, attributes json)`);
    await c.run(`insert into event_rows values
      ('b', 0, 'c1', 'A', 1704103200000000, 60, 'web', '{"k":1}'),
      ('a', 0, 'c7', 'X', 1704103200000000, null, null, null),
      ('b', 1, 'c1', 'B', 1704106800000000, 60, null, null),
      ('a', 1, 'c7', 'Y', 1704106900000000, 0, 'phone', null)`);
    await c.run(`create view events as select log, seq, case_id, activity, ts_us, tz_offset_min,
      null::varchar as lifecycle, null::varchar as resource, channel, null::varchar as segment, attributes from event_rows`);
    c.closeSync();
    db.closeSync();
    const everything = 'select * from events order by log, seq';
    const reading = await open('named.duckdb', 'read');
    const before = await queryRows(reading, everything);
    const read = await discover(reading, 'b');
    reading.close();
    stores.splice(stores.indexOf(reading), 1);

    const writing = await open('named.duckdb');
    expect(await queryRows(writing, everything)).toEqual(before);
    expect(await discover(writing, 'b')).toEqual(read);
    expect(await storedOptional(writing.connection)).toEqual(['channel', 'attributes']);
    const columns = await queryRows(writing, 'describe event_rows');
    expect(columns.map((r) => r.column_name)).toEqual([
      'log_id',
      'seq',
      'case_id',
      'activity',
      'ts_us',
      'tz_offset_min',
      'channel',
      'attributes',
    ]);
    expect(await queryRows(writing, 'select id, name from event_logs order by id')).toEqual([
      { id: 1, name: 'a' },
      { id: 2, name: 'b' },
    ]);
    // Numbered logs take imports and removals as before: a new log gets the next number.
    const more = csv('more-named.csv', 'case_id,activity,timestamp\nc9,Z,2024-01-03 10:00:00\n');
    await importLog(writing, more, { log: 'c', onError: 'fail' });
    expect(await removeLog(writing, 'a')).toBe(2);
    expect((await listLogs(writing)).map((l) => [l.log, l.events])).toEqual([
      ['b', 2],
      ['c', 1],
    ]);
    expect(await queryRows(writing, 'select id, name from event_logs order by id')).toEqual([
      { id: 2, name: 'b' },
      { id: 3, name: 'c' },
    ]);
  });
});
