/**
 * The examples as the tests that export them need them: every example, and every example with
 * each of its scenarios applied (as the CLI's `-s` loads it), named as a user would ask for it.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from '../model/load.js';
import type { Model } from '../model/model.js';

export const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

export function examplesAndScenarios(): (readonly [string, Model])[] {
  return readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => {
      const base = load(join(EXAMPLES, f)).model as Model;
      return [
        [f, base] as const,
        ...base.scenarios.map(
          (s) => [`${f} -s ${s.id}`, load(join(EXAMPLES, f), { scenario: s.id }).model as Model] as const,
        ),
      ];
    });
}
