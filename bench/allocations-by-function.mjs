/**
 * What a simulated customer allocates, by the function V8 allocated it in: the garbage that
 * numbers boxed between functions leave, which the instruction counts (instructions-by-function.mjs)
 * do not show and the young generation's collections pay for.
 *
 *   node bench/allocations-by-function.mjs [model] [customers]
 *
 * The model and customers are instructions-by-function.mjs's (M/M/1 at 0.8 and 300,000-customer
 * replications by default; an example's file name, or `mmc:<lambda/min>:<mu/min>:<c>`). The built
 * engine (dist/) runs three replications to compile, then three more under V8's sampling heap
 * profiler, counting objects the young generation collected too. The figures are bytes per
 * customer of those three, by the function at the top of the stack (inlined functions are their
 * own frames), from samples every 4 KiB: good to a byte or two a customer.
 */
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/`;
const { load, parse } = await import(`${dist}model/load.js`);
const { compileModel } = await import(`${dist}simulation/compile.js`);
const { runReplication } = await import(`${dist}simulation/replication.js`);
const { raiseInliningBudget } = await import(`${dist}simulation/inlining-budget.js`);

const [spec = 'mmc:0.8:1:1', customersArg = '300000'] = process.argv.slice(2);
const TOP = 15;

function model() {
  if (!spec.startsWith('mmc:')) return load(`${root}examples/${spec}`).model;
  const [lambda, mu, c] = spec.slice(4).split(':').map(Number);
  const text = readFileSync(`${root}examples/mmc.yaml`, 'utf8')
    .replace('rate: 100/h', `rate: ${lambda}/min`)
    .replace('capacity: 10', `capacity: ${c}`)
    .replace('duration: exp(5 min)', `duration: exp(${60 / mu} s)`);
  return parse(text, { file: `${root}examples/mmc-bench.yaml` }).model;
}

raiseInliningBudget();
const source = model();
const m = compileModel(source);
const perSecond = source.segments.reduce((sum, s) => sum + (s.arrivals?.rate ?? 0), 0);
const horizon = Math.round(Number(customersArg) / perSecond) + 86400;
const run = (r) => runReplication(m, { seed: 1, replication: r, horizon, warmup: 86400 }).arrivals;
for (let r = 0; r < 3; r++) run(r);

const session = new Session();
session.connect();
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 4096,
  includeObjectsCollectedByMinorGC: true,
  includeObjectsCollectedByMajorGC: true,
});
let customers = 0;
for (let r = 3; r < 6; r++) customers += run(r);
const { profile } = await session.post('HeapProfiler.stopSampling');
session.disconnect();

const bytes = new Map();
const visit = (node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = `${functionName || '(anonymous)'} (${url.replace(/^.*\/dist\//, '')}:${lineNumber + 1})`;
  if (node.selfSize > 0) bytes.set(where, (bytes.get(where) ?? 0) + node.selfSize);
  for (const child of node.children) visit(child);
};
visit(profile.head);
const total = [...bytes.values()].reduce((a, b) => a + b, 0);
process.stdout.write(
  `${spec}: ${customers.toLocaleString('en')} customers in 3 replications; ${(total / customers).toFixed(1)} bytes allocated per customer\n\n`,
);
for (const [where, n] of [...bytes.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP))
  process.stdout.write(`${(n / customers).toFixed(1).padStart(8)}  ${where}\n`);
