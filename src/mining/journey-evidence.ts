/**
 * What journey analytics (journeys.ts) read from a store, as aggregated rows that either engine
 * returns: the contacts counted by activity, channel switches with their counts, contacts and
 * repeats per topic, pairs of activities with their customers, and exposure counts per candidate
 * and class. The per-customer work (a customer's events in order: time, then file order) happens
 * where the customer's events are (on ClickHouse, on the shard that holds them); ratios, ranking,
 * statistics and wording are computed from the rows in one place, over rows sorted by key, so
 * that DuckDB and ClickHouse give the same answers by construction.
 */
import type { ContactRule } from './contact-rule.js';
import type { ExposureCounts } from './exposure-counts.js';
import type { NamedSign } from './named-web-signs.js';
import type { ActivityCount } from './too-many-activities.js';
import type { SignAttributes } from './web-signs.js';

export interface JourneyLog {
  customers: number;
  /** Microseconds from the log's first event to its last (0 for an empty log). */
  spanUs: number;
  /** The keys of the events' attributes. */
  attributes: string[];
}

export interface ContactCounts {
  /** Of the activities the rule names as contacts, those in the log. */
  present: string[];
  /** The distinct values of the initiator among contacts, as the rule reads them (null for none). */
  initiatorValues: (string | null)[];
  /** Contacts per activity and direction. */
  counted: { activity: string; outbound: boolean; n: number }[];
}

export interface ChannelSwitchCounts {
  /** Customers with a channel on some event. */
  channelled: number;
  /** Customers whose next event (among those with a channel) is once on another channel. */
  switchers: number;
  switches: { from: string; to: string; count: number }[];
}

export interface TopicCounts {
  topic: string;
  contacts: number;
  /** Contacts that follow the customer's previous contact on the topic within the window. */
  repeats: number;
}

export interface PairCounts {
  customers: number;
  /** Per activity, its customers and those for whom it is an inbound contact. */
  activities: { activity: string; customers: number; contactCustomers: number }[];
  /** Customers with the driver and then, within the window, the inbound contact (another activity). */
  pairs: { driver: string; contact: string; customers: number }[];
}

/** The candidates whose exposures are counted: drivers by activity and attribute, and website signs. */
export interface ExposureQuery {
  rule: ContactRule;
  /** Attributes and columns to seek drivers on (all in the log). */
  by: string[];
  /** The name rule's signs with the attributes they read, or the signs the user named. */
  signs: { by: 'name'; attributes: SignAttributes } | { by: 'named'; signs: NamedSign[] };
  windowUs: number;
}

export interface JourneyEvidenceSource extends ActivityCount {
  journeyLog(log: string): Promise<JourneyLog>;
  /** The log's channels whose lower-case names match the rule's ASSISTED pattern. */
  assistedChannels(log: string): Promise<string[]>;
  contactCounts(log: string, rule: ContactRule): Promise<ContactCounts>;
  channelSwitches(log: string): Promise<ChannelSwitchCounts>;
  /** Inbound contacts per topic (an attribute, else the activity), with the repeats within the window. */
  topicCounts(
    log: string,
    rule: ContactRule,
    topic: string | undefined,
    windowUs: number,
  ): Promise<TopicCounts[]>;
  pairCounts(log: string, rule: ContactRule, windowUs: number): Promise<PairCounts>;
  /** The log's activities, inbound contacts left out. */
  nonContactActivities(log: string, rule: ContactRule): Promise<string[]>;
  /** Per candidate with at least one exposed unit. */
  exposureCounts(log: string, query: ExposureQuery): Promise<ExposureCounts[]>;
}
