/**
 * A CommonJS file loaded with V8's code cache: the bytecode V8 made for it the last time, written
 * beside it by the build (`<file>.v8-cache`, code-cache-writer.ts), so that a start does not parse
 * and compile it again. DuckDB's client, one file of 460 KB, took 58 ms to load and 40 ms with its
 * cache (this module's own loading included; medians of 15 on a two-core machine), at the start
 * of every command on a store.
 *
 * The cache is used only for the file as it was when the cache was made: its size and modification
 * time head the cache, as Python's compiled files do (V8 itself checks only the source's length, and
 * ran the old code for an edited text as long). And only by the V8 that made it, which refuses
 * another's. Otherwise the file is compiled as `require` would: a stale or foreign cache costs
 * nothing but the saving. This module loads nothing it does not need (node:crypto alone took 10 to
 * 20 ms to load): it is on the path of every such start. Node 22's module.enableCompileCache does
 * this for every module; Node 20 has no such thing.
 */
import { readFileSync, statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

export const cacheOf = (file: string) => `${file}.v8-cache`;

/** What the cache's head says of the file it was made from: its size and modification time. */
export const HEAD_BYTES = 16;

export function headOf(file: string): Buffer {
  const { size, mtimeMs } = statSync(file);
  const head = Buffer.alloc(HEAD_BYTES);
  head.writeDoubleLE(size, 0);
  head.writeDoubleLE(mtimeMs, 8);
  return head;
}

/** A CommonJS module's wrapper, its arguments those Node gives every module. */
const wrapped = (source: string) =>
  `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;

/** Runs `file` as a CommonJS module with the cache given, registered as `require` registers it. */
export function runCommonJs(file: string, cachedData?: Buffer): { exports: unknown; script: Script } {
  const source = readFileSync(file, 'utf8');
  const script = new Script(wrapped(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = new Module(file);
  module.filename = file;
  // Its own requires resolve from its folder, as a required file's do.
  module.paths = (Module as unknown as { _nodeModulePaths(from: string): string[] })._nodeModulePaths(
    dirname(file),
  );
  const require = createRequire(file);
  // Registered before it runs, as `require` does, so that a cycle or a later require finds it.
  require.cache[file] = module;
  try {
    script.runInThisContext()(module.exports, require, module, file, dirname(file));
  } catch (error) {
    delete require.cache[file];
    throw error;
  }
  module.loaded = true;
  return { exports: module.exports, script };
}

/** The files this process loaded with their code cache, V8 having taken it. */
const fromCache = new Set<string>();

/** Whether `file` was loaded with its code cache (for the tests). */
export const loadedFromCodeCache = (file: string) => fromCache.has(file);

/** The cache beside `file`, if there is one. */
function cacheBeside(file: string): Buffer | undefined {
  try {
    return readFileSync(cacheOf(file));
  } catch {
    return undefined;
  }
}

/** `require(file)`, with the code cache beside it when it was made from the file as it is. */
export function requireWithCodeCache(file: string): unknown {
  const require = createRequire(file);
  const registered = require.cache[file];
  if (registered) return registered.exports;
  const data = cacheBeside(file);
  if (!data) return require(file);
  const matches = data.length > HEAD_BYTES && headOf(file).equals(data.subarray(0, HEAD_BYTES));
  const loaded = runCommonJs(file, matches ? data.subarray(HEAD_BYTES) : undefined);
  if (matches && !loaded.script.cachedDataRejected) fromCache.add(file);
  return loaded.exports;
}
