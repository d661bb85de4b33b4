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
import type { EdgeKind } from './diagram.js';
import type { StackSpec, SwimlaneSpec } from './swimlanes.js';

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
    if (inStage.has(link.from) && inStage.has(link.to))
      out.set(link.from, [...(out.get(link.from) ?? []), link]);
  const state = new Map<string, 'open' | 'done'>();
  const finished: string[] = [];
  const kept: Link[] = [];
  const visit = (id: string) => {
    state.set(id, 'open');
    for (const link of out.get(id) ?? []) {
      const s = state.get(link.to);
      if (s === 'open') continue;
      kept.push(link);
      if (s === undefined) visit(link.to);
    }
    state.set(id, 'done');
    finished.push(id);
  };
  // Entered from outside the stage first, so that what leads in sets the direction.
  const entered = new Set(links.filter((l) => inStage.has(l.to) && !inStage.has(l.from)).map((l) => l.to));
  for (const id of [...members.filter((m) => entered.has(m)), ...members]) if (!state.has(id)) visit(id);
  const rank = new Map(members.map((m) => [m, 0]));
  const incoming = new Map<string, Link[]>();
  for (const link of kept) incoming.set(link.to, [...(incoming.get(link.to) ?? []), link]);
  for (const id of finished.reverse())
    for (const link of incoming.get(id) ?? [])
      rank.set(
        id,
        Math.max(rank.get(id) ?? 0, (rank.get(link.from) ?? 0) + (link.kind === 'failure' ? 0 : 1)),
      );
  return rank;
}

export function planColumns(
  spec: SwimlaneSpec,
  stackOf: Map<string, StackSpec>,
  topLane: (stack: StackSpec) => number,
): ColumnPlan {
  const links = stackLinks(spec, stackOf);
  const columnOf = new Map<string, number>();
  const stageRange = new Map<string, [number, number]>();
  let offset = 0;
  for (const stage of spec.columns) {
    const members = spec.stacks.filter((s) => s.column === stage.id).map((s) => s.id);
    if (members.length === 0) continue;
    const ranks = stageRanks(members, links);
    const last = Math.max(...ranks.values());
    for (const [id, r] of ranks) columnOf.set(id, offset + r);
    stageRange.set(stage.id, [offset, offset + last]);
    offset += last + 1;
  }
  const order: string[][] = Array.from({ length: offset }, () => []);
  for (const stack of spec.stacks) order[columnOf.get(stack.id) ?? 0]?.push(stack.id);
  sweep(order, links, columnOf, new Map(spec.stacks.map((s) => [s.id, topLane(s)])));
  return { columnOf, count: offset, order, stageRange };
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
): void {
  const neighbours = new Map<string, string[]>();
  for (const l of links) {
    neighbours.set(l.from, [...(neighbours.get(l.from) ?? []), l.to]);
    neighbours.set(l.to, [...(neighbours.get(l.to) ?? []), l.from]);
  }
  const position = new Map<string, number>();
  const place = (column: string[]) => {
    for (const [i, id] of column.entries())
      position.set(id, (lane.get(id) ?? 0) + (i + 1) / (column.length + 1));
  };
  for (const column of order) place(column);
  const columns = order.map((_, i) => i);
  for (let round = 0; round < 4; round++) {
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
