/**
 * The employee's view: every action of one role (or one department) across all stages and
 * processes at once, under the customer touchpoints each one serves. Steps the role has no part
 * in are left out; the flow between the role's steps is kept through them.
 */
import type { Model, Step } from '../model/model.js';
import { successors } from '../model/reachability.js';
import { finishSpec } from './blueprint.js';
import { customerPart, segmentsShown, stepBox, type ViewOptions } from './customer-lanes.js';
import type { EdgeSpec, NodeSpec, SwimlaneSpec } from './swimlanes.js';

export function roleSpec(model: Model, options: ViewOptions): SwimlaneSpec {
  const roleId = options.role ?? '';
  const department = model.organization.departments.find((d) => d.id === roleId);
  const role = model.organization.departments.flatMap((d) => d.roles).find((r) => r.id === roleId);
  const label = department?.name ?? role?.name ?? roleId;
  const serves = (step: Step) =>
    department ? department.roles.some((r) => r.id === step.role) : step.role === roleId;
  const acts = (step: Step) =>
    step.backstage.filter((a) => (department ? a.department === department.id : a.role === roleId));
  const involved = (step: Step) => serves(step) || acts(step).length > 0;
  const part = customerPart(model, options, involved);
  const nodes: NodeSpec[] = [...part.nodes];
  const stacks = part.stacks.map((s) => ({ ...s, nodes: [...s.nodes] }));
  const stackOf = new Map(stacks.map((s) => [s.id, s]));
  for (const step of part.steps) {
    const stack = stackOf.get(step.id);
    if (serves(step)) {
      nodes.push({
        id: `serve:${step.id}`,
        kind: 'touchpoint',
        ref: step.id,
        lane: 'role',
        text: step.touchpoint ?? `Serves: ${step.name}`,
      });
      stack?.nodes.push(`serve:${step.id}`);
    }
    for (const activity of acts(step)) {
      nodes.push({
        id: `activity:${step.id}:${activity.id}`,
        kind: 'activity',
        ref: activity.id,
        lane: 'role',
        text: activity.name,
        caption: 'behind the scenes',
      });
      stack?.nodes.push(`activity:${step.id}:${activity.id}`);
    }
  }
  const edges = bridgedEdges(model, options, part.steps, part.edges);
  const lanes = [...part.lanes, { id: 'role', label: `${label}: actions`, group: 'role' as const }];
  return finishSpec(
    model,
    options,
    { ...part, edges },
    lanes,
    nodes,
    stacks,
    'role',
    `The work of ${label}`,
    [{ kind: 'interaction', label: 'line of interaction', below: ['role'] }],
  );
}

/**
 * Flows between the role's steps, bridging the steps it has no part in: "later" marks a step
 * that can follow after others. Ends reached only through others are left out; they would say
 * nothing about this role's work.
 */
function bridgedEdges(model: Model, options: ViewOptions, shown: Step[], direct: EdgeSpec[]): EdgeSpec[] {
  const byId = new Map(model.steps.map((s) => [s.id, s]));
  const shownIds = new Set(shown.map((s) => s.id));
  const ends = new Set(model.ends.map((e) => e.id));
  const segments = segmentsShown(model, options);
  const edges = direct.filter((e) => e.kind === 'start' || e.kind === 'flow' || e.kind === 'failure');
  const have = new Set(edges.map((e) => `${e.from}>${e.to}`));
  for (const step of shown) {
    const found = new Set<string>();
    const queue = segments
      .flatMap((s) => successors(step, s))
      .filter((id) => !shownIds.has(id) && !ends.has(id));
    const seen = new Set(queue);
    while (queue.length > 0) {
      const id = queue.pop() as string;
      for (const next of segments.flatMap((s) => successors(byId.get(id) as Step, s))) {
        if (shownIds.has(next)) found.add(next);
        else if (!seen.has(next) && !ends.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    for (const to of found) {
      const target = stepBox(to);
      if (have.has(`${stepBox(step.id)}>${target}`)) continue;
      have.add(`${stepBox(step.id)}>${target}`);
      edges.push({
        id: `via:${step.id}>${to}`,
        kind: 'flow',
        from: stepBox(step.id),
        to: target,
        label: 'later',
      });
    }
  }
  return edges;
}
