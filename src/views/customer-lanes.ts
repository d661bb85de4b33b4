/**
 * What every swimlane view shares: which steps the shown segments reach, the customer lanes
 * (one per set of segments that take a step, so that segments with their own paths get their
 * own lanes and shared steps are drawn once), the customer's boxes with their fail, wait and
 * moment-of-truth badges, the flows with their probabilities, and the start and end markers.
 */

import { listIn } from '../collections/list-in.js';
import { meanOf } from '../model/distribution.js';
import type { Flow, Model, Step } from '../model/model.js';
import { successors } from '../model/reachability.js';
import { formatDuration } from '../model/units.js';
import { percent } from '../text/percent.js';
import type { Badge } from './diagram.js';
import { type Focus, focusSteps } from './focus.js';
import { segmentLanes } from './segment-lanes.js';
import type { EdgeSpec, LaneSpec, NodeSpec, StackSpec } from './swimlane-spec.js';

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
  /** The stubs drawn where a flow leaves the shown steps: the stub's box, its step and the step left for. */
  stubs: { id: string; from: string; to: string }[];
}

/** How a view names the step a flow leaves its steps for, on the stub drawn at the flow's end. */
export type StubText = (step: Step) => { text: string; caption?: string };

export const START_COLUMN = '(start)';
export const stepBox = (id: string) => `step:${id}`;
export const endBox = (id: string, from: string) => `end:${id}@${from}`;
export const stubBox = (id: string, from: string) => `stub:${id}@${from}`;
/** Ends and stubs are where a flow stops in the drawing: no line of interaction runs to them. */
const isMarker = (id: string) => id.startsWith('end:') || id.startsWith('stub:');

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
      listIn(reach, id).push(segment);
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

/**
 * The customer's side of a swimlane view: the steps `include` keeps, in lanes by segment. A flow to
 * a step left out is dropped, or, given `stub`, drawn to a stub naming that step, so that the
 * branches out of every step drawn still add up.
 */
export function customerPart(
  model: Model,
  options: ViewOptions,
  include: (step: Step) => boolean = () => true,
  stub?: StubText,
): CustomerPart {
  const segments = segmentsShown(model, options);
  const reach = reachBySegment(model, segments);
  const focus = focusSteps(model, options);
  const steps = model.steps.filter((s) => reach.has(s.id) && include(s) && (focus?.has(s.id) ?? true));
  const names = new Map(model.segments.map((s) => [s.id, s.name]));
  const merged = options.mergeSegments || segments.length === 1;
  const ids = [...steps.map((s) => s.id), ...model.ends.map((e) => e.id)];
  const { lanes, laneOf } = segmentLanes(model, segments, reach, ids, merged);

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
  const byId = new Map(model.steps.map((s) => [s.id, s]));
  const edges: EdgeSpec[] = [];
  const stubs: CustomerPart['stubs'] = [];
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
      const left = !end && !shownIds.has(to) ? byId.get(to) : undefined;
      // The start is no step of the view: where else the journey starts is not its business.
      if (!end && !shownIds.has(to) && (!stub || !left || fromId.startsWith('start:'))) continue;
      // One figure is read as every segment's that both lanes hold (an end's or a stub's lane is its step's).
      const both = shownIds.has(to)
        ? reaching.filter((s) => (reach.get(to) ?? segments).includes(s))
        : reaching;
      const label = flowLabel(perSegment, codes, both);
      const from = fromId.startsWith('start:') ? fromId : stepBox(fromId);
      // Ends are drawn where the journey ends, under the step that leads there, not in one far column;
      // so are the stubs of the steps a view leaves out.
      const named = left && stub ? stub(left) : undefined;
      const target = end ? endBox(to, fromId) : named ? stubBox(to, fromId) : stepBox(to);
      if (target !== stepBox(to) && !nodes.some((n) => n.id === target)) {
        nodes.push({
          id: target,
          ref: to,
          lane: laneOf(fromId),
          badges: [],
          ...(end
            ? { kind: 'end', text: end.name, tags: [end.outcome] }
            : { kind: 'stub', text: '', ...named, tags: [] }),
        });
        stackOf.get(fromId)?.nodes.push(target);
        if (!end) stubs.push({ id: target, from: fromId, to });
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
      const list = listIn(starts, lane);
      if (!list.includes(segment)) list.push(segment);
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
    { id: START_COLUMN, label: 'Start' },
    ...model.stages.map((s) => ({ id: s.id, label: s.name })),
  ];
  const legend =
    segments.length > 1 ? segments.map((s) => `${codes.get(s)} = ${names.get(s)}`).join(', ') : '';
  return { steps, reach, lanes, laneOf, nodes, stacks, edges, columns, legend, stubs };
}

/**
 * A branch's label: its probability when every segment reaching its step takes it alike (none for
 * a sure one), else a line per segment that takes it, so that a branch of one segment is not read
 * as everyone's.
 */
function flowLabel(perSegment: Map<string, number>, codes: Map<string, string>, reaching: string[]) {
  const values = [...perSegment.values()];
  if (perSegment.size === reaching.length && values.every((v) => v === values[0]))
    return values[0] === 1 ? undefined : percent(values[0] ?? 0);
  // A line per segment: a label as narrow as one figure, which keeps the gutters narrow.
  return [...perSegment].map(([s, p]) => `${codes.get(s) ?? s} ${percent(p)}`).join('\n');
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
    .filter((id) => !isMarker(id))
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
