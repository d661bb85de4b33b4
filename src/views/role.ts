/**
 * The employee's view: every action of one role (or one department) across all stages and
 * processes at once, under the customer touchpoints each one serves. Steps the role has no part
 * in are left out, but not the flows to them: each ends in a stub naming the step and who serves
 * it, so the branches out of every step drawn still add up; and from the stub a "later" flow
 * leads to the role's steps the customer comes back to after the steps of others.
 */
import type { Model, Step } from '../model/model.js';
import { successors } from '../model/reachability.js';
import { finishSpec } from './blueprint.js';
import {
  type CustomerPart,
  customerPart,
  type StubText,
  segmentsShown,
  stepBox,
  type ViewOptions,
} from './customer-lanes.js';
import type { EdgeSpec, NodeSpec, SwimlaneSpec } from './swimlane-spec.js';

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
  const part = customerPart(model, options, involved, stubText(model, department?.id));
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
  const edges = [...part.edges, ...laterEdges(model, options, part)];
  const lanes = [...part.lanes, { id: 'role', label: `${label}: actions`, group: 'role' as const }];
  const spec = finishSpec(
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
  const legend = [
    part.stubs.length ? '→ box: others take over' : '',
    edges.some((e) => e.kind === 'later') ? 'dotted: the customer comes back' : '',
  ].filter(Boolean);
  return legend.length ? { ...spec, subtitle: `${spec.subtitle} ${legend.join('; ')}.` } : spec;
}

/**
 * A stub names the step the journey leaves for and who serves it: another department (or, in a
 * department's own view, the role), a system, or else the channel.
 */
function stubText(model: Model, shownDepartment: string | undefined): StubText {
  const roles = new Map(
    model.organization.departments.flatMap((d) => d.roles.map((r) => [r.id, { role: r, department: d }])),
  );
  const systems = new Map(model.organization.systems.map((s) => [s.id, s.name]));
  const channels = new Map(model.channels.map((c) => [c.id, c.name]));
  return (step) => {
    const served = step.role ? roles.get(step.role) : undefined;
    const who = served
      ? served.department.id === shownDepartment
        ? served.role.name
        : served.department.name
      : step.system
        ? systems.get(step.system)
        : step.channel
          ? channels.get(step.channel)
          : undefined;
    return { text: `→ ${step.name}`, ...(who ? { caption: who } : {}) };
  };
}

/**
 * A "later" flow from a step to each of the role's steps the customer reaches next through the
 * steps of others its stubs name; none where a flow joins the two already. Drawn from the step,
 * not from its stubs: one flow per pair says that the customer comes back, and crosses less than
 * one from every stub that leads back. Ends reached only through others are left out; they would
 * say nothing about this role's work.
 */
function laterEdges(model: Model, options: ViewOptions, part: CustomerPart): EdgeSpec[] {
  const byId = new Map(model.steps.map((s) => [s.id, s]));
  const shownIds = new Set(part.steps.map((s) => s.id));
  const ends = new Set(model.ends.map((e) => e.id));
  const segments = segmentsShown(model, options);
  const boxRef = new Map(part.nodes.map((n) => [n.id, n.ref]));
  const joined = new Set(
    part.edges.filter((e) => e.kind !== 'start').map((e) => `${e.from}>${boxRef.get(e.to) ?? e.to}`),
  );
  const edges: EdgeSpec[] = [];
  for (const stub of part.stubs) {
    const found = new Set<string>();
    const queue = [stub.to];
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
      const pair = `${stepBox(stub.from)}>${to}`;
      if (joined.has(pair)) continue;
      joined.add(pair);
      edges.push({
        id: `later:${stub.from}>${to}`,
        kind: 'later',
        from: stepBox(stub.from),
        to: stepBox(to),
      });
    }
  }
  return edges;
}
