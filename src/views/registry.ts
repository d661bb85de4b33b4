/** The views, by name: each turns a model into a laid-out diagram. New views register here. */
import { readBpmnNames } from '../bpmn/names.js';
import type { Model } from '../model/model.js';
import { blueprintSpec } from './blueprint.js';
import type { ViewOptions } from './customer-lanes.js';
import type { Diagram, ViewId } from './diagram.js';
import { e2eSpec } from './e2e.js';
import { entitySpec } from './entity.js';
import { journeyMap } from './journey.js';
import { roleSpec } from './role.js';
import { layoutSwimlanes } from './swimlanes.js';

export interface ViewDefinition {
  id: ViewId;
  description: string;
  /** Options the view cannot do without. */
  needs?: 'role';
  /** Which of the options that choose a part of the model the view draws: a focus, or a path. */
  part: 'focus' | 'path';
  build(model: Model, options: ViewOptions): Promise<Diagram>;
}

export const VIEWS: readonly ViewDefinition[] = [
  {
    id: 'blueprint',
    description:
      'service blueprint: customer lanes on top, frontstage, line of visibility, backstage, support',
    part: 'focus',
    build: (m, o) => layoutSwimlanes(blueprintSpec(m, o), o),
  },
  {
    id: 'entity',
    description: 'the company as a single entity under the customer lanes',
    part: 'focus',
    build: (m, o) => layoutSwimlanes(entitySpec(m, o)),
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
    build: (m, o) => layoutSwimlanes(roleSpec(m, o)),
  },
  {
    id: 'e2e',
    description: 'end to end: the journey with the internal processes each touchpoint triggers',
    part: 'focus',
    build: async (m, o) => layoutSwimlanes(e2eSpec(m, o, await readBpmnNames(m))),
  },
];

export const VIEW_IDS = VIEWS.map((v) => v.id);
