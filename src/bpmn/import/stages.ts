/**
 * The journey's stages: each top-level sub-process walked through is one, the steps outside any
 * are in a stage named for the process; listed in the order the journey's steps meet them.
 */
import type { Element } from '../moddle.js';
import type { Data, JourneyContext } from './context.js';
import { isExpandedSubProcess } from './graph.js';
import { label } from './labels.js';

export interface Stages {
  /** The stage of a step's node, made the first time one of its steps is met. */
  stageOf(node: Element): string;
  /** The stages the given steps are in, in the order the steps meet them. */
  used(steps: Data[]): Data[];
}

export function stageMaker(ctx: JourneyContext): Stages {
  const { journeyProcess, customer, flatten } = ctx.scope;
  const made: Data[] = [{ id: 'journey', name: String(journeyProcess.name ?? customer?.name ?? 'Journey') }];
  return {
    stageOf(node) {
      let top: Element | undefined;
      for (
        let n = node.$parent as Element | undefined;
        n && n !== journeyProcess;
        n = n.$parent as Element | undefined
      )
        if (flatten && isExpandedSubProcess(n)) top = n;
      if (!top) return 'journey';
      const id = ctx.makeId(top, 'stage');
      if (!made.some((s) => s.id === id)) made.push({ id, name: label(top) });
      return id;
    },
    used(steps) {
      const order = [...new Set(steps.map((s) => s.stage))];
      return order.map((id) => made.find((s) => s.id === id)).filter((s): s is Data => s !== undefined);
    },
  };
}

/**
 * A task added in a modeler to a linesight export has no stage of the model's: it joins the stage
 * of the step before it (else the first stage), as a person adding a step there would mean.
 */
export function placeInStages(
  nodes: Element[],
  stepOfNode: Map<Element, Data>,
  stages: unknown,
  before: (node: Element) => Data | undefined,
): void {
  if (!Array.isArray(stages) || stages.length === 0) return;
  const known = new Set(stages.map((s) => (s as Data).id));
  const first = (stages[0] as Data).id;
  for (const node of nodes) {
    const step = stepOfNode.get(node) as Data;
    if (known.has(step.stage)) continue;
    const previous = before(node);
    step.stage = previous && known.has(previous.stage) ? previous.stage : first;
  }
}
