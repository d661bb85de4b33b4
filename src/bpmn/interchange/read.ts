/**
 * What a BPMN file says beyond its flow graph, read once for the importer: BPSim 2.0 parameters
 * (any tool's) and linesight's own `linesight:properties` (its exports), both by BPMN element id.
 * The importer asks; a foreign file without either answers undefined everywhere. Where both say
 * something, linesight's properties win: they hold the model's exact text (a duration as written,
 * probabilities per segment), BPSim the figures every simulator reads. docs/bpmn.md has the encoding.
 */
import { type Distribution, meanOf } from '../../model/distribution.js';
import { distributionText } from '../../model/serialize.js';
import type { Element } from '../moddle.js';
import { readBpsim } from './bpsim-read.js';
import { type FileData, readProperties } from './properties.js';

export type { FileData };

export interface Interchange {
  /** True when the file carries linesight's properties (one of its exports, maybe edited since). */
  readonly fromLinesight: boolean;
  /** Model-level data the diagram cannot show: name, currency, channels, systems, resources (pools), segments with shares and arrivals. */
  model(): FileData;
  /** The step data a task carries (id, stage, channel, touchpoint, duration, effort, emotion, momentOfTruth, asks, pool, role, system, patience, ...), by task id. */
  step(taskId: string): FileData;
  /** Per-segment probabilities of a sequence flow or boundary event, when written per segment. */
  shares(elementId: string): Record<string, number> | undefined;
  /** The probability of a sequence flow (BPSim ControlParameters Probability) or of a boundary event firing. */
  probability(elementId: string): number | undefined;
  /** A processing time (BPSim TimeParameters ProcessingTime) or a timer's wait, as model-file distribution data. */
  duration(elementId: string): unknown;
  /** Arrivals at a start event (BPSim InterTriggerTimer) as model-file arrivals data. */
  arrivals(startEventId: string): FileData | undefined;
  /** What a lane, participant, end event or company task says it is: department, role, system, visibility, outcome, activity data. */
  element(elementId: string): FileData;
  /** Added: what the file's BPSim says that linesight does not read, one sentence each (for the importer's warnings). */
  readonly unmapped?: string[];
  /** Added: a pool's size (BPSim ResourceParameters Quantity), by bpmn:Resource id. */
  quantity?(resourceId: string): number | undefined;
}

/** Every element with an id, found by walking what the definitions contain (not what they reference). */
function elementsById(definitions: Element): Map<string, Element> {
  const byId = new Map<string, Element>();
  const seen = new Set<unknown>();
  const visit = (value: unknown) => {
    if (!value || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    const el = value as Element;
    if (typeof el.$type !== 'string') return;
    if (el.id && !byId.has(el.id)) byId.set(el.id, el);
    for (const [key, v] of Object.entries(el))
      if (
        !key.startsWith('$') &&
        !/Ref$|^(incoming|outgoing|source|target|attachedToRef|bpmnElement)$/.test(key)
      )
        visit(v);
  };
  visit(definitions);
  return byId;
}

const asDistribution = (d: Distribution | undefined) => (d ? distributionText(d) : undefined);

export function readInterchange(definitions: Element): Interchange {
  const byId = elementsById(definitions);
  const props = (id: string) => readProperties(byId.get(id));
  const collaboration = [...byId.values()].find((e) => e.$type === 'bpmn:Collaboration');
  const modelData = readProperties(collaboration);
  const fromLinesight =
    Object.keys(modelData).length > 0 ||
    [...byId.values()].some((e) => Object.keys(readProperties(e)).length > 0);
  const bpsim = readBpsim(definitions);
  const sim = (id: string) => bpsim.byElement.get(id);

  return {
    fromLinesight,
    unmapped: bpsim.unmapped,
    model: () => {
      const data: FileData = { ...modelData };
      delete data.scenario;
      if (!data.resources) {
        // Another tool's pools: bpmn:Resource elements with a BPSim quantity.
        const pools = [...byId.values()]
          .filter((e) => e.$type === 'bpmn:Resource' && sim(String(e.id))?.quantity !== undefined)
          .map((e) => ({
            id: String(e.id),
            name: e.name ?? String(e.id),
            capacity: sim(String(e.id))?.quantity,
          }));
        if (pools.length) data.resources = pools;
      }
      return data;
    },
    step: (taskId) => {
      const data = props(taskId);
      if (data.duration === undefined) {
        const d = asDistribution(sim(taskId)?.processingTime);
        if (d !== undefined) data.duration = d;
      }
      return data;
    },
    shares: (id) => {
      const segments = props(id).segments;
      return segments && typeof segments === 'object' && !Array.isArray(segments)
        ? (segments as Record<string, number>)
        : undefined;
    },
    probability: (id) => {
      const p = sim(id)?.probability;
      if (p !== undefined) return p;
      const own = props(id).failProbability;
      return typeof own === 'number' ? own : undefined;
    },
    duration: (id) => {
      const data = props(id);
      const wait = data.wait as FileData | undefined;
      return data.duration ?? wait?.duration ?? asDistribution(sim(id)?.processingTime);
    },
    arrivals: (id) => {
      const timer = sim(id)?.interTriggerTimer;
      if (!timer) return undefined;
      const mean = meanOf(timer);
      if (!(mean > 0)) return undefined;
      return {
        rate: `${Number(((3600 / mean) as number).toPrecision(12))}/h`,
        ...(timer.kind === 'exponential' ? {} : { interarrival: distributionText(timer) }),
      };
    },
    element: (id) => props(id),
    quantity: (id) => sim(id)?.quantity,
  };
}
