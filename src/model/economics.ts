/**
 * A model's economics after parsing: amounts in the model's currency, probabilities in [0, 1],
 * each number with the range its author gave (or none: then half to one and a half times it).
 * The assumptions are listed one by one, with labels and places, so that a report can say what
 * a money figure rests on, and each can be moved to its low or high end for the sensitivity.
 */

import type { DiagnosticCode, Path } from './diagnostic.js';
import { formatPath } from './diagnostic.js';
import type { EconomicsSchema } from './economics-schema.js';
import type { Money } from './units.js';
import type * as z from './zod.js';

/** A number the author believes, with the range given for it, if any. */
export interface Assumed {
  value: number;
  low?: number;
  high?: number;
  note?: string;
}

/** One amount for every segment, or amounts by segment id (`default` for the others). */
export type SegmentAmounts = { all: Assumed } | { bySegment: Record<string, Assumed> };

export interface ExperienceRow {
  score: number;
  p: number;
}

export interface Economics {
  /** Earned by each journey that reaches a successful end, before staff costs. */
  margin?: SegmentAmounts;
  /** Lost with each customer who leaves. */
  customerValue?: SegmentAmounts;
  /** By channel id: the cost of one visit to a step on it, beyond staff time. */
  contactCost: Record<string, Assumed>;
  leaving: {
    /** Per failure met. */
    afterFailure?: Assumed;
    /** Per customer who gave up waiting in a queue. */
    afterAbandon?: Assumed;
    /** By experience score, ascending, interpolated between rows. */
    byExperience?: ExperienceRow[];
  };
}

export type AssumptionUnit = 'money' | 'probability' | 'factor';

/** One number the value rests on: what it is, where it is written, and its range. */
export interface Assumption {
  key: string;
  label: string;
  unit: AssumptionUnit;
  value: number;
  low: number;
  high: number;
  /** The range was written in the model, not the default. */
  stated: boolean;
  note?: string;
  /** The field path in the model file, e.g. `economics.margin.business`. */
  path: string;
}

type Raw = z.output<typeof EconomicsSchema>;
type RawLeaf<T> = T | { value: T; low?: T | undefined; high?: T | undefined; note?: string | undefined };

export interface EconomicsContext {
  currency: string;
  segments: { id: string; name: string }[];
  /** Every channel the model knows, with the ids of the steps on it. */
  channels: { id: string; name: string; used: boolean }[];
  report(
    path: Path,
    code: DiagnosticCode,
    message: string,
    hint?: string,
    severity?: 'error' | 'warning',
  ): void;
}

const isMoney = (x: unknown): x is Money =>
  typeof x === 'object' && x !== null && typeof (x as Money).amount === 'number' && 'currency' in x;

const isDetail = <T>(x: unknown): x is { value: T; low?: T; high?: T; note?: string } =>
  typeof x === 'object' && x !== null && 'value' in x && !Array.isArray(x);

function leaf<T>(
  raw: RawLeaf<T>,
  path: Path,
  read: (v: T, at: Path) => number,
  ctx: EconomicsContext,
): Assumed {
  if (!isDetail<T>(raw)) return { value: read(raw as T, path) };
  const value = read(raw.value, [...path, 'value']);
  const low = raw.low === undefined ? undefined : read(raw.low, [...path, 'low']);
  const high = raw.high === undefined ? undefined : read(raw.high, [...path, 'high']);
  if ((low !== undefined && low > value) || (high !== undefined && high < value))
    ctx.report(
      path,
      'out-of-range',
      `the range ${low ?? '...'} to ${high ?? '...'} does not hold the value ${value}`,
      'write low <= value <= high',
    );
  return {
    value,
    ...(low !== undefined ? { low } : {}),
    ...(high !== undefined ? { high } : {}),
    ...(raw.note !== undefined ? { note: raw.note } : {}),
  };
}

function amountReader(ctx: EconomicsContext) {
  return (m: Money, at: Path): number => {
    if (m.currency !== '' && m.currency !== ctx.currency)
      ctx.report(
        at,
        'currency-mixed',
        `is in ${m.currency}, but the model counts in ${ctx.currency}`,
        `write the amount in ${ctx.currency}, or set currency: ${m.currency} for the model`,
      );
    return m.amount;
  };
}

const probabilityReader = (p: number) => p;

function segmentAmounts(raw: NonNullable<Raw['margin']>, path: Path, ctx: EconomicsContext): SegmentAmounts {
  const read = amountReader(ctx);
  if (isMoney(raw) || isDetail(raw)) return { all: leaf(raw as RawLeaf<Money>, path, read, ctx) };
  const bySegment: Record<string, Assumed> = {};
  const known = new Set(ctx.segments.map((s) => s.id));
  for (const [id, value] of Object.entries(raw as Record<string, RawLeaf<Money>>)) {
    if (id !== 'default' && !known.has(id))
      ctx.report(
        [...path, id],
        'unknown-segment',
        `names unknown segment '${id}'`,
        `the segments are ${[...known].join(', ')}; use default for the others`,
      );
    bySegment[id] = leaf(value, [...path, id], read, ctx);
  }
  const missing = ctx.segments.filter((s) => !(s.id in bySegment));
  if (!('default' in bySegment) && missing.length > 0)
    ctx.report(
      path,
      'missing-segment-flow',
      `gives no amount for segment${missing.length > 1 ? 's' : ''} ${missing.map((s) => `'${s.id}'`).join(', ')}`,
      'add the segment, or a default for the segments not named',
    );
  return { bySegment };
}

export function normalizeEconomics(raw: Raw, ctx: EconomicsContext): Economics {
  const base: Path = ['economics'];
  const contactCost: Record<string, Assumed> = {};
  const channels = new Map(ctx.channels.map((c) => [c.id, c]));
  for (const [id, value] of Object.entries(raw.contactCost ?? {})) {
    const at: Path = [...base, 'contactCost', id];
    const channel = channels.get(id);
    if (!channel)
      ctx.report(
        at,
        'unknown-reference',
        `names unknown channel '${id}'`,
        `the channels are ${[...channels.keys()].join(', ')}`,
      );
    else if (!channel.used)
      ctx.report(
        at,
        'economics-unused',
        `no step is on channel '${id}', so its cost adds nothing`,
        'remove it, or put the steps it means on that channel',
        'warning',
      );
    contactCost[id] = leaf(value, at, amountReader(ctx), ctx);
  }
  const leaving: Economics['leaving'] = {};
  const rawLeaving = raw.leaving ?? {};
  if (rawLeaving.afterFailure !== undefined)
    leaving.afterFailure = leaf(
      rawLeaving.afterFailure,
      [...base, 'leaving', 'afterFailure'],
      probabilityReader,
      ctx,
    );
  if (rawLeaving.afterAbandon !== undefined)
    leaving.afterAbandon = leaf(
      rawLeaving.afterAbandon,
      [...base, 'leaving', 'afterAbandon'],
      probabilityReader,
      ctx,
    );
  if (rawLeaving.byExperience !== undefined) {
    leaving.byExperience = rawLeaving.byExperience.map((r) => ({ score: r.score, p: r.p }));
    for (const [i, row] of leaving.byExperience.entries()) {
      const previous = leaving.byExperience[i - 1];
      if (previous && row.score <= previous.score)
        ctx.report(
          [...base, 'leaving', 'byExperience', i, 'score'],
          'invalid-value',
          `score ${row.score} does not come after ${previous.score}`,
          'list the rows by ascending score, each score once',
        );
    }
  }
  const economics: Economics = {
    ...(raw.margin !== undefined ? { margin: segmentAmounts(raw.margin, [...base, 'margin'], ctx) } : {}),
    ...(raw.customerValue !== undefined
      ? { customerValue: segmentAmounts(raw.customerValue, [...base, 'customerValue'], ctx) }
      : {}),
    contactCost,
    leaving,
  };
  const leaves = Object.keys(leaving).length > 0;
  if (leaves && !economics.customerValue)
    ctx.report(
      [...base, 'leaving'],
      'economics-unused',
      'says who leaves, but no customerValue says what they take with them, so leaving costs nothing',
      'add customerValue: AMOUNT (e.g. the margin of their future orders)',
      'warning',
    );
  if (!leaves && economics.customerValue)
    ctx.report(
      [...base, 'customerValue'],
      'economics-unused',
      'no customer leaves, because economics.leaving is not given, so customerValue adds nothing',
      'add leaving: { afterFailure: ..., afterAbandon: ..., byExperience: ... }',
      'warning',
    );
  return economics;
}

/** The amount for a segment: its own, else the default, else the one for all; 0 when none. */
export function amountFor(amounts: SegmentAmounts | undefined, segment: string): number {
  if (!amounts) return 0;
  if ('all' in amounts) return amounts.all.value;
  return (amounts.bySegment[segment] ?? amounts.bySegment.default)?.value ?? 0;
}

/** The probability of leaving at an experience score: linear between rows, flat beyond them. */
export function leavingAtScore(rows: readonly ExperienceRow[], score: number): number {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last) return 0;
  if (score <= first.score) return first.p;
  if (score >= last.score) return last.p;
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1] as ExperienceRow;
    const b = rows[i] as ExperienceRow;
    if (score <= b.score) return a.p + ((b.p - a.p) * (score - a.score)) / (b.score - a.score);
  }
  return last.p;
}

interface Names {
  segments: Map<string, string>;
  channels: Map<string, string>;
}

/** Every number the economics rests on, in a fixed order (the order of the file format). */
export function assumptionsOf(e: Economics, names: Names): Assumption[] {
  const out: Assumption[] = [];
  const add = (key: string, label: string, unit: AssumptionUnit, a: Assumed) => {
    const cap = unit === 'probability' ? 1 : Number.POSITIVE_INFINITY;
    out.push({
      key,
      label,
      unit,
      value: a.value,
      low: a.low ?? a.value * 0.5,
      high: a.high ?? Math.min(cap, a.value * 1.5),
      stated: a.low !== undefined || a.high !== undefined,
      ...(a.note !== undefined ? { note: a.note } : {}),
      path: formatPath(['economics', ...key.split('.')]),
    });
  };
  const amounts = (field: string, label: string, s: SegmentAmounts | undefined) => {
    if (!s) return;
    if ('all' in s) add(field, label, 'money', s.all);
    else
      for (const [id, a] of Object.entries(s.bySegment))
        add(
          `${field}.${id}`,
          `${label}, ${id === 'default' ? 'other segments' : (names.segments.get(id) ?? id)}`,
          'money',
          a,
        );
  };
  amounts('margin', 'Margin per order', e.margin);
  for (const [id, a] of Object.entries(e.contactCost))
    add(`contactCost.${id}`, `Cost of a contact by ${names.channels.get(id) ?? id}`, 'money', a);
  if (e.leaving.afterFailure)
    add('leaving.afterFailure', 'Chance of leaving per failure met', 'probability', e.leaving.afterFailure);
  if (e.leaving.afterAbandon)
    add(
      'leaving.afterAbandon',
      'Chance of leaving after giving up in a queue',
      'probability',
      e.leaving.afterAbandon,
    );
  if (e.leaving.byExperience)
    add(
      'leaving.byExperience',
      'Chances of leaving by experience score (the whole table, scaled)',
      'factor',
      { value: 1 },
    );
  amounts('customerValue', 'Value lost when a customer leaves', e.customerValue);
  return out;
}

/** The economics with one assumption set to another value (for a table: its chances scaled by it). */
export function withAssumption(e: Economics, key: string, value: number): Economics {
  const set = (a: Assumed): Assumed => ({ ...a, value });
  const [field, part] = key.split('.') as [string, string | undefined];
  const amounts = (s: SegmentAmounts | undefined): SegmentAmounts | undefined => {
    if (!s) return s;
    if ('all' in s) return part === undefined ? { all: set(s.all) } : s;
    const own = part !== undefined ? s.bySegment[part] : undefined;
    return own ? { bySegment: { ...s.bySegment, [part as string]: set(own) } } : s;
  };
  if (field === 'margin') return { ...e, margin: amounts(e.margin) as SegmentAmounts };
  if (field === 'customerValue') return { ...e, customerValue: amounts(e.customerValue) as SegmentAmounts };
  const cost = part !== undefined ? e.contactCost[part] : undefined;
  if (field === 'contactCost' && cost)
    return { ...e, contactCost: { ...e.contactCost, [part as string]: set(cost) } };
  if (field !== 'leaving') return e;
  const leaving = { ...e.leaving };
  if (part === 'afterFailure' && leaving.afterFailure) leaving.afterFailure = set(leaving.afterFailure);
  if (part === 'afterAbandon' && leaving.afterAbandon) leaving.afterAbandon = set(leaving.afterAbandon);
  if (part === 'byExperience' && leaving.byExperience)
    leaving.byExperience = leaving.byExperience.map((r) => ({ score: r.score, p: Math.min(1, r.p * value) }));
  return { ...e, leaving };
}

/** Back to the file format, as `serializeModel` writes a model: loading it gives the same economics. */
export function economicsToFile(e: Economics, currency: string): Record<string, unknown> {
  const money = (x: number) => `${x} ${currency}`;
  const written = (a: Assumed, show: (x: number) => unknown) =>
    a.low === undefined && a.high === undefined && a.note === undefined
      ? show(a.value)
      : {
          value: show(a.value),
          ...(a.low !== undefined ? { low: show(a.low) } : {}),
          ...(a.high !== undefined ? { high: show(a.high) } : {}),
          ...(a.note !== undefined ? { note: a.note } : {}),
        };
  const amounts = (s: SegmentAmounts) =>
    'all' in s
      ? written(s.all, money)
      : Object.fromEntries(Object.entries(s.bySegment).map(([id, a]) => [id, written(a, money)]));
  const p = (x: number) => x;
  const leaving = {
    ...(e.leaving.afterFailure ? { afterFailure: written(e.leaving.afterFailure, p) } : {}),
    ...(e.leaving.afterAbandon ? { afterAbandon: written(e.leaving.afterAbandon, p) } : {}),
    ...(e.leaving.byExperience ? { byExperience: e.leaving.byExperience.map((r) => ({ ...r })) } : {}),
  };
  return {
    ...(e.margin ? { margin: amounts(e.margin) } : {}),
    ...(e.customerValue ? { customerValue: amounts(e.customerValue) } : {}),
    ...(Object.keys(e.contactCost).length > 0
      ? {
          contactCost: Object.fromEntries(
            Object.entries(e.contactCost).map(([id, a]) => [id, written(a, money)]),
          ),
        }
      : {}),
    ...(Object.keys(leaving).length > 0 ? { leaving } : {}),
  };
}
