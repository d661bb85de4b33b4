/**
 * Log work on a ClickHouse store has the server's time limit too: each query carries
 * `max_execution_time`, ClickHouse stops one that runs past it, and the request is answered 503
 * naming --request-timeout, as on the workspace's DuckDB store. Needs Debian's clickhouse-server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseClickHouseAddress } from '../mining/clickhouse-address.js';
import { ClickHouseHttp, TIMEOUT_EXCEEDED } from '../mining/clickhouse-http.js';
import { clickHouseInstalled, type LocalCluster, startLocalCluster } from '../testing/clickhouse-cluster.js';
import { serverEventStore } from './event-store.js';
import { HttpError } from './http-error.js';
import { Workspace } from './workspace.js';

const CREDENTIALS = { user: 'default', password: '' };
/** Counting ten billion numbers takes ClickHouse more than ten seconds on this kind of machine. */
const SLOW = 'select count() from numbers(10000000000) where number % 7 = 3 format JSONCompact';

describe.skipIf(!clickHouseInstalled())('the time limit on a ClickHouse store', () => {
  let cluster: LocalCluster;
  let shard: string;
  const dir = mkdtempSync(join(tmpdir(), 'linesight-ch-limit-'));
  beforeAll(async () => {
    cluster = await startLocalCluster();
    shard = parseClickHouseAddress(cluster.single('limits')).shards[0] as string;
  });
  afterAll(() => {
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops a query past the seconds a store was given, and lets one without a limit run', async () => {
    const limited = new ClickHouseHttp(shard, CREDENTIALS, 1);
    const started = performance.now();
    const stopped = await limited.rows(SLOW).catch((error: unknown) => error);
    expect(stopped).toMatchObject({ code: TIMEOUT_EXCEEDED });
    expect(performance.now() - started).toBeLessThan(8000);
    expect(await new ClickHouseHttp(shard, CREDENTIALS).rows('select 1 format JSONCompact')).toEqual([[1]]);
  });

  it("answers 503 naming --request-timeout when ClickHouse stops a request's query", async () => {
    const events = serverEventStore(new Workspace(dir), cluster.single('limits'), 1000);
    const answer = await events
      .with('create', () => new ClickHouseHttp(shard, CREDENTIALS, 1).rows(SLOW))
      .catch((error: unknown) => error);
    expect(answer).toBeInstanceOf(HttpError);
    expect(answer).toMatchObject({
      status: 503,
      message: "the work took longer than this server's limit of 1 s and was stopped",
    });
    expect((answer as HttpError).hint).toMatch(/--request-timeout/);
    await events.close();
  });
});
