/**
 * The service blueprint in LOVEM order, top to bottom: physical evidence, the customer lanes,
 * the line of interaction, the frontstage lanes (roles and systems the customer meets), the line
 * of visibility, the backstage departments, the line of internal interaction, the support
 * systems. Each step's boxes share one column, joined by the lines of interaction.
 */
import type { Model } from '../model/model.js';
import { type CustomerPart, customerPart, interactionEdges, type ViewOptions } from './customer-lanes.js';
import type { LaneSpec, NodeSpec, SwimlaneSpec } from './swimlane-spec.js';

export function blueprintSpec(model: Model, options: ViewOptions = {}): SwimlaneSpec {
  const part = customerPart(model, options);
  const roles = new Map(
    model.organization.departments.flatMap((d) =>
      d.roles.map((r) => [r.id, { role: r, department: d }] as const),
    ),
  );
  const systems = new Map(model.organization.systems.map((s) => [s.id, s]));
  const departments = new Map(model.organization.departments.map((d) => [d.id, d]));
  const pools = new Map(model.resources.map((r) => [r.id, r]));
  const used = new Set<string>();
  const nodes: NodeSpec[] = [...part.nodes];
  const stacks = part.stacks.map((s) => ({ ...s, nodes: [...s.nodes] }));
  const stackOf = new Map(stacks.map((s) => [s.id, s]));

  for (const step of part.steps) {
    const stack = stackOf.get(step.id);
    if (!stack) continue;
    if (step.evidence) {
      nodes.push({
        id: `evidence:${step.id}`,
        kind: 'evidence',
        ref: step.id,
        lane: 'evidence',
        text: step.evidence,
      });
      stack.nodes.unshift(`evidence:${step.id}`);
      used.add('evidence');
    }
    const server = step.role ? `role:${step.role}` : step.system ? `system:${step.system}` : undefined;
    if (server) {
      const name = step.role ? roles.get(step.role)?.role.name : systems.get(step.system ?? '')?.name;
      const pool = step.pool ? pools.get(step.pool) : undefined;
      nodes.push({
        id: `touchpoint:${step.id}`,
        kind: 'touchpoint',
        ref: step.id,
        lane: server,
        text: step.touchpoint ?? `${name ?? ''} serves`,
        ...(pool
          ? { caption: `queue: ${pool.name}` }
          : step.role && step.system
            ? { caption: `with ${systems.get(step.system)?.name ?? step.system}` }
            : {}),
      });
      stack.nodes.push(`touchpoint:${step.id}`);
      used.add(server);
    }
    for (const activity of step.backstage) {
      nodes.push({
        id: `activity:${step.id}:${activity.id}`,
        kind: 'activity',
        ref: activity.id,
        lane: `dept:${activity.department}`,
        text: activity.name,
        ...(activity.role ? { caption: roles.get(activity.role)?.role.name ?? activity.role } : {}),
      });
      stack.nodes.push(`activity:${step.id}:${activity.id}`);
      used.add(`dept:${activity.department}`);
      const system = activity.system ? systems.get(activity.system) : undefined;
      if (system && system.visibility === 'backstage') {
        nodes.push({
          id: `support:${step.id}:${activity.id}`,
          kind: 'support',
          ref: system.id,
          lane: `support:${system.id}`,
          text: system.name,
        });
        stack.nodes.push(`support:${step.id}:${activity.id}`);
        used.add(`support:${system.id}`);
      }
    }
  }

  const lanes: LaneSpec[] = [];
  if (used.has('evidence')) lanes.push({ id: 'evidence', label: 'Physical evidence', group: 'evidence' });
  lanes.push(...part.lanes);
  for (const d of model.organization.departments) {
    for (const r of d.roles) {
      if (r.visibility === 'frontstage' && used.has(`role:${r.id}`))
        lanes.push({ id: `role:${r.id}`, label: `${r.name} (${d.name})`, group: 'frontstage' });
    }
  }
  for (const s of model.organization.systems) {
    if (s.visibility === 'frontstage' && used.has(`system:${s.id}`))
      lanes.push({ id: `system:${s.id}`, label: s.name, group: 'frontstage' });
  }
  // Backstage roles and systems that serve a customer step anyway sit just below the line of visibility.
  for (const d of model.organization.departments) {
    for (const r of d.roles) {
      if (r.visibility === 'backstage' && used.has(`role:${r.id}`))
        lanes.push({ id: `role:${r.id}`, label: `${r.name} (${d.name})`, group: 'backstage' });
    }
  }
  for (const s of model.organization.systems) {
    if (s.visibility === 'backstage' && used.has(`system:${s.id}`))
      lanes.push({ id: `system:${s.id}`, label: s.name, group: 'backstage' });
  }
  for (const d of departments.values())
    if (used.has(`dept:${d.id}`)) lanes.push({ id: `dept:${d.id}`, label: d.name, group: 'backstage' });
  for (const s of model.organization.systems)
    if (used.has(`support:${s.id}`)) lanes.push({ id: `support:${s.id}`, label: s.name, group: 'support' });

  return finishSpec(model, options, part, lanes, nodes, stacks, 'blueprint', 'Service blueprint', [
    { kind: 'interaction', label: 'line of interaction', below: ['frontstage', 'backstage', 'support'] },
    { kind: 'visibility', label: 'line of visibility', below: ['backstage', 'support'] },
    { kind: 'internal-interaction', label: 'line of internal interaction', below: ['support'] },
  ]);
}

/** Adds the interaction edges of every stack and the title; shared by the swimlane views. */
export function finishSpec(
  model: Model,
  options: ViewOptions,
  part: CustomerPart,
  lanes: LaneSpec[],
  nodes: NodeSpec[],
  stacks: SwimlaneSpec['stacks'],
  view: SwimlaneSpec['view'],
  what: string,
  lines: SwimlaneSpec['lines'],
): SwimlaneSpec {
  const laneIndex = new Map(lanes.map((l, i) => [l.id, i]));
  const laneOfNode = new Map(nodes.map((n) => [n.id, n.lane]));
  const edges = [...part.edges, ...stacks.flatMap((s) => interactionEdges(s, laneIndex, laneOfNode))];
  const scope = [
    model.scenario ? `scenario: ${model.scenario.name}` : '',
    options.segment
      ? `segment: ${model.segments.find((s) => s.id === options.segment)?.name ?? options.segment}`
      : '',
  ]
    .filter(Boolean)
    .join(', ');
  return {
    view,
    title: `${model.name}: ${what}${scope ? ` (${scope})` : ''}`,
    ...(part.legend
      ? {
          subtitle: `Flow labels by segment: ${part.legend}. F: fail point, W: wait point, ★: moment of truth.`,
        }
      : { subtitle: 'F: fail point, W: wait point, ★: moment of truth.' }),
    description: `${what} of ${model.name}: ${part.steps.length} customer steps in ${model.stages.length} stages, ${lanes.length} lanes.`,
    lanes,
    columns: part.columns,
    stacks,
    nodes,
    edges,
    lines,
  };
}
