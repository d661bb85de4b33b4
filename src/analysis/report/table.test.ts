/** Markdown tables as a reader's renderer shows them: headers as written, no cell broken by a pipe or a line break. */
import { expect, it } from 'vitest';
import { markdownTable } from './table.js';

it('writes headers as they are and keeps pipes and line breaks inside their cells', () => {
  const md = markdownTable(['KPI (mean ± 95% CI)', 'All customers'], [['Wait | queue', 'a\nb']]);
  expect(md.split('\n')).toEqual([
    '| KPI (mean ± 95% CI) | All customers |',
    '| --- | ---: |',
    '| Wait \\| queue | a b |',
  ]);
});
