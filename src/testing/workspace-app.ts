/** A server on a fresh temporary workspace holding copies of some examples, for route tests. */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../server/app.js';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;

export function workspaceApp(examples: readonly string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'linesight-ws-'));
  for (const file of examples) cpSync(join(EXAMPLES, file), join(dir, file));
  return { dir, app: buildServer({ workspace: dir, workers: 1 }) };
}
