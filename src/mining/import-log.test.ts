/**
 * The one way in for every format: the format by the file's name, a second import of the same
 * events adds nothing, and a failed import leaves the store exactly as it was.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_LOGS as LOGS } from '../testing/data.js';
import { discover } from './discover.js';
import { dropStagedCsv, importCsv } from './import-csv.js';
import { importLog } from './import-log.js';
import { LogImportError } from './log-import-error.js';
import { type EventStore, listLogs, openStore, removeLog } from './store.js';

let store: EventStore;
const dir = mkdtempSync(join(tmpdir(), 'linesight-import-'));
beforeAll(async () => {
  store = await openStore(join(dir, 'events.duckdb'));
});
afterAll(() => store.close());

const snapshot = async () =>
  (
    await store.connection.runAndReadAll(
      'select log, count(*) as n, sum(hash(case_id, activity, ts_us, seq)) as h from events group by log order by log',
    )
  ).getRowsJS();

describe('importLog', () => {
  it('says when a case or activity opens a quote it does not close, the file read as unquoted', async () => {
    const file = join(dir, 'open-quote.csv');
    writeFileSync(
      file,
      'case_id,activity,timestamp\nc1,B,2024-01-01 10:00:00\nc1,"A,2024-01-01 10:05:00\nc2,A,2024-01-01 11:00:00\n',
    );
    const own = await openStore(':memory:');
    const report = await importLog(own, file, { log: 'open-quote', onError: 'fail' });
    expect(report.events).toBe(3);
    expect(report.notes).toEqual([
      expect.stringContaining(
        '1 row has a case or activity that opens a double quote and does not close it (the first on line 3)',
      ),
    ]);
    // A quoted file's values never start so: nothing said.
    const quoted = join(dir, 'quoted.csv');
    writeFileSync(quoted, 'case_id,activity,timestamp\nc1,"A, then B",2024-01-01 10:00:00\n');
    expect((await importLog(own, quoted, { log: 'quoted', onError: 'fail' })).notes ?? []).toEqual([]);
    await own.close();
  });
  it('reads each format by its name and adds nothing when the same file comes again', async () => {
    const first = await importLog(store, join(LOGS, 'running-example.xes'), { log: 'rx', onError: 'fail' });
    expect(first).toMatchObject({ log: 'rx', events: 42, cases: 6, duplicates: 0, skipped: 0 });
    const csv = await importLog(store, join(LOGS, 'running-example.csv'), { log: 'rx', onError: 'fail' });
    // The CSV holds the same 42 events as the XES: all of them are already there.
    expect(csv).toMatchObject({ events: 0, cases: 0, duplicates: 42 });
    const d = await discover(store, 'rx');
    expect(d.events).toBe(42);
  });

  it("numbers a CSV's events in file order, after the events the log already holds", async () => {
    const own = await openStore(':memory:');
    const file = join(dir, 'calls.csv');
    const rows = Array.from({ length: 5000 }, (_, i) => `c${i % 7},Call ${i},2024-01-01T10:00:00Z`);
    writeFileSync(file, `case_id,activity,timestamp\n${rows.slice(0, 3000).join('\n')}\n`);
    await importLog(own, file, { log: 'ordered', onError: 'fail' });
    writeFileSync(file, `case_id,activity,timestamp\n${rows.join('\n')}\n`);
    expect(await importLog(own, file, { log: 'ordered', onError: 'fail' })).toMatchObject({
      events: 2000,
      duplicates: 3000,
    });
    const order = await own.connection.runAndReadAll(
      "select seq, activity from events where log = 'ordered' order by seq",
    );
    // The second file's first 3,000 rows were there already: its rows are numbered on from 3,000.
    expect(order.getRowsJS()).toEqual([
      ...rows.slice(0, 3000).map((row, i) => [BigInt(i), row.split(',')[1]]),
      ...rows.slice(3000).map((row, i) => [BigInt(6000 + i), row.split(',')[1]]),
    ]);
    own.close();
  });

  it('leaves the store as it was when a file fails half way, and says where', async () => {
    const whole = readFileSync(join(LOGS, 'running-example.xes'), 'utf8');
    const truncated = join(dir, 'truncated.xes');
    writeFileSync(truncated, whole.slice(0, Math.floor(whole.length * 0.6)));
    const before = await snapshot();
    const error = await importLog(store, truncated, { log: 'rx', onError: 'skip' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LogImportError);
    expect((error as LogImportError).message).toContain('truncated.xes');
    expect(await snapshot()).toEqual(before);
  });

  it('stores nothing of a CSV with a bad row under --on-error fail, through importLog and importCsv alike', async () => {
    const file = join(dir, 'one-bad-row.csv');
    const good = Array.from(
      { length: 500 },
      (_, i) => `c${i % 40},Step ${i % 7},2024-01-01T00:${String(i % 60).padStart(2, '0')}:00Z`,
    );
    writeFileSync(
      file,
      `case,activity,timestamp\n${[...good.slice(0, 300), 'c1,Step 1,not a time', ...good.slice(300)].join('\n')}\n`,
    );
    const before = await snapshot();
    const viaLog = await importLog(store, file, { log: 'bad-row', onError: 'fail' }).catch((e: unknown) => e);
    expect(viaLog).toBeInstanceOf(LogImportError);
    expect((viaLog as LogImportError).message).toMatch(
      /one-bad-row\.csv, line 302, timestamp: "not a time" is not a timestamp$/,
    );
    expect(await snapshot()).toEqual(before);
    const alone = await importCsv(store, file, 'bad-row', { onError: 'fail' }).catch((e: unknown) => e);
    await dropStagedCsv(store);
    expect(alone).toBeInstanceOf(LogImportError);
    expect(await snapshot()).toEqual(before);
    // Under skip, the 500 good rows are stored and the bad one counted.
    const skipped = await importLog(store, file, { log: 'bad-row', onError: 'skip' });
    expect([skipped.events, skipped.skipped, skipped.cases]).toEqual([500, 1, 40]);
    await removeLog(store, 'bad-row');
  });

  it('names what it cannot read', async () => {
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'hello');
    await expect(importLog(store, text, { log: 'x', onError: 'skip' })).rejects.toThrow(
      'linesight reads .xes, .xes.gz, .csv and OCEL 2.0 (.jsonocel, .xmlocel, .sqlite)',
    );
    await expect(importLog(store, join(dir, 'absent.csv'), { log: 'x', onError: 'skip' })).rejects.toThrow(
      'absent.csv does not exist',
    );
    // A folder, a FIFO or a device named like a log is refused, not read (a FIFO would block).
    mkdirSync(join(dir, 'folder.csv'));
    mkdirSync(join(dir, 'logs'));
    execFileSync('mkfifo', [join(dir, 'pipe.xes')]);
    for (const [file, what] of [
      [join(dir, 'folder.csv'), 'is a folder, not a file'],
      // Named without a log's extension, a folder is still a folder, not a file of an unknown format.
      [join(dir, 'logs'), 'is a folder, not a file'],
      [join(dir, 'pipe.xes'), 'is a FIFO (named pipe), not a file'],
    ] as const)
      await expect(importLog(store, file, { log: 'x', onError: 'skip' })).rejects.toThrow(`${file} ${what}`);
    await expect(importLog(store, '/dev/zero', { log: 'x', format: 'csv', onError: 'skip' })).rejects.toThrow(
      '/dev/zero is a device, not a file',
    );
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const error = await importLog(store, empty, { log: 'x', onError: 'skip', label: 'upload.csv' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LogImportError);
    expect((error as LogImportError).message).toBe('upload.csv is empty');
    for (const name of ['empty.xes', 'empty.jsonocel']) {
      writeFileSync(join(dir, name), '');
      await expect(importLog(store, join(dir, name), { log: 'x', onError: 'skip' })).rejects.toThrow(
        `${name} is empty`,
      );
    }
    expect((error as LogImportError).message).not.toContain(dir);
    // A file that parses but holds no event stores no log of nothing that every later command names missing.
    const nothing: [string, string, string, string[]?][] = [
      ['header.csv', 'case,activity,timestamp\n', 'header.csv has a header row but no event rows'],
      [
        'traceless.xes',
        '<?xml version="1.0"?>\n<log>\n</log>\n',
        'traceless.xes holds no trace with an event',
      ],
      [
        'starts.xes',
        '<log><trace><string key="concept:name" value="C1"/><event><string key="concept:name" value="a"/><date key="time:timestamp" value="2024-01-01T10:00:00Z"/><string key="lifecycle:transition" value="start"/></event></trace></log>',
        'starts.xes holds no event of the lifecycle transitions complete',
        ['complete'],
      ],
    ];
    for (const [name, text, message, lifecycle] of nothing) {
      writeFileSync(join(dir, name), text);
      const refused = (await importLog(store, join(dir, name), {
        log: 'nothing',
        onError: 'skip',
        ...(lifecycle ? { lifecycle } : {}),
      }).catch((e: unknown) => e)) as LogImportError;
      expect(refused).toBeInstanceOf(LogImportError);
      expect(refused.message).toBe(
        `${join(dir, name)} ${message.slice(name.length + 1)}, so nothing was imported`,
      );
    }
    // A compressed CSV is said to be one (DuckDB said "not latin-1 encoded": check that it is CSV).
    const zipped = join(dir, 'zipped.csv');
    writeFileSync(zipped, gzipSync(readFileSync(join(LOGS, 'running-example.csv'))));
    const gz = (await importLog(store, zipped, { log: 'x', onError: 'skip', label: 'events.csv' }).catch(
      (e: unknown) => e,
    )) as LogImportError;
    expect(gz.message).toBe('events.csv is gzip-compressed, not CSV text');
    expect(gz.hint).toContain('gunzip -k FILE');
    expect((await listLogs(store)).map((l) => l.log)).toEqual(['rx']);
  });
});

describe('stores on one file', () => {
  it("share one database: each sees the others' imports, and closing one leaves the rest open", async () => {
    const path = join(dir, 'shared.duckdb');
    const a = await openStore(path);
    const b = await openStore(path);
    await importLog(a, join(LOGS, 'running-example.xes'), { log: 'shared', onError: 'fail' });
    expect(await listLogs(b)).toEqual([{ log: 'shared', events: 42, cases: 6 }]);
    a.close();
    expect(await listLogs(b)).toEqual([{ log: 'shared', events: 42, cases: 6 }]);
    b.close();
  });

  it("open side by side, as the server's requests do, without clashing", async () => {
    const path = join(dir, 'busy.duckdb');
    const writer = await openStore(path);
    for (let round = 0; round < 3; round++) {
      // An import runs while other requests open the store and read it.
      const importing = importLog(writer, join(LOGS, 'running-example.csv'), {
        log: `r${round}`,
        onError: 'fail',
      });
      const reading = Promise.all(Array.from({ length: 8 }, () => openStore(path))).then(async (stores) => {
        await Promise.all(stores.map((s) => listLogs(s)));
        for (const s of stores) s.close();
      });
      // Both awaited together: a failing import fails the test, not the run after it.
      await Promise.all([importing, reading]);
    }
    expect((await listLogs(writer)).map((l) => l.events)).toEqual([42, 42, 42]);
    writer.close();
  });
});

describe('discover, top variants', () => {
  it('returns the first N of the full ranking and counts the rest', async () => {
    const all = await discover(store, 'rx');
    const top = await discover(store, 'rx', { top: 2 });
    expect(top.variants).toEqual(all.variants.slice(0, 2));
    expect(top.moreVariants).toBe(all.variants.length - 2);
    expect(top.dfg).toEqual(all.dfg);
  });
});
