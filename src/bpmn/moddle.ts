/**
 * bpmn-moddle with linesight's extension: `<linesight:model>` carries the whole model (so that a
 * round trip through BPMN loses nothing) and `<linesight:properties>` the simulation and
 * experience parameters of an element, readable in any tool's extension panel.
 */
import { BpmnModdle } from 'bpmn-moddle';
import { bpsimDescriptor } from './interchange/bpsim-moddle.js';

export const LINESIGHT_NS = 'https://linesight.dev/schema/bpmn/1';

const descriptor = {
  name: 'linesight',
  uri: LINESIGHT_NS,
  prefix: 'linesight',
  xml: { tagAlias: 'lowerCase' },
  types: [
    {
      name: 'Model',
      superClass: ['Element'],
      properties: [
        { name: 'format', isAttr: true, type: 'String' },
        { name: 'text', isBody: true, type: 'String' },
      ],
    },
    {
      name: 'Properties',
      superClass: ['Element'],
      properties: [{ name: 'values', isMany: true, type: 'Property' }],
    },
    {
      name: 'Property',
      superClass: ['Element'],
      properties: [
        { name: 'name', isAttr: true, type: 'String' },
        { name: 'value', isAttr: true, type: 'String' },
        // "json" when the value is JSON (a number, a list, an object), so that text stays text.
        { name: 'type', isAttr: true, type: 'String' },
      ],
    },
  ],
};

export type Moddle = InstanceType<typeof BpmnModdle>;

export const createModdle = (): Moddle => new BpmnModdle({ linesight: descriptor, bpsim: bpsimDescriptor });

/** moddle elements are open objects; this is the view of them the importer and exporter use. */
export interface Element {
  $type: string;
  id?: string;
  name?: string;
  [key: string]: unknown;
}
