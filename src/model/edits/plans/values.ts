/**
 * Values as the forms show them and as the model writes them: a segment's share as a
 * percentage (0.25 in the YAML, 25 % in the form), a pool's cost as an amount and a currency per hour.
 */
import { parseCostPerHour, parseProbability } from '../../units.js';
import type { Item } from './model-data.js';

/** Rounded to a few decimals, so that 0.7 × 100 shows as 70 and 7 / 100 writes 0.07. */
const round = (n: number, places: number) => Number(n.toFixed(places));

/** A share (0.25 or "25%") as a percentage; undefined when absent or unreadable. */
export function percentOf(share: unknown): number | undefined {
  if (share === undefined) return undefined;
  const parsed = parseProbability(share);
  return parsed.ok ? round(parsed.value * 100, 4) : undefined;
}

/** A percentage typed into the form as the share the model writes; text that is no number stays text. */
export function shareOf(typed: string): number | string | undefined {
  const text = typed.trim().replace(/\s*%$/, '');
  if (text === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? round(n / 100, 6) : typed;
}

/** The segments' shares added up, in percent; undefined when no segment gives a share. */
export function shareTotal(segments: readonly Item[]): number | undefined {
  if (!segments.some((s) => s.share !== undefined)) return undefined;
  return round(
    segments.reduce((sum, s) => sum + (percentOf(s.share) ?? 0), 0),
    4,
  );
}

export interface Cost {
  /** Per hour, whatever time unit the model wrote. */
  amount: number;
  currency: string;
}

/** A pool's cost ("32 EUR/h", "€300/d") per hour; undefined when absent or unreadable. */
export function costOf(cost: unknown, modelCurrency: string): Cost | undefined {
  if (cost === undefined) return undefined;
  const parsed = parseCostPerHour(cost, modelCurrency);
  return parsed.ok ? { amount: round(parsed.value.amount, 4), currency: parsed.value.currency } : undefined;
}

/** The cost as the model writes it; no amount removes it. */
export function costText(amount: string, currency: string): string | undefined {
  if (amount.trim() === '') return undefined;
  return `${amount.trim()} ${currency.trim().toUpperCase()}/h`;
}
