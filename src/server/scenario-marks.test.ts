/** A scenario against its base, as the API and the CLI give it: the same counts, the same drawing. */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linesight } from '../testing/cli.js';
import { buildServer } from './app.js';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;
let app: FastifyInstance;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'linesight-scenario-'));
  cpSync(EXAMPLES, dir, { recursive: true });
  app = buildServer({ workspace: dir, workers: 1 });
});
afterAll(() => app.close());

describe('a scenario against its base, from the API and the CLI', () => {
  it('gives the same counts and the same marked SVG', async () => {
    const url = '/api/models/order-departments.yaml/scenarios/ivr-reroute/diff';
    const diff = (await app.inject(url)).json();
    expect(diff.scenario).toEqual({ id: 'ivr-reroute', name: 'IVR with self-service order status' });
    expect(diff.counts).toEqual({ added: 5, changed: 1, removed: 1 });
    expect(diff.changed[0]).toMatchObject({
      key: 'step:ivr-menu',
      fields: [{ path: 'duration' }, { path: 'fail.p', before: 0.12, after: 0.08, text: 'fail.p 12% → 8%' }],
    });

    const out = join(dir, 'ivr.svg');
    const file = join(dir, 'order-departments.yaml');
    const cli = await linesight(
      'render',
      file,
      '-v',
      'blueprint',
      '--scenario',
      'ivr-reroute',
      '-o',
      out,
      '--json',
    );
    expect(cli.code).toBe(0);
    const summary = JSON.parse(cli.stdout);
    expect(summary.scenario).toMatchObject({ id: 'ivr-reroute', ...diff.counts });
    expect(summary.scenario.marked).toEqual({ scenario: 'ivr-reroute', added: 7, changed: 1, removed: 1 });

    const render = '/api/models/order-departments.yaml/render?view=blueprint&scenario=ivr-reroute';
    const api = await app.inject(render);
    expect(api.body).toBe(readFileSync(out, 'utf8'));
    expect(api.body).toContain('data-change="added"');
    const text = readFileSync(file, 'utf8');
    const posted = await app.inject({
      method: 'POST',
      url: '/api/render',
      payload: { text, name: 'order-departments.yaml', view: 'blueprint', scenario: 'ivr-reroute' },
    });
    expect(posted.body).toBe(api.body);
    const json = (await app.inject(`${render}&format=json`)).json();
    expect(json.changes).toEqual(summary.scenario.marked);
  });

  it('tells the counts on stderr, and says which scenario a model lacks', async () => {
    const file = join(dir, 'order-departments.yaml');
    const out = join(dir, 'bpp.svg');
    const cli = await linesight('render', file, '-v', 'e2e', '--scenario', 'better-product-pages', '-o', out);
    expect(cli.stderr).toContain(
      'scenario better-product-pages against its base: 0 elements added, 2 changed, 0 removed',
    );
    const missing = await app.inject('/api/models/order-departments.yaml/scenarios/nope/diff');
    expect(missing.statusCode).toBe(404);
  });
});
