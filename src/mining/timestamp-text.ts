/**
 * Timestamps as logs write them ("2011-10-01T00:38:44.546+02:00", "2016-01-12 10:00", "…Z"), read
 * in JS for streamed XES and in SQL for files DuckDB reads; both keep the UTC offset the text was
 * written with, and tell "no offset written" (null) from "written as UTC" (0).
 */

import { isoTimestamp } from './iso-timestamp.js';

/** "2011-10-01T00:38:44.546+02:00" into microseconds (UTC) and the written offset; undefined when unreadable. */
export function parseTimestamp(text: string): { us: bigint; offset: number | null } | undefined {
  return isoTimestamp(text) ?? generalTimestamp(text);
}

/** Any text Date.parse reads once its offset is taken off; exported for the test that holds isoTimestamp to it. */
export function generalTimestamp(text: string): { us: bigint; offset: number | null } | undefined {
  const trimmed = text.trim();
  // As in the SQL below: an offset counts only after a time of day, so "2016-01-12" has none.
  const zone = /\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|([+-])(\d{2}):?(\d{2})?)$/.exec(trimmed);
  let offset: number | null = null;
  if (zone?.[1] === 'Z') offset = 0;
  else if (zone?.[1]) offset = (zone[2] === '-' ? -1 : 1) * (Number(zone[3]) * 60 + Number(zone[4] ?? 0));
  const local = zone?.[1] ? trimmed.slice(0, trimmed.length - zone[1].length) : trimmed;
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(local) ? `${local}T00:00:00Z` : `${local.replace(' ', 'T')}Z`;
  const ms = Date.parse(iso) - (offset ?? 0) * 60_000;
  if (Number.isNaN(ms)) return undefined;
  // Date.parse keeps milliseconds; the digits beyond are read from the text.
  const fraction = /\.(\d+)/.exec(local)?.[1] ?? '';
  const micros = fraction.length > 3 ? Number(fraction.slice(3, 6).padEnd(3, '0')) : 0;
  return { us: BigInt(ms) * 1000n + BigInt(micros), offset };
}

/**
 * SQL: the text may have a UTC offset written in digits, which only DuckDB's timestamptz reading
 * applies: a plus sign, or a minus beyond a date's two ("...10:00:00-05:00"). Any other text reads
 * as the same instant either way in the session's zone (UTC), except a zone's name, which only
 * timestamptz reads.
 */
const writtenSql = (text: string) => `(contains(${text}, '+') or ${text} like '%-%-%-%')`;

/**
 * SQL for the instant a timestamp text names, in microseconds (null when unreadable). A text with
 * an offset in digits is read as timestamptz; any other as a plain timestamp, and as timestamptz
 * only when that fails (a zone's name). DuckDB's timestamptz reading of a text with no offset
 * asks ICU for the session's zone, at 65 ms a million rows against 25 for a plain one, and, after
 * a text with a zone's name ("... EST"), read the texts after it in the same batch in that zone:
 * "2024-01-01 12:00:00" after "2024-01-01 10:00:00 EST" was stored as 17:00 UTC.
 */
export const instantSql = (text: string) =>
  `(case when ${writtenSql(text)} then epoch_us(try_cast(${text} as timestamptz))
    else coalesce(epoch_us(try_cast(${text} as timestamp)), epoch_us(try_cast(${text} as timestamptz))) end)`;

/**
 * SQL for the UTC offset in minutes that a timestamp text was written with (+01:00, +0100, +01 or
 * Z after a time of day); null when it has none. Its size is the gap between the text read as
 * local time and the instant it names (instantSql), so that it is the offset DuckDB applied. A
 * text with no offset has no gap, so the gap alone tells a written offset unless it is zero: only
 * then is the text's end read, for a zero offset written after a time of day (a date alone,
 * "2010-12-30", has none; spaces after it are trimmed, as parseTimestamp trims them). With the
 * instant, this takes 98 to 125 ms a million rows, whether offsets are written or not; a pattern
 * (\d{2}:\d{2}...(Z|[+-]\d{2}...)$) matched on every row instead took 100 ms against the gap's
 * 62. Measured too: the gap taken only where an offset may be written (in a CASE) was 20 ms faster
 * on texts ending "+00" and 100 ms slower on texts ending "+02:00", as DuckDB reads a cast in a
 * CASE's later branch slowly. `instant` is that instant's SQL, where a query has it already.
 */
export const tzOffsetSql = (text: string, instant = instantSql(text)) =>
  `coalesce(nullif(epoch_us(try_cast(${text} as timestamp)) - ${instant}, 0) // 60000000,
    case when ${zeroWritten(text)} or (suffix(${text}, ' ') and ${zeroWritten(`rtrim(${text})`)}) then 0 end)`;

/** SQL: the text ends in a zero UTC offset written after a time of day (a colon shows one: a date alone has none). */
const zeroWritten = (text: string) =>
  `(contains(${text}, ':') and (${['Z', '+00', '-00', '+0000', '-0000', '+00:00', '-00:00']
    .map((end) => `suffix(${text}, '${end}')`)
    .join(' or ')}))`;
