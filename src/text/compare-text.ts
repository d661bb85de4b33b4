/**
 * Names in one order on every machine: US English collation, whatever the user's locale.
 * `localeCompare` followed the locale, so an edge list, a diagram's ports and the diagnostics of
 * the same input came out in another order in Sweden ("ä" after "z") than elsewhere. The collator
 * is made at the first comparison: it loads the ICU's collation data (15 ms), which commands that
 * sort no names never pay.
 */
let collator: Intl.Collator | undefined;

export function compareText(a: string, b: string): number {
  collator ??= new Intl.Collator('en-US');
  return collator.compare(a, b);
}
