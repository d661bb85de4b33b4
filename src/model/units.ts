/**
 * Quantities with units, as people write them in model files: durations ("90 s", "5 min"), rates
 * ("12/h"), money ("38 EUR/h") and probabilities (0.15 or "15%"). Everything is normalised to
 * seconds, per-second rates and plain numbers so that later parts never see a unit again.
 * Parsers return a value or a message; they never throw, because bad units are user input.
 */

import { grouped } from '../text/grouped.js';
import { clip } from './clip.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; hint?: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string, hint?: string): Parsed<T> => ({ ok: false, message, hint });

/** Seconds per unit; the keys are every spelling accepted. */
export const DURATION_UNITS: Readonly<Record<string, number>> = {
  ms: 0.001,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  d: 86400,
  day: 86400,
  days: 86400,
  w: 604800,
  wk: 604800,
  week: 604800,
  weeks: 604800,
};

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const QUANTITY = new RegExp(`^(${NUMBER})\\s*([A-Za-z]+)$`);

const DURATION_HINT = 'write a number and a unit, e.g. "90 s", "5 min", "2 h" or "1 d"';

/**
 * The range a duration may have: nothing in a customer process takes longer than ten years, and a
 * positive duration under a microsecond is a typo (and, squared in a distribution, underflows).
 */
export const MAX_DURATION = 3650 * 86400;
export const MIN_POSITIVE_DURATION = 1e-6;

/** The busiest arrivals a model may have: a million customers an hour. */
export const MAX_RATE_PER_HOUR = 1e6;
export const MAX_RATE = MAX_RATE_PER_HOUR / 3600;

/** The largest amount of money a model may name (per hour, for costs). */
export const MAX_AMOUNT = 1e12;

/** Parses "90 s", "5 min", "1.5h", "2 d" into seconds. A bare number is refused: its unit is a guess. */
export function parseDuration(input: unknown): Parsed<number> {
  if (typeof input === 'number') {
    if (input === 0) return ok(0);
    if (!Number.isFinite(input))
      return fail(`the duration ${yamlNumber(input)} is not a finite number`, DURATION_HINT);
    return fail(`the duration ${input} has no unit`, `${DURATION_HINT}; did you mean "${input} s"?`);
  }
  if (typeof input !== 'string') return fail(`expected a duration, got ${describe(input)}`, DURATION_HINT);
  const text = input.trim();
  // A bare number typed on a command line ("--warmup 0") reads as the number would in YAML.
  if (new RegExp(`^${NUMBER}$`).test(text)) return parseDuration(Number(text));
  const match = QUANTITY.exec(text);
  if (!match) return fail(`"${clip(input)}" is not a duration`, DURATION_HINT);
  const amount = Number(match[1]);
  const unit = (match[2] ?? '').toLowerCase();
  const factor = DURATION_UNITS[unit];
  if (factor === undefined)
    return fail(`unknown time unit "${clip(match[2] ?? '')}" in "${clip(input)}"`, DURATION_HINT);
  if (amount < 0) return fail(`the duration "${clip(input)}" is negative`, 'durations are zero or more');
  const seconds = amount * factor;
  if (!(seconds <= MAX_DURATION))
    return fail(`the duration "${clip(input)}" is longer than ten years`, 'durations are at most 3650 d');
  if (seconds > 0 && seconds < MIN_POSITIVE_DURATION)
    return fail(
      `the duration "${clip(input)}" is shorter than a microsecond`,
      'write 0 for no time at all, or a duration of 1 µs or more (e.g. "1 ms")',
    );
  return ok(seconds);
}

const RATE_PATTERN = new RegExp(`^(${NUMBER})\\s*(?:/|per\\s+)\\s*([A-Za-z]+)$`);
const RATE_HINT = 'write a count per time unit, e.g. "12/h", "300/d" or "0.5/min"';

/** Parses "12/h", "300 / d", "12 per hour" into events per second. */
export function parseRate(input: unknown): Parsed<number> {
  if (typeof input === 'number') {
    if (!Number.isFinite(input))
      return fail(`the rate ${yamlNumber(input)} is not a finite number`, RATE_HINT);
    return fail(`the rate ${input} has no time unit`, `${RATE_HINT}; did you mean "${input}/h"?`);
  }
  if (typeof input !== 'string') return fail(`expected a rate, got ${describe(input)}`, RATE_HINT);
  const match = RATE_PATTERN.exec(input.trim());
  if (!match) return fail(`"${clip(input)}" is not a rate`, RATE_HINT);
  const amount = Number(match[1]);
  const unit = (match[2] ?? '').toLowerCase();
  const seconds = DURATION_UNITS[unit];
  if (seconds === undefined)
    return fail(`unknown time unit "${clip(match[2] ?? '')}" in "${clip(input)}"`, RATE_HINT);
  if (amount < 0) return fail(`the rate "${clip(input)}" is negative`, 'rates are zero or more');
  const rate = amount / seconds;
  if (!(rate <= MAX_RATE))
    return fail(
      `the rate "${clip(input)}" is more than a million an hour`,
      `rates are at most ${MAX_RATE_PER_HOUR}/h; check the number and its time unit`,
    );
  if (rate > 0 && 1 / rate > MAX_DURATION)
    return fail(
      `the rate "${clip(input)}" is less than one in ten years`,
      'write 0/h for no arrivals at all',
    );
  return ok(rate);
}

/** A parsed amount of money: in the model's currency unless the text names another. */
export interface Money {
  amount: number;
  currency: string;
}

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { '€': 'EUR', $: 'USD', '£': 'GBP', '¥': 'JPY' };
const MONEY_PATTERN = new RegExp(`^([€$£¥])?\\s*(${NUMBER})\\s*([A-Za-z]{3})?$`);
const MONEY_HINT = 'write an amount with an optional ISO currency code, e.g. "38", "38 EUR" or "€38"';

/** Parses "38", "38 EUR", "€38.50"; the currency defaults to the model's. */
export function parseMoney(input: unknown, defaultCurrency: string): Parsed<Money> {
  if (typeof input === 'number') {
    if (!Number.isFinite(input))
      return fail(`the amount ${yamlNumber(input)} is not a finite number`, MONEY_HINT);
    if (input < 0) return fail(`the amount ${input} is negative`, MONEY_HINT);
    if (input > MAX_AMOUNT) return fail(`the amount ${input} is more than a trillion`, MONEY_HINT);
    return ok({ amount: input, currency: defaultCurrency });
  }
  if (typeof input !== 'string')
    return fail(`expected an amount of money, got ${describe(input)}`, MONEY_HINT);
  const match = MONEY_PATTERN.exec(input.trim());
  if (!match) return fail(`"${clip(input)}" is not an amount of money`, MONEY_HINT);
  const symbol = match[1] ? CURRENCY_SYMBOLS[match[1]] : undefined;
  const code = match[3]?.toUpperCase();
  if (symbol && code && symbol !== code) return fail(`"${clip(input)}" names two currencies`, MONEY_HINT);
  const amount = Number(match[2]);
  if (amount < 0) return fail(`the amount "${clip(input)}" is negative`, 'amounts are zero or more');
  if (!(amount <= MAX_AMOUNT))
    return fail(`the amount "${clip(input)}" is more than a trillion`, 'check the number');
  return ok({ amount, currency: symbol ?? code ?? defaultCurrency });
}

const COST_PATTERN = /^(.*?)\s*(?:\/|per\s+)\s*([A-Za-z]+)$/;
const COST_HINT = 'write an amount per time unit, e.g. "38/h", "38 EUR/h" or "€300/d"';

/** Parses a cost rate such as "38 EUR/h" into money per hour (how people budget staff). */
export function parseCostPerHour(input: unknown, defaultCurrency: string): Parsed<Money> {
  if (typeof input !== 'string') {
    return fail(`expected a cost per time unit, got ${describe(input)}`, COST_HINT);
  }
  const match = COST_PATTERN.exec(input.trim());
  if (!match) return fail(`"${clip(input)}" is not a cost per time unit`, COST_HINT);
  const unitSeconds = DURATION_UNITS[(match[2] ?? '').toLowerCase()];
  if (unitSeconds === undefined)
    return fail(`unknown time unit "${clip(match[2] ?? '')}" in "${clip(input)}"`, COST_HINT);
  const money = parseMoney(match[1], defaultCurrency);
  if (!money.ok) return fail(`"${clip(input)}" is not a cost per time unit: ${money.message}`, COST_HINT);
  const perHour = (money.value.amount * 3600) / unitSeconds;
  if (!(perHour <= MAX_AMOUNT))
    return fail(
      `the cost "${clip(input)}" is more than a trillion an hour`,
      'check the number and its time unit',
    );
  return ok({ amount: perHour, currency: money.value.currency });
}

const PROBABILITY_HINT = 'write a number from 0 to 1 (e.g. 0.15) or a percentage (e.g. "15%")';

/** Parses 0.15 or "15%" into a probability in [0, 1]. */
export function parseProbability(input: unknown): Parsed<number> {
  let value: number;
  if (typeof input === 'number') value = input;
  else if (typeof input === 'string') {
    const match = new RegExp(`^(${NUMBER})\\s*(%?)$`).exec(input.trim());
    if (!match) return fail(`"${clip(input)}" is not a probability`, PROBABILITY_HINT);
    value = match[2] ? Number(match[1]) / 100 : Number(match[1]);
  } else return fail(`expected a probability, got ${describe(input)}`, PROBABILITY_HINT);
  if (!Number.isFinite(value))
    return fail(
      `the probability ${typeof input === 'string' ? JSON.stringify(clip(input)) : yamlNumber(value)} is not a finite number`,
      PROBABILITY_HINT,
    );
  if (value < 0 || value > 1)
    return fail(
      `the probability ${JSON.stringify(typeof input === 'string' ? clip(input) : input)} is outside [0, 1]`,
      PROBABILITY_HINT,
    );
  return ok(value);
}

/** Formats seconds the way people read them back ("90 s", "5 min", "2.5 h", "3 d"). */
export function formatDuration(seconds: number): string {
  const round = (x: number) => Number(x.toPrecision(3)).toString();
  if (seconds < 120) return `${round(seconds)} s`;
  if (seconds < 7200) return `${round(seconds / 60)} min`;
  if (seconds < 172800) return `${round(seconds / 3600)} h`;
  return `${round(seconds / 86400)} d`;
}

/** Money in whole units with thousands separators, signed unless asked not to: "+12,300 EUR". */
export function formatMoney(amount: number, currency: string, signed = true): string {
  const rounded = Math.round(amount);
  const sign = rounded < 0 ? '-' : signed && rounded > 0 ? '+' : '';
  return `${sign}${grouped(Math.abs(rounded))} ${currency}`;
}

/**
 * A number as YAML writes it: .nan and .inf are how a file says not-a-number and infinity, and
 * JavaScript's NaN, Infinity (or JSON's null) would name what the user never wrote.
 */
export function yamlNumber(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (n === Number.POSITIVE_INFINITY) return '.inf';
  if (n === Number.NEGATIVE_INFINITY) return '-.inf';
  return String(n);
}

export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value))
    return `${yamlNumber(value)} (${Number.isNaN(value) ? 'not a number' : 'infinity'})`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${JSON.stringify(clip(value))}`;
  return `${typeof value} ${String(value)}`;
}

/** A contact center's answer target: this share of contacts answered within this many seconds. */
export interface ServiceLevelTarget {
  share: number;
  within: number;
}

const SERVICE_LEVEL_HINT =
  'write a share and a time, e.g. "80% in 20 s", "0.8 in 20 s" or "90% within 2 min"';
/** A share as a percentage or, as probabilities are written elsewhere in a model, a fraction. */
const SERVICE_LEVEL = /^(\S+?)\s*(%?)\s*(?:in|within)\s+(.+)$/i;

/** Parses "80% in 20 s" (the way contact centers state their target) into a share and seconds. */
export function parseServiceLevel(input: unknown): Parsed<ServiceLevelTarget> {
  if (typeof input !== 'string')
    return fail(`expected a service level, got ${describe(input)}`, SERVICE_LEVEL_HINT);
  const match = SERVICE_LEVEL.exec(input.trim());
  if (!match) return fail(`"${clip(input)}" is not a service level`, SERVICE_LEVEL_HINT);
  const percent = match[2] === '%';
  const share = parseProbability(percent ? `${match[1]}%` : (match[1] ?? ''));
  if (!share.ok)
    return fail(
      `the share in "${clip(input)}" is not ${percent ? 'a percentage from 0 to 100' : 'a fraction from 0 to 1 or a percentage'}`,
      SERVICE_LEVEL_HINT,
    );
  const within = parseDuration((match[3] ?? '').trim());
  if (!within.ok) return fail(`the time in "${clip(input)}": ${within.message}`, within.hint);
  return ok({ share: share.value, within: within.value });
}
