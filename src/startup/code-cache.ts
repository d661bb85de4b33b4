/**
 * A CommonJS file loaded with V8's code cache: the machine code and bytecode V8 made for it the
 * last time, written beside it by the build (`<file>.v8-cache`), so that a start does not parse and
 * compile it again. DuckDB's client, one file of 460 KB, took 71 ms to load and 45 ms with its
 * cache (medians of 15 on a slow two-core machine), at the start of every command on a store.
 *
 * The cache is used only for the very file it was made from (its SHA-256 heads the cache: V8
 * itself checks only the source's length) and by the V8 that made it (V8 refuses another's).
 * Otherwise the file is compiled as `require` would: a stale or foreign cache costs nothing but the
 * saving. Node 22's module.enableCompileCache does this for every module; Node 20 has no such thing.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import { writeAtomic } from '../fs/write-atomic.js';

const HASH_BYTES = 32;

const cacheOf = (file: string) => `${file}.v8-cache`;
const hashOf = (source: string) => createHash('sha256').update(source).digest();

/** A CommonJS module's wrapper, its arguments those Node gives every module. */
const wrapped = (source: string) =>
  `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;

interface Loaded {
  exports: unknown;
  script: Script;
  source: string;
}

/** Runs `file` as a CommonJS module with the cache given, and registers it as `require` would. */
function load(file: string, source: string, cachedData: Buffer | undefined): Loaded {
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
  return { exports: module.exports, script, source };
}

/** The files this process loaded with their code cache, V8 having taken it. */
const fromCache = new Set<string>();

/** Whether `file` was loaded with its code cache (for the tests and the build's check). */
export const loadedFromCodeCache = (file: string) => fromCache.has(file);

/** `require(file)`, with the code cache beside it when it was made from this very file. */
export function requireWithCodeCache(file: string): unknown {
  const cached = createRequire(file).cache[file];
  if (cached) return cached.exports;
  const cache = cacheOf(file);
  if (!existsSync(cache)) return createRequire(file)(file);
  const source = readFileSync(file, 'utf8');
  const data = readFileSync(cache);
  const matches = data.length > HASH_BYTES && hashOf(source).equals(data.subarray(0, HASH_BYTES));
  const loaded = load(file, source, matches ? data.subarray(HASH_BYTES) : undefined);
  if (matches && !loaded.script.cachedDataRejected) fromCache.add(file);
  return loaded.exports;
}

/**
 * Loads `file` and writes its cache beside it (for the build, in a process of its own): made after
 * the file has run, the cache holds the functions its loading compiled too.
 */
export function writeCodeCache(file: string): void {
  const { script, source } = load(file, readFileSync(file, 'utf8'), undefined);
  writeAtomic(cacheOf(file), Buffer.concat([hashOf(source), script.createCachedData()]));
}
