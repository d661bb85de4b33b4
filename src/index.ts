/**
 * linesight's library API. Everything the CLI and the server do goes through here.
 *
 * @example
 * import { load } from 'linesight';
 * const { ok, model, diagnostics } = load('examples/order-departments.yaml', { scenario: 'account-executives' });
 */

export { type Analysis, analyze } from './analysis/analyze.js';
export { type Comparison, compareJourneys } from './analysis/compare.js';
export { diffAnalyses, type ScenarioDiff } from './analysis/diff.js';
export type { Finding, FindingKind, FindingSeverity } from './analysis/finding.js';
export { type JourneyMetrics, journeyMetrics, type Metrics } from './analysis/metrics.js';
export {
  REPORT_FORMATS,
  type ReportFormat,
  writeAnalysis,
  writeComparison,
  writeDiff,
} from './analysis/report/write.js';
export { exportBpmn } from './bpmn/export.js';
export { type BpmnImport, importBpmn } from './bpmn/import.js';
export { checkBpmnLinks } from './bpmn/links.js';
export * as mining from './mining/index.js';
export { BUILTIN_CHANNELS } from './model/channels.js';
export type { Diagnostic, DiagnosticCode, Path, Severity } from './model/diagnostic.js';
export { formatPath, hasErrors } from './model/diagnostic.js';
export { type Distribution, type DistributionKind, meanOf, parseDistribution } from './model/distribution.js';
export type { ModelDocument } from './model/document.js';
export {
  type Applied,
  addActivity,
  addBranch,
  addBranchFrom,
  addFail,
  addStage,
  addStepAfter,
  allIds,
  applyEdit,
  applyEdits,
  asScenarioChanges,
  type CanvasPlan,
  canDeleteStage,
  changesBetween,
  connect,
  deleteStage,
  deleteStep,
  deleteStepOnCanvas,
  type Edit,
  EditError,
  type EditKind,
  type EditPath,
  insertStep,
  labelOf,
  type ModelData,
  moveStage,
  moveStep,
  nameEdits,
  newId,
  type Recorded,
  type Recording,
  readFlow,
  readModel,
  rebalance,
  recordAsScenario,
  removeActivity,
  removeBranch,
  removeFail,
  renameBox,
  renameStage,
  type ScenarioChange,
  type SegmentFlow,
  sharesOf,
  type Use,
  usesOf,
  waitEdit,
  writeFlow,
} from './model/edits/index.js';
export { jsonSchema } from './model/json-schema.js';
export {
  applyScenario,
  checkFile,
  checkText,
  type FileCheck,
  type Loaded,
  type LoadOptions,
  type LoadResult,
  load,
  type NotLoaded,
  parse,
  validate,
} from './model/load.js';
export type * from './model/model.js';
export { applyOverrides, type Override, parseOverride, whatIfSides } from './model/overrides.js';
export { successors } from './model/reachability.js';
export { scenarioView } from './model/scenario-view.js';
export {
  FILE_KINDS,
  type FileKind,
  ModelSchema,
  PartSchema,
  ScenarioFileSchema,
} from './model/schema.js';
export { serializeModel } from './model/serialize.js';
export {
  formatDuration,
  type Money,
  parseCostPerHour,
  parseDuration,
  parseMoney,
  parseProbability,
  parseRate,
} from './model/units.js';
export type { ContactKpis, PoolContactCenter } from './simulation/contact-center.js';
export {
  compileModel,
  defaultWorkers,
  type Estimate,
  type EventLogOptions,
  erlangA,
  erlangC,
  eventLogCsv,
  type KpiDifference,
  mmc,
  preflight,
  type SimulatedEvent,
  type SimulationOptions,
  type SimulationResult,
  simulate,
  simulateEventLog,
  type WhatIfResult,
  whatIf,
} from './simulation/index.js';
export {
  type PoolStaffing,
  StaffingError,
  type StaffingOptions,
  type StaffingResult,
  type StaffingScenario,
  scenarioEdit as staffingScenarioEdit,
  staffingScenario,
  staffModel,
} from './simulation/staffing/index.js';
export { dfgDiagram } from './views/dfg.js';
export type { Box, Diagram, Edge, Lane, ViewId } from './views/diagram.js';
export { type DiagramMeasures, measureDiagram } from './views/measure.js';
export { type Pdf, toPdf } from './views/pdf.js';
export { PAPERS, type PagePlan } from './views/pdf-pages.js';
export { toPng } from './views/png.js';
export { VIEW_IDS, VIEWS } from './views/registry.js';
export {
  layout,
  RenderOptionError,
  type RenderOptions,
  renderPdf,
  renderPng,
  renderSvg,
} from './views/render.js';
export { toSvg } from './views/svg.js';
