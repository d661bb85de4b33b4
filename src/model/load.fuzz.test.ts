/**
 * Fuzzing the model pipeline: a thousand and more mutated model files (the examples, the fixtures
 * and random valid models, broken in every way a file can be) go through load(), and a few hundred
 * each through `validate`, the analysis and a short simulation (two in five of each in CI, see
 * fuzzCount). Each case runs in a child process bounded in time and memory; none may crash, hang
 * or blow up. A failure names its seed: replay it with
 * FUZZ_SEED=<seed> npx vitest run src/model/load.fuzz.test.ts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FUZZ_TIMEOUT, type FuzzCase, fuzzCount, fuzzSeed, runFuzz } from '../testing/fuzz.js';
import type { TargetName } from '../testing/fuzz-targets.js';
import { MILD, makeWorkspace, modelCase, walkedCase, walkedCases } from '../testing/model-cases.js';
import { grouped } from '../text/grouped.js';

const seed = fuzzSeed();
const dir = mkdtempSync(join(tmpdir(), 'linesight-fuzz-models-'));
makeWorkspace(dir);

/** The first `walked` cases of load put wrong values at every path of two small models, in turn. */
const walked = walkedCases(dir);

function* cases(target: TargetName, count: number, offset: number, mutations?: readonly string[]) {
  for (let i = offset; i < offset + count; i++) {
    const c = target === 'load' && i < walked ? walkedCase(dir, i) : modelCase(dir, seed, i, mutations);
    yield {
      index: i,
      what: c.what,
      target,
      input: { file: c.file },
      files: [c.file, c.file.replace(/\.yaml$/, '-part.yaml')],
    } satisfies FuzzCase;
  }
}

const summaries = (outcomes: { summary?: unknown }[]) =>
  outcomes.map((o) => (o.summary ?? {}) as Record<string, unknown>);

/** Runs the cases and prints what they did, so that the suite's reach and time stay in view. */
async function fuzz(name: string, made: Iterable<FuzzCase>, whole: (s: Record<string, unknown>) => boolean) {
  const started = performance.now();
  const report = await runFuzz(seed, made);
  const done = summaries(report.outcomes).filter(whole).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.info(
    `${name}: ${report.cases} cases (${report.repeats} repeats left out) in ${seconds} s, ${done} went all the way; slowest: ${report.slowest[0] ?? '-'}`,
  );
  return { report, done };
}

const [LOADS, CHECKS] = [fuzzCount(2000), fuzzCount(300)];

describe(`mutated models (fuzz, seed ${seed})`, () => {
  it(`${grouped(LOADS)} load with diagnostics (wrong values at every path of two models, then random mutations), each within its time and memory`, {
    timeout: FUZZ_TIMEOUT,
  }, async () => {
    const { report, done: loaded } = await fuzz('load', cases('load', LOADS, 0), (s) => s.ok === true);
    expect(report.failures).toEqual([]);
    // Both sides are exercised: some mutations leave a valid model, most do not.
    expect(loaded).toBeGreaterThan(50);
    expect(loaded).toBeLessThan(report.cases - 50);
  });

  it(`${CHECKS} validate (BPMN links included) with a report and an exit code`, {
    timeout: FUZZ_TIMEOUT,
  }, async () => {
    const { report } = await fuzz('validate', cases('validate', CHECKS, 10_000), (s) => s.code === 0);
    expect(report.failures).toEqual([]);
  });

  it(`${CHECKS} lightly broken ones are analysed when they load`, { timeout: FUZZ_TIMEOUT }, async () => {
    const { report, done } = await fuzz(
      'analyze',
      cases('analyze', CHECKS, 20_000, MILD),
      (s) => s.analysed === true,
    );
    expect(report.failures).toEqual([]);
    // The analysis is reached often. About a third of the distinct cases get there; a seed's share
    // ranges over a few points either side (33-38% in six seeds, binomial spread ~3%), so the floor
    // sits well below it: a third itself failed for two seeds of six.
    expect(done).toBeGreaterThan(report.cases / 5);
  });

  it(`${CHECKS} lightly broken ones are simulated briefly when they load and pass the preflight`, {
    timeout: FUZZ_TIMEOUT,
  }, async () => {
    const { report, done } = await fuzz(
      'simulate',
      cases('simulate', CHECKS, 30_000, MILD),
      (s) => s.simulated === true,
    );
    expect(report.failures).toEqual([]);
    expect(done).toBeGreaterThan(report.cases / 6);
  });
});
