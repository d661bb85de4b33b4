/**
 * Zod fields for the values that carry units or ids. Each parses what people write into plain
 * numbers and records, on failure, a message with a hint; each declares the JSON Schema of what
 * may be written (its input), because a transform has no JSON Schema of its own.
 */
import { clip } from './clip.js';
import { DISTRIBUTION_HINT, type Distribution, parseDistribution } from './distribution.js';
import { sharedSchema } from './shared-schema.js';
import {
  type Money,
  type Parsed,
  parseCostPerHour,
  parseDuration,
  parseMoney,
  parseProbability,
  parseRate,
  parseServiceLevel,
  type ServiceLevelTarget,
} from './units.js';
import * as z from './zod.js';

/** JSON Schema fragments attached with `.meta({ input })` and read back by the schema generator. */
export type InputSchema = Record<string, unknown>;

function unitField<T>(parse: (v: unknown) => Parsed<T>, input: InputSchema) {
  return z
    .unknown()
    .transform((value, ctx): T => {
      const parsed = parse(value);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: 'custom', message: parsed.message, params: { hint: parsed.hint } });
      return z.NEVER;
    })
    .meta({ input });
}

const durationText = {
  type: 'string',
  pattern: String.raw`^\s*[0-9.]+\s*(ms|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wk|weeks?)\s*$`,
  examples: ['90 s', '5 min', '2 h', '1 d'],
};

export const durationField = sharedSchema(() =>
  unitField(parseDuration, {
    description: 'A duration with its unit, e.g. "90 s", "5 min", "2 h", "1 d".',
    ...durationText,
  }),
);

export const rateField = sharedSchema(() =>
  unitField(parseRate, {
    description: 'A rate: a count per time unit, e.g. "12/h", "300/d".',
    type: 'string',
    examples: ['12/h', '300/d'],
  }),
);

export const probabilityField = sharedSchema(() =>
  unitField(parseProbability, {
    description: 'A probability: a number from 0 to 1, or a percentage such as "15%".',
    anyOf: [
      { type: 'number', minimum: 0, maximum: 1 },
      { type: 'string', pattern: String.raw`^\s*[0-9.]+\s*%\s*$` },
    ],
  }),
);

/** Money per hour; the currency is filled in from the model when the text names none. */
export const costPerHourField = sharedSchema(() =>
  unitField<Money>((v) => parseCostPerHour(v, ''), {
    description:
      'A cost per time unit, e.g. "38/h", "38 EUR/h", "€300/d" (the model\'s currency if none is named).',
    type: 'string',
    examples: ['38 EUR/h', '€300/d'],
  }),
);

/** An amount of money; the currency is filled in from the model when the text names none. */
export const moneyField = sharedSchema(() =>
  unitField<Money>((v) => parseMoney(v, ''), {
    description: 'An amount of money, e.g. 20, "20 EUR" or "€20" (the model\'s currency if none is named).',
    anyOf: [
      { type: 'number', minimum: 0 },
      { type: 'string', examples: ['20 EUR', '€20'] },
    ],
  }),
);

export const serviceLevelField = sharedSchema(() =>
  unitField<ServiceLevelTarget>(parseServiceLevel, {
    description: 'A service level: the share of contacts answered within a time, e.g. "80% in 20 s".',
    type: 'string',
    pattern: String.raw`^\s*[0-9.]+\s*%\s*(in|within)\s+.+$`,
    examples: ['80% in 20 s', '90% within 2 min'],
  }),
);

export const distributionField = sharedSchema(() =>
  z
    .unknown()
    .transform((value, ctx): Distribution => {
      const parsed = parseDistribution(value);
      if (parsed.ok) return parsed.value;
      for (const issue of parsed.issues ?? [{ path: [], message: parsed.message, hint: parsed.hint }]) {
        ctx.addIssue({
          code: 'custom',
          message: issue.message,
          path: issue.path,
          params: { hint: issue.hint },
        });
      }
      return z.NEVER;
    })
    .meta({
      input: {
        description: `A duration or a distribution of durations: ${DISTRIBUTION_HINT}.`,
        anyOf: [
          {
            type: 'string',
            examples: ['5 min', 'exp(4 min)', 'lognormal(6 min, 3 min)', 'triangular(1 min, 2 min, 5 min)'],
          },
          {
            type: 'object',
            required: ['dist'],
            properties: {
              dist: {
                enum: [
                  'fixed',
                  'exponential',
                  'lognormal',
                  'gamma',
                  'normal',
                  'uniform',
                  'triangular',
                  'empirical',
                ],
              },
              value: durationText,
              mean: durationText,
              sd: durationText,
              min: durationText,
              mode: durationText,
              max: durationText,
              values: { type: 'array', items: durationText },
              weights: { type: 'array', items: { type: 'number', minimum: 0 } },
            },
            additionalProperties: false,
          },
        ],
      },
    }),
);

/** Ids are references in YAML and path segments in scenario patches, hence no dots or spaces. */
export const ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export const idField = sharedSchema(() =>
  z.string({ error: 'an id must be text' }).regex(ID_PATTERN, {
    error: (issue) => {
      const text = String(issue.input);
      // Ids are ASCII; a name in Hebrew or Greek was told to "use letters", which it did.
      const script = /\p{L}/u.test(text.replace(/[A-Za-z]/g, ''))
        ? ' (names may be in any script, ids not)'
        : '';
      return `"${clip(text)}" is not a valid id: use the letters a-z and A-Z, digits, "-" and "_", starting with a letter or "_"${script}`;
    },
  }),
);

/** Customer effort on the usual 1 (effortless) to 5 (very hard) scale. */
export const effortField = sharedSchema(() =>
  z.number({ error: 'effort is a number from 1 (effortless) to 5 (very hard)' }).min(1).max(5),
);

/** Emotion on the journey-map scale from -2 (very negative) to +2 (very positive). */
export const emotionField = sharedSchema(() =>
  z.number({ error: 'emotion is a number from -2 (very negative) to +2 (very positive)' }).min(-2).max(2),
);

export const SEVERITY_WORDS: Readonly<Record<string, number>> = {
  minor: 1,
  moderate: 2,
  major: 3,
  severe: 4,
  critical: 5,
};

/** Fail-point severity, 1 (minor) to 5 (critical), as a number or its word. */
export const severityField = sharedSchema(() =>
  z
    .union([z.number(), z.string()])
    .transform((value, ctx): number => {
      const n = typeof value === 'number' ? value : SEVERITY_WORDS[value.toLowerCase()];
      if (n !== undefined && Number.isInteger(n) && n >= 1 && n <= 5) return n;
      ctx.addIssue({
        code: 'custom',
        message: `severity ${JSON.stringify(typeof value === 'string' ? clip(value) : value)} is not on the scale`,
        params: { hint: 'use 1 to 5 or one of minor, moderate, major, severe, critical' },
      });
      return z.NEVER;
    })
    .meta({
      input: {
        description: 'Severity of a failure as the customer feels it: 1 (minor) to 5 (critical).',
        anyOf: [{ type: 'integer', minimum: 1, maximum: 5 }, { enum: Object.keys(SEVERITY_WORDS) }],
      },
    }),
);

/** APQC PCF hierarchy codes ("6.2.1") or five-digit element ids ("10215"). */
export const apqcField = sharedSchema(() =>
  z
    .union([z.string(), z.number()])
    .transform((value, ctx): string => {
      const text = String(value).trim();
      if (/^\d{1,2}\.\d+(\.\d+){0,3}$/.test(text) || /^\d{5}$/.test(text)) return text;
      ctx.addIssue({
        code: 'custom',
        message: `"${clip(text)}" is not an APQC PCF code`,
        params: {
          hint: 'write the hierarchy code as text, e.g. "6.2.1", or the five-digit element id, e.g. "10215"',
        },
      });
      return z.NEVER;
    })
    .meta({
      input: {
        description:
          'An APQC Process Classification Framework code, e.g. "6.2.1", or its element id, e.g. "10215".',
        type: 'string',
        pattern: String.raw`^(\d{1,2}\.\d+(\.\d+){0,3}|\d{5})$`,
      },
    }),
);
