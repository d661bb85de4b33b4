/**
 * The walks through the journey's gateways and events: from a node, the steps and ends reached
 * with their probabilities, for all customers and, where the file gives per-segment shares, for
 * each segment; and a step's `next` in the model file's form.
 */
import { gatewayWalk, type Share } from '../gateway-walk.js';
import type { Element } from '../moddle.js';
import type { JourneyContext } from './context.js';
import type { Ends } from './ends.js';
import { edgesOf, isJourneyEnd } from './flow.js';
import type { JourneyNodes } from './journey-nodes.js';
import { shown } from './labels.js';
import { branchShares } from './probabilities.js';

export type Walk = (from: Element) => Map<string, Share>;

export interface Walks {
  walk: Walk;
  /** Each segment's own walk, when the file gives per-segment shares (else none). */
  perSegment: (readonly [string, Walk])[];
  /** A node's ways on as a model's `next`: per segment where the segments differ. */
  nextOf(node: Element): unknown;
}

export function journeyWalks(
  ctx: JourneyContext,
  nodes: JourneyNodes,
  ends: Ends,
  segments: string[],
): Walks {
  const { graph, elements, interchange, scope, warnOnce } = ctx;
  const terms = { graph, isStep: nodes.isStep, boundaries: nodes.boundaries, flatten: scope.flatten };
  const edges = edgesOf(terms);
  const walkFor = (segment: string | undefined) =>
    gatewayWalk({
      edgesOf: edges,
      sharesOf: (node, out) => branchShares(node, out, { interchange, segment, warnOnce }),
      isStep: nodes.isStep,
      isEnd: isJourneyEnd(terms),
      stepId: nodes.stepIdOf,
      endId: ends.end,
      done: ends.done,
      warn: (m) => warnOnce(m, m),
      shown,
    });
  const walk = walkFor(undefined);
  const hasShares = elements.some((e) =>
    graph.outgoing(e).some((f) => interchange.shares(String(f.id)) !== undefined),
  );
  const perSegment = hasShares ? segments.map((id) => [id, walkFor(id)] as const) : [];
  const parallel = elements.find((e) => e.$type === 'bpmn:ParallelGateway' && graph.outgoing(e).length > 1);
  if (parallel)
    ctx.warn(
      `parallel split at '${shown(parallel)}' is read as a choice: a customer walks one path at a time`,
    );
  const nextOf = (node: Element): unknown => {
    const common = flowData(walk(node));
    if (perSegment.length === 0) return common;
    const bySegment = Object.fromEntries(perSegment.map(([id, w]) => [id, flowData(w(node))]));
    return sameForAll(common, Object.values(bySegment)) ? common : bySegment;
  };
  return { walk, perSegment, nextOf };
}

/** Every segment's flow is the common one: the model says it once. */
export function sameForAll(common: unknown, each: unknown[]): boolean {
  const text = JSON.stringify(common);
  return each.every((f) => JSON.stringify(f) === text);
}

/** A walk's result as a model's `next`: one id, or the branches with their probabilities and labels. */
export function flowData(reached: Map<string, Share>): unknown {
  // A way this segment never takes (0 in the file) is no way on for it.
  const taken = [...reached].filter(([, s]) => s.p > 0);
  const branches = (taken.length > 0 ? taken : [...reached]).map(([to, s]) =>
    s.label === undefined ? { to, p: s.p } : { to, p: s.p, label: s.label },
  );
  return branches.length === 1 ? branches[0]?.to : branches;
}
