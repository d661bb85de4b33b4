/** The built engine's replications, as bench/instructions.mjs and instructions-by-function.mjs count them. */

/**
 * The script, for `node --input-type=module -e`, that runs `reps` replications of about `n`
 * customers of `spec` with the built engine under `root` (dist/) and prints the customers they
 * simulated. Its arguments are the model (`mmc:<lambda/min>:<mu/min>:<c>` or an example's file
 * name), the customers a replication aims at and the replications.
 */
export const engineScript = (root) => `
import { readFileSync } from 'node:fs';
const [spec, n, reps] = process.argv.slice(1);
const { load, parse } = await import('${root}dist/model/load.js');
const { compileModel } = await import('${root}dist/simulation/compile.js');
const { runReplication } = await import('${root}dist/simulation/replication.js');
const { raiseInliningBudget } = await import('${root}dist/simulation/inlining-budget.js');
raiseInliningBudget();
let model;
if (spec.startsWith('mmc:')) {
  const [lambda, mu, c] = spec.slice(4).split(':').map(Number);
  const text = readFileSync('${root}examples/mmc.yaml', 'utf8')
    .replace('rate: 100/h', 'rate: ' + lambda + '/min')
    .replace('capacity: 10', 'capacity: ' + c)
    .replace('duration: exp(5 min)', 'duration: exp(' + 60 / mu + ' s)');
  model = parse(text, { file: '${root}examples/mmc-bench.yaml' }).model;
} else model = load('${root}examples/' + spec).model;
const perSecond = model.segments.reduce((sum, s) => sum + (s.arrivals?.rate ?? 0), 0);
const m = compileModel(model);
const horizon = Math.round(Number(n) / perSecond) + 86400;
let arrivals = 0;
for (let r = 0; r < Number(reps); r++)
  arrivals += runReplication(m, { seed: 1, replication: r, horizon, warmup: 86400 }).arrivals;
process.stdout.write(String(arrivals));
`;
