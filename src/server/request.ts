/**
 * Reading a request's parameters, each checked for its type and range before any work starts, so
 * that a wrong type is a 400 naming the field, not a crash or a value silently dropped.
 */
import type { FastifyRequest } from 'fastify';
import { clip } from '../model/clip.js';
import { suggest } from '../model/suggest.js';
import { parseDuration } from '../model/units.js';
import { defaultWarmup } from '../simulation/default-warmup.js';
import { parsePrecision } from '../simulation/index.js';
import { HttpError } from './http-error.js';

export type Body = Record<string, unknown>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The query parameters the route reads; any other is refused (none when not given). */
    query?: readonly string[];
  }
}

/**
 * Refuses a query parameter the matched route does not read, and one given twice, before the
 * route runs: a misspelt `?scenaro=` answered the baseline as if nothing had been asked, and a
 * repeated one reached the route as a list and answered 500. Pages and static files take any: a
 * person's link may carry a token or a chat app's tracking, which the page does not read.
 */
export function checkQuery(request: FastifyRequest): void {
  const config = request.routeOptions.config;
  if (request.routeOptions.url === undefined || config.public || config.page) return;
  const known = config.query ?? [];
  for (const [key, value] of Object.entries(request.query as Record<string, unknown>)) {
    if (Array.isArray(value))
      throw new HttpError(400, `the query parameter '${key}' is given ${value.length} times`, 'give it once');
    if (known.includes(key)) continue;
    const close = suggest(key, known);
    throw new HttpError(
      400,
      `'${clip(key)}' is not a query parameter of this request`,
      known.length === 0
        ? 'this request takes none'
        : `${close ? `did you mean '${close}'? ` : ''}its parameters are ${known.join(', ')}`,
    );
  }
}

/** A JSON object body of the given fields; no body at all reads as {}. A field the route does not read is refused. */
export function bodyOf(body: unknown, fields: readonly string[]): Body {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body))
    throw new HttpError(400, 'the body is not a JSON object', `send a JSON object of ${fields.join(', ')}`);
  const unknown = Object.keys(body).find((k) => !fields.includes(k));
  if (unknown !== undefined)
    throw new HttpError(
      400,
      `'${unknown}' is not a field of this request`,
      `the fields are ${fields.join(', ')}`,
    );
  return body as Body;
}

/** The fields of a simulation's settings. */
export const RUN_FIELDS = [
  'replications',
  'horizon',
  'warmup',
  'seed',
  'set',
  'precision',
  'precisionKpis',
  'maxReplications',
] as const;

export function optionalString(body: Body, key: string): string | undefined {
  const v = body[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw new HttpError(400, `'${key}' is text, not ${typeof v}`);
  return v;
}

export function stringList(body: Body, key: string, example: string): string[] | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
    throw new HttpError(400, `'${key}' is a list of text`, `e.g. {"${key}": ["${example}"]}`);
  return v as string[];
}

/** A query parameter that is a whole number of at least `min`. */
export function wholeQuery(
  value: string | undefined,
  key: string,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new HttpError(
      400,
      `'${key}' is a whole number of at least ${min}${max < Number.MAX_SAFE_INTEGER ? ` and at most ${max.toLocaleString('en-US')}` : ''}, not '${value}'`,
    );
  return n;
}

/** Simulation settings from a request body; their size is checked against the limits with the model. */
export function runSettings(body: Body) {
  const whole = (key: string, fallback: number, min: number) => {
    const v = body[key] ?? fallback;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min)
      throw new HttpError(
        400,
        `'${key}' is a whole number of at least ${min}`,
        `e.g. {"${key}": ${fallback}}`,
      );
    return v;
  };
  const time = (key: string, fallback: string) => {
    const d = parseDuration(body[key] ?? fallback);
    if (!d.ok) throw new HttpError(400, `'${key}': ${d.message}`, d.hint);
    return d.value;
  };
  const horizon = time('horizon', '30d');
  const settings = {
    replications: whole('replications', 20, 1),
    horizon,
    // As the CLI takes it: a fifteenth of a horizon under 30 days.
    warmup: body.warmup === undefined || body.warmup === null ? defaultWarmup(horizon) : time('warmup', '2d'),
    seed: whole('seed', 1, 0),
  };
  if (body.precision === undefined || body.precision === null) {
    const alone = ['precisionKpis', 'maxReplications'].find((k) => body[k] !== undefined && body[k] !== null);
    if (alone) throw new HttpError(400, `'${alone}' goes with 'precision'`, 'e.g. {"precision": "2%"}');
    return settings;
  }
  const precision = parsePrecision(body.precision);
  if (!precision.ok) throw new HttpError(400, `'precision' ${precision.message}`, 'e.g. {"precision": "2%"}');
  const kpis = stringList(body, 'precisionKpis', 'queueWait');
  return {
    ...settings,
    precision: precision.value,
    ...(kpis && kpis.length > 0 ? { precisionKpis: kpis } : {}),
    ...(body.maxReplications !== undefined && body.maxReplications !== null
      ? { maxReplications: whole('maxReplications', 200, 2) }
      : {}),
  };
}
