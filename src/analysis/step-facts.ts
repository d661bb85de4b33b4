/**
 * What a step means for the customer and the organization, read off the model: is it a contact
 * (a person serves it), a call, which departments stand behind it in which order, how long it
 * takes and how long the customer waits. Definitions live here once, so every metric and finding
 * counts the same way.
 */
import { meanOf } from '../model/distribution.js';
import type { Model, Step } from '../model/model.js';

export interface StepFacts {
  step: Step;
  /** A person serves it (a role or a staffed pool): a contact in contact-center terms. */
  contact: boolean;
  /** A contact on a voice channel. */
  call: boolean;
  /** The frontstage department that serves the customer, if a person does. */
  servingDepartment?: string;
  /** Departments in the order the work passes through them: the server's, then each activity's. */
  departments: string[];
  /** Department changes along that chain. */
  handoffs: number;
  /** True when the chain goes A -> B -> A. */
  pingPong: boolean;
  serviceTime: number;
  waitTime: number;
  /** Waiting that does not serve the customer (hold, call-backs); delivery waits add value. */
  idleWait: number;
}

export function stepFacts(model: Model): Map<string, StepFacts> {
  const roleDepartment = new Map(
    model.organization.departments.flatMap((d) => d.roles.map((r) => [r.id, d.id] as const)),
  );
  const channelMode = new Map(model.channels.map((c) => [c.id, c.mode]));
  const facts = new Map<string, StepFacts>();
  for (const step of model.steps) {
    const servingDepartment = step.role ? roleDepartment.get(step.role) : undefined;
    const departments = [
      ...(servingDepartment ? [servingDepartment] : []),
      ...step.backstage.map((a) => a.department),
    ];
    let handoffs = 0;
    let pingPong = false;
    for (let i = 1; i < departments.length; i++) {
      if (departments[i] !== departments[i - 1]) handoffs++;
      if (i >= 2 && departments[i] === departments[i - 2] && departments[i] !== departments[i - 1])
        pingPong = true;
    }
    const contact = step.role !== undefined || step.pool !== undefined;
    const waitTime = step.wait ? meanOf(step.wait.duration) : 0;
    facts.set(step.id, {
      step,
      contact,
      call: contact && step.channel !== undefined && channelMode.get(step.channel) === 'voice',
      ...(servingDepartment ? { servingDepartment } : {}),
      departments,
      handoffs,
      pingPong,
      serviceTime: step.duration ? meanOf(step.duration) : 0,
      waitTime,
      idleWait: step.wait && !step.wait.addsValue ? waitTime : 0,
    });
  }
  return facts;
}
