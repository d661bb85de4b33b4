/**
 * Drivers by attribute, website signs and who started the contact, on logs from the seeded
 * generator (src/testing/contact-log.ts, seed 16, about 100,000 events) whose truth is known:
 * the product pages of P03, P07 and P15 lead to calls at 2.7 times the others' rate; searches with
 * no result, pages viewed again and again and forms left unsent lead to contacts at 4, 3 and 5
 * times the rate of help visits that go well. And the same generator with nothing planted.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ContactLogOptions, nothingPlanted, truthOf, writeContactLog } from '../testing/contact-log.js';
import { importCsv } from './import-csv.js';
import { type Effect, type JourneyAnalytics, journeyAnalytics } from './journeys.js';
import { type EventStore, openStore } from './store.js';
import { FORM_NOT_SENT, NO_RESULT, REPEATED_VIEW } from './web-signs.js';

const SEED = 16;
const planted: ContactLogOptions = { seed: SEED, events: 100_000 };
const dir = mkdtempSync(join(tmpdir(), 'linesight-evidence-'));
let store: EventStore;
let result: JourneyAnalytics;

beforeAll(async () => {
  store = await openStore(':memory:');
  for (const [log, options] of [
    ['planted', planted],
    ['nothing', nothingPlanted(planted)],
  ] as const) {
    const file = join(dir, `${log}.csv`);
    writeContactLog(file, options);
    await importCsv(store, file, log, { onError: 'fail', columns: { case: 'customer' } });
  }
  result = await journeyAnalytics(store, 'planted');
});
afterAll(() => store.close());

const within = (e: { low: number; high: number }, x: number) => {
  expect(e.low).toBeLessThan(x);
  expect(e.high).toBeGreaterThan(x);
};
const attributeEffects = (j: JourneyAnalytics) => j.attributeDrivers.filter((e) => e.kind !== 'activity');

describe('drivers by attribute in a log with planted drivers', () => {
  const truth = truthOf(planted);

  it('finds the planted products first among the product pages, each with its lift within its interval', () => {
    const products = result.attributeDrivers.filter((e) => e.kind === 'product');
    expect(
      products
        .slice(0, 3)
        .map((e) => e.value)
        .sort(),
    ).toEqual(truth.plantedProducts);
    for (const e of products.slice(0, 3)) {
      expect(e.significant).toBe(true);
      within(e, truth.productLift(e.value as string));
      expect(e.excess).toBeGreaterThan(0);
    }
    expect(products.slice(3).some((e) => e.significant)).toBe(false);
  });

  it('says it in one finding: the three products together at 2.7 times the others, with monthly contacts', () => {
    expect(result.findings).toHaveLength(1);
    const [f] = result.findings;
    expect(f?.values).toEqual(truth.plantedProducts);
    within(f as { low: number; high: number }, truth.groupLift);
    expect(f?.text).toMatch(
      /^the product pages of P03, P07 and P15 lead to contacts at 2\.\d times the rate of the others \(95% interval [\d.]+ to [\d.]+\): about \d+ contacts a month/,
    );
    // Two months of log: the monthly figure is half the excess.
    expect(result.evidence.months).toBeGreaterThan(1.8);
    expect(f?.excessPerMonth).toBeCloseTo((f?.excess ?? 0) / result.evidence.months, 6);
  });

  it('passes no unplanted attribute value: pages, search terms and other products stay below the level', () => {
    const passing = attributeEffects(result).filter((e) => e.significant);
    expect(passing.map((e) => `${e.kind}=${e.value}`).sort()).toEqual(
      truth.plantedProducts.map((p) => `product=${p}`),
    );
    // The page and term candidates were tested, not left out.
    expect(result.attributeDrivers.filter((e) => e.kind === 'page').length).toBeGreaterThan(5);
    expect(result.attributeDrivers.filter((e) => e.kind === 'term').length).toBeGreaterThan(5);
  });

  it('does not trust a large lift on a dozen customers: below the minimum exposure, nothing is tested', async () => {
    const j = await journeyAnalytics(store, 'planted', { minExposed: 1000 });
    expect(j.attributeDrivers.every((e) => e.exposed >= 1000)).toBe(true);
    expect(j.driversBelowMinimum).toBeGreaterThan(0);
    expect(j.attributeDrivers.some((e) => e.value === 'P15')).toBe(false);
  });
});

describe('signs that the website fails to communicate', () => {
  const truth = truthOf(planted);

  it('finds each sign, with the planted lift within its interval', () => {
    const by = (kind: string) => result.webSigns.find((e) => e.kind === kind) as Effect;
    expect(result.webSigns).toHaveLength(3);
    for (const [kind, lift] of [
      [NO_RESULT, truth.signLift.noResult],
      [REPEATED_VIEW, truth.signLift.repeatedView],
      [FORM_NOT_SENT, truth.signLift.formNotSent],
    ] as const) {
      expect(by(kind).significant).toBe(true);
      within(by(kind), lift);
    }
    // Ranked by the contacts they explain.
    const excess = result.webSigns.map((e) => e.excess);
    expect(excess).toEqual([...excess].sort((a, b) => b - a));
  });
});

describe('planting nothing finds nothing', () => {
  it('has no attribute driver, no website sign and no finding', async () => {
    const j = await journeyAnalytics(store, 'nothing');
    expect(attributeEffects(j).length).toBeGreaterThan(20);
    expect(attributeEffects(j).filter((e) => e.significant)).toEqual([]);
    expect(j.webSigns.filter((e) => e.significant)).toEqual([]);
    expect(j.findings).toEqual([]);
  });
});

describe('who started the contact', () => {
  it('counts only inbound contacts by default and says how it decided', () => {
    expect(result.contacts.outbound.map((o) => o.activity).sort()).toEqual([
      'Agent Reply Sent',
      'Order Confirmation Sent',
    ]);
    expect(result.contacts.inbound.map((o) => o.activity).sort()).toEqual([
      'Call Contact Center',
      'Send Email Inquiry',
      'Start Chat',
    ]);
    expect(result.contacts.contactsBy).toContain('chat, email, phone');
    expect(result.contacts.directionBy).toContain('name');
    // No outbound message is a contact any pair of activities leads to.
    expect(result.drivers.some((d) => d.contact.endsWith('Sent'))).toBe(false);
  });

  it('gives the same answers from the initiator column or a list of outbound activities', async () => {
    const byColumn = await journeyAnalytics(store, 'planted', { initiator: 'initiator' });
    const byList = await journeyAnalytics(store, 'planted', {
      outbound: ['Order Confirmation Sent', 'Agent Reply Sent'],
    });
    for (const j of [byColumn, byList]) {
      expect(j.contacts.inboundEvents).toBe(result.contacts.inboundEvents);
      expect(j.attributeDrivers).toEqual(result.attributeDrivers);
    }
    expect(byColumn.contacts.directionBy).toContain("'initiator'");
    expect(byColumn.warnings).toEqual([]);
  });

  it('names the initiator values it cannot read, and the attributes that are not in the log', async () => {
    const j = await journeyAnalytics(store, 'planted', { initiator: 'segment', by: ['product', 'colour'] });
    expect(j.warnings.join('\n')).toContain('business, private');
    expect(j.warnings.join('\n')).toContain('no driver sought on colour');
    expect(j.evidence.by).toEqual(['product']);
  });
});

describe('the generator', () => {
  it('writes the same log for the same seed, another for another seed', () => {
    const read = (seed: number, name: string) => {
      const file = join(dir, name);
      writeContactLog(file, { seed, events: 10_000 });
      return readFileSync(file, 'utf8');
    };
    const first = read(SEED, 'a.csv');
    expect(read(SEED, 'b.csv')).toBe(first);
    expect(read(SEED + 1, 'c.csv')).not.toBe(first);
    expect(first.split('\n')[0]).toBe(
      'customer,activity,timestamp,channel,segment,initiator,product,page,term,results,form',
    );
  });
});
