/**
 * Which column each stack of boxes stands in, and in what order the stacks of a column stand, top
 * to bottom. A column is a position along the journey, not a step: steps that are alternatives
 * (the branches of one choice) share a column, stacked in their lanes, so that a diagram is as wide
 * as the journey is long, not as the model has steps.
 *
 *   stage by stage ──> a step's column is one after its predecessor's in the same stage (a
 *     failure's target may stand in the same column, under the step that failed), the first of
 *     its stage otherwise; flows back to an earlier step do not push anything on
 *   ──> order within a column: barycentre sweeps over the flows (few crossings), within the lane
 *     the stack starts in
 */

import { most } from '../collections/extremes.js';
import { listIn } from '../collections/list-in.js';
import type { EdgeKind } from './diagram.js';
import type { StackSpec, SwimlaneSpec } from './swimlane-spec.js';

export interface ColumnPlan {
  /** Stack id to its column, counted from the left. */
  columnOf: Map<string, number>;
  count: number;
  /** Each column's stacks, top to bottom. */
  order: string[][];
  /** Each stage's first and last column. */
  stageRange: Map<string, [number, number]>;
}

interface Link {
  from: string;
  to: string;
  kind: EdgeKind;
}

/** The flows between stacks, each pair once, a flow winning over a failure (it sets the pace). */
function stackLinks(spec: SwimlaneSpec, stackOf: Map<string, StackSpec>): Link[] {
  const links = new Map<string, Link>();
  for (const edge of spec.edges) {
    if (edge.kind === 'interaction') continue;
    const from = stackOf.get(edge.from)?.id;
    const to = stackOf.get(edge.to)?.id;
    if (!from || !to || from === to) continue;
    const key = `${from}>${to}`;
    const known = links.get(key);
    if (!known || known.kind === 'failure') links.set(key, { from, to, kind: edge.kind });
  }
  return [...links.values()];
}

/**
 * Ranks within one stage: the longest path over its own flows, a flow one column on and a failure
 * none; the flows that close a cycle (found depth first, in the model's order) are left out.
 */
function stageRanks(members: string[], links: Link[]): Map<string, number> {
  const inStage = new Set(members);
  const out = new Map<string, Link[]>();
  for (const link of links)
    if (inStage.has(link.from) && inStage.has(link.to)) listIn(out, link.from).push(link);
  const state = new Map<string, 'open' | 'done'>();
  const finished: string[] = [];
  const kept: Link[] = [];
  // Depth first on a stack of its own: recursing, a chain of 8,000 steps overflowed the call stack.
  const visit = (root: string) => {
    const path = [{ id: root, next: 0 }];
    state.set(root, 'open');
    while (path.length > 0) {
      const top = path[path.length - 1] as { id: string; next: number };
      const link = (out.get(top.id) ?? [])[top.next++];
      if (!link) {
        path.pop();
        state.set(top.id, 'done');
        finished.push(top.id);
        continue;
      }
      const s = state.get(link.to);
      if (s === 'open') continue;
      kept.push(link);
      if (s === undefined) {
        state.set(link.to, 'open');
        path.push({ id: link.to, next: 0 });
      }
    }
  };
  // Entered from outside the stage first, so that what leads in sets the direction.
  const entered = new Set(links.filter((l) => inStage.has(l.to) && !inStage.has(l.from)).map((l) => l.to));
  for (const id of [...members.filter((m) => entered.has(m)), ...members]) if (!state.has(id)) visit(id);
  const rank = new Map(members.map((m) => [m, 0]));
  const incoming = new Map<string, Link[]>();
  for (const link of kept) listIn(incoming, link.to).push(link);
  for (const id of finished.reverse())
    for (const link of incoming.get(id) ?? [])
      rank.set(
        id,
        Math.max(rank.get(id) ?? 0, (rank.get(link.from) ?? 0) + (link.kind === 'failure' ? 0 : 1)),
      );
  return rank;
}

/**
 * Ways to order the stacks of the columns: barycentre sweeps from the model's order or from its
 * reverse, or the model's order as written. None is best for every model, so the layout tries each
 * and keeps the drawing that crosses least.
 */
export const ORDERINGS = [
  { rounds: 4, reverse: false },
  { rounds: 4, reverse: true },
  { rounds: 0, reverse: false },
  { rounds: 2, reverse: true },
] as const;

export type Ordering = (typeof ORDERINGS)[number];

export function planColumns(
  spec: SwimlaneSpec,
  stackOf: Map<string, StackSpec>,
  topLane: (stack: StackSpec) => number,
  laneOf: (node: string) => number,
  ordering: Ordering,
): ColumnPlan {
  const links = stackLinks(spec, stackOf);
  const columnOf = new Map<string, number>();
  const stageRange = new Map<string, [number, number]>();
  let offset = 0;
  for (const stage of spec.columns) {
    const members = spec.stacks.filter((s) => s.column === stage.id).map((s) => s.id);
    if (members.length === 0) continue;
    const ranks = stageRanks(members, links);
    const last = most(ranks.values());
    for (const [id, r] of ranks) columnOf.set(id, offset + r);
    stageRange.set(stage.id, [offset, offset + last]);
    offset += last + 1;
  }
  const order: string[][] = Array.from({ length: offset }, () => []);
  for (const stack of ordering.reverse ? [...spec.stacks].reverse() : spec.stacks)
    order[columnOf.get(stack.id) ?? 0]?.push(stack.id);
  sweep(order, links, columnOf, new Map(spec.stacks.map((s) => [s.id, topLane(s)])), ordering.rounds);
  transpose(order, gutterLinks(spec, stackOf, columnOf, laneOf));
  return { columnOf, count: offset, order, stageRange };
}

/** A flow between neighbouring columns, by its stacks and the lanes of the boxes it joins. */
interface GutterLink {
  column: number;
  from: string;
  fromLane: number;
  to: string;
  toLane: number;
}

function gutterLinks(
  spec: SwimlaneSpec,
  stackOf: Map<string, StackSpec>,
  columnOf: Map<string, number>,
  laneOf: (node: string) => number,
): GutterLink[] {
  const links: GutterLink[] = [];
  for (const e of spec.edges) {
    if (e.kind === 'interaction') continue;
    const from = stackOf.get(e.from)?.id;
    const to = stackOf.get(e.to)?.id;
    if (!from || !to) continue;
    const column = columnOf.get(from) ?? 0;
    if ((columnOf.get(to) ?? 0) === column + 1)
      links.push({ column, from, fromLane: laneOf(e.from), to, toLane: laneOf(e.to) });
  }
  return links;
}

/**
 * Flows between two neighbouring columns that must cross, whatever their tracks: pairs whose ends
 * are in one order on the left and in the other on the right.
 */
function gutterCrossings(links: GutterLink[], index: (column: number, stack: string) => number): number {
  const ends = links.map((l) => [
    l.fromLane * 1000 + index(l.column, l.from),
    l.toLane * 1000 + index(l.column + 1, l.to),
  ]);
  let crossings = 0;
  for (let i = 0; i < ends.length; i++)
    for (let j = i + 1; j < ends.length; j++) {
      const [a, b] = [ends[i] as number[], ends[j] as number[]];
      if (((a[0] as number) - (b[0] as number)) * ((a[1] as number) - (b[1] as number)) < 0) crossings++;
    }
  return crossings;
}

/**
 * Swaps neighbouring stacks of a column while that lowers the crossings the barycentres left in the
 * gutters on either side of it.
 */
function transpose(order: string[][], links: GutterLink[]): void {
  const byGutter = new Map<number, GutterLink[]>();
  for (const l of links) listIn(byGutter, l.column).push(l);
  const index = (column: number, stack: string) => order[column]?.indexOf(stack) ?? 0;
  const around = (c: number) =>
    gutterCrossings(byGutter.get(c - 1) ?? [], index) + gutterCrossings(byGutter.get(c) ?? [], index);
  for (let pass = 0; pass < 8; pass++) {
    let improved = false;
    for (const [c, column] of order.entries()) {
      for (let i = 0; i + 1 < column.length; i++) {
        const before = around(c);
        [column[i], column[i + 1]] = [column[i + 1] as string, column[i] as string];
        if (around(c) < before) improved = true;
        else [column[i], column[i + 1]] = [column[i + 1] as string, column[i] as string];
      }
    }
    if (!improved) break;
  }
}

/**
 * Barycentre sweeps, left to right then right to left: a stack moves towards the middle of the
 * stacks it is joined to in the columns already placed; it never leaves the lane it starts in.
 */
function sweep(
  order: string[][],
  links: Link[],
  columnOf: Map<string, number>,
  lane: Map<string, number>,
  rounds: number,
): void {
  const neighbours = new Map<string, string[]>();
  for (const l of links) {
    listIn(neighbours, l.from).push(l.to);
    listIn(neighbours, l.to).push(l.from);
  }
  const position = new Map<string, number>();
  const place = (column: string[]) => {
    for (const [i, id] of column.entries())
      position.set(id, (lane.get(id) ?? 0) + (i + 1) / (column.length + 1));
  };
  for (const column of order) place(column);
  const columns = order.map((_, i) => i);
  for (let round = 0; round < rounds; round++) {
    const forward = round % 2 === 0;
    for (const c of forward ? columns : [...columns].reverse()) {
      const column = order[c] as string[];
      const placedSide = (id: string) =>
        (neighbours.get(id) ?? []).filter((n) => {
          const other = columnOf.get(n) ?? c;
          return forward ? other < c : other > c;
        });
      const key = new Map(
        column.map((id, i) => {
          const near = placedSide(id);
          const mean = near.length
            ? near.reduce((s, n) => s + (position.get(n) ?? 0), 0) / near.length
            : (position.get(id) ?? i);
          return [id, mean];
        }),
      );
      // A stable sort: stacks that tie keep their order.
      column.sort((a, b) => (lane.get(a) ?? 0) - (lane.get(b) ?? 0) || (key.get(a) ?? 0) - (key.get(b) ?? 0));
      place(column);
    }
  }
}
