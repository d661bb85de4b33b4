/**
 * Where the journey starts: the start events' ways on, or (with no start event) the nodes nothing
 * leads to; each start takes the share of a segment's customers the file says, else an even one.
 */
import { fewOf } from '../../model/clip.js';
import type { Share } from '../gateway-walk.js';
import type { Element } from '../moddle.js';
import type { JourneyContext } from './context.js';
import { children, isActivity, isEventSubProcess } from './graph.js';
import type { JourneyNodes } from './journey-nodes.js';
import { shown } from './labels.js';
import { allLanes } from './organization.js';
import { flowTargets } from './reach.js';
import { flowData, sameForAll, type Walk, type Walks } from './walks.js';

export interface Start {
  /** The start events (arrivals may be given at them). */
  starts: Element[];
  /** The steps the start leads to, for any segment. */
  targets: string[];
  /** The model's `start`: per segment where the segments differ. */
  start: unknown;
}

export function readStart(ctx: JourneyContext, nodes: JourneyNodes, walks: Walks, segments: string[]): Start {
  const { starts, roots } = startNodes(ctx);
  const said = roots.map((r) => ctx.interchange.shares(String(r.id)));
  const byLane = said.some((x) => x !== undefined) ? undefined : laneShares(ctx, roots, segments);
  const startShares = byLane ?? said;
  const startsSaid = startShares.some((x) => x !== undefined);
  if (byLane)
    ctx.warn(
      `each segment starts at the start events in its lane (${roots.map((r) => `'${shown(r)}'`).join(', ')})`,
    );
  else if (roots.length > 1 && !startsSaid)
    ctx.warn(`${roots.length} starts: each takes an even share of the customers`);
  const entryFor = (segment: string | undefined, walker: Walk) => {
    const entry = new Map<string, Share>();
    const add = (id: string, p: number, label?: string) => {
      const before = entry.get(id);
      entry.set(id, { p: (before?.p ?? 0) + p, label: before?.label ?? label });
    };
    roots.forEach((s, i) => {
      const weight =
        startsSaid && segment !== undefined ? (startShares[i]?.[segment] ?? 0) : 1 / roots.length;
      if (weight <= 0) return;
      if (nodes.isStep(s)) add(nodes.stepIdOf(s), weight);
      else for (const [id, { p, label }] of walker(s)) add(id, p * weight, label);
    });
    return entry;
  };
  const entry = entryFor(undefined, walks.walk);
  const first = nodes.stepNodes[0];
  if (entry.size === 0 && first) entry.set(nodes.stepIdOf(first), { p: 1 });
  const bySegment =
    startsSaid || walks.perSegment.length > 0
      ? segments.map((id) => {
          const walker = walks.perSegment.find(([s]) => s === id)?.[1] ?? walks.walk;
          return [id, flowData(entryFor(id, walker))] as const;
        })
      : [];
  const common = flowData(entry);
  const same =
    bySegment.length === 0 ||
    sameForAll(
      common,
      bySegment.map(([, f]) => f),
    );
  return {
    starts,
    targets: [...entry.keys(), ...bySegment.flatMap(([, f]) => flowTargets(f))],
    start: same ? common : Object.fromEntries(bySegment),
  };
}

/**
 * With the customer pool's lanes as segments, a start event in a lane starts that lane's
 * segment; a segment whose lane has no start starts at all of them evenly.
 */
function laneShares(
  ctx: JourneyContext,
  roots: Element[],
  segments: string[],
): Record<string, number>[] | undefined {
  const { customer } = ctx.scope;
  const lanes = customer ? allLanes(customer.processRef as Element | undefined) : [];
  if (lanes.length <= 1 || roots.length <= 1) return undefined;
  const own = roots.map((r) => {
    const lane = lanes.find((l) => ((l.flowNodeRef as Element[] | undefined) ?? []).includes(r));
    return lane ? ctx.makeId(lane, 'segment') : undefined;
  });
  if (own.every((o) => o === undefined)) return undefined;
  return roots.map((_, i) =>
    Object.fromEntries(
      segments.map((segment) => {
        const mine = own.filter((o) => o === segment).length;
        return [segment, mine > 0 ? (own[i] === segment ? 1 / mine : 0) : 1 / roots.length];
      }),
    ),
  );
}

function startNodes(ctx: JourneyContext): { starts: Element[]; roots: Element[] } {
  const topLevel = children(ctx.scope.journeyProcess).filter((e) => !isEventSubProcess(e));
  const starts = topLevel.filter((f) => f.$type === 'bpmn:StartEvent');
  if (starts.length > 0) return { starts, roots: starts };
  const roots = topLevel.filter(
    (a) =>
      (isActivity(a) || a.$type.endsWith('Gateway') || a.$type.endsWith('Event')) &&
      a.$type !== 'bpmn:BoundaryEvent' &&
      ctx.graph.incoming(a).length === 0,
  );
  if (roots.length > 0)
    ctx.warn(
      `no start event: the journey starts at ${fewOf(roots.map((r) => `'${shown(r)}'`))}, which nothing leads to`,
    );
  return { starts, roots };
}
