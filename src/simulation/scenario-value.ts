/**
 * Whether a scenario pays: its net value per month minus the baseline's, paired replication by
 * replication (common random numbers, as every other difference), with its 95% interval; the
 * assumptions it rests on; and, one at a time, each assumption at its low and high end, and
 * whether that changes the verdict. For money assumptions the value is linear in the amount, so
 * the amount at which the scenario breaks even is given too.
 */
import type { Assumption } from '../model/economics.js';
import type { Model } from '../model/model.js';
import type { ModelValue, ValueParts } from './net-value.js';
import { VALUE_PARTS } from './net-value.js';
import { type Estimate, estimate } from './stats.js';

export type ValueVerdict = 'pays' | 'costs' | 'unclear';

export interface ValueAssumption {
  key: string;
  label: string;
  /** As written, in its unit; where the scenario changes it, both. */
  value: string;
  /** Where it is written: the field path and the file. */
  source: string;
  note?: string;
}

export interface ValueSensitivity {
  key: string;
  label: string;
  /** Net value per month (scenario minus baseline) with the assumption at its low and high end. */
  low: number;
  high: number;
  verdictChanges: boolean;
  lowValue: string;
  highValue: string;
  lowVerdict: ValueVerdict;
  highVerdict: ValueVerdict;
  /** Stated in the model, or the default half to one and a half times the value. */
  rangeStated: boolean;
  /** For money: the amount at which the scenario's net value per month is 0. */
  breakEven?: string;
}

export interface ScenarioValue {
  perMonth: Estimate;
  currency: string;
  verdict: ValueVerdict;
  /** The parts of the difference: orders earned, contacts, staff and leaving customers (per month). */
  parts: { key: (typeof VALUE_PARTS)[number]; label: string; perMonth: Estimate }[];
  assumptions: ValueAssumption[];
  sensitivity: ValueSensitivity[];
}

const PART_LABELS: Record<(typeof VALUE_PARTS)[number], string> = {
  orders: 'Margin of orders',
  contacts: 'Cost of contacts (beyond staff)',
  staff: 'Staff cost',
  leaving: 'Value of customers who leave',
};

/** The verdict in a few words, the same in the CLI and the web app. */
export const VALUE_VERDICT_WORDS: Record<ValueVerdict, string> = {
  pays: 'pays',
  costs: 'costs',
  unclear: 'no clear difference',
};

/** Pays when the interval lies above 0, costs when below; one replication decides nothing. */
export function valueVerdict(e: Estimate): ValueVerdict {
  if (e.n < 2) return 'unclear';
  return e.low > 0 ? 'pays' : e.high < 0 ? 'costs' : 'unclear';
}

/** An assumption's number as people write it. */
export function assumptionText(unit: Assumption['unit'], value: number, currency: string): string {
  const round = (x: number) => Number(x.toFixed(2)).toString();
  if (unit === 'money') return `${round(value)} ${currency}`;
  if (unit === 'probability') return `${Number((value * 100).toFixed(2))}%`;
  return `x${round(value)}`;
}

/** How far past the range's high end a break-even is still said: beyond it, "none". */
const FARTHEST_BREAK_EVEN = 100;

const paired = (a: number[], b: number[]) => estimate(a.map((x, i) => (b[i] ?? Number.NaN) - x));

export function scenarioValue(
  baseline: Model,
  base: ModelValue | undefined,
  scenario: Model,
  other: ModelValue | undefined,
): ScenarioValue | undefined {
  if (!base || !other) return undefined;
  const currency = baseline.currency;
  // The file's own name, without node:path: the web app reads this module too.
  const file = baseline.file.split(/[\\/]/).pop() ?? baseline.file;
  const net = (v: ModelValue) => v.perReplication.map((p) => p.net);
  const perMonth = paired(net(base), net(other));
  const verdict = valueVerdict(perMonth);
  const part = (key: keyof ValueParts) => (v: ModelValue) => v.perReplication.map((p) => p[key]);
  const parts = VALUE_PARTS.map((key) => ({
    key,
    label: PART_LABELS[key],
    perMonth: paired(part(key)(base), part(key)(other)),
  }));
  const theirs = new Map(other.assumptions.map((a) => [a.key, a]));
  const keys = [
    ...base.assumptions,
    ...other.assumptions.filter((a) => !base.assumptions.some((b) => b.key === a.key)),
  ];
  const text = (a: Assumption, x: number) => assumptionText(a.unit, x, currency);
  const scenarioName = scenario.scenario ? `scenario '${scenario.scenario.id}'` : 'the scenario';
  const assumptions = keys.map((a): ValueAssumption => {
    const own = theirs.get(a.key);
    const mine = base.assumptions.find((b) => b.key === a.key);
    const value = !mine
      ? `${text(a, a.value)} (only in ${scenarioName})`
      : own && own.value !== mine.value
        ? `${text(a, mine.value)}; in ${scenarioName}: ${text(a, own.value)}`
        : text(a, a.value);
    return {
      key: a.key,
      label: a.label,
      value,
      source: `${a.path} in ${file}`,
      ...(a.note ? { note: a.note } : {}),
    };
  });
  const sensitivity = keys.map((a): ValueSensitivity => {
    const side = (s: 'low' | 'high', v: ModelValue) => v.variants[a.key]?.[s] ?? net(v);
    const differences = (s: 'low' | 'high') => {
      const [from, to] = [side(s, base), side(s, other)];
      return from.map((x, i) => (to[i] ?? Number.NaN) - x);
    };
    const low = estimate(differences('low'));
    const high = estimate(differences('high'));
    const lowVerdict = valueVerdict(low);
    const highVerdict = valueVerdict(high);
    const slope = (high.mean - low.mean) / (a.high - a.low);
    const zero = a.value - perMonth.mean / slope;
    // A break-even only where the value moves across the range beyond the runs' noise, replication
    // by replication, and no further off than a hundred times the range's high end: a value that
    // barely moved put it at 29,968 EUR per chat (0.30 EUR today), no figure anyone can act on.
    const lows = differences('low');
    const across = estimate(differences('high').map((x, i) => x - (lows[i] ?? Number.NaN)));
    const moves = Math.abs(across.mean) > across.halfWidth && zero <= FARTHEST_BREAK_EVEN * a.high;
    return {
      key: a.key,
      label: a.label,
      low: low.mean,
      high: high.mean,
      verdictChanges: lowVerdict !== verdict || highVerdict !== verdict,
      lowValue: text(a, a.low),
      highValue: text(a, a.high),
      lowVerdict,
      highVerdict,
      rangeStated: a.stated,
      ...(a.unit === 'money' && moves && Number.isFinite(zero) && zero >= 0
        ? { breakEven: text(a, zero) }
        : {}),
    };
  });
  return { perMonth, currency, verdict, parts, assumptions, sensitivity };
}
