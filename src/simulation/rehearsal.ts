/**
 * A rehearsal: a short replication, run and thrown away before each thread's first real one when
 * a simulation runs on more than one thread (this one and its workers), or on one thread for a
 * run long enough to pay for it (REHEARSAL_PAYS_ALONE). V8 optimizes the engine's functions while
 * the first replication is in its warm-up, before any customer is counted, the horizon reached or
 * the journey drained; each of those paths met for the first time then throws the optimized code
 * away and compiles it again. With every core simulating the compiling takes turns with the
 * simulation; with one thread it runs on the idle core, but the loop runs interpreted until the
 * new code is in. The rehearsal meets those paths while the code is still interpreted, so it is
 * optimized once: two workers ran 4 to 6% faster on runs of 0.6 and 1.2 million customers
 * (order-departments); one thread 20% faster at 0.1 million and 6% at 1.2 million, and as fast at
 * 20,000 (its rehearsal then costs what it saves). Its results are dropped and it shares no state
 * with the real replications: the results stay byte for byte the same, on any number of threads.
 */
import { arrivalsPerSecond } from './arrivals-per-second.js';
import type { CompiledModel } from './compile.js';
import { runReplication } from './replication.js';

/** Arrivals a rehearsal aims at: enough to take every path, few enough to cost milliseconds. */
export const REHEARSAL_ARRIVALS = 2000;
/** Customers from which a run on one thread rehearses first: below, the rehearsal costs what it saves. */
export const REHEARSAL_PAYS_ALONE = 10 * REHEARSAL_ARRIVALS;
/** The longest rehearsal: a day of arrivals, for models whose customers come a few an hour. */
const DAY = 86400;

/** Rehearses model m; the arrivals it took (none for a model without arrivals). */
export function rehearse(m: CompiledModel): number {
  const perSecond = arrivalsPerSecond(m);
  if (perSecond <= 0) return 0;
  const horizon = Math.min(DAY, REHEARSAL_ARRIVALS / perSecond);
  return runReplication(m, { horizon, warmup: horizon / 2, seed: 0, replication: 0 }).arrivals;
}

/** Whether a run of about `customers` on `threads` threads rehearses before its replications. */
export const rehearses = (customers: number, threads: number): boolean =>
  threads > 1 || customers >= REHEARSAL_PAYS_ALONE;
