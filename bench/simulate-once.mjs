/**
 * One measurement of the simulator for the bench (simulate.bench.ts), in a process of its own and
 * in plain Node, as users run the built simulator (dist/): no measurement runs in a process another
 * has warmed, filled or transformed (in vitest's process the simulator ran a third slower, and under
 * tsx's loader a worker thread starts slower).
 *
 *   node bench/simulate-once.mjs <model> <workers> <customers> [warm]
 *
 * <model> is `mmc:<lambda/min>:<mu/min>:<c>` (examples/mmc.yaml with those rates) or an example's
 * file name. Prints one line of JSON: customers per second of the whole `simulate` call (model
 * compilation and worker start included) and the processor seconds per wall second it had. With
 * `warm`, the engine's own speed once V8 has compiled it instead: the same replications run one
 * by one on this thread (runReplication, the budget raised as `simulate` raises it for one worker),
 * the customers per second of all but the first, whose start runs interpreted while V8 compiles.
 */
import { readFileSync } from 'node:fs';

const DIST = new URL('../dist/', import.meta.url).href;
const EXAMPLES = new URL('../examples/', import.meta.url).pathname;
const DAY = 86400;
const REPLICATIONS = 4;

const { load, parse } = await import(`${DIST}model/load.js`);
const { simulate } = await import(`${DIST}simulation/index.js`);
const { compileModel } = await import(`${DIST}simulation/compile.js`);
const { runReplication } = await import(`${DIST}simulation/replication.js`);
const { raiseInliningBudget } = await import(`${DIST}simulation/inlining-budget.js`);

function model(spec) {
  if (spec.startsWith('mmc:')) {
    const [lambda, mu, c] = spec.slice(4).split(':').map(Number);
    const text = readFileSync(`${EXAMPLES}mmc.yaml`, 'utf8')
      .replace('rate: 100/h', `rate: ${lambda}/min`)
      .replace('capacity: 10', `capacity: ${c}`)
      .replace('duration: exp(5 min)', `duration: exp(${60 / mu} s)`);
    return { model: parse(text, { file: `${EXAMPLES}mmc-bench.yaml` }).model, perMinute: lambda };
  }
  const m = load(`${EXAMPLES}${spec}`).model;
  const perSecond = m.segments.reduce((sum, s) => sum + (s.arrivals?.rate ?? 0), 0);
  return { model: m, perMinute: perSecond * 60 };
}

const [spec, workers, customers, warm] = process.argv.slice(2);
const { model: m, perMinute } = model(spec);
if (!m) throw new Error(`${spec} must load`);
// Horizon for about `customers` arrivals over the replications, after a day of warm-up.
const horizon = Math.round(Number(customers) / REPLICATIONS / perMinute) * 60 + DAY;
if (warm === 'warm') {
  raiseInliningBudget();
  const compiled = compileModel(m);
  let after = 0;
  let customersAfter = 0;
  for (let replication = 0; replication < REPLICATIONS; replication++) {
    const started = performance.now();
    const r = runReplication(compiled, { seed: 1, replication, horizon, warmup: DAY });
    if (replication > 0) {
      after += performance.now() - started;
      customersAfter += r.arrivals;
    }
  }
  process.stdout.write(`${JSON.stringify({ perSecond: customersAfter / (after / 1000) })}\n`);
  process.exit(0);
}
const started = performance.now();
const cpu = process.cpuUsage();
const r = await simulate(m, {
  replications: REPLICATIONS,
  horizon,
  warmup: DAY,
  seed: 1,
  workers: Number(workers),
});
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
process.stdout.write(
  `${JSON.stringify({ perSecond: r.work.customers / seconds, cores: (used.user + used.system) / 1e6 / seconds })}\n`,
);
