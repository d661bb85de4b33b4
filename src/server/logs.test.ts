/** The log routes leave nothing behind that the user did not ask for: no empty store, no uploads. */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../mining/store.js';
import { EVENT_LOGS } from '../testing/data.js';
import { buildServer } from './app.js';

const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'linesight-logs-'));
  return { dir, app: buildServer({ workspace: dir }) };
};
const store = (dir: string) => join(dir, '.linesight', 'events.duckdb');
const uploads = (dir: string) =>
  existsSync(join(dir, '.linesight', 'uploads')) ? readdirSync(join(dir, '.linesight', 'uploads')) : [];

describe('the event store behind the log routes', () => {
  it('lists no logs, and says there is none, without making a store', async () => {
    const { dir, app } = fresh();
    expect((await app.inject('/api/logs')).json()).toEqual([]);
    const discover = await app.inject('/api/logs/receipt/discover');
    expect(discover.statusCode).toBe(404);
    expect(discover.json().error).toBe("there is no log 'receipt'");
    expect((await app.inject({ method: 'DELETE', url: '/api/logs/receipt' })).statusCode).toBe(404);
    expect(existsSync(store(dir))).toBe(false);
    await app.close();
  });

  it('leaves no store and no upload behind when the first upload fails', async () => {
    const { dir, app } = fresh();
    const xes = readFileSync(join(EVENT_LOGS, 'running-example.xes'), 'utf8');
    const cut = await app.inject({
      method: 'POST',
      url: '/api/logs?name=cut&format=xes',
      payload: xes.slice(0, Math.floor(xes.length * 0.6)),
      headers: { 'content-type': 'application/xml' },
    });
    expect(cut.statusCode).toBe(422);
    expect(existsSync(store(dir))).toBe(false);
    expect(uploads(dir)).toEqual([]);
    await app.close();
  });

  it('imports an upload from its bytes, as the CLI imports the file: a Latin-1 CSV keeps its letters', async () => {
    const { app } = fresh();
    const latin1 = Buffer.from(
      'case_id,activity,timestamp\nc1,Caf\xe9 visit,2024-01-01 10:00:00\nc1,Pay,2024-01-01 10:05:00\n',
      'latin1',
    );
    const up = await app.inject({
      method: 'POST',
      url: '/api/logs?name=cafe',
      payload: latin1,
      headers: { 'content-type': 'text/csv' },
    });
    expect(up.statusCode, up.body).toBe(200);
    // Read as text by the server, the é was stored as U+FFFD: "Caf\uFFFD visit".
    expect(Object.keys((await app.inject('/api/logs/cafe/discover')).json().activities)).toEqual([
      'Café visit',
      'Pay',
    ]);
    await app.close();
  });

  it('keeps the imported log, not the uploaded file', async () => {
    const { dir, app } = fresh();
    const up = await app.inject({
      method: 'POST',
      url: '/api/logs?name=claims&format=csv',
      payload: readFileSync(join(EVENT_LOGS, 'running-example.csv'), 'utf8'),
      headers: { 'content-type': 'text/csv' },
    });
    expect(up.json()).toMatchObject({ log: 'claims', events: 42 });
    expect(uploads(dir)).toEqual([]);
    expect((await app.inject('/api/logs')).json()).toEqual([{ log: 'claims', events: 42, cases: 6 }]);
    await app.close();
  });

  it('stops log work past the request time limit, answers 503 naming the limit, and keeps nothing of an import', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-logs-'));
    // 300,000 events: importing them takes several tenths of a second, discovering them more than 30 ms.
    const rows = Array.from(
      { length: 300_000 },
      (_, i) =>
        `c${i % 50_000},${['Call', 'Visit', 'Pay'][i % 3]},2024-01-01 ${String(Math.floor(i / 18_000)).padStart(2, '0')}:${String(Math.floor(i / 300) % 60).padStart(2, '0')}:00`,
    );
    const csv = `case_id,activity,timestamp\n${rows.join('\n')}\n`;
    const upload = (app: ReturnType<typeof buildServer>, name: string, payload: string) =>
      app.inject({
        method: 'POST',
        url: `/api/logs?name=${name}`,
        payload,
        headers: { 'content-type': 'text/csv' },
      });
    const tight = buildServer({ workspace: dir, limits: { requestTimeout: 30 } });
    const stopped = await upload(tight, 'big', csv);
    expect(stopped.statusCode, stopped.body).toBe(503);
    expect(stopped.json().error).toBe(
      "the work took longer than this server's limit of 30 ms and was stopped",
    );
    expect(stopped.json().hint).toMatch(/a smaller log.*--request-timeout/);
    expect(uploads(dir)).toEqual([]);

    // Nothing of the stopped import stays, and the store takes the same file whole afterwards.
    const roomy = buildServer({ workspace: dir });
    expect((await roomy.inject('/api/logs')).json()).toEqual([]);
    expect((await upload(roomy, 'big', csv)).json().events).toBe(300_000);
    await roomy.close();

    const discover = await tight.inject('/api/logs/big/discover');
    expect(discover.statusCode, discover.body).toBe(503);
    await tight.close();
  });
  it('counts the wait for the store against the time limit, and lets a store that opens too late go', async () => {
    const { dir, app: roomy } = fresh();
    const csv = readFileSync(join(EVENT_LOGS, 'running-example.csv'), 'utf8');
    const upload = (app: ReturnType<typeof buildServer>, name: string) =>
      app.inject({
        method: 'POST',
        url: `/api/logs?name=${name}`,
        payload: csv,
        headers: { 'content-type': 'text/csv' },
      });
    expect((await upload(roomy, 'first')).statusCode).toBe(200);
    // A read under way (as another request's) holds the store read-only: a write waits for it.
    const reading = await openStore(store(dir), { access: 'read' });
    const tight = buildServer({ workspace: dir, limits: { requestTimeout: 200 } });
    const started = performance.now();
    const waited = await upload(tight, 'second');
    expect(waited.statusCode, waited.body).toBe(503);
    expect(waited.json().error).toBe(
      "the work took longer than this server's limit of 200 ms and was stopped",
    );
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(uploads(dir)).toEqual([]);
    // The read ends: the write that gave up opens, is let go at once, and imports nothing.
    reading.close();
    const later = await upload(roomy, 'third');
    expect(later.statusCode, later.body).toBe(200);
    expect((await roomy.inject('/api/logs')).json().map((l: { log: string }) => l.log)).toEqual([
      'first',
      'third',
    ]);
    await tight.close();
    await roomy.close();
  });
});
