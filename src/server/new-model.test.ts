/** New models from the web app: created blank, from the starter, an example or a BPMN file; renamed, duplicated, deleted. */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { starterModel } from '../model/templates.js';
import { buildServer } from './app.js';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;
let app: FastifyInstance;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'linesight-new-'));
  cpSync(join(EXAMPLES, 'mmc.yaml'), join(dir, 'mmc.yaml'));
  app = buildServer({ workspace: dir, workers: 1 });
});
afterAll(() => app.close());

const post = (url: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, payload, headers });

describe('a new model', () => {
  it('lists what a new model can start from', async () => {
    const list = (await app.inject('/api/templates')).json() as { from: string }[];
    expect(list.map((t) => t.from)).toEqual([
      'blank',
      'starter',
      'example:competitor.yaml',
      'example:mmc.yaml',
      'example:order-departments.yaml',
      'example:order-single-entity.yaml',
      'bpmn',
    ]);
  });

  it('starts blank, titled for its name, and valid', async () => {
    const r = await post('/api/models', { name: 'my-returns.yaml', from: 'blank' });
    expect(r.statusCode).toBe(201);
    expect(r.headers.location).toBe('/api/models/my-returns.yaml');
    expect(r.json()).toMatchObject({ name: 'my-returns.yaml', ok: true, diagnostics: [], warnings: [] });
    expect(r.headers.etag).toBe(r.json().etag);
    expect(readFileSync(join(dir, 'my-returns.yaml'), 'utf8')).toContain('name: "My returns"');
  });

  it("starts from the starter, the same text as linesight init's", async () => {
    const r = await post('/api/models', { name: 'starter.yaml', from: 'starter' });
    expect(r.statusCode).toBe(201);
    expect(r.json().ok).toBe(true);
    expect(readFileSync(join(dir, 'starter.yaml'), 'utf8')).toBe(starterModel());
  });

  it('starts from an example, and names the examples when asked for another', async () => {
    const r = await post('/api/models', { name: 'orders.yaml', from: 'example:order-single-entity.yaml' });
    expect(r.statusCode).toBe(201);
    expect(r.json().ok).toBe(true);
    expect(readFileSync(join(dir, 'orders.yaml'), 'utf8')).toBe(
      readFileSync(join(EXAMPLES, 'order-single-entity.yaml'), 'utf8'),
    );
    const missing = await post('/api/models', { name: 'x.yaml', from: 'example:../package.json' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().hint).toContain('mmc.yaml');
    expect(existsSync(join(dir, 'x.yaml'))).toBe(false);
  });

  it("starts from a BPMN file through the importer, with the importer's warnings", async () => {
    const bpmn = readFileSync(join(EXAMPLES, 'bpmn', 'order-to-cash.bpmn'), 'utf8');
    const r = await post('/api/models', { name: 'o2c.yaml', from: 'bpmn', bpmn });
    expect(r.statusCode).toBe(201);
    expect(Array.isArray(r.json().warnings)).toBe(true);
    expect(readFileSync(join(dir, 'o2c.yaml'), 'utf8')).toContain('steps:');
    const none = await post('/api/models', { name: 'none.yaml', from: 'bpmn' });
    expect(none.statusCode).toBe(400);
    const broken = await post('/api/models', { name: 'broken.yaml', from: 'bpmn', bpmn: '<not-bpmn' });
    expect(broken.statusCode).toBe(422);
    expect(existsSync(join(dir, 'broken.yaml'))).toBe(false);
  });

  it('refuses a name that is taken, leaves the workspace or is not .yaml, with a hint', async () => {
    const before = readFileSync(join(dir, 'mmc.yaml'), 'utf8');
    const taken = await post('/api/models', { name: 'mmc.yaml', from: 'starter' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ error: "'mmc.yaml' exists already", hint: expect.any(String) });
    expect(readFileSync(join(dir, 'mmc.yaml'), 'utf8')).toBe(before);
    for (const name of ['../outside.yaml', '/tmp/abs.yaml', 'sub/m.yaml', '.hidden.yaml', 'x'.repeat(200)]) {
      const r = await post('/api/models', { name, from: 'blank' });
      expect(r.statusCode, name).toBe(400);
      expect(r.json().hint, name).toContain('without folders');
    }
    const json = await post('/api/models', { name: 'model.json', from: 'blank' });
    expect(json.statusCode).toBe(400);
    expect(json.json()).toMatchObject({
      error: "'model.json' does not end in .yaml",
      hint: expect.stringContaining("'model.yaml'"),
    });
    expect((await post('/api/models', { from: 'blank' })).statusCode).toBe(400);
    expect((await post('/api/models', { name: 'a.yaml', from: 'nothing' })).json().hint).toContain('starter');
    expect((await post('/api/models', { name: 'a.yaml', extra: 1 })).statusCode).toBe(400);
    // Not over a symlink either.
    symlinkSync('/etc/hostname', join(dir, 'link.yaml'));
    expect((await post('/api/models', { name: 'link.yaml', from: 'blank' })).statusCode).toBe(409);
  });

  it('names the BPMN limit, not the model limit, when a BPMN file is too large', async () => {
    const tight = buildServer({ workspace: dir, workers: 1 });
    const r = await tight.inject({
      method: 'POST',
      url: '/api/models',
      payload: JSON.stringify({ name: 'big.yaml', from: 'bpmn', bpmn: 'x'.repeat(51 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(r.statusCode).toBe(413);
    expect(r.json().hint).toContain('BPMN files are at most 50 MiB');
    await tight.close();
  });

  it('takes only JSON', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/models',
      payload: 'name=a.yaml',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(r.statusCode).toBe(415);
  });
});

describe('renaming, duplicating and deleting', () => {
  it('duplicates a model under a new name, never over another', async () => {
    const r = await post('/api/models/mmc.yaml/duplicate', { to: 'mmc-copy.yaml' });
    expect(r.statusCode).toBe(201);
    expect(readFileSync(join(dir, 'mmc-copy.yaml'), 'utf8')).toBe(
      readFileSync(join(dir, 'mmc.yaml'), 'utf8'),
    );
    expect((await post('/api/models/mmc.yaml/duplicate', { to: 'mmc-copy.yaml' })).statusCode).toBe(409);
    expect((await post('/api/models/nope.yaml/duplicate', { to: 'nope2.yaml' })).statusCode).toBe(404);
    expect((await post('/api/models/mmc.yaml/duplicate', { to: '../x.yaml' })).statusCode).toBe(400);
  });

  it('renames a model, refusing a taken name, a stale ETag and a name outside', async () => {
    const { etag } = (await app.inject('/api/models/mmc-copy.yaml')).json();
    const stale = await post(
      '/api/models/mmc-copy.yaml/rename',
      { to: 'queue.yaml' },
      { 'if-match': '"old"' },
    );
    expect(stale.statusCode).toBe(409);
    expect((await post('/api/models/mmc-copy.yaml/rename', { to: 'mmc.yaml' })).statusCode).toBe(409);
    expect((await post('/api/models/mmc-copy.yaml/rename', { to: '../q.yaml' })).statusCode).toBe(400);
    expect((await post('/api/models/mmc-copy.yaml/rename', { to: 'q.yml' })).statusCode).toBe(400);
    const r = await post('/api/models/mmc-copy.yaml/rename', { to: 'queue.yaml' }, { 'if-match': etag });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ name: 'queue.yaml', etag });
    expect(existsSync(join(dir, 'mmc-copy.yaml'))).toBe(false);
    expect((await app.inject('/api/models/queue.yaml')).json().etag).toBe(etag);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('deletes a model with its ETag, and not with a stale one', async () => {
    const { etag } = (await app.inject('/api/models/queue.yaml')).json();
    const stale = await app.inject({
      method: 'DELETE',
      url: '/api/models/queue.yaml',
      headers: { 'if-match': '"x"' },
    });
    expect(stale.statusCode).toBe(409);
    const r = await app.inject({
      method: 'DELETE',
      url: '/api/models/queue.yaml',
      headers: { 'if-match': etag },
    });
    expect(r.statusCode).toBe(204);
    expect(existsSync(join(dir, 'queue.yaml'))).toBe(false);
  });

  it('describes the new routes in the OpenAPI document', async () => {
    const paths = (await app.inject('/api/openapi.json')).json().paths;
    expect(paths['/api/models']).toHaveProperty('post');
    expect(paths['/api/models/{name}/rename']).toHaveProperty('post');
    expect(paths['/api/models/{name}/duplicate']).toHaveProperty('post');
    expect(paths).toHaveProperty('/api/templates');
  });
});
