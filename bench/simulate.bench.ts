/**
 * Simulated customers and events per second, on mmc.yaml and order-departments.yaml, with one
 * worker and with every core. Run with `npm run bench`; the figures print after the table.
 */
import { availableParallelism } from 'node:os';
import { afterAll, bench, describe } from 'vitest';
import { load } from '../src/index.js';
import { simulate } from '../src/simulation/index.js';

const model = (name: string) => {
  const m = load(new URL(`../examples/${name}`, import.meta.url).pathname).model;
  if (!m) throw new Error(`${name} must load`);
  return m;
};
const DAY = 86400;
const figures: string[] = [];

async function measure(label: string, name: string, workers: number, replications: number, horizon: number) {
  const started = performance.now();
  const r = await simulate(model(name), { replications, horizon, warmup: DAY, seed: 1, workers });
  const seconds = (performance.now() - started) / 1000;
  figures.push(
    `${label}: ${Math.round(r.work.customers / seconds).toLocaleString('en')} customers/s, ${Math.round(r.work.events / seconds).toLocaleString('en')} events/s`,
  );
}

const cores = availableParallelism();
describe('simulate', () => {
  bench('mmc.yaml, 1 worker (8 x 60 days)', () => measure('mmc.yaml, 1 worker', 'mmc.yaml', 1, 8, 60 * DAY), {
    iterations: 3,
    time: 0,
  });
  bench(
    `mmc.yaml, ${cores} workers (8 x 60 days)`,
    () => measure(`mmc.yaml, ${cores} workers`, 'mmc.yaml', cores, 8, 60 * DAY),
    { iterations: 3, time: 0 },
  );
  bench(
    'order-departments.yaml, 1 worker (4 x 28 days)',
    () => measure('order-departments.yaml, 1 worker', 'order-departments.yaml', 1, 4, 28 * DAY),
    { iterations: 2, time: 0 },
  );
  bench(
    `order-departments.yaml, ${cores} workers (4 x 28 days)`,
    () => measure(`order-departments.yaml, ${cores} workers`, 'order-departments.yaml', cores, 4, 28 * DAY),
    { iterations: 2, time: 0 },
  );
});

afterAll(() => {
  process.stdout.write(`\n${figures.join('\n')}\n`);
});
