/**
 * A process's peak memory is its own: a child forked from a large process does not start at its
 * parent's size, and what the child itself allocates is counted.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { peakResidentBytes } from './peak-memory.js';

const TSX = createRequire(import.meta.url).resolve('tsx');
const MODULE = new URL('./peak-memory.ts', import.meta.url).href;
const MB = 2 ** 20;

/** The peak a fresh Node process reports after holding `mb` MiB of its own. */
function childPeak(mb: number): number {
  const script = `import { peakResidentBytes } from ${JSON.stringify(MODULE)};
    const held = Buffer.alloc(${mb} * 2 ** 20, 1);
    process.stdout.write(String(peakResidentBytes() + 0 * held.length));`;
  const run = spawnSync(process.execPath, ['--import', TSX, '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return Number(run.stdout);
}

it("is a child's own, not its parent's, and counts what the child holds", () => {
  // The parent holds 500 MiB while the children start: getrusage's maxRSS would give them that.
  const ballast = Buffer.alloc(500 * MB, 1);
  expect(peakResidentBytes()).toBeGreaterThan(500 * MB);
  const small = childPeak(0);
  const large = childPeak(300);
  expect(ballast[0]).toBe(1);
  expect(small).toBeLessThan(250 * MB);
  expect(large).toBeGreaterThan(small + 290 * MB);
  expect(large).toBeLessThan(small + 400 * MB);
});
