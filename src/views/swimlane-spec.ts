/** What a view hands the swimlane layout (swimlanes.ts): its lanes, columns, stacks of boxes and flows. */
import type { Badge, BoxKind, EdgeKind, LaneGroup, LineKind, ViewId } from './diagram.js';

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

/** Nodes drawn in one column, top to bottom by lane: a step and what stands behind it. */
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
