/** What the parts of an export's customer process share: the model, its diagram, the writer, and the sizes of events. */
import type { Model } from '../model/model.js';
import type { Box, Diagram } from '../views/diagram.js';
import type { DiagramWriter, Rect } from './diagram-writer.js';
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

/** Where a blueprint box's task is drawn in the export: moved down by the lanes above (`Y`), its size kept. */
export const drawnBox = (box: Box, Y: (y: number) => number): Rect => ({
  x: box.x,
  y: Y(box.y),
  width: box.width,
  height: box.height,
});
