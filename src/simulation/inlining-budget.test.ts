import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LONG_RUN, widerInliningPays } from './inlining-budget.js';

const INDEX = fileURLToPath(new URL('./index.ts', import.meta.url));
const BUDGET = fileURLToPath(new URL('./inlining-budget.ts', import.meta.url));
const LOAD = fileURLToPath(new URL('../model/load.ts', import.meta.url));
const MODEL = fileURLToPath(new URL('../../examples/order-departments.yaml', import.meta.url));

/** A simulation of the departments example in a process of its own, with node's `flags`, the budget raised. */
function simulated(flags: string[]): { stdout: string; stderr: string; status: number | null } {
  const script = `(await import(${JSON.stringify(BUDGET)})).raiseInliningBudget();
    const { simulate } = await import(${JSON.stringify(INDEX)});
    const { load } = await import(${JSON.stringify(LOAD)});
    const r = await simulate(load(${JSON.stringify(MODEL)}).model, { replications: 2, horizon: 14 * 86400, warmup: 86400, seed: 3 });
    process.stdout.write(JSON.stringify(r));`;
  return spawnSync(process.execPath, [...flags, '--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
}

describe("the simulator's inlining budget", () => {
  it('is a flag this Node knows, and inlining changes no figure', () => {
    const raised = simulated([]);
    // An unknown flag is not an error: V8 prints one on stderr and goes on.
    expect(raised.stderr).toBe('');
    expect(raised.status).toBe(0);
    const none = simulated(['--no-turbo-inlining']);
    expect(none.status).toBe(0);
    expect(raised.stdout.length).toBeGreaterThan(1000);
    expect(raised.stdout).toBe(none.stdout);
  }, 60_000);

  it('is raised with a core free to compile on, or for a long run on every core', () => {
    // One thread of two cores: the compiling runs beside it.
    expect(widerInliningPays(10_000, 1, 2)).toBe(true);
    // The CLI's default run of the departments example, two workers on two cores: not worth it.
    expect(widerInliningPays(950_000, 2, 2)).toBe(false);
    expect(widerInliningPays(2 * LONG_RUN - 1, 2, 2)).toBe(false);
    expect(widerInliningPays(2 * LONG_RUN, 2, 2)).toBe(true);
    // More threads than cores (workers asked for beyond them) count as every core busy.
    expect(widerInliningPays(LONG_RUN, 4, 2)).toBe(false);
    expect(widerInliningPays(1, 1, 1)).toBe(false);
  });
});
