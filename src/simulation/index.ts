/** The simulator as the CLI, the server and other parts use it. */
export { compileModel } from './compile.js';
export { type EventLogOptions, eventLogCsv, type SimulatedEvent, simulateEventLog } from './event-log.js';
export type { KpiDefinition } from './kpis.js';
export { isPoolKpi } from './kpis.js';
export { MONTH, type ModelValue, type ValueParts } from './net-value.js';
export {
  DEFAULT_MAX_REPLICATIONS,
  DEFAULT_PRECISION_KPIS,
  type PrecisionOutcome,
  parsePrecision,
  precisionKpis,
} from './precision.js';
export { meanCapacity, offeredLoad, type Problem, preflight } from './preflight.js';
export { readoutInput } from './readout/readout-input.js';
export type { RunRemedy, RunWarning } from './run-warnings.js';
export {
  assumptionText,
  type ScenarioValue,
  scenarioValue,
  VALUE_VERDICT_WORDS,
  type ValueAssumption,
  type ValueSensitivity,
  type ValueVerdict,
  valueVerdict,
} from './scenario-value.js';
export {
  defaultWorkers,
  modelKpis,
  SimulationCancelled,
  type SimulationOptions,
  type SimulationResult,
  simulate,
} from './simulate.js';
export { type Estimate, erlangA, erlangC, estimate, mmc } from './stats.js';
export { studentTQuantile, tQuantile } from './student-t.js';
export {
  MAX_SWEEP_VALUES,
  parseSweep,
  parseTarget,
  type SweepPoint,
  type SweepRange,
  type SweepResult,
  type SweepTarget,
  sweep,
  sweepKpis,
  sweptValue,
  UnknownKpiError,
} from './sweep.js';
export { sweepColumns } from './sweep-columns.js';
export type { WarmupCheck } from './warmup-check.js';
export {
  type KpiDifference,
  pairedDifferences,
  unionKpis,
  type WhatIfResult,
  type WhatIfScenario,
  whatIf,
} from './whatif.js';
export {
  describeWork,
  estimateWork,
  roughDuration,
  STEP_VISITS_PER_SECOND,
  totalWork,
  type WorkEstimate,
} from './work.js';
