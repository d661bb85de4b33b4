/**
 * Every error in the API's JSON form, `{ error, hint }`: malformed JSON, wrong types, huge numbers,
 * unicode names, random bodies; never a 500 for a user's input, never HTML or an empty body. And
 * the event store held by another process is a 503 with Retry-After and what to do.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreBusyError } from '../mining/store-busy.js';
import { buildServer } from './app.js';
import { problemOf } from './problem.js';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;
let dir: string;
let app: FastifyInstance;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'linesight-errors-'));
  cpSync(EXAMPLES, dir, { recursive: true });
  // A tiny customer limit: any body that would start a simulation is refused instead of run.
  app = buildServer({ workspace: dir, workers: 1, threads: 1, limits: { maxCustomers: 10 } });
});
afterAll(() => app.close());

type Response = Awaited<ReturnType<FastifyInstance['inject']>>;

/** An error as the API promises it: a 4xx (or 503) in JSON, with the error and what to do. */
function expectProblem(r: Response, what: string) {
  expect(r.statusCode, `${what}: ${r.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(r.statusCode, `${what}: ${r.body.slice(0, 200)}`).not.toBe(500);
  expect(r.headers['content-type'], what).toContain('application/json');
  const body = r.json();
  expect(typeof body.error, what).toBe('string');
  expect(body.error.length, what).toBeGreaterThan(0);
}

describe('requests the router or the HTTP parser refuses', () => {
  it('answer in the same shape, without echoing the address', async () => {
    const long = await app.inject({ url: `/api/models/${'a'.repeat(5000)}.yaml` });
    expectProblem(long, 'a name of 5,000 characters');
    expect(long.statusCode).toBe(414);
    expect(long.body).not.toContain('aaaaaaaaaa');
    expect(long.json().hint).toContain('shorter name');
    const bad = await app.inject({ url: '/api/models/%zz' });
    expectProblem(bad, 'a % without two hex digits');
    expect(bad.json().error).toBe('the address is not a valid URL');
  });

  it('answer a request Node cannot parse in JSON too', async () => {
    // A server of its own: one that listens answers only to its own port.
    const served = buildServer({ workspace: dir, workers: 1, threads: 1 });
    await served.listen({ port: 0, host: '127.0.0.1' });
    const port = (served.server.address() as { port: number }).port;
    const socket = connect(port, '127.0.0.1');
    socket.write(
      'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n',
    );
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk;
    });
    await new Promise<void>((done) => socket.on('close', () => done()));
    await served.close();
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request/);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
      error: 'the request is not valid HTTP',
      hint: 'send a well-formed HTTP/1.1 request',
    });
  });
});

const JSON_ROUTES = [
  '/api/validate',
  '/api/render',
  '/api/analyze',
  '/api/models/mmc.yaml/simulate',
  '/api/models/mmc.yaml/sweep',
  '/api/models/mmc.yaml/whatif',
  '/api/models/mmc.yaml/event-log',
  '/api/logs/claims/conformance',
  '/api/logs/claims/calibrate',
  '/api/logs/claims/model',
];

describe('malformed and mistyped requests', () => {
  it('answers malformed or empty JSON with 400 and a hint, on every JSON route', async () => {
    for (const url of JSON_ROUTES) {
      for (const payload of ['{', '{"replications": }', 'nul', '\u0000']) {
        const r = await app.inject({
          method: 'POST',
          url,
          payload,
          headers: { 'content-type': 'application/json' },
        });
        expectProblem(r, `${url} ${JSON.stringify(payload)}`);
        expect(r.statusCode).toBe(400);
        expect(r.json().hint, url).toContain('JSON');
      }
      const empty = await app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', 'content-length': '0' },
      });
      expect(empty.statusCode, url).toBeLessThan(500);
    }
  });

  it('names the field of a wrong type instead of ignoring it', async () => {
    const cases: [string, unknown, string][] = [
      ['/api/models/mmc.yaml/simulate', { set: 'resources.agents.capacity=12' }, "'set'"],
      ['/api/models/mmc.yaml/simulate', { set: [12] }, "'set'"],
      ['/api/models/mmc.yaml/simulate', { scenario: 5 }, "'scenario'"],
      ['/api/models/mmc.yaml/simulate', { replications: 'many' }, "'replications'"],
      ['/api/models/mmc.yaml/simulate', { replications: 2.5 }, "'replications'"],
      ['/api/models/mmc.yaml/simulate', { seed: 1e300 }, "'seed'"],
      ['/api/models/mmc.yaml/simulate', { horizon: 30 }, "'horizon'"],
      ['/api/models/mmc.yaml/simulate', [1, 2], 'JSON object'],
      ['/api/models/mmc.yaml/whatif', { scenarios: 'all' }, "'scenarios'"],
      ['/api/models/mmc.yaml/sweep', { sweep: 5 }, "'sweep'"],
      ['/api/render', { text: 5 }, 'text'],
      ['/api/render', { text: 'name: x', view: ['blueprint'] }, "'view'"],
      ['/api/analyze', 'just text', 'JSON object'],
    ];
    for (const [url, payload, field] of cases) {
      const r = await app.inject({
        method: 'POST',
        url,
        payload: JSON.stringify(payload),
        headers: { 'content-type': 'application/json' },
      });
      expectProblem(r, `${url} ${JSON.stringify(payload)}`);
      expect(r.statusCode, url).toBe(400);
      expect(r.json().error, url).toContain(field);
    }
  });

  it('refuses huge numbers as work past the limits, not as a crash or a run', async () => {
    for (const payload of [
      { replications: Number.MAX_SAFE_INTEGER },
      { horizon: '1e300d' },
      { horizon: '99999999999999999999d', replications: 1 },
      { sweep: 'resources.agents.capacity=1..1000000000' },
    ]) {
      for (const route of ['simulate', 'sweep', 'event-log']) {
        const r = await app.inject({ method: 'POST', url: `/api/models/mmc.yaml/${route}`, payload });
        expectProblem(r, `${route} ${JSON.stringify(payload)}`);
        expect(r.statusCode).not.toBe(202);
      }
    }
  });

  it('refuses a query parameter the route does not read, or one given twice, naming it', async () => {
    // A misspelt parameter answered the baseline as if nothing had been asked.
    const typo = await app.inject('/api/models/order-departments.yaml/analysis?scenaro=ivr-reroute');
    expect([typo.statusCode, typo.json()]).toEqual([
      400,
      {
        error: "'scenaro' is not a query parameter of this request",
        hint: "did you mean 'scenario'? its parameters are format, scenario, segment",
      },
    ]);
    expect((await app.inject('/api/models?bogus=1')).json()).toEqual({
      error: "'bogus' is not a query parameter of this request",
      hint: 'this request takes none',
    });
    // Given twice, a parameter reached the route as a list: 500, "this is a bug in linesight".
    for (const url of [
      '/api/models/mmc.yaml/render?view=blueprint&view=role',
      '/api/models/order-departments.yaml/analysis?scenario=a&scenario=b',
      '/api/compare?ours=mmc.yaml&theirs=a&theirs=b',
      '/api/logs/claims/discover?top=1&top=2',
    ]) {
      const r = await app.inject(url);
      expectProblem(r, url);
      expect(r.statusCode, url).toBe(400);
      expect(r.json().error, url).toMatch(/^the query parameter '\w+' is given 2 times$/);
    }
    // Parameters a route reads still pass, and a page takes whatever a link carries.
    expect((await app.inject('/api/models/mmc.yaml/render?view=blueprint&format=json')).statusCode).toBe(200);
    expect((await app.inject('/plain?utm_source=chat')).statusCode).toBe(200);
  });

  it('answers unicode, control characters and odd names in paths and queries in JSON', async () => {
    for (const url of [
      '/api/models/%E2%9C%93.yaml',
      '/api/models/%F0%9F%98%80.yaml/analysis',
      '/api/models/%00.yaml',
      '/api/models/a%0Ab.yaml/render',
      '/api/models/mmc.yaml/render?view=%E2%9C%93',
      '/api/models/mmc.yaml/analysis?format=pdf',
      '/api/models/mmc.yaml/analysis?segment=%E2%9C%93',
      '/api/logs/%E2%9C%93/discover',
      '/api/logs/claims/discover?top=1e400',
      '/api/logs/claims/dfg.svg?edges=-1',
      '/api/jobs/%E2%9C%93',
      '/api/compare?ours=%E2%9C%93&theirs=mmc.yaml',
      '/api/models/%ZZ',
      '/%E2%9C%93',
    ]) {
      expectProblem(await app.inject(url), url);
    }
    const upload = await app.inject({
      method: 'POST',
      url: '/api/logs?name=%E2%9C%93',
      payload: 'a,b\n',
      headers: { 'content-type': 'text/csv' },
    });
    expectProblem(upload, 'unicode log name');
    expect(upload.statusCode).toBe(400);
  });

  it('answers any JSON body on any JSON route with a result or a JSON error, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...JSON_ROUTES),
        fc.oneof(
          fc.jsonValue({ maxDepth: 3 }),
          fc.record(
            {
              text: fc.oneof(fc.string(), fc.constant('name: x\nsteps: 5')),
              replications: fc.oneof(fc.integer(), fc.double(), fc.string()),
              horizon: fc.oneof(fc.string(), fc.integer()),
              set: fc.oneof(fc.array(fc.string(), { maxLength: 3 }), fc.string()),
              scenario: fc.oneof(fc.string(), fc.integer()),
              model: fc.oneof(fc.string(), fc.constant('mmc.yaml')),
              mapping: fc.jsonValue({ maxDepth: 2 }),
              sweep: fc.string(),
              target: fc.string(),
            },
            { requiredKeys: [] },
          ),
        ),
        async (url, body) => {
          const r = await app.inject({
            method: 'POST',
            url,
            payload: JSON.stringify(body),
            headers: { 'content-type': 'application/json' },
          });
          if (r.statusCode >= 400) expectProblem(r, `${url} ${JSON.stringify(body).slice(0, 200)}`);
          else expect([200, 202], url).toContain(r.statusCode);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('the event store held by another process', () => {
  it('is a 503 with Retry-After and what to do, not an internal error', () => {
    const busy = problemOf(new StoreBusyError('/w/.linesight/events.duckdb', 'PID 4242'), '');
    expect(busy.status).toBe(503);
    expect(busy.headers['Retry-After']).toBe('5');
    expect(busy.body.error).toContain('PID 4242');
    expect(busy.body.hint).toContain('try again');
    expect(problemOf(new Error('boom'), '').status).toBe(500);
  });
});
