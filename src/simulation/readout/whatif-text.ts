/**
 * A what-if as a terminal or Markdown report: a headline per scenario, the baseline and every
 * scenario side by side in one table, and the notes that table needs. What a money figure rests
 * on follows it (src/cli/commands/value-text.ts).
 */
import { markdownTable, type Row, textTable } from '../../analysis/report/table.js';
import { headlineText, scenarioHeadline } from './headline.js';
import { rowUnits, sideBySide, type WhatIfReadoutInput } from './side-by-side.js';

type Table = (headers: string[], rows: Row[]) => string;

export function whatIfText(input: WhatIfReadoutInput, format: 'text' | 'md'): string {
  const table: Table = format === 'md' ? markdownTable : textTable;
  const units = rowUnits(input);
  const headlines = input.scenarios.map((s) => headlineText(s.name, scenarioHeadline(s, input.kpis, units)));
  const side = sideBySide(input);
  const many = side.scenarios.length > 1;
  const headers = [
    'KPI (mean ± 95% interval)',
    'Unit',
    'Baseline',
    ...side.scenarios.flatMap((s, i) => [
      s.name,
      many ? `Change ${i + 1}` : 'Change',
      many ? `Verdict ${i + 1}` : 'Verdict',
    ]),
  ];
  const rows = side.rows.map((r) => [
    r.label,
    r.unitText,
    r.baseline,
    ...r.scenarios.flatMap((c) => [c.figures, c.change, c.verdict]),
  ]);
  return [headlines.join('\n'), table(headers, rows), side.notes.join('\n')].join('\n\n');
}
