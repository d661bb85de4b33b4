/**
 * A laid-out diagram as plain data: lanes, stage columns, the blueprint's lines, boxes with
 * their wrapped labels and badges, and edges as orthogonal polylines. Every view produces one;
 * the SVG writer draws it and the tests measure it.
 */
import type { ViewId } from './view-ids.js';

export type { ViewId };

export type LaneGroup =
  | 'evidence'
  | 'customer'
  | 'frontstage'
  | 'backstage'
  | 'support'
  | 'company'
  | 'process'
  | 'role'
  | 'emotion'
  | 'pain'
  | 'measure'
  | 'opportunity';

/**
 * How a scenario's drawing differs from its base's, on a box, flow or lane: new, changed (the
 * title says what, before and after) or gone (a ghost, drawn where the base has it).
 */
export interface ChangeMark {
  change: 'added' | 'changed' | 'removed';
  title: string;
}

export interface Lane {
  id: string;
  label: string;
  group: LaneGroup;
  y: number;
  height: number;
  /** The label as wrapped into the lane's header, every word of it. */
  lines?: string[];
  /** Drawn for a scenario against its base: how the lane differs. */
  change?: ChangeMark;
}

export interface Column {
  id: string;
  label: string;
  /** The label as wrapped over the column, every word of it. */
  lines?: string[];
  x: number;
  width: number;
}

/** The service blueprint's horizontal lines, between lane groups. */
export type LineKind = 'interaction' | 'visibility' | 'internal-interaction';

export interface Line {
  kind: LineKind;
  label: string;
  y: number;
}

export type BoxKind =
  | 'start'
  | 'step'
  | 'touchpoint'
  | 'activity'
  | 'support'
  | 'evidence'
  | 'end'
  /** Where a flow leaves the steps a view draws for a step it does not: names that step. */
  | 'stub'
  | 'channel'
  | 'pain'
  | 'figure'
  | 'opportunity';

export interface Badge {
  kind: 'fail' | 'wait' | 'moment' | 'finding';
  text: string;
  /** What the badge stands for, in words (for the SVG title). */
  title: string;
}

export interface Box {
  id: string;
  kind: BoxKind;
  /** The model element drawn: a step, activity or end id. */
  ref: string;
  lane: string;
  column: string;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
  /** The full text, shown as a tooltip: labels may be cut to fit. */
  title: string;
  caption?: string;
  /** The caption as wrapped into the box, every word of it. */
  captionLines?: string[];
  badges: Badge[];
  /** Extra classes for styling: an end's outcome, a highlighted finding. */
  tags: string[];
  /** Drawn for a scenario against its base: how the box differs. */
  change?: ChangeMark;
}

/** `later`: the role view's flow to a step the customer comes back to after others' steps. */
export type EdgeKind = 'flow' | 'failure' | 'interaction' | 'start' | 'later';

export interface Edge {
  id: string;
  kind: EdgeKind;
  from: string;
  to: string;
  label?: string;
  /** Where the label is drawn: on its own line, clear of boxes, other lines and labels. */
  labelBox?: { x: number; y: number; width: number; height: number };
  /** How heavy the flow is against the heaviest one drawn, in (0, 1]: drawn thicker. */
  weight?: number;
  points: [number, number][];
  /** Drawn for a scenario against its base: how the flow differs. */
  change?: ChangeMark;
}

export interface Diagram {
  view: ViewId;
  title: string;
  /** A second line under the title: what abbreviations in the drawing stand for. */
  subtitle?: string;
  description: string;
  width: number;
  height: number;
  lanes: Lane[];
  columns: Column[];
  lines: Line[];
  boxes: Box[];
  edges: Edge[];
  /** Extra drawings some views add (the journey map's emotion curve). */
  curves: { id: string; label: string; points: [number, number][] }[];
  /** Faint reference lines with a label at their left end (the emotion scale). */
  guides: { y: number; x1: number; x2: number; label: string }[];
  /** Shapes a view places itself, drawn last (the journey map's persona, emotion curve and key). */
  marks?: Mark[];
  /**
   * A scenario drawn against its base: how many boxes, flows and lanes are marked of each kind,
   * and what changed that nothing drawn shows (a pool no drawn step queues for, a role without a lane).
   */
  changes?: { scenario: string; added: number; changed: number; removed: number; note?: string };
}

/**
 * A shape drawn as given. `role` names what it shows (an SVG class, and what tests look for);
 * `ref` the model element it stands for; `title` its full meaning, for a tooltip.
 */
export type Mark = (
  | {
      kind: 'text';
      x: number;
      y: number;
      text: string;
      size: number;
      bold?: boolean;
      anchor?: 'start' | 'middle';
    }
  | { kind: 'rect'; x: number; y: number; width: number; height: number; rx?: number; stroke?: string }
  | { kind: 'circle'; x: number; y: number; r: number }
  | {
      kind: 'poly';
      points: [number, number][];
      closed?: boolean;
      width?: number;
      dash?: boolean;
      opacity?: number;
    }
) & { role: string; color: string; ref?: string; title?: string };
