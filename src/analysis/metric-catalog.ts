/** The journey metrics people read in reports, diffs and comparisons: their labels, units and which way is better. */
import { formatDuration } from '../model/units.js';
import type { JourneyMetrics, StageMetrics } from './metrics.js';

export interface MetricDefinition<M> {
  key: string;
  label: string;
  get(m: M): number | null;
  format(value: number): string;
  /** For every metric here, less is better for the customer, except where noted. */
  better: 'lower' | 'higher';
}

const count = (x: number) => Number(x.toFixed(3)).toString();
const percent = (x: number) => `${Number((x * 100).toFixed(2))}%`;
const duration = (x: number) => formatDuration(x);

export function journeyMetricCatalog(
  endIds: { id: string; name: string; outcome: 'success' | 'exit' }[],
): MetricDefinition<JourneyMetrics>[] {
  return [
    ...endIds.map((e) => ({
      key: `ends.${e.id}`,
      label: `Ends '${e.name}'`,
      get: (m: JourneyMetrics) => m.ends[e.id] ?? 0,
      format: percent,
      better: e.outcome === 'success' ? ('higher' as const) : ('lower' as const),
    })),
    { key: 'steps', label: 'Steps per customer', get: (m) => m.steps, format: count, better: 'lower' },
    {
      key: 'contacts',
      label: 'Contacts per customer',
      get: (m) => m.contacts,
      format: count,
      better: 'lower',
    },
    { key: 'calls', label: 'Calls per customer', get: (m) => m.calls, format: count, better: 'lower' },
    {
      key: 'channelSwitches',
      label: 'Channel switches',
      get: (m) => m.channelSwitches,
      format: count,
      better: 'lower',
    },
    {
      key: 'forcedSwitches',
      label: 'Forced channel switches',
      get: (m) => m.forcedSwitches,
      format: count,
      better: 'lower',
    },
    {
      key: 'handoffs',
      label: 'Hand-offs behind the steps',
      get: (m) => m.handoffs,
      format: count,
      better: 'lower',
    },
    {
      key: 'transfers',
      label: 'Transfers between departments',
      get: (m) => m.transfers,
      format: count,
      better: 'lower',
    },
    {
      key: 'serviceTime',
      label: 'Customer time in service',
      get: (m) => m.serviceTime,
      format: duration,
      better: 'lower',
    },
    {
      key: 'waitTime',
      label: 'Customer time waiting (planned)',
      get: (m) => m.waitTime,
      format: duration,
      better: 'lower',
    },
    { key: 'effort', label: 'Customer effort (sum)', get: (m) => m.effort, format: count, better: 'lower' },
    {
      key: 'emotion',
      label: 'Emotion (mean, -2..+2)',
      get: (m) => m.emotion,
      format: count,
      better: 'higher',
    },
    {
      key: 'failures',
      label: 'Failures met per customer',
      get: (m) => m.failures,
      format: count,
      better: 'lower',
    },
    {
      key: 'anyFailure',
      label: 'Customers meeting a failure',
      get: (m) => m.anyFailure,
      format: percent,
      better: 'lower',
    },
    {
      key: 'trapped',
      label: 'Customers in a loop with no way out',
      get: (m) => m.trapped,
      format: percent,
      better: 'lower',
    },
  ];
}

export const STAGE_METRICS: MetricDefinition<StageMetrics>[] = [
  { key: 'steps', label: 'Steps', get: (m) => m.steps, format: count, better: 'lower' },
  { key: 'contacts', label: 'Contacts', get: (m) => m.contacts, format: count, better: 'lower' },
  { key: 'time', label: 'Customer time', get: (m) => m.time, format: duration, better: 'lower' },
  { key: 'effort', label: 'Effort', get: (m) => m.effort, format: count, better: 'lower' },
  { key: 'failures', label: 'Failure exposure', get: (m) => m.failures, format: count, better: 'lower' },
];
