/** A log's directly-follows graph laid out as SVG; the discovery itself comes from the event store. */
import type { Discovery } from '../../mining/index.js';
import { type DfgMeasure, logDfgDiagram } from '../../views/dfg.js';
import { toSvg } from '../../views/svg.js';

export const dfgSvg = async (input: {
  log: string;
  discovery: Pick<Discovery, 'dfg' | 'start' | 'end' | 'activities' | 'moreEdges' | 'moreActivities'>;
  edges: number;
  measure: DfgMeasure;
}) => toSvg(await logDfgDiagram(input.log, input.discovery, input.edges, input.measure));
