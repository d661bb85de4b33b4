import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { EVENT_LOGS as LOGS } from '../testing/data.js';
import { type HeldStore, holdStore } from '../testing/held-store.js';
import { importLog } from './import-log.js';
import { closeRemovingEmptyNew, listLogs, openStore, removeLog, type StoreAccess } from './store.js';
import { StoreBusyError } from './store-busy.js';
import { StoreOpenError } from './store-open-error.js';

const dir = mkdtempSync(join(tmpdir(), 'linesight-store-'));
const children: HeldStore[] = [];
afterAll(() => {
  for (const child of children) child.kill();
});

/** Another process holding the store open until `release`; killed after the tests whatever happens. */
async function heldElsewhere(db: string, access: StoreAccess) {
  const held = await holdStore(db, access);
  children.push(held);
  return held;
}

const reject = (opening: Promise<unknown>) =>
  opening.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('a store another process holds', () => {
  it('says it is in use, by which process, while a writer holds it; opens once it is done', async () => {
    const db = join(dir, 'written.duckdb');
    const writer = await heldElsewhere(db, 'create');
    for (const access of ['create', 'read'] as const) {
      const error = await reject(openStore(db, { access }));
      expect(error).toBeInstanceOf(StoreBusyError);
      expect((error as StoreBusyError).message).toBe(
        `the event store ${db} is in use by another linesight process (PID ${writer.pid})`,
      );
      expect((error as StoreBusyError).hint).toContain('wait until that process finishes');
    }
    // A writer here that waits for a reader here is told too when the reader cannot open it.
    const [reading, writing] = await Promise.all([
      reject(openStore(db, { access: 'read' })),
      reject(openStore(db, { access: 'write' })),
    ]);
    expect(reading).toBeInstanceOf(StoreBusyError);
    expect(writing).toBeInstanceOf(StoreBusyError);
    await writer.release();
    const store = await openStore(db);
    expect(await listLogs(store)).toEqual([]);
    store.close();
  }, 30_000);

  it('can be read by several processes at once, and written by none of them meanwhile', async () => {
    const db = join(dir, 'read.duckdb');
    const store = await openStore(db);
    await importLog(store, join(LOGS, 'running-example.xes'), { log: 'claims', onError: 'fail' });
    store.close();
    const reader = await heldElsewhere(db, 'read');
    const here = await openStore(db, { access: 'read' });
    expect(await listLogs(here)).toEqual([{ log: 'claims', events: 42, cases: 6 }]);
    here.close();
    expect(await reject(openStore(db, { access: 'write' }))).toBeInstanceOf(StoreBusyError);
    await reader.release();
    const writer = await openStore(db, { access: 'write' });
    expect(await removeLog(writer, 'claims')).toBe(42);
    writer.close();
  });
});

describe('a store that is not there, or is no store', () => {
  it('is not made by opening it to read or to write: that says there is none, and how to make one', async () => {
    const db = join(dir, 'new', 'dir', 'events.duckdb');
    for (const access of ['read', 'write'] as const) {
      const error = await reject(openStore(db, { access }));
      expect(error).toBeInstanceOf(StoreOpenError);
      expect(error).toMatchObject({
        message: `there is no event store at ${db} yet`,
        hint: `import a log first: linesight log import FILE --db ${db}`,
        missing: true,
      });
    }
    expect(existsSync(join(dir, 'new'))).toBe(false);
  });

  it('names a file that is no DuckDB database, without making anything of it', async () => {
    const db = join(dir, 'notes.duckdb');
    writeFileSync(db, 'shopping list: milk, bread\n'.repeat(200));
    const error = await reject(openStore(db, { access: 'read' }));
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as StoreOpenError).message).toContain(`cannot open the event store ${db}`);
    expect((error as StoreOpenError).missing).toBe(false);
  });

  it('names a DuckDB database that holds no events, to read, leaving it as it was', async () => {
    const db = join(dir, 'other.duckdb');
    const other = await DuckDBInstance.create(db);
    const made = await other.connect();
    await made.run('create table orders (id integer)');
    made.closeSync();
    other.closeSync();
    const error = await reject(openStore(db, { access: 'read' }));
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as StoreOpenError).message).toBe(
      `${db} is a DuckDB database but no linesight event store (it has no events table)`,
    );
    expect((error as StoreOpenError).missing).toBe(false);
    const again = await (await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' })).connect();
    const tables = (await again.runAndReadAll('select table_name from duckdb_tables()')).getRowObjectsJS();
    again.closeSync();
    expect(tables.map((t) => t.table_name)).toEqual(['orders']);
  });

  it('refuses a log, an empty file, a folder or a pipe named as the store, storing nothing and waiting for nothing', async () => {
    const log = join(dir, 'events.csv');
    const text = 'case_id,activity,timestamp\nc1,A,2024-01-01 10:00:00\n';
    writeFileSync(log, text);
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '');
    const pipe = join(dir, 'pipe');
    execFileSync('mkfifo', [pipe]);
    const cases: [string, string][] = [
      [log, 'it is text, not a DuckDB database'],
      [empty, 'it is empty, not a DuckDB database'],
      [dir, 'it is not a regular file (a folder, a device or a pipe)'],
      [pipe, 'it is not a regular file (a folder, a device or a pipe)'],
    ];
    for (const [db, why] of cases)
      for (const access of ['create', 'read'] as const) {
        // DuckDB opened a .csv, .json or .parquet file as a table of a database in memory: the
        // import said its events were stored, and none were.
        const error = await reject(openStore(db, { access }));
        expect(error, `${db} ${access}`).toBeInstanceOf(StoreOpenError);
        expect((error as StoreOpenError).message).toBe(`cannot open the event store ${db}: ${why}`);
      }
    expect(readFileSync(log, 'utf8')).toBe(text);
    expect(readFileSync(empty, 'utf8')).toBe('');
  });
});

describe('an import into a new store that fails', () => {
  it('leaves no store and none of the folders made for it', async () => {
    const top = join(dir, 'fresh');
    const db = join(top, 'deeper', 'events.duckdb');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'case_id,activity,timestamp\nc1,Call,not a time\n');
    const store = await openStore(db);
    await expect(importLog(store, bad, { log: 'bad', onError: 'fail' })).rejects.toThrow('not a timestamp');
    await closeRemovingEmptyNew(store);
    expect(existsSync(top)).toBe(false);
  });

  it('keeps a new store that an import filled, and an older one it failed into as it was', async () => {
    const db = join(dir, 'kept', 'events.duckdb');
    const store = await openStore(db);
    await importLog(store, join(LOGS, 'running-example.xes'), { log: 'claims', onError: 'fail' });
    await closeRemovingEmptyNew(store);
    expect(readdirSync(join(dir, 'kept'))).toEqual(['events.duckdb']);
    const again = await openStore(db);
    await removeLog(again, 'claims');
    // Empty now, but not made by this open: it stays.
    await closeRemovingEmptyNew(again);
    expect(existsSync(db)).toBe(true);
  });
});

describe('writes within one process', () => {
  it('go one at a time: one log imported twice at once holds its events once', async () => {
    const store = await openStore(join(dir, 'twice.duckdb'));
    const file = join(LOGS, 'running-example.csv');
    const [a, b] = await Promise.all([
      importLog(store, file, { log: 'claims', onError: 'fail' }),
      importLog(store, file, { log: 'claims', onError: 'fail' }),
    ]);
    expect([a.events, b.events]).toEqual([42, 0]);
    expect(await listLogs(store)).toEqual([{ log: 'claims', events: 42, cases: 6 }]);
    store.close();
  });

  it('in the order asked: a log removed while it is imported goes once the import is done', async () => {
    const path = join(dir, 'removed.duckdb');
    const importer = await openStore(path);
    const remover = await openStore(path);
    const importing = importLog(importer, join(LOGS, 'running-example.csv'), {
      log: 'claims',
      onError: 'fail',
    });
    const removed = await removeLog(remover, 'claims');
    expect((await importing).events).toBe(42);
    expect(removed).toBe(42);
    expect(await listLogs(remover)).toEqual([]);
    importer.close();
    remover.close();
  });

  it('wait for readers of this process to finish before writing', async () => {
    const path = join(dir, 'readers.duckdb');
    (await openStore(path)).close();
    const reader = await openStore(path, { access: 'read' });
    let writing = false;
    const writer = openStore(path, { access: 'write' }).then((store) => {
      writing = true;
      return store;
    });
    await new Promise((done) => setTimeout(done, 100));
    expect(writing).toBe(false);
    reader.close();
    const store = await writer;
    await importLog(store, join(LOGS, 'running-example.xes'), { log: 'claims', onError: 'fail' });
    expect(await listLogs(store)).toEqual([{ log: 'claims', events: 42, cases: 6 }]);
    store.close();
  });
});
