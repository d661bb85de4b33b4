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

import { listIn } from '../collections/list-in.js';
import { lastAtMost } from '../collections/sorted-search.js';
import type { Box, Column, Diagram, Edge, Lane, Line } from './diagram.js';
import { countCrossings } from './measure.js';
import { ORDERINGS, type Ordering, planColumns } from './swimlane-columns.js';
import {
  BOX,
  LANE_HEADER,
  LINE_LABEL,
  labelSize,
  laneHeaderHeight,
  laneHeaderLines,
  STAGE_LABEL,
  SUPPORT_MARK,
} from './swimlane-metrics.js';
import { assignTracks, Levels, type Piece, type Place, planRoutes, type Route } from './swimlane-routes.js';
import type { EdgeSpec, NodeSpec, StackSpec, SwimlaneSpec } from './swimlane-spec.js';
import { wrap } from './text.js';

/** Room along a box's side for a flow without a label; one with a label takes its label's height too. */
const PORT_GAP = 10;
const ENTRY_GAP = 8;

/** The room a flow takes along its box's side, on the way out. */
const portRoom = (label: string | undefined) => (label ? labelSize(label).height + 4 : PORT_GAP);
const GUTTER = { base: 10, track: 4 };
/** How far a loop back into its own box reaches out, at least. */
const LOOP_REACH = 20;
const CHANNEL = { base: 10, track: 5 };
const LANE_PADDING = 8;
/** Lines of interaction in a column of one step run down its boxes this far from their left edge. */
const INTERACTION_X = 24;
/**
 * Starts, ends and stubs are narrower than steps and stand at the right of their column, clear of
 * the line of interaction that runs down past them.
 */
const END_WIDTH = BOX.width - INTERACTION_X - 8;
/** In a column of several steps, each step's boxes are joined along a rail left of them. */
const RAIL = { pad: 3, gap: 4, tick: 5 };
const TITLE_HEIGHT = 44;
const MARGIN = 16;

interface Port {
  route: Route;
  /** Leaving the box, rather than arriving. */
  out: boolean;
}

interface Placed {
  spec: NodeSpec;
  place: Place;
  width: number;
  height: number;
  lines: string[];
  captionLines: string[];
}

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

  // Rows: in each column, the stacks top to bottom; in each lane, their boxes one under another.
  const placeOf = new Map<string, Place>();
  const rows = spec.lanes.map(() => 1);
  const columnStacks: StackSpec[][] = plan.order.map((ids) => ids.map((id) => stacks.get(id) as StackSpec));
  for (const [column, list] of columnStacks.entries()) {
    const filled = new Map<number, number>();
    for (const stack of list) {
      for (const id of [...stack.nodes].sort((a, b) => laneOf(a) - laneOf(b))) {
        const lane = laneOf(id);
        const row = filled.get(lane) ?? 0;
        filled.set(lane, row + 1);
        rows[lane] = Math.max(rows[lane] ?? 1, row + 1);
        placeOf.set(id, { column, lane, row });
      }
    }
  }

  const flows = spec.edges
    .filter((e) => e.kind !== 'interaction')
    .filter((e) => placeOf.has(e.from) && placeOf.has(e.to));
  const levels = new Levels(rows);
  const routes = planRoutes(flows, placeOf, levels);

  const placed = new Map<string, Placed>();
  /** The flows along each box's right side (out, and in from its own column) and its left side. */
  const right = new Map<string, Port[]>();
  const left = new Map<string, Port[]>();
  for (const r of routes) {
    listIn(right, r.edge.from).push({ route: r, out: true });
    const side = r.kind === 'side' ? right : left;
    listIn(side, r.edge.to).push({ route: r, out: false });
  }
  const rightRoom = (id: string) =>
    (right.get(id) ?? []).reduce((sum, p) => sum + (p.out ? portRoom(p.route.edge.label) : ENTRY_GAP), 0);
  for (const [id, place] of placeOf) {
    const node = nodeById.get(id) as NodeSpec;
    placed.set(id, sized(node, place, rightRoom(id), left.get(id)?.length ?? 0));
  }

  // Channels first: their tracks set the lanes' heights, which set where every port is.
  const channelPieces = new Map<Route, Piece>();
  for (const r of routes) {
    if (!r.channel) continue;
    const level = levels.channel(r.channel.lane, r.channel.row);
    const up = (p: Place) => levels.row(p) < level;
    const lowSide: number[] = [];
    const highSide: number[] = [];
    for (const [gutter, end] of [
      [r.exitGutter, r.from],
      [r.entryGutter, r.to],
    ] as const)
      (up(end) ? lowSide : highSide).push(gutter);
    channelPieces.set(r, {
      key: `${r.channel.lane}:${r.channel.row}`,
      from: Math.min(r.exitGutter, r.entryGutter),
      to: Math.max(r.exitGutter, r.entryGutter),
      lowSide,
      highSide,
    });
  }
  const channelTracks = assignTracks([...channelPieces.values()], 0);
  const channelHeight = (lane: number, row: number) => {
    const far = channelTracks.extent.get(`${lane}:${row}`);
    return CHANNEL.base + (far === undefined ? 0 : far * CHANNEL.track);
  };

  // A row is as tall as its tallest box: a row of support marks is only a mark high.
  const rowHeight = spec.lanes.map((_, lane) => Array.from({ length: rows[lane] ?? 1 }, () => 0));
  for (const p of placed.values()) {
    const heights = rowHeight[p.place.lane] as number[];
    heights[p.place.row] = Math.max(heights[p.place.row] ?? 0, p.height);
  }
  for (const heights of rowHeight)
    for (const [r, h] of heights.entries()) if (h === 0) heights[r] = BOX.minHeight;
  const lineBelow = new Set<number>();
  for (const line of spec.lines) {
    const first = spec.lanes.findIndex((l) => line.below.includes(l.group));
    if (first > 0) lineBelow.add(first - 1);
  }
  const laneLines = spec.lanes.map((l) => laneHeaderLines(l.label));
  const stageLines = stageLabels(spec, plan.stageRange);
  const headerHeight =
    Math.max(2, ...[...stageLines.values()].map((l) => l.length + 1)) * STAGE_LABEL.lineHeight;

  const rowY: number[][] = [];
  const channelY: number[][] = [];
  const lanes: Lane[] = [];
  let y = MARGIN + TITLE_HEIGHT + headerHeight;
  for (const [li, lane] of spec.lanes.entries()) {
    const top = y;
    const rowsAt: number[] = [];
    const channels: number[] = [];
    for (let r = 0; r <= (rows[li] ?? 1); r++) {
      channels.push(y);
      y += channelHeight(li, r);
      if (r === (rows[li] ?? 1)) break;
      rowsAt.push(y);
      y += rowHeight[li]?.[r] ?? BOX.minHeight;
    }
    const labelNeeds = laneHeaderHeight(laneLines[li] ?? []) + (lineBelow.has(li) ? LINE_LABEL.room : 0);
    y = Math.max(y + LANE_PADDING, top + labelNeeds);
    rowY.push(rowsAt);
    channelY.push(channels);
    lanes.push({
      id: lane.id,
      label: lane.label,
      group: lane.group,
      y: top,
      height: y - top,
      lines: laneLines[li] ?? [],
    });
  }
  const height = y + MARGIN;
  const yOf = (p: Placed) => rowY[p.place.lane]?.[p.place.row] ?? 0;
  const channelAt = (r: Route) => {
    const c = r.channel as { lane: number; row: number };
    return (
      (channelY[c.lane]?.[c.row] ?? 0) +
      CHANNEL.base / 2 +
      (channelTracks.of.get(channelPieces.get(r) as Piece) ?? 0) * CHANNEL.track
    );
  };

  // Ports: along a box's side, in the order of where each flow goes next, so they do not cross.
  const center = (id: string) => {
    const p = placed.get(id) as Placed;
    return yOf(p) + p.height / 2;
  };
  const ports = new Map<string, number>();
  const spread = (id: string, list: Port[], side: 'right' | 'left') => {
    const p = placed.get(id) as Placed;
    // A retry's loop takes the top of the side, its two ends side by side: it crosses nothing.
    const toward = ({ route: r }: Port) => {
      if (r.edge.from === r.edge.to) return yOf(p);
      if (r.channel) return channelAt(r);
      return r.edge.from === id ? center(r.edge.to) : center(r.edge.from);
    };
    const sorted = [...list].sort(
      (a, b) => toward(a) - toward(b) || a.route.edge.id.localeCompare(b.route.edge.id) || +b.out - +a.out,
    );
    const room = sorted.map((q) => (q.out ? portRoom(q.route.edge.label) : ENTRY_GAP));
    // Spread evenly over the side, each flow with the room its label takes.
    const gap = (p.height - room.reduce((a, b) => a + b, 0)) / (sorted.length + 1);
    let at = yOf(p) + gap;
    for (const [i, q] of sorted.entries()) {
      ports.set(`${side}:${q.out ? 'out' : 'in'}:${q.route.edge.id}`, Math.round(at + (room[i] ?? 0) / 2));
      at += (room[i] ?? 0) + gap;
    }
  };
  for (const [id, list] of right) spread(id, list, 'right');
  for (const [id, list] of left) spread(id, list, 'left');
  const exitY = (r: Route) => ports.get(`right:out:${r.edge.id}`) ?? center(r.edge.from);
  const entryY = (r: Route) =>
    ports.get(`${r.kind === 'side' ? 'right' : 'left'}:in:${r.edge.id}`) ?? center(r.edge.to);

  // Gutters: each route's runs up or down them, with where they turn off left or right.
  const gutterPieces = new Map<Route, Piece[]>();
  for (const r of routes) {
    const [ey, ty] = [exitY(r), entryY(r)];
    if (r.kind === 'side')
      gutterPieces.set(r, [{ key: `${r.exitGutter}`, from: ey, to: ty, lowSide: [ey, ty], highSide: [] }]);
    else if (r.kind === 'adjacent')
      gutterPieces.set(r, [{ key: `${r.exitGutter}`, from: ey, to: ty, lowSide: [ey], highSide: [ty] }]);
    else {
      const cy = channelAt(r);
      const onward = r.entryGutter > r.exitGutter;
      gutterPieces.set(r, [
        {
          key: `${r.exitGutter}`,
          from: ey,
          to: cy,
          lowSide: onward ? [ey] : [ey, cy],
          highSide: onward ? [cy] : [],
        },
        {
          key: `${r.entryGutter}`,
          from: cy,
          to: ty,
          lowSide: onward ? [cy] : [],
          highSide: onward ? [ty] : [ty, cy],
        },
      ]);
    }
  }
  // Labels on their flow, right after it leaves its box; a run up or down the gutter keeps clear
  // of every label beside its extent, and otherwise runs near the boxes.
  const labelsIn = new Map<string, { y: number; half: number; right: number }[]>();
  for (const r of routes)
    if (r.edge.label) {
      const size = labelSize(r.edge.label);
      listIn(labelsIn, `${r.exitGutter}`).push({
        y: exitY(r),
        half: size.height / 2,
        right: size.width + 3 + GUTTER.track,
      });
    }
  // A loop out of a box and back in reaches this far into the gutter at least: from the column's
  // widest box, the first track was 4 px out, and the loop showed as its arrowhead alone.
  const loops = new Set(routes.filter((r) => r.kind === 'side').flatMap((r) => gutterPieces.get(r) ?? []));
  const clearOfLabels = (piece: Piece) => {
    const [top, bottom] = [Math.min(piece.from, piece.to), Math.max(piece.from, piece.to)];
    let at = Math.max(options.leaveRoom ?? GUTTER.track, loops.has(piece) ? LOOP_REACH : 0);
    for (const l of labelsIn.get(piece.key) ?? [])
      if (l.y + l.half >= top - 1 && l.y - l.half <= bottom + 1) at = Math.max(at, l.right);
    return at;
  };
  const gutterTracks = assignTracks([...gutterPieces.values()].flat(), 3, GUTTER.track, clearOfLabels);
  const gutterWidth = (g: number) => {
    const labels = (labelsIn.get(`${g}`) ?? []).map((l) => l.right);
    return Math.max(gutterTracks.extent.get(`${g}`) ?? 0, ...labels, options.leaveRoom ?? 0) + GUTTER.base;
  };

  // Rails: a column of several steps joins each step's boxes along a rail of its own.
  const interactions = spec.edges
    .filter((e) => e.kind === 'interaction')
    .filter((e) => placed.has(e.from) && placed.has(e.to));
  const railOf = new Map<string, number>();
  const interacting = new Set(interactions.map((e) => stackOf.get(e.from)?.id));
  const strip = columnStacks.map((list) => {
    const joined = list.filter((s) => interacting.has(s.id));
    if (list.length < 2 || joined.length === 0) return 0;
    for (const [i, s] of joined.entries()) railOf.set(s.id, i);
    return RAIL.pad + joined.length * RAIL.gap;
  });

  // A column is as wide as its widest box: the start's column is narrow. (Found in one pass over
  // the boxes, not one per column: columns x boxes on a 3,000-step blueprint.)
  const columnWidth = columnStacks.map(() => Number.NEGATIVE_INFINITY);
  for (const p of placed.values())
    if (p.place.column >= 0 && p.place.column < columnWidth.length)
      columnWidth[p.place.column] = Math.max(columnWidth[p.place.column] as number, p.width);
  const gutterX: number[] = [];
  const columnX: number[] = [];
  let x = MARGIN + LANE_HEADER.width;
  for (let g = 0; g <= plan.count; g++) {
    gutterX.push(x);
    x += gutterWidth(g);
    if (g === plan.count) break;
    columnX.push(x);
    x += (strip[g] ?? 0) + (columnWidth[g] ?? BOX.width);
  }
  const width = x + MARGIN;
  const boxLeft = (column: number) => (columnX[column] ?? 0) + (strip[column] ?? 0);

  const boxes: Box[] = [];
  const boxById = new Map<string, Box>();
  for (const [id, p] of placed) {
    const stack = stackOf.get(id) as StackSpec;
    const offset =
      p.spec.kind === 'end' || p.spec.kind === 'stub'
        ? (columnWidth[p.place.column] ?? BOX.width) - END_WIDTH
        : p.spec.kind === 'support'
          ? INTERACTION_X - SUPPORT_MARK.width / 2
          : 0;
    const box: Box = {
      id,
      kind: p.spec.kind,
      ref: p.spec.ref,
      lane: p.spec.lane,
      column: stack.column,
      x: boxLeft(p.place.column) + offset,
      y: yOf(p),
      width: p.width,
      height: p.height,
      lines: p.lines,
      title: p.spec.text,
      ...(p.spec.caption ? { caption: p.spec.caption, captionLines: p.captionLines } : {}),
      badges: p.spec.badges ?? [],
      tags: p.spec.tags ?? [],
    };
    boxes.push(box);
    boxById.set(id, box);
  }

  const trackX = (piece: Piece) => (gutterX[Number(piece.key)] ?? 0) + (gutterTracks.of.get(piece) ?? 0);
  const edges: Edge[] = routes.map((r) => {
    const from = boxById.get(r.edge.from) as Box;
    const to = boxById.get(r.edge.to) as Box;
    const [ey, ty] = [exitY(r), entryY(r)];
    const pieces = gutterPieces.get(r) as Piece[];
    const first = trackX(pieces[0] as Piece);
    const points: [number, number][] = [
      [from.x + from.width, ey],
      [first, ey],
    ];
    if (r.kind === 'side') points.push([first, ty], [to.x + to.width, ty]);
    else if (r.kind === 'adjacent') points.push([first, ty], [to.x, ty]);
    else {
      const cy = channelAt(r);
      const second = trackX(pieces[1] as Piece);
      points.push([first, cy], [second, cy], [second, ty], [to.x, ty]);
    }
    const label = r.edge.label;
    const size = label ? labelSize(label) : undefined;
    return {
      id: r.edge.id,
      kind: r.edge.kind,
      from: from.id,
      to: to.id,
      ...(label && size
        ? {
            label,
            labelBox: {
              x: from.x + from.width + 3,
              y: ey - size.height / 2,
              width: size.width,
              height: size.height,
            },
          }
        : {}),
      points: simplify(points),
    };
  });
  for (const e of interactions) edges.push(interactionEdge(e, boxById, railOf, stackOf, columnX));

  const columns = stageColumns(spec, plan.stageRange, stageLines, gutterX, gutterWidth, plan.count);
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
  return {
    view: spec.view,
    title: spec.title,
    ...(spec.subtitle ? { subtitle: spec.subtitle } : {}),
    description: spec.description,
    width,
    height,
    lanes,
    columns,
    lines,
    boxes,
    edges,
    curves: [],
    guides: [],
  };
}

/** A box's size: its full text wrapped, and room for every flow in and out (and its label). */
function sized(node: NodeSpec, place: Place, rightRoom: number, leftPorts: number): Placed {
  if (node.kind === 'support')
    return {
      spec: node,
      place,
      width: SUPPORT_MARK.width,
      height: SUPPORT_MARK.height,
      lines: [],
      captionLines: [],
    };
  // Ends and stubs are narrow and kept right, clear of the line of interaction down the column.
  const width = node.kind === 'end' || node.kind === 'start' || node.kind === 'stub' ? END_WIDTH : BOX.width;
  const inner = width - 2 * BOX.padding;
  const lines = wrap(node.text, inner, BOX.font, Number.POSITIVE_INFINITY);
  const captionLines = node.caption
    ? wrap(node.caption, inner, BOX.captionFont, Number.POSITIVE_INFINITY)
    : [];
  const text = 2 * BOX.padding + lines.length * BOX.lineHeight + captionLines.length * BOX.caption;
  const height = Math.max(BOX.minHeight, text, rightRoom + 2 * PORT_GAP, (leftPorts + 1) * ENTRY_GAP);
  return { spec: node, place, width, height, lines, captionLines };
}

/** A line of interaction: straight down a column of one step, or along the step's rail. */
function interactionEdge(
  e: EdgeSpec,
  boxes: Map<string, Box>,
  railOf: Map<string, number>,
  stackOf: Map<string, StackSpec>,
  columnX: number[],
): Edge {
  const a = boxes.get(e.from) as Box;
  const b = boxes.get(e.to) as Box;
  const [upper, lower] = a.y < b.y ? [a, b] : [b, a];
  const rail = railOf.get(stackOf.get(e.from)?.id ?? '');
  // Columns run left to right: their x ascend. (Searching them all for each line of interaction
  // was a tenth of a 2,000-step blueprint's time.)
  const column = lastAtMost(columnX, upper.x);
  const rx = column + RAIL.pad / 2 + (rail ?? 0) * RAIL.gap;
  const cx = upper.x + INTERACTION_X;
  const points: [number, number][] =
    rail === undefined
      ? [
          [cx, upper.y + upper.height],
          [cx, lower.y],
        ]
      : [
          [upper.x, upper.y + RAIL.tick],
          [rx, upper.y + RAIL.tick],
          [rx, lower.y + RAIL.tick],
          [lower.x, lower.y + RAIL.tick],
        ];
  return { id: e.id, kind: 'interaction', from: a.id, to: b.id, points };
}

function simplify(points: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) continue;
    const before = out[out.length - 2];
    if (
      before &&
      last &&
      ((before[0] === last[0] && last[0] === p[0]) || (before[1] === last[1] && last[1] === p[1]))
    )
      out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
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
