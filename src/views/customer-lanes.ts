/**
 * What every swimlane view shares: which steps the shown segments reach, the customer lanes
 * (one per set of segments that take a step, so that segments with their own paths get their
 * own lanes and shared steps are drawn once), the customer's boxes with their fail, wait and
 * moment-of-truth badges, the flows with their probabilities, and the start and end markers.
 */

import { meanOf } from '../model/distribution.js';
import type { Flow, Model, Step } from '../model/model.js';
import { successors } from '../model/reachability.js';
import { formatDuration } from '../model/units.js';
import type { Badge } from './diagram.js';
import { type Focus, focusSteps } from './focus.js';
import type { EdgeSpec, LaneSpec, NodeSpec, StackSpec } from './swimlanes.js';

export interface ViewOptions {
  /** Show only this segment's journey. */
  segment?: string;
  /** One customer lane for all segments. */
  mergeSegments?: boolean;
  /** The role or department of the role view. */
  role?: string;
  /** Pixels kept free right of every box (for BPMN gateways). */
  leaveRoom?: number;
  /** Draw part of the model (swimlane views): see focus.ts. */
  focus?: Focus;
  /** The journey map's steps, in order (default: the segment's most likely path). */
  path?: string[];
}

export interface CustomerPart {
  steps: Step[];
  /** Segment ids that reach each shown step or end. */
  reach: Map<string, string[]>;
  lanes: LaneSpec[];
  laneOf: (id: string) => string;
  nodes: NodeSpec[];
  stacks: StackSpec[];
  edges: EdgeSpec[];
  columns: { id: string; label: string }[];
  /** What the segment codes in edge labels stand for. */
  legend: string;
}

export const START_COLUMN = '(start)';
export const stepBox = (id: string) => `step:${id}`;
export const endBox = (id: string, from: string) => `end:${id}@${from}`;

const percent = (p: number) => `${Number((p * 100).toFixed(1))}%`;

export function segmentsShown(model: Model, options: ViewOptions): string[] {
  return options.segment ? [options.segment] : model.segments.map((s) => s.id);
}

/** Segments that reach each step and end, walking only branches that carry probability. */
export function reachBySegment(model: Model, segments: string[]): Map<string, string[]> {
  const byId = new Map(model.steps.map((s) => [s.id, s]));
  const reach = new Map<string, string[]>();
  for (const segment of segments) {
    const queue = (model.start[segment] ?? []).filter((b) => b.p > 0).map((b) => b.to);
    const seen = new Set(queue);
    while (queue.length > 0) {
      const id = queue.pop() as string;
      reach.set(id, [...(reach.get(id) ?? []), segment]);
      const step = byId.get(id);
      if (!step) continue;
      for (const next of successors(step, segment)) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
  }
  return reach;
}

export function customerPart(
  model: Model,
  options: ViewOptions,
  include: (step: Step) => boolean = () => true,
): CustomerPart {
  const segments = segmentsShown(model, options);
  const reach = reachBySegment(model, segments);
  const focus = focusSteps(model, options);
  const steps = model.steps.filter((s) => reach.has(s.id) && include(s) && (focus?.has(s.id) ?? true));
  const names = new Map(model.segments.map((s) => [s.id, s.name]));
  const order = new Map(model.segments.map((s, i) => [s.id, i]));
  const merged = options.mergeSegments || segments.length === 1;
  const laneKey = (segs: string[]) =>
    merged
      ? 'customer'
      : `customer:${[...segs].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)).join('+')}`;
  const laneOf = (id: string) => laneKey(reach.get(id) ?? segments);
  const laneSegs = new Map<string, string[]>();
  for (const id of [...steps.map((s) => s.id), ...model.ends.map((e) => e.id)]) {
    if (reach.has(id)) laneSegs.set(laneOf(id), reach.get(id) ?? []);
  }
  const lanes: LaneSpec[] = [...laneSegs.entries()]
    .sort(
      ([, a], [, b]) =>
        Math.min(...a.map((s) => order.get(s) ?? 0)) - Math.min(...b.map((s) => order.get(s) ?? 0)) ||
        a.length - b.length,
    )
    .map(([id, segs]) => ({
      id,
      group: 'customer',
      label: merged
        ? segments.length === 1
          ? `Customer: ${names.get(segments[0] ?? '') ?? ''}`
          : 'Customer'
        : segs.map((s) => names.get(s) ?? s).join(' & '),
    }));

  const channelName = new Map(model.channels.map((c) => [c.id, c.name]));
  const nodes: NodeSpec[] = steps.map((step) => ({
    id: stepBox(step.id),
    kind: 'step',
    ref: step.id,
    lane: laneOf(step.id),
    text: step.name,
    ...(step.channel ? { caption: channelName.get(step.channel) ?? step.channel } : {}),
    badges: badgesOf(step),
    tags: [],
  }));
  const stacks: StackSpec[] = steps.map((step) => ({
    id: step.id,
    column: step.stage,
    nodes: [stepBox(step.id)],
  }));
  const stackOf = new Map(stacks.map((s) => [s.id, s]));
  const endById = new Map(model.ends.map((e) => [e.id, e]));
  const codes = segmentCodes(model);

  const shownIds = new Set(steps.map((s) => s.id));
  const edges: EdgeSpec[] = [];
  /** Draws a flow's branches that carry probability for a shown segment; `weight` is the chance the flow is taken at all. */
  const addFlows = (fromId: string, flow: Flow, kind: EdgeSpec['kind'], prefix: string, weight: number) => {
    const bySegment = new Map<string, Map<string, number>>();
    if (weight <= 0) return;
    const reaching = segments.filter((s) => (reach.get(fromId) ?? segments).includes(s));
    for (const segment of reaching) {
      for (const b of flow[segment] ?? []) {
        if (b.p <= 0) continue;
        const perTarget = bySegment.get(b.to) ?? new Map<string, number>();
        perTarget.set(segment, b.p);
        bySegment.set(b.to, perTarget);
      }
    }
    for (const [to, perSegment] of bySegment) {
      const end = endById.get(to);
      if (!end && !shownIds.has(to)) continue;
      const values = [...perSegment.values()];
      // One figure only when every segment that reaches the step takes the branch alike: a branch
      // of some segments names them, or "90%" would read as everyone's.
      const same = perSegment.size === reaching.length && values.every((v) => v === values[0]);
      const label = same
        ? values[0] === 1
          ? undefined
          : percent(values[0] ?? 0)
        : // A line per segment: a label as narrow as one figure, which keeps the gutters narrow.
          [...perSegment].map(([s, p]) => `${codes.get(s) ?? s} ${percent(p)}`).join('\n');
      const from = fromId.startsWith('start:') ? fromId : stepBox(fromId);
      let target = stepBox(to);
      // Ends are drawn where the journey ends, under the step that leads there, not in one far column.
      if (end) {
        target = endBox(to, fromId);
        if (!nodes.some((n) => n.id === target)) {
          nodes.push({
            id: target,
            kind: 'end',
            ref: end.id,
            lane: laneOf(fromId),
            text: end.name,
            badges: [],
            tags: [end.outcome],
          });
          stackOf.get(fromId)?.nodes.push(target);
        }
      }
      edges.push({ id: `${prefix}:${fromId}>${to}`, kind, from, to: target, ...(label ? { label } : {}) });
    }
  };

  for (const step of steps) {
    addFlows(step.id, step.next, 'flow', 'flow', 1 - (step.fail?.p ?? 0));
    if (step.fail) addFlows(step.id, step.fail.next, 'failure', 'fail', step.fail.p);
  }
  // One start marker per customer lane that its segments start from.
  const starts = new Map<string, string[]>();
  for (const segment of segments) {
    for (const b of model.start[segment] ?? []) {
      if (b.p <= 0 || !shownIds.has(b.to)) continue;
      const lane = laneOf(b.to);
      starts.set(lane, [...new Set([...(starts.get(lane) ?? []), segment])]);
    }
  }
  for (const [lane, segs] of starts) {
    const id = `start:${lane}`;
    nodes.push({ id, kind: 'start', ref: 'start', lane, text: 'Start', badges: [], tags: [] });
    stacks.push({ id, column: START_COLUMN, nodes: [id] });
    const flow: Flow = Object.fromEntries(
      segs.map((s) => [s, (model.start[s] ?? []).filter((b) => laneOf(b.to) === lane)]),
    );
    addFlows(id, flow, 'start', 'start', 1);
  }
  const columns = [
    { id: START_COLUMN, label: '' },
    ...model.stages.map((s) => ({ id: s.id, label: s.name })),
  ];
  const legend =
    segments.length > 1 ? segments.map((s) => `${codes.get(s)} = ${names.get(s)}`).join(', ') : '';
  return { steps, reach, lanes, laneOf, nodes, stacks, edges, columns, legend };
}

/**
 * Short codes for segments in edge labels ("C 40% B 6%"): the initials of the id's words,
 * lengthened until they are unique.
 */
export function segmentCodes(model: Model): Map<string, string> {
  const codes = new Map<string, string>();
  for (let length = 1; length <= 8; length++) {
    codes.clear();
    for (const s of model.segments) {
      const words = s.id.split(/[-_]/).filter(Boolean);
      codes.set(
        s.id,
        words
          .map((w, i) => (i === 0 ? w.slice(0, length) : w.slice(0, 1)))
          .join('')
          .toUpperCase(),
      );
    }
    if (new Set(codes.values()).size === codes.size) return codes;
  }
  return new Map(model.segments.map((s) => [s.id, s.id]));
}

export function badgesOf(step: Step): Badge[] {
  const badges: Badge[] = [];
  if (step.fail) {
    badges.push({
      kind: 'fail',
      text: `F ${percent(step.fail.p)}`,
      title: `Fail point: fails for ${percent(step.fail.p)} of customers (severity ${step.fail.severity} of 5)${step.fail.cause ? `: ${step.fail.cause}` : ''}`,
    });
  }
  if (step.wait) {
    const mean = formatDuration(meanOf(step.wait.duration));
    badges.push({
      kind: 'wait',
      text: `W ${mean}`,
      title: `Wait point: the customer waits ${mean} on average${step.wait.reason ? ` (${step.wait.reason})` : ''}`,
    });
  }
  if (step.momentOfTruth) badges.push({ kind: 'moment', text: '★', title: 'Moment of truth' });
  return badges;
}

/** Connects a stack's boxes top to bottom (by lane order) with the vertical lines of interaction. */
export function interactionEdges(
  stack: StackSpec,
  laneIndex: Map<string, number>,
  laneOfNode: Map<string, string>,
): EdgeSpec[] {
  const sorted = stack.nodes
    .filter((id) => !id.startsWith('end:'))
    .sort(
      (a, b) => (laneIndex.get(laneOfNode.get(a) ?? '') ?? 0) - (laneIndex.get(laneOfNode.get(b) ?? '') ?? 0),
    );
  return sorted.slice(1).map((id, i) => ({
    id: `link:${sorted[i]}>${id}`,
    kind: 'interaction',
    from: sorted[i] as string,
    to: id,
  }));
}
