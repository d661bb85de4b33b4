/** Shift schedules as people write them ("mon-fri", "08:00-18:00") into days and minutes. */

import { clip } from './clip.js';
import { WEEKDAYS } from './schema.js';
import type { Parsed } from './units.js';

const DAY_HINT =
  'write weekdays as mon, tue, wed, thu, fri, sat, sun, with ranges and commas: "mon-fri", "sat,sun"';

export function parseDays(text: string): Parsed<number[]> {
  const days = new Set<number>();
  for (const part of text
    .toLowerCase()
    .split(',')
    .map((s) => s.trim())) {
    const [from, to, extra] = part.split('-').map((s) => s.trim().slice(0, 3));
    const a = WEEKDAYS.indexOf(from as (typeof WEEKDAYS)[number]);
    const b = to === undefined ? a : WEEKDAYS.indexOf(to as (typeof WEEKDAYS)[number]);
    if (a < 0 || b < 0 || extra !== undefined)
      return { ok: false, message: `"${clip(text)}" is not a set of weekdays`, hint: DAY_HINT };
    for (let d = a; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === b) break;
    }
  }
  return { ok: true, value: [...days].sort((x, y) => x - y) };
}

const HOURS = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/;

/** "08:00-18:00" into minutes after midnight; "22:00-06:00" runs past midnight. */
export function parseHours(text: string): Parsed<{ start: number; end: number }> {
  const match = HOURS.exec(text.trim());
  const hint = 'write clock hours as "HH:MM-HH:MM", e.g. "08:00-18:00" or "22:00-06:00"';
  if (!match) return { ok: false, message: `"${clip(text)}" is not a span of hours`, hint };
  const [h1, m1, h2, m2] = match.slice(1).map(Number) as [number, number, number, number];
  const start = h1 * 60 + m1;
  const end = h2 * 60 + m2;
  if (h1 > 24 || h2 > 24 || m1 > 59 || m2 > 59 || start > 1440 || end > 1440)
    return { ok: false, message: `"${clip(text)}" is not a span of hours`, hint };
  if (start === end) return { ok: false, message: `"${clip(text)}" is an empty span`, hint };
  return { ok: true, value: { start, end } };
}
