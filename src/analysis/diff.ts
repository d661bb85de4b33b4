/**
 * What a what-if scenario changes: every journey metric before and after, the queues' figures
 * (approximate) where the model has pools, and the findings it adds or removes.
 */

import type { Model } from '../model/model.js';
import { formatDuration } from '../model/units.js';
import { percent } from '../text/percent.js';
import type { Analysis } from './analyze.js';
import type { Finding } from './finding.js';
import { journeyMetricCatalog, type MetricDefinition, STAGE_METRICS } from './metric-catalog.js';
import type { JourneyMetrics } from './metrics.js';
import type { PoolQueue } from './queues.js';

export interface MetricChange {
  key: string;
  label: string;
  base: number | null;
  scenario: number | null;
  change: number | null;
  /** Relative change, when the base is not zero. */
  relative: number | null;
  baseText: string;
  scenarioText: string;
  /** The change in the metric's own unit, signed, with the relative change. */
  changeText: string;
  /** better, worse or same for the customer. */
  verdict: 'better' | 'worse' | 'same';
}

export interface ScenarioDiff {
  scenario: { id: string; name: string };
  metrics: MetricChange[];
  /** Stage by stage: the same, per stage. */
  stages: { stage: string; name: string; metrics: MetricChange[] }[];
  /**
   * The journey with the queues' waits and abandonment, and each pool's queue (approximate):
   * absent when neither side has a pool analysed. A change of staff moves these and not the
   * exact metrics above, which leave the queues out.
   */
  queues?: {
    metrics: MetricChange[];
    pools: { pool: string; name: string; metrics: MetricChange[] }[];
  };
  added: Finding[];
  removed: Finding[];
}

export function diffAnalyses(
  model: Model,
  base: Analysis,
  scenario: Analysis,
  id: { id: string; name: string },
): ScenarioDiff {
  const catalog = journeyMetricCatalog(model.ends);
  const change = <M>(
    def: {
      key: string;
      label: string;
      get(m: M): number | null;
      format(v: number): string;
      better: 'lower' | 'higher';
    },
    a: M,
    b: M,
  ): MetricChange => {
    const x = def.get(a);
    const y = def.get(b);
    const delta = x === null || y === null ? null : y - x;
    const tiny = delta === null || Math.abs(delta) <= 1e-9 * Math.max(1, Math.abs(x ?? 0));
    return {
      key: def.key,
      label: def.label,
      base: x,
      scenario: y,
      change: delta,
      relative: delta !== null && x ? delta / Math.abs(x) : null,
      baseText: x === null ? '-' : def.format(x),
      scenarioText: y === null ? '-' : def.format(y),
      changeText:
        delta === null || tiny
          ? '0'
          : `${delta > 0 ? '+' : '-'}${def.format(Math.abs(delta))}${x ? ` (${delta > 0 ? '+' : ''}${Number(((delta / Math.abs(x)) * 100).toFixed(1))}%)` : ''}`,
      verdict: tiny ? 'same' : (def.better === 'lower') === (delta as number) < 0 ? 'better' : 'worse',
    };
  };
  const queues = queueChanges(model, base, scenario, change);
  const baseIds = new Set(base.findings.map((f) => f.id));
  const scenarioIds = new Set(scenario.findings.map((f) => f.id));
  return {
    scenario: id,
    metrics: catalog.map((def) => change(def, base.metrics.overall, scenario.metrics.overall)),
    stages: model.stages.map((s) => ({
      stage: s.id,
      name: s.name,
      metrics: STAGE_METRICS.map((def) =>
        change(
          def,
          base.metrics.overall.byStage[s.id] ?? zeroStage,
          scenario.metrics.overall.byStage[s.id] ?? zeroStage,
        ),
      ),
    })),
    ...(queues ? { queues } : {}),
    added: scenario.findings.filter((f) => !baseIds.has(f.id)),
    removed: base.findings.filter((f) => !scenarioIds.has(f.id)),
  };
}

const zeroStage = { steps: 0, contacts: 0, calls: 0, time: 0, effort: 0, failures: 0 };

type Change = <M>(def: MetricDefinition<M>, a: M, b: M) => MetricChange;

/** The journey with queues, and each pool on both sides, compared; undefined without pools. */
function queueChanges(
  model: Model,
  base: Analysis,
  scenario: Analysis,
  change: Change,
): ScenarioDiff['queues'] {
  const [a, b] = [base.queues, scenario.queues];
  if (!a.metrics || !b.metrics) return undefined;
  const journey: MetricDefinition<JourneyMetrics>[] = [
    ...journeyMetricCatalog(model.ends).filter((d) => d.key.startsWith('ends.')),
    {
      key: 'queueWait',
      label: 'Customer time in queues',
      get: (m) => m.queueWait,
      format: duration,
      better: 'lower',
    },
    {
      key: 'time',
      label: 'Customer time, end to end',
      get: (m) => m.time,
      format: duration,
      better: 'lower',
    },
  ];
  const theirs = new Map(b.pools.map((p) => [p.pool, p]));
  return {
    metrics: journey.map((def) =>
      change(def, a.metrics?.overall as JourneyMetrics, b.metrics?.overall as JourneyMetrics),
    ),
    pools: a.pools.flatMap((p) => {
      const q = theirs.get(p.pool);
      return q ? [{ pool: p.pool, name: p.name, metrics: POOL_METRICS.map((def) => change(def, p, q)) }] : [];
    }),
  };
}

const duration = (x: number) => formatDuration(x);

/** A pool's queue figures, as the analysis's queue table shows them; a wait without bound is none. */
const POOL_METRICS: MetricDefinition<PoolQueue>[] = [
  {
    key: 'waitProbability',
    label: 'P(wait)',
    get: (p) => p.waitProbability,
    format: percent,
    better: 'lower',
  },
  { key: 'meanWait', label: 'Mean wait in queue', get: (p) => p.meanWait, format: duration, better: 'lower' },
  { key: 'abandonment', label: 'Abandonment', get: (p) => p.abandonment, format: percent, better: 'lower' },
  {
    key: 'serviceLevel',
    label: 'Service level',
    get: (p) => p.serviceLevel?.achieved ?? null,
    format: percent,
    better: 'higher',
  },
];
