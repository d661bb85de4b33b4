/**
 * A scenario's swimlane spec with its base's drawn in: the boxes, flows and lanes that only the
 * base's drawing has are kept as ghosts where the base had them (same lane, same stage, the same
 * flows in and out), so a removed step stands where it stood and the flows that led to it show
 * what the scenario cut. Ids are shared by both drawings (`step:ivr-menu`, `flow:a>b`), so which
 * boxes are new, kept or gone is a matter of comparing ids.
 */
import { interactionEdges } from './customer-lanes.js';
import type { EdgeSpec, LaneSpec, NodeSpec, StackSpec, SwimlaneSpec } from './swimlane-spec.js';

export interface SpecComparison {
  /** The scenario's spec with the base's ghosts added. */
  spec: SwimlaneSpec;
  /** Ids (of nodes, flows and lanes) drawn only for the scenario. */
  added: Set<string>;
  /** Ids drawn only for the base: the ghosts. */
  removed: Set<string>;
  /** Each flow's label in the base drawing, by id, for the flows both drawings have. */
  baseLabels: Map<string, string | undefined>;
  /** The lanes both drawings have, in the base, for nodes whose lane moved. */
  baseLanes: Map<string, string>;
}

export function compareSpecs(scenario: SwimlaneSpec, base: SwimlaneSpec): SpecComparison {
  const ids = (list: { id: string }[]) => new Set(list.map((x) => x.id));
  const [nodesNow, edgesNow, lanesNow] = [ids(scenario.nodes), ids(scenario.edges), ids(scenario.lanes)];
  const [nodesThen, edgesThen, lanesThen] = [ids(base.nodes), ids(base.edges), ids(base.lanes)];
  const ghostNodes = base.nodes.filter((n) => !nodesNow.has(n.id));
  const ghostLanes = base.lanes.filter((l) => !lanesNow.has(l.id));
  const flows = (e: EdgeSpec) => e.kind !== 'interaction';
  const ghostEdges = base.edges.filter((e) => flows(e) && !edgesNow.has(e.id));

  const lanes = mergeLanes(scenario.lanes, base.lanes);
  const stacks = mergeStacks(scenario.stacks, base.stacks, new Set(ghostNodes.map((n) => n.id)));
  const nodes: NodeSpec[] = [...scenario.nodes, ...ghostNodes];
  // The lines of interaction join each stack's boxes anew: a ghost may stand between two.
  const laneIndex = new Map(lanes.map((l, i) => [l.id, i]));
  const laneOfNode = new Map(nodes.map((n) => [n.id, n.lane]));
  const edges = [
    ...scenario.edges.filter(flows),
    ...ghostEdges,
    ...stacks.flatMap((s) => interactionEdges(s, laneIndex, laneOfNode)),
  ];
  const only = <T extends { id: string }>(list: T[], other: Set<string>) =>
    list.filter((x) => !other.has(x.id)).map((x) => x.id);
  const baseLabels = new Map(base.edges.filter((e) => edgesNow.has(e.id)).map((e) => [e.id, e.label]));
  const baseLanes = new Map(base.nodes.filter((n) => nodesNow.has(n.id)).map((n) => [n.id, n.lane]));
  return {
    spec: { ...scenario, lanes, stacks, nodes, edges },
    added: new Set([
      ...only(scenario.nodes, nodesThen),
      ...only(scenario.edges.filter(flows), edgesThen),
      ...only(scenario.lanes, lanesThen),
    ]),
    removed: new Set([...ghostNodes, ...ghostEdges, ...ghostLanes].map((x) => x.id)),
    baseLabels,
    baseLanes,
  };
}

/** The scenario's lanes, each lane only the base has put right after the lane it followed there. */
function mergeLanes(now: LaneSpec[], then: LaneSpec[]): LaneSpec[] {
  const lanes = [...now];
  let after = -1;
  for (const lane of then) {
    const at = lanes.findIndex((l) => l.id === lane.id);
    if (at >= 0) after = at;
    else {
      lanes.splice(after + 1, 0, lane);
      after += 1;
    }
  }
  return lanes;
}

/** The scenario's stacks with their ghost boxes, then the stacks of steps only the base drew. */
function mergeStacks(now: StackSpec[], then: StackSpec[], ghosts: Set<string>): StackSpec[] {
  const known = new Set(now.map((s) => s.id));
  const ghostsOf = new Map(then.map((s) => [s.id, s.nodes.filter((id) => ghosts.has(id))]));
  return [
    ...now.map((s) => ({ ...s, nodes: [...s.nodes, ...(ghostsOf.get(s.id) ?? [])] })),
    ...then.filter((s) => !known.has(s.id)),
  ];
}
