/**
 * A shard killed while an import streams into the cluster: the import fails with a message that
 * says what happened and what to do, and the log is absent; or, if the kill came after the last
 * row, the log is whole. Never a part of it. Needs Debian's clickhouse-server: without it, skipped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
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
});
