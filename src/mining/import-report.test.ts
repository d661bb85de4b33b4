/**
 * What an import reports, as a tester found it wanting: every problem says which field, which
 * value and which line; a row too long to read is one skipped row, not a failed file; the counts
 * are what the store holds; a file of which nothing could be read is an error, not an empty log.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importLog } from './import-log.js';
import { LogImportError } from './log-import-error.js';
import { type EventStore, listLogs, openStore, queryRows } from './store.js';

const dir = mkdtempSync(join(tmpdir(), 'linesight-report-'));
let store: EventStore;
beforeAll(async () => {
  store = await openStore(':memory:');
});
afterAll(() => store.close());

const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('the import succeeded');
    },
    (e: unknown) => e as LogImportError,
  );

/** `n` good rows of a CSV log, c0..c49 with five activities. */
const goodRows = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `c${i % 50},A${i % 5},2024-01-01T10:${String(i % 60).padStart(2, '0')}:00Z`,
  );
const LONG = `c1,${'x'.repeat(3 * 2 ** 20)},2024-01-01T11:00:00Z`;

describe('a CSV row longer than can be read', () => {
  it('past the rows DuckDB samples, is named by its line and what is wrong, not "null: null"', async () => {
    const file = write(
      'late-long.csv',
      ['case_id,activity,timestamp', ...goodRows(30_000), LONG, 'c2,B,2024-01-02T10:00:00Z', ''].join('\n'),
    );
    const error = await failure(importLog(store, file, { log: 'late', onError: 'fail' }));
    expect(error).toBeInstanceOf(LogImportError);
    expect(error.message).toBe(
      `${file}, line 30002, row: the line is longer than 2,000,000 bytes, more than a row of an event log can be (an unclosed quote or missing line breaks run rows into one)`,
    );
    const report = await importLog(store, file, { log: 'late', onError: 'skip' });
    expect(report).toMatchObject({ events: 30_001, skipped: 1 });
    expect(report.problems.map((p) => [p.line, p.field])).toEqual([[30002, 'row']]);
  });

  it('among the rows DuckDB samples, is skipped and counted under skip, the rest imported', async () => {
    const file = write(
      'early-long.csv',
      ['case_id,activity,timestamp', ...goodRows(3), LONG, ...goodRows(2), ''].join('\n'),
    );
    const report = await importLog(store, file, { log: 'early', onError: 'skip' });
    expect(report).toMatchObject({ events: 5, skipped: 1 });
    expect(report.problems).toEqual([
      {
        line: 5,
        field: 'row',
        message:
          'the line is longer than 2,000,000 bytes, more than a row of an event log can be (an unclosed quote or missing line breaks run rows into one)',
      },
    ]);
    const stored = await queryRows(store, "select activity from events where log = 'early' order by seq");
    expect(stored.map((r) => r.activity)).toEqual(['A0', 'A1', 'A2', 'A0', 'A1']);
    const error = await failure(importLog(store, file, { log: 'early-fail', onError: 'fail' }));
    expect(error.message).toContain('early-long.csv, line 5: the line is longer than 2,000,000 bytes');
    // Just over the limit, in a file otherwise plain: its last piece read is the one that is too much.
    const near = write(
      'near-long.csv',
      [
        'case_id,activity,timestamp',
        ...goodRows(1),
        `c1,${'y'.repeat(2_000_100)},2024-01-01T11:00:00Z`,
        '',
      ].join('\n'),
    );
    const nearError = await failure(importLog(store, near, { log: 'near', onError: 'fail' }));
    expect(nearError.message).toContain('near-long.csv, line 3: the line is longer than 2,000,000 bytes');
    // A header too long to read cannot be skipped: without it no row has columns.
    const header = write('long-header.csv', [LONG, ...goodRows(2), ''].join('\n'));
    const headerError = await failure(importLog(store, header, { log: 'header', onError: 'skip' }));
    expect(headerError.message).toContain('long-header.csv, line 1: the line is longer than 2,000,000 bytes');
  });
});

describe('a ragged CSV row', () => {
  it("is named by its line, with how many fields it has against the header's", async () => {
    const file = write(
      'ragged.csv',
      'case_id,activity,timestamp,resource\nc1,A,2024-01-01T10:00:00Z,r\nc1,B\nc1,C,2024-01-01T11:00:00Z,r,x,y\nc2,D,2024-01-01T12:00:00Z,r\n',
    );
    const report = await importLog(store, file, { log: 'ragged', onError: 'skip' });
    expect(report).toMatchObject({ events: 2, skipped: 2 });
    expect(report.problems).toEqual([
      { line: 3, field: 'row', message: 'the row has 2 fields, the header has 4: "c1,B"' },
      {
        line: 4,
        field: 'row',
        message: 'the row has 6 fields, the header has 4: "c1,C,2024-01-01T11:00:00Z,r,x,y"',
      },
    ]);
  });

  it('past the sampled rows says so too, and no problem of a mixed file lacks its field or message', async () => {
    const file = write(
      'mixed.csv',
      [
        'case_id,activity,timestamp',
        ...goodRows(25_000),
        'c1,A1',
        ',A2,2024-01-01T10:00:00Z',
        'c3,A3,soon',
        'c4,A4,2024-01-01T10:00:00Z,extra',
        '',
      ].join('\n'),
    );
    const report = await importLog(store, file, { log: 'mixed', onError: 'skip' });
    expect(report.problems).toEqual([
      { line: 25_002, field: 'row', message: 'the row has 2 fields, the header has 3: "c1,A1"' },
      { line: 25_003, field: 'case_id', message: 'the case is empty' },
      { line: 25_004, field: 'timestamp', message: '"soon" is not a timestamp' },
      {
        line: 25_005,
        field: 'row',
        message: 'the row has 4 fields, the header has 3: "c4,A4,2024-01-01T10:00:00Z,extra"',
      },
    ]);
  });
});

describe('the cases an XES import reports', () => {
  it('are the cases the store holds', async () => {
    const event = (activity: string, time?: string) =>
      `<event><string key="concept:name" value="${activity}"/>${time ? `<date key="time:timestamp" value="${time}"/>` : ''}</event>`;
    const file = write(
      'cases.xes',
      `<log xes.version="1.0">
  <trace><string key="concept:name" value="A"/>${event('Call', '2024-01-01T10:00:00Z')}${event('Mail', '2024-01-01T11:00:00Z')}</trace>
  <trace><string key="concept:name" value="A"/>${event('Visit', '2024-01-02T10:00:00Z')}</trace>
  <trace>${event('Call', '2024-01-03T10:00:00Z')}</trace>
  <trace><string key="concept:name" value="B"/>${event('Call')}${event('Mail')}</trace>
  <trace><string key="concept:name" value="C"/></trace>
</log>`,
    );
    const report = await importLog(store, file, { log: 'cases', onError: 'skip' });
    const [held] = await queryRows(
      store,
      "select count(distinct case_id) as cases, count(*) as events from events where log = 'cases'",
    );
    expect(held).toEqual({ cases: 1n, events: 3n });
    expect(report).toMatchObject({ events: 3, cases: 1, skipped: 3 });
  });
});

describe('a file of which no event can be read', () => {
  it('is an error naming the first problems, and adds nothing', async () => {
    const before = await listLogs(store);
    const csv = write(
      'all-bad.csv',
      'case_id,activity,timestamp\nc1,A,never\nc2,B,later\nc3,C,soon\nc4,D,now\n',
    );
    const error = await failure(importLog(store, csv, { log: 'all-bad', onError: 'skip' }));
    expect(error).toBeInstanceOf(LogImportError);
    expect(error.message).toBe(
      `${csv}: none of its 4 events could be imported; line 2, timestamp: "never" is not a timestamp; line 3, timestamp: "later" is not a timestamp; line 4, timestamp: "soon" is not a timestamp`,
    );
    const xes = write(
      'all-bad.xes',
      '<log><trace><string key="concept:name" value="A"/><event><string key="concept:name" value="Call"/></event></trace></log>',
    );
    const xesError = await failure(importLog(store, xes, { log: 'all-bad', onError: 'skip' }));
    expect(xesError.message).toBe(
      `${xes}: none of its 1 event could be imported; line 1, time:timestamp: the event has no timestamp`,
    );
    expect(await listLogs(store)).toEqual(before);
  });
});

describe('the cases a CSV import reports', () => {
  // Counted on the staged text when every row is stored, else in the store: the same either way.
  const imported = async (name: string, text: string, log: string) => {
    const report = await importLog(store, write(name, text), { log, onError: 'skip' });
    const [held] = await queryRows(
      store,
      'select count(distinct case_id) as n from events where log = $log',
      { log },
    );
    return { report, held: Number(held?.n) };
  };

  it('are the cases the store holds, whether every row went in or not', async () => {
    const whole = await imported(
      'whole.csv',
      'case,activity,timestamp\nA,Call,2024-01-01T10:00:00Z\n A,Call,2024-01-01T10:00:00Z\nB,Mail,2024-01-02\nA,Visit,2024-01-03\n',
      'whole',
    );
    expect(whole.report).toMatchObject({ events: 4, cases: 3, skipped: 0 });
    expect(whole.held).toBe(3);
    const part = await imported(
      'part.csv',
      'case,activity,timestamp\nA,Call,2024-01-01\nC,Mail,never\nD,Visit,2024-01-03\n',
      'part',
    );
    expect(part.report).toMatchObject({ events: 2, cases: 2, skipped: 1 });
    expect(part.held).toBe(2);
  });

  it('are only the new customers when the file repeats events already stored', async () => {
    await imported('first.csv', 'case,activity,timestamp\nA,Call,2024-01-01\nB,Mail,2024-01-02\n', 'again');
    const again = await imported(
      'again.csv',
      'case,activity,timestamp\nA,Call,2024-01-01\nB,Mail,2024-01-02\nE,Visit,2024-01-03\n',
      'again',
    );
    expect(again.report).toMatchObject({ events: 1, cases: 1, duplicates: 2 });
  });
});
