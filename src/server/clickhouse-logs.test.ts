/**
 * The server's log routes on a ClickHouse store (`linesight serve --store clickhouse://...`) answer
 * as they do on the workspace's DuckDB store: upload and import, list, discover, the
 * directly-follows graph, remove, conformance, calibration, a model from a log and journey
 * analytics, byte for byte, on one ClickHouse server and on two shards. Needs Debian's
 * clickhouse-server: without it, skipped loudly.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickHouseInstalled, type LocalCluster, startLocalCluster } from '../testing/clickhouse-cluster.js';
import { EVENT_LOGS } from '../testing/data.js';
import { buildServer } from './app.js';

const MMC = new URL('../../examples/mmc.yaml', import.meta.url);
const installed = clickHouseInstalled();
if (!installed)
  console.warn(
    '\n*** SKIPPED: the server-on-ClickHouse tests need clickhouse-server (apt-get install -y clickhouse-server clickhouse-client) ***\n',
  );

/** Real logs as the web page uploads them: the file as the body, the format and case type in the query. */
const UPLOADS: { file: string; query: string; type: string }[] = [
  { file: 'running-example.csv', query: 'name=claims&format=csv', type: 'text/csv' },
  { file: 'receipt.xes.gz', query: 'name=receipt&format=xes', type: 'application/octet-stream' },
  {
    file: 'ocel2/ocel20_example.jsonocel',
    query: 'name=orders&format=ocel-json&caseType=Purchase%20Order',
    type: 'application/octet-stream',
  },
];

interface Answer {
  status: number;
  type: string;
  body: string;
}

describe.skipIf(!installed)('the log routes on a ClickHouse store answer as on DuckDB', () => {
  let cluster: LocalCluster;
  const dirs: string[] = [];
  let servers: { name: string; app: FastifyInstance }[] = [];

  const serverOn = (store?: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-ch-serve-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'mmc.yaml'), readFileSync(MMC));
    return buildServer({ workspace: dir, workers: 1, ...(store ? { store } : {}) });
  };

  beforeAll(async () => {
    cluster = await startLocalCluster();
    servers = [
      { name: 'DuckDB', app: serverOn() },
      { name: 'one ClickHouse server', app: serverOn(cluster.single('served_single')) },
      { name: 'two ClickHouse shards', app: serverOn(cluster.cluster('served_cluster')) },
    ];
  });
  afterAll(async () => {
    for (const { app } of servers) await app.close();
    cluster?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** The same request to every server: each one's status, content type and body. */
  const onEach = async (request: InjectOptions) => {
    const answers: (Answer & { name: string })[] = [];
    for (const { name, app } of servers) {
      const r = await app.inject(request);
      answers.push({ name, status: r.statusCode, type: String(r.headers['content-type']), body: r.body });
    }
    const [first, ...rest] = answers;
    for (const a of rest) {
      expect(a.body, `${a.name} against ${first?.name}`).toBe(first?.body);
      expect(a.status, `${a.name}'s status`).toBe(first?.status);
      expect(a.type, `${a.name}'s content type`).toBe(first?.type);
    }
    return first as Answer;
  };

  it('has no logs before the first upload, and no log of a name not uploaded', async () => {
    expect(JSON.parse((await onEach({ url: '/api/logs' })).body)).toEqual([]);
    const missing = await onEach({ url: '/api/logs/claims/discover' });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).error).toBe("there is no log 'claims'");
  });

  it('uploads, lists, discovers, draws and removes real logs alike', async () => {
    for (const { file, query, type } of UPLOADS) {
      const up = await onEach({
        method: 'POST',
        url: `/api/logs?${query}`,
        payload: readFileSync(join(EVENT_LOGS, file)),
        headers: { 'content-type': type },
      });
      expect(up.status, up.body).toBe(200);
      expect(JSON.parse(up.body).events).toBeGreaterThan(0);
    }
    // The same file again: every event a duplicate, none added, on every engine.
    const again = await onEach({
      method: 'POST',
      url: '/api/logs?name=claims&format=csv',
      payload: readFileSync(join(EVENT_LOGS, 'running-example.csv')),
      headers: { 'content-type': 'text/csv' },
    });
    expect(JSON.parse(again.body)).toMatchObject({ events: 0, duplicates: 42 });
    const list = JSON.parse((await onEach({ url: '/api/logs' })).body) as { log: string; events: number }[];
    expect(list.map((l) => l.log)).toEqual(['claims', 'orders', 'receipt']);

    for (const { log } of list) {
      const found = await onEach({ url: `/api/logs/${log}/discover?top=100000` });
      expect(found.status).toBe(200);
      const { channels, dfg } = JSON.parse(found.body) as { channels: string[]; dfg: unknown[] };
      expect(dfg.length).toBeGreaterThan(0);
      // One channel's events (the query each channel's choice on the data page sends).
      if (channels[0] !== undefined)
        await onEach({ url: `/api/logs/${log}/discover?channel=${encodeURIComponent(channels[0])}` });
      // The small logs' pictures in both measures: the same on every engine once their discovery
      // is, and laying out receipt's hundred edges took 3.6 of this test's 19 s, on three servers.
      for (const measure of log === 'receipt' ? [] : ['frequency', 'time']) {
        const picture = await onEach({ url: `/api/logs/${log}/dfg.svg?measure=${measure}` });
        expect(picture.type).toBe('image/svg+xml');
        expect(picture.body).toContain('<svg');
      }
    }

    const removed = await onEach({ method: 'DELETE', url: '/api/logs/receipt' });
    expect(JSON.parse(removed.body)).toEqual({ log: 'receipt', events: list[2]?.events });
    expect(JSON.parse((await onEach({ url: '/api/logs' })).body).map((l: { log: string }) => l.log)).toEqual([
      'claims',
      'orders',
    ]);
    expect((await onEach({ method: 'DELETE', url: '/api/logs/receipt' })).status).toBe(404);
    // Three engines, each importing and laying out graphs, on a shared 2-core machine.
  }, 400_000);

  it('checks a log against a model and calibrates it alike', async () => {
    const mapping = { 'check ticket': 'serve' };
    const fit = await onEach({
      method: 'POST',
      url: '/api/logs/claims/conformance',
      payload: { model: 'mmc.yaml', mapping },
    });
    expect(fit.status, fit.body).toBe(200);
    expect(JSON.parse(fit.body)).toMatchObject({ mappedActivities: mapping, cases: 6 });
    const calibrated = await onEach({
      method: 'POST',
      url: '/api/logs/claims/calibrate',
      payload: { model: 'mmc.yaml', mapping },
    });
    expect(calibrated.status, calibrated.body).toBe(200);
    expect(JSON.parse(calibrated.body).file).toBe('calibrated-claims.yaml');
    const written = dirs.map((dir) => readFileSync(join(dir, 'calibrated-claims.yaml'), 'utf8'));
    expect(new Set(written).size).toBe(1);
    // A log the store does not hold is a 404 on every engine.
    const missing = await onEach({
      method: 'POST',
      url: '/api/logs/nothing/conformance',
      payload: { model: 'mmc.yaml', mapping },
    });
    expect(missing.status).toBe(404);
  });

  it('discovers a model from a log alike: the same answer and the same file in the workspace', async () => {
    for (const log of ['claims', 'orders']) {
      const found = await onEach({ method: 'POST', url: `/api/logs/${log}/model`, payload: {} });
      expect(found.status, found.body).toBe(200);
      expect(JSON.parse(found.body).file).toBe(`discovered-${log}.yaml`);
      const written = dirs.map((dir) => readFileSync(join(dir, `discovered-${log}.yaml`), 'utf8'));
      expect(new Set(written).size, log).toBe(1);
      expect(written[0]).toMatch(/^# A customer journey discovered by linesight log model/);
    }
    const missing = await onEach({ method: 'POST', url: '/api/logs/nothing/model', payload: {} });
    expect(missing.status).toBe(404);
  });

  it('answers journey analytics alike, with the options as the web page sends them', async () => {
    for (const query of ['', '?window=2d&minExposed=1&by=channel,org:resource&webSigns=/check/']) {
      const j = await onEach({ url: `/api/logs/claims/journeys${query}` });
      expect(j.status, j.body).toBe(200);
      expect(JSON.parse(j.body).customers).toBe(6);
    }
    const orders = await onEach({ url: '/api/logs/orders/journeys?minExposed=1' });
    expect(orders.status, orders.body).toBe(200);
    expect(JSON.parse(orders.body).contacts.inboundEvents).toBeGreaterThan(0);
    expect((await onEach({ url: '/api/logs/nothing/journeys' })).status).toBe(404);
  });
});

describe('a ClickHouse store that does not answer', () => {
  it('is a 503 saying where and what to check, not a crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-ch-serve-'));
    // Port 9 (discard) on loopback: nothing listens there.
    const app = buildServer({ workspace: dir, store: 'clickhouse://127.0.0.1:9/nowhere' });
    try {
      const r = await app.inject('/api/logs');
      expect(r.statusCode).toBe(503);
      expect(r.json().error).toContain('127.0.0.1:9');
      expect(r.json().hint).toContain('HTTP port');
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
