/**
 * The files a model imports are read only from its root folder (its own folder unless the caller
 * names another, as the server does with its workspace), only as regular files of bounded size,
 * and only so many, so deep; whatever else is named gets a diagnostic at the import.
 */
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from './diagnostic.js';
import { MAX_IMPORT_DEPTH, MAX_IMPORTS } from './imports.js';
import { load } from './load.js';

const MODEL = `name: Small
stages: [{ id: ask, name: Ask }]
steps:
  - { id: call, name: Calls, stage: ask, next: done }
ends: [{ id: done, name: Done, outcome: success }]
start: call
`;

const top = mkdtempSync(join(tmpdir(), 'linesight-imports-'));
const dir = join(top, 'models');
mkdirSync(join(dir, 'sub'), { recursive: true });
mkdirSync(join(top, 'outside'));
writeFileSync(join(top, 'outside', 'part.yaml'), 'kind: part\nchannels: [{ id: pigeon }]\n');
writeFileSync(join(dir, 'part.yaml'), 'kind: part\nchannels: [{ id: pigeon }]\n');
symlinkSync(join(top, 'outside', 'part.yaml'), join(dir, 'link-out.yaml'));
symlinkSync(join(dir, 'part.yaml'), join(dir, 'link-in.yaml'));
writeFileSync(join(dir, 'huge.yaml'), '');
truncateSync(join(dir, 'huge.yaml'), 65 * 2 ** 20);

function importing(entry: string, options: { file?: string; root?: string } = {}) {
  const file = options.file ?? join(dir, 'model.yaml');
  writeFileSync(file, `imports: [${JSON.stringify(entry)}]\n${MODEL}`);
  return load(file, options.root === undefined ? {} : { root: options.root });
}

const importError = (result: ReturnType<typeof load>): Diagnostic | undefined =>
  result.diagnostics.find((d) => d.path === 'imports[0]');

describe('imports written in another shape', () => {
  it('says with an example that imports is a list of paths', () => {
    const file = join(dir, 'shaped.yaml');
    for (const [written, path] of [
      ['imports:\n  parts: part.yaml\n', 'imports'],
      ['imports:\n  - { file: part.yaml }\n', 'imports[0]'],
    ] as const) {
      writeFileSync(file, `${written}${MODEL}`);
      const problem = load(file).diagnostics.find((d) => d.path === path);
      expect(problem?.code).toBe('invalid-type');
      expect(problem?.hint).toContain('imports is a list of file paths, relative to this file: imports: [');
    }
  });
});

describe('imports read from the root folder only', () => {
  it('merges a part inside the folder, also through a symlink that stays inside', () => {
    expect(importing('part.yaml').ok).toBe(true);
    expect(importing('link-in.yaml').ok).toBe(true);
  });

  it('refuses ../ paths, absolute paths and symlinks that lead out, at the import, saying how to fix it', () => {
    for (const entry of [
      '../outside/part.yaml',
      join(top, 'outside', 'part.yaml'),
      'link-out.yaml',
      '/etc/passwd',
      // One that does not exist is refused alike: "does not exist" told what the machine holds.
      '/etc/no-such-file-at-all',
      '../outside/no-such-part.yaml',
    ]) {
      const error = importError(importing(entry));
      expect(error, entry).toMatchObject({ code: 'file-refused', line: 1, column: 11 });
      expect(error?.message).toContain('lies outside');
      expect(error?.hint).toContain('keep the files a model names in its folder or below');
    }
  });

  it('reads from a wider root when the caller names one (the server: its workspace)', () => {
    const file = join(dir, 'sub', 'model.yaml');
    expect(importError(importing('../part.yaml', { file }))?.code).toBe('file-refused');
    expect(importing('../part.yaml', { file, root: dir }).ok).toBe(true);
    expect(importError(importing('../../outside/part.yaml', { file, root: dir }))?.code).toBe('file-refused');
  });

  it('refuses a folder, a file over the size limit and a name that is no file name', () => {
    expect(importError(importing('sub'))?.message).toBe('cannot import sub: it is a folder, not a file');
    expect(importError(importing('huge.yaml'))?.message).toBe(
      'cannot import huge.yaml: it is 65 MiB, more than the 64 MiB linesight reads',
    );
    expect(importError(importing(''))?.code).toBe('file-refused');
    expect(importError(importing('a\u0000b.yaml'))?.code).toBe('file-refused');
    writeFileSync(
      join(dir, 'latin1.yaml'),
      Buffer.from('kind: part\nstages: [{ id: cafe, name: Caf\xe9 }]\n', 'latin1'),
    );
    const latin1 = importing('latin1.yaml');
    expect(importError(latin1)?.message).toContain('cannot import latin1.yaml: ');
    expect(latin1.diagnostics.find((d) => d.file.endsWith('latin1.yaml'))).toMatchObject({
      code: 'not-utf8',
      line: 2,
      column: 31,
    });
    expect(importError(importing('missing.yaml'))).toMatchObject({
      code: 'import-not-found',
      message: 'cannot import missing.yaml: it does not exist',
    });
  });
});

describe('imports bounded in depth and number', () => {
  it(`stops a chain of parts past ${MAX_IMPORT_DEPTH} files deep`, () => {
    for (let i = 0; i < 20; i++)
      writeFileSync(join(dir, `chain-${i}.yaml`), `kind: part\nimports: [chain-${i + 1}.yaml]\n`);
    writeFileSync(join(dir, 'chain-20.yaml'), 'kind: part\n');
    const result = importing('chain-0.yaml');
    const error = result.diagnostics.find((d) => d.code === 'file-refused');
    expect(error?.message).toBe(
      `cannot import chain-${MAX_IMPORT_DEPTH}.yaml: imports nest more than ${MAX_IMPORT_DEPTH} files deep`,
    );
    expect(error?.file).toBe(join(dir, `chain-${MAX_IMPORT_DEPTH - 1}.yaml`));
  });

  it(`reads at most ${MAX_IMPORTS} files for a model: parts that import a part twice, 30 deep, would be a billion`, () => {
    for (let i = 0; i < 30; i++)
      writeFileSync(
        join(dir, `twice-${i}.yaml`),
        `kind: part\nimports: [twice-${i + 1}.yaml, twice-${i + 1}.yaml]\n`,
      );
    writeFileSync(join(dir, 'twice-30.yaml'), 'kind: part\n');
    const result = importing('twice-0.yaml');
    const refused = result.diagnostics.filter((d) => d.code === 'file-refused');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.some((d) => d.message.endsWith(`the model already imports ${MAX_IMPORTS} files`))).toBe(
      true,
    );
  });
});

describe('bases and baselines', () => {
  it('names a scenario whose base leads back to it, instead of loading forever', () => {
    writeFileSync(
      join(dir, 'a.scenario.yaml'),
      'kind: scenario\nbase: b.scenario.yaml\nid: a\nname: A\nchanges: [{ set: name, value: x }]\n',
    );
    writeFileSync(
      join(dir, 'b.scenario.yaml'),
      'kind: scenario\nbase: a.scenario.yaml\nid: b\nname: B\nchanges: [{ set: name, value: y }]\n',
    );
    const result = load(join(dir, 'a.scenario.yaml'));
    expect(result.ok).toBe(false);
    expect(result.diagnostics.some((d) => d.message.includes('leads back to this file'))).toBe(true);
  });

  it('names a competitor that is its own baseline', () => {
    writeFileSync(join(dir, 'rival.yaml'), `kind: competitor\nbaseline: rival.yaml\n${MODEL}`);
    const [error] = load(join(dir, 'rival.yaml')).diagnostics;
    expect(error).toMatchObject({ code: 'baseline-invalid', path: 'baseline', line: 2 });
    expect(error?.message).toBe('the baseline rival.yaml leads back to this file');
  });

  it('keeps a base outside the folder readable from the command line, and refuses it under a root', () => {
    writeFileSync(join(top, 'outside', 'base.yaml'), MODEL);
    const overlay = join(dir, 'overlay.yaml');
    writeFileSync(
      overlay,
      'kind: scenario\nbase: ../outside/base.yaml\nid: o\nname: O\nchanges: [{ set: name, value: x }]\n',
    );
    expect(load(overlay).ok).toBe(true);
    const refused = load(overlay, { root: dir });
    expect(refused.diagnostics.map((d) => d.code)).toEqual(['file-refused']);
  });
});
