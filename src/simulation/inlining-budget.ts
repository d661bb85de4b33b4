/**
 * How much code V8 may inline into one optimized function, raised for the simulator. A customer's
 * walk through a replication is many small functions (arrive, enter, the draws, the tallies), each
 * small enough to inline, but V8's budget for one optimized function (920 bytes of bytecode by
 * default) ran out a third of the way along it: the rest were calls, each passing its times as
 * boxed numbers (about 190 bytes of garbage a customer). With 4,000 the walk is inlined whole:
 * M/M/c 20% and order-departments 14% faster, measured in bench/simulate.bench.ts; raising it
 * further gained nothing more. Inlining changes no result: JavaScript's arithmetic is the same
 * inlined or not.
 *
 * The flag is the process's (worker threads share it), read by V8 each time it optimizes a
 * function, so it is raised as the first replication starts, before any of the simulator is hot:
 * not as linesight starts, since short commands (a render, an analysis) compiled more for it and
 * took 5 to 10% longer.
 */
import { setFlagsFromString } from 'node:v8';

export const INLINING_BUDGET = 4000;

let raised = false;

export function raiseInliningBudget(): void {
  if (raised) return;
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINING_BUDGET}`);
  raised = true;
}
