/**
 * The end-to-end view: the customer's whole journey on top, and below it the internal processes
 * each touchpoint triggers, one lane per process (its BPMN process, or its APQC category when the
 * activity names only a code), so a boundary-crossing process such as order-to-cash is seen whole.
 */
import type { Activity, Model, Step } from '../model/model.js';
import { finishSpec } from './blueprint.js';
import { customerPart, type ViewOptions } from './customer-lanes.js';
import type { LaneSpec, NodeSpec, SwimlaneSpec } from './swimlanes.js';

const UNLINKED = 'process:(unlinked)';

export function e2eSpec(model: Model, options: ViewOptions = {}): SwimlaneSpec {
  const part = customerPart(model, options);
  const departments = new Map(model.organization.departments.map((d) => [d.id, d.name]));
  const laneOf = (step: Step, activity: Activity) => {
    const processId = activity.process ?? step.process;
    if (processId) return `process:${processId}`;
    const code = activity.apqc ?? step.apqc;
    return code ? `apqc:${code.split('.')[0]}` : UNLINKED;
  };
  const nodes: NodeSpec[] = [...part.nodes];
  const stacks = part.stacks.map((s) => ({ ...s, nodes: [...s.nodes] }));
  const stackOf = new Map(stacks.map((s) => [s.id, s]));
  const used = new Set<string>();
  for (const step of part.steps) {
    for (const activity of step.backstage) {
      const lane = laneOf(step, activity);
      used.add(lane);
      const id = `activity:${step.id}:${activity.id}`;
      const link = activity.bpmn?.activity ?? activity.apqc;
      nodes.push({
        id,
        kind: 'activity',
        ref: activity.id,
        lane,
        text: activity.name,
        caption: [departments.get(activity.department), link].filter(Boolean).join(' · '),
      });
      stackOf.get(step.id)?.nodes.push(id);
    }
  }
  const lanes: LaneSpec[] = [...part.lanes];
  for (const p of model.processes) {
    if (!used.has(`process:${p.id}`)) continue;
    const tags = [p.apqc ? `APQC ${p.apqc}` : '', p.bpmn?.process ? `BPMN ${p.bpmn.process}` : '']
      .filter(Boolean)
      .join(', ');
    lanes.push({ id: `process:${p.id}`, label: tags ? `${p.name} (${tags})` : p.name, group: 'process' });
  }
  for (const lane of [...used].filter((l) => l.startsWith('apqc:')).sort()) {
    lanes.push({ id: lane, label: `APQC category ${lane.slice(5)}.0`, group: 'process' });
  }
  if (used.has(UNLINKED)) lanes.push({ id: UNLINKED, label: 'No linked process', group: 'process' });
  return finishSpec(model, options, part, lanes, nodes, stacks, 'e2e', 'End-to-end view', [
    { kind: 'visibility', label: 'line of visibility', below: ['process'] },
  ]);
}
