/**
 * Signs that the website fails to communicate, each followed by a contact or not, ranked like call
 * drivers (the same units, window and statistics):
 * - a search with no result (its results attribute is 0), against searches with results;
 * - one page viewed three times or more by a customer on one day (from the third view on),
 *   against days with page views and no such repetition;
 * - a form started and not sent on the same day, against forms started and sent.
 * Which activities and attributes they read is found by name and said in `readFrom`.
 */
import { fieldSql } from './contact-classification.js';
import { exposureCounts } from './exposure-counts.js';
import { type Effect, rankEffects } from './ranked-effects.js';
import { quoteLiteral as literal } from './sql-text.js';
import type { EventStore } from './store.js';

export interface WebSigns {
  effects: Effect[];
  /** What each sign was read from, or why it could not be. */
  readFrom: string[];
}

export const NO_RESULT = 'search with no result';
export const REPEATED_VIEW = 'page viewed again and again';
export const FORM_NOT_SENT = 'form started and not sent';

const RESULTS = ['results', 'result_count', 'results_count', 'resultcount', 'hits', 'result count'];
const PAGE = ['page', 'url', 'path', 'page_url', 'screen'];
const FORM_START = '(start|begin|open).*form|form.*(start|begin|open)';
const FORM_SENT = '(sent|send|submit).*form|form.*(sent|send|submit)';

export async function webSigns(
  store: EventStore,
  log: string,
  attributes: string[],
  s: { inbound: string; windowUs: number; minExposed: number; level: number; months: number },
): Promise<WebSigns> {
  const named = (names: string[]) => attributes.find((a) => names.includes(a.toLowerCase()));
  const where = `log = $log and not (${s.inbound})`;
  const exposures: string[] = [];
  const readFrom: string[] = [];
  const results = named(RESULTS);
  if (results) {
    const n = `try_cast(${fieldSql(results)} as double)`;
    exposures.push(`select ${literal(NO_RESULT)} as dim, activity as act,
      case when ${n} = 0 then 'yes' else 'no' end as value, case_id, ts_us
      from events where ${where} and ${n} is not null and regexp_matches(lower(activity), 'search')`);
    readFrom.push(`${NO_RESULT}: activities named like search, attribute '${results}' = 0`);
  } else readFrom.push(`${NO_RESULT}: no results attribute (${RESULTS.join(', ')})`);
  const page = named(PAGE);
  if (page) {
    const p = fieldSql(page);
    exposures.push(`select ${literal(REPEATED_VIEW)} as dim, activity as act,
      case when row_number() over (partition by case_id, activity, ${p}, ts_us // 86400000000 order by ts_us, seq) >= 3
        then 'yes' else 'no' end as value, case_id, ts_us
      from events where ${where} and ${p} is not null`);
    readFrom.push(`${REPEATED_VIEW}: the third view or more of one '${page}' by a customer on one day`);
  } else readFrom.push(`${REPEATED_VIEW}: no page attribute (${PAGE.join(', ')})`);
  const form = named(['form', 'form_name', 'form_id']);
  const key = form ? `coalesce(${fieldSql(form)}, '')` : "''";
  exposures.push(`select ${literal(FORM_NOT_SENT)} as dim, activity as act,
      case when bool_or(regexp_matches(lower(activity), '${FORM_SENT}')) over f then 'no' else 'yes' end as value,
      case_id, ts_us, regexp_matches(lower(activity), '${FORM_START}') as started
      from events where ${where} and regexp_matches(lower(activity), '${FORM_START}|${FORM_SENT}')
      window f as (partition by case_id, ${key}, ts_us // 86400000000)`);
  readFrom.push(
    `${FORM_NOT_SENT}: activities named like start form without one named like form sent the same day${form ? ` for the same '${form}'` : ''}`,
  );
  // The form rows carry a flag: only the starts are exposures.
  const last = exposures.length - 1;
  exposures[last] = `select dim, act, value, case_id, ts_us from (${exposures[last]}) where started`;
  const { counts } = await exposureCounts(store, log, { ...s, exposures });
  const effects = rankEffects(
    counts.filter((c) => c.value === 'yes').map((c) => ({ ...c, kind: c.dim, activity: c.act })),
    s,
  );
  return { effects, readFrom };
}
