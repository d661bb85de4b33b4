/**
 * The journey map: stages as columns and, for each step in the customer's order, rows for what
 * the customer does, the touchpoint and channel, the emotion curve and the pain points (fail
 * points, waits, high effort). A grid by rule: a journey map is read left to right, one step
 * after another, so it needs no graph layout.
 */
import { meanOf } from '../model/distribution.js';
import type { Model, Step } from '../model/model.js';
import { successors } from '../model/reachability.js';
import { formatDuration } from '../model/units.js';
import { badgesOf, reachBySegment, segmentsShown, type ViewOptions } from './customer-lanes.js';
import type { Box, Column, Diagram, Lane } from './diagram.js';
import { BOX } from './swimlanes.js';
import { wrap } from './text.js';

const LEFT = 16 + 170;
const GAP = 16;
const TOP = 16 + 44 + 30;
const EMOTION_HEIGHT = 120;

/** Steps in the order a customer meets them: by stage, then by distance from the start, then as written. */
export function journeyOrder(model: Model, options: ViewOptions): Step[] {
  const segments = segmentsShown(model, options);
  const reach = reachBySegment(model, segments);
  const depth = new Map<string, number>();
  const byId = new Map(model.steps.map((s) => [s.id, s]));
  const queue = segments.flatMap((s) => (model.start[s] ?? []).filter((b) => b.p > 0).map((b) => b.to));
  for (const id of queue) depth.set(id, 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string;
    const step = byId.get(id);
    if (!step) continue;
    for (const next of segments.flatMap((s) => successors(step, s))) {
      if (!depth.has(next)) {
        depth.set(next, (depth.get(id) ?? 0) + 1);
        queue.push(next);
      }
    }
  }
  const stageIndex = new Map(model.stages.map((s, i) => [s.id, i]));
  const written = new Map(model.steps.map((s, i) => [s.id, i]));
  return model.steps
    .filter((s) => reach.has(s.id))
    .sort(
      (a, b) =>
        (stageIndex.get(a.stage) ?? 0) - (stageIndex.get(b.stage) ?? 0) ||
        (depth.get(a.id) ?? 0) - (depth.get(b.id) ?? 0) ||
        (written.get(a.id) ?? 0) - (written.get(b.id) ?? 0),
    );
}

export function journeyMap(model: Model, options: ViewOptions): Diagram {
  const steps = journeyOrder(model, options);
  const roles = new Map(
    model.organization.departments.flatMap((d) => d.roles.map((r) => [r.id, r.name] as const)),
  );
  const systems = new Map(model.organization.systems.map((s) => [s.id, s.name]));
  const channels = new Map(model.channels.map((c) => [c.id, c.name]));
  const x = (i: number) => LEFT + GAP + i * (BOX.width + GAP);

  const rows: {
    lane: Omit<Lane, 'y' | 'height'>;
    cells: (step: Step) => { text: string; kind: Box['kind']; caption?: string } | undefined;
    fixed?: number;
  }[] = [
    {
      lane: { id: 'actions', label: 'Customer actions', group: 'customer' },
      cells: (s) => ({ text: s.name, kind: 'step' }),
    },
    {
      lane: { id: 'touchpoints', label: 'Touchpoints', group: 'frontstage' },
      cells: (s) => {
        const who = s.role ? roles.get(s.role) : s.system ? systems.get(s.system) : undefined;
        return s.touchpoint || who
          ? { text: s.touchpoint ?? (who as string), kind: 'touchpoint' }
          : { text: 'Self-service', kind: 'touchpoint' };
      },
    },
    {
      lane: { id: 'channels', label: 'Channels', group: 'frontstage' },
      cells: (s) => (s.channel ? { text: channels.get(s.channel) ?? s.channel, kind: 'channel' } : undefined),
    },
    {
      lane: { id: 'emotion', label: 'Emotion (-2 to +2)', group: 'emotion' },
      cells: () => undefined,
      fixed: EMOTION_HEIGHT,
    },
    { lane: { id: 'pain', label: 'Pain points', group: 'pain' }, cells: (s) => pain(s) },
  ];

  const lanes: Lane[] = [];
  const boxes: Box[] = [];
  let y = TOP;
  for (const row of rows) {
    const cells = steps.map((s) => ({ step: s, cell: row.cells(s) }));
    const wrapped = cells.map(({ cell }) =>
      cell ? wrap(cell.text, BOX.width - 2 * BOX.padding, BOX.font, 6) : [],
    );
    const inner =
      row.fixed ??
      Math.max(BOX.minHeight, ...wrapped.map((l) => 2 * BOX.padding + l.length * BOX.lineHeight));
    const boxTop = y + 12;
    for (const [i, { step, cell }] of cells.entries()) {
      if (!cell) continue;
      boxes.push({
        id: `${row.lane.id}:${step.id}`,
        kind: cell.kind,
        ref: step.id,
        lane: row.lane.id,
        column: step.stage,
        x: x(i),
        y: boxTop,
        width: BOX.width,
        height: inner,
        lines: wrapped[i] ?? [],
        title: cell.text,
        badges: row.lane.id === 'actions' ? badgesOf(step) : [],
        tags: [],
      });
    }
    lanes.push({ ...row.lane, y, height: inner + 24 });
    y += inner + 24;
  }

  const emotionLane = lanes.find((l) => l.id === 'emotion') as Lane;
  const emotionY = (e: number) => emotionLane.y + 12 + ((2 - e) / 4) * EMOTION_HEIGHT;
  const points = steps.flatMap((s, i): [number, number][] =>
    s.emotion === undefined ? [] : [[x(i) + BOX.width / 2, emotionY(s.emotion)]],
  );

  const columns: Column[] = [];
  for (const stage of model.stages) {
    const indices = steps.flatMap((s, i) => (s.stage === stage.id ? [i] : []));
    if (indices.length === 0) continue;
    const first = Math.min(...indices);
    const last = Math.max(...indices);
    columns.push({
      id: stage.id,
      label: stage.name,
      x: x(first) - GAP / 2,
      width: (last - first + 1) * (BOX.width + GAP),
    });
  }
  const width = x(steps.length) + 16;
  const scope = [
    model.scenario ? `scenario: ${model.scenario.name}` : '',
    options.segment ? `segment: ${model.segments.find((s) => s.id === options.segment)?.name}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return {
    view: 'journey',
    title: `${model.name}: journey map${scope ? ` (${scope})` : ''}`,
    description: `Journey map of ${model.name}: ${steps.length} steps in ${columns.length} stages, with the emotion curve and ${boxes.filter((b) => b.kind === 'pain').length} pain points.`,
    width,
    height: y + 16,
    lanes,
    columns,
    lines: [],
    boxes,
    edges: [],
    guides: [2, 1, 0, -1, -2].map((e) => ({
      y: emotionY(e),
      x1: LEFT + 4,
      x2: width - 16,
      label: e > 0 ? `+${e}` : String(e),
    })),
    curves: points.length
      ? [
          {
            id: 'emotion',
            label: 'Emotion curve: how the customer feels at each step, from -2 to +2',
            points,
          },
        ]
      : [],
  };
}

function pain(step: Step): { text: string; kind: Box['kind'] } | undefined {
  const items: string[] = [];
  if (step.fail)
    items.push(
      `Fails ${Number((step.fail.p * 100).toFixed(1))}%${step.fail.cause ? `: ${step.fail.cause}` : ''}`,
    );
  if (step.wait && !step.wait.addsValue) items.push(`Waits ${formatDuration(meanOf(step.wait.duration))}`);
  if ((step.effort ?? 0) >= 4) items.push(`High effort (${step.effort}/5)`);
  if ((step.emotion ?? 0) <= -1) items.push('Negative emotion');
  return items.length ? { text: items.join('. '), kind: 'pain' } : undefined;
}
