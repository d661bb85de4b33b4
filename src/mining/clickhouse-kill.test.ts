/**
 * A shard killed while an import streams into the cluster: the import fails with a message that
 * says what happened and what to do, and the log is absent; or, if the kill came after the last
 * row, the log is whole. Never a part of it. Two processes importing into one log: the second
 * gives way while the first's heartbeat goes on, and takes over from one whose heartbeat stopped
 * (its process killed), dropping what it left. Needs Debian's clickhouse-server: without it,
 * skipped.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linesight } from '../testing/cli.js';
import { clickHouseInstalled, type LocalCluster, startLocalCluster } from '../testing/clickhouse-cluster.js';
import { ClickHouseHttp } from './clickhouse-http.js';
import { LogImportError } from './log-import-error.js';
import { openLogStore } from './open-log-store.js';
import { openStore } from './store.js';
import { StoreBusyError } from './store-busy.js';

const EVENTS = 300_000;

describe.skipIf(!clickHouseInstalled())('a shard killed during an import', () => {
  let cluster: LocalCluster;
  let file: string;

  beforeAll(async () => {
    cluster = await startLocalCluster();
    file = join(mkdtempSync(join(tmpdir(), 'linesight-kill-')), 'events.csv');
    const generator = await openStore(':memory:');
    await generator.connection.run(`copy (
      select 'C' || (i % 50000) as case_id, 'Activity ' || (hash(i) % 20) as activity,
        timestamptz '2024-01-01 00:00:00+00' + to_seconds(cast(i as bigint)) as timestamp
      from range(${EVENTS}) t(i)) to '${file}' (header, delimiter ',')`);
    generator.close();
  });
  afterAll(() => {
    cluster?.stop();
    if (file) rmSync(dirname(file), { recursive: true, force: true });
  });

  it('leaves the log absent (or whole), and a clear message', async () => {
    const address = cluster.cluster('killed');
    const store = await openLogStore(address, 'create');
    const first = new ClickHouseHttp(`127.0.0.1:${cluster.ports[0]}`, { user: 'default', password: '' });
    // Shard 2 dies as soon as shard 1 is taking the rows in.
    let killed = false;
    let done = false;
    const watch = (async () => {
      while (!done) {
        const [row] = await first.rows(
          "SELECT count() FROM system.processes WHERE query LIKE 'INSERT INTO `killed`.events %' FORMAT JSONCompact",
        );
        if (Number(row?.[0]) > 0) {
          cluster.kill(2);
          killed = true;
          done = true;
        } else await new Promise((done) => setTimeout(done, 20));
      }
    })();
    const outcome = await store.importLog(file, { log: 'generated', onError: 'fail' }).then(
      (imported) => ({ imported }),
      (error: unknown) => ({ error }),
    );
    done = true;
    await watch;
    expect(killed, 'the kill came while the import ran').toBe(true);
    await store.close();
    cluster.start();

    const logs = await (await openLogStore(address, 'read')).listLogs();
    if ('error' in outcome) {
      expect(outcome.error).toBeInstanceOf(LogImportError);
      const { message, hint } = outcome.error as LogImportError;
      expect(message).toMatch(/events\.csv: could not store it in ClickHouse: .*; nothing of it was added$/);
      expect(hint).toContain('check that every shard runs');
      expect(logs).toEqual([]);
      // Named withdrawn, so that a later write drops whatever shard 2 took in before it died.
      const marks = await first.rows(
        'SELECT part, min(present) FROM `killed`.logs_local GROUP BY part FORMAT JSONCompact',
      );
      expect(marks.map(([, least]) => Number(least))).toEqual([0]);
    } else {
      // The kill came after the last row: the log is there, whole.
      expect(logs).toEqual([{ log: 'generated', events: EVENTS, cases: 50000 }]);
    }
    // And the cluster takes the file again, whole, once the shard is back.
    const again = await openLogStore(address, 'write');
    expect((await again.importLog(file, { log: 'generated', onError: 'fail' })).events).toBe(EVENTS);
    expect(await again.listLogs()).toEqual([{ log: 'generated', events: EVENTS, cases: 50000 }]);
    await again.close();
  });

  it('drops, at the next write, the events a withdrawn import left on a shard, and no other', async () => {
    const address = cluster.cluster('swept');
    const [first, second] = cluster.ports.map(
      (port) => new ClickHouseHttp(`127.0.0.1:${port}`, { user: 'default', password: '' }),
    ) as [ClickHouseHttp, ClickHouseHttp];
    const small = join(dirname(file), 'small.csv');
    writeFileSync(
      small,
      'case_id,activity,timestamp\nC1,Open,2024-01-01T00:00:00Z\nC2,Open,2024-01-01T00:01:00Z\n',
    );
    const store = await openLogStore(address, 'create');
    await store.importLog(small, { log: 'kept', onError: 'fail' });
    // What a failed import leaves when its shard was down: events in a partition the catalog
    // names withdrawn; beside it, one begun and not finished (another process may be writing it).
    await second.run(
      "INSERT INTO `swept`.events_local (log, seq, case_id, activity, ts_us) VALUES ('pleft', 0, 'X', 'A', 0), ('pbusy', 0, 'Y', 'A', 0)",
    );
    await first.run(
      "INSERT INTO `swept`.logs_local (log, part, present) VALUES ('gone', 'pleft', 2), ('gone', 'pleft', 0), ('busy', 'pbusy', 2)",
    );
    const partitions = async () =>
      (
        await second.rows('SELECT DISTINCT log FROM `swept`.events_local ORDER BY log FORMAT JSONCompact')
      ).map(([log]) => String(log));
    expect(await partitions()).toContain('pleft');
    await store.importLog(small, { log: 'next', onError: 'fail' });
    const left = await partitions();
    expect(left).not.toContain('pleft');
    expect(left).toContain('pbusy');
    expect((await store.listLogs()).map((l) => [l.log, l.events])).toEqual([
      ['kept', 2],
      ['next', 2],
    ]);
    await store.close();
  });

  it('lets one process at a time import into a log: another gives way while the first beats', async () => {
    const address = cluster.single('turns');
    const server = new ClickHouseHttp(`127.0.0.1:${cluster.ports[0]}`, { user: 'default', password: '' });
    const small = join(dirname(file), 'two-rows.csv');
    writeFileSync(
      small,
      'case_id,activity,timestamp\nC1,Open,2024-01-01T00:00:00Z\nC2,Open,2024-01-01T00:01:00Z\n',
    );
    const store = await openLogStore(address, 'create');
    await store.importLog(small, { log: 'warm-up', onError: 'fail' });
    // Another process's import under way: begun, its heartbeat just written.
    await server.run("INSERT INTO `turns`.logs_local (log, part, present) VALUES ('shared', 'pbusy', 2)");
    await server.run("INSERT INTO `turns`.heartbeats_local (log, part) VALUES ('shared', 'pbusy')");
    const failure = (error: unknown) => error;
    const second = await store
      .importLog(small, { log: 'shared', onError: 'fail' })
      .then(() => undefined, failure);
    expect(second).toBeInstanceOf(LogImportError);
    expect((second as LogImportError).message).toMatch(
      /^another import into the log 'shared' is under way \(begun at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d on the ClickHouse server's clock\); a log takes one import at a time, so nothing of this one was added$/,
    );
    // Nor is the log removed under the import's feet.
    const removal = await store.removeLog('shared').then(() => undefined, failure);
    expect(removal).toBeInstanceOf(StoreBusyError);
    expect((removal as StoreBusyError).message).toMatch(
      /is in use by another linesight process \(importing into the log 'shared' since \d{4}-/,
    );
    // From the command line alike: a clear error and exit 1, not an internal one.
    const busy = await linesight('log', 'import', small, '--log', 'shared', '--store', address);
    expect(busy.code, busy.stderr).toBe(1);
    expect(busy.stderr).toMatch(/^linesight: error: another import into the log 'shared' is under way/);
    // The other finishes (counts, with nothing in it here): this one goes through.
    await server.run("INSERT INTO `turns`.logs_local (log, part, present) VALUES ('shared', 'pbusy', 1)");
    expect((await store.importLog(small, { log: 'shared', onError: 'fail' })).events).toBe(2);
    // Removing the log while another process imports into it: a clear error and exit 1.
    await server.run("INSERT INTO `turns`.logs_local (log, part, present) VALUES ('shared', 'pmore', 2)");
    await server.run("INSERT INTO `turns`.heartbeats_local (log, part) VALUES ('shared', 'pmore')");
    const removal2 = await linesight('log', 'remove', 'shared', '--store', address);
    expect(removal2.code, removal2.stderr).toBe(1);
    expect(removal2.stderr).toMatch(
      /is in use by another linesight process \(importing into the log 'shared' since /,
    );
    expect((await store.listLogs()).map((l) => l.log)).toContain('shared');
    await store.close();
  });

  it('counts every event once when two processes import into one log at the same time', async () => {
    const address = cluster.cluster('together');
    const small = join(dirname(file), 'two-rows.csv');
    // Two stores are two processes: each has its own turn-taking, so only the catalog can stop them.
    const [one, other] = [await openLogStore(address, 'create'), await openLogStore(address, 'create')];
    const imports: [typeof one, string][] = [
      [one, file],
      [other, small],
    ];
    const outcomes = await Promise.allSettled(
      imports.map(([s, f]) => s.importLog(f, { log: 'shared', onError: 'fail' })),
    );
    // Whichever began while the other ran gave way, adding nothing; imported again, it adds its events.
    for (const [i, outcome] of outcomes.entries()) {
      if (outcome.status === 'fulfilled') continue;
      expect(outcome.reason).toBeInstanceOf(LogImportError);
      expect((outcome.reason as LogImportError).message).toMatch(/^another import into the log 'shared'/);
      const [s, f] = imports[i] as [typeof one, string];
      await s.importLog(f, { log: 'shared', onError: 'fail' });
    }
    // C1 and C2 are customers of the big file too.
    expect(await one.listLogs()).toEqual([{ log: 'shared', events: EVENTS + 2, cases: 50000 }]);
    await Promise.all([one.close(), other.close()]);
  });

  it('takes an import whose heartbeat stopped for dead: withdrawn, its events dropped', async () => {
    const address = cluster.single('stale');
    const server = new ClickHouseHttp(`127.0.0.1:${cluster.ports[0]}`, { user: 'default', password: '' });
    const small = join(dirname(file), 'one-row.csv');
    writeFileSync(small, 'case_id,activity,timestamp\nC1,Open,2024-01-01T00:00:00Z\n');
    const store = await openLogStore(address, 'create');
    await store.importLog(small, { log: 'warm-up', onError: 'fail' });
    // What a process killed mid-import leaves: events, its import begun, a heartbeat two minutes old.
    await server.run(
      "INSERT INTO `stale`.events_local (log, seq, case_id, activity, ts_us) VALUES ('pdead', 0, 'X', 'A', 0)",
    );
    await server.run("INSERT INTO `stale`.logs_local (log, part, present) VALUES ('orders', 'pdead', 2)");
    await server.run(
      "INSERT INTO `stale`.heartbeats_local (log, part, at) VALUES ('orders', 'pdead', now() - 120)",
    );
    expect((await store.importLog(small, { log: 'orders', onError: 'fail' })).events).toBe(1);
    const marks = await server.rows(
      "SELECT min(present) FROM `stale`.logs_local WHERE part = 'pdead' FORMAT JSONCompact",
    );
    expect(Number(marks[0]?.[0])).toBe(0);
    const stored = await server.rows(
      "SELECT count() FROM `stale`.events_local WHERE log = 'pdead' FORMAT JSONCompact",
    );
    expect(Number(stored[0]?.[0])).toBe(0);
    expect((await store.listLogs()).map((l) => [l.log, l.events])).toEqual([
      ['orders', 1],
      ['warm-up', 1],
    ]);
    await store.close();
  });
});
