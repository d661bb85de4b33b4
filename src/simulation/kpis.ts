/**
 * The KPIs of a replication, from its sums: per segment and for all customers. One list, with
 * labels, units and which way is better, read by the report, the what-if comparison and --sweep.
 */
import { formatDuration } from '../model/units.js';
import type { CompiledModel } from './compile.js';
import { CUSTOMER_SUMS, type RunResult } from './run.js';

/**
 * What a KPI's number is, so that a report can choose one unit for it: a count of customers, a
 * duration in seconds, a share from 0 to 1, a ratio (per customer, per order), a score, or money.
 */
export type KpiKind = 'count' | 'duration' | 'share' | 'ratio' | 'score' | 'money';

export interface KpiDefinition {
  key: string;
  label: string;
  kind: KpiKind;
  format(value: number): string;
  better: 'lower' | 'higher' | 'none';
}

type Sums = Record<(typeof CUSTOMER_SUMS)[number], number>;

const duration = (x: number) => formatDuration(Math.max(0, x));
const count = (x: number) => Number(x.toFixed(3)).toString();
const percent = (x: number) => `${Number((x * 100).toFixed(2))}%`;
const money = (x: number) => x.toFixed(2);

export function kpiDefinitions(
  m: CompiledModel,
  endNames: Map<string, string>,
  currency: string,
  poolNames: Map<string, string>,
): KpiDefinition[] {
  const pool = (id: string) => poolNames.get(id) ?? id;
  return [
    { key: 'customers', label: 'Customers counted', kind: 'count', format: count, better: 'none' },
    { key: 'timeInJourney', label: 'End-to-end time', kind: 'duration', format: duration, better: 'lower' },
    {
      key: 'queueWait',
      label: 'Time waiting in queues',
      kind: 'duration',
      format: duration,
      better: 'lower',
    },
    {
      key: 'plannedWait',
      label: 'Time in planned waits',
      kind: 'duration',
      format: duration,
      better: 'lower',
    },
    {
      key: 'contactsPerCustomer',
      label: 'Contacts per customer',
      kind: 'ratio',
      format: count,
      better: 'lower',
    },
    { key: 'contactsPerOrder', label: 'Contacts per order', kind: 'ratio', format: count, better: 'lower' },
    { key: 'callsPerOrder', label: 'Calls per order', kind: 'ratio', format: count, better: 'lower' },
    {
      key: 'abandonment',
      label: 'Abandonment (share of queue entries)',
      kind: 'share',
      format: percent,
      better: 'lower',
    },
    {
      key: 'customersAbandoning',
      label: 'Customers who gave up waiting',
      kind: 'share',
      format: percent,
      better: 'lower',
    },
    {
      key: 'firstContactResolution',
      label: 'First-contact resolution',
      kind: 'share',
      format: percent,
      better: 'higher',
    },
    {
      key: 'orders',
      label: 'Share reaching a successful end',
      kind: 'share',
      format: percent,
      better: 'higher',
    },
    ...m.endIds.map((id) => ({
      key: `end:${id}`,
      label: `Ends '${endNames.get(id) ?? id}'`,
      kind: 'share' as const,
      format: percent,
      better: 'none' as const,
    })),
    {
      key: 'failuresPerCustomer',
      label: 'Failures per customer',
      kind: 'ratio',
      format: count,
      better: 'lower',
    },
    { key: 'experience', label: 'Experience score (0-100)', kind: 'score', format: count, better: 'higher' },
    {
      key: 'costPerOrder',
      label: `Staff cost per order (${currency})`,
      kind: 'money',
      format: money,
      better: 'lower',
    },
    ...m.poolIds.map((id) => ({
      key: `utilisation:${id}`,
      label: `Utilisation of ${pool(id)}`,
      kind: 'share' as const,
      format: percent,
      better: 'none' as const,
    })),
    ...m.poolIds.map((id) => ({
      key: `queueAbandonment:${id}`,
      label: `Abandonment at ${pool(id)}`,
      kind: 'share' as const,
      format: percent,
      better: 'lower' as const,
    })),
  ];
}

/** KPI values of one replication: for all customers (segment null) or one segment. */
export function kpiValues(m: CompiledModel, r: RunResult, segment: number | null): Record<string, number> {
  const width = CUSTOMER_SUMS.length;
  const s = Object.fromEntries(CUSTOMER_SUMS.map((k) => [k, 0])) as Sums;
  const ends = new Float64Array(m.endIds.length);
  for (let g = 0; g < m.segments; g++) {
    if (segment !== null && g !== segment) continue;
    for (const [i, k] of CUSTOMER_SUMS.entries()) s[k] += r.sums[g * width + i] ?? 0;
    for (let e = 0; e < ends.length; e++) ends[e] = (ends[e] ?? 0) + (r.ends[g * ends.length + e] ?? 0);
  }
  const n = s.customers || Number.NaN;
  const orders = s.orders || Number.NaN;
  let staffCost = 0;
  let queued = 0;
  let abandons = 0;
  for (let p = 0; p < m.poolIds.length; p++) {
    staffCost += ((r.available[p] ?? 0) / 3600) * (m.costPerHour[p] ?? 0);
    queued += r.queued[p] ?? 0;
    abandons += r.abandons[p] ?? 0;
  }
  const values: Record<string, number> = {
    customers: s.customers,
    timeInJourney: s.time / n,
    queueWait: s.queueWait / n,
    plannedWait: s.plannedWait / n,
    contactsPerCustomer: s.contacts / n,
    contactsPerOrder: s.contacts / orders,
    callsPerOrder: s.calls / orders,
    abandonment: segment === null ? abandons / (queued || Number.NaN) : Number.NaN,
    customersAbandoning: s.abandoned / n,
    firstContactResolution: s.firstContactResolved / (s.contacted || Number.NaN),
    orders: s.orders / n,
    failuresPerCustomer: s.failures / n,
    experience: s.experience / n,
    // Staff are paid for their shifts whoever they serve: the cost is shared by all orders.
    costPerOrder: segment === null ? staffCost / orders : Number.NaN,
  };
  for (const [e, id] of m.endIds.entries()) values[`end:${id}`] = (ends[e] ?? 0) / n;
  for (const [p, id] of m.poolIds.entries()) {
    values[`utilisation:${id}`] =
      segment === null ? (r.busy[p] ?? 0) / ((r.available[p] ?? 0) || Number.NaN) : Number.NaN;
    values[`queueAbandonment:${id}`] =
      segment === null ? (r.abandons[p] ?? 0) / ((r.queued[p] ?? 0) || Number.NaN) : Number.NaN;
  }
  return values;
}
