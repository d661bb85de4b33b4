/**
 * "Does it pay?" in words: a scenario's net value per month against the baseline with its 95%
 * interval, what it is made of, the assumptions it rests on, and which of them would change the
 * answer if they were at the low or high end of their range.
 */
import { markdownTable, type Row, textTable } from '../../analysis/report/table.js';
import type { ScenarioValue, ValueVerdict } from '../../simulation/index.js';

/** Whole units with thousands separators and a sign: "+12,300 EUR". */
export function moneyText(amount: number, currency: string, signed = true): string {
  const rounded = Math.round(amount);
  const sign = signed ? (rounded > 0 ? '+' : rounded < 0 ? '-' : '') : rounded < 0 ? '-' : '';
  return `${sign}${Math.abs(rounded).toLocaleString('en-US')} ${currency}`;
}

const ANSWERS: Record<ValueVerdict, string> = {
  pays: 'yes, it pays',
  costs: 'no, it costs more than it brings',
  unclear: 'no clear difference',
};

export const verdictWord = (v: ValueVerdict) =>
  ({ pays: 'pays', costs: 'costs', unclear: 'no clear difference' })[v];

export function valueText(name: string, v: ScenarioValue, markdown: boolean): string {
  const table = (headers: string[], rows: Row[]) =>
    markdown ? markdownTable(headers, rows) : textTable(headers, rows);
  const c = v.currency;
  const p = v.perMonth;
  const interval =
    p.n > 1
      ? ` (95% interval ${moneyText(p.low, c)} to ${moneyText(p.high, c)})`
      : ' (one replication: no interval)';
  const headline = `Does '${name}' pay? ${ANSWERS[v.verdict]}: ${moneyText(p.mean, c)} a month${interval}, scenario minus baseline.`;
  const parts = table(
    ['Part of the difference (a month)', 'Mean', '± 95%'],
    v.parts.map((x) => [x.label, moneyText(x.perMonth.mean, c), moneyText(x.perMonth.halfWidth, c, false)]),
  );
  const assumptions = table(
    ['Assumption', 'Value', 'Written at', 'Source of the number'],
    v.assumptions.map((a) => [a.label, a.value, a.source, a.note ?? '-']),
  );
  const sensitivity = table(
    [
      'Assumption (one at a time)',
      'Low',
      'Net a month',
      'High',
      'Net a month',
      'Verdict changes',
      'Break-even',
    ],
    v.sensitivity.map((s) => [
      `${s.label}${s.rangeStated ? '' : ' *'}`,
      s.lowValue,
      `${moneyText(s.low, c)} (${verdictWord(s.lowVerdict)})`,
      s.highValue,
      `${moneyText(s.high, c)} (${verdictWord(s.highVerdict)})`,
      s.verdictChanges ? 'yes' : 'no',
      s.breakEven ?? 'none',
    ]),
  );
  const changing = v.sensitivity.filter((s) => s.verdictChanges).map((s) => s.label);
  const summary =
    changing.length === 0
      ? 'No single assumption, moved to either end of its range, changes the verdict.'
      : `The verdict changes with: ${changing.join('; ')}.`;
  return [
    headline,
    parts,
    'The assumptions it rests on:',
    assumptions,
    'Sensitivity: each assumption at the low and high end of its range, the others as written (* no range written: half to one and a half times the value).',
    sensitivity,
    summary,
  ].join('\n\n');
}
