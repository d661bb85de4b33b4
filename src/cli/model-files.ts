/**
 * The model files a folder stands for on the command line: its .yaml, .yml and .json files at any
 * depth, in byte order, without JSON Schemas. Folders below it that are hidden (.git, .linesight)
 * or node_modules are skipped, as editors and git skip them; the folder given is never judged
 * by its own name, so `.`, `..` and a path through a hidden folder are searched. Symbolic links
 * are not followed (one may lead out of the folder) but returned apart, for the caller to say so.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const MODEL_FILE = /\.(ya?ml|json)$/i;

const skippedFolder = (segment: string) => segment.startsWith('.') || segment === 'node_modules';

export function modelFilesIn(folder: string): { files: string[]; links: string[] } {
  const files: string[] = [];
  const links: string[] = [];
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!MODEL_FILE.test(entry.name) || entry.name.endsWith('.schema.json')) continue;
    const below = relative(folder, entry.parentPath);
    if (below !== '' && below.split(sep).some(skippedFolder)) continue;
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile()) files.push(path);
    else if (entry.isSymbolicLink()) links.push(path);
  }
  const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return { files: files.sort(byteOrder), links: links.sort(byteOrder) };
}
