/**
 * The pools' queues in the reports: each pool's figures, and the journey with the queues beside
 * the exact one. Every figure here is approximate (queueing formulas), and the sections say so.
 */
import type { Model } from '../../model/model.js';
import { formatDuration } from '../../model/units.js';
import type { Analysis } from '../analyze.js';
import { pct } from '../finding.js';
import { journeyMetricCatalog } from '../metric-catalog.js';
import type { JourneyMetrics } from '../metrics.js';
import type { Section } from './table.js';

const wait = (seconds: number | null) =>
  seconds === null || !Number.isFinite(seconds) ? 'without bound (overloaded)' : formatDuration(seconds);

export function queueSections(model: Model, a: Analysis): Section[] {
  const q = a.queues;
  if (q.pools.length === 0)
    return q.warnings.length > 0
      ? [{ title: 'Queues (approximate)', intro: q.warnings.join('\n'), headers: [], rows: [] }]
      : [];
  const fixedPoint = q.fixedPoint.converged
    ? `the abandonment fed back into the flow settled in ${q.fixedPoint.iterations} rounds (to a change under ${Number((q.fixedPoint.tolerance * 100).toPrecision(2))} points)`
    : `the abandonment fed back into the flow did NOT settle in ${q.fixedPoint.iterations} rounds`;
  const pools: Section = {
    title: 'Queues at the pools (approximate)',
    intro: [
      `Queueing formulas, not exact: Erlang A with the customers' patience (Erlang C without) in each period of the week with constant staff and arrivals, weighted by arrivals; ${fixedPoint}. On the examples the journey's ends agree with the simulation within 3 points; a single pool's abandonment can be off by more where a closed line reopens to a rush of callers. Simulate for firm figures.`,
      ...q.warnings,
    ].join('\n'),
    headers: [
      'Pool',
      'Arrivals per hour',
      'Offered load (Erlangs)',
      'Utilisation',
      'P(wait)',
      'Mean wait in queue',
      'Abandonment',
      'Service level (target)',
    ],
    rows: q.pools.map((p) => [
      p.name,
      Number(p.arrivalsPerHour.toFixed(1)).toString(),
      Number(p.offeredLoad.toFixed(2)).toString(),
      p.utilisation === null ? 'never on shift' : pct(p.utilisation),
      pct(p.waitProbability),
      wait(p.meanWait),
      pct(p.abandonment),
      p.serviceLevel
        ? `${pct(p.serviceLevel.achieved)} in ${formatDuration(p.serviceLevel.within)} (target ${pct(p.serviceLevel.share)})`
        : '-',
    ]),
  };
  const withQueues = q.metrics;
  if (!withQueues) return [pools];
  const names = new Map(model.segments.map((s) => [s.id, s.name]));
  const rows: { label: string; get(m: JourneyMetrics): number | null; format(x: number): string }[] = [
    ...journeyMetricCatalog(model.ends).filter((d) => d.key.startsWith('ends.')),
    { label: 'Customer time in queues', get: (m) => m.queueWait, format: wait },
    {
      label: 'Customer time waiting (planned, and for a closed line)',
      get: (m) => m.waitTime,
      format: formatDuration,
    },
    { label: 'Customer time, end to end', get: (m) => m.time, format: wait },
    {
      label: 'Contacts per customer',
      get: (m) => m.contacts,
      format: (x) => Number(x.toFixed(3)).toString(),
    },
    {
      label: 'Failures met per customer',
      get: (m) => m.failures,
      format: (x) => Number(x.toFixed(3)).toString(),
    },
  ];
  const show = (v: number | null, format: (x: number) => string) => (v === null ? '-' : format(v));
  const journey: Section = {
    title: 'The journey with queues, per customer (approximate)',
    intro:
      'The exact journey with the waits and abandonment of the queues above: customers who give up go where the pool says.',
    headers: [
      'Metric',
      'Without queues (exact)',
      'With queues',
      ...(withQueues.segments.length > 1
        ? withQueues.segments.map((s) => `${names.get(s.segment) ?? s.segment}, with queues`)
        : []),
    ],
    rows: rows.map((def) => [
      def.label,
      show(def.get(a.metrics.overall), def.format),
      show(def.get(withQueues.overall), def.format),
      ...(withQueues.segments.length > 1 ? withQueues.segments.map((s) => show(def.get(s), def.format)) : []),
    ]),
  };
  return [pools, journey];
}
