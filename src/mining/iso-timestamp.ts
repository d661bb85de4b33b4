/**
 * The common shape of a log's timestamp, read digit by digit: "2011-10-01T00:38:44.546+02:00",
 * "2012-10-09 14:50:17", "2016-01-12". Streamed XES reads one per event, and the general reading
 * (a pattern for the offset, Date.parse, a pattern for the fraction) took 5% of an import's time.
 * Anything else, or a field out of its range (hour 24, 30 February), is left to the general
 * reading: undefined here says "not this shape", never "not a timestamp".
 */

const ZERO = 48;
const [DASH, COLON, DOT, PLUS, SPACE, T, Z] = ['-', ':', '.', '+', ' ', 'T', 'Z'].map((c) => c.charCodeAt(0));

/** The number written by `count` digits from `at`, or -1 when one of them is not a digit. */
function digits(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - ZERO;
    // Past the end charCodeAt is NaN, which no comparison passes.
    if (!(d >= 0 && d <= 9)) return -1;
    n = n * 10 + d;
  }
  return n;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
const daysIn = (year: number, month: number) =>
  month === 2 && leap(year) ? 29 : (DAYS[month - 1] as number);

/** Microseconds (UTC) and the written offset in minutes (null when none), as parseTimestamp gives them. */
export function isoTimestamp(text: string): { us: bigint; offset: number | null } | undefined {
  const end = text.length;
  if (end < 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  // Years below 1000 are left out: Date.UTC reads 0 to 99 as 1900 to 1999.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (end === 10) return { us: BigInt(Date.UTC(year, month - 1, day)) * 1000n, offset: null };
  const separator = text.charCodeAt(10);
  if ((separator !== T && separator !== SPACE) || end < 16 || text.charCodeAt(13) !== COLON) return undefined;
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return undefined;
  let at = 16;
  let second = 0;
  let ms = 0;
  let micros = 0;
  if (text.charCodeAt(at) === COLON) {
    second = digits(text, at + 1, 2);
    if (second < 0 || second > 59) return undefined;
    at += 3;
    if (text.charCodeAt(at) === DOT) {
      let count = 0;
      while (count < 10 && digits(text, at + 1 + count, 1) >= 0) count++;
      if (count === 0 || count > 9) return undefined;
      // Milliseconds from the first three digits and microseconds from the next three, the rest
      // dropped, as the general reading does.
      let sixDigits = 0;
      for (let i = 0; i < 6; i++)
        sixDigits = sixDigits * 10 + (i < count ? text.charCodeAt(at + 1 + i) - ZERO : 0);
      ms = Math.floor(sixDigits / 1000);
      micros = sixDigits % 1000;
      at += 1 + count;
    }
  }
  let offset: number | null = null;
  const sign = text.charCodeAt(at);
  if (sign === Z && at + 1 === end) offset = 0;
  else if (sign === PLUS || sign === DASH) {
    const hours = digits(text, at + 1, 2);
    const rest = end - at - 3;
    const minutesAt = rest === 3 && text.charCodeAt(at + 3) === COLON ? at + 4 : rest === 2 ? at + 3 : -1;
    const minutes = rest === 0 ? 0 : minutesAt < 0 ? -1 : digits(text, minutesAt, 2);
    if (hours < 0 || minutes < 0) return undefined;
    // The same product as the general reading, -0 for "-00" included.
    offset = (sign === DASH ? -1 : 1) * (hours * 60 + minutes);
  } else if (at !== end) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms) - (offset ?? 0) * 60_000;
  // One BigInt made where the microseconds fit a double exactly (1685 to 2255), three elsewhere.
  const us = utc * 1000 + micros;
  return { us: Number.isSafeInteger(us) ? BigInt(us) : BigInt(utc) * 1000n + BigInt(micros), offset };
}
