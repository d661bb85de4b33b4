/**
 * The real event logs in testdata/eventlogs, imported and mined, against an independent
 * tool's outputs (pm4py 2.7.11.4): directly-follows counts, start and end activities, variants.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_LOGS as LOGS } from '../testing/data.js';
import { discover } from './discover.js';
import { logId, storedOptional } from './event-rows.js';
import { importCsv } from './import-csv.js';
import { importXes } from './import-xes.js';
import { byteOrder } from './shard-discovery.js';
import { type EventStore, EventWriter, openStore, queryRows } from './store.js';
import { parseTimestamp } from './timestamp-text.js';

interface Expected {
  events: number;
  cases: number;
  dfg: [string, string, number][];
  start_activities: Record<string, number>;
  end_activities: Record<string, number>;
  variants: [string[], number][];
}

const XES = [
  'running-example.xes',
  'roadtraffic100traces.xes',
  'receipt.xes.gz',
  'helpdesk.xes.gz',
  'teleclaims.xes.gz',
  'bpic2013_closed_problems.xes.gz',
];
const CSV: [string, string, Record<string, string>][] = [
  ['running-example.csv', 'running-example', {}],
  ['receipt.csv', 'receipt', {}],
  ['bpic2016_complaints.csv', 'bpic2016_complaints', { activity: 'ComplaintTopic_EN' }],
];

let store: EventStore;
beforeAll(async () => {
  store = await openStore(':memory:');
});
afterAll(() => store.close());

async function expectSameAsPm4py(log: string, expectedName: string) {
  const expected: Expected = JSON.parse(
    readFileSync(join(LOGS, 'pm4py-expected', `${expectedName}.json`), 'utf8'),
  );
  const d = await discover(store, log);
  expect(d.events).toBe(expected.events);
  expect(d.cases).toBe(expected.cases);
  const dfg = (edges: [string, string, number][]) => edges.map(([a, b, n]) => `${a} -> ${b}: ${n}`).sort();
  expect(dfg(d.dfg.map((e) => [e.from, e.to, e.count]))).toEqual(dfg(expected.dfg));
  expect(d.moreEdges).toBe(0);
  // Every activity occurs once per edge into it and once per case it starts.
  const occurs = new Map(Object.entries(expected.start_activities));
  for (const [, to, n] of expected.dfg) occurs.set(to, (occurs.get(to) ?? 0) + n);
  expect(new Map(Object.entries(d.activities))).toEqual(occurs);
  // Cut to its 5 most frequent edges: pm4py's 5 most frequent (equal counts in name order), in name order.
  const cut = await discover(store, log, { edges: 5 });
  const byName = (a: [string, string, number], b: [string, string, number]) =>
    byteOrder(a[0], b[0]) || byteOrder(a[1], b[1]);
  const five = [...expected.dfg]
    .sort((a, b) => b[2] - a[2] || byName(a, b))
    .slice(0, 5)
    .sort(byName);
  expect(cut.dfg.map((e) => [e.from, e.to, e.count])).toEqual(five);
  expect(cut.moreEdges).toBe(expected.dfg.length - five.length);
  expect(cut.activities).toEqual(d.activities);
  // Only the 4 most frequent activities (equal counts in name order): the discovery of the log
  // copied without the other activities' events.
  const four = Object.entries(d.activities)
    .sort((a, b) => b[1] - a[1] || byteOrder(a[0], b[0]))
    .slice(0, 4)
    .map(([a]) => a);
  const copy = `${log} projected`;
  const columns = [
    'seq',
    'case_id',
    'activity',
    'ts_us',
    'tz_offset_min',
    ...(await storedOptional(store.connection)),
  ];
  await store.connection.run(
    `insert into event_rows (log_id, ${columns.join(', ')})
     select ${await logId(store.connection, copy)}, ${columns.join(', ')}
     from events where log = $log and activity in ($a0, $a1, $a2, $a3)`,
    { log, ...Object.fromEntries(four.map((a, i) => [`a${i}`, a])) },
  );
  const projected = await discover(store, log, { activities: 4 });
  expect({ ...projected, log: copy, moreActivities: 0 }).toEqual(await discover(store, copy));
  expect(projected.moreActivities).toBe(Object.keys(d.activities).length - 4);
  expect(Object.keys(projected.activities).sort()).toEqual([...four].sort());
  expect(d.start).toEqual(expected.start_activities);
  expect(d.end).toEqual(expected.end_activities);
  const variants = (list: [string[], number][]) =>
    list.map(([trace, n]) => `${n} x ${trace.join(' > ')}`).sort();
  expect(variants(d.variants.map((v) => [v.activities, v.count]))).toEqual(variants(expected.variants));
  const total = d.variants.reduce((s, v) => s + v.count, 0);
  expect(total).toBe(expected.cases);
  expect(d.variants[d.variants.length - 1]?.cumulative).toBeCloseTo(1, 12);
}

describe('XES logs match pm4py', () => {
  it.each(XES)('%s', async (name) => {
    const writer = await EventWriter.open(store, name);
    const report = await importXes(join(LOGS, name), writer, { onError: 'skip' });
    writer.close();
    expect(report.skipped).toBe(0);
    await expectSameAsPm4py(name, name.replace(/\.xes(\.gz)?$/, ''));
  });
});

describe('CSV logs match pm4py', () => {
  it.each(CSV)('%s', async (name, expected, columns) => {
    const report = await importCsv(store, join(LOGS, name), name, { onError: 'skip', columns });
    expect(report.skipped).toBe(0);
    await expectSameAsPm4py(name, expected);
  });
});

describe('bad rows and timestamps', () => {
  it('reports each bad row by line and field, skips or stops as asked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-'));
    const file = join(dir, 'bad.csv');
    writeFileSync(
      file,
      'case_id,activity,timestamp\nc1,Call,2024-01-01 10:00:00+01:00\nc1,,2024-01-01 10:05:00+01:00\nc2,Visit,yesterday\nc2,Buy,2024-01-02T09:00:00Z\n',
    );
    const report = await importCsv(store, file, 'bad', { onError: 'skip' });
    expect(report.events).toBe(2);
    expect(report.skipped).toBe(2);
    expect(report.problems).toEqual([
      { line: 3, field: 'activity', message: 'the activity is empty' },
      { line: 4, field: 'timestamp', message: '"yesterday" is not a timestamp' },
    ]);
    await expect(importCsv(store, file, 'bad-fail', { onError: 'fail' })).rejects.toThrow(
      'line 3, activity: the activity is empty',
    );
  });

  it('takes a case or an activity of spaces only as empty, and keeps one with spaces around a name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-'));
    const file = join(dir, 'spaces.csv');
    writeFileSync(
      file,
      'case_id,activity,timestamp\n   ,Call,2024-01-01 10:00:00Z\nc1,  ,2024-01-01 10:05:00Z\n c2 , Visit ,2024-01-01 10:06:00Z\n,Mail,2024-01-01 10:07:00Z\n\tc3,!,2024-01-01 10:08:00Z\n',
    );
    const report = await importCsv(store, file, 'spaces', { onError: 'skip' });
    expect(report.problems).toEqual([
      { line: 2, field: 'case_id', message: 'the case is empty' },
      { line: 3, field: 'activity', message: 'the activity is empty' },
      { line: 5, field: 'case_id', message: 'the case is empty' },
    ]);
    // Kept as written: a name with spaces around it, one led by a tab, an activity of one mark.
    const kept = await queryRows(
      store,
      "select case_id, activity from events where log = 'spaces' order by seq",
    );
    expect(kept).toEqual([
      { case_id: ' c2 ', activity: ' Visit ' },
      { case_id: '\tc3', activity: '!' },
    ]);
  });

  it('counts lines of the file, also after a row DuckDB cannot split; one problem per row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-'));
    const file = join(dir, 'shifted.csv');
    writeFileSync(
      file,
      'case_id,activity,timestamp\nc1,A,2024-01-01 10:00:00\nc1,B,2024-01-01 10:00:00,extra,more\nc2,C,yesterday\nc2,D,2024-01-02 10:00:00\n',
    );
    const report = await importCsv(store, file, 'shifted', { onError: 'skip' });
    expect(report.events).toBe(2);
    expect(report.skipped).toBe(2);
    expect(report.problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'row'],
      [4, 'timestamp'],
    ]);
    expect(report.problems[0]?.message).toContain('the row has 5 fields, the header has 3');
  });

  it('counts every bad row and lists the first thousand, in file order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-'));
    const file = join(dir, 'many-bad.csv');
    const rows = ['case_id,activity,timestamp'];
    for (let i = 0; i < 5000; i++) rows.push(`c${i},A,${i % 2 ? 'never' : '2024-01-01 10:00:00'}`);
    writeFileSync(file, `${rows.join('\n')}\n`);
    const report = await importCsv(store, file, 'many-bad', { onError: 'skip' });
    expect(report).toMatchObject({ events: 2500, skipped: 2500 });
    expect(report.problems).toHaveLength(1000);
    // Row i is line i + 2; the odd rows are bad: lines 3, 5, ..., 2001 are the first thousand.
    expect(report.problems[0]?.line).toBe(3);
    expect(report.problems[999]?.line).toBe(2001);
  });

  it('keeps time zones: the same instant written in two offsets is one instant', () => {
    expect(parseTimestamp('2011-10-01T00:38:44.546+02:00')).toEqual({
      us: BigInt(Date.UTC(2011, 8, 30, 22, 38, 44, 546)) * 1000n,
      offset: 120,
    });
    expect(parseTimestamp('2011-09-30T22:38:44.546Z')?.us).toBe(
      parseTimestamp('2011-10-01T00:38:44.546+02:00')?.us,
    );
    expect(parseTimestamp('2016-01-12')).toEqual({ us: BigInt(Date.UTC(2016, 0, 12)) * 1000n, offset: null });
    expect(parseTimestamp('soon')).toBeUndefined();
  });
});
