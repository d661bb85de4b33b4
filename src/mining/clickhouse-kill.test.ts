/**
 * A shard killed while an import streams into the cluster: the import fails with a message that
 * says what happened and what to do, and the log is absent; or, if the kill came after the last
 * row, the log is whole. Never a part of it. Needs Debian's clickhouse-server: without it, skipped.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickHouseInstalled, type LocalCluster, startLocalCluster } from '../testing/clickhouse-cluster.js';
import { ClickHouseHttp } from './clickhouse-http.js';
import { LogImportError } from './log-import-error.js';
import { openLogStore } from './open-log-store.js';
import { openStore } from './store.js';

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
});
