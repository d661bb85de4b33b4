/**
 * A number with a fixed count of decimals and its whole part in groups of three, as
 * `new Intl.NumberFormat('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })` writes
 * it ("1,234.57", "-0.50", "12"), without that formatter's first cost: making the first one in a
 * process loads the ICU's number formats, 27 ms of every command that prints a readout. Rounded
 * as the ICU rounds: the number's shortest decimal form (what `String` gives) half away from zero,
 * so 1.005 is "1.01" where `toFixed` says "1.00". Negative numbers keep their sign even when they
 * round to zero ("-0.00"), and -0 is "-0", as there.
 */
import { groupDigits } from './grouped.js';

export function fixedGrouped(n: number, decimals: number): string {
  if (!Number.isFinite(n)) return n.toLocaleString('en-US');
  const [whole, fraction] = roundedDigits(Math.abs(n), decimals);
  const text = decimals > 0 ? `${groupDigits(whole)}.${fraction}` : groupDigits(whole);
  return n < 0 || Object.is(n, -0) ? `-${text}` : text;
}

/** `value` (finite, not negative) rounded to `decimals` places: its whole digits and its fraction's. */
function roundedDigits(value: number, decimals: number): [string, string] {
  // value = 0.digits x 10^point, from the shortest form ("123.45", "1e+21", "1.5e-7").
  const [mantissa = '', exponent = '0'] = String(value).split('e');
  const [whole = '', fraction = ''] = mantissa.split('.');
  let digits = whole + fraction;
  let point = whole.length + Number(exponent);
  while (digits.length > 1 && digits[0] === '0') {
    digits = digits.slice(1);
    point--;
  }
  const keep = point + decimals;
  let kept = keep <= 0 ? '' : digits.slice(0, keep).padEnd(keep, '0');
  if (keep >= 0 && keep < digits.length && (digits[keep] as string) >= '5') kept = increment(kept);
  // kept holds the rounded value's digits down to the last decimal place.
  const wholeDigits = kept.length - decimals;
  return wholeDigits <= 0
    ? ['0', kept.padStart(decimals, '0')]
    : [kept.slice(0, wholeDigits), kept.slice(wholeDigits)];
}

/** A string of decimal digits plus one in its last place ("" + 1 is "1", "99" + 1 is "100"). */
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i--;
  if (i < 0) return `1${'0'.repeat(digits.length)}`;
  return digits.slice(0, i) + String(Number(digits[i]) + 1) + '0'.repeat(digits.length - i - 1);
}
