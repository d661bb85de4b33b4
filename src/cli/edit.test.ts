/** `linesight edit`: the library's model edits from the command line, comments kept, nothing written that does not load. */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../model/edits/apply.js';
import { linesight } from '../testing/cli.js';

const example = new URL('../../examples/order-departments.yaml', import.meta.url).pathname;
const copy = () => {
  const file = join(mkdtempSync(join(tmpdir(), 'linesight-edit-')), 'm.yaml');
  copyFileSync(example, file);
  return file;
};
const rename = [
  { kind: 'set', path: ['steps', { id: 'browse-catalogue' }, 'name'], value: 'Browses the catalogue' },
];

describe('linesight edit', () => {
  it('writes what the library writes, one line changed, and its inverse in --json puts the file back', async () => {
    const file = copy();
    const before = readFileSync(file, 'utf8');
    const r = await linesight('edit', file, JSON.stringify(rename), '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ written: true, edits: 1, changedLines: 1 });
    expect(readFileSync(file, 'utf8')).toBe(applyEdits(before, rename as never).text);
    const undo = await linesight('edit', file, JSON.stringify(out.inverse));
    expect(undo.code).toBe(0);
    expect(undo.stderr).toContain(`edited ${file}: 1 edit, 1 line changed`);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('counts the lines a deleted step took, not every line after it', async () => {
    const file = copy();
    const before = readFileSync(file, 'utf8');
    const remove = [{ kind: 'delete-step', id: 'browse-catalogue', repoint: 'product-page' }];
    const r = await linesight('edit', file, JSON.stringify(remove), '--json');
    expect(r.code, r.stdout).toBe(0);
    const out = JSON.parse(r.stdout);
    const after = readFileSync(file, 'utf8');
    // The diff's own count: lines gone from the file, and the few that point elsewhere now.
    const gone = before.split('\n').length - after.split('\n').length;
    expect(out.linesRemoved - out.linesAdded).toBe(gone);
    expect(out.linesRemoved).toBeLessThan(gone + 10);
    expect(out.changedLines).toBe(out.linesRemoved);
  });

  it('says what is wrong, exits non-zero and writes nothing', async () => {
    const file = copy();
    const before = readFileSync(file, 'utf8');
    const unknown = await linesight(
      'edit',
      file,
      '[{"kind": "set", "path": ["steps", {"id": "browse-catalog"}, "name"], "value": "x"}]',
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('browse-catalog');
    expect(unknown.stderr).toContain('hint:');
    expect((await linesight('edit', file, 'not json')).code).toBe(2);
    const missing = await linesight('edit', file, 'missing.json');
    expect([missing.code, missing.stderr.split('\n')[0]]).toEqual([
      1,
      'linesight: error: missing.json does not exist',
    ]);
    expect((await linesight('edit', file, '[{"nokind": 1}]')).code).toBe(2);
    // A misspelt value removed the key (a set without one removes it); an edit without its
    // fields failed inside with a JavaScript error (exit 70).
    const misspelt = await linesight(
      'edit',
      file,
      '{"kind": "set", "path": ["steps", {"id": "browse-catalogue"}, "name"], "valeu": "x"}',
    );
    expect([misspelt.code, misspelt.stderr]).toEqual([
      2,
      "linesight: error: edit 1 (set): unknown field 'valeu' (did you mean 'value'?): a set edit has path, value, before, source (a set without a value removes the key)\n",
    ]);
    const bare = await linesight('edit', file, '[{"kind": "set"}]', '--dry-run');
    expect([bare.code, bare.stderr]).toEqual([2, expect.stringContaining("edit 1 (set): 'path' is missing")]);
    // An edit whose result does not load is reported and not written, unless --force.
    const broken =
      '[{"kind": "set", "path": ["steps", {"id": "browse-catalogue"}, "stage"], "value": "nowhere"}]';
    const refused = await linesight('edit', file, broken);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('did not write');
    expect(readFileSync(file, 'utf8')).toBe(before);
    // The line shown under the error is the edited one, not the file's line of that number.
    const at = refused.stderr.split('\n').findIndex((l) => l.includes('error:'));
    expect(refused.stderr.split('\n')[at + 1]).toMatch(/^\s+\d+ \|\s+stage: nowhere$/);
    expect((await linesight('edit', file, broken, '--dry-run')).code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
