/**
 * Journey analytics over the event store, each concept in its own file and all in SQL: channel
 * switching, repeat contacts, call drivers as activity pairs, call drivers by activity and
 * attribute with their statistics, and signs that the website fails to communicate. Contacts are
 * classified once (which events are contacts, which of them the customer started), and only
 * inbound contacts are explained; the result says what was counted and how it was decided.
 */
import { activityPairs, type CallDriver } from './activity-pairs.js';
import { attributeDrivers, driverExposures, driverNames, type Finding } from './attribute-drivers.js';
import { type ChannelSwitch, channelSwitching } from './channel-switching.js';
import { type ContactCounting, classifyContacts } from './contact-classification.js';
import { type EvidenceBase, evidenceBase } from './evidence-base.js';
import { type ExposureCounts, exposureCounts } from './exposure-counts.js';
import {
  matchSigns,
  type NamedSign,
  namedSignDim,
  namedSignExposures,
  namedSignsReadFrom,
  SIGNS_NAMED,
} from './named-web-signs.js';
import type { Effect } from './ranked-effects.js';
import { type Repeat, repeatContacts } from './repeat-contacts.js';
import { type EventStore, queryRows } from './store.js';
import { SIGN_NAMES, SIGNS, SIGNS_BY_NAME, signAttributes, signExposures, webSigns } from './web-signs.js';

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
const MONTH_US = 30.436875 * 86_400_000_000;
const EVIDENCE_TEST =
  'rate of exposed against unexposed customer-days of the same kind; two-proportion z test, Holm-corrected; 95% interval of the lift by the log-normal approximation';

export async function journeyAnalytics(
  store: EventStore,
  log: string,
  options: JourneyOptions = {},
): Promise<JourneyAnalytics> {
  const rows = (sql: string) => queryRows(store, sql, { log });
  const windowUs = (options.driverWindow ?? 86400) * 1e6;
  const minExposed = options.minExposed ?? 30;
  const level = options.level ?? 0.05;
  const classified = await classifyContacts(store, log, options);
  const warnings = [...classified.warnings];
  const [span] = await rows(
    'select count(distinct case_id) as customers, max(ts_us) - min(ts_us) as span from events where log = $log',
  );
  const months = Number(span?.span ?? 0) / MONTH_US;
  const attributes = (
    await rows('select distinct unnest(json_keys(attributes)) as k from events where log = $log order by 1')
  ).map((r) => String(r.k));
  const known = (a: string) => attributes.includes(a) || COLUMNS.includes(a);
  const by = options.by ?? attributes.filter((a) => DEFAULT_BY.includes(a.toLowerCase()));
  const missing = by.filter((a) => !known(a));
  if (missing.length)
    warnings.push(
      `no driver sought on ${missing.join(', ')}: not an attribute or column of the log (its attributes: ${attributes.join(', ') || 'none'})`,
    );
  const settings = { windowUs, minExposed, level, months };
  const switching = await channelSwitching(store, log);
  const repeats = await repeatContacts(store, log, {
    contact: classified.inbound,
    ...(options.topic ? { topic: options.topic } : {}),
    windowUs: (options.repeatWindow ?? 7 * 86400) * 1e6,
  });
  const drivers = await activityPairs(store, log, {
    inbound: classified.inbound,
    windowUs,
    minSupport: options.minSupport ?? 0.01,
  });
  const sought = by.filter(known);
  const named = options.webSigns
    ? await namedSigns(store, log, classified.inbound, options.webSigns)
    : undefined;
  if (named) warnings.push(...named.warnings);
  const base = evidenceBase(classified, [
    ...sought,
    ...(named ? [] : Object.values(signAttributes(attributes))),
  ]);
  const signs = signsOn(base, attributes, named);
  const counts = await exposureCounts(store, log, {
    base,
    exposures: [...driverExposures(base, sought), ...signs.exposures],
    names: [driverNames(base, sought), signs.names].filter(Boolean).join('\nunion all\n'),
    windowUs,
  });
  const isSign = (c: ExposureCounts) => signs.dims.has(c.dim);
  const byAttribute = attributeDrivers(
    counts.filter((c) => !isSign(c)),
    settings,
  );
  return {
    ...switching,
    customers: Number(span?.customers ?? 0),
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

/** The website signs' exposures on the evidence base: the named ones, or the name rule's. */
function signsOn(
  base: EvidenceBase,
  attributes: string[],
  named: { signs: NamedSign[]; dims: string[] } | undefined,
) {
  return named
    ? {
        ...namedSignExposures(base, named.signs),
        readFrom: namedSignsReadFrom(named.signs),
        dims: new Set(named.dims),
        by: SIGNS_NAMED,
      }
    : { ...signExposures(base, attributes), names: SIGN_NAMES, dims: new Set(SIGNS), by: SIGNS_BY_NAME };
}

/** The signs the user named, matched against the log's activities that are not contacts. */
async function namedSigns(
  store: EventStore,
  log: string,
  inbound: string,
  entries: string[],
): Promise<{ signs: NamedSign[]; dims: string[]; warnings: string[] }> {
  const activities = (
    await queryRows(
      store,
      `select distinct activity from events where log = $log and not (${inbound}) order by 1`,
      { log },
    )
  ).map((r) => String(r.activity));
  const { signs, warnings } = matchSigns(entries, activities);
  return { signs, dims: signs.map(namedSignDim), warnings };
}
