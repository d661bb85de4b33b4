/** Edits to a saved model over HTTP: the library's edits, written with the file's comments kept, undoable, refused clearly. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../model/edits/apply.js';
import type { Edit } from '../model/edits/edit.js';
import { workspaceApp } from '../testing/workspace-app.js';

let app: FastifyInstance;
let dir: string;

beforeAll(() => {
  ({ app, dir } = workspaceApp(['order-departments.yaml']));
});
afterAll(() => app.close());

const edit = (edits: unknown, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/models/order-departments.yaml/edits',
    payload: { edits },
    headers,
  });

describe('POST /api/models/:name/edits', () => {
  it('writes the edit as the library makes it, one line changed, and its inverse puts the file back', async () => {
    const file = join(dir, 'order-departments.yaml');
    const before = readFileSync(file, 'utf8');
    const { etag } = (await app.inject('/api/models/order-departments.yaml')).json() as { etag: string };
    const change: Edit[] = [
      { kind: 'set', path: ['steps', { id: 'browse-catalogue' }, 'name'], value: 'Browses the catalogue' },
    ];
    const r = await edit(change, { 'if-match': etag });
    expect(r.statusCode).toBe(200);
    const body = r.json() as { text: string; etag: string; ok: boolean; inverse: Edit };
    expect(body.ok).toBe(true);
    expect(body.text).toBe(applyEdits(before, change).text);
    expect(readFileSync(file, 'utf8')).toBe(body.text);
    const changed = body.text.split('\n').filter((line, i) => line !== before.split('\n')[i]);
    expect(changed).toEqual([expect.stringContaining('Browses the catalogue')]);
    // A stale ETag is refused and writes nothing.
    const stale = await edit(change, { 'if-match': etag });
    expect(stale.statusCode).toBe(409);
    const undone = await edit([body.inverse], { 'if-match': body.etag });
    expect(undone.statusCode).toBe(200);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('says what is wrong with an edit, and writes nothing', async () => {
    const file = join(dir, 'order-departments.yaml');
    const before = readFileSync(file, 'utf8');
    const unknown = await edit([
      { kind: 'set', path: ['steps', { id: 'browse-catalog' }, 'name'], value: 'x' },
    ]);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toContain('browse-catalog');
    const branches = await edit([
      {
        kind: 'set-branches',
        step: 'browse-catalogue',
        branches: [
          { to: 'product-page', p: 0.5 },
          { to: 'ivr-presales', p: 0.3 },
        ],
      },
    ]);
    expect(branches.statusCode).toBe(422);
    expect(branches.json()).toMatchObject({
      error: expect.stringContaining('do not sum to 1'),
      hint: expect.stringContaining('now 0.8'),
    });
    expect((await edit([{ nokind: true }])).statusCode).toBe(400);
    expect((await edit('set')).statusCode).toBe(400);
    // The CLI's check and words: a misspelt field named, not read as no value (which removes the key).
    const misspelt = await edit([
      { kind: 'set', path: ['steps', { id: 'browse-catalogue' }, 'fail'], valeu: { p: 0.2 } },
    ]);
    expect([misspelt.statusCode, misspelt.json()]).toEqual([
      400,
      {
        error: "edit 1 (set): unknown field 'valeu' (did you mean 'value'?)",
        hint: 'a set edit has path, value, before, source (a set without a value removes the key)',
      },
    ]);
    expect((await edit([{ kind: 'delete-step' }])).json().error).toBe(
      "edit 1 (delete-step): 'id' is missing",
    );
    const notList = await edit({ kind: 'set', path: ['name'], value: 'x' });
    expect([notList.statusCode, notList.json().error]).toEqual([
      400,
      "'edits' must be a list of edits, not a mapping",
    ]);
    expect((await edit(Array.from({ length: 201 }, () => ({ kind: 'batch', edits: [] })))).statusCode).toBe(
      413,
    );
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
