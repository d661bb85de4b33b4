/**
 * The file format of a model's `economics`: what an order earns, what a contact costs beyond the
 * staff the pools pay, and what the author believes customers do later (leave after a failure,
 * after giving up in a queue, or by their experience score) and what a customer who leaves is
 * worth. Every number may carry the range its author would defend, for the sensitivity analysis.
 */
import { moneyField, probabilityField } from './fields.js';
import { sharedSchema } from './shared-schema.js';
import * as z from './zod.js';

const text = sharedSchema(() => z.string({ error: 'expected text' }));

/** A number as written, or with the range its author would defend and where it comes from. */
function assumed<T extends z.ZodType>(field: () => T, example: string) {
  return z.union([
    field(),
    z
      .strictObject({
        value: field(),
        low: field()
          .optional()
          .meta({ description: 'The lowest plausible value (default: half the value).' }),
        high: field()
          .optional()
          .meta({ description: 'The highest plausible value (default: one and a half times the value).' }),
        note: text()
          .optional()
          .meta({ description: 'Where the number comes from: a benchmark, a measurement, or "assumption".' }),
      })
      .meta({
        description: `A value with its plausible range, e.g. { value: ${example}, low: ..., high: ... }.`,
      }),
  ]);
}

const money = sharedSchema(() => assumed(moneyField, '"20 EUR"'));
const probability = sharedSchema(() => assumed(probabilityField, '"2%"'));

/** One amount for every segment, or one per segment id (`default` for the segments not named). */
const perSegmentMoney = sharedSchema(() => z.union([money(), z.record(z.string(), money())]));

export const ExperienceRowSchema = z
  .strictObject({
    score: z
      .number({ error: 'score is a number from 0 to 100' })
      .min(0)
      .max(100)
      .meta({ description: 'An experience score (0-100) as the simulation reports it.' }),
    p: probabilityField().meta({ description: 'The probability that a customer with this score leaves.' }),
  })
  .meta({ description: 'One point of the table; between points the probability is interpolated.' });

export const LeavingSchema = z
  .strictObject({
    afterFailure: probability()
      .optional()
      .meta({ description: 'The probability that a customer leaves for each failure met on the journey.' }),
    afterAbandon: probability().optional().meta({
      description: 'The probability that a customer who gave up waiting in a queue leaves.',
    }),
    byExperience: z
      .array(ExperienceRowSchema)
      .min(1, { error: 'byExperience needs at least one row' })
      .optional()
      .meta({
        description:
          "The probability of leaving by the journey's experience score, as a table of {score, p} (two rows make a slope); the score already loses points for failures and queue abandonment.",
      }),
  })
  .meta({
    description: 'What customers do after the journey, as the author believes it: the chance they leave.',
  });

export const EconomicsSchema = z
  .strictObject({
    margin: perSegmentMoney().optional().meta({
      description: 'What one order (a journey reaching a successful end) earns, before staff costs.',
    }),
    customerValue: perSegmentMoney().optional().meta({
      description: 'The value lost when a customer leaves (e.g. the margin of their future orders).',
    }),
    contactCost: z.record(z.string(), money()).optional().meta({
      description:
        'Cost of one visit to a step on each channel, by channel id, beyond the staff time the pools already cost (telephony, chat licences, postage).',
    }),
    leaving: LeavingSchema.optional(),
  })
  .meta({
    description:
      'Money on both sides of a change: what orders earn, what contacts cost, and what customers who leave take with them. The what-if reports the net value per month from it.',
  });
