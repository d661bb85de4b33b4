/**
 * The simulator's customers per second against the yardstick (bench/bare-mmc.ts, a bare M/M/c
 * loop on typed arrays) on the same workloads, interleaved round by round so that the ratio holds
 * on a shared machine whose load moves; and two workers against one on the departments example.
 * Each measurement is a process of its own: the simulator built and in plain Node as users run it
 * (bench/simulate-once.mjs), the yardstick under tsx (bench/bare-once.ts). In this process the
 * simulator ran a third slower than users' built code (vitest's module transform, and a heap other
 * measurements had filled). Run with `npm run bench`; the figures
 * print after the table.
 *
 * Goals (issue 19): the simulator at least 0.5 of the yardstick on M/M/c and M/M/1 with one
 * worker, at least 600 k customers/s on order-departments.yaml, two workers at least 1.8 times one.
 */
import { spawn, spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { afterAll, bench, describe } from 'vitest';
import { BUILT_CLI, ensureBuiltCli } from '../src/testing/built-cli.js';

const ROOT = new URL('..', import.meta.url).pathname;
const ROUNDS = 3;
/**
 * Rounds against the yardstick: five, since a process's speed on this machine moved by a third
 * from one process to the next (the yardstick's as much as the simulator's), so that the median
 * of three moved by a fifth from one bench to the next (0.35 to 0.42 on M/M/1).
 */
const YARDSTICK_ROUNDS = 5;
/** Customers per workload and round: a million and more, where start-up no longer dominates. */
const CUSTOMERS = 4_000_000;
/** The departments example is nine events a customer: a million and a bit. */
const DEPARTMENT_CUSTOMERS = 1_200_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
/** The lowest and highest of the rounds' figures: how far this machine moved during the bench. */
const spread = (xs: number[]) => `rounds ${Math.min(...xs).toFixed(2)} to ${Math.max(...xs).toFixed(2)}`;
const rate = (n: number) => `${Math.round(n).toLocaleString('en')} customers/s`;
const load1 = () => `load ${loadavg()[0]?.toFixed(1)}`;
const figures: string[] = [];

// The simulator is timed as users run it, built (dist/); each measurement in a process of its own.
ensureBuiltCli();

/** One measurement in a process of its own: customers per second, and processor seconds per wall second. */
function once(args: (string | number)[]): { perSecond: number; cores: number } {
  const run = spawnSync(process.execPath, args.map(String), { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { perSecond: number; cores: number };
}
/** The simulator, built, in plain Node (bench/simulate-once.mjs). */
const simulated = (model: string, workers: number, customers: number) =>
  once(['bench/simulate-once.mjs', model, workers, customers]);
/** The engine once compiled: its replications after the first, one by one (simulate-once.mjs `warm`). */
const warmEngine = (model: string, customers: number) =>
  once(['bench/simulate-once.mjs', model, 1, customers, 'warm']).perSecond;
/**
 * The same work split between two 1-worker processes run at once, half the customers each: their
 * customers per second together. What the machine gives two threads that share nothing on that
 * run, the ceiling of two workers against one. Each half pays its own start and JIT warm-up (a
 * few hundred milliseconds of compiling per thread, which with both cores busy no longer runs on
 * an idle one), as each worker thread does; two processes of the whole run each would hide that
 * cost behind twice the work.
 */
async function twoApart(model: string, customers: number): Promise<number> {
  const half = String(Math.round(customers / 2));
  const one = () =>
    new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, ['bench/simulate-once.mjs', model, '1', half], {
        cwd: ROOT,
      });
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
      });
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0
          ? resolve((JSON.parse(out) as { perSecond: number }).perSecond)
          : reject(new Error(`exit ${code}`)),
      );
    });
  const [a, b] = await Promise.all([one(), one()]);
  return a + b;
}

/** The yardstick (bench/bare-once.ts, under tsx). */
const yardstick = (lambda: number, mu: number, c: number) =>
  once(['--import', 'tsx', 'bench/bare-once.ts', lambda, mu, c, CUSTOMERS]).perSecond;

async function against(
  label: string,
  lambda: number,
  mu: number,
  c: number,
  model = `mmc:${lambda}:${mu}:${c}`,
) {
  const sim: number[] = [];
  const bare: number[] = [];
  const warm: number[] = [];
  for (let round = 0; round < YARDSTICK_ROUNDS; round++) {
    bare.push(yardstick(lambda, mu, c));
    sim.push(simulated(model, 1, CUSTOMERS).perSecond);
    warm.push(warmEngine(model, CUSTOMERS));
  }
  const ratios = sim.map((s, i) => s / (bare[i] as number));
  const warmRatios = warm.map((s, i) => s / (bare[i] as number));
  figures.push(
    `${label}, 1 worker: ${rate(median(sim))}; yardstick (bench/bare-mmc.ts) ${rate(median(bare))}; simulator/yardstick ${median(ratios).toFixed(2)} (${spread(ratios)}; goal 0.5; ${load1()}); the engine once compiled (replications after the first) ${rate(median(warm))}, ${median(warmRatios).toFixed(2)} of the yardstick (${spread(warmRatios)})`,
  );
}

async function workers(label: string, model: string, customers: number) {
  const one: number[] = [];
  const two: number[] = [];
  const twoCores: number[] = [];
  const apart: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    one.push(simulated(model, 1, customers).perSecond);
    const run = simulated(model, 2, customers);
    two.push(run.perSecond);
    twoCores.push(run.cores);
    apart.push(await twoApart(model, customers));
  }
  const ratios = two.map((t, i) => t / (one[i] as number));
  const ratio = median(ratios);
  const ceiling = median(apart.map((t, i) => t / (one[i] as number)));
  figures.push(
    `${label}, ${customers.toLocaleString('en')} customers (built dist/): 1 worker ${rate(median(one))} (goal 600,000); 2 workers ${rate(median(two))}; 2 workers/1 worker ${ratio.toFixed(2)} (${spread(ratios)}; goal 1.8; ${load1()}); the 2-worker runs had ${median(twoCores).toFixed(2)} cores (CPU/wall); the same run split between two 1-worker processes at once, sharing nothing, gave ${ceiling.toFixed(2)} times one alone: the machine's own ceiling for two threads on this run`,
  );
}

/** Seconds of a whole `linesight` process, as a user times it. */
function cliSeconds(args: string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [BUILT_CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`linesight ${args.join(' ')} failed: ${run.stderr}`);
  return (performance.now() - started) / 1000;
}

/**
 * A sweep simulates each of its values in turn: with workers kept warm between them
 * (worker-pool.ts) two workers gain on every value, not only on the first one's replications.
 */
function sweep() {
  const args = ['simulate', 'examples/mmc.yaml', '--sweep', 'resources.agents.capacity=9..14'];
  const one: number[] = [];
  const two: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    one.push(cliSeconds([...args, '-w', '1']));
    two.push(cliSeconds([...args, '-w', '2']));
  }
  const ratio = median(one.map((t, i) => t / (two[i] as number)));
  figures.push(
    `mmc.yaml --sweep over six values, 20 replications of 30 days each (8.6 million customers), whole CLI processes: 1 worker ${median(one).toFixed(2)} s, 2 workers ${median(two).toFixed(2)} s; 2 workers/1 worker ${ratio.toFixed(2)} (${load1()})`,
  );
}

// Each bench runs its rounds once: async, no warm-up, so tinybench does not call it again.
const single = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };
describe('simulate against the yardstick', () => {
  bench('M/M/c (9/min, 1/min, 10)', async () => against('M/M/c (9/min, 1/min, 10)', 9, 1, 10), single);
  bench('M/M/1 at 0.8', async () => against('M/M/1 at 0.8', 0.8, 1, 1), single);
  bench(
    'mmc.yaml',
    async () => against('mmc.yaml (100/h, 12/h, 10)', 100 / 60, 1 / 5, 10, 'mmc.yaml'),
    single,
  );
  bench(
    'order-departments.yaml, 1 and 2 workers',
    async () => workers('order-departments.yaml', 'order-departments.yaml', DEPARTMENT_CUSTOMERS),
    single,
  );
  bench(
    'order-departments.yaml, 1 and 2 workers, four times the customers',
    async () => workers('order-departments.yaml', 'order-departments.yaml', 4 * DEPARTMENT_CUSTOMERS),
    single,
  );
});

describe('a sweep, 1 and 2 workers', () => {
  bench('mmc.yaml --sweep resources.agents.capacity=9..14', async () => sweep(), single);
});

afterAll(() => {
  process.stdout.write(`\n${figures.join('\n')}\n`);
});
