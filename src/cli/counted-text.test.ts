/**
 * Counts as a reader takes them: one replication is singular, and `--top 0` says how many
 * findings it left out instead of "No findings".
 */
import { expect, it } from 'vitest';
import { linesight } from '../testing/cli.js';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;

it('says "1 replication", and how many findings --top 0 leaves unlisted', async () => {
  const one = await linesight(
    'simulate',
    `${EXAMPLES}mmc.yaml`,
    '-n',
    '1',
    '--horizon',
    '1d',
    '--warmup',
    '0',
  );
  expect(one.stdout.split('\n')[0]).toContain(': 1 replication of 24 h with no warm-up');
  const all = JSON.parse(
    (await linesight('analyze', `${EXAMPLES}order-departments.yaml`, '--format', 'json')).stdout,
  );
  const n = all.findings.length;
  expect(n).toBeGreaterThan(0);
  const none = await linesight('analyze', `${EXAMPLES}order-departments.yaml`, '--top', '0');
  expect(none.stdout).toContain(
    `${n} findings, none listed (--top 0); --top ${n} or --format json lists them.`,
  );
  expect(none.stdout).not.toContain('No findings');
});
