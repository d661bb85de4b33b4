/**
 * Fuzzing `log import`: XES, CSV and OCEL 2.0 logs from testdata/ (their first 60 KB) and small
 * generated ones, mutated. Each case runs in a bounded child process with its own event store;
 * every one imports or fails with a LogImportError that says what to fix, never another exception,
 * a hang or a blow-up. Replay a failure with FUZZ_SEED=<seed> npx vitest run src/mining/import.fuzz.test.ts.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BoundedRunner } from '../testing/bounded-run.js';
import { EVENT_LOGS } from '../testing/data.js';
import { CASE_LIMITS, FUZZ_TIMEOUT, type FuzzCase, fuzzCount, fuzzSeed, runFuzz } from '../testing/fuzz.js';
import { type InputKind, inputCase } from '../testing/input-cases.js';

const seed = fuzzSeed();
const dir = mkdtempSync(join(tmpdir(), 'linesight-fuzz-logs-'));

function* cases(kinds: [InputKind, number][]): Generator<FuzzCase> {
  let index = 0;
  for (const [kind, count] of kinds) {
    for (let i = 0; i < count; i++, index++) {
      const c = inputCase(dir, kind, seed, index);
      // OCEL needs the case notion named; now and then it is left out, or names a type that is not there.
      const caseType =
        kind === 'jsonocel' ? [undefined, 'customer', 'Invoice', 'nothing'][index % 4] : undefined;
      yield {
        index,
        what: `${c.what}${caseType ? ` (case type ${caseType})` : ''}`,
        target: 'importLog',
        input: { file: c.file, dir, ...(caseType ? { caseType } : {}) },
        files: [c.file],
      };
    }
  }
}

const KINDS: [InputKind, number][] = [
  ['xes', fuzzCount(150)],
  ['csv', fuzzCount(150)],
  ['jsonocel', fuzzCount(100)],
];

describe(`mutated event logs (fuzz, seed ${seed})`, () => {
  it(`${KINDS.reduce((n, [, k]) => n + k, 0)} XES, CSV and OCEL logs import or fail with a clear error, each within its time and memory`, {
    timeout: FUZZ_TIMEOUT,
  }, async () => {
    const started = performance.now();
    const report = await runFuzz(seed, cases(KINDS));
    const imported = report.outcomes.filter(
      (o) => (o.summary as { events?: number })?.events !== undefined,
    ).length;
    console.info(
      `logs: ${report.cases} cases (${report.repeats} repeats left out) in ${((performance.now() - started) / 1000).toFixed(1)} s, ${imported} imported; slowest: ${report.slowest[0]}`,
    );
    expect(report.failures).toEqual([]);
    expect(imported).toBeGreaterThan(40);
  });
});

describe('found by fuzzing event logs', () => {
  const runner = new BoundedRunner({ workers: 1, ...CASE_LIMITS });
  afterAll(() => runner.close());

  it("a CSV row of 10 MiB is skipped at its line without DuckDB's dialect sniffer spending 15 to 30 s on it", async () => {
    const lines = readFileSync(join(EVENT_LOGS, 'running-example.csv'), 'utf8').split('\n');
    lines[33] = `32,reinitiate request,Sara,2011-${'é'.repeat(5 * 2 ** 20)}`;
    const file = join(dir, 'long-row.csv');
    writeFileSync(file, lines.join('\n'));
    const outcome = await runner.run('importLog', { file, dir });
    expect(outcome.detail ?? '').toBe('');
    expect(outcome.summary).toEqual({ events: 41, skipped: 1 });
  });
});
