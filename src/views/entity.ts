/**
 * The company as one single entity: the customer lanes on top and one lane for the whole
 * organization below the line of interaction, departments merged, so every variation of the
 * customer's path is seen against one counterpart.
 */
import type { Model } from '../model/model.js';
import { finishSpec } from './blueprint.js';
import { customerPart, type ViewOptions } from './customer-lanes.js';
import type { NodeSpec, SwimlaneSpec } from './swimlane-spec.js';

export function entitySpec(model: Model, options: ViewOptions = {}): SwimlaneSpec {
  const part = customerPart(model, options);
  const company = model.organization.name ?? 'The company';
  const roles = new Map(
    model.organization.departments.flatMap((d) => d.roles.map((r) => [r.id, r.name] as const)),
  );
  const systems = new Map(model.organization.systems.map((s) => [s.id, s.name]));
  const nodes: NodeSpec[] = [...part.nodes];
  const stacks = part.stacks.map((s) => ({ ...s, nodes: [...s.nodes] }));
  const stackOf = new Map(stacks.map((s) => [s.id, s]));
  for (const step of part.steps) {
    const server = step.role ? roles.get(step.role) : step.system ? systems.get(step.system) : undefined;
    if (!server && step.backstage.length === 0) continue;
    const id = `company:${step.id}`;
    nodes.push({
      id,
      kind: 'touchpoint',
      ref: step.id,
      lane: 'company',
      text: step.touchpoint ?? `${company} serves (${server ?? 'behind the scenes'})`,
    });
    stackOf.get(step.id)?.nodes.push(id);
  }
  const lanes = [...part.lanes, { id: 'company', label: company, group: 'company' as const }];
  return finishSpec(model, options, part, lanes, nodes, stacks, 'entity', 'The company as a single entity', [
    { kind: 'interaction', label: 'line of interaction', below: ['company'] },
  ]);
}
