/**
 * Signs that the website fails to communicate, each followed by a contact or not, ranked like call
 * drivers (the same units, window and statistics):
 * - a search with no result (its results attribute is 0), against searches with results;
 * - one page viewed three times or more by a customer on one day (from the third view on),
 *   against days with page views and no such repetition;
 * - a form started and not sent on the same day, against forms started and sent.
 * Which activities and attributes they read is found by name and said in `readFrom`: the default
 * rule, which the user can replace by naming the signs (named-web-signs.ts).
 */
import type { EvidenceBase } from './evidence-base.js';
import type { ExposureCounts, ExposureSql } from './exposure-counts.js';
import { type NamedSign, namedSignDim } from './named-web-signs.js';
import { type Effect, rankEffects } from './ranked-effects.js';
import { quoteLiteral as literal } from './sql-text.js';

export const NO_RESULT = 'search with no result';
export const REPEATED_VIEW = 'page viewed again and again';
export const FORM_NOT_SENT = 'form started and not sent';

const RESULTS = ['results', 'result_count', 'results_count', 'resultcount', 'hits', 'result count'];
const PAGE = ['page', 'url', 'path', 'page_url', 'screen'];
const FORM = ['form', 'form_name', 'form_id'];
const FORM_START = '(start|begin|open).*form|form.*(start|begin|open)';
const FORM_SENT = '(sent|send|submit).*form|form.*(sent|send|submit)';

/** The attributes the signs read, of those the log has. */
export function signAttributes(attributes: string[]): { results?: string; page?: string; form?: string } {
  const named = (names: string[]) => attributes.find((a) => names.includes(a.toLowerCase()));
  const [results, page, form] = [named(RESULTS), named(PAGE), named(FORM)];
  return { ...(results ? { results } : {}), ...(page ? { page } : {}), ...(form ? { form } : {}) };
}

/** The signs' exposures (value 'yes' for the sign, 'no' for the rest of its kind), and what they read. */
export function signExposures(
  base: EvidenceBase,
  attributes: string[],
): { exposures: ExposureSql[]; readFrom: string[] } {
  const { results, page, form } = signAttributes(attributes);
  const where = 'not inbound';
  const from = base.table;
  const exposures: string[] = [];
  const readFrom: string[] = [];
  if (results) {
    const n = `try_cast(${base.field(results)} as double)`;
    exposures.push(`select ${literal(NO_RESULT)} as dim, '' as act,
      case when ${n} = 0 then 'yes' else 'no' end as value, cid, ts_us, day
      from ${from} where ${where} and ${n} is not null and regexp_matches(lower(activity), 'search')`);
    readFrom.push(`${NO_RESULT}: activities named like search, attribute '${results}' = 0`);
  } else readFrom.push(`${NO_RESULT}: no results attribute (${RESULTS.join(', ')})`);
  if (page) {
    const p = base.field(page);
    exposures.push(`select ${literal(REPEATED_VIEW)} as dim, '' as act,
      case when row_number() over (partition by cid, activity, ${p}, day order by ts_us, seq) >= 3
        then 'yes' else 'no' end as value, cid, ts_us, day
      from ${from} where ${where} and ${p} is not null`);
    readFrom.push(`${REPEATED_VIEW}: the third view or more of one '${page}' by a customer on one day`);
  } else readFrom.push(`${REPEATED_VIEW}: no page attribute (${PAGE.join(', ')})`);
  const key = form ? `coalesce(${base.field(form)}, '')` : "''";
  exposures.push(`select ${literal(FORM_NOT_SENT)} as dim, '' as act,
      case when bool_or(regexp_matches(lower(activity), '${FORM_SENT}')) over f then 'no' else 'yes' end as value,
      cid, ts_us, day, regexp_matches(lower(activity), '${FORM_START}') as started
      from ${from} where ${where} and regexp_matches(lower(activity), '${FORM_START}|${FORM_SENT}')
      window f as (partition by cid, ${key}, day)`);
  readFrom.push(
    `${FORM_NOT_SENT}: activities named like start form without one named like form sent the same day${form ? ` for the same '${form}'` : ''}`,
  );
  // The form rows carry a flag: only the starts are exposures.
  const last = exposures.length - 1;
  exposures[last] = `select dim, act, value, cid, ts_us, day from (${exposures[last]}) where started`;
  return { exposures, readFrom };
}

export const SIGNS = [NO_RESULT, REPEATED_VIEW, FORM_NOT_SENT];

/** The signs' names, as the exposures give them: known in advance. */
export const SIGN_NAMES = SIGNS.flatMap((sign) =>
  ['yes', 'no'].map((v) => `select ${literal(sign)} as dim, '' as act, '${v}' as value`),
).join('\nunion all\n');

/** What each sign is about, in words: the activities it reads are found by name. */
const ABOUT: Record<string, string> = {
  [NO_RESULT]: 'searches',
  [REPEATED_VIEW]: 'page views',
  [FORM_NOT_SENT]: 'forms started',
};

/** How the name rule's signs were found, in words. */
export const SIGNS_BY_NAME =
  'the name rule (the default): searches, page views and forms found by the names of their activities and attributes; the signs can be named instead';

/**
 * The signs among the counts (the name rule's, and those named), those exposed often enough
 * tested and ranked; a named sign's activity is the activities it found.
 */
export function webSigns(
  counts: ExposureCounts[],
  s: { minExposed: number; level: number; months: number },
  named: NamedSign[] = [],
): Effect[] {
  const about = new Map<string, { kind: string; activity: string }>([
    ...SIGNS.map((sign) => [sign, { kind: sign, activity: ABOUT[sign] as string }] as const),
    ...named.map((n) => [namedSignDim(n), { kind: n.name, activity: n.activities.join(', ') }] as const),
  ]);
  return rankEffects(
    counts
      .filter((c) => about.has(c.dim) && c.value === 'yes' && c.exposed >= s.minExposed)
      .map((c) => ({ ...c, ...(about.get(c.dim) as { kind: string; activity: string }), value: undefined })),
    s,
  );
}
