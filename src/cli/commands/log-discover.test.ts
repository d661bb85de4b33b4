/**
 * `log discover` on a log of one long case (a case column that is constant, say): the terminal names
 * the variant's first steps and how many more there are, where it once printed one line of every
 * event; --json keeps every step.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { SHOWN_STEPS } from '../../mining/variant-path.js';
import { linesight } from '../../testing/cli.js';

it('shows a long variant by its first steps and counts the rest; --json lists them all', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'linesight-one-case-'));
  const file = join(dir, 'one.csv');
  const steps = 1234;
  // A second apart, so time order is step order.
  const rows = Array.from(
    { length: steps },
    (_, i) => `C1,Step ${i},${new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString()}`,
  );
  writeFileSync(file, `case_id,activity,timestamp\n${rows.join('\n')}\n`);
  const db = join(dir, 'events.duckdb');
  expect((await linesight('log', 'import', file, '--db', db)).code).toBe(0);
  const text = await linesight('log', 'discover', '--db', db);
  expect(text.code).toBe(0);
  const line = text.stdout.split('\n').find((l) => l.includes('Step 0 > '));
  expect(line).toMatch(/Step 29 > \.\.\. 1,204 more steps \(1,234 in all\)$/);
  expect(line).not.toContain('Step 30 ');
  expect(SHOWN_STEPS).toBe(30);
  const json = JSON.parse((await linesight('log', 'discover', '--db', db, '--json')).stdout);
  expect(json.variants[0].activities).toHaveLength(steps);
  expect(json.variants[0].activities.at(-1)).toBe(`Step ${steps - 1}`);
});
