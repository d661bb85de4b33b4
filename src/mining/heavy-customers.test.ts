/**
 * Customers of many events (a bot, a shared placeholder id) are counted as the others are: the
 * journeys' pairs and exposure counts of a log holding them are the same whichever way they are
 * found, by pairing every event (the plain way) or by as-of joins (the way that stays linear).
 */
import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Stream } from '../simulation/random.js';
import { writeContactLog } from '../testing/contact-log.js';
import { classifyContacts } from './contact-classification.js';
import { exposureCounts, journeyEvidence, pairCounts } from './duckdb-journey-evidence.js';
import { hasHeavyCustomers, MANY_EVENTS } from './heavy-customers.js';
import { importCsv } from './import-csv.js';
import { type EventStore, openStore } from './store.js';
import { signAttributes } from './web-signs.js';

const ACTIVITIES: [string, string][] = [
  ['View Product Page', 'web'],
  ['Search', 'web'],
  ['Call Contact Center', 'phone'],
  ['View Page', 'web'],
  ['Chat', 'chat'],
  ['Start Form', 'web'],
  ['Order Confirmation Sent', 'email'],
];

/** Rows of the contact log's columns for one customer of `n` events, minutes to hours apart, some at the same time. */
function heavyCustomer(id: string, n: number, seed: number): string {
  const r = new Stream(seed, id);
  let t = Date.parse('2024-03-11T08:00:00Z');
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    if (r.uniform() > 0.1) t += Math.floor(r.uniform() * 4 * 3600_000);
    const [activity, channel] = ACTIVITIES[Math.floor(r.uniform() * ACTIVITIES.length)] as [string, string];
    const product = activity === 'View Product Page' ? `P${Math.floor(r.uniform() * 4)}` : '';
    const page = activity === 'View Page' ? 'Contact' : '';
    rows.push(
      `${id},${activity},${new Date(t).toISOString()},${channel},private,customer,${product},${page},,,${activity === 'Start Form' ? 'F' : ''}`,
    );
  }
  return `${rows.join('\n')}\n`;
}

/** The counts in one order (the store returns rows in any). */
const sorted = (counts: Awaited<ReturnType<typeof pairCounts>>) => ({
  customers: counts.customers,
  activities: [...counts.activities].sort((a, b) => a.activity.localeCompare(b.activity)),
  pairs: [...counts.pairs].sort(
    (a, b) => a.driver.localeCompare(b.driver) || a.contact.localeCompare(b.contact),
  ),
});

let store: EventStore;
beforeAll(async () => {
  store = await openStore(':memory:');
  const dir = mkdtempSync(join(tmpdir(), 'linesight-heavy-'));
  const plain = join(dir, 'plain.csv');
  writeContactLog(plain, { seed: 5, events: 20_000 });
  await importCsv(store, plain, 'plain', { onError: 'fail', columns: { case: 'customer' } });
  const mixed = join(dir, 'mixed.csv');
  writeContactLog(mixed, { seed: 5, events: 20_000 });
  appendFileSync(mixed, heavyCustomer('bot', 3_000, 1) + heavyCustomer('anonymous', 400, 2));
  await importCsv(store, mixed, 'mixed', { onError: 'fail', columns: { case: 'customer' } });
});
afterAll(() => store.close());

describe('customers of many events', () => {
  it('are found where a customer has more than MANY_EVENTS events', async () => {
    expect(await hasHeavyCustomers(store, 'plain')).toBe(false);
    expect(await hasHeavyCustomers(store, 'mixed')).toBe(true);
    expect(MANY_EVENTS).toBeLessThan(400);
  });

  it('give the same pairs of driver and contact either way', async () => {
    const { rule } = await classifyContacts(journeyEvidence(store), 'mixed');
    for (const windowUs of [3600e6, 86400e6, 7 * 86400e6]) {
      const plain = sorted(await pairCounts(store, 'mixed', rule, windowUs, false));
      expect(plain.pairs.length).toBeGreaterThan(5);
      expect(sorted(await pairCounts(store, 'mixed', rule, windowUs, true))).toEqual(plain);
    }
  });

  it('give the same exposure counts either way', async () => {
    const { rule } = await classifyContacts(journeyEvidence(store), 'mixed');
    for (const windowUs of [600e6, 3600e6, 86400e6]) {
      const query = {
        rule,
        by: ['product', 'page'],
        signs: {
          by: 'name' as const,
          attributes: signAttributes(['product', 'page', 'term', 'results', 'form']),
        },
        windowUs,
      };
      const plain = await exposureCounts(store, 'mixed', query, undefined, false);
      expect(plain.length).toBeGreaterThan(10);
      expect(await exposureCounts(store, 'mixed', query, undefined, true)).toEqual(plain);
    }
  });
});
