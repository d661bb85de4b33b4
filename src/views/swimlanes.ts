/**
 * The swimlane layout shared by the blueprint, entity, role and end-to-end views.
 *
 *   ELK layered (stage partitions) ──> layers and the order within them (few crossings)
 *     ──> sub-columns: a step's stack (customer action, touchpoint, backstage activities, support
 *         systems) shares one sub-column, stacks whose lane spans overlap never do
 *     ──> rows: boxes of one lane and sub-column stacked
 *     ──> routing: every flow leaves its box to the right, runs in the gutter after its
 *         sub-column, along a free channel above a row of boxes, down the gutter before its
 *         target and into the target's left side; tracks keep parallel runs apart
 *     ──> coordinates
 *
 * Boxes only ever sit in rows and edges only ever run in gutters and channels, so no arrow passes
 * through a box and no two boxes overlap, whatever the model.
 */
import { createRequire } from 'node:module';
import type { ELK as ElkApi, ElkNode } from 'elkjs/lib/elk-api.js';
import type {
  Badge,
  Box,
  BoxKind,
  Column,
  Diagram,
  Edge,
  EdgeKind,
  Lane,
  LaneGroup,
  Line,
  LineKind,
  ViewId,
} from './diagram.js';
import { textWidth, wrap } from './text.js';

export interface LaneSpec {
  id: string;
  label: string;
  group: LaneGroup;
}

export interface NodeSpec {
  id: string;
  kind: BoxKind;
  ref: string;
  lane: string;
  text: string;
  caption?: string;
  badges?: Badge[];
  tags?: string[];
}

/** Nodes drawn in one sub-column, top to bottom by lane; the first one places the stack in a column. */
export interface StackSpec {
  id: string;
  column: string;
  nodes: string[];
}

export interface EdgeSpec {
  id: string;
  kind: EdgeKind;
  from: string;
  to: string;
  label?: string;
}

export interface SwimlaneSpec {
  view: ViewId;
  title: string;
  subtitle?: string;
  description: string;
  lanes: LaneSpec[];
  columns: { id: string; label: string }[];
  stacks: StackSpec[];
  nodes: NodeSpec[];
  edges: EdgeSpec[];
  /** Each line is drawn above the first lane whose group is in `below`. */
  lines: { kind: LineKind; label: string; below: LaneGroup[] }[];
}

// elkjs is CommonJS; its constructor is the module itself.
const ELK = createRequire(import.meta.url)('elkjs/lib/elk.bundled.js') as new () => ElkApi;

export const BOX = {
  width: 150,
  minHeight: 40,
  font: 11,
  lineHeight: 14,
  padding: 6,
  caption: 12,
  maxLines: 4,
};
const GUTTER = { base: 16, track: 7, label: 9 };
const CHANNEL = { base: 18, track: 7 };
const LANE_PADDING = 10;
const END_WIDTH = 96;
/** Lines of interaction run down a column this far from its left edge, left of any end marker. */
const INTERACTION_X = 24;
const LABEL_WIDTH = 170;
const TITLE_HEIGHT = 44;
const HEADER_HEIGHT = 30;
const MARGIN = 16;

interface Placed {
  spec: NodeSpec;
  stack: StackSpec;
  sub: number;
  laneIndex: number;
  row: number;
  height: number;
  lines: string[];
}

/** `leaveRoom`: pixels kept free right of every box before the edges' tracks (BPMN export puts its gateways there). */
export async function layoutSwimlanes(
  spec: SwimlaneSpec,
  options: { leaveRoom?: number } = {},
): Promise<Diagram> {
  const nodes = new Map(spec.nodes.map((n) => [n.id, n]));
  const laneIndex = new Map(spec.lanes.map((l, i) => [l.id, i]));
  const stackOf = new Map<string, StackSpec>();
  for (const stack of spec.stacks) for (const id of stack.nodes) stackOf.set(id, stack);

  // 1. Layers and in-layer order from ELK.
  const order = await elkOrder(spec, stackOf);

  // 2. Sub-columns: per layer, stacks go into the first sub-column where their lane span is free.
  const subOf = new Map<string, number>();
  const layerSubs: number[][] = [];
  let nextSub = 0;
  for (const layer of order) {
    const subs: { index: number; spans: [number, number][] }[] = [];
    for (const stack of layer) {
      const lanes = stack.nodes.map((id) => laneIndex.get(nodes.get(id)?.lane ?? '') ?? 0);
      const span: [number, number] = [Math.min(...lanes), Math.max(...lanes)];
      let target = subs.find((s) => s.spans.every(([a, b]) => span[1] < a || span[0] > b));
      if (!target) {
        target = { index: nextSub++, spans: [] };
        subs.push(target);
      }
      target.spans.push(span);
      subOf.set(stack.id, target.index);
    }
    layerSubs.push(subs.map((s) => s.index));
  }
  const subCount = nextSub;

  // 3. Rows: boxes of one lane in one sub-column stack downwards, in stack order.
  const portCount = new Map<string, number>();
  for (const e of spec.edges) {
    if (e.kind === 'interaction') continue;
    portCount.set(`out:${e.from}`, (portCount.get(`out:${e.from}`) ?? 0) + 1);
    portCount.set(`in:${e.to}`, (portCount.get(`in:${e.to}`) ?? 0) + 1);
  }
  const placed = new Map<string, Placed>();
  const rowsPerLane = spec.lanes.map(() => 1);
  const filled = new Map<string, number>();
  for (const stack of spec.stacks) {
    const sub = subOf.get(stack.id) ?? 0;
    for (const id of stack.nodes) {
      const node = nodes.get(id);
      if (!node) continue;
      const li = laneIndex.get(node.lane) ?? 0;
      const key = `${li}:${sub}`;
      const row = filled.get(key) ?? 0;
      filled.set(key, row + 1);
      rowsPerLane[li] = Math.max(rowsPerLane[li] ?? 1, row + 1);
      const lines = wrap(
        node.text,
        (node.kind === 'end' ? END_WIDTH : BOX.width) - 2 * BOX.padding,
        BOX.font,
        BOX.maxLines,
      );
      const caption = node.caption ? wrap(node.caption, BOX.width - 2 * BOX.padding, 9, 1)[0] : undefined;
      // Room for every port: edges leave and enter a box at least a label's height apart.
      const ports = Math.max(portCount.get(`out:${id}`) ?? 0, portCount.get(`in:${id}`) ?? 0);
      const height = Math.max(
        BOX.minHeight,
        2 * BOX.padding + lines.length * BOX.lineHeight + (caption ? BOX.caption : 0),
        (ports + 1) * (GUTTER.label + 3),
      );
      placed.set(id, {
        spec: { ...node, ...(caption ? { caption } : {}) },
        stack,
        sub,
        laneIndex: li,
        row,
        height,
        lines,
      });
    }
  }
  const rowHeight = spec.lanes.map((_, li) =>
    Array.from({ length: rowsPerLane[li] ?? 1 }, () => BOX.minHeight),
  );
  for (const p of placed.values()) {
    const heights = rowHeight[p.laneIndex] as number[];
    heights[p.row] = Math.max(heights[p.row] ?? 0, p.height);
  }

  // 4. Routing in abstract slots, then tracks.
  const routed = spec.edges.filter((e) => e.kind !== 'interaction' && placed.has(e.from) && placed.has(e.to));
  const routes = routed.map((edge) =>
    planRoute(edge, placed.get(edge.from) as Placed, placed.get(edge.to) as Placed),
  );
  const channelTracks = assignTracks(
    routes.flatMap((r) => (r.channel ? [{ ...r.channel, part: r.channel }] : [])),
  );
  const gutterTracks = assignTracks(
    routes.flatMap((r) => r.verticals.map((v) => ({ key: `g${v.gutter}`, from: v.from, to: v.to, part: v }))),
  );

  // 5. Coordinates.
  // A gutter holds the labels of the edges leaving into it, then its tracks.
  const labelZone = new Map<number, number>();
  for (const r of routes) {
    if (!r.edge.label) continue;
    const g = (placed.get(r.edge.from) as Placed).sub + 1;
    labelZone.set(g, Math.max(labelZone.get(g) ?? 0, textWidth(r.edge.label, GUTTER.label) + 8));
  }
  const tracksStart = (g: number) => Math.max(options.leaveRoom ?? 12, labelZone.get(g) ?? 0);
  const gutterWidth = (g: number) =>
    tracksStart(g) + (gutterTracks.counts.get(`g${g}`) ?? 0) * GUTTER.track + GUTTER.base;
  const subX: number[] = [];
  let x = MARGIN + LABEL_WIDTH;
  for (let s = 0; s < subCount; s++) {
    x += gutterWidth(s);
    subX.push(x);
    x += BOX.width;
  }
  const gutterX = (g: number) => (g === 0 ? MARGIN + LABEL_WIDTH : (subX[g - 1] ?? 0) + BOX.width);
  x += gutterWidth(subCount);
  const width = x + MARGIN;

  const channelHeight = (li: number, row: number) =>
    CHANNEL.base + (channelTracks.counts.get(`c${li}:${row}`) ?? 0) * CHANNEL.track;
  const rowY: number[][] = [];
  const channelY: number[][] = [];
  const lanes: Lane[] = [];
  let y = MARGIN + TITLE_HEIGHT + HEADER_HEIGHT;
  for (const [li, lane] of spec.lanes.entries()) {
    const top = y;
    const rows: number[] = [];
    const channels: number[] = [];
    for (let r = 0; r < (rowsPerLane[li] ?? 1); r++) {
      channels.push(y);
      y += channelHeight(li, r);
      rows.push(y);
      y += rowHeight[li]?.[r] ?? BOX.minHeight;
    }
    y += LANE_PADDING;
    rowY.push(rows);
    channelY.push(channels);
    lanes.push({ id: lane.id, label: lane.label, group: lane.group, y: top, height: y - top });
  }
  const height = y + MARGIN;

  const boxes: Box[] = [];
  const boxById = new Map<string, Box>();
  for (const p of placed.values()) {
    const box: Box = {
      id: p.spec.id,
      kind: p.spec.kind,
      ref: p.spec.ref,
      lane: p.spec.lane,
      column: p.stack.column,
      // Ends are narrow and kept right, clear of the line of interaction down the column's left.
      x: (subX[p.sub] ?? 0) + (p.spec.kind === 'end' ? BOX.width - END_WIDTH : 0),
      y: rowY[p.laneIndex]?.[p.row] ?? 0,
      width: p.spec.kind === 'end' ? END_WIDTH : BOX.width,
      height: p.height,
      lines: p.lines,
      title: p.spec.text,
      ...(p.spec.caption ? { caption: p.spec.caption } : {}),
      badges: p.spec.badges ?? [],
      tags: p.spec.tags ?? [],
    };
    boxes.push(box);
    boxById.set(box.id, box);
  }

  const ports = assignPorts(routes, boxById);
  const edges: Edge[] = [];
  for (const route of routes) {
    const from = boxById.get(route.edge.from) as Box;
    const to = boxById.get(route.edge.to) as Box;
    const exitY = ports.get(`out:${route.edge.id}`) ?? from.y + from.height / 2;
    const entryY = ports.get(`in:${route.edge.id}`) ?? to.y + to.height / 2;
    const trackX = (v: Vertical) =>
      gutterX(v.gutter) + tracksStart(v.gutter) + (gutterTracks.of.get(v) ?? 0) * GUTTER.track;
    const points: [number, number][] = [[from.x + from.width, exitY]];
    if (route.side) {
      const gx = trackX(route.verticals[0] as Vertical);
      points.push([gx, exitY], [gx, entryY], [to.x + to.width, entryY]);
      edges.push({
        id: route.edge.id,
        kind: route.edge.kind,
        from: from.id,
        to: to.id,
        ...(route.edge.label ? { label: route.edge.label } : {}),
        points,
      });
      continue;
    }
    if (!route.channel) {
      const v = route.verticals[0] as Vertical;
      const gx = trackX(v);
      if (exitY !== entryY) points.push([gx, exitY], [gx, entryY]);
    } else {
      const [li, row] = route.channel.key.slice(1).split(':').map(Number) as [number, number];
      const cy =
        (channelY[li]?.[row] ?? 0) +
        CHANNEL.base / 2 +
        (channelTracks.of.get(route.channel) ?? 0) * CHANNEL.track;
      const [v1, v2] = route.verticals as [Vertical, Vertical];
      points.push([trackX(v1), exitY], [trackX(v1), cy], [trackX(v2), cy], [trackX(v2), entryY]);
    }
    points.push([to.x, entryY]);
    edges.push({
      id: route.edge.id,
      kind: route.edge.kind,
      from: from.id,
      to: to.id,
      ...(route.edge.label ? { label: route.edge.label } : {}),
      points: simplify(points),
    });
  }
  for (const edge of spec.edges.filter((e) => e.kind === 'interaction')) {
    const a = boxById.get(edge.from);
    const b = boxById.get(edge.to);
    if (!a || !b) continue;
    const [upper, lower] = a.y < b.y ? [a, b] : [b, a];
    const cx = upper.x + INTERACTION_X;
    edges.push({
      id: edge.id,
      kind: 'interaction',
      from: a.id,
      to: b.id,
      points: [
        [cx, upper.y + upper.height],
        [cx, lower.y],
      ],
    });
  }

  const columns = stageColumns(spec, placed, subCount, gutterX, gutterWidth);
  const lines: Line[] = [];
  for (const line of spec.lines) {
    const first = lanes.find((l) => line.below.includes(l.group));
    if (first && first !== lanes[0]) lines.push({ kind: line.kind, label: line.label, y: first.y });
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

/** ELK's layers, each a list of stacks in ELK's order: the crossing-minimised skeleton. */
async function elkOrder(spec: SwimlaneSpec, stackOf: Map<string, StackSpec>): Promise<StackSpec[][]> {
  const columnIndex = new Map(spec.columns.map((c, i) => [c.id, i]));
  const seen = new Set<string>();
  const elkEdges: { id: string; sources: string[]; targets: string[] }[] = [];
  for (const edge of spec.edges) {
    if (edge.kind === 'interaction') continue;
    const a = stackOf.get(edge.from)?.id;
    const b = stackOf.get(edge.to)?.id;
    if (!a || !b || a === b || seen.has(`${a}>${b}`)) continue;
    // Edges back to an earlier stage would be reversed by ELK's cycle breaking and add a dummy node
    // in every layer they span; they say nothing about the order of stages, so they are left out.
    const from = columnIndex.get(stackOf.get(edge.from)?.column ?? '') ?? 0;
    const to = columnIndex.get(stackOf.get(edge.to)?.column ?? '') ?? 0;
    if (to < from) continue;
    seen.add(`${a}>${b}`);
    elkEdges.push({ id: `e${elkEdges.length}`, sources: [a], targets: [b] });
  }
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.partitioning.activate': 'true',
      'elk.randomSeed': '1',
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
      'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
      // Only layers and order are used: ELK's node placement and edge routes are discarded, so the cheap ones do.
      'elk.layered.nodePlacement.strategy': 'SIMPLE',
      'elk.edgeRouting': 'POLYLINE',
      'elk.layered.thoroughness': '3',
      'elk.spacing.nodeNode': '10',
      'elk.layered.spacing.nodeNodeBetweenLayers': '20',
    },
    children: spec.stacks.map((stack) => ({
      id: stack.id,
      width: BOX.width,
      height: BOX.minHeight,
      layoutOptions: { 'elk.partitioning.partition': String(columnIndex.get(stack.column) ?? 0) },
    })),
    edges: elkEdges,
  };
  const laid = await new ELK().layout(graph);
  const byId = new Map(spec.stacks.map((s) => [s.id, s]));
  const layers = new Map<number, { stack: StackSpec; y: number }[]>();
  for (const child of laid.children ?? []) {
    const key = Math.round(child.x ?? 0);
    const list = layers.get(key) ?? [];
    list.push({ stack: byId.get(child.id) as StackSpec, y: child.y ?? 0 });
    layers.set(key, list);
  }
  return [...layers.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, list]) =>
      list.sort((a, b) => a.y - b.y || a.stack.id.localeCompare(b.stack.id)).map((e) => e.stack),
    );
}

interface Vertical {
  gutter: number;
  from: number;
  to: number;
}

interface Route {
  edge: EdgeSpec;
  verticals: Vertical[];
  channel?: { key: string; from: number; to: number };
  /** Into the right side of a box below in the same sub-column (an end under its step). */
  side?: boolean;
}

/** Vertical positions as ordinals: a lane's channels and rows interleave, top to bottom. */
const slot = (laneIndex: number, row: number, channel: boolean) =>
  laneIndex * 1000 + row * 2 + (channel ? 0 : 1);

function planRoute(edge: EdgeSpec, from: Placed, to: Placed): Route {
  const exitGutter = from.sub + 1;
  const entryGutter = to.sub;
  const a = slot(from.laneIndex, from.row, false);
  const b = slot(to.laneIndex, to.row, false);
  if (from.sub === to.sub && from.laneIndex === to.laneIndex && to.row > from.row) {
    return { edge, side: true, verticals: [{ gutter: exitGutter, from: a, to: b }] };
  }
  if (exitGutter === entryGutter)
    return { edge, verticals: [{ gutter: exitGutter, from: Math.min(a, b), to: Math.max(a, b) }] };
  const upper = a <= b ? from : to;
  const c = slot(upper.laneIndex, upper.row, true);
  return {
    edge,
    verticals: [
      { gutter: exitGutter, from: Math.min(a, c), to: Math.max(a, c) },
      { gutter: entryGutter, from: Math.min(b, c), to: Math.max(b, c) },
    ],
    channel: {
      key: `c${upper.laneIndex}:${upper.row}`,
      from: Math.min(exitGutter, entryGutter),
      to: Math.max(exitGutter, entryGutter),
    },
  };
}

/** Interval colouring per key (a channel or a gutter): overlapping runs get different tracks. */
function assignTracks(items: { key: string; from: number; to: number; part: object }[]) {
  const of = new Map<object, number>();
  const counts = new Map<string, number>();
  const byKey = new Map<string, typeof items>();
  for (const item of items) byKey.set(item.key, [...(byKey.get(item.key) ?? []), item]);
  for (const [key, list] of byKey) {
    const ends: number[] = [];
    for (const item of [...list].sort((p, q) => p.from - q.from || p.to - q.to)) {
      let track = ends.findIndex((end) => end < item.from);
      if (track < 0) {
        track = ends.length;
        ends.push(item.to);
      } else ends[track] = item.to;
      of.set(item.part, track);
    }
    counts.set(key, ends.length);
  }
  return { of, counts };
}

/** Exit ports along a box's right side and entry ports along its left, spread evenly, ordered to avoid crossings. */
function assignPorts(routes: Route[], boxes: Map<string, Box>): Map<string, number> {
  const ports = new Map<string, number>();
  const out = new Map<string, Route[]>();
  const into = new Map<string, Route[]>();
  for (const r of routes) {
    out.set(r.edge.from, [...(out.get(r.edge.from) ?? []), r]);
    into.set(r.edge.to, [...(into.get(r.edge.to) ?? []), r]);
  }
  const spread = (boxId: string, list: Route[], side: 'out' | 'in', other: (r: Route) => Box) => {
    const box = boxes.get(boxId) as Box;
    const sorted = [...list].sort(
      (p, q) => other(p).y - other(q).y || other(p).x - other(q).x || p.edge.id.localeCompare(q.edge.id),
    );
    if (sorted.length === 0) return;
    const step = box.height / (sorted.length + 1);
    for (const [i, r] of sorted.entries())
      ports.set(`${side}:${r.edge.id}`, Math.round(box.y + step * (i + 1)));
  };
  for (const [id, list] of out) spread(id, list, 'out', (r) => boxes.get(r.edge.to) as Box);
  for (const [id, list] of into) {
    spread(
      id,
      list.filter((r) => !r.side),
      'in',
      (r) => boxes.get(r.edge.from) as Box,
    );
    spread(
      id,
      list.filter((r) => r.side),
      'in',
      (r) => boxes.get(r.edge.from) as Box,
    );
  }
  return ports;
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

/** A stage column spans its stacks' sub-columns; neighbouring stages meet in the middle of the gutter between them. */
function stageColumns(
  spec: SwimlaneSpec,
  placed: Map<string, Placed>,
  subCount: number,
  gutterX: (g: number) => number,
  gutterWidth: (g: number) => number,
): Column[] {
  const range = new Map<string, [number, number]>();
  for (const p of placed.values()) {
    const [lo, hi] = range.get(p.stack.column) ?? [p.sub, p.sub];
    range.set(p.stack.column, [Math.min(lo, p.sub), Math.max(hi, p.sub)]);
  }
  const middle = (g: number) => gutterX(g) + gutterWidth(g) / 2;
  const columns: Column[] = [];
  for (const c of spec.columns) {
    const r = range.get(c.id);
    if (!r) continue;
    const left = r[0] === 0 ? gutterX(0) : middle(r[0]);
    const right = r[1] === subCount - 1 ? gutterX(subCount) + gutterWidth(subCount) : middle(r[1] + 1);
    columns.push({ id: c.id, label: c.label, x: left, width: right - left });
  }
  return columns;
}
