/**
 * A duration as the duration control shows it: a number and a unit from a short list when the
 * model writes a plain duration ("4 min", "90s", "2 hours"), else the text itself (a
 * distribution such as "lognormal(4 min, 2 min)", which the validator checks).
 */
import { DURATION_UNITS } from '../../units.js';

export const UNITS = ['s', 'min', 'h', 'd'] as const;
export type Unit = (typeof UNITS)[number];

export interface Plain {
  amount: number;
  unit: Unit;
}

const NUMBER = String.raw`(\d+(?:\.\d*)?|\.\d+)`;
const PLAIN = new RegExp(`^${NUMBER}\\s*([A-Za-z]+)$`);

/** The number and unit of a plain duration, or undefined for anything else (shown as text). */
export function plainDuration(value: unknown): Plain | undefined {
  if (value === 0) return { amount: 0, unit: 'min' };
  if (typeof value !== 'string') return undefined;
  const match = PLAIN.exec(value.trim());
  if (!match) return undefined;
  const seconds = DURATION_UNITS[(match[2] ?? '').toLowerCase()];
  // Other spellings of the offered units ("mins", "hours") become the short one; "ms" and "w" stay text.
  const unit = UNITS.find((u) => DURATION_UNITS[u] === seconds);
  return unit === undefined ? undefined : { amount: Number(match[1]), unit };
}

/** What is written into the model for a number and a unit; an empty number removes the duration. */
export function durationText(amount: string, unit: Unit): string | undefined {
  const text = amount.trim();
  if (text === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? `${n} ${unit}` : `${text} ${unit}`;
}

/** Whether the control shows number and unit (a plain duration, or nothing yet) or the text box. */
export const showsPlain = (value: unknown): boolean =>
  value === undefined || value === null || value === '' || plainDuration(value) !== undefined;
