/** The views, by name: each turns a model into a laid-out diagram. New views register here. */
import { readBpmnNames } from '../bpmn/names.js';
import type { Model } from '../model/model.js';
import { diffModels } from '../model/scenario-diff.js';
import { blueprintSpec } from './blueprint.js';
import type { ViewOptions } from './customer-lanes.js';
import type { Diagram, ViewId } from './diagram.js';
import { e2eSpec } from './e2e.js';
import { entitySpec } from './entity.js';
import { journeyMap } from './journey.js';
import { roleSpec } from './role.js';
import { markChanges } from './scenario-marks.js';
import { compareSpecs } from './scenario-spec.js';
import type { SwimlaneSpec } from './swimlane-spec.js';
import { layoutSwimlanes } from './swimlanes.js';

export interface BuildOptions extends ViewOptions {
  /** The model without its scenario: a scenario's swimlane views mark what it changed. */
  base?: Model;
}

export interface ViewDefinition {
  id: ViewId;
  description: string;
  /** Options the view cannot do without. */
  needs?: 'role';
  /** Which of the options that choose a part of the model the view draws: a focus, or a path. */
  part: 'focus' | 'path';
  build(model: Model, options: BuildOptions): Promise<Diagram>;
}

export const VIEWS: readonly ViewDefinition[] = [
  {
    id: 'blueprint',
    description:
      'service blueprint: customer lanes on top, frontstage, line of visibility, backstage, support',
    part: 'focus',
    build: (m, o) => swimlanes(blueprintSpec, m, o, o),
  },
  {
    id: 'entity',
    description: 'the company as a single entity under the customer lanes',
    part: 'focus',
    build: (m, o) => swimlanes(entitySpec, m, o),
  },
  {
    id: 'journey',
    description:
      "journey map: one persona's path (the segment's most likely, or one asked for) with reach, effort, emotion, pain points and opportunities",
    part: 'path',
    build: async (m, o) => journeyMap(m, o),
  },
  {
    id: 'role',
    description: "one role's or department's actions across all stages (needs --role)",
    needs: 'role',
    part: 'focus',
    build: (m, o) => swimlanes(roleSpec, m, o),
  },
  {
    id: 'e2e',
    description: 'end to end: the journey with the internal processes each touchpoint triggers',
    part: 'focus',
    build: async (m, o) => {
      // Read once for the model and its base: a scenario does not change the BPMN files.
      const names = await readBpmnNames(m);
      return swimlanes((model, options) => e2eSpec(model, options, names), m, o);
    },
  },
];

export { VIEW_IDS } from './view-ids.js';

/**
 * A swimlane view; of a scenario with its base given, drawn against the base: the base's drawing
 * built too, its boxes and flows that the scenario's lacks kept as ghosts, and every difference
 * marked. `layoutOptions`: what the layout itself takes (only the blueprint keeps room for BPMN).
 */
async function swimlanes(
  spec: (model: Model, options: ViewOptions) => SwimlaneSpec,
  model: Model,
  options: BuildOptions,
  layoutOptions: { leaveRoom?: number } = {},
): Promise<Diagram> {
  const { base, ...viewOptions } = options;
  const drawn = spec(model, viewOptions);
  if (!base || !model.scenario) return layoutSwimlanes(drawn, layoutOptions);
  const comparison = compareSpecs(drawn, spec(base, viewOptions));
  const diagram = await layoutSwimlanes(comparison.spec, layoutOptions);
  const segments = viewOptions.segment ? [viewOptions.segment] : model.segments.map((s) => s.id);
  return markChanges(diagram, comparison, diffModels(base, model), model, segments);
}
