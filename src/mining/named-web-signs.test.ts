/**
 * Website failure signs the user names (activities, or /patterns/), on a log whose truth is counted
 * as it is written: 600 customers with one web day each; on a third of them an error page, after
 * which half call; a session time-out on a fifth, unrelated to calls.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv } from './import-csv.js';
import { readJourneyOptions } from './journey-options.js';
import { type Effect, journeyAnalytics } from './journeys.js';
import { SIGNS_NAMED, splitSignList } from './named-web-signs.js';
import { type EventStore, openStore } from './store.js';
import { SIGNS_BY_NAME } from './web-signs.js';

const CUSTOMERS = 600;
const errorPage = (i: number) => i % 3 === 0;
const timeout = (i: number) => i % 5 === 0;
const calls = (i: number) => (errorPage(i) ? i % 2 === 0 : i % 20 === 1);

/** What a sign must count: its customer-days and the others, each with those followed by a call. */
function truth(exposed: (i: number) => boolean) {
  const ids = Array.from({ length: CUSTOMERS }, (_, i) => i);
  const count = (pick: (i: number) => boolean) => ids.filter(pick).length;
  return {
    exposed: count(exposed),
    exposedContacted: count((i) => exposed(i) && calls(i)),
    unexposed: count((i) => !exposed(i)),
    unexposedContacted: count((i) => !exposed(i) && calls(i)),
  };
}

let store: EventStore;
beforeAll(async () => {
  store = await openStore(':memory:');
  const rows = ['customer,activity,timestamp,channel'];
  for (let i = 0; i < CUSTOMERS; i++) {
    const day = `2024-03-${String(1 + (i % 30)).padStart(2, '0')}`;
    rows.push(`c${i},View Page,${day}T10:00:00Z,web`);
    if (errorPage(i)) rows.push(`c${i},Error page,${day}T10:05:00Z,web`);
    if (timeout(i)) rows.push(`c${i},Session Timeout,${day}T10:10:00Z,web`);
    if (calls(i)) rows.push(`c${i},Call Contact Center,${day}T12:00:00Z,phone`);
  }
  const file = join(mkdtempSync(join(tmpdir(), 'linesight-signs-')), 'web.csv');
  writeFileSync(file, `${rows.join('\n')}\n`);
  await importCsv(store, file, 'web', { onError: 'fail', columns: { case: 'customer' } });
});
afterAll(() => store.close());

const counts = (e: Effect | undefined) =>
  e && {
    exposed: e.exposed,
    exposedContacted: e.exposedContacted,
    unexposed: e.unexposed,
    unexposedContacted: e.unexposedContacted,
  };

describe('website signs named by the user', () => {
  it('counts each named activity or pattern against the other days, and says the rule', async () => {
    const j = await journeyAnalytics(store, 'web', { webSigns: ['Error page', '/time.?out/'] });
    expect(j.webSignsBy).toBe(SIGNS_NAMED);
    expect(j.webSignsReadFrom).toEqual([
      'Error page: the activity, against the days with other events that are not contacts',
      '/time.?out/: the activities Session Timeout, against the days with other events that are not contacts',
    ]);
    expect(j.webSigns.map((e) => [e.kind, e.activity])).toEqual([
      ['Error page', 'Error page'],
      ['/time.?out/', 'Session Timeout'],
    ]);
    const [error, time] = j.webSigns;
    expect(counts(error)).toEqual(truth(errorPage));
    expect(counts(time)).toEqual(truth(timeout));
    expect(error?.significant).toBe(true);
    expect(time?.significant).toBe(false);
    expect(j.warnings).toEqual([]);
    // Named signs are not drivers: the drivers by activity are still every activity.
    expect(
      j.attributeDrivers
        .filter((e) => e.kind === 'activity')
        .map((e) => e.activity)
        .sort(),
    ).toEqual(['Error page', 'Session Timeout', 'View Page']);
  });

  it('names in a warning what finds no activity, a contact among them', async () => {
    const j = await journeyAnalytics(store, 'web', { webSigns: ['Checkout failed', '/call/', 'Error page'] });
    expect(j.webSigns.map((e) => e.kind)).toEqual(['Error page']);
    expect(j.warnings).toEqual([
      "no website sign sought for 'Checkout failed': no activity of the log that is not a contact has that name (its activities: Error page, Session Timeout, View Page)",
      'no website sign sought for /call/: no activity of the log that is not a contact matches it (its activities: Error page, Session Timeout, View Page)',
    ]);
  });

  it('keeps the name rule when no sign is named, and says so', async () => {
    const j = await journeyAnalytics(store, 'web');
    expect(j.webSignsBy).toBe(SIGNS_BY_NAME);
    expect(j.webSignsReadFrom).toHaveLength(3);
    expect(j.webSigns.some((e) => e.kind === 'Error page')).toBe(false);
  });
});

describe('the list of signs as people type it', () => {
  it('splits at commas, but not inside a /pattern/', () => {
    expect(splitSignList(' Error page, /a{1,3}|b/ ,Timeout,')).toEqual([
      'Error page',
      '/a{1,3}|b/',
      'Timeout',
    ]);
  });

  it('refuses a pattern that is no regular expression, and an empty list', () => {
    expect(readJourneyOptions({ webSigns: 'Error page,/([/' })).toEqual({
      ok: false,
      option: 'webSigns',
      message: expect.stringMatching(/^\/\(\[\/ is no regular expression \(/),
    });
    expect(readJourneyOptions({ webSigns: ' , ' })).toMatchObject({ ok: false, option: 'webSigns' });
    expect(readJourneyOptions({ webSigns: 'Error page' })).toEqual({
      ok: true,
      options: { webSigns: ['Error page'] },
    });
  });
});
