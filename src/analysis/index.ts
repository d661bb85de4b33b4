/** The analysis as other parts of linesight may use it. */
export { type Analysis, analyze } from './analyze.js';
export { type Comparison, compareJourneys } from './compare.js';
export { diffAnalyses, type ScenarioDiff } from './diff.js';
export type { Finding, FindingKind, FindingSeverity } from './finding.js';
export { type JourneyMetrics, journeyMetrics, type Metrics } from './metrics.js';
