/**
 * What every part of reading the journey shares: the scope, the file's interchange data, the flow
 * graph, the journey's nodes, the ids made so far and the warnings.
 */
import { readInterchange } from '../interchange/read.js';
import type { Element } from '../moddle.js';
import { allElements, type FlowGraph, flowGraph, isEventSubProcess } from './graph.js';
import { idMaker, shown } from './labels.js';
import type { Scope } from './scope.js';

export type Data = Record<string, unknown>;

export interface JourneyContext {
  scope: Scope;
  interchange: ReturnType<typeof readInterchange>;
  graph: FlowGraph;
  /** The journey process's nodes, those of event sub-processes left out. */
  elements: Element[];
  ids: ReturnType<typeof idMaker>;
  /** The elements whose documentation the model keeps (as a description). */
  documented: Set<Element>;
  makeId(e: Element, fallback: string): string;
  warn(message: string): void;
  /** A warning said once however often it is found (keyed, so one gateway is named once). */
  warnOnce(key: string, message: string): void;
}

export function journeyContext(definitions: Element, scope: Scope, warnings: string[]): JourneyContext {
  const warn = (message: string) => warnings.push(message);
  const once = new Set<string>();
  const ids = idMaker();
  return {
    scope,
    interchange: readInterchange(definitions),
    graph: flowGraph(scope.pools.processes),
    elements: journeyElements(scope.journeyProcess, warn),
    ids,
    documented: new Set(),
    makeId: (e, fallback) => ids.of(e, fallback),
    warn,
    warnOnce(key, message) {
      if (!once.has(key)) {
        once.add(key);
        warn(message);
      }
    },
  };
}

/** The journey's nodes: event sub-processes run only when their event occurs, so they are named and left out. */
function journeyElements(process: Element, warn: (message: string) => void): Element[] {
  const eventSubs = allElements(process).filter(isEventSubProcess);
  for (const e of eventSubs)
    warn(`event sub-process '${shown(e)}' runs only when its event occurs; left out`);
  const inEventSub = (e: Element) => {
    for (let n = e.$parent as Element | undefined; n; n = n.$parent as Element | undefined)
      if (isEventSubProcess(n)) return true;
    return false;
  };
  return allElements(process).filter((e) => !isEventSubProcess(e) && !inEventSub(e));
}
