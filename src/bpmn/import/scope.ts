/**
 * Where the journey is read from: the customer's pool's process; for a black-box customer the
 * company pool's tasks that exchange messages with it (the touchpoints); without pools, the one
 * process there is.
 */
import type { Element } from '../moddle.js';
import { ownerOf, pickCustomerPool, poolsOf } from './customer-pool.js';
import { allElements, children, isActivity } from './graph.js';
import { shown } from './labels.js';
import { allLanes } from './organization.js';

export interface Scope {
  journeyProcess: Element;
  customer?: Element;
  pools: ReturnType<typeof poolsOf> & { processes: Element[] };
  /** Sub-processes are walked through (their inner tasks are steps). */
  flatten: boolean;
  blackBox: boolean;
  touchpointTasks: Element[];
  ownerOf(node: Element | undefined): Element | undefined;
  warning?: string;
}

export function journeyScope(
  definitions: Element,
  customerPool: string | undefined,
): Scope | { error: { message: string; hint: string } } {
  const roots = (definitions.rootElements as Element[] | undefined) ?? [];
  const processes = roots.filter((r) => r.$type === 'bpmn:Process');
  const found = poolsOf(definitions);
  const pools = { ...found, processes };
  const owner = (node: Element | undefined) => ownerOf(node, found.participants);
  const pick = pickCustomerPool(found, customerPool, (p) => allLanes(p.processRef as Element | undefined));
  if ('error' in pick) return pick;
  const customer = pick.participant;
  const base = { pools, ownerOf: owner, touchpointTasks: [] as Element[] };
  if (customer) {
    const process = customer.processRef as Element | undefined;
    if (process && allElements(process).some(isActivity))
      return {
        ...base,
        journeyProcess: process,
        customer,
        flatten: true,
        blackBox: false,
        ...warned(pick.warning),
      };
    // A black box: the journey is what the company does with it, touchpoint by touchpoint.
    const touches = new Map<Element, Set<Element>>();
    for (const m of found.messageFlows) {
      const [a, b] = [m.sourceRef as Element, m.targetRef as Element];
      for (const [mine, theirs] of [
        [a, b],
        [b, a],
      ] as const) {
        if (owner(mine) !== customer || !theirs || !isActivity(theirs)) continue;
        const pool = owner(theirs);
        const theirProcess = pool?.processRef as Element | undefined;
        if (!pool || pool === customer || !theirProcess) continue;
        touches.set(theirProcess, (touches.get(theirProcess) ?? new Set()).add(theirs));
      }
    }
    const ranked = [...touches].sort((x, y) => y[1].size - x[1].size);
    const [best, second] = ranked;
    if (!best)
      return {
        error: {
          message: `the customer's pool '${shown(customer)}' is a black box and no task of another pool exchanges messages with it, so there is no journey to read`,
          hint: "draw the customer's steps in its pool, or choose the pool that holds them with --customer-pool NAME",
        },
      };
    const order = allElements(best[0]).filter((e) => best[1].has(e));
    const notes = [
      pick.warning,
      `the customer's pool '${shown(customer)}' is a black box: its journey is the tasks of '${shown(owner(order[0]))}' that exchange messages with it`,
      second
        ? `tasks of '${shown(owner([...second[1]][0]))}' also exchange messages with it; left out of the journey`
        : undefined,
    ].filter((x): x is string => x !== undefined);
    return {
      ...base,
      journeyProcess: best[0],
      customer,
      flatten: false,
      blackBox: true,
      touchpointTasks: order,
      warning: notes.join('; '),
    };
  }
  const lone =
    processes.find((p) => children(p).some(isActivity)) ??
    processes.find((p) => allElements(p).some(isActivity));
  if (!lone)
    return {
      error: { message: 'the file has no process with tasks', hint: 'a journey needs at least one task' },
    };
  return {
    ...base,
    journeyProcess: lone,
    flatten: true,
    blackBox: false,
    warning: `no customer pool: the process '${shown(lone)}' is read as the customer's journey`,
  };
}

const warned = (warning: string | undefined) => (warning ? { warning } : {});
