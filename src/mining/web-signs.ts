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
import type { ExposureCounts, SignRows } from './exposure-counts.js';
import { type NamedSign, namedSignDim } from './named-web-signs.js';
import { type Effect, rankEffects } from './ranked-effects.js';

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
 * The signs' rows on DuckDB (exposure-counts.ts): the searches with a number of results, the
 * groups of one page's views, the form starts. `groups` gives the views of a page grouped as the
 * drivers by that attribute group them, when they do.
 */
export function signExposures(
  base: EvidenceBase,
  { results, page, form }: SignAttributes,
  groups: (attribute: string) => string | undefined,
): SignRows[] {
  const from = base.table;
  const rows: SignRows[] = [];
  if (results)
    rows.push({
      dim: NO_RESULT,
      rows: `select cid, day, ts_us, nxt, case when n = 0 then ts_us end as uts, case when n = 0 then nxt end as unxt
        from (select *, try_cast(${base.field(results)} as double) as n from ${from}
              where ${base.activityMatches(SEARCH)})
        where n is not null`,
    });
  if (page) rows.push({ dim: REPEATED_VIEW, rows: repeatedViews(base, page, groups(page)) });
  const key = form ? `coalesce(${base.field(form)}, '')` : "''";
  // The starts are the class; a day's starts of a form without a send are the sign's.
  rows.push({
    dim: FORM_NOT_SENT,
    rows: `select cid, day, ts_us, nxt, case when not sent then ts_us end as uts, case when not sent then nxt end as unxt
      from (select cid, day, bool_or(sent) as sent, bool_or(started) as started,
              max(ts_us) filter (where started) as ts_us, min(nxt) filter (where started) as nxt
            from (select *, ${base.activityMatches(FORM_START)} as started, ${base.activityMatches(FORM_SENT)} as sent
                  from ${from})
            where started or sent group by cid, ${key}, day)
      where started`,
  });
  return rows;
}

/**
 * The views of one page by a customer on one day, as one row (its last time, its least next
 * contact), the sign's from the third view on: the third view's next contact is the third least,
 * as it never decreases with time. It is read again from the events of the few groups of three
 * views or more (the least three of every group cost a second at ten million events).
 */
function repeatedViews(base: EvidenceBase, page: string, grouped: string | undefined): string {
  const field = base.field(page);
  const groups =
    grouped ??
    `(select a, ${field} as v, cid, day, max(ts_us) as t, min(nxt) as m, count(*) as n
      from ${base.table} where ${field} is not null group by a, v, cid, day)`;
  // Grouped here, the groups are kept for both reads; the drivers' are a table already.
  return `with page_groups as ${grouped ? '' : 'materialized '}${groups}
    select cid, day, t as ts_us, m as nxt, null::bigint as uts, null::bigint as unxt
      from page_groups where n < 3
    union all
    select cid, day, max(ts_us), min(nxt), max(ts_us), min(nxt, 3)[3]
      from (from ${base.table} where ${field} is not null) e semi join (from page_groups where n >= 3) g
        on e.a = g.a and e.${field} = g.v and e.cid = g.cid and e.day = g.day
      group by e.a, e.${field}, e.cid, e.day`;
}

export const SIGNS = [NO_RESULT, REPEATED_VIEW, FORM_NOT_SENT];

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
