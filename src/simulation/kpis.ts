/**
 * The KPIs of a replication, from its sums: per segment and for all customers. One list, with
 * labels, units and which way is better, read by the report, the what-if comparison and --sweep.
 */
import { formatDuration } from '../model/units.js';
import type { CompiledModel } from './compile.js';
import { contactKpiValues, poolContactSums } from './contact-center.js';
import { ENTRIES } from './contact-sums.js';
import { estimateText, type KpiKind } from './readout/kpi-unit.js';
import { CUSTOMER_SUMS, type RunResult } from './run.js';
import type { Estimate } from './stats.js';

export interface KpiDefinition {
  key: string;
  label: string;
  kind: KpiKind;
  /** An estimate of it for people to read, in one unit: "43.9 ± 0.2 h", "EUR 8.20 ± 0.12". */
  text(e: Estimate): string;
  better: 'lower' | 'higher' | 'none';
}

type Sums = Record<(typeof CUSTOMER_SUMS)[number], number>;

export function kpiDefinitions(
  m: CompiledModel,
  endNames: Map<string, string>,
  currency: string,
  poolNames: Map<string, string>,
): KpiDefinition[] {
  const pool = (id: string) => poolNames.get(id) ?? id;
  const kpis: Omit<KpiDefinition, 'text'>[] = [
    { key: 'customers', label: 'Customers counted', kind: 'count', better: 'none' },
    { key: 'timeInJourney', label: 'End-to-end time', kind: 'duration', better: 'lower' },
    {
      key: 'queueWait',
      label: 'Time waiting in queues',
      kind: 'duration',
      better: 'lower',
    },
    {
      key: 'plannedWait',
      label: 'Time in planned waits',
      kind: 'duration',
      better: 'lower',
    },
    {
      key: 'contactsPerCustomer',
      label: 'Contacts per customer',
      kind: 'ratio',
      better: 'lower',
    },
    { key: 'contactsPerOrder', label: 'Contacts per order', kind: 'ratio', better: 'lower' },
    { key: 'callsPerOrder', label: 'Calls per order', kind: 'ratio', better: 'lower' },
    {
      key: 'abandonment',
      label: 'Abandonment (share of queue entries)',
      kind: 'share',
      better: 'lower',
    },
    {
      key: 'customersAbandoning',
      label: 'Customers who gave up waiting',
      kind: 'share',
      better: 'lower',
    },
    {
      key: 'firstContactResolution',
      label: 'First-contact resolution',
      kind: 'share',
      better: 'higher',
    },
    {
      key: 'orders',
      label: 'Share reaching a successful end',
      kind: 'share',
      better: 'higher',
    },
    ...m.endIds.map((id) => ({
      key: `end:${id}`,
      label: `Ends '${endNames.get(id) ?? id}'`,
      kind: 'share' as const,
      better: 'none' as const,
    })),
    {
      key: 'failuresPerCustomer',
      label: 'Failures per customer',
      kind: 'ratio',
      better: 'lower',
    },
    { key: 'experience', label: 'Experience score (0-100)', kind: 'score', better: 'higher' },
    {
      key: 'costPerOrder',
      // The currency is the unit, written beside the figure, not in the name.
      label: 'Staff cost per order',
      kind: 'money',
      better: 'lower',
    },
    ...m.poolIds.map((id) => ({
      key: `utilisation:${id}`,
      label: `Utilisation of ${pool(id)}`,
      kind: 'share' as const,
      better: 'none' as const,
    })),
    ...m.poolIds.map((id) => ({
      key: `queueAbandonment:${id}`,
      label: `Abandonment at ${pool(id)}`,
      kind: 'share' as const,
      better: 'lower' as const,
    })),
    ...contactKpis(m, pool),
  ];
  return kpis.map((k) => ({ ...k, text: (e) => estimateText(e, k.kind, currency) }));
}

const POOL_KPI = /^(utilisation|queueAbandonment|serviceLevel|speedOfAnswer|waitProbability):/;

/** A KPI of one pool (its utilisation, service level...), rather than of the customers' journey. */
export const isPoolKpi = (key: string) => POOL_KPI.test(key);

/** Each pool's service level (where it has a target), speed of answer and probability of waiting. */
function contactKpis(m: CompiledModel, pool: (id: string) => string): Omit<KpiDefinition, 'text'>[] {
  const targets = m.poolIds.flatMap((id, p) => {
    const within = m.serviceWithin[p] as number;
    return Number.isNaN(within) ? [] : [{ id, within }];
  });
  return [
    ...targets.map(({ id, within }) => ({
      key: `serviceLevel:${id}`,
      label: `Service level at ${pool(id)} (answered within ${formatDuration(within)})`,
      kind: 'share' as const,
      better: 'higher' as const,
    })),
    ...m.poolIds.map((id) => ({
      key: `speedOfAnswer:${id}`,
      label: `Speed of answer at ${pool(id)}`,
      kind: 'duration' as const,
      better: 'lower' as const,
    })),
    ...m.poolIds.map((id) => ({
      key: `waitProbability:${id}`,
      label: `Share who wait at ${pool(id)}`,
      kind: 'share' as const,
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
  // Each pool's contact figures over the week, its queue entries among them: for all customers only.
  const pools = segment === null ? m.poolIds.map((_, p) => poolContactSums(r.contact, p)) : [];
  let staffCost = 0;
  let queued = 0;
  let abandons = 0;
  for (let p = 0; p < m.poolIds.length; p++) {
    staffCost += ((r.available[p] ?? 0) / 3600) * (m.costPerHour[p] ?? 0);
    queued += pools[p]?.[ENTRIES] ?? 0;
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
      segment === null ? (r.abandons[p] ?? 0) / ((pools[p]?.[ENTRIES] ?? 0) || Number.NaN) : Number.NaN;
    // The hours' exposure does not matter here: only the ratios of contacts are read.
    const sums = pools[p];
    const contact = sums ? contactKpiValues(sums, 0, true) : undefined;
    if (!Number.isNaN(m.serviceWithin[p] as number))
      values[`serviceLevel:${id}`] = contact?.serviceLevel ?? Number.NaN;
    values[`speedOfAnswer:${id}`] = contact?.speedOfAnswer ?? Number.NaN;
    values[`waitProbability:${id}`] = contact?.waitProbability ?? Number.NaN;
  }
  return values;
}
