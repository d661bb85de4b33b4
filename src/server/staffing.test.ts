/** The staffing route: a job whose result the web app saves as a scenario with the edits route; bad requests refused up front. */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from '../model/load.js';
import { scenarioEdit } from '../simulation/staffing/scenario-edit.js';
import { unprovenText } from '../simulation/staffing/unproven-text.js';
import { buildServer } from './app.js';

const FIXTURE = new URL('../simulation/staffing/fixtures/hotline.yaml', import.meta.url).pathname;
let app: FastifyInstance;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'linesight-staff-'));
  copyFileSync(FIXTURE, join(dir, 'hotline.yaml'));
  app = buildServer({ workspace: dir, workers: 1 });
});
afterAll(() => app.close());

describe('POST /api/models/{name}/staff', () => {
  it('staffs the pools as a job, and its scenario saves through the edits route', async () => {
    const start = await app.inject({
      method: 'POST',
      url: '/api/models/hotline.yaml/staff',
      payload: { replications: 2, days: 7, seed: 2, scenarioId: 'cheapest' },
    });
    expect(start.statusCode, start.body).toBe(202);
    await app.inject(`/api/jobs/${start.json().id}/events`);
    const done = (await app.inject(`/api/jobs/${start.json().id}`)).json();
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    const pool = done.result.pools[0];
    expect(pool.staff).toHaveLength(168);
    expect(pool.targetText).toBe('80% in 20 s');
    // The savings left untaken, in the library's own words (as the CLI prints them).
    expect(pool.unprovenText).toBe(unprovenText(pool, 2) ?? null);
    expect(done.result.scenario.id).toBe('cheapest');

    const read = await app.inject('/api/models/hotline.yaml');
    const edit = scenarioEdit(read.json().text, done.result.scenario);
    const saved = await app.inject({
      method: 'POST',
      url: '/api/models/hotline.yaml/edits',
      payload: { edits: [edit] },
      headers: { 'if-match': read.headers.etag as string },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const model = load(join(dir, 'hotline.yaml'), { scenario: 'cheapest' }).model;
    expect(model?.resources[0]?.capacity).toBe(Math.max(...pool.staff));
  }, 60_000);

  it('refuses an unknown pool, a field it does not read, and too few days', async () => {
    const post = (payload: object) =>
      app.inject({ method: 'POST', url: '/api/models/hotline.yaml/staff', payload });
    const pool = await post({ pools: ['agnets'] });
    expect(pool.statusCode).toBe(400);
    expect(pool.json().error).toContain("'agnets'");
    expect(pool.json().hint).toContain('agents');
    expect((await post({ horizon: '3d' })).json().error).toContain("'horizon' is not a field");
    expect((await post({ days: 2 })).statusCode).toBe(400);
    const rounds = await post({ rounds: 1 });
    expect(rounds.statusCode).toBe(400);
    expect(rounds.json().error).toBe("'rounds' is a whole number from 2 to 50");
  });

  it('runs at most the rounds asked for, and bounds its work by them', async () => {
    const start = await app.inject({
      method: 'POST',
      url: '/api/models/hotline.yaml/staff',
      payload: { replications: 2, days: 7, seed: 2, rounds: 2 },
    });
    expect(start.statusCode, start.body).toBe(202);
    await app.inject(`/api/jobs/${start.json().id}/events`);
    const done = (await app.inject(`/api/jobs/${start.json().id}`)).json();
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    expect(done.result.rounds).toBeLessThanOrEqual(2);
    // 20 replications of 30 days, 50 times: past the default limit of customers, named in rounds.
    const tight = buildServer({ workspace: dir, workers: 1, limits: { maxCustomers: 2_000_000 } });
    try {
      const many = await tight.inject({
        method: 'POST',
        url: '/api/models/hotline.yaml/staff',
        payload: { replications: 20, days: 30, rounds: 50 },
      });
      expect(many.statusCode).toBe(422);
      expect(many.json().error).toContain('staffing checks by up to 50 simulations');
      expect(many.json().hint).toContain('rounds');
    } finally {
      await tight.close();
    }
  }, 60_000);
});
