/**
 * The net value per month of one model in one replication, from its economics: what its orders
 * earn, less what its contacts and staff cost, less what the customers who leave take with them.
 * Everything is counted over the replication's window and scaled to an average month. It is
 * worked out for the economics as written and again with each assumption at its low and high
 * end, from the same replications, so that the sensitivity needs no further run.
 */
import {
  type Assumption,
  amountFor,
  assumptionsOf,
  type Economics,
  leavingAtScore,
  withAssumption,
} from '../model/economics.js';
import type { Model } from '../model/model.js';
import type { CompiledModel } from './compile.js';
import { forEachOutcome } from './outcomes.js';
import { CUSTOMER_SUMS, type RunResult } from './run.js';

/** An average month: a year's seconds over twelve. */
export const MONTH = ((365.25 * 86400) / 12) as number;

/** Money per month, each part with its sign as it adds to the net value. */
export interface ValueParts {
  orders: number;
  contacts: number;
  staff: number;
  leaving: number;
  net: number;
}

export const VALUE_PARTS = ['orders', 'contacts', 'staff', 'leaving'] as const;

/** A model's value in every replication, as written and with each assumption at its ends. */
export interface ModelValue {
  assumptions: Assumption[];
  perReplication: ValueParts[];
  /** By assumption key: the net value per month in each replication with it at its low and high end. */
  variants: Record<string, { low: number[]; high: number[] }>;
}

const ORDERS = CUSTOMER_SUMS.indexOf('orders');

/** Expected customers who leave, in one segment of one replication. */
function leavers(e: Economics, r: RunResult, segment: number): number {
  const pf = e.leaving.afterFailure?.value ?? 0;
  const pa = e.leaving.afterAbandon?.value ?? 0;
  const table = e.leaving.byExperience;
  if (pf === 0 && pa === 0 && !table) return 0;
  let total = 0;
  forEachOutcome(r.outcomes, segment, (count, failures, abandoned, score) => {
    const stays =
      (1 - pf) ** failures * (abandoned ? 1 - pa : 1) * (table ? 1 - leavingAtScore(table, score) : 1);
    total += count * (1 - stays);
  });
  return total;
}

/** Per step of the compiled model: what one visit costs on its channel under `e` (0 for none). */
function stepCosts(model: Model, m: CompiledModel, e: Economics): Float64Array {
  const channelOf = new Map(model.steps.map((s) => [s.id, s.channel]));
  return Float64Array.from(m.stepIds, (id) => {
    const channel = channelOf.get(id);
    return (channel !== undefined ? e.contactCost[channel]?.value : undefined) || 0;
  });
}

/** Per segment of the compiled model: the customers of replication r expected to leave under `e`. */
const leaversBySegment = (m: CompiledModel, e: Economics, r: RunResult): Float64Array =>
  Float64Array.from(m.segmentIds, (_, g) => leavers(e, r, g));

/** One replication's value under `e`, priced alone: what modelValue gives each replication, to the bit. */
export function valueParts(model: Model, m: CompiledModel, r: RunResult, e: Economics): ValueParts {
  return pricedParts(m, r, e, stepCosts(model, m, e), leaversBySegment(m, e, r));
}

/**
 * The parts of one replication under `e`, with its contact cost per step and its leavers per
 * segment worked out beforehand: a model's value prices every replication under the economics and
 * each assumption's ends (19 times over for the departments example), and only the assumptions
 * about leaving change who leaves.
 */
function pricedParts(
  m: CompiledModel,
  r: RunResult,
  e: Economics,
  stepCost: Float64Array,
  leaving: Float64Array,
): ValueParts {
  const width = CUSTOMER_SUMS.length;
  let orders = 0;
  let contacts = 0;
  let lost = 0;
  for (let g = 0; g < m.segmentIds.length; g++) {
    const segment = m.segmentIds[g] as string;
    orders += (r.sums[g * width + ORDERS] ?? 0) * amountFor(e.margin, segment);
    lost += (leaving[g] as number) * amountFor(e.customerValue, segment);
    for (let i = 0; i < m.steps; i++) {
      const cost = stepCost[i] as number;
      if (cost) contacts += (r.visits[g * m.steps + i] ?? 0) * cost;
    }
  }
  let staff = 0;
  for (let p = 0; p < m.poolIds.length; p++)
    staff += ((r.available[p] ?? 0) / 3600) * (m.costPerHour[p] ?? 0);
  const scale = MONTH / r.window;
  const parts = {
    orders: orders * scale,
    contacts: -contacts * scale,
    staff: -staff * scale,
    leaving: -lost * scale,
  };
  return { ...parts, net: parts.orders + parts.contacts + parts.staff + parts.leaving };
}

/** The value of a simulated model, or nothing when it has no economics. */
export function modelValue(model: Model, m: CompiledModel, runs: RunResult[]): ModelValue | undefined {
  const e = model.economics;
  if (!e) return undefined;
  const assumptions = assumptionsOf(e, {
    segments: new Map(model.segments.map((s) => [s.id, s.name])),
    channels: new Map(model.channels.map((c) => [c.id, c.name])),
  });
  // Who leaves, per replication, for each belief about leaving: the other assumptions keep the
  // economics' own `leaving` (withAssumption), so it is counted once for all of them.
  const leaversFor = new Map<Economics['leaving'], Float64Array[]>();
  const leaversOf = (economics: Economics): Float64Array[] => {
    const known = leaversFor.get(economics.leaving);
    if (known) return known;
    const counted = runs.map((r) => leaversBySegment(m, economics, r));
    leaversFor.set(economics.leaving, counted);
    return counted;
  };
  const priced = (economics: Economics) => {
    const stepCost = stepCosts(model, m, economics);
    const leaving = leaversOf(economics);
    return runs.map((r, i) => pricedParts(m, r, economics, stepCost, leaving[i] as Float64Array));
  };
  const net = (economics: Economics) => priced(economics).map((parts) => parts.net);
  return {
    assumptions,
    perReplication: priced(e),
    variants: Object.fromEntries(
      assumptions.map((a) => [
        a.key,
        { low: net(withAssumption(e, a.key, a.low)), high: net(withAssumption(e, a.key, a.high)) },
      ]),
    ),
  };
}
