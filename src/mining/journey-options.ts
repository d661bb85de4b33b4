/**
 * Journey analytics options as people type them (`--driver-window 1d`, `?minSupport=0.5%`), read
 * alike for the CLI and the API so that both give the same answers.
 */
import { parseDuration, parseProbability } from '../model/units.js';
import type { JourneyOptions } from './journeys.js';
import { signListProblem, splitSignList } from './named-web-signs.js';

export interface JourneyOptionText {
  contacts?: string;
  topic?: string;
  repeatWindow?: string;
  driverWindow?: string;
  minSupport?: string;
  /** Attributes or columns to seek drivers on, comma-separated. */
  by?: string;
  initiator?: string;
  /** Outbound activities, comma-separated. */
  outbound?: string;
  /** The evidence window; the same as driverWindow, which it replaces. */
  window?: string;
  minExposed?: string;
  level?: string;
  /** Website failure signs: activities, or /patterns/, comma-separated. */
  webSigns?: string;
}

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The options, or the first one that cannot be read (its name and what is wrong). */
export function readJourneyOptions(
  text: JourneyOptionText,
): { ok: true; options: JourneyOptions } | { ok: false; option: keyof JourneyOptionText; message: string } {
  const options: JourneyOptions = {};
  if (text.contacts !== undefined) options.contacts = list(text.contacts);
  if (text.topic !== undefined) options.topic = text.topic;
  if (text.by !== undefined) options.by = list(text.by);
  if (text.outbound !== undefined) options.outbound = list(text.outbound);
  if (text.initiator !== undefined) options.initiator = text.initiator;
  if (text.webSigns !== undefined) {
    const signs = splitSignList(text.webSigns);
    const problem =
      signs.length === 0
        ? 'name at least one activity or /pattern/, e.g. "Error page,/time.?out/"'
        : signListProblem(signs);
    if (problem) return { ok: false, option: 'webSigns', message: problem };
    options.webSigns = signs;
  }
  if (text.initiator !== undefined && text.outbound !== undefined)
    return {
      ok: false,
      option: 'outbound',
      message:
        'name who started a contact either by a column (initiator) or by a list of outbound activities, not both',
    };
  for (const key of ['repeatWindow', 'driverWindow'] as const) {
    const value = text[key];
    if (value === undefined) continue;
    const d = parseDuration(value);
    if (!d.ok) return { ok: false, option: key, message: d.message };
    options[key] = d.value;
  }
  if (text.window !== undefined) {
    const d = parseDuration(text.window);
    if (!d.ok) return { ok: false, option: 'window', message: d.message };
    if (options.driverWindow !== undefined && options.driverWindow !== d.value)
      return { ok: false, option: 'window', message: 'it replaces the driver window: give one of them' };
    options.driverWindow = d.value;
  }
  if (text.minExposed !== undefined) {
    const n = Number(text.minExposed);
    if (!Number.isInteger(n) || n < 1)
      return {
        ok: false,
        option: 'minExposed',
        message: `takes a whole number of 1 or more, not '${text.minExposed}'`,
      };
    options.minExposed = n;
  }
  if (text.level !== undefined) {
    const p = parseProbability(text.level);
    if (!p.ok || p.value <= 0 || p.value >= 0.5)
      return {
        ok: false,
        option: 'level',
        message: `takes a significance level above 0 and below 0.5, e.g. 0.05 or 1%, not '${text.level}'`,
      };
    options.level = p.value;
  }
  if (text.minSupport !== undefined) {
    const p = parseProbability(text.minSupport);
    if (!p.ok) return { ok: false, option: 'minSupport', message: p.message };
    options.minSupport = p.value;
  }
  return { ok: true, options };
}
