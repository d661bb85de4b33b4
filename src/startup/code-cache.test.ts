/**
 * A CommonJS file loaded with its code cache gives what `require` gives, once; a cache made from
 * another text of the file, or broken, is not used; and the build leaves DuckDB's client a cache
 * that this Node takes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli } from '../testing/built-cli.js';
import { loadedFromCodeCache, requireWithCodeCache } from './code-cache.js';

const dir = mkdtempSync(join(tmpdir(), 'linesight-code-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A module whose answer is in its text, and which counts how often it ran. */
const moduleText = (answer: string) =>
  `globalThis.__codeCacheRuns = (globalThis.__codeCacheRuns ?? 0) + 1;
module.exports = { answer: ${JSON.stringify(answer)}, here: __dirname, path: require('node:path').sep };\n`;

/** Writes the module, makes its cache in a process of its own (as the build does), and edits it. */
function made(name: string, answer: string, after?: (file: string) => void): string {
  const file = join(dir, `${name}.cjs`);
  writeFileSync(file, moduleText(answer));
  const tool = new URL('./code-cache-writer.ts', import.meta.url).href;
  const tsx = createRequire(import.meta.url).resolve('tsx');
  const script = `import { writeCodeCache } from ${JSON.stringify(tool)}; writeCodeCache(${JSON.stringify(file)});`;
  const run = spawnSync(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  after?.(file);
  return file;
}

describe('a CommonJS file with its code cache', () => {
  it('gives what require gives, runs once, and is the module a later require finds', () => {
    const file = made('plain', 'forty-two');
    const loaded = requireWithCodeCache(file) as { answer: string; here: string; path: string };
    expect(loaded).toEqual({ answer: 'forty-two', here: dir, path: '/' });
    expect(loadedFromCodeCache(file)).toBe(true);
    expect(requireWithCodeCache(file)).toBe(loaded);
    expect(createRequire(file)(file)).toBe(loaded);
    expect((globalThis as { __codeCacheRuns?: number }).__codeCacheRuns).toBe(1);
  });

  it('is compiled anew when the file changed since its cache was made, even to a text as long', () => {
    // V8 checks only the source's length: the old code would run for the new text.
    const file = made('edited', 'before', (f) => {
      writeFileSync(f, moduleText('after!'));
      // Edited within the modification time's resolution, if there were one.
      const { mtime } = statSync(`${f}.v8-cache`);
      utimesSync(f, mtime, new Date(mtime.getTime() + 1000));
    });
    expect(requireWithCodeCache(file)).toMatchObject({ answer: 'after!' });
    expect(loadedFromCodeCache(file)).toBe(false);
  });

  it('is compiled anew when its cache is broken, and loads without one', () => {
    const broken = made('broken', 'still', (f) =>
      writeFileSync(`${f}.v8-cache`, readFileSync(`${f}.v8-cache`).subarray(0, 40)),
    );
    expect(requireWithCodeCache(broken)).toMatchObject({ answer: 'still' });
    expect(loadedFromCodeCache(broken)).toBe(false);
    const none = join(dir, 'none.cjs');
    writeFileSync(none, moduleText('plain require'));
    expect(requireWithCodeCache(none)).toMatchObject({ answer: 'plain require' });
  });

  it('that throws is not registered: the next load runs it again', () => {
    // Loaded by this module, not by require: the cache beside it is of another text.
    const file = made('throws', 'fine', (f) => writeFileSync(f, 'throw new Error("no")\n'));
    expect(() => requireWithCodeCache(file)).toThrow('no');
    expect(createRequire(file).cache[file]).toBeUndefined();
  });

  it("is left by the build beside DuckDB's client, commander and zod, and this Node takes it", () => {
    ensureBuiltCli();
    const dist = (path: string) => new URL(`../../dist/${path}`, import.meta.url).pathname;
    const tool = new URL('../../dist/startup/code-cache.js', import.meta.url).href;
    const files = [dist('mining/duckdb-node-api.cjs'), dist('cli/commander.cjs'), dist('model/zod.cjs')];
    // zod's file holds only the names src/model/zod.ts takes from it: each must be there.
    const script = `import { loadedFromCodeCache, requireWithCodeCache } from ${JSON.stringify(tool)};
      const files = ${JSON.stringify(files)};
      const { DuckDBInstance } = requireWithCodeCache(files[0]);
      const { Command } = await import(${JSON.stringify(dist('cli/commander.js'))});
      const zod = await import(${JSON.stringify(dist('model/zod.js'))});
      const missing = Object.entries(zod).filter(([, value]) => value === undefined).map(([name]) => name);
      process.stdout.write(JSON.stringify({
        cached: files.map(loadedFromCodeCache),
        loaded: [typeof DuckDBInstance?.create, typeof Command, typeof zod.strictObject, Object.keys(zod).length > 10],
        missing,
      }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      cached: [true, true, true],
      loaded: ['function', 'function', 'function', true],
      missing: [],
    });
  });
});
