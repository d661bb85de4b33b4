/**
 * The build's side of the code cache (code-cache.ts): a CommonJS file is run, and V8's cache of it
 * written beside it, headed by the file's size and modification time. Made after the file has
 * run, the cache holds the functions its loading compiled too. For a process of its own with no
 * flags, as the commands run (V8 refuses a cache made under other flags).
 */
import { writeAtomic } from '../fs/write-atomic.js';
import { cacheOf, headOf, runCommonJs } from './code-cache.js';

export function writeCodeCache(file: string): void {
  const { script } = runCommonJs(file);
  writeAtomic(cacheOf(file), Buffer.concat([headOf(file), script.createCachedData()]));
}
