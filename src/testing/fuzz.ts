/**
 * Running a fuzz suite: its seed (fixed in CI, where vitest.setup.ts fixes fast-check's; FUZZ_SEED
 * replays one; otherwise new every run), its cases through bounded child processes, and a report
 * of every case that crashed, hung or blew up, with the seed, the case and where its input is.
 */

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import fc from 'fast-check';
import { BoundedRunner, type Outcome } from './bounded-run.js';
import type { TargetName } from './fuzz-targets.js';

export function fuzzSeed(): number {
  const given = process.env.FUZZ_SEED ?? fc.readConfigureGlobal().seed;
  return given === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(given) >>> 0;
}

export interface FuzzCase {
  index: number;
  what: string;
  target: TargetName;
  input: unknown;
  /** Files the case wrote, removed once it passes; a failing case's are kept to look at. */
  files?: string[];
}

export interface FuzzReport {
  /** Cases run: each input once. */
  cases: number;
  /** Cases left out because an earlier case of the suite had the same target and input, byte for byte. */
  repeats: number;
  failures: string[];
  /** Per target, how often each summary came back (e.g. how many models loaded). */
  outcomes: Outcome[];
  /** The slowest cases, to keep the suite's time in view. */
  slowest: string[];
}

/**
 * What a case feeds its target: the target, the input's other fields and the bytes of its files.
 * Two cases alike in all three run the same code the same way (the cases' files lie side by side
 * in one folder), so the second tests nothing the first did not: some mutations make the same file
 * whatever they start from (a wide alias bomb took a third of the load suite's time, 41 times).
 */
function caseKey(c: FuzzCase): string {
  const hash = createHash('sha256').update(c.target).update('\0');
  const { file: _file, ...rest } = (c.input ?? {}) as { file?: unknown };
  hash.update(JSON.stringify(rest));
  for (const file of c.files ?? []) {
    hash.update('\0');
    if (existsSync(file) && statSync(file).isFile()) hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

/**
 * How many of a suite's `n` cases run: all locally, where every run draws a new seed and meets new
 * cases; two in five in CI, which replays one seed (vitest.setup.ts), so that its cases are one
 * fixed sample whose size is a share of CI's 15 minutes. At three in five the fuzz suites' cases
 * took 113 s of a CI run that went past them (load 35, logs 34, simulate 14, analyze 12, BPMN 10,
 * validate 8), and 114 s of another that did so on a slow afternoon; at two in five, 83 s with the
 * three files alone.
 */
export const fuzzCount = (n: number): number => (process.env.CI ? Math.round(n * 0.4) : n);

/** A whole suite's limit: minutes, for two cores busy with other test files too. */
export const FUZZ_TIMEOUT = 600_000;

/** Limits for a case: generous for two busy cores, far below what a hang or a blow-up takes. */
export const CASE_LIMITS = { timeoutMs: 20_000, memoryMb: 1024 };

export async function runFuzz(
  seed: number,
  cases: Iterable<FuzzCase>,
  options: { workers?: number } = {},
): Promise<FuzzReport> {
  const runner = new BoundedRunner({ workers: options.workers ?? 2, ...CASE_LIMITS });
  const failures: string[] = [];
  const outcomes: Outcome[] = [];
  const timed: { ms: number; what: string }[] = [];
  const pending: Promise<void>[] = [];
  const seen = new Set<string>();
  let count = 0;
  let repeats = 0;
  try {
    for (const c of cases) {
      const key = caseKey(c);
      if (seen.has(key)) {
        repeats++;
        for (const file of c.files ?? []) rmSync(file, { force: true, recursive: true });
        continue;
      }
      seen.add(key);
      count++;
      pending.push(
        runner.run(c.target, c.input).then((outcome) => {
          outcomes.push(outcome);
          timed.push({ ms: outcome.ms, what: `${c.index} (${outcome.ms.toFixed(0)} ms): ${c.what}` });
          if (outcome.status === 'ok') {
            for (const file of c.files ?? []) rmSync(file, { force: true, recursive: true });
            return;
          }
          failures.push(
            `${outcome.status} in ${c.target} case ${c.index} of seed ${seed} (replay with FUZZ_SEED=${seed}): ${c.what}\n  input: ${JSON.stringify(c.input).slice(0, 300)}\n  ${outcome.detail?.slice(0, 1500)}`,
          );
        }),
      );
      // Cases are written as they are made: a few ahead of the runner keeps the disk small.
      if (pending.length >= 8) await Promise.race(pending.splice(0, 1));
    }
    await Promise.all(pending);
  } finally {
    await runner.close();
  }
  const slowest = timed
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map((t) => t.what);
  return { cases: count, repeats, failures, outcomes, slowest };
}
