/** The economics section: read with units and ranges, checked with messages that point at the line, written back as read. */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parse } from './load.js';
import type { Model } from './model.js';
import { serializeModel } from './serialize.js';

const model = (economics: string) => `name: Two segments
segments:
  - { id: consumer, name: Consumers, share: 0.7 }
  - { id: business, name: Business buyers, share: 0.3 }
stages: [{ id: buy, name: Buy }]
steps:
  - { id: order, name: Orders, stage: buy, channel: web, next: ordered }
ends:
  - { id: ordered, name: Ordered, outcome: success }
start: order
economics:
${economics}`;

const load = (economics: string) => parse(model(economics), { file: 'm.yaml' });

describe('economics in the model', () => {
  it('reads amounts, shares, per-segment amounts and ranges into plain numbers', () => {
    const result =
      load(`  margin: { consumer: 12 EUR, default: { value: "€40", low: 30, high: 55 EUR, note: assumption } }
  contactCost: { web: 0.05 }
  leaving:
    afterFailure: "2%"
    byExperience: [{ score: 40, p: 10% }, { score: 80, p: 0.02 }]
  customerValue: 500 EUR`);
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.economics).toEqual({
      margin: {
        bySegment: { consumer: { value: 12 }, default: { value: 40, low: 30, high: 55, note: 'assumption' } },
      },
      customerValue: { all: { value: 500 } },
      contactCost: { web: { value: 0.05 } },
      leaving: {
        afterFailure: { value: 0.02 },
        byExperience: [
          { score: 40, p: 0.1 },
          { score: 80, p: 0.02 },
        ],
      },
    });
  });

  it('writes the economics back so that it loads the same', () => {
    const first = load(`  margin: { consumer: 12 EUR, business: { value: 40 EUR, high: 60 EUR } }
  contactCost: { web: { value: 0.05, note: hosting } }
  leaving: { afterAbandon: { value: 8%, low: 2% } }
  customerValue: 500 EUR`).model as Model;
    const again = parse(stringify(serializeModel(first)), { file: 'm.yaml' });
    expect(again.diagnostics).toEqual([]);
    expect(again.model?.economics).toEqual(first.economics);
  });

  it('says what is wrong, where and how to fix it', () => {
    const result = load(`  margin: { consumer: 12 USD, buisness: 40 }
  contactCost: { fax: 1, phone: 2 }
  leaving:
    afterFailure: { value: 5%, low: 6% }
    byExperience: [{ score: 80, p: 2% }, { score: 40, p: 10% }]`);
    const found = result.diagnostics.map((d) => [d.severity, d.line, d.code, d.message]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['error', 12, 'currency-mixed', 'is in USD, but the model counts in EUR'],
        ['error', 12, 'unknown-segment', "names unknown segment 'buisness'"],
        ['error', 12, 'missing-segment-flow', "gives no amount for segment 'business'"],
        ['error', 13, 'unknown-reference', "names unknown channel 'fax'"],
        ['warning', 13, 'economics-unused', "no step is on channel 'phone', so its cost adds nothing"],
        ['error', 15, 'out-of-range', 'the range 0.06 to ... does not hold the value 0.05'],
        ['error', 16, 'invalid-value', 'score 40 does not come after 80'],
        [
          'warning',
          15,
          'economics-unused',
          'says who leaves, but no customerValue says what they take with them, so leaving costs nothing',
        ],
      ]),
    );
    expect(result.diagnostics.every((d) => d.file === 'm.yaml' && d.column > 0)).toBe(true);
    expect(result.diagnostics.find((d) => d.code === 'unknown-segment')?.hint).toContain(
      'consumer, business',
    );
  });

  it('refuses an amount that is not money, with the unit hint', () => {
    const result = load('  margin: lots');
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ line: 12, message: '"lots" is not an amount of money' });
    expect(result.diagnostics[0]?.hint).toContain('"38 EUR"');
  });
});
