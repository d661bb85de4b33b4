/**
 * Website failure signs the user names, for logs whose failures the name rule (web-signs.ts) cannot
 * see: an activity by its name ("Error page"), or activities by a pattern written between slashes
 * (/time.?out/, case-insensitive). Each entry is one sign: the customer-days with one of its
 * activities against the customer-days with other events that are not contacts, ranked like the
 * drivers. An entry that finds no activity is named in a warning, never dropped unsaid.
 */
import type { EvidenceBase } from './evidence-base.js';
import type { SignRows } from './exposure-counts.js';
import { quoteLiteral as literal } from './sql-text.js';

/** One named sign and the activities of the log it found. */
export interface NamedSign {
  /** As the user wrote it: the activity, or the /pattern/. */
  name: string;
  activities: string[];
}

/** The entries of a comma-separated list; a /pattern/ may hold commas. */
export function splitSignList(text: string): string[] {
  const entries: string[] = [];
  let rest = text.trim();
  while (rest.length > 0) {
    const pattern = rest.startsWith('/') ? /^\/.*?\/(?=\s*(,|$))/.exec(rest) : null;
    const end = pattern ? pattern[0].length : rest.indexOf(',') < 0 ? rest.length : rest.indexOf(',');
    const entry = rest.slice(0, end).trim();
    if (entry) entries.push(entry);
    rest = rest.slice(end).replace(/^\s*,/, '').trim();
  }
  return entries;
}

const patternOf = (entry: string) =>
  entry.length > 2 && entry.startsWith('/') && entry.endsWith('/') ? entry.slice(1, -1) : undefined;

/** The first entry that is no valid pattern, with what is wrong, or undefined when all are. */
export function signListProblem(entries: string[]): string | undefined {
  for (const entry of entries) {
    const pattern = patternOf(entry);
    if (pattern === undefined) continue;
    try {
      new RegExp(pattern, 'i');
    } catch (error) {
      return `${entry} is no regular expression (${(error as Error).message.replace(/^Invalid regular expression: /, '')})`;
    }
  }
  return undefined;
}

/** Each entry with the activities it finds among `activities` (the log's, contacts left out). */
export function matchSigns(
  entries: string[],
  activities: string[],
): { signs: NamedSign[]; warnings: string[] } {
  const signs: NamedSign[] = [];
  const warnings: string[] = [];
  for (const name of entries) {
    const pattern = patternOf(name);
    const re = pattern === undefined ? undefined : new RegExp(pattern, 'i');
    const found = activities.filter((a) => (re ? re.test(a) : a === name));
    if (found.length > 0) signs.push({ name, activities: found });
    else
      warnings.push(
        `no website sign sought for ${pattern === undefined ? `'${name}'` : name}: no activity of the log that is not a contact ${pattern === undefined ? 'has that name' : 'matches it'} (its activities: ${activities.slice(0, 20).join(', ')}${activities.length > 20 ? ', ...' : ''})`,
      );
  }
  return { signs, warnings };
}

/** The class a named sign's exposures carry: apart from the drivers' attributes and the name rule's signs. */
export const namedSignDim = (sign: NamedSign) => `named sign: ${sign.name}`;

/**
 * The named signs' rows on DuckDB: the activities' units `units` (a, cid, day, t, m), each day's
 * of the sign's activities the sign's, the day's other events the class's.
 */
export function namedSignExposures(base: EvidenceBase, signs: NamedSign[], units: string): SignRows[] {
  return signs.map((s) => {
    const of = `a in (select a from ${base.acts} where activity in (${s.activities.map(literal).join(', ')}))`;
    return {
      dim: namedSignDim(s),
      rows: `select cid, day, t as ts_us, m as nxt, case when ${of} then t end as uts, case when ${of} then m end as unxt
        from ${units}`,
    };
  });
}

/** How the named signs were found, in words. */
export const SIGNS_NAMED = 'the activities and patterns named as signs';

/** What each named sign read, in words. */
export const namedSignsReadFrom = (signs: NamedSign[]) =>
  signs.map(
    (s) =>
      `${s.name}: ${patternOf(s.name) === undefined ? 'the activity' : `the activities ${s.activities.join(', ')}`}, against the days with other events that are not contacts`,
  );
