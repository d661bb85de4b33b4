/**
 * The end-to-end view: the customer's whole journey on top, and below it the internal processes
 * each touchpoint triggers, one lane per process (its BPMN process, or its APQC category when the
 * activity names only a code), so a boundary-crossing process such as order-to-cash is seen whole.
 * Processes and activities are named as the model and its BPMN files name them; their BPMN ids
 * stay in the data of the drawing, since a reader knows a process by name.
 */
import { type BpmnNames, NO_BPMN_NAMES } from '../bpmn/names.js';
import type { Activity, Model, Step } from '../model/model.js';
import { finishSpec } from './blueprint.js';
import { customerPart, type ViewOptions } from './customer-lanes.js';
import type { LaneSpec, NodeSpec, SwimlaneSpec } from './swimlane-spec.js';

const UNLINKED = 'process:(unlinked)';

/** A linked name worth showing: one that says more than the model's own name beside it. */
const other = (linked: string | undefined, own: string) =>
  linked && linked.toLowerCase() !== own.toLowerCase() ? linked : undefined;

export function e2eSpec(
  model: Model,
  options: ViewOptions = {},
  bpmn: BpmnNames = NO_BPMN_NAMES,
): SwimlaneSpec {
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
      const task = other(bpmn.activity(activity), activity.name);
      const link = task ? `BPMN: ${task}` : activity.apqc ? `APQC ${activity.apqc}` : undefined;
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
    const linked = other(bpmn.process(p), p.name);
    const tags = [p.apqc ? `APQC ${p.apqc}` : '', linked ? `BPMN: ${linked}` : ''].filter(Boolean).join(', ');
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
