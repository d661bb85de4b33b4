/**
 * Nothing outside the workspace is read or listed, and nothing in it that is not a regular file:
 * symlinks (to files or folders, inside or out), pipes and devices are skipped, and a route that
 * names one answers 404 (or 409 for a write), never 500 and never the target's bytes.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './app.js';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;
let dir: string;
let outside: string;
let app: FastifyInstance;

beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'linesight-links-'));
  dir = join(base, 'workspace');
  outside = join(base, 'outside');
  mkdirSync(outside);
  cpSync(EXAMPLES, dir, { recursive: true });
  writeFileSync(join(outside, 'secret.yaml'), 'name: the secret model\n');
  symlinkSync('/etc/passwd', join(dir, 'passwd.yaml'));
  symlinkSync(join(outside, 'secret.yaml'), join(dir, 'secret.yaml'));
  symlinkSync(join(dir, 'mmc.yaml'), join(dir, 'inside.yaml'));
  symlinkSync('/etc', join(dir, 'etc.yaml'));
  symlinkSync(outside, join(dir, 'folder.yaml'));
  symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
  symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling.yaml'));
  mkdirSync(join(dir, 'dir.yaml'));
  execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
  app = buildServer({ workspace: dir, workers: 1, threads: 1, limits: { requestTimeout: 20_000 } });
});
afterAll(() => app.close());

const NOT_FILES = [
  'passwd.yaml',
  'secret.yaml',
  'inside.yaml',
  'etc.yaml',
  'folder.yaml',
  'zero.yaml',
  'dangling.yaml',
  'dir.yaml',
  'pipe.yaml',
];

describe('symlinks, folders, pipes and devices in the workspace', () => {
  it('are not listed, on the API or the plain page', async () => {
    const list = await app.inject('/api/models');
    expect(list.statusCode).toBe(200);
    expect(list.json().map((m: { name: string }) => m.name)).toEqual([
      'competitor.yaml',
      'mmc.yaml',
      'order-departments.yaml',
      'order-single-entity.yaml',
    ]);
    const page = await app.inject('/plain');
    expect(page.statusCode).toBe(200);
    for (const name of NOT_FILES) expect(page.body).not.toContain(name);
  });

  it('are a 404 on every route that reads a model, and nothing of their target comes back', async () => {
    const routes = (n: string) => [
      `/api/models/${n}`,
      `/api/models/${n}/render`,
      `/api/models/${n}/render?format=json`,
      `/api/models/${n}/analysis`,
      `/api/models/${n}/analysis?format=html`,
      `/api/models/${n}/diff?scenario=x`,
      `/api/models/${n}/bpmn`,
      `/api/compare?ours=${n}&theirs=mmc.yaml`,
      `/api/compare?ours=mmc.yaml&theirs=${n}`,
    ];
    for (const name of NOT_FILES) {
      for (const url of routes(name)) {
        const r = await app.inject(url);
        expect(r.statusCode, url).toBe(404);
        expect(r.json().error, url).toContain(name);
        expect(r.body, url).not.toContain('root:');
        expect(r.body, url).not.toContain('the secret model');
      }
      const run = { replications: 2, horizon: '2d', warmup: '1d' };
      for (const [url, payload] of [
        ['simulate', run],
        ['whatif', run],
        ['sweep', { ...run, sweep: 'resources.agents.capacity=8..9' }],
        ['event-log', { horizon: '2d' }],
      ] as const) {
        const r = await app.inject({ method: 'POST', url: `/api/models/${name}/${url}`, payload });
        expect(r.statusCode, `${name} ${url}`).toBe(404);
      }
      const conformance = await app.inject({
        method: 'POST',
        url: '/api/logs/none/conformance',
        payload: { model: name },
      });
      expect(conformance.statusCode, name).toBe(404);
    }
  });

  it('are never written over nor deleted', async () => {
    for (const name of NOT_FILES) {
      const put = await app.inject({
        method: 'PUT',
        url: `/api/models/${name}`,
        payload: { text: 'name: overwritten' },
        headers: { 'if-match': '*' },
      });
      expect(put.statusCode, name).toBe(409);
      expect(put.json().hint).toContain('regular files');
      const del = await app.inject({ method: 'DELETE', url: `/api/models/${name}` });
      expect(del.statusCode, name).toBe(404);
    }
    expect(lstatSync(join(dir, 'passwd.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(outside, 'secret.yaml'), 'utf8')).toBe('name: the secret model\n');
    expect(existsSync(join(dir, 'etc.yaml'))).toBe(true);
  });

  it('refuses a .linesight folder that is a symlink, and writes nothing through it', async () => {
    const other = mkdtempSync(join(tmpdir(), 'linesight-links-data-'));
    const ws = mkdtempSync(join(tmpdir(), 'linesight-links-ws-'));
    symlinkSync(other, join(ws, '.linesight'));
    const server = buildServer({ workspace: ws, threads: 1 });
    try {
      const up = await server.inject({
        method: 'POST',
        url: '/api/logs?name=x',
        payload: 'case_id,activity,timestamp\nc1,A,2024-01-01 10:00:00\n',
        headers: { 'content-type': 'text/csv' },
      });
      expect(up.statusCode).toBe(409);
      expect(up.json().error).toContain('symlink');
      expect((await server.inject('/api/logs')).statusCode).toBe(409);
      expect(execFileSync('ls', ['-A', other]).toString()).toBe('');
    } finally {
      await server.close();
      rmSync(ws, { recursive: true, force: true });
    }
  });
});

describe("the web app's files", () => {
  it("are only the build's own: a folder, a parent or a missing name is a 404, never a 500", async () => {
    // Sent as written: a client that normalises paths (fetch, inject) would never send '..'.
    const server = buildServer({ workspace: dir, threads: 1 });
    await server.listen({ port: 0, host: '127.0.0.1' });
    const port = (server.server.address() as { port: number }).port;
    const get = (path: string) =>
      new Promise<{ status: number; body: string }>((done, fail) => {
        httpRequest({ host: '127.0.0.1', port, path }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => {
            body += c.toString();
          });
          res.on('end', () => done({ status: res.statusCode ?? 0, body }));
        })
          .on('error', fail)
          .end();
      });
    try {
      for (const file of ['..', '.', '...', 'nope.js', '%2e%2e', '..%2Findex.html', '%2Fetc%2Fpasswd']) {
        const r = await get(`/assets/${file}`);
        expect(r.status, file).toBe(404);
        expect(JSON.parse(r.body).error, file).toContain('asset');
      }
    } finally {
      await server.close();
    }
  });
});
