/**
 * The flow graph of a BPMN file as its semantics define it: each sequence flow's sourceRef and
 * targetRef. A node's `<incoming>`/`<outgoing>` children are optional in BPMN (most tools write
 * them, not all) and bpmn-moddle does not derive them, so they are only joined in where present.
 */
import type { Element } from '../moddle.js';

export const ACTIVITY =
  /^bpmn:(Task|UserTask|ServiceTask|SendTask|ReceiveTask|ManualTask|ScriptTask|BusinessRuleTask|SubProcess|CallActivity|AdHocSubProcess|Transaction)$/;

const SUB_PROCESS = /^bpmn:(SubProcess|AdHocSubProcess|Transaction)$/;

export interface FlowGraph {
  /** Sequence flows out of a node, in document order, each once. */
  outgoing(node: Element): Element[];
  incoming(node: Element): Element[];
}

export const children = (container: Element | undefined): Element[] =>
  (container?.flowElements as Element[] | undefined) ?? [];

/** Every flow element of a process or sub-process, those inside sub-processes included. */
export function allElements(container: Element | undefined): Element[] {
  const out: Element[] = [];
  const walk = (c: Element | undefined) => {
    for (const e of children(c)) {
      out.push(e);
      if (SUB_PROCESS.test(e.$type)) walk(e);
    }
  };
  walk(container);
  return out;
}

export const isActivity = (e: Element): boolean => ACTIVITY.test(e.$type);
export const isEventSubProcess = (e: Element): boolean =>
  SUB_PROCESS.test(e.$type) && e.triggeredByEvent === true;
/** A sub-process drawn with its inside: its inner tasks are the journey's steps. */
export const isExpandedSubProcess = (e: Element): boolean =>
  SUB_PROCESS.test(e.$type) && !isEventSubProcess(e) && children(e).some(isActivity);

export function flowGraph(containers: Element[]): FlowGraph {
  const out = new Map<Element, Set<Element>>();
  const into = new Map<Element, Set<Element>>();
  const add = (map: Map<Element, Set<Element>>, node: unknown, flow: Element) => {
    if (!node || typeof node !== 'object') return;
    const set = map.get(node as Element) ?? new Set<Element>();
    map.set(node as Element, set.add(flow));
  };
  const flowing = (f: unknown): f is Element =>
    !!f &&
    typeof f === 'object' &&
    (f as Element).$type === 'bpmn:SequenceFlow' &&
    !!(f as Element).sourceRef &&
    !!(f as Element).targetRef;
  for (const container of containers) {
    for (const e of allElements(container)) {
      if (flowing(e)) {
        add(out, e.sourceRef, e);
        add(into, e.targetRef, e);
      }
      for (const f of (e.outgoing as unknown[] | undefined) ?? [])
        if (flowing(f) && f.sourceRef === e) add(out, e, f);
      for (const f of (e.incoming as unknown[] | undefined) ?? [])
        if (flowing(f) && f.targetRef === e) add(into, e, f);
    }
  }
  return {
    outgoing: (node) => [...(out.get(node) ?? [])],
    incoming: (node) => [...(into.get(node) ?? [])],
  };
}
