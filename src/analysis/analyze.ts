/**
 * The analysis of a model, exact where the model allows it:
 *
 *   model ──> per-segment absorbing chains ──> metrics (overall, by segment, by stage)
 *         ──> findings: simplify, failures, line of sight, coverage ──> ranked
 *
 * Everything here is computed, not sampled. The journey metrics and findings are exact for the
 * model as written, without queues; the pools' queues and the journey with them are approximate
 * (queueing formulas, see queues.ts), and `basis` says which is which.
 */
import type { Model } from '../model/model.js';
import { analysisContext } from './context.js';
import { type Coverage, coverage, coverageFindings } from './coverage.js';
import { failureFindings } from './failures.js';
import { type Finding, rank } from './finding.js';
import { type DepartmentSight, lineOfSight, lineOfSightFindings } from './line-of-sight.js';
import { journeyMetrics, type Metrics } from './metrics.js';
import { type QueueAnalysis, queueAnalysis } from './queues.js';
import { simplifyFindings } from './simplify.js';

export interface Analysis {
  model: { id: string; name: string; file: string; scenario?: { id: string; name: string } };
  /** The segments analysed: all of them, or the one asked for. */
  segments: string[];
  /** Exact: the journey as the model writes it, with no time in queues and no one giving up there. */
  metrics: Metrics;
  /** Which sections are exact and which approximate. */
  basis: {
    metrics: 'exact';
    findings: 'exact';
    lineOfSight: 'exact';
    coverage: 'exact';
    queues: 'approximate';
  };
  /** The pools' queues and the journey with them (approximate). */
  queues: Queues;
  findings: Finding[];
  lineOfSight: DepartmentSight[];
  coverage: Coverage;
}

export type Queues = Omit<QueueAnalysis, 'effect'> & {
  /** The journey with the queues' waits and abandonment; absent when no pool is analysed. */
  metrics?: Metrics;
};

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
  const { effect, ...queues } = queueAnalysis(model);
  return {
    model: {
      id: model.id,
      name: model.name,
      file: model.file,
      ...(model.scenario ? { scenario: model.scenario } : {}),
    },
    segments,
    metrics: ctx.metrics,
    basis: {
      metrics: 'exact',
      findings: 'exact',
      lineOfSight: 'exact',
      coverage: 'exact',
      queues: 'approximate',
    },
    queues: {
      ...queues,
      ...(effect ? { metrics: journeyMetrics(model, segments, effect, undefined, ctx.facts) } : {}),
    },
    findings,
    lineOfSight: sights,
    coverage: cover,
  };
}
