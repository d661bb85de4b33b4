/**
 * One measurement of the simulator bench (simulate.bench.ts), in a process of its own so that no
 * measurement runs in a process another one has warmed, filled or transformed (vitest's module
 * transform alone made the simulator a third slower than users' built code):
 *
 *   node --import tsx bench/simulate-once.ts sim <model> <workers> <customers>
 *   node --import tsx bench/simulate-once.ts bare <lambda/min> <mu/min> <c> <customers>
 *
 * <model> is `mmc:<lambda/min>:<mu/min>:<c>` (examples/mmc.yaml with those rates) or an example's
 * file name. The simulator is the built one (dist/), as users run it. Prints one line of JSON:
 * customers per second of the whole call (model compilation and worker start included) and the
 * processor seconds per wall second it had.
 */
import { readFileSync } from 'node:fs';
import type { Model } from '../src/model/model.js';
import { bareMmc } from './bare-mmc.js';

const DIST = new URL('../dist/', import.meta.url).href;
const EXAMPLES = new URL('../examples/', import.meta.url).pathname;
const DAY = 86400;
const REPLICATIONS = 4;

type Load = typeof import('../src/model/load.js');
type Simulate = typeof import('../src/simulation/index.js');

async function model(spec: string): Promise<{ model: Model; perMinute: number }> {
  const { load, parse } = (await import(`${DIST}model/load.js`)) as Load;
  if (spec.startsWith('mmc:')) {
    const [lambda, mu, c] = spec.slice(4).split(':').map(Number) as [number, number, number];
    const text = readFileSync(`${EXAMPLES}mmc.yaml`, 'utf8')
      .replace('rate: 100/h', `rate: ${lambda}/min`)
      .replace('capacity: 10', `capacity: ${c}`)
      .replace('duration: exp(5 min)', `duration: exp(${60 / mu} s)`);
    const m = parse(text, { file: `${EXAMPLES}mmc-bench.yaml` }).model;
    if (!m) throw new Error('the M/M/c variant must load');
    return { model: m, perMinute: lambda };
  }
  const m = load(`${EXAMPLES}${spec}`).model;
  if (!m) throw new Error(`${spec} must load`);
  const perSecond = m.segments.reduce((sum, s) => sum + (s.arrivals?.rate ?? 0), 0);
  return { model: m, perMinute: perSecond * 60 };
}

async function simulated(spec: string, workers: number, customers: number) {
  const { simulate } = (await import(`${DIST}simulation/index.js`)) as Simulate;
  const { model: m, perMinute } = await model(spec);
  // Horizon for about `customers` arrivals over the replications, after a day of warm-up.
  const horizon = Math.round(customers / REPLICATIONS / perMinute) * 60 + DAY;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const r = await simulate(m, { replications: REPLICATIONS, horizon, warmup: DAY, seed: 1, workers });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { perSecond: r.work.customers / seconds, cores: (used.user + used.system) / 1e6 / seconds };
}

function yardstick(lambda: number, mu: number, c: number, customers: number) {
  const started = performance.now();
  const r = bareMmc(lambda, mu, c, customers);
  return { perSecond: r.customers / ((performance.now() - started) / 1000), cores: 1 };
}

const [kind, ...args] = process.argv.slice(2);
const result =
  kind === 'sim'
    ? await simulated(args[0] as string, Number(args[1]), Number(args[2]))
    : yardstick(Number(args[0]), Number(args[1]), Number(args[2]), Number(args[3]));
process.stdout.write(`${JSON.stringify(result)}\n`);
