/** What the parts of an export's customer process share: the model, its diagram, the writer, and the sizes of events. */
import type { Model } from '../model/model.js';
import type { Diagram } from '../views/diagram.js';
import type { DiagramWriter } from './diagram-writer.js';
import type { SimParameters } from './interchange/bpsim-write.js';
import type { Element, Moddle } from './moddle.js';

export const EVENT = 36;
export const GATEWAY = 36;
/** Where a step's message flow leaves its task's bottom edge, from the task's left. */
export const MESSAGE_X = 24;

export interface Context {
  model: Model;
  diagram: Diagram;
  moddle: Moddle;
  w: DiagramWriter;
  sim: SimParameters[];
  resources: Element[];
}

export type Raw = Record<string, unknown>;
