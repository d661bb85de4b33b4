/**
 * What a BPMN file says beyond its flow graph, read once for the importer: BPSim 2.0 parameters
 * (any tool's) and linesight's own `linesight:properties` (its exports), both by BPMN element id.
 * The importer asks; a foreign file without either answers undefined everywhere.
 *
 * STUB: the interface is the contract between the importer and the exporter; the exporter's
 * owner fills it in (the encoding is theirs: write and read live side by side in this folder).
 */
import type { Element } from '../moddle.js';

/** Model-file data (what a YAML model file holds), not the loaded model. */
export type FileData = Record<string, unknown>;

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
}

export function readInterchange(_definitions: Element): Interchange {
  return {
    fromLinesight: false,
    model: () => ({}),
    step: () => ({}),
    shares: () => undefined,
    probability: () => undefined,
    duration: () => undefined,
    arrivals: () => undefined,
    element: () => ({}),
  };
}
