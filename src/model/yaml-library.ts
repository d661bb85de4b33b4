/**
 * `yaml`, loaded on first use: a valid model without aliases, and a command without `--set`,
 * never need it, and loading its ~70 modules took about a third of `linesight validate`'s whole
 * process. Required rather than imported so that the functions that use it stay synchronous
 * (Node's import of `yaml` loads this same CommonJS module).
 */
import { createRequire } from 'node:module';

let library: typeof import('yaml') | undefined;

export function yamlLibrary(): typeof import('yaml') {
  library ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return library;
}
