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
import { candidateKey, classKey, type ExposureCounts, type ExposureSql } from './exposure-counts.js';
import { type NamedSign, namedSignDim } from './named-web-signs.js';
import { type Effect, rankEffects } from './ranked-effects.js';
import { quoteLiteral as literal } from './sql-text.js';

export const NO_RESULT = 'search with no result';
export const REPEATED_VIEW = 'page viewed again and again';
export const FORM_NOT_SENT = 'form started and not sent';

const RESULTS = ['results', 'result_count', 'results_count', 'resultcount', 'hits', 'result count'];
const PAGE = ['page', 'url', 'path', 'page_url', 'screen'];
const FORM = ['form', 'form_name', 'form_id'];
/** Activities whose lower-case names match these are searches, form starts and form sends. */
export const SEARCH = 'search';
export const FORM_START = '(start|begin|open).*form|form.*(start|begin|open)';
export const FORM_SENT = '(sent|send|submit).*form|form.*(sent|send|submit)';

/** The attributes the name rule's signs read. */
export interface SignAttributes {
  results?: string;
  page?: string;
  form?: string;
}

/** The attributes the signs read, of those the log has. */
export function signAttributes(attributes: string[]): SignAttributes {
  const named = (names: string[]) => attributes.find((a) => names.includes(a.toLowerCase()));
  const [results, page, form] = [named(RESULTS), named(PAGE), named(FORM)];
  return { ...(results ? { results } : {}), ...(page ? { page } : {}), ...(form ? { form } : {}) };
}

/** A sign's candidate key (its value 'yes') and class key, as SQL. */
export const signKey = (sign: string) => candidateKey(sign, '0', "'yes'");
export const signClass = (sign: string) => classKey(sign, '0');

/** What the name rule's signs read, in words. */
export function signsReadFrom({ results, page, form }: SignAttributes): string[] {
  return [
    results
      ? `${NO_RESULT}: activities named like search, attribute '${results}' = 0`
      : `${NO_RESULT}: no results attribute (${RESULTS.join(', ')})`,
    page
      ? `${REPEATED_VIEW}: the third view or more of one '${page}' by a customer on one day`
      : `${REPEATED_VIEW}: no page attribute (${PAGE.join(', ')})`,
    `${FORM_NOT_SENT}: activities named like start form without one named like form sent the same day${form ? ` for the same '${form}'` : ''}`,
  ];
}

/**
 * The signs' exposures on DuckDB (the sign's events are its candidate's, the rest of its kind the
 * class's others).
 */
export function signExposures(base: EvidenceBase, { results, page, form }: SignAttributes): ExposureSql[] {
  const from = base.table;
  const exposures: string[] = [];
  if (results)
    exposures.push(`select case when n = 0 then ${signKey(NO_RESULT)} end as k, ${signClass(NO_RESULT)} as ck,
        cid, day, ts_us, nxt
      from (select *, try_cast(${base.field(results)} as double) as n from ${from}
            where ${base.activityMatches(SEARCH)})
      where n is not null`);
  if (page) exposures.push(repeatedViews(base, base.field(page)));
  const key = form ? `coalesce(${base.field(form)}, '')` : "''";
  // The starts are the class; a day's starts of a form without a send are the sign's.
  exposures.push(`select case when not sent then ${signKey(FORM_NOT_SENT)} end as k, ${signClass(FORM_NOT_SENT)} as ck,
      cid, day, ts_us, nxt
    from (select cid, day, bool_or(sent) as sent, bool_or(started) as started,
            max(ts_us) filter (where started) as ts_us, min(nxt) filter (where started) as nxt
          from (select *, ${base.activityMatches(FORM_START)} as started, ${base.activityMatches(FORM_SENT)} as sent
                from ${from})
          where started or sent group by cid, ${key}, day)
    where started`);
  return exposures;
}

/**
 * The views of one page by a customer on one day, as one row for the class (its last time, its
 * least next contact) and, from the third view on, one for the sign: the third view's next contact
 * is the third least, as it never decreases with time.
 */
function repeatedViews(base: EvidenceBase, page: string): ExposureSql {
  return `select case when sign then ${signKey(REPEATED_VIEW)} end as k, ${signClass(REPEATED_VIEW)} as ck,
      cid, day, t as ts_us, case when sign then third else m end as nxt
    from (select cid, day, count(*) as n, max(ts_us) as t, min(nxt) as m, min(nxt, 3)[3] as third
          from ${base.table} where ${page} is not null group by cid, a, ${page}, day) g
      join (values (true), (false)) s(sign) on not s.sign or g.n >= 3`;
}

export const SIGNS = [NO_RESULT, REPEATED_VIEW, FORM_NOT_SENT];

/** The signs' names, as the exposures give them: known in advance. */
export const SIGN_NAMES = SIGNS.map(
  (sign) => `select ${signKey(sign)} as k, ${literal(sign)} as dim, '' as act, 'yes' as value`,
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
