/**
 * Fuzzing `bpmn import`: the MIWG reference suite, the examples and generated processes (random
 * wiring, chains of gateways), mutated byte by byte and in XML's own ways (entity bombs, external
 * entities, deep elements, dangling and repeated ids). Each case runs in a bounded child process;
 * every one ends in a journey that validates or in an error that says what to fix. Replay a
 * failure with FUZZ_SEED=<seed> npx vitest run src/bpmn/import.fuzz.test.ts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BoundedRunner } from '../testing/bounded-run.js';
import { CASE_LIMITS, FUZZ_TIMEOUT, type FuzzCase, fuzzCount, fuzzSeed, runFuzz } from '../testing/fuzz.js';
import { gatewayChain, inputCase } from '../testing/input-cases.js';
import { importBpmn } from './import.js';

const seed = fuzzSeed();
const dir = mkdtempSync(join(tmpdir(), 'linesight-fuzz-bpmn-'));

function* cases(count: number): Generator<FuzzCase> {
  for (let i = 0; i < count; i++) {
    const c = inputCase(dir, 'bpmn', seed, i);
    yield { index: i, what: c.what, target: 'bpmn', input: { file: c.file }, files: [c.file] };
  }
}

describe(`mutated BPMN files (fuzz, seed ${seed})`, () => {
  it(`${fuzzCount(300)} import as a journey or fail with a clear error, each within its time and memory`, {
    timeout: FUZZ_TIMEOUT,
  }, async () => {
    const started = performance.now();
    const report = await runFuzz(seed, cases(fuzzCount(300)));
    const imported = report.outcomes.filter((o) => (o.summary as { imported?: boolean })?.imported).length;
    console.info(
      `bpmn: ${report.cases} cases (${report.repeats} repeats left out) in ${((performance.now() - started) / 1000).toFixed(1)} s, ${imported} imported; slowest: ${report.slowest[0]}`,
    );
    expect(report.failures).toEqual([]);
    expect(imported).toBeGreaterThan(30);
  });
});

describe('found by fuzzing BPMN', () => {
  const runner = new BoundedRunner({ workers: 1, ...CASE_LIMITS });
  afterAll(() => runner.close());

  it('a chain of 30 split-and-join gateway pairs imports at once; the walk took 2^30 steps', async () => {
    const file = join(dir, 'chain.bpmn');
    writeFileSync(file, gatewayChain(30));
    const outcome = await runner.run('bpmn', { file });
    expect(outcome.detail ?? '').toBe('');
    expect(outcome.summary).toEqual({ imported: true });
  });

  it('XML broken inside a 100,000-character name is placed, and quoted 80 characters long', async () => {
    const xml = gatewayChain(1).replace('</bpmn:process>', `</bpmn:${'a'.repeat(100_000)}>`);
    const result = await importBpmn(xml);
    expect(result.error?.message).toMatch(
      /^the file is not well-formed BPMN XML at line \d+, column \d+: closing tag mismatch \(near "<\/bpmn:a{73}… \(100,008 characters\)"\)$/,
    );
  });

  it('a file that breaks on a few attributes lists them; one that breaks on tens of thousands on one line is refused at once', async () => {
    const broken = (n: number) =>
      gatewayChain(1).replace('<bpmn:task id="first"', `<bpmn:task ${'x '.repeat(n)}id="first"`);
    const few = await importBpmn(broken(30));
    expect(few.error).toBeUndefined();
    expect(few.warnings.filter((w) => w.startsWith('not read'))).toHaveLength(20);
    expect(few.warnings).toContain('10 more parts of the file were not read');
    // bpmn-moddle reads each problem's line again: 30,000 problems on a line of 60,000 characters took 2 s, 70,000 on 140,000 took 10 s.
    const flood = await importBpmn(broken(30_000));
    expect(flood.error?.message).toMatch(
      /^the file is not well-formed BPMN XML at line \d+, column \d+: attribute without value \(and [\d,]+ more problems at least, too many to read\)$/,
    );
  });
});
