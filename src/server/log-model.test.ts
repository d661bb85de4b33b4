/**
 * POST /api/logs/:log/model: the web page's way to `linesight log model`. A log uploaded to the
 * workspace gives a model file in it that loads, with the groups the body names; bad groups and
 * logs that are not there are refused with what to send instead.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../model/load.js';
import type { Model } from '../model/model.js';
import { EVENT_LOGS } from '../testing/data.js';
import { buildServer } from './app.js';

describe('POST /api/logs/:log/model', () => {
  it('writes the discovered model into the workspace, with the stages and ends the body gives', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-log-model-route-'));
    const app = buildServer({ workspace: dir });
    try {
      expect(
        (await app.inject({ method: 'POST', url: '/api/logs/claims/model', payload: {} })).statusCode,
      ).toBe(404);
      const up = await app.inject({
        method: 'POST',
        url: '/api/logs?name=claims&format=csv',
        payload: readFileSync(join(EVENT_LOGS, 'running-example.csv'), 'utf8'),
        headers: { 'content-type': 'text/csv' },
      });
      expect(up.statusCode).toBe(200);
      const r = await app.inject({
        method: 'POST',
        url: '/api/logs/claims/model',
        payload: { stages: { 'register request': 'Intake' }, ends: { 'reject request': 'exit' } },
      });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({ file: 'discovered-claims.yaml', steps: 8 });
      // In the request's terms as much as the command line's: "--stages" alone named a flag.
      expect(r.json().warnings.join('\n')).toContain(
        'the stages given (stages in a request, --stages on the command line) leave out',
      );
      const loaded = load(join(dir, 'discovered-claims.yaml'));
      expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const model = loaded.model as Model;
      expect(model.stages.map((s) => s.name)).toEqual(['Intake', 'Other']);
      const reject = model.steps.find((s) => s.name === 'reject request');
      expect(JSON.stringify(reject?.next)).toContain('"left"');
      const bad = await app.inject({
        method: 'POST',
        url: '/api/logs/claims/model',
        payload: { ends: { 'reject request': 'maybe' } },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error).toBe('ends: "maybe" for reject request is neither success nor exit');
    } finally {
      await app.close();
    }
  });
});
