/**
 * One measurement of the yardstick (bench/bare-mmc.ts) for the simulator bench, in a process of
 * its own like the simulator's (bench/simulate-once.mjs):
 *
 *   node --import tsx bench/bare-once.ts <lambda/min> <mu/min> <c> <customers>
 *
 * Prints one line of JSON: customers per second. V8's inlining budget is raised as for the
 * simulator (src/simulation/inlining-budget.ts), so that both run under the same flags.
 */
import { raiseInliningBudget } from '../src/simulation/inlining-budget.js';
import { bareMmc } from './bare-mmc.js';

raiseInliningBudget();

const [lambda, mu, c, customers] = process.argv.slice(2).map(Number) as [number, number, number, number];
const started = performance.now();
const r = bareMmc(lambda, mu, c, customers);
process.stdout.write(
  `${JSON.stringify({ perSecond: r.customers / ((performance.now() - started) / 1000) })}\n`,
);
