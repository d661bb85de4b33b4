import { describe, expect, it } from 'vitest';
import { plural } from '../../text/plural.js';
import type { KpiDefinition } from '../kpis.js';
import type { ScenarioValue } from '../scenario-value.js';
import { type Estimate, estimate } from '../stats.js';
import { type KpiDifference, unionKpis } from '../whatif.js';
import { mostMoved } from './headline.js';
import { intervalChart, symmetricAxis, tickText } from './interval-chart.js';
import { changeFigures, estimateFigures, figure, kpiUnit, signedFigure, withUnit } from './kpi-unit.js';
import { type KpiInfo, rowUnits, sideBySide, type WhatIfReadoutInput } from './side-by-side.js';
import { valueHeadline } from './value-text.js';
import { verdictWord } from './verdict.js';
import { whatIfText } from './whatif-text.js';

const e = (mean: number, halfWidth: number, n = 10): Estimate => ({
  mean,
  halfWidth,
  low: mean - halfWidth,
  high: mean + halfWidth,
  n,
});
const none = estimate([]);

function diff(key: string, base: Estimate, change: Estimate, better: KpiInfo['better']): KpiDifference {
  const significant = change.n > 1 && (change.low > 0 || change.high < 0);
  const improves = better === 'lower' ? change.mean < 0 : change.mean > 0;
  return {
    key,
    label: kpis.find((k) => k.key === key)?.label ?? key,
    baseline: base,
    scenario: e(base.mean + change.mean, base.halfWidth),
    difference: change,
    significant,
    verdict: !significant || better === 'none' ? 'none' : improves ? 'better' : 'worse',
  };
}

describe('one unit per KPI', () => {
  it('chooses the time unit from the baseline and writes mean and half-width in it', () => {
    const wait = kpiUnit('duration', 12.7 * 60, 'EUR');
    expect(wait.symbol).toBe('min');
    // 114 s is written in minutes too: the row never mixes "min" and "s".
    expect(changeFigures(e(12.7 * 60, 114), wait)).toBe('+12.7 ± 1.9');
    expect(kpiUnit('duration', 46.9, 'EUR').symbol).toBe('s');
    expect(kpiUnit('duration', 44.9 * 3600, 'EUR').symbol).toBe('h');
    expect(kpiUnit('duration', 7 * 86400, 'EUR').symbol).toBe('d');
    expect(
      withUnit(figure(604371, kpiUnit('duration', 604371, 'EUR')), kpiUnit('duration', 604371, 'EUR')),
    ).toBe('7.00 d');
  });

  it('writes counts whole with thousands separators, shares in % with changes in points, money in cents', () => {
    const count = kpiUnit('count', 7555.5, 'EUR');
    expect(estimateFigures(e(7555.5, 201.7), count)).toBe('7,556 ± 202');
    const share = kpiUnit('share', 0.1793, 'EUR');
    expect([share.symbol, share.changeSymbol]).toEqual(['%', 'pp']);
    expect(estimateFigures(e(0.1793, 0.0063), share)).toBe('17.9 ± 0.6');
    expect(estimateFigures(e(0.0261, 0.003), kpiUnit('share', 0.0261, 'EUR'))).toBe('2.61 ± 0.30');
    const money = kpiUnit('money', 8.98, 'EUR');
    expect(withUnit(figure(8.98, money), money)).toBe('EUR 8.98');
    expect(figure(12345.6, kpiUnit('money', 12345.6, 'EUR'))).toBe('12,346');
    expect(estimateFigures(e(0.604, 0.008), kpiUnit('ratio', 0.604, 'EUR'))).toBe('0.604 ± 0.008');
  });

  it('gives a decimal more when the half-width would read as zero, and never writes -0', () => {
    const score = kpiUnit('score', 68.3, 'EUR', 0.04);
    expect(estimateFigures(e(70.5, 0.04), score)).toBe('70.50 ± 0.04');
    expect(kpiUnit('score', 68.3, 'EUR', 0.4).decimals).toBe(1);
    const share = kpiUnit('share', 0.0446, 'EUR');
    expect(signedFigure(-0.00001, share)).toBe('0.00');
    expect(signedFigure(0.021, share)).toBe('+2.10');
    expect(figure(Number.NaN, share)).toBe('—');
  });
});

describe('verdicts', () => {
  it('reads better or worse by the direction, and no clear difference when the interval includes zero', () => {
    expect(verdictWord(diff('wait', e(60, 5), e(-10, 3), 'lower'))).toBe('better');
    expect(verdictWord(diff('wait', e(60, 5), e(10, 3), 'lower'))).toBe('worse');
    expect(verdictWord(diff('fcr', e(0.6, 0.01), e(0.05, 0.01), 'higher'))).toBe('better');
    // A mean that looks worse, inside an interval across zero, is no verdict at all.
    expect(verdictWord(diff('wait', e(60, 5), e(10, 12), 'lower'))).toBe('no clear difference');
    expect(verdictWord(diff('util', e(0.5, 0.01), e(-0.1, 0.02), 'none'))).toBe('lower');
    expect(verdictWord({ ...diff('util', none, none, 'none'), missingIn: 'baseline' })).toBe(
      'new in the scenario',
    );
  });
});

const kpis: KpiInfo[] = [
  { key: 'customers', label: 'Customers counted', kind: 'count', better: 'none' },
  { key: 'queueWait', label: 'Time waiting in queues', kind: 'duration', better: 'lower' },
  { key: 'fcr', label: 'First-contact resolution', kind: 'share', better: 'higher' },
  { key: 'cost', label: 'Staff cost per order', kind: 'money', better: 'lower' },
  { key: 'utilisation:ae', label: 'Utilisation of Account executives', kind: 'share', better: 'none' },
];

function input(value?: ScenarioValue): WhatIfReadoutInput {
  return {
    currency: 'EUR',
    kpis,
    scenarios: [
      {
        id: 'ae',
        name: 'Account executives',
        differences: [
          diff('customers', e(7556, 202), e(0, 0), 'none'),
          diff('queueWait', e(762, 60), e(-100, 20), 'lower'),
          diff('fcr', e(0.672, 0.005), e(0.055, 0.011), 'higher'),
          diff('cost', e(8.98, 0.21), e(1.45, 0.11), 'lower'),
          {
            ...diff('utilisation:ae', none, estimate([]), 'none'),
            scenario: e(0.409, 0.021),
            missingIn: 'baseline',
          },
        ],
        ...(value ? { value } : {}),
      },
    ],
  };
}

describe('the side-by-side table', () => {
  it('keeps a KPI the baseline lacks, with — there and a note', () => {
    const side = sideBySide(input());
    const row = side.rows.find((r) => r.key === 'utilisation:ae');
    expect(row?.baseline).toBe('—');
    expect(row?.scenarios[0]).toEqual({ figures: '40.9 ± 2.1', change: '—', verdict: 'new in the scenario' });
    expect(side.notes.join(' ')).toContain('the baseline has no such KPI');
    expect(side.rows.find((r) => r.key === 'queueWait')).toMatchObject({
      unitText: 'min',
      baseline: '12.7 ± 1.0',
      scenarios: [{ figures: '11.0 ± 1.0', change: '-1.7 ± 0.3', verdict: 'better' }],
    });
  });

  it('names the three KPIs that moved most relative to their interval', () => {
    const moved = mostMoved(input().scenarios[0]?.differences ?? [], kpis, rowUnits(input()));
    // 1.45/0.11 = 13.2, 0.055/0.011 = 5, 100/20 = 5 (ties keep the table's order).
    expect(moved.map((m) => m.key)).toEqual(['cost', 'queueWait', 'fcr']);
    expect(moved[0]).toMatchObject({ fromTo: 'EUR 8.98 → EUR 10.43', verdict: 'worse' });
    expect(moved[2]?.fromTo).toBe('67.2% → 72.7%');
  });

  it("puts the customers' and the money's KPIs before a single pool's", () => {
    const differences = [
      ...(input().scenarios[0]?.differences ?? []),
      // A pool's speed of answer moved far more clearly than anything else (30 half-widths)...
      diff('speedOfAnswer:desk', e(86, 4), e(-45, 1.5), 'lower'),
      diff('waitProbability:desk', e(0.5, 0.01), e(-0.2, 0.01), 'lower'),
    ];
    const all: KpiInfo[] = [
      ...kpis,
      { key: 'speedOfAnswer:desk', label: 'Speed of answer at Desk', kind: 'duration', better: 'lower' },
      { key: 'waitProbability:desk', label: 'Share who wait at Desk', kind: 'share', better: 'lower' },
    ];
    const units = rowUnits({ ...input(), kpis: all, scenarios: [{ id: 'x', name: 'x', differences }] });
    // ...but the headline names what the customers got and what it cost first.
    expect(mostMoved(differences, all, units).map((m) => m.key)).toEqual(['cost', 'queueWait', 'fcr']);
    // With fewer journey KPIs moving, the pools fill the headline, clearest first.
    const fewer = differences.filter((d) => d.key !== 'fcr' && d.key !== 'queueWait');
    expect(mostMoved(fewer, all, units).map((m) => m.key)).toEqual([
      'cost',
      'speedOfAnswer:desk',
      'waitProbability:desk',
    ]);
  });

  it('writes the CLI text with the headline, one table and the notes', () => {
    const text = whatIfText(input(), 'text');
    expect(text).toMatch(
      /^Account executives: no money figure .*moved most: Staff cost per order: EUR 8\.98/,
    );
    expect(text).toMatch(
      /Utilisation of Account executives\s+% \(pp\)\s+—\s+40\.9 ± 2\.1\s+—\s+new in the scenario/,
    );
    expect(text).toMatch(
      /Time waiting in queues\s+min\s+12\.7 ± 1\.0\s+11\.0 ± 1\.0\s+-1\.7 ± 0\.3\s+better/,
    );
  });
});

// What the headline reads of a money figure; its parts, assumptions and sensitivity are the CLI's and the page's.
const value: ScenarioValue = {
  perMonth: e(12345, 4200),
  currency: 'EUR',
  verdict: 'pays',
  parts: [],
  assumptions: [],
  sensitivity: [],
};

describe('the money figure', () => {
  it('says whether the scenario pays, with its interval rounded alike', () => {
    expect(valueHeadline(value)).toBe('pays EUR 12,300 a month (95%: 8,100 to 16,500)');
    expect(valueHeadline({ ...value, perMonth: e(-4000, 1000), verdict: 'costs' })).toBe(
      'costs EUR 4,000 a month (95%: 3,000 to 5,000)',
    );
    expect(valueHeadline({ ...value, perMonth: e(1200, 4200), verdict: 'unclear' })).toBe(
      'no clear answer whether it pays: EUR 1,200 a month (95%: -3,000 to 5,400), the interval includes zero',
    );
  });

  it('puts whether it pays in the headline, before the table', () => {
    const text = whatIfText(input(value), 'text');
    expect(text.split('\n')[0]).toBe(
      'Account executives: pays EUR 12,300 a month (95%: 8,100 to 16,500); moved most: Staff cost per order: EUR 8.98 → EUR 10.43, worse; Time waiting in queues: 12.7 min → 11.0 min, better; First-contact resolution: 67.2% → 72.7%, better.',
    );
  });
});

describe('the interval chart', () => {
  it('has round ticks either side of zero covering every interval', () => {
    expect(symmetricAxis(0.44)).toEqual({ limit: 0.6, ticks: [-0.6, -0.4, -0.2, 0, 0.2, 0.4, 0.6] });
    expect(symmetricAxis(0.07).ticks).toEqual([-0.1, -0.05, 0, 0.05, 0.1]);
    expect(tickText(-0.2)).toBe('-20%');
    expect(tickText(0)).toBe('0');
    expect(tickText(0.05)).toBe('+5%');
  });

  it('relates each change to the baseline and leaves out what has no baseline or no direction', () => {
    const chart = intervalChart(input().scenarios[0]?.differences ?? [], kpis);
    expect(chart.bars.map((b) => b.key)).toEqual(['queueWait', 'fcr', 'cost']);
    expect(chart.bars[0]?.mean).toBeCloseTo(-100 / 762);
    expect(chart.bars[2]?.high).toBeCloseTo(1.56 / 8.98);
    expect(chart.axis.limit).toBeGreaterThanOrEqual(1.56 / 8.98);
    expect(
      intervalChart([{ ...diff('queueWait', none, none, 'lower'), missingIn: 'baseline' }], kpis).leftOut,
    ).toEqual(['Time waiting in queues']);
  });
});

describe('KPIs of both sides', () => {
  it('lists a KPI only the scenario has after its neighbour, and plurals read right', () => {
    const k = (key: string) => ({ key }) as KpiDefinition;
    const merged = unionKpis([k('a'), k('u:1'), k('q:1')], [k('a'), k('u:1'), k('u:2'), k('q:1'), k('q:2')]);
    expect(merged.map((x) => x.key)).toEqual(['a', 'u:1', 'u:2', 'q:1', 'q:2']);
    expect([plural(1, 'error'), plural(2, 'step'), plural(1200, 'customer')]).toEqual([
      '1 error',
      '2 steps',
      '1,200 customers',
    ]);
  });
});
