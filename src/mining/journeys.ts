/**
 * Journey analytics over the event store (DuckDB or ClickHouse), each concept in its own file: channel
 * switching, repeat contacts, call drivers as activity pairs, call drivers by activity and
 * attribute with their statistics, and signs that the website fails to communicate. Contacts are
 * classified once (which events are contacts, which of them the customer started), and only
 * inbound contacts are explained; the result says what was counted and how it was decided. The
 * store returns counts (journey-evidence.ts); the figures are computed from them here, alike for
 * both engines.
 */

import { activityPairs, type CallDriver } from './activity-pairs.js';
import { attributeDrivers, type Finding } from './attribute-drivers.js';
import { type ChannelSwitch, channelSwitching } from './channel-switching.js';
import { type ContactCounting, classifyContacts } from './contact-classification.js';
import type { ContactRule } from './contact-rule.js';
import { journeyEvidence } from './duckdb-journey-evidence.js';
import type { ExposureCounts } from './exposure-counts.js';
import type { ExposureQuery, JourneyEvidenceSource } from './journey-evidence.js';
import {
  matchSigns,
  type NamedSign,
  namedSignDim,
  namedSignsReadFrom,
  SIGNS_NAMED,
} from './named-web-signs.js';
import { MONTH_US } from './per-month-text.js';
import type { Effect } from './ranked-effects.js';
import { type Repeat, repeatContacts } from './repeat-contacts.js';
import { byteOrder, distinctInByteOrder } from './shard-discovery.js';
import type { EventStore } from './store.js';
import { refuseTooManyActivities } from './too-many-activities.js';
import { SIGNS, SIGNS_BY_NAME, signAttributes, signsReadFrom, webSigns } from './web-signs.js';

export type { CallDriver, ChannelSwitch, ContactCounting, Effect, Finding, Repeat };

export interface Evidence {
  /** What an exposure is: a customer's events of a kind on one day (UTC). */
  unit: 'customer-day';
  /** Seconds after an exposure within which a contact counts. */
  window: number;
  minExposed: number;
  level: number;
  /** Months the log spans: what the monthly figures divide by. */
  months: number;
  /** The attributes and columns drivers were sought on. */
  by: string[];
  test: string;
}

export interface JourneyAnalytics {
  switches: ChannelSwitch[];
  /** Share of the customers with a channel who switch channel at least once. */
  switchingCustomers: number;
  /** Customers with a channel on some event: what the switching share is of. */
  channelledCustomers: number;
  customers: number;
  repeats: Repeat[];
  /** Activity pairs: a touchpoint, then an inbound contact within the window. */
  drivers: CallDriver[];
  contacts: ContactCounting;
  evidence: Evidence;
  /** Activities, and activities on attribute values, ranked by the contacts they explain. */
  attributeDrivers: Effect[];
  /** Candidates left out for fewer exposed customer-days than the minimum. */
  driversBelowMinimum: number;
  findings: Finding[];
  webSigns: Effect[];
  /** Which rule found the website signs: the name rule (the default), or the activities named as signs. */
  webSignsBy: string;
  /** What each website sign was read from. */
  webSignsReadFrom: string[];
  /** What was given and not used, and why. */
  warnings: string[];
}

export interface JourneyOptions {
  /** Seconds within which a second contact on the same topic is a repeat (default 7 days). */
  repeatWindow?: number;
  /** Seconds within which a contact counts as driven by what came before (default 1 day). */
  driverWindow?: number;
  /** Activities that are contacts; default: events on a phone, call, chat or email channel, else every activity. */
  contacts?: string[];
  /** The attribute that names a contact's topic; default the activity. */
  topic?: string;
  minSupport?: number;
  /** Attributes or columns to seek drivers on; default those named like product, page, topic, url, term. */
  by?: string[];
  /** The column or attribute that says who started an event (customer or company). */
  initiator?: string;
  /** Activities the company starts. */
  outbound?: string[];
  /** Fewest exposed customer-days a candidate needs to be tested (default 30). */
  minExposed?: number;
  /** Family-wise error level of the tests, Holm-corrected (default 0.05). */
  level?: number;
  /**
   * Website failure signs by name: each an activity, or activities matching a /pattern/
   * (case-insensitive); default: searches, page views and forms found by their names.
   */
  webSigns?: string[];
}

const DEFAULT_BY = ['product', 'page', 'topic', 'url', 'term', 'search_term', 'category', 'subject'];
const COLUMNS = ['channel', 'segment', 'resource', 'lifecycle'];
const EVIDENCE_TEST =
  'rate of exposed against unexposed customer-days of the same kind; two-proportion z test, Holm-corrected; 95% interval of the lift by the log-normal approximation';

export async function journeyAnalytics(
  store: EventStore | JourneyEvidenceSource,
  log: string,
  options: JourneyOptions = {},
): Promise<JourneyAnalytics> {
  const source = journeyEvidence(store);
  refuseTooManyActivities(log, await source.activityCount(log), 'log journeys');
  const windowUs = (options.driverWindow ?? 86400) * 1e6;
  const minExposed = options.minExposed ?? 30;
  const level = options.level ?? 0.05;
  // The parts read apart, at once: ClickHouse answers them side by side (DuckDB one at a time).
  const [classified, facts] = await Promise.all([
    classifyContacts(source, log, options),
    source.journeyLog(log),
  ]);
  const { rule } = classified;
  const warnings = [...classified.warnings];
  const months = facts.spanUs / MONTH_US;
  const attributes = distinctInByteOrder(facts.attributes);
  const known = (a: string) => attributes.includes(a) || COLUMNS.includes(a);
  const by = options.by ?? attributes.filter((a) => DEFAULT_BY.includes(a.toLowerCase()));
  const missing = by.filter((a) => !known(a));
  if (missing.length)
    warnings.push(
      `no driver sought on ${missing.join(', ')}: not an attribute or column of the log (its attributes: ${attributes.join(', ') || 'none'})`,
    );
  const settings = { windowUs, minExposed, level, months };
  const sought = by.filter(known);
  const exposures = async () => {
    const named = options.webSigns ? await namedSigns(source, log, rule, options.webSigns) : undefined;
    const signs = signsOf(attributes, named);
    const counts = await source.exposureCounts(log, { rule, by: sought, signs: signs.query, windowUs });
    return { named, signs, counts };
  };
  const [switching, repeats, drivers, { named, signs, counts: unsorted }] = await Promise.all([
    channelSwitching(source, log),
    repeatContacts(source, log, {
      rule,
      ...(options.topic ? { topic: options.topic } : {}),
      windowUs: (options.repeatWindow ?? 7 * 86400) * 1e6,
    }),
    activityPairs(source, log, { rule, windowUs, minSupport: options.minSupport ?? 0.01 }),
    exposures(),
  ]);
  if (named) warnings.push(...named.warnings);
  const counts = unsorted.sort(
    (a, b) => byteOrder(a.dim, b.dim) || byteOrder(a.act, b.act) || byteOrder(a.value, b.value),
  );
  const isSign = (c: ExposureCounts) => signs.dims.has(c.dim);
  const byAttribute = attributeDrivers(
    counts.filter((c) => !isSign(c)),
    settings,
  );
  return {
    ...switching,
    customers: facts.customers,
    repeats,
    drivers,
    contacts: classified.counting,
    evidence: {
      unit: 'customer-day',
      window: windowUs / 1e6,
      minExposed,
      level,
      months,
      by: sought,
      test: EVIDENCE_TEST,
    },
    attributeDrivers: byAttribute.effects,
    driversBelowMinimum: byAttribute.belowMinimum,
    findings: byAttribute.findings,
    webSigns: webSigns(counts.filter(isSign), settings, named?.signs),
    webSignsBy: signs.by,
    webSignsReadFrom: signs.readFrom,
    warnings,
  };
}

/** The website signs sought: the named ones, or the name rule's. */
function signsOf(attributes: string[], named: { signs: NamedSign[]; dims: string[] } | undefined) {
  if (named)
    return {
      query: { by: 'named', signs: named.signs } as ExposureQuery['signs'],
      readFrom: namedSignsReadFrom(named.signs),
      dims: new Set(named.dims),
      by: SIGNS_NAMED,
    };
  const read = signAttributes(attributes);
  return {
    query: { by: 'name', attributes: read } as ExposureQuery['signs'],
    readFrom: signsReadFrom(read),
    dims: new Set(SIGNS),
    by: SIGNS_BY_NAME,
  };
}

/** The signs the user named, matched against the log's activities that are not contacts. */
async function namedSigns(
  source: JourneyEvidenceSource,
  log: string,
  rule: ContactRule,
  entries: string[],
): Promise<{ signs: NamedSign[]; dims: string[]; warnings: string[] }> {
  const activities = [...(await source.nonContactActivities(log, rule))].sort(byteOrder);
  const { signs, warnings } = matchSigns(entries, activities);
  return { signs, dims: signs.map(namedSignDim), warnings };
}
