/**
 * Duration distributions as people write them: "5 min" (fixed), "exp(4 min)",
 * "lognormal(6 min, 3 min)" (mean, sd), "gamma(6 min, 3 min)" (mean, sd), "normal(6 min, 2 min)"
 * (truncated to [0, inf) unless min/max say otherwise), "uniform(1 min, 3 min)",
 * "triangular(1 min, 2 min, 5 min)" (min, mode, max), or the object forms
 * `{dist: lognormal, mean: 6 min, sd: 3 min}` and `{dist: empirical, values: [...], weights: [...]}`.
 * All values are seconds once parsed. The kinds live in one registry so that the simulator's
 * samplers and the JSON Schema can follow it.
 */

import { grouped } from '../text/grouped.js';
import { plural } from '../text/plural.js';
import { clip } from './clip.js';
import { normalUpperTail } from './normal-tail.js';
import { describe, type Parsed, parseDuration } from './units.js';

export type Distribution =
  | { kind: 'fixed'; value: number }
  | { kind: 'exponential'; mean: number }
  | { kind: 'lognormal'; mean: number; sd: number }
  | { kind: 'gamma'; mean: number; sd: number }
  | { kind: 'normal'; mean: number; sd: number; min: number; max: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'triangular'; min: number; mode: number; max: number }
  | { kind: 'empirical'; values: number[]; weights: number[] };

export type DistributionKind = Distribution['kind'];

/** One issue found while parsing a distribution; `path` is relative to the distribution's node. */
export interface DistributionIssue {
  path: (string | number)[];
  message: string;
  hint?: string;
}

interface KindSpec {
  aliases: string[];
  /** Parameter names in positional order, as in "lognormal(mean, sd)". */
  params: string[];
  optional?: string[];
  build(p: Record<string, number>): Distribution | string;
  mean(d: Distribution): number;
}

const positiveSd = (sd: number) => (sd > 0 ? undefined : 'its standard deviation must be more than 0');

/** Empirical weights are relative; past this they only risk sums that overflow. */
export const MAX_WEIGHT = 1e9;

export const DISTRIBUTIONS: Readonly<Record<Exclude<DistributionKind, 'empirical'>, KindSpec>> = {
  fixed: {
    aliases: ['fixed', 'constant'],
    params: ['value'],
    build: (p) => ({ kind: 'fixed', value: p.value ?? 0 }),
    mean: (d) => (d as { value: number }).value,
  },
  exponential: {
    aliases: ['exponential', 'exp'],
    params: ['mean'],
    build: (p) =>
      (p.mean ?? 0) > 0 ? { kind: 'exponential', mean: p.mean ?? 0 } : 'its mean must be more than 0',
    mean: (d) => (d as { mean: number }).mean,
  },
  lognormal: {
    aliases: ['lognormal', 'lognorm'],
    params: ['mean', 'sd'],
    build: (p) =>
      (p.mean ?? 0) <= 0
        ? 'its mean must be more than 0'
        : (positiveSd(p.sd ?? 0) ?? { kind: 'lognormal', mean: p.mean ?? 0, sd: p.sd ?? 0 }),
    mean: (d) => (d as { mean: number }).mean,
  },
  gamma: {
    aliases: ['gamma'],
    params: ['mean', 'sd'],
    build: (p) =>
      (p.mean ?? 0) <= 0
        ? 'its mean must be more than 0'
        : (positiveSd(p.sd ?? 0) ?? { kind: 'gamma', mean: p.mean ?? 0, sd: p.sd ?? 0 }),
    mean: (d) => (d as { mean: number }).mean,
  },
  normal: {
    aliases: ['normal', 'norm'],
    params: ['mean', 'sd'],
    optional: ['min', 'max'],
    build: (p) => {
      const min = p.min ?? 0;
      const max = p.max ?? Number.POSITIVE_INFINITY;
      if (!(min < max)) return 'its min must be less than its max';
      const sd = p.sd ?? 0;
      const mean = p.mean ?? 0;
      const unfit = positiveSd(sd);
      if (unfit) return unfit;
      // Truncated to where it has (almost) no mass, it has no mean to speak of and no draws to make.
      if (!(normalMass((min - mean) / sd, (max - mean) / sd) > 1e-9))
        return 'its min and max leave out nearly all of it (more than 6 standard deviations from its mean)';
      return { kind: 'normal', mean, sd, min, max };
    },
    mean: (d) => truncatedNormalMean(d as Extract<Distribution, { kind: 'normal' }>),
  },
  uniform: {
    aliases: ['uniform', 'unif'],
    params: ['min', 'max'],
    build: (p) =>
      (p.min ?? 0) <= (p.max ?? 0)
        ? { kind: 'uniform', min: p.min ?? 0, max: p.max ?? 0 }
        : 'its min must not exceed its max',
    mean: (d) => {
      const u = d as { min: number; max: number };
      return (u.min + u.max) / 2;
    },
  },
  triangular: {
    aliases: ['triangular', 'tri'],
    params: ['min', 'mode', 'max'],
    build: (p) => {
      const [min, mode, max] = [p.min ?? 0, p.mode ?? 0, p.max ?? 0];
      if (!(min <= mode && mode <= max && min < max)) return 'it needs min <= mode <= max and min < max';
      return { kind: 'triangular', min, mode, max };
    },
    mean: (d) => {
      const t = d as { min: number; mode: number; max: number };
      return (t.min + t.mode + t.max) / 3;
    },
  },
};

const KIND_BY_ALIAS = new Map<string, Exclude<DistributionKind, 'empirical'>>(
  Object.entries(DISTRIBUTIONS).flatMap(([kind, spec]) =>
    spec.aliases.map((alias) => [alias, kind as Exclude<DistributionKind, 'empirical'>] as const),
  ),
);

export const DISTRIBUTION_HINT =
  'write a duration ("5 min") or a distribution: "exp(4 min)", "lognormal(6 min, 3 min)", ' +
  '"gamma(mean, sd)", "normal(mean, sd)", "uniform(min, max)", "triangular(min, mode, max)", ' +
  'or {dist: empirical, values: [...]}';

const CALL = /^([A-Za-z]+)\s*\((.*)\)$/s;

/** Parses a distribution of durations; issues carry paths relative to the distribution node. */
export function parseDistribution(input: unknown): Parsed<Distribution> & { issues?: DistributionIssue[] } {
  if (typeof input === 'string') {
    const call = CALL.exec(input.trim());
    if (!call && /^[A-Za-z]+\s*\([^)]*$/.test(input.trim())) {
      return fail(
        [],
        `"${clip(input)}" is cut off at a comma`,
        `inside {...} or [...], YAML splits values at commas: quote the distribution, e.g. '${clip(input.trim())}, ...)'`,
      );
    }
    if (!call) return fromDuration(input);
    return fromCall(input, (call[1] ?? '').toLowerCase(), splitArgs(call[2] ?? ''));
  }
  if (typeof input === 'number') return fromDuration(input);
  if (input && typeof input === 'object' && !Array.isArray(input)) {
    return fromObject(input as Record<string, unknown>);
  }
  return fail([], `expected a duration or a distribution, got ${describe(input)}`, DISTRIBUTION_HINT);
}

function fromDuration(input: unknown): ReturnType<typeof parseDistribution> {
  const duration = parseDuration(input);
  if (!duration.ok) return fail([], duration.message, DISTRIBUTION_HINT);
  return { ok: true, value: { kind: 'fixed', value: duration.value } };
}

function fromCall(input: string, name: string, args: string[]): ReturnType<typeof parseDistribution> {
  const kind = KIND_BY_ALIAS.get(name);
  if (!kind) return fail([], `unknown distribution "${clip(name)}" in "${clip(input)}"`, DISTRIBUTION_HINT);
  const spec = DISTRIBUTIONS[kind];
  const names = [...spec.params, ...(spec.optional ?? [])];
  if (args.length < spec.params.length || args.length > names.length) {
    return fail(
      [],
      `${kind} takes ${spec.params.join(', ')} but "${clip(input)}" gives ${plural(args.length, 'value')}`,
      DISTRIBUTION_HINT,
    );
  }
  const params: Record<string, number> = {};
  for (const [i, arg] of args.entries()) {
    const duration = parseDuration(arg);
    if (!duration.ok) return fail([], `in "${clip(input)}": ${duration.message}`, duration.hint);
    params[names[i] ?? ''] = duration.value;
  }
  return build(kind, params, []);
}

function fromObject(input: Record<string, unknown>): ReturnType<typeof parseDistribution> {
  const name = input.dist;
  if (typeof name !== 'string')
    return fail(['dist'], 'a distribution object needs "dist: KIND"', DISTRIBUTION_HINT);
  if (name.toLowerCase() === 'empirical') return fromEmpirical(input);
  const kind = KIND_BY_ALIAS.get(name.toLowerCase());
  if (!kind) return fail(['dist'], `unknown distribution "${clip(name)}"`, DISTRIBUTION_HINT);
  const spec = DISTRIBUTIONS[kind];
  const allowed = new Set(['dist', ...spec.params, ...(spec.optional ?? [])]);
  const issues: DistributionIssue[] = [];
  for (const key of Object.keys(input)) {
    if (!allowed.has(key))
      issues.push({
        path: [key],
        message: `${kind} has no parameter "${clip(key)}"`,
        hint: `its parameters are ${[...allowed].slice(1).join(', ')}`,
      });
  }
  const params: Record<string, number> = {};
  for (const key of [...spec.params, ...(spec.optional ?? [])]) {
    if (input[key] === undefined) {
      if (spec.params.includes(key))
        issues.push({ path: [], message: `${kind} needs "${clip(key)}"`, hint: DISTRIBUTION_HINT });
      continue;
    }
    const duration = parseDuration(input[key]);
    if (duration.ok) params[key] = duration.value;
    else issues.push({ path: [key], message: duration.message, hint: duration.hint });
  }
  if (issues.length > 0) return { ok: false, message: issues[0]?.message ?? '', issues };
  return build(kind, params, []);
}

function fromEmpirical(input: Record<string, unknown>): ReturnType<typeof parseDistribution> {
  const issues: DistributionIssue[] = [];
  const rawValues = input.values;
  if (!Array.isArray(rawValues) || rawValues.length === 0) {
    return fail(
      ['values'],
      'an empirical distribution needs a non-empty list of values',
      'e.g. values: ["2 min", "3 min", "5 min"]',
    );
  }
  const values: number[] = [];
  for (const [i, raw] of rawValues.entries()) {
    const duration = parseDuration(raw);
    if (duration.ok) values.push(duration.value);
    else issues.push({ path: ['values', i], message: duration.message, hint: duration.hint });
  }
  let weights = values.map(() => 1);
  if (input.weights !== undefined) {
    const w = input.weights;
    if (
      !Array.isArray(w) ||
      w.length !== rawValues.length ||
      !w.every((x) => typeof x === 'number' && x >= 0 && x <= MAX_WEIGHT)
    ) {
      issues.push({
        path: ['weights'],
        message: `weights must be a list of numbers from 0 to ${grouped(MAX_WEIGHT)}, one per value`,
        hint: 'weights are relative: e.g. weights: [3, 1] makes the first value three times as likely',
      });
    } else if (w.every((x) => x === 0)) {
      issues.push({ path: ['weights'], message: 'at least one weight must be more than 0' });
    } else weights = w as number[];
  }
  for (const key of Object.keys(input)) {
    if (!['dist', 'values', 'weights'].includes(key))
      issues.push({
        path: [key],
        message: `empirical has no parameter "${clip(key)}"`,
        hint: 'its parameters are values, weights',
      });
  }
  if (issues.length > 0) return { ok: false, message: issues[0]?.message ?? '', issues };
  return { ok: true, value: { kind: 'empirical', values, weights } };
}

function build(
  kind: Exclude<DistributionKind, 'empirical'>,
  params: Record<string, number>,
  path: (string | number)[],
): ReturnType<typeof parseDistribution> {
  const built = DISTRIBUTIONS[kind].build(params);
  if (typeof built === 'string')
    return fail(path, `this ${kind} distribution is impossible: ${built}`, DISTRIBUTION_HINT);
  return { ok: true, value: built };
}

function fail(
  path: (string | number)[],
  message: string,
  hint?: string,
): ReturnType<typeof parseDistribution> {
  return { ok: false, message, hint, issues: [{ path, message, hint }] };
}

function splitArgs(text: string): string[] {
  const parts = text.split(',').map((s) => s.trim());
  return parts.length === 1 && parts[0] === '' ? [] : parts;
}

/** The distribution's mean in seconds: what the exact analysis uses. */
export function meanOf(d: Distribution): number {
  if (d.kind === 'empirical') {
    const total = d.weights.reduce((a, b) => a + b, 0);
    return d.values.reduce((sum, v, i) => sum + v * (d.weights[i] ?? 0), 0) / total;
  }
  return DISTRIBUTIONS[d.kind].mean(d);
}

function truncatedNormalMean(d: Extract<Distribution, { kind: 'normal' }>): number {
  const a = (d.min - d.mean) / d.sd;
  const b = (d.max - d.mean) / d.sd;
  return d.mean + (d.sd * (normalPdf(a) - normalPdf(b))) / normalMass(a, b);
}

const normalPdf = (x: number) => (Number.isFinite(x) ? Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI) : 0);

/**
 * P(a < Z < b) for a standard normal Z, from upper tails on the side where they are small:
 * 1 - CDF would cancel catastrophically far out in a tail.
 */
function normalMass(a: number, b: number): number {
  if (a >= 0) return normalUpperTail(a) - normalUpperTail(b);
  if (b <= 0) return normalUpperTail(-b) - normalUpperTail(-a);
  return 1 - normalUpperTail(-a) - normalUpperTail(b);
}
