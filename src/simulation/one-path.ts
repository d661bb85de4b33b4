/**
 * Whether every customer of a segment takes the same path through the model: one way to start,
 * one way on from every step, no failure and no patience. The engine's sums can then take the
 * customers' counts in runs (customer-tally.ts, `alike`): single queues, as `linesight staff`
 * simulates them many times over, are such models. A hint, not a promise the results rest on: a
 * customer who ends otherwise (a line closed, say) starts a run of their own.
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
