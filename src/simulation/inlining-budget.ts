/**
 * How much code V8 may inline into one optimized function, raised for the simulator's long runs.
 * A customer's walk through a replication is many small functions (arrive, enter, the draws, the
 * tallies), each small enough to inline, but V8's budget for one optimized function (920 bytes of
 * bytecode by default) ran out a third of the way along it: the rest were calls, each passing its
 * times as boxed numbers (about 190 bytes of garbage a customer). With 4,000 the walk is inlined
 * whole: once warm, M/M/c 20% and order-departments 8 to 14% faster per customer; raising it
 * further gained nothing more. Inlining changes no result: JavaScript's arithmetic is the same
 * inlined or not.
 *
 * The price is compiling: the larger functions take 40 to 60 ms each to compile, again after each
 * deoptimization, and the first two replications of order-departments took twice the compiling
 * time (1.4 s of it against 0.7 s). On a thread of its own, with a core free to compile on, that
 * is paid back at once (one worker: M/M/c 5 to 13% faster at a million customers, the departments
 * example even at 0.95 million); with every core simulating it is not, until the run is long: the
 * CLI's default run of order-departments (0.95 million customers, two workers on two cores) took
 * 1.21 s instead of 0.99 s, and two workers came out even at 4.8 million. So the budget is raised
 * for a run on fewer threads than cores, or of LONG_RUN customers a thread and more.
 *
 * The flag is the process's (worker threads share it) and V8 reads it each time it optimizes a
 * function, so it is raised before a run's first replication; once raised it stays so.
 */
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';

const INLINING_BUDGET = 4000;
/** Customers a thread from which a run on every core raises the budget too. */
export const LONG_RUN = 2_000_000;

let raised = false;

/** Whether a run of about `customers` on `threads` threads, on a machine of `cores`, is worth the budget. */
export function widerInliningPays(customers: number, threads: number, cores: number): boolean {
  return threads < cores || customers / threads >= LONG_RUN;
}

export function raiseInliningBudget(): void {
  if (raised) return;
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINING_BUDGET}`);
  raised = true;
}

/** Raises the budget when a run of about `customers` on `threads` threads is worth it here. */
export function inliningFor(customers: number, threads: number): void {
  if (widerInliningPays(customers, threads, availableParallelism())) raiseInliningBudget();
}
