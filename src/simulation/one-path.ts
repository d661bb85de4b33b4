/**
 * Whether every customer of a segment takes the same path through the model: one way to start,
 * one way on from every step, no failure and no patience. Such customers end with the same
 * contacts, calls, steps, effort and feelings, at the same end; only their times differ (a closed
 * line's callers give back the contact they could not make). The engine's sums then take their
 * counts from each segment's first customer (customer-tally.ts, `alike`): single queues, as
 * `linesight staff` simulates them many times over, are such models. Whatever new makes two such
 * customers' counts differ must end the path here too (one-path.test.ts holds the engine's sums
 * against the same journey tallied customer by customer).
 */
import { type CompiledModel, type FlowTable, ONE_OF_MANY } from './compile.js';

export function onePath(m: CompiledModel): boolean {
  const single = (t: FlowTable) => t.only.every((target) => target !== ONE_OF_MANY);
  return (
    single(m.start) &&
    single(m.next) &&
    m.failP.every((p) => p === 0) &&
    m.poolPatience.every((p) => p === null) &&
    m.segmentPatience.every((p) => p === null)
  );
}
