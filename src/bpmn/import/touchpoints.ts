/**
 * Touchpoints: a message flow between a customer step and a company pool's task makes that task's
 * role serve the step, and its name says the step's channel, what the customer gives or what they
 * are sent (readMessageName); the tasks that follow it in its pool (until the next one served) become
 * the step's backstage activities. A company task behind no touchpoint is named and left out.
 */
import { BUILTIN_CHANNELS } from '../../model/channels.js';
import { clip } from '../../model/clip.js';
import type { Interchange } from '../interchange/read.js';
import type { Element } from '../moddle.js';
import type { FlowGraph } from './graph.js';
import { allElements, isActivity } from './graph.js';
import { documentationOf, label, shown } from './labels.js';
import type { Organization, Who } from './organization.js';

type Step = Record<string, unknown>;

export interface TouchpointTerms {
  graph: FlowGraph;
  organization: Organization;
  messageFlows: Element[];
  /** The customer step a node of the journey belongs to, if any. */
  stepOf(node: Element | undefined): Step | undefined;
  /** Company tasks that are steps themselves (a black-box customer's journey). */
  served: Map<Element, Step>;
  makeId(e: Element, fallback: string): string;
  /** Where the elements whose documentation became a description are noted. */
  documented: Set<Element>;
  interchange: Interchange;
  warn(message: string): void;
}

export function linkTouchpoints(terms: TouchpointTerms): void {
  const { organization, served, warn } = terms;
  const behind = new Set<Element>(served.keys());
  const roleOf = (node: Element | undefined) => {
    for (let n = node; n; n = n.$parent as Element | undefined) {
      const who = organization.roleOfNode.get(n);
      if (who) return { who, node: n };
    }
    return undefined;
  };
  const addActivity = (step: Step, task: Element, who: Who) => {
    if (behind.has(task)) return;
    behind.add(task);
    const list = (step.backstage as Step[] | undefined) ?? [];
    const said = activityData(terms.interchange, task);
    // An activity linesight exported says its own department and role (or that it has none).
    const drawn = said.id === undefined ? { department: who.department, role: who.role } : {};
    const documented = documentationOf(task);
    if (documented) terms.documented.add(task);
    list.push({
      id: terms.makeId(task, 'activity'),
      name: label(task),
      ...drawn,
      ...(documented ? { description: documented } : {}),
      ...said,
    });
    step.backstage = list;
  };
  for (const m of terms.messageFlows) {
    const [a, b] = [m.sourceRef as Element, m.targetRef as Element];
    const fromCustomer = terms.stepOf(a);
    const step = fromCustomer ?? terms.stepOf(b);
    const found = roleOf(fromCustomer ? b : a);
    if (!step || !found) {
      if (!served.has(a) && !served.has(b))
        warn(`message flow '${shown(m)}' does not connect a customer step with another pool; left out`);
      continue;
    }
    if (!terms.interchange.fromLinesight) readMessageName(step, m, Boolean(fromCustomer));
    const other = found.node;
    // In linesight's exports a backstage activity may be what meets the customer (a confirmation sent).
    const saidActivity = terms.interchange.element(String(other.id)).id !== undefined;
    if (step.role === undefined && !saidActivity) {
      step.role = found.who.role;
      if (isActivity(other)) step.touchpoint = label(other);
      served.set(other, step);
    } else {
      served.set(other, step);
      if (isActivity(other) && step.touchpoint !== label(other)) addActivity(step, other, found.who);
    }
  }
  for (const [process, department] of organization.processes) {
    const pool = organization.departments.find((d) => d.id === department)?.name ?? department;
    for (const task of allElements(process).filter(isActivity)) {
      if (served.has(task) || behind.has(task)) continue;
      const owner = precedingServed(task, served, terms.graph);
      const step = owner ? served.get(owner) : undefined;
      if (step) addActivity(step, task, organization.roleOfNode.get(task) as Who);
      else
        warn(
          `task '${shown(task)}' of pool '${clip(String(pool))}' is not behind any customer touchpoint; left out`,
        );
    }
  }
}

/**
 * What a message flow's name says of the step it reaches: the channel, when it names one
 * ("Phone", "E-mail"); else what the customer gives (the step's `asks`: "Claim form") or what
 * they are sent and keep (its `evidence`: "Invoice"). linesight's own exports name a message by
 * its step's channel, which their step data already holds.
 */
function readMessageName(step: Step, message: Element, fromCustomer: boolean): void {
  const name = typeof message.name === 'string' ? label(message) : '';
  if (name === '') return;
  const channel = channelNamed(name);
  if (channel) {
    step.channel ??= channel;
    return;
  }
  if (fromCustomer) {
    const asks = (step.asks as string[] | undefined) ?? [];
    if (!asks.includes(name)) step.asks = [...asks, name];
  } else {
    const evidence = step.evidence as string | undefined;
    if (!evidence?.split(', ').includes(name)) step.evidence = evidence ? `${evidence}, ${name}` : name;
  }
}

/** The built-in channel a name is, by its id or name, hyphens and case aside ("E-Mail", "phone"). */
function channelNamed(name: string): string | undefined {
  const plain = (text: string) => text.toLowerCase().replace(/[\s-]/g, '');
  const wanted = plain(name);
  return BUILTIN_CHANNELS.find((c) => plain(c.id) === wanted || plain(c.name) === wanted)?.id;
}

/** The served task this one follows in its pool (walking back along sequence flows), if any. */
function precedingServed(
  task: Element,
  served: Map<Element, unknown>,
  graph: FlowGraph,
): Element | undefined {
  const seen = new Set<Element>();
  const queue = [task];
  while (queue.length > 0) {
    const node = queue.shift() as Element;
    for (const flow of graph.incoming(node)) {
      const source = flow.sourceRef as Element;
      if (!source || seen.has(source)) continue;
      if (served.has(source)) return source;
      seen.add(source);
      queue.push(source);
    }
  }
  return undefined;
}

/**
 * What a company task says it is: linesight's own exports name the activity and the step it is
 * behind (the step is where it is drawn, not a field); another tool's task is linked by its id.
 */
function activityData(interchange: Interchange, task: Element): Record<string, unknown> {
  const { step: _step, ...said } = interchange.element(String(task.id));
  return interchange.fromLinesight ? said : { bpmn: String(task.id), ...said };
}
