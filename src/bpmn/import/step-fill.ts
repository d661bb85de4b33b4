/**
 * A step read from the diagram, filled in with what the file says of it (linesight's exports): a
 * fail or wait point the diagram draws keeps its drawn way on, and takes its severity, cause or
 * reason as written; who serves a step the file names is as the file says.
 */

import type { Interchange } from '../interchange/read.js';
import type { Element } from '../moddle.js';
import type { Data } from './context.js';

const WHO_SERVES = ['role', 'system', 'pool', 'touchpoint'];

export function fillSteps(nodes: Element[], stepOfNode: Map<Element, Data>, interchange: Interchange): void {
  for (const node of nodes) {
    const step = stepOfNode.get(node) as Data;
    const said = interchange.step(String(node.id));
    // A step linesight exported says who serves it: a role read from its message flow is not added.
    if (said.id !== undefined) for (const key of WHO_SERVES) if (!(key in said)) delete step[key];
    const { id: _id, ...rest } = said;
    fillStep(step, rest);
  }
}

function fillStep(step: Data, said: Data): void {
  const isData = (x: unknown): x is Data => typeof x === 'object' && x !== null && !Array.isArray(x);
  for (const [key, value] of Object.entries(said)) {
    const drawn = step[key];
    // The cause and reason as written, not as cut short for a label; the way on as drawn.
    if ((key === 'fail' || key === 'wait') && isData(drawn) && isData(value))
      step[key] = { ...drawn, ...value, ...('next' in drawn ? { next: drawn.next } : {}) };
    else step[key] = value;
  }
}
