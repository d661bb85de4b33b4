/**
 * What a reader of a diagram suffers, counted: edges that cross, text cut short, edge labels on top
 * of boxes, lines or each other. The layout's goals are stated in these numbers, and the tests hold
 * every view of every example to them.
 */
import type { Box, BoxKind, Diagram, Edge } from './diagram.js';
import { type Stretch, stretchCrossings } from './stretch-crossings.js';
import { BOX } from './swimlane-metrics.js';
import { textWidth } from './text.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DiagramMeasures {
  width: number;
  height: number;
  /** Points where two different edges of the flow (not the lines of interaction) cross. */
  crossings: number;
  /** Texts shown shorter than they are: a box's, a lane's or a column's label. */
  cutLabels: string[];
  /** Edge labels that lie on a box, on another edge's line or on another label. */
  labelOverlaps: string[];
}

type Point = [number, number];
type Segment = { a: Point; b: Point };

/** The font size of edge labels. */
export const EDGE_LABEL_FONT = 9;

/** Where an edge's label is drawn: its own rectangle, or the one the SVG writer gives it. */
export function labelRect(edge: Edge): Rect | undefined {
  if (!edge.label) return undefined;
  if (edge.labelBox) return edge.labelBox;
  const [x0, y0] = edge.points[0] ?? [0, 0];
  return {
    x: x0 + 4,
    y: y0 - 3 - EDGE_LABEL_FONT,
    width: textWidth(edge.label, EDGE_LABEL_FONT),
    height: EDGE_LABEL_FONT + 2,
  };
}

const segmentsOf = (edge: Edge): Segment[] =>
  edge.points.slice(1).map((b, i) => ({ a: edge.points[i] as Point, b }));

/**
 * The points where two different flows cross in the interior of both segments, one horizontal and
 * one vertical (stretchCrossings). The layout counts them for every ordering it tries.
 */
export function countCrossings(edges: readonly Edge[]): number {
  const horizontal: Stretch[] = [];
  const vertical: Stretch[] = [];
  let flow = 0;
  for (const edge of edges) {
    if (edge.kind === 'interaction') continue;
    for (const { a, b } of segmentsOf(edge)) {
      if (a[1] === b[1]) horizontal.push(stretch(flow, a[1], a[0], b[0]));
      else vertical.push(stretch(flow, a[0], a[1], b[1]));
    }
    flow++;
  }
  return stretchCrossings(horizontal, vertical);
}

const stretch = (flow: number, at: number, p: number, q: number): Stretch => ({
  flow,
  at,
  low: Math.min(p, q),
  high: Math.max(p, q),
});

/** True when an orthogonal segment passes through a rectangle's interior. */
export function segmentHits(r: Rect, { a, b }: Segment): boolean {
  if (a[1] === b[1])
    return (
      a[1] > r.y &&
      a[1] < r.y + r.height &&
      Math.max(a[0], b[0]) > r.x &&
      Math.min(a[0], b[0]) < r.x + r.width
    );
  return (
    a[0] > r.x && a[0] < r.x + r.width && Math.max(a[1], b[1]) > r.y && Math.min(a[1], b[1]) < r.y + r.height
  );
}

export const rectsOverlap = (p: Rect, q: Rect) =>
  p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;

/** Boxes whose lines sum up a figure or a finding; their title is the detail, shown on hover. */
const SUMMARIES: ReadonlySet<BoxKind> = new Set(['figure', 'opportunity']);

/**
 * A box's text is cut when a line ends in an ellipsis, runs past the box's sides, or (for a box
 * that names something) its lines hold fewer words than its title.
 */
function boxCut(box: Box): boolean {
  if ([...box.lines, ...(box.caption ? [box.caption] : [])].some((l) => l.endsWith('…'))) return true;
  if (box.lines.some((l) => textWidth(l, BOX.font) > box.width - 2)) return true;
  if (SUMMARIES.has(box.kind) || box.kind === 'support') return false;
  const shown = box.lines.join(' ').replace(/[-\s]/g, '');
  return shown.length > 0 && shown !== box.title.replace(/[-\s]/g, '');
}

export function measureDiagram(d: Diagram): DiagramMeasures {
  const cutLabels = [
    ...d.boxes.filter(boxCut).map((b) => `box ${b.id}`),
    ...d.lanes
      .filter(
        (l) =>
          l.lines !== undefined && l.lines.join(' ').replace(/[-\s]/g, '') !== l.label.replace(/[-\s]/g, ''),
      )
      .map((l) => `lane ${l.id}`),
    ...d.columns
      .filter((c) => {
        const lines = c.lines ?? [c.label];
        return (
          lines.join(' ').replace(/\s+/g, '') !== c.label.replace(/\s+/g, '') ||
          lines.some((l) => textWidth(l, 12, 'bold') > c.width)
        );
      })
      .map((c) => `column ${c.id}`),
  ];
  const labelOverlaps: string[] = [];
  const labelled = d.edges
    .map((edge) => ({ edge, rect: labelRect(edge) }))
    .filter((x): x is { edge: Edge; rect: Rect } => x.rect !== undefined);
  for (const [i, { edge, rect }] of labelled.entries()) {
    for (const box of d.boxes)
      if (rectsOverlap(rect, box)) labelOverlaps.push(`label of ${edge.id} on box ${box.id}`);
    for (const other of d.edges) {
      if (other === edge) continue;
      if (segmentsOf(other).some((s) => segmentHits(rect, s)))
        labelOverlaps.push(`label of ${edge.id} on the line of ${other.id}`);
    }
    for (const { edge: other, rect: r } of labelled.slice(i + 1))
      if (rectsOverlap(rect, r)) labelOverlaps.push(`label of ${edge.id} on the label of ${other.id}`);
  }
  return {
    width: d.width,
    height: d.height,
    crossings: countCrossings(d.edges),
    cutLabels,
    labelOverlaps,
  };
}
