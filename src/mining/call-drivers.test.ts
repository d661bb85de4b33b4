/**
 * Call drivers found in a generated multi-channel log with one planted driver: customers browse
 * product pages on the web and in the app, chat, write emails and call; after viewing any page a
 * customer calls within a day with probability 4 %, after viewing "Product page X" with 12 %:
 * three times as often. The generator is seeded, so the log is the same on every run.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Stream } from '../simulation/random.js';
import { importCsv } from './import-csv.js';
import { journeyAnalytics } from './journeys.js';
import { type EventStore, openStore } from './store.js';

const CUSTOMERS = 6000;
const PAGES = ['Product page X', ...Array.from({ length: 14 }, (_, i) => `Product page ${i + 1}`)];
const BASE = 0.04;
const PLANTED = 3 * BASE;
const HOUR = 3600_000;

function generateLog(seed: number): string {
  const r = new Stream(seed, 'call-driver-log');
  const pick = <T>(list: T[]) => list[Math.floor(r.uniform() * list.length)] as T;
  const start = Date.UTC(2024, 2, 4);
  const rows = ['customer,activity,timestamp,channel'];
  for (let c = 0; c < CUSTOMERS; c++) {
    const events: [string, number, string][] = [];
    const views = 1 + Math.floor(r.uniform() * 4);
    for (let v = 0; v < views; v++) {
      const page = pick(PAGES);
      const at = start + r.uniform() * 14 * 24 * HOUR;
      events.push([page, at, pick(['web', 'app'])]);
      if (r.uniform() < (page === 'Product page X' ? PLANTED : BASE))
        events.push(['Call', at + (0.1 + r.uniform() * 23) * HOUR, 'phone']);
    }
    // Contacts no page drove: a chat now and then, emails about invoices, a call about delivery.
    if (r.uniform() < 0.05) events.push(['Chat', start + r.uniform() * 14 * 24 * HOUR, 'chat']);
    if (r.uniform() < 0.05) events.push(['Invoice email', start + r.uniform() * 14 * 24 * HOUR, 'email']);
    if (r.uniform() < 0.03) events.push(['Call', start + r.uniform() * 14 * 24 * HOUR, 'phone']);
    events.sort((a, b) => a[1] - b[1]);
    for (const [activity, at, channel] of events)
      rows.push(`c${c},${activity},${new Date(at).toISOString()},${channel}`);
  }
  return `${rows.join('\n')}\n`;
}

let store: EventStore;
beforeAll(async () => {
  store = await openStore(':memory:');
  const dir = mkdtempSync(join(tmpdir(), 'linesight-drivers-'));
  const file = join(dir, 'contacts.csv');
  writeFileSync(file, generateLog(2024));
  await importCsv(store, file, 'contacts', { onError: 'fail', columns: { case: 'customer' } });
});
afterAll(() => store.close());

describe('call drivers in a generated multi-channel log', () => {
  it('ranks the planted page first, with about three times the others’ confidence', async () => {
    // A low support threshold, so that every page is ranked, not only the one that stands out.
    const j = await journeyAnalytics(store, 'contacts', { driverWindow: 86400, minSupport: 0.001 });
    const calls = j.drivers.filter((d) => d.contact === 'Call');
    expect(calls[0]?.driver).toBe('Product page X');
    expect(j.drivers[0]).toEqual(calls[0]);
    const others = calls.filter((d) => d.driver.startsWith('Product page ') && d.driver !== 'Product page X');
    expect(others.length).toBe(PAGES.length - 1);
    const typical = others.reduce((s, d) => s + d.confidence, 0) / others.length;
    // Viewers of X call within a day about 3x as often as viewers of another page (other views
    // of the same customers, and calls no page drove, blur the ratio a little).
    expect((calls[0]?.confidence ?? 0) / typical).toBeGreaterThan(2.2);
    expect((calls[0]?.confidence ?? 0) / typical).toBeLessThan(3.8);
    expect((calls[0]?.lift ?? 0) / (calls[1]?.lift ?? 1)).toBeGreaterThan(1.8);
  });

  it('does not call the pages that drive nothing drivers of the chat or the emails', async () => {
    const j = await journeyAnalytics(store, 'contacts', { driverWindow: 86400, minSupport: 0.001 });
    for (const d of j.drivers.filter((x) => x.contact !== 'Call')) expect(d.lift).toBeLessThan(1.6);
    expect(j.switches.some((s) => s.to === 'phone')).toBe(true);
  });
});
