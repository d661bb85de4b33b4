/**
 * "Does it pay?" in words: a scenario's net value per month against the baseline with its 95%
 * interval, what it is made of, the assumptions it rests on, and which of them would change the
 * answer if they were at the low or high end of their range.
 */
import { markdownTable, type Row, textTable } from '../../analysis/report/table.js';
import { formatMoney } from '../../model/units.js';
import { type ScenarioValue, VALUE_VERDICT_WORDS, type ValueVerdict } from '../../simulation/index.js';

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
      ? ` (95% interval ${formatMoney(p.low, c)} to ${formatMoney(p.high, c)})`
      : ' (one replication: no interval)';
  const headline = `Does '${name}' pay? ${ANSWERS[v.verdict]}: ${formatMoney(p.mean, c)} a month${interval}, scenario minus baseline.`;
  const parts = table(
    ['Part of the difference (a month)', 'Mean', '± 95%'],
    v.parts.map((x) => [
      x.label,
      formatMoney(x.perMonth.mean, c),
      formatMoney(x.perMonth.halfWidth, c, false),
    ]),
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
      `${formatMoney(s.low, c)} (${VALUE_VERDICT_WORDS[s.lowVerdict]})`,
      s.highValue,
      `${formatMoney(s.high, c)} (${VALUE_VERDICT_WORDS[s.highVerdict]})`,
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
