/**
 * The swimlane layout shared by the blueprint, entity, role and end-to-end views.
 *
 *   columns (swimlane-columns.ts): a column per position along the journey, alternatives stacked
 *     in it, ordered for few crossings
 *   ──> rows: each lane's boxes of one column, one under another; ends that several steps of a
 *       column lead to, drawn once under the last of them
 *   ──> routes (swimlane-routes.ts): every flow through gutters and channels, each far one along
 *       the channel that crosses least
 *   ──> sizes: boxes tall enough for their full text and for a port, a label's height apart, for
 *       each flow; channels and gutters wide enough for their tracks and the labels
 *   ──> coordinates, ports ordered so that flows leaving a box do not cross, tracks in the order
 *       that crosses least, labels on their own flow right after it leaves its box
 *
 * Boxes only ever sit in rows and flows only ever run in gutters and channels, so no flow passes
 * through a box and no two boxes overlap, whatever the model.
 */

import type { Box, Column, Diagram, Edge, Line } from './diagram.js';
import { countCrossings } from './measure.js';
import { ORDERINGS, type Ordering, planColumns } from './swimlane-columns.js';
import { flowEdge, interactionEdge } from './swimlane-edges.js';
import { layOutGutters } from './swimlane-gutters.js';
import { layOutHeights } from './swimlane-heights.js';
import { BOX, STAGE_LABEL, SUPPORT_MARK } from './swimlane-metrics.js';
import { type Placed, placeBoxes, placeRows, sidePorts } from './swimlane-placed.js';
import { portYs } from './swimlane-ports.js';
import { Levels, planRoutes } from './swimlane-routes.js';
import { END_WIDTH, INTERACTION_X } from './swimlane-spacing.js';
import type { StackSpec, SwimlaneSpec } from './swimlane-spec.js';
import { layOutWidths } from './swimlane-widths.js';
import { wrap } from './text.js';

/**
 * Lays the spec out once for each way of ordering the columns and keeps the drawing whose flows
 * cross least (then the narrower). `leaveRoom`: pixels kept free right of every box before the
 * edges' tracks (BPMN export puts its gateways there).
 */
export async function layoutSwimlanes(
  spec: SwimlaneSpec,
  options: { leaveRoom?: number } = {},
): Promise<Diagram> {
  let best: { diagram: Diagram; crossings: number } | undefined;
  for (const ordering of ORDERINGS) {
    const diagram = layoutOnce(spec, options, ordering);
    const crossings = countCrossings(diagram.edges);
    if (
      !best ||
      crossings < best.crossings ||
      (crossings === best.crossings && diagram.width < best.diagram.width)
    )
      best = { diagram, crossings };
  }
  return (best as { diagram: Diagram }).diagram;
}

function layoutOnce(spec: SwimlaneSpec, options: { leaveRoom?: number }, ordering: Ordering): Diagram {
  const laneIndex = new Map(spec.lanes.map((l, i) => [l.id, i]));
  const nodeById = new Map(spec.nodes.map((n) => [n.id, n]));
  const laneOf = (id: string) => laneIndex.get(nodeById.get(id)?.lane ?? '') ?? 0;
  const stackOf = new Map<string, StackSpec>();
  for (const stack of spec.stacks) for (const id of stack.nodes) stackOf.set(id, stack);

  const plan = planColumns(spec, stackOf, (s) => Math.min(...s.nodes.map(laneOf)), laneOf, ordering);
  const stacks = new Map(spec.stacks.map((s) => [s.id, s]));
  const { placeOf, rows, columnStacks } = placeRows(spec.lanes.length, plan, stacks, laneOf);

  const flows = spec.edges
    .filter((e) => e.kind !== 'interaction')
    .filter((e) => placeOf.has(e.from) && placeOf.has(e.to));
  const levels = new Levels(rows);
  const routes = planRoutes(flows, placeOf, levels);
  const sides = sidePorts(routes);
  const placed = placeBoxes(placeOf, nodeById, sides);

  const stageLines = stageLabels(spec, plan.stageRange);
  const headerHeight =
    Math.max(2, ...[...stageLines.values()].map((l) => l.length + 1)) * STAGE_LABEL.lineHeight;
  const { lanes, height, yOf, channelAt } = layOutHeights(spec, routes, levels, rows, placed, headerHeight);
  const ports = portYs(sides, placed, yOf, channelAt);
  const gutters = layOutGutters(routes, ports, channelAt, options.leaveRoom);
  const interactions = spec.edges
    .filter((e) => e.kind === 'interaction')
    .filter((e) => placed.has(e.from) && placed.has(e.to));
  const widths = layOutWidths(columnStacks, interactions, stackOf, placed, gutters.width, plan.count);

  const boxes = boxesOf(placed, stackOf, widths, yOf);
  const boxById = new Map(boxes.map((b) => [b.id, b]));
  const edges: Edge[] = routes.map((r) => flowEdge(r, boxById, ports, gutters, widths.gutterX, channelAt));
  for (const e of interactions)
    edges.push(interactionEdge(e, boxById, widths.railOf, stackOf, widths.columnX));

  return {
    view: spec.view,
    title: spec.title,
    ...(spec.subtitle ? { subtitle: spec.subtitle } : {}),
    description: spec.description,
    width: widths.width,
    height,
    lanes,
    columns: stageColumns(spec, plan.stageRange, stageLines, widths.gutterX, gutters.width, plan.count),
    lines: visibilityLines(spec, lanes),
    boxes,
    edges,
    curves: [],
    guides: [],
  };
}

/** The boxes where their rows and columns put them; ends and stubs at the right of their column. */
function boxesOf(
  placed: Map<string, Placed>,
  stackOf: Map<string, StackSpec>,
  widths: { columnWidth: number[]; boxLeft: (column: number) => number },
  yOf: (p: Placed) => number,
): Box[] {
  const boxes: Box[] = [];
  for (const [id, p] of placed) {
    const stack = stackOf.get(id) as StackSpec;
    const offset =
      p.spec.kind === 'end' || p.spec.kind === 'stub'
        ? (widths.columnWidth[p.place.column] ?? BOX.width) - END_WIDTH
        : p.spec.kind === 'support'
          ? INTERACTION_X - SUPPORT_MARK.width / 2
          : 0;
    boxes.push({
      id,
      kind: p.spec.kind,
      ref: p.spec.ref,
      lane: p.spec.lane,
      column: stack.column,
      x: widths.boxLeft(p.place.column) + offset,
      y: yOf(p),
      width: p.width,
      height: p.height,
      lines: p.lines,
      title: p.spec.text,
      ...(p.spec.caption ? { caption: p.spec.caption, captionLines: p.captionLines } : {}),
      badges: p.spec.badges ?? [],
      tags: p.spec.tags ?? [],
    });
  }
  return boxes;
}

/** The lines of interaction and visibility, each at the top of the first lane below it. */
function visibilityLines(spec: SwimlaneSpec, lanes: Diagram['lanes']): Line[] {
  const lines: Line[] = [];
  for (const line of spec.lines) {
    const first = lanes.find((l) => line.below.includes(l.group));
    if (!first || first === lanes[0]) continue;
    // Without a frontstage lane the lines of interaction and visibility are one: one line, both names.
    const same = lines.find((l) => l.y === first.y);
    if (same)
      same.label = `${same.label.replace(/^line /, 'lines ')} and ${line.label.replace(/^line of /, '')}`;
    else lines.push({ kind: line.kind, label: line.label, y: first.y });
  }
  return lines;
}

/** Each stage's name, wrapped to the width of its columns. */
function stageLabels(spec: SwimlaneSpec, range: Map<string, [number, number]>): Map<string, string[]> {
  const labels = new Map<string, string[]>();
  for (const c of spec.columns) {
    const r = range.get(c.id);
    if (!r || !c.label) continue;
    const span = (r[1] - r[0] + 1) * BOX.width;
    labels.set(c.id, wrap(c.label, span, STAGE_LABEL.font, Number.POSITIVE_INFINITY, 'bold'));
  }
  return labels;
}

/** A stage spans its columns; neighbouring stages meet in the middle of the gutter between them. */
function stageColumns(
  spec: SwimlaneSpec,
  range: Map<string, [number, number]>,
  labels: Map<string, string[]>,
  gutterX: number[],
  gutterWidth: (g: number) => number,
  count: number,
): Column[] {
  const middle = (g: number) => (gutterX[g] ?? 0) + gutterWidth(g) / 2;
  const columns: Column[] = [];
  for (const c of spec.columns) {
    const r = range.get(c.id);
    if (!r) continue;
    const left = r[0] === 0 ? (gutterX[0] ?? 0) : middle(r[0]);
    const right = r[1] === count - 1 ? (gutterX[count] ?? 0) + gutterWidth(count) : middle(r[1] + 1);
    columns.push({ id: c.id, label: c.label, lines: labels.get(c.id) ?? [], x: left, width: right - left });
  }
  return columns;
}
