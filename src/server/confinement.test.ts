/**
 * Files a model names (imports) are read only from inside the workspace, as regular files of
 * bounded size; and the event store held by another process is a 503 to retry.
 *
 * These need the work of two other branches: `LoadOptions.root` enforced in src/model (branch
 * input; the server passes `root: workspace.root` to every load and parse) and `openStore`
 * throwing `StoreBusyError` (branch store; the server maps it to 503). They fail on this branch
 * alone, and pass once both have landed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './app.js';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;
let dir: string;
let app: FastifyInstance;

const part = (name: string) =>
  `linesight: 1\nkind: part\nsegments:\n  - { id: ${name}, name: ${name}, share: 1 }\n`;

beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'linesight-confine-'));
  dir = join(base, 'workspace');
  cpSync(EXAMPLES, dir, { recursive: true });
  mkdirSync(join(base, 'outside'));
  writeFileSync(join(base, 'outside', 'part.yaml'), part('outsider'));
  symlinkSync(join(base, 'outside', 'part.yaml'), join(dir, 'linked-part.yaml'));
  const model = (imports: string) =>
    readModel().replace(/^name: /m, `imports: [${JSON.stringify(imports)}]\nname: `);
  writeFileSync(join(dir, 'climbs.yaml'), model('../outside/part.yaml'));
  writeFileSync(join(dir, 'absolute.yaml'), model(join(base, 'outside', 'part.yaml')));
  writeFileSync(join(dir, 'through-link.yaml'), model('linked-part.yaml'));
  writeFileSync(join(dir, 'device.yaml'), model(ZERO));
  symlinkSync('/dev/zero', join(dir, 'zero-part.yaml'));
  writeFileSync(join(dir, 'device-link.yaml'), model('zero-part.yaml'));
  app = buildServer({ workspace: dir, workers: 1, threads: 1, limits: { requestTimeout: 10_000 } });
});
afterAll(() => app.close());

/** /dev/zero, from the workspace, however deep the temporary folder is. */
const ZERO = `${'../'.repeat(20)}dev/zero`;

const readModel = () => readFileSync(join(EXAMPLES, 'mmc.yaml'), 'utf8');

describe('needs LoadOptions.root (branch input): files a model names stay in the workspace', () => {
  for (const name of ['climbs.yaml', 'absolute.yaml', 'through-link.yaml']) {
    it(`refuses ${name}'s import from outside the workspace, on every route that loads it`, async () => {
      for (const url of [
        `/api/models/${name}`,
        `/api/models/${name}/analysis`,
        `/api/models/${name}/render`,
      ]) {
        const r = await app.inject(url);
        expect(r.statusCode, url).not.toBe(500);
        const diagnostics = r.statusCode === 200 ? r.json().diagnostics : r.json().details;
        if (r.statusCode !== 200) expect(r.statusCode, url).toBe(422);
        expect(JSON.stringify(diagnostics), url).toMatch(/imports/);
        expect(r.body, url).not.toContain('outsider');
      }
    });
  }

  it('refuses an import of a device in text sent to validate, within the time limit', async () => {
    const started = performance.now();
    const r = await app.inject({
      method: 'POST',
      url: '/api/validate',
      payload: { text: readModel().replace(/^name: /m, `imports: [${JSON.stringify(ZERO)}]\nname: `) },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().ok).toBe(false);
    expect(JSON.stringify(r.json().diagnostics)).toMatch(/imports/);
    expect(performance.now() - started).toBeLessThan(10_000);
    for (const name of ['device.yaml', 'device-link.yaml']) {
      const saved = await app.inject(`/api/models/${name}/analysis`);
      expect(saved.statusCode, name).toBe(422);
    }
  });
});

describe('needs StoreBusyError from openStore (branch store): a store held by another process', () => {
  let holder: ChildProcess | undefined;
  afterAll(() => holder?.kill('SIGTERM'));

  it('is a 503 with Retry-After and the hint, on the log routes', async () => {
    const store = join(dir, '.linesight', 'events.duckdb');
    mkdirSync(join(dir, '.linesight'), { recursive: true });
    // Another process (as `linesight log import` would) opens the store and keeps it open.
    holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { DuckDBInstance } from '@duckdb/node-api';
         const db = await DuckDBInstance.create(${JSON.stringify(store)});
         const c = await db.connect();
         await c.run('create table if not exists held (x int)');
         console.log('holding');
         setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], cwd: new URL('../..', import.meta.url).pathname },
    );
    await new Promise<void>((ready) => holder?.stdout?.on('data', () => ready()));
    for (const url of ['/api/logs', '/api/logs/any/discover']) {
      const r = await app.inject(url);
      expect(r.statusCode, url).toBe(503);
      expect(r.headers['retry-after'], url).toBeDefined();
      expect(r.json().hint, url).toContain('try again');
    }
  });
});
