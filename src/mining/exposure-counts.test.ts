/**
 * Exposure counts on a log small enough to count by hand, with the cases the generated logs leave
 * to chance: customers who never make an inbound contact (their units are counted, never
 * contacted), a class whose customers all are such, a unit after a caller's last contact, a contact
 * at the same time as the event (not after it), one exactly at the window's end and one a second
 * later, a class contacted through an event before the candidate's, one customer-day holding
 * the other events of two signs' classes at once, and an activity whose events have a value only
 * at times; the counts are the same whichever way the attributes are read.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyContacts } from './contact-classification.js';
import { exposureCounts, journeyEvidence } from './duckdb-journey-evidence.js';
import { importCsv } from './import-csv.js';
import { type Effect, type JourneyAnalytics, journeyAnalytics } from './journeys.js';
import { type EventStore, openStore } from './store.js';
import { FORM_NOT_SENT, NO_RESULT, REPEATED_VIEW, signAttributes } from './web-signs.js';

const D1 = '2024-03-01';
const D2 = '2024-03-02';
const D3 = '2024-03-03';
// customer, activity, time, channel, product, page, results, form
const EVENTS: [string, string, string, string, string, string, string, string][] = [
  // a never contacts: two views of P1 are one unit; a leaflet; searches, one without result; a page once
  ['a', 'View Product Page', `${D1}T10:00:00Z`, 'web', 'P1', '', '', ''],
  ['a', 'View Product Page', `${D1}T11:00:00Z`, 'web', 'P1', '', '', ''],
  ['a', 'Read Leaflet', `${D1}T11:30:00Z`, 'web', 'P9', '', '', ''],
  ['a', 'Search', `${D1}T12:00:00Z`, 'web', '', '', '5', ''],
  ['a', 'View Page', `${D2}T09:00:00Z`, 'web', '', 'Home', '', ''],
  ['a', 'Search', `${D2}T09:30:00Z`, 'web', '', '', '0', ''],
  ['a', 'Search', `${D2}T09:40:00Z`, 'web', '', '', '3', ''],
  // b calls after P1; views P2 after the last call
  ['b', 'View Product Page', `${D1}T10:00:00Z`, 'web', 'P1', '', '', ''],
  ['b', 'Call Contact Center', `${D1}T12:00:00Z`, 'phone', '', '', '', ''],
  ['b', 'View Product Page', `${D3}T10:00:00Z`, 'web', 'P2', '', '', ''],
  // c calls exactly a day after P2 (counts), d a second later (does not)
  ['c', 'View Product Page', `${D1}T10:00:00Z`, 'web', 'P2', '', '', ''],
  ['c', 'Call Contact Center', `${D2}T10:00:00Z`, 'phone', '', '', '', ''],
  ['d', 'View Product Page', `${D1}T10:00:00Z`, 'web', 'P2', '', '', ''],
  ['d', 'Call Contact Center', `${D2}T10:00:01Z`, 'phone', '', '', '', ''],
  // e: P1, a call, then P2: the day's product views are contacted, P2 itself is not
  ['e', 'View Product Page', `${D1}T10:00:00Z`, 'web', 'P1', '', '', ''],
  ['e', 'Call Contact Center', `${D1}T12:00:00Z`, 'phone', '', '', '', ''],
  ['e', 'View Product Page', `${D1}T13:00:00Z`, 'web', 'P2', '', '', ''],
  // f calls at the very time of the view: not after it
  ['f', 'View Product Page', `${D1}T10:00:00Z`, 'web', 'P1', '', '', ''],
  ['f', 'Call Contact Center', `${D1}T10:00:00Z`, 'phone', '', '', '', ''],
  // h never contacts: with a, the only customers of the leaflets
  ['h', 'Read Leaflet', `${D1}T10:00:00Z`, 'web', 'P8', '', '', ''],
  // i views Home three times, searches with a result, then calls
  ['i', 'View Page', `${D1}T09:00:00Z`, 'web', '', 'Home', '', ''],
  ['i', 'View Page', `${D1}T09:10:00Z`, 'web', '', 'Home', '', ''],
  ['i', 'View Page', `${D1}T09:20:00Z`, 'web', '', 'Home', '', ''],
  ['i', 'Search', `${D1}T09:30:00Z`, 'web', '', '', '2', ''],
  ['i', 'Call Contact Center', `${D1}T11:00:00Z`, 'phone', '', '', '', ''],
  // j leaves a form unsent and calls; k sends it
  ['j', 'Start Form', `${D1}T10:00:00Z`, 'web', '', '', '', 'F'],
  ['j', 'Call Contact Center', `${D1}T12:00:00Z`, 'phone', '', '', '', ''],
  ['k', 'Start Form', `${D1}T10:00:00Z`, 'web', '', '', '', 'F'],
  ['k', 'Send Form', `${D1}T10:05:00Z`, 'web', '', '', '', 'F'],
];

// Product views with and without a product: the class of the products is the days with a
// product, not every day with a product view. x: P1, a view without one, a call; y: a view
// without one, a call; z: P2, no call.
const PARTIAL: [string, string, string, string, string, string, string, string][] = [
  ['x', 'View Product Page', `${D1}T10:00:00Z`, 'web', 'P1', '', '', ''],
  ['x', 'View Product Page', `${D1}T11:00:00Z`, 'web', '', '', '', ''],
  ['x', 'Call Contact Center', `${D1}T12:00:00Z`, 'phone', '', '', '', ''],
  ['y', 'View Product Page', `${D1}T10:00:00Z`, 'web', '', '', '', ''],
  ['y', 'Call Contact Center', `${D1}T10:30:00Z`, 'phone', '', '', '', ''],
  ['z', 'View Product Page', `${D1}T10:00:00Z`, 'web', 'P2', '', '', ''],
];

let store: EventStore;
let result: JourneyAnalytics;
let partial: JourneyAnalytics;
beforeAll(async () => {
  store = await openStore(':memory:');
  const dir = mkdtempSync(join(tmpdir(), 'linesight-exposures-'));
  for (const [log, events] of [
    ['log', EVENTS],
    ['partial', PARTIAL],
  ] as const) {
    const rows = [
      'customer,activity,timestamp,channel,product,page,results,form',
      ...events.map((e) => e.join(',')),
    ];
    const file = join(dir, `${log}.csv`);
    writeFileSync(file, `${rows.join('\n')}\n`);
    await importCsv(store, file, log, { onError: 'fail', columns: { case: 'customer' } });
  }
  result = await journeyAnalytics(store, 'log', { by: ['product'], minExposed: 1 });
  partial = await journeyAnalytics(store, 'partial', { by: ['product'], minExposed: 1 });
});
afterAll(() => store.close());

const counts = (e: Effect | undefined) =>
  e && {
    exposed: e.exposed,
    exposedCustomers: e.exposedCustomers,
    exposedContacted: e.exposedContacted,
    unexposed: e.unexposed,
    unexposedContacted: e.unexposedContacted,
  };
const driver = (activity: string, value: string) =>
  result.attributeDrivers.find((e) => e.kind === 'product' && e.activity === activity && e.value === value);
const sign = (kind: string) => result.webSigns.find((e) => e.kind === kind);

describe('exposure counts, counted by hand', () => {
  it('counts product views per customer-day, contacted when a contact comes after the first view and within a day of the last', () => {
    // Views of P1: a (never calls), b and e (called after), f (called at that very time).
    // The other days with product views: b on day 3 (after its last call), c (called at the
    // window's end), d (a second after it).
    expect(counts(driver('View Product Page', 'P1'))).toEqual({
      exposed: 4,
      exposedCustomers: 4,
      exposedContacted: 2,
      unexposed: 3,
      unexposedContacted: 1,
    });
    // Views of P2: b on day 3, c, d, e (after e's call). The others: a, b on day 1, f.
    expect(counts(driver('View Product Page', 'P2'))).toEqual({
      exposed: 4,
      exposedCustomers: 4,
      exposedContacted: 1,
      unexposed: 3,
      unexposedContacted: 1,
    });
  });

  it('counts a class whose customers never make a contact, none of them contacted', () => {
    expect(counts(driver('Read Leaflet', 'P9'))).toEqual({
      exposed: 1,
      exposedCustomers: 1,
      exposedContacted: 0,
      unexposed: 1,
      unexposedContacted: 0,
    });
    const leaflet = result.attributeDrivers.find(
      (e) => e.kind === 'activity' && e.activity === 'Read Leaflet',
    );
    // Twelve customer-days with events that are not contacts; five followed by a call in time.
    expect(counts(leaflet)).toEqual({
      exposed: 2,
      exposedCustomers: undefined,
      exposedContacted: 0,
      unexposed: 10,
      unexposedContacted: 5,
    });
  });

  it('keeps the classes of two signs apart on one customer-day', () => {
    // i's day has the other events of both: a search with a result and its first two views.
    expect(counts(sign(NO_RESULT))).toEqual({
      exposed: 1,
      exposedCustomers: 1,
      exposedContacted: 0,
      unexposed: 2,
      unexposedContacted: 1,
    });
    expect(counts(sign(REPEATED_VIEW))).toEqual({
      exposed: 1,
      exposedCustomers: 1,
      exposedContacted: 1,
      unexposed: 1,
      unexposedContacted: 0,
    });
    expect(counts(sign(FORM_NOT_SENT))).toEqual({
      exposed: 1,
      exposedCustomers: 1,
      exposedContacted: 1,
      unexposed: 1,
      unexposedContacted: 0,
    });
  });

  it('compares a value with the days that have another value, when some events of the activity have none', () => {
    const of = (value: string) =>
      counts(partial.attributeDrivers.find((e) => e.kind === 'product' && e.value === value));
    expect(of('P1')).toEqual({
      exposed: 1,
      exposedCustomers: 1,
      exposedContacted: 1,
      unexposed: 1,
      unexposedContacted: 0,
    });
    expect(of('P2')).toEqual({
      exposed: 1,
      exposedCustomers: 1,
      exposedContacted: 0,
      unexposed: 1,
      unexposedContacted: 1,
    });
  });

  it('counts alike whether the attributes are read event by event or text by text', async () => {
    const { rule } = await classifyContacts(journeyEvidence(store), 'log');
    const attributes = ['product', 'page', 'results', 'form'];
    const query = {
      rule,
      by: ['product', 'page'],
      signs: { by: 'name' as const, attributes: signAttributes(attributes) },
      windowUs: 86400e6,
    };
    const byEvent = await exposureCounts(store, 'log', query, false);
    expect(byEvent.length).toBeGreaterThan(10);
    expect(await exposureCounts(store, 'log', query, true)).toEqual(byEvent);
  });
});
