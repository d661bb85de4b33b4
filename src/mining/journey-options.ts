/**
 * Journey analytics options as people type them (`--driver-window 1d`, `?minSupport=0.5%`), read
 * alike for the CLI and the API so that both give the same answers.
 */
import { parseDuration, parseProbability } from '../model/units.js';
import type { JourneyOptions } from './journeys.js';

export interface JourneyOptionText {
  contacts?: string;
  topic?: string;
  repeatWindow?: string;
  driverWindow?: string;
  minSupport?: string;
}

/** The options, or the first one that cannot be read (its name and what is wrong). */
export function readJourneyOptions(
  text: JourneyOptionText,
): { ok: true; options: JourneyOptions } | { ok: false; option: keyof JourneyOptionText; message: string } {
  const options: JourneyOptions = {};
  if (text.contacts !== undefined)
    options.contacts = text.contacts
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (text.topic !== undefined) options.topic = text.topic;
  for (const key of ['repeatWindow', 'driverWindow'] as const) {
    const value = text[key];
    if (value === undefined) continue;
    const d = parseDuration(value);
    if (!d.ok) return { ok: false, option: key, message: d.message };
    options[key] = d.value;
  }
  if (text.minSupport !== undefined) {
    const p = parseProbability(text.minSupport);
    if (!p.ok) return { ok: false, option: 'minSupport', message: p.message };
    options.minSupport = p.value;
  }
  return { ok: true, options };
}
