/**
 * Every response tells the browser what it may do: pages run only linesight's own scripts and
 * cannot be framed; diagrams and data run nothing even when opened on their own; no address
 * leaves in a Referer. In Chromium, the web app works under its policy and another site cannot
 * frame it (web.test.ts).
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from './app.js';
import { DOCUMENT_POLICY, PAGE_POLICY } from './security-headers.js';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;
let app: FastifyInstance;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'linesight-headers-'));
  cpSync(EXAMPLES, dir, { recursive: true });
  app = buildServer({ workspace: dir, workers: 1, threads: 1 });
});
afterAll(() => app.close());

it('sends the page policy with pages and the inert one with everything else, errors included', async () => {
  const responses: [string, string, number, string][] = [
    ['/', PAGE_POLICY, 200, 'text/html'],
    ['/plain', PAGE_POLICY, 200, 'text/html'],
    ['/api/models/mmc.yaml/analysis?format=html', PAGE_POLICY, 200, 'text/html'],
    ['/api/models/mmc.yaml/render?view=blueprint', DOCUMENT_POLICY, 200, 'image/svg+xml'],
    ['/api/models', DOCUMENT_POLICY, 200, 'application/json'],
    ['/api/models/nothing.yaml', DOCUMENT_POLICY, 404, 'application/json'],
    ['/api/nothing', DOCUMENT_POLICY, 404, 'application/json'],
  ];
  for (const [url, policy, status, type] of responses) {
    const r = await app.inject({ url });
    expect([r.statusCode, String(r.headers['content-type']).split(';')[0]], url).toEqual([status, type]);
    expect(r.headers['content-security-policy'], url).toBe(policy);
    expect(r.headers['x-content-type-options'], url).toBe('nosniff');
    expect(r.headers['x-frame-options'], url).toBe('DENY');
    expect(r.headers['referrer-policy'], url).toBe('no-referrer');
  }
  // A refusal by the guard carries them too.
  const refused = await app.inject({ url: '/api/models', headers: { host: 'evil.example' } });
  expect(refused.statusCode).toBe(421);
  expect(refused.headers['x-frame-options']).toBe('DENY');
});
