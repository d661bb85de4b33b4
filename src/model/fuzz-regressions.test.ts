/**
 * Cases the fuzzers found, kept: each once crashed, hung or blew up. They run as the fuzz cases
 * do, in a child process bounded in time and memory (tighter here, since each is known), and
 * must now come back as diagnostics that say what is wrong and where.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BoundedRunner } from '../testing/bounded-run.js';
import type { Diagnostic } from './diagnostic.js';
import { PLACED_UP_TO } from './source-limits.js';

const dir = mkdtempSync(join(tmpdir(), 'linesight-fuzz-regressions-'));
const runner = new BoundedRunner({ workers: 2, timeoutMs: 30_000, memoryMb: 400 });
afterAll(() => runner.close());

const MODEL = `name: Small
stages: [{ id: ask, name: Ask }]
steps:
  - { id: call, name: Calls, stage: ask, duration: 5 min, next: done }
ends: [{ id: done, name: Done, outcome: success }]
start: call
`;

/** Loads `text` (written as `name`) in a bounded child; its diagnostics, or the outcome that is not one. */
async function loadBounded(name: string, text: string | Buffer): Promise<Diagnostic[]> {
  const file = join(dir, name);
  writeFileSync(file, text);
  const outcome = await runner.run('load', { file });
  expect(outcome.detail ?? '').toBe('');
  expect(outcome.status).toBe('ok');
  return (outcome.summary as { diagnostics: Diagnostic[] }).diagnostics;
}

describe('found by fuzzing', () => {
  it('a 10 MB field name gets no did-you-mean, and its message quotes 80 characters of it', async () => {
    const key = 'q'.repeat(10 * 2 ** 20);
    const [unknown] = await loadBounded('huge-key.yaml', `${MODEL}${key}: 1\n`);
    expect(unknown?.code).toBe('unknown-field');
    expect(unknown?.message).toBe(`unknown field '${'q'.repeat(80)}… (10,485,760 characters)'`);
    // Past 4 MiB a file's diagnostics are not placed (that would take seconds per MiB): the path says where.
    expect(unknown).toMatchObject({ line: 0, path: `${'q'.repeat(80)}… (10,485,760 characters)` });
  });

  it('a 10 MB reference to an unknown stage gets a short message', async () => {
    const id = 'r'.repeat(10 * 2 ** 20);
    const diagnostics = await loadBounded('huge-ref.yaml', MODEL.replace('stage: ask', `stage: ${id}`));
    const unknown = diagnostics.find((d) => d.code === 'unknown-reference');
    expect(unknown?.message).toContain('(10,485,760 characters)');
    expect(unknown?.message.length).toBeLessThan(200);
    expect(unknown?.hint).toBe("known stages: 'ask'");
  });

  it('a rate of 1e309/h (infinite) is refused where it is written; it used to simulate without end', async () => {
    const text = `${MODEL}arrivals: { rate: 1e309/h }\n`;
    const [error] = await loadBounded('infinite-rate.yaml', text);
    expect(error).toMatchObject({ code: 'invalid-value', line: 7, column: 19, path: 'arrivals.rate' });
    expect(error?.message).toBe('the rate "1e309/h" is more than a million an hour');
    const simulated = await runner.run('simulate', { file: join(dir, 'infinite-rate.yaml') });
    expect(simulated).toMatchObject({ status: 'ok', summary: { simulated: false } });
  });

  it('a pool of 1e15 members is refused; as a dedicated pool it allocated one queue per member', async () => {
    const text = MODEL.replace('duration: 5 min,', 'duration: 5 min, pool: desk,').concat(
      'arrivals: { rate: 10/h }\nresources: [{ id: desk, name: Desk, capacity: 1e15, assignment: dedicated }]\n',
    );
    const [error] = await loadBounded('huge-pool.yaml', text);
    expect(error).toMatchObject({ code: 'out-of-range', path: 'resources[0].capacity', line: 8 });
    expect(error?.message).toBe("pool 'desk': 'capacity' is 1000000000000000, but must be at most 100000");
  });

  it('an import of a FIFO, /dev/zero or /dev/urandom is refused at the import; each used to block or read forever', async () => {
    spawnSync('mkfifo', [join(dir, 'pipe.yaml')]);
    for (const [entry, what] of [
      ['pipe.yaml', 'it is a FIFO (named pipe), not a file'],
      ['/dev/zero', 'lies outside'],
      ['/dev/urandom', 'lies outside'],
    ] as const) {
      const [error] = await loadBounded('imports-odd.yaml', `imports: [${entry}]\n${MODEL}`);
      expect(error).toMatchObject({ code: 'file-refused', line: 1, column: 11 });
      expect(error?.message).toContain(what);
    }
  });

  it('a BPMN link to a FIFO or a device is refused where it is written; validate used to block on it', async () => {
    spawnSync('mkfifo', [join(dir, 'pipe.bpmn')]);
    for (const entry of ['pipe.bpmn', '/dev/urandom']) {
      const file = join(dir, 'links-odd.yaml');
      writeFileSync(file, `${MODEL}processes: [{ id: p, name: P, bpmn: { file: ${entry}, process: P } }]\n`);
      const outcome = await runner.run('validate', { file });
      expect(outcome.detail ?? '').toBe('');
      expect(outcome.summary).toMatchObject({ code: 1, codes: ['file-refused'] });
    }
  });

  it('a competitor that is its own baseline is named; it used to recurse until the stack overflowed', async () => {
    const [error] = await loadBounded('rival.yaml', `kind: competitor\nbaseline: rival.yaml\n${MODEL}`);
    expect(error?.message).toBe('the baseline rival.yaml leads back to this file');
  });

  it('a 12 MB JSON model with errors reports them by path; placing them took over a minute', async () => {
    let list: unknown = 'x';
    for (let i = 0; i < 6; i++) list = Array(10).fill(list);
    const text = JSON.stringify({ name: 'Dense', stages: list, steps: [], ends: [], start: 'x' });
    expect(text.length).toBeGreaterThan(PLACED_UP_TO);
    const diagnostics = await loadBounded('dense.json', text);
    expect(diagnostics[0]).toMatchObject({ code: 'invalid-type', path: 'stages[0]', line: 0, column: 0 });
  });
});
