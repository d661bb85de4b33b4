/**
 * The simulator's customers per second against the yardstick (bench/bare-mmc.ts, a bare M/M/c
 * loop on typed arrays) on the same workloads, in one process and interleaved round by round, so
 * that the ratio holds on a shared machine whose load moves; and two workers against one on the
 * departments example. Run with `npm run bench`; the figures print after the table.
 *
 * Goals (issue 19): the simulator at least 0.5 of the yardstick on M/M/c and M/M/1 with one
 * worker, at least 600 k customers/s on order-departments.yaml, two workers at least 1.8 times one.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { afterAll, bench, describe } from 'vitest';
import { load, parse } from '../src/model/load.js';
import type { Model } from '../src/model/model.js';
import { simulate } from '../src/simulation/index.js';
import { ensureBuiltCli } from '../src/testing/built-cli.js';
import { bareMmc } from './bare-mmc.js';

const EXAMPLES = new URL('../examples/', import.meta.url).pathname;
const DAY = 86400;
const ROUNDS = 3;
/** Customers per workload and round: a million and more, where start-up no longer dominates. */
const CUSTOMERS = 4_000_000;
const REPLICATIONS = 4;
/** The departments example is nine events a customer: a million and a bit. */
const DEPARTMENT_CUSTOMERS = 1_200_000;

const example = (name: string): Model => {
  const m = load(`${EXAMPLES}${name}`).model;
  if (!m) throw new Error(`${name} must load`);
  return m;
};

/** mmc.yaml with other rates: lambda and mu per minute, c agents. */
const mmc = (lambda: number, mu: number, c: number): Model => {
  const text = readFileSync(`${EXAMPLES}mmc.yaml`, 'utf8')
    .replace('rate: 100/h', `rate: ${lambda}/min`)
    .replace('capacity: 10', `capacity: ${c}`)
    .replace('duration: exp(5 min)', `duration: exp(${60 / mu} s)`);
  const m = parse(text, { file: `${EXAMPLES}mmc-bench.yaml` }).model;
  if (!m) throw new Error('the M/M/c variant must load');
  return m;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const rate = (n: number) => `${Math.round(n).toLocaleString('en')} customers/s`;
const load1 = () => `load ${loadavg()[0]?.toFixed(1)}`;
const figures: string[] = [];

// Workers against one worker are timed on the built simulator (dist/), as users run it: from the
// sources each worker thread first starts tsx to load TypeScript, about a second apiece on this machine.
ensureBuiltCli();
const built = (await import(
  pathToFileURL(new URL('../dist/simulation/index.js', import.meta.url).pathname).href
)) as {
  simulate: typeof simulate;
};

/** Customers per second of a whole `simulate` call (model compilation and worker start included). */
async function simulated(
  model: Model,
  perMinute: number,
  workers: number,
  customers = CUSTOMERS,
  run: typeof simulate = simulate,
) {
  // Horizon for about `customers` arrivals over the replications, after a day of warm-up.
  const horizon = Math.round(customers / REPLICATIONS / perMinute) * 60 + DAY;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const r = await run(model, { replications: REPLICATIONS, horizon, warmup: DAY, seed: 1, workers });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  cores.push((used.user + used.system) / 1e6 / seconds);
  return r.work.customers / seconds;
}
/** CPU seconds over wall seconds of each run (all threads): how many cores the machine gave it. */
const cores: number[] = [];

function yardstick(lambda: number, mu: number, c: number) {
  const started = performance.now();
  const r = bareMmc(lambda, mu, c, CUSTOMERS);
  return r.customers / ((performance.now() - started) / 1000);
}

async function against(label: string, model: Model, lambda: number, mu: number, c: number) {
  const sim: number[] = [];
  const bare: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    bare.push(yardstick(lambda, mu, c));
    sim.push(await simulated(model, lambda, 1));
  }
  const ratio = median(sim.map((s, i) => s / (bare[i] as number)));
  figures.push(
    `${label}, 1 worker: ${rate(median(sim))}; yardstick (bench/bare-mmc.ts) ${rate(median(bare))}; simulator/yardstick ${ratio.toFixed(2)} (goal 0.5; ${load1()})`,
  );
}

async function workers(label: string, model: Model, perMinute: number) {
  const one: number[] = [];
  const two: number[] = [];
  const twoCores: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    one.push(await simulated(model, perMinute, 1, DEPARTMENT_CUSTOMERS, built.simulate));
    two.push(await simulated(model, perMinute, 2, DEPARTMENT_CUSTOMERS, built.simulate));
    twoCores.push(cores.at(-1) as number);
  }
  const ratio = median(two.map((t, i) => t / (one[i] as number)));
  figures.push(
    `${label} (built dist/): 1 worker ${rate(median(one))} (goal 600,000); 2 workers ${rate(median(two))}; 2 workers/1 worker ${ratio.toFixed(2)} (goal 1.8; ${load1()}); the 2-worker runs had ${median(twoCores).toFixed(2)} cores (CPU/wall): a shared machine that gives fewer than 2 caps the ratio there`,
  );
}

// Each bench runs its rounds once: async, no warm-up, so tinybench does not call it again.
const once = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };
describe('simulate against the yardstick', () => {
  bench(
    'M/M/c (9/min, 1/min, 10)',
    async () => against('M/M/c (9/min, 1/min, 10)', mmc(9, 1, 10), 9, 1, 10),
    once,
  );
  bench('M/M/1 at 0.8', async () => against('M/M/1 at 0.8', mmc(0.8, 1, 1), 0.8, 1, 1), once);
  bench(
    'mmc.yaml',
    async () => against('mmc.yaml (100/h, 12/h, 10)', example('mmc.yaml'), 100 / 60, 1 / 5, 10),
    once,
  );
  bench(
    'order-departments.yaml, 1 and 2 workers',
    async () => workers('order-departments.yaml', example('order-departments.yaml'), 65 / 60),
    once,
  );
});

afterAll(() => {
  process.stdout.write(`\n${figures.join('\n')}\n`);
});
