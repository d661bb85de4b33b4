/**
 * The analysis of a model, exact where the model allows it:
 *
 *   model ──> per-segment absorbing chains ──> metrics (overall, by segment, by stage)
 *         ──> findings: simplify, failures, line of sight, coverage ──> ranked
 *
 * Everything here is computed, not sampled; queueing is left to the simulator.
 */
import type { Model } from '../model/model.js';
import { analysisContext } from './context.js';
import { type Coverage, coverage, coverageFindings } from './coverage.js';
import { failureFindings } from './failures.js';
import { type Finding, rank } from './finding.js';
import { type DepartmentSight, lineOfSight, lineOfSightFindings } from './line-of-sight.js';
import type { Metrics } from './metrics.js';
import { simplifyFindings } from './simplify.js';

export interface Analysis {
  model: { id: string; name: string; file: string; scenario?: { id: string; name: string } };
  /** The segments analysed: all of them, or the one asked for. */
  segments: string[];
  metrics: Metrics;
  findings: Finding[];
  lineOfSight: DepartmentSight[];
  coverage: Coverage;
}

export function analyze(model: Model, options: { segment?: string } = {}): Analysis {
  const segments = options.segment ? [options.segment] : model.segments.map((s) => s.id);
  const ctx = analysisContext(model, segments);
  const sights = lineOfSight(ctx);
  const cover = coverage(ctx);
  const findings = rank([
    ...failureFindings(ctx),
    ...simplifyFindings(ctx),
    ...lineOfSightFindings(sights),
    ...coverageFindings(cover),
  ]);
  return {
    model: {
      id: model.id,
      name: model.name,
      file: model.file,
      ...(model.scenario ? { scenario: model.scenario } : {}),
    },
    segments,
    metrics: ctx.metrics,
    findings,
    lineOfSight: sights,
    coverage: cover,
  };
}
